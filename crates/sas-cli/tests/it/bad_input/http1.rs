//! Malformed HTTP/1.1, written as raw bytes: garbage, request lines, header syntax, framing
//! (`Content-Length`, chunked), sizes (10 MiB bodies, 1,000 headers, 100 KiB and 1 MiB
//! headers, a 100 KiB path), raw invalid UTF-8 and non-ASCII in the target, odd targets and
//! methods, and requests cut short with the write side shut.

use super::harness::{Case, Expect, Payload};

const MIB: usize = 1024 * 1024;

/// `request` as HTTP/1.1 bytes (origin-form target, `Host`, `Content-Length`).
pub(crate) fn to_bytes(request: &http::Request<Vec<u8>>) -> Vec<u8> {
    let target = request.uri().path_and_query().map_or("/", |p| p.as_str());
    let mut out =
        format!("{} {target} HTTP/1.1\r\nhost: 127.0.0.1\r\n", request.method()).into_bytes();
    for (name, value) in request.headers() {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("content-length: {}\r\n\r\n", request.body().len()).as_bytes());
    out.extend_from_slice(request.body());
    out
}

/// The head of `request` (up to and without the blank line), and its body.
fn split(request: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let end = request.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    (request[..end].to_vec(), request[end + 4..].to_vec())
}

/// `head` with `extra` header lines, then the blank line and `body`.
fn with_lines(head: &[u8], extra: &[u8], body: &[u8]) -> Vec<u8> {
    [head, b"\r\n", extra, b"\r\n\r\n", body].concat()
}

/// The head without its `content-length` line.
fn without_length(head: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(head).into_owned();
    text.split("\r\n")
        .filter(|l| !l.starts_with("content-length"))
        .collect::<Vec<_>>()
        .join("\r\n")
        .into_bytes()
}

/// Every raw case, from `valid` (a valid signed request's bytes) and the path `path` it names.
pub(crate) fn cases(valid: &[u8], path: &str) -> Vec<Case> {
    let (head, body) = split(valid);
    let bare = without_length(&head);
    let request_line = |line: &[u8]| -> Vec<u8> {
        let rest = &head[head.windows(2).position(|w| w == b"\r\n").unwrap()..];
        [line, rest, b"\r\n\r\n", &body].concat()
    };
    let bad = Expect::StatusOrClosed(&[400]);
    let huge = vec![b'a'; 10 * MIB];
    let mut chunked_huge = Vec::with_capacity(10 * MIB + 4096);
    for chunk in huge.chunks(64 * 1024) {
        chunked_huge.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked_huge.extend_from_slice(chunk);
        chunked_huge.extend_from_slice(b"\r\n");
    }
    chunked_huge.extend_from_slice(b"0\r\n\r\n");
    let many_headers: Vec<u8> =
        (0..1000).flat_map(|i| format!("x-h{i}: {i}\r\n").into_bytes()).collect();
    let many_headers = &many_headers[..many_headers.len() - 2];
    let header_of = |len: usize| [b"x-big: ".as_slice(), &vec![b'b'; len]].concat();
    let path_line = |target: &[u8]| [b"POST ", target, b" HTTP/1.1"].concat();

    let raw: Vec<(&str, Vec<u8>, Expect)> = vec![
        // Garbage.
        ("garbage-binary", (0..=255u8).cycle().take(4096).collect(), bad),
        ("garbage-text", b"HELLO WORLD\r\n\r\n".to_vec(), bad),
        ("tls-client-hello", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03".to_vec(), bad),
        ("only-crlf", b"\r\n\r\n\r\n\r\n".to_vec(), Expect::StatusOrClosed(&[400])),
        // Request lines.
        ("http-0.9", format!("GET {path}\r\n\r\n").into_bytes(), bad),
        (
            "version-9.9",
            request_line(format!("POST {path} HTTP/9.9").as_bytes()),
            Expect::StatusOrClosed(&[400, 505]),
        ),
        ("version-garbage", request_line(format!("POST {path} HTTQ/1.1").as_bytes()), bad),
        ("double-spaces", request_line(format!("POST  {path}  HTTP/1.1").as_bytes()), bad),
        ("tab-separated", request_line(format!("POST\t{path}\tHTTP/1.1").as_bytes()), bad),
        ("method-nul", request_line(format!("PO\0ST {path} HTTP/1.1").as_bytes()), bad),
        (
            "method-10k",
            request_line(format!("{} {path} HTTP/1.1", "A".repeat(10_000)).as_bytes()),
            Expect::StatusOrClosed(&[400, 405, 431]),
        ),
        (
            "method-lowercase",
            request_line(format!("post {path} HTTP/1.1").as_bytes()),
            Expect::Envelope(&[405]),
        ),
        (
            "method-custom",
            request_line(format!("BREW {path} HTTP/1.1").as_bytes()),
            Expect::Envelope(&[405]),
        ),
        (
            "method-trace",
            request_line(format!("TRACE {path} HTTP/1.1").as_bytes()),
            Expect::Envelope(&[405]),
        ),
        (
            "method-connect",
            b"CONNECT 127.0.0.1:80 HTTP/1.1\r\nhost: 127.0.0.1:80\r\n\r\n".to_vec(),
            Expect::StatusOrClosed(&[400, 404, 405]),
        ),
        (
            "target-asterisk",
            b"OPTIONS * HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n".to_vec(),
            Expect::StatusOrClosed(&[400, 404, 405]),
        ),
        (
            "target-absolute",
            request_line(format!("POST http://127.0.0.1{path} HTTP/1.1").as_bytes()),
            Expect::Json(&[200, 401, 404]),
        ),
        // A receiver serves one URL whatever the path says; the sandbox routes by path.
        (
            "target-no-slash",
            request_line(b"POST user HTTP/1.1"),
            Expect::StatusOrClosed(&[200, 400, 404]),
        ),
        (
            "target-raw-utf8",
            request_line(&path_line("/用户/昵称".as_bytes())),
            Expect::StatusOrClosed(&[200, 400, 404]),
        ),
        (
            "target-raw-ff",
            request_line(&path_line(b"/user/\xff\xfe")),
            Expect::StatusOrClosed(&[200, 400, 404]),
        ),
        // A query the entry does not read changes nothing.
        (
            "query-raw-utf8",
            request_line(&path_line(format!("{path}?x=\u{ff}").as_bytes())),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        (
            "query-raw-invalid",
            request_line(&path_line([path.as_bytes(), b"?x=\xff\xfe"].concat().as_slice())),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        ("target-space", request_line(&path_line(b"/user/get User")), bad),
        (
            "target-100k",
            request_line(&path_line(format!("/{}", "p".repeat(100 * 1024)).as_bytes())),
            Expect::StatusOrClosed(&[400, 404, 414, 431]),
        ),
        // Header syntax.
        (
            "line-endings-lf",
            String::from_utf8_lossy(valid).replace("\r\n", "\n").into_bytes(),
            Expect::Json(&[200]),
        ),
        ("line-endings-cr", String::from_utf8_lossy(valid).replace("\r\n", "\r").into_bytes(), bad),
        (
            "no-host",
            String::from_utf8_lossy(valid).replace("host: 127.0.0.1\r\n", "").into_bytes(),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        (
            "host-twice",
            with_lines(&head, b"host: other.example", &body),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        ("header-no-colon", with_lines(&head, b"x-broken", &body), bad),
        ("header-space-before-colon", with_lines(&head, b"x-a : b", &body), bad),
        (
            "header-obs-fold",
            with_lines(&head, b"x-a: b\r\n c", &body),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        ("header-name-space", with_lines(&head, b"x a: b", &body), bad),
        ("header-name-non-ascii", with_lines(&head, "x-ä: b".as_bytes(), &body), bad),
        ("header-name-empty", with_lines(&head, b": b", &body), bad),
        ("header-value-nul", with_lines(&head, b"x-a: b\0c", &body), bad),
        ("header-value-bare-cr", with_lines(&head, b"x-a: b\rc", &body), bad),
        ("header-value-raw-ff", with_lines(&head, b"x-a: \xff\xfe", &body), Expect::Json(&[200])),
        (
            "request-id-raw-ff",
            with_lines(&head, b"x-request-id: \xff\xfe", &body),
            Expect::Json(&[200]),
        ),
        // Framing.
        ("content-length-abc", with_lines(&bare, b"content-length: abc", &body), bad),
        ("content-length-negative", with_lines(&bare, b"content-length: -1", &body), bad),
        (
            "content-length-2^64",
            with_lines(&bare, b"content-length: 18446744073709551616", &body),
            bad,
        ),
        (
            "content-length-plus",
            with_lines(&bare, format!("content-length: +{}", body.len()).as_bytes(), &body),
            bad,
        ),
        ("content-length-twice-differing", with_lines(&head, b"content-length: 1", &body), bad),
        (
            "content-length-list",
            with_lines(&bare, format!("content-length: {0}, {0}", body.len()).as_bytes(), &body),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        // Chunked framing wins over Content-Length (RFC 9112 §6.3), or the request is refused.
        (
            "content-length-and-chunked",
            with_lines(
                &head,
                b"transfer-encoding: chunked",
                &[format!("{:x}\r\n", body.len()).as_bytes(), &body, b"\r\n0\r\n\r\n"].concat(),
            ),
            Expect::StatusOrClosed(&[200, 400]),
        ),
        (
            "chunked-bad-size",
            with_lines(&bare, b"transfer-encoding: chunked", b"zz\r\nabc\r\n0\r\n\r\n"),
            bad,
        ),
        (
            "chunked-size-2^64",
            with_lines(
                &bare,
                b"transfer-encoding: chunked",
                b"10000000000000000\r\nabc\r\n0\r\n\r\n",
            ),
            bad,
        ),
        (
            "chunked-not-last",
            with_lines(&bare, b"transfer-encoding: chunked, gzip", &body),
            Expect::StatusOrClosed(&[400, 501]),
        ),
        (
            "transfer-encoding-gzip",
            with_lines(&bare, b"transfer-encoding: gzip", &body),
            Expect::StatusOrClosed(&[400, 501]),
        ),
        (
            "transfer-encoding-unknown",
            with_lines(&bare, b"transfer-encoding: bogus", &body),
            Expect::StatusOrClosed(&[400, 501]),
        ),
        // Sizes.
        (
            "body-10mib",
            with_lines(&bare, format!("content-length: {}", huge.len()).as_bytes(), &huge),
            Expect::Envelope(&[413]),
        ),
        (
            "body-10mib-chunked",
            with_lines(&bare, b"transfer-encoding: chunked", &chunked_huge),
            Expect::Envelope(&[413]),
        ),
        ("headers-1000", with_lines(&head, many_headers, &body), Expect::StatusOrClosed(&[431])),
        (
            "header-100kib",
            with_lines(&head, &header_of(100 * 1024), &body),
            Expect::StatusOrClosed(&[431]),
        ),
        ("header-1mib", with_lines(&head, &header_of(MIB), &body), Expect::StatusOrClosed(&[431])),
    ];
    let mut cases: Vec<Case> = raw
        .into_iter()
        .map(|(name, bytes, expect)| Case::new("http1", name, Payload::Raw(bytes), expect))
        .collect();

    // Cut short, then the write side shut: the server must not wait for the rest.
    let line_end = valid.windows(2).position(|w| w == b"\r\n").unwrap();
    let cut: Vec<(&str, Vec<u8>)> = vec![
        ("in-request-line", valid[..line_end / 2].to_vec()),
        ("after-request-line", valid[..line_end + 2].to_vec()),
        ("in-headers", valid[..head.len() / 2].to_vec()),
        ("in-body", valid[..valid.len() - body.len() / 2].to_vec()),
        ("in-chunk", with_lines(&bare, b"transfer-encoding: chunked", b"100\r\nabc")),
    ];
    for (name, bytes) in cut {
        cases.push(Case::new(
            "half-closed",
            name,
            Payload::HalfClosed(bytes),
            Expect::StatusOrClosed(&[400]),
        ));
    }
    cases.push(Case::new(
        "half-closed",
        "whole-request",
        Payload::HalfClosed(valid.to_vec()),
        Expect::StatusOrClosed(&[200]),
    ));
    cases
}
