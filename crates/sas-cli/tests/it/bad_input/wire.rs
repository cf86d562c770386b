//! Sending one case over loopback TCP: raw bytes (written by a task of their own while the
//! answer is read, so a server that answers early and closes is seen answering), or a
//! well-formed request through hyper's client; and reading what came back.

use std::net::SocketAddr;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long a case may wait for its answer before it counts as a hang.
pub(crate) const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// What the server did.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// It closed (or reset) the connection without answering.
    Closed,
    /// Nothing within [`ANSWER_WITHIN`], the connection still open.
    Hung,
    /// An HTTP answer.
    Answer(Answer),
}

/// An HTTP answer, its header values as bytes.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, Vec<u8>)>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_slice())
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Closed => f.write_str("closed"),
            Outcome::Hung => f.write_str("hung"),
            Outcome::Answer(answer) => {
                let body = String::from_utf8_lossy(&answer.body);
                let body: String = body.chars().take(200).collect();
                write!(f, "{} {body}", answer.status)
            }
        }
    }
}

/// Writes `bytes` (then, if `half_close`, shuts the write side) while reading the answer.
pub(crate) async fn send_raw(addr: SocketAddr, bytes: Vec<u8>, half_close: bool) -> Outcome {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    let writer = tokio::spawn(async move {
        // The server may answer and close before reading everything: a failed write is fine.
        if write.write_all(&bytes).await.is_ok() && half_close {
            let _ = write.shutdown().await;
        }
        write
    });
    let outcome = read_answer(&mut read).await;
    writer.abort();
    outcome
}

/// Reads one HTTP/1.1 answer (`Content-Length` framed, or up to the close).
pub(crate) async fn read_answer(read: &mut (impl AsyncReadExt + Unpin)) -> Outcome {
    let mut buf = Vec::new();
    let deadline = tokio::time::Instant::now() + ANSWER_WITHIN;
    loop {
        if let Some(answer) = parse(&buf, false) {
            return Outcome::Answer(answer);
        }
        let mut chunk = [0u8; 16 * 1024];
        match tokio::time::timeout_at(deadline, read.read(&mut chunk)).await {
            Err(_) => return parse(&buf, true).map_or(Outcome::Hung, Outcome::Answer),
            Ok(Ok(0) | Err(_)) => {
                return parse(&buf, true).map_or(Outcome::Closed, Outcome::Answer);
            }
            Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// An answer from `buf` once complete (or, at the end of the stream, as far as it goes).
fn parse(buf: &[u8], ended: bool) -> Option<Answer> {
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&buf[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, Vec<u8>)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().as_bytes().to_vec()))
        .collect();
    let body = &buf[end + 4..];
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| std::str::from_utf8(v).ok()?.parse::<usize>().ok());
    match length {
        Some(length) if body.len() >= length => {
            Some(Answer { status, headers, body: body[..length].to_vec() })
        }
        None if ended || status == 204 || status == 304 => {
            Some(Answer { status, headers, body: body.to_vec() })
        }
        _ if ended => Some(Answer { status, headers, body: body.to_vec() }),
        _ => None,
    }
}

/// Sends a well-formed request through hyper's HTTP/1.1 client on a connection of its own.
pub(crate) async fn send_http(addr: SocketAddr, request: http::Request<Vec<u8>>) -> Outcome {
    let stream = TcpStream::connect(addr).await.unwrap();
    let io = hyper_util::rt::TokioIo::new(stream);
    let Ok((mut sender, connection)) = hyper::client::conn::http1::handshake(io).await else {
        return Outcome::Closed;
    };
    let driver = tokio::spawn(connection);
    let (mut parts, body) = request.into_parts();
    if !parts.headers.contains_key(http::header::HOST) {
        // As curl sends it: the address with its port (the sandbox's pages answer only to it).
        if let Ok(host) = http::HeaderValue::from_str(&addr.to_string()) {
            parts.headers.insert(http::header::HOST, host);
        }
    }
    // Only the path and query go on the request line.
    if let Some(path) = parts.uri.path_and_query().cloned() {
        parts.uri = http::Uri::from(path);
    }
    let request = http::Request::from_parts(parts, Full::new(Bytes::from(body)));
    let outcome = match tokio::time::timeout(ANSWER_WITHIN, sender.send_request(request)).await {
        Err(_) => Outcome::Hung,
        Ok(Err(_)) => Outcome::Closed,
        Ok(Ok(response)) => {
            let (parts, body) = response.into_parts();
            match tokio::time::timeout(ANSWER_WITHIN, body.collect()).await {
                Ok(Ok(body)) => Outcome::Answer(Answer {
                    status: parts.status.as_u16(),
                    headers: parts
                        .headers
                        .iter()
                        .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
                        .collect(),
                    body: body.to_bytes().to_vec(),
                }),
                Ok(Err(_)) => Outcome::Closed,
                Err(_) => Outcome::Hung,
            }
        }
    };
    driver.abort();
    outcome
}
