//! Slow clients: a request's head a byte per 100 ms (slowloris), a connection that sends
//! nothing, a body a byte per 100 ms. The server's header read timeout and request timeout end
//! them (the suite runs the servers with 1 s and 2 s).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use super::wire::{Answer, Outcome, read_answer};

/// The servers' header read timeout in this suite.
pub(crate) const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(1);
/// The servers' request timeout in this suite.
pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(2);

/// Writes `head` a byte per 100 ms, then `body` likewise; returns what the server did and when.
async fn trickle(
    addr: SocketAddr,
    head: Vec<u8>,
    slow_head: bool,
    body: Vec<u8>,
) -> (Outcome, Duration) {
    let started = Instant::now();
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    let writer = tokio::spawn(async move {
        if !slow_head && write.write_all(&head).await.is_err() {
            return;
        }
        let slow = if slow_head { [head, body].concat() } else { body };
        for byte in slow {
            if write.write_all(&[byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Then hold the connection open.
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(write);
    });
    let outcome = read_answer(&mut read).await;
    writer.abort();
    (outcome, started.elapsed())
}

/// Sends `valid`, reads the answer, then waits for the server to close the idle connection.
async fn idle_after_answer(addr: SocketAddr, valid: Vec<u8>) -> (Outcome, Duration) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(&valid).await.unwrap();
    let first = read_answer(&mut stream).await;
    if !matches!(first, Outcome::Answer(Answer { status: 200, .. })) {
        return (first, Duration::ZERO);
    }
    let started = Instant::now();
    (read_answer(&mut stream).await, started.elapsed())
}

/// The slow cases against a server, from `valid` (a valid request's bytes); each failure named.
pub(crate) async fn run(name: &str, addr: SocketAddr, valid: &[u8]) -> (usize, Vec<String>) {
    let split = valid.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let (head, body) = (valid[..split].to_vec(), valid[split..].to_vec());
    let mut failures = Vec::new();
    let limit = HEADER_READ_TIMEOUT + Duration::from_millis(1500);

    let body_limit = REQUEST_TIMEOUT + Duration::from_millis(1500);
    let ((loris, loris_took), (idle, idle_took), (kept, kept_took), (slow, slow_took)) = tokio::join!(
        trickle(addr, valid.to_vec(), true, Vec::new()),
        trickle(addr, Vec::new(), true, Vec::new()),
        idle_after_answer(addr, valid.to_vec()),
        trickle(addr, head, false, body),
    );
    for (case, outcome, took) in [
        ("slowloris", loris, loris_took),
        ("idle", idle, idle_took),
        ("idle-after-answer", kept, kept_took),
    ] {
        let cut = matches!(outcome, Outcome::Closed | Outcome::Answer(Answer { status: 408, .. }));
        if !cut || took > limit {
            failures.push(format!(
                "{name}/slow/{case}: expected the connection cut within {limit:?}, {outcome} after {took:?}"
            ));
        }
    }
    let answered = match &slow {
        Outcome::Closed => true,
        Outcome::Answer(answer) => {
            [408, 503].contains(&answer.status) && super::harness::envelope(answer).is_ok()
        }
        Outcome::Hung => false,
    };
    if !answered || slow_took > body_limit {
        failures.push(format!(
            "{name}/slow/slow-body: expected 408 or 503 within {body_limit:?}, {slow} after {slow_took:?}"
        ));
    }
    (4, failures)
}
