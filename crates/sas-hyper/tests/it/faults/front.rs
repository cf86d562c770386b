//! A TCP front on loopback that misbehaves on purpose, one scripted fault per connection, in
//! front of a real server (or of nothing): resets, hangs, canned answers, answers lost after
//! the server handled the request. It counts the connections it was given and the requests it
//! passed on.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the front does with one connection.
#[derive(Clone, Copy, Debug)]
pub enum Fault {
    /// Passes bytes both ways to the upstream server.
    Relay,
    /// Resets the connection (`SO_LINGER` 0) as soon as it is accepted, reading nothing.
    ResetAtOnce,
    /// Reads the start of the request, then resets: the upstream never sees it.
    ResetAfterRequest,
    /// Passes the request on, waits for the upstream's answer to begin (the request was
    /// handled), then resets instead of passing the answer back.
    LoseAnswer,
    /// Reads the start of the request and answers nothing for this long, then closes.
    Hang(Duration),
    /// Reads the start of the request and writes these bytes back, then resets (a `Content-Length`
    /// longer than what is written makes a body cut short).
    Answer(&'static str),
}

/// The front, running.
pub struct Front {
    pub addr: SocketAddr,
    script: Arc<Mutex<VecDeque<Fault>>>,
    /// Connections accepted.
    pub connections: Arc<AtomicUsize>,
    /// Connections whose request was passed on to the upstream.
    pub passed_on: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Front {
    /// A front at a fresh loopback address in front of `upstream`, applying `script` to the
    /// connections in turn, then [`Fault::Relay`].
    pub async fn start(upstream: Option<SocketAddr>, script: Vec<Fault>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::serve(listener, upstream, script)
    }

    /// The same at `addr` (a port that was closed until now).
    pub async fn start_at(
        addr: SocketAddr,
        upstream: Option<SocketAddr>,
        script: Vec<Fault>,
    ) -> Self {
        let listener = TcpListener::bind(addr).await.unwrap();
        Self::serve(listener, upstream, script)
    }

    fn serve(listener: TcpListener, upstream: Option<SocketAddr>, script: Vec<Fault>) -> Self {
        let addr = listener.local_addr().unwrap();
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let connections = Arc::new(AtomicUsize::new(0));
        let passed_on = Arc::new(AtomicUsize::new(0));
        let (queue, accepted, passed) =
            (Arc::clone(&script), Arc::clone(&connections), Arc::clone(&passed_on));
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else { return };
                accepted.fetch_add(1, Ordering::SeqCst);
                let fault = queue.lock().unwrap().pop_front().unwrap_or(Fault::Relay);
                tokio::spawn(handle(client, upstream, fault, Arc::clone(&passed)));
            }
        });
        Self { addr, script, connections, passed_on, task }
    }

    /// `http://ADDR{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Faults not yet applied.
    pub fn left(&self) -> usize {
        self.script.lock().unwrap().len()
    }
}

impl Drop for Front {
    /// Stops accepting (connections under way go on).
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn reset(stream: TcpStream) {
    stream.set_zero_linger().unwrap();
    drop(stream);
}

/// Reads what the client sent first (at least one byte, or nothing if it closed).
async fn read_some(client: &mut TcpStream) -> Vec<u8> {
    let mut buffer = vec![0; 64 * 1024];
    let n = client.read(&mut buffer).await.unwrap_or(0);
    buffer.truncate(n);
    buffer
}

async fn handle(
    mut client: TcpStream,
    upstream: Option<SocketAddr>,
    fault: Fault,
    passed: Arc<AtomicUsize>,
) {
    match fault {
        Fault::ResetAtOnce => reset(client),
        Fault::ResetAfterRequest => {
            read_some(&mut client).await;
            reset(client);
        }
        Fault::Hang(how_long) => {
            read_some(&mut client).await;
            tokio::time::sleep(how_long).await;
        }
        Fault::Answer(bytes) => {
            read_some(&mut client).await;
            let _ = client.write_all(bytes.as_bytes()).await;
            let _ = client.flush().await;
            tokio::time::sleep(Duration::from_millis(20)).await;
            reset(client);
        }
        Fault::Relay => {
            let Some(upstream) = upstream else { return reset(client) };
            let Ok(mut server) = TcpStream::connect(upstream).await else { return reset(client) };
            passed.fetch_add(1, Ordering::SeqCst);
            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
        }
        Fault::LoseAnswer => {
            let Some(upstream) = upstream else { return reset(client) };
            let Ok(mut server) = TcpStream::connect(upstream).await else { return reset(client) };
            passed.fetch_add(1, Ordering::SeqCst);
            // Pass the request on until the answer begins (the server handled it), then
            // reset instead of passing the answer back.
            let mut buffer = vec![0; 64 * 1024];
            let mut first = [0u8; 1];
            loop {
                tokio::select! {
                    read = client.read(&mut buffer) => match read {
                        Ok(0) | Err(_) => return,
                        Ok(n) => {
                            if server.write_all(&buffer[..n]).await.is_err() {
                                return;
                            }
                        }
                    },
                    _ = server.read(&mut first) => break,
                }
            }
            reset(client);
        }
    }
}
