//! HTTP/2 abuse over cleartext with prior knowledge, written frame by frame (a client library
//! keeps to the limits these cases break): more streams than the server allows, rapid reset,
//! a 1 MiB header block, a CONTINUATION flood, a PING flood, malformed frames. Each must end
//! in refused streams, an error answer or a GOAWAY, and the server keeps serving.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
const HEADERS: u8 = 0x1;
const RST_STREAM: u8 = 0x3;
const SETTINGS: u8 = 0x4;
const PING: u8 = 0x6;
const GOAWAY: u8 = 0x7;
const WINDOW_UPDATE: u8 = 0x8;
const CONTINUATION: u8 = 0x9;
const END_STREAM: u8 = 0x1;
const END_HEADERS: u8 = 0x4;
const REFUSED_STREAM: u32 = 0x7;
const CANCEL: u32 = 0x8;

fn frame(kind: u8, flags: u8, stream: u32, payload: &[u8]) -> Vec<u8> {
    let len = u32::try_from(payload.len()).unwrap().to_be_bytes();
    let mut out = vec![len[1], len[2], len[3], kind, flags];
    out.extend_from_slice(&stream.to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// An HPACK integer with an `prefix`-bit prefix after `flags` (RFC 7541 §5.1).
fn integer(flags: u8, prefix: u32, value: usize) -> Vec<u8> {
    let max = (1usize << prefix) - 1;
    if value < max {
        return vec![flags | u8::try_from(value).unwrap()];
    }
    let mut out = vec![flags | u8::try_from(max).unwrap()];
    let mut rest = value - max;
    while rest >= 128 {
        out.push(u8::try_from(rest % 128).unwrap() | 0x80);
        rest /= 128;
    }
    out.push(u8::try_from(rest).unwrap());
    out
}

fn string(bytes: &[u8]) -> Vec<u8> {
    [integer(0, 7, bytes.len()), bytes.to_vec()].concat()
}

/// A `GET path` header block (static table entries and literals, no Huffman).
fn request_block(path: &str, extra: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut block = vec![0x82, 0x86]; // :method GET, :scheme http
    block.extend(integer(0, 4, 4)); // :path, literal value
    block.extend(string(path.as_bytes()));
    block.extend(integer(0, 4, 1)); // :authority
    block.extend(string(b"127.0.0.1"));
    for (name, value) in extra {
        block.push(0);
        block.extend(string(name));
        block.extend(string(value));
    }
    block
}

/// What the server sent back on one connection.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    goaway: Option<u32>,
    refused: usize,
    reset: usize,
    responses: usize,
    pings: usize,
    closed: bool,
}

/// Writes `bytes` (from a task of its own) and reads frames for up to `within`, or until
/// `done`, a GOAWAY or the close.
async fn exchange(
    addr: SocketAddr,
    bytes: Vec<u8>,
    within: Duration,
    done: fn(&Seen) -> bool,
) -> Seen {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    let writer = tokio::spawn(async move {
        let _ = write.write_all(&bytes).await;
        write
    });
    let mut seen = Seen::default();
    let mut buf = Vec::new();
    let deadline = tokio::time::Instant::now() + within;
    loop {
        while buf.len() >= 9 {
            let len = usize::from(buf[0]) << 16 | usize::from(buf[1]) << 8 | usize::from(buf[2]);
            if buf.len() < 9 + len {
                break;
            }
            let (kind, buf_flags, payload) = (buf[3], buf[4], buf[9..9 + len].to_vec());
            buf.drain(..9 + len);
            let code = |at: usize| {
                payload.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            };
            match kind {
                HEADERS => seen.responses += 1,
                PING if buf_flags & 0x1 != 0 => seen.pings += 1,
                RST_STREAM => {
                    seen.reset += 1;
                    if code(0) == Some(REFUSED_STREAM) {
                        seen.refused += 1;
                    }
                }
                GOAWAY => {
                    seen.goaway = code(4);
                    writer.abort();
                    return seen;
                }
                _ => {}
            }
            if done(&seen) {
                writer.abort();
                return seen;
            }
        }
        let mut chunk = [0u8; 16 * 1024];
        match tokio::time::timeout_at(deadline, read.read(&mut chunk)).await {
            Err(_) => break,
            Ok(Ok(0) | Err(_)) => {
                seen.closed = true;
                break;
            }
            Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    writer.abort();
    seen
}

/// One HTTP/2 case: its name, its bytes after the preface and SETTINGS, and its check.
pub(crate) struct H2Case {
    pub(crate) name: &'static str,
    bytes: Vec<u8>,
    check: fn(&Seen) -> bool,
    expected: &'static str,
}

/// Every HTTP/2 case against `path` (a path the server routes).
pub(crate) fn cases(path: &str) -> Vec<H2Case> {
    let request = request_block(path, &[]);
    let open = |stream: u32| frame(HEADERS, END_HEADERS, stream, &request);
    let mut many = Vec::new();
    for i in 0..1000u32 {
        many.extend(open(2 * i + 1));
    }
    let mut rapid = Vec::new();
    for i in 0..5000u32 {
        rapid.extend(frame(HEADERS, END_HEADERS | END_STREAM, 2 * i + 1, &request));
        rapid.extend(frame(RST_STREAM, 0, 2 * i + 1, &CANCEL.to_be_bytes()));
    }
    let big = request_block(path, &[(b"x-big", &vec![b'b'; 1024 * 1024])]);
    let mut huge = Vec::new();
    let pieces: Vec<&[u8]> = big.chunks(16 * 1024).collect();
    for (i, piece) in pieces.iter().enumerate() {
        let end_headers = if i + 1 == pieces.len() { END_HEADERS } else { 0 };
        let (kind, flags) =
            if i == 0 { (HEADERS, END_STREAM | end_headers) } else { (CONTINUATION, end_headers) };
        huge.extend(frame(kind, flags, 1, piece));
    }
    let mut flood = frame(HEADERS, END_STREAM, 1, &request);
    for _ in 0..20_000 {
        flood.extend(frame(CONTINUATION, 0, 1, &[]));
    }
    let mut pings = Vec::new();
    for i in 0..2000u64 {
        pings.extend(frame(PING, 0, 0, &i.to_be_bytes()));
    }
    let window = [
        frame(WINDOW_UPDATE, 0, 0, &0x7fff_ffffu32.to_be_bytes()),
        frame(WINDOW_UPDATE, 0, 0, &0x7fff_ffffu32.to_be_bytes()),
    ]
    .concat();
    vec![
        H2Case {
            name: "streams-beyond-the-limit",
            bytes: many,
            check: |s| s.refused > 0 || s.goaway.is_some(),
            expected: "refused streams or GOAWAY",
        },
        H2Case {
            name: "rapid-reset",
            bytes: rapid,
            check: |s| s.goaway.is_some() || s.closed,
            expected: "GOAWAY",
        },
        H2Case {
            name: "header-block-1mib",
            bytes: huge,
            check: |s| s.goaway.is_some() || s.reset > 0 || s.responses > 0 || s.closed,
            expected: "an error answer, a reset or GOAWAY",
        },
        H2Case {
            name: "continuation-flood",
            bytes: flood,
            check: |s| s.goaway.is_some() || s.closed,
            expected: "GOAWAY",
        },
        H2Case {
            name: "ping-flood",
            bytes: pings,
            check: |s| s.pings == 2000 || s.goaway.is_some(),
            expected: "every PING acknowledged, or GOAWAY",
        },
        H2Case {
            name: "settings-bad-length",
            bytes: frame(SETTINGS, 0, 0, &[0; 5]),
            check: |s| s.goaway.is_some() || s.closed,
            expected: "GOAWAY",
        },
        H2Case {
            name: "window-overflow",
            bytes: window,
            check: |s| s.goaway.is_some() || s.closed,
            expected: "GOAWAY",
        },
        H2Case {
            name: "headers-on-stream-0",
            bytes: frame(HEADERS, END_HEADERS, 0, &request),
            check: |s| s.goaway.is_some() || s.closed,
            expected: "GOAWAY",
        },
        H2Case {
            name: "garbage-frames",
            bytes: (0..=255u8).cycle().take(4096).collect(),
            check: |s| s.goaway.is_some() || s.closed,
            expected: "GOAWAY",
        },
    ]
}

/// Runs one case: the preface and an empty SETTINGS, then its bytes.
pub(crate) async fn run(addr: SocketAddr, case: &H2Case) -> Result<(), String> {
    let bytes = [PREFACE, &frame(SETTINGS, 0, 0, &[]), &case.bytes].concat();
    let seen = exchange(addr, bytes, Duration::from_secs(3), case.check).await;
    if (case.check)(&seen) {
        Ok(())
    } else {
        Err(format!("expected {}, saw {seen:?}", case.expected))
    }
}

/// A plain GET over HTTP/2 is answered (the server speaks h2c).
pub(crate) async fn answers(addr: SocketAddr, path: &str) -> bool {
    let request = frame(HEADERS, END_HEADERS | END_STREAM, 1, &request_block(path, &[]));
    let bytes = [PREFACE, &frame(SETTINGS, 0, 0, &[]), &request].concat();
    exchange(addr, bytes, Duration::from_secs(2), |s| s.responses > 0).await.responses > 0
}
