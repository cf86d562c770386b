//! The byte form of an HTTP request in a fuzz input, read and written:
//! `METHOD TARGET\n`, then `Name: value\n` per header, a blank line, then the body, verbatim.
//!
//! Reading is lenient so that most mutations still make a request: a header line that is not
//! a valid name and value is left out; a head that is not a method and URI makes none.

use http::header::{HeaderName, HeaderValue};

/// Reads `bytes` as a request, or `None` when its first line is not a method and a URI.
pub fn read(bytes: &[u8]) -> Option<http::Request<Vec<u8>>> {
    let (head, body) = match find(bytes, b"\n\n") {
        Some(at) => (&bytes[..at], &bytes[at + 2..]),
        None => (bytes, &[][..]),
    };
    let mut lines = head.split(|&byte| byte == b'\n');
    let first = lines.next()?;
    let space = first.iter().position(|&byte| byte == b' ')?;
    let method = http::Method::from_bytes(&first[..space]).ok()?;
    let uri = http::Uri::try_from(&first[space + 1..]).ok()?;
    let mut request = http::Request::builder().method(method).uri(uri).body(body.to_vec()).ok()?;
    for line in lines {
        let Some(colon) = line.iter().position(|&byte| byte == b':') else { continue };
        let value = line[colon + 1..].strip_prefix(b" ").unwrap_or(&line[colon + 1..]);
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(&line[..colon]), HeaderValue::from_bytes(value))
        {
            request.headers_mut().append(name, value);
        }
    }
    Some(request)
}

/// Writes `request` in the form [`read`] reads.
pub fn write(request: &http::Request<Vec<u8>>) -> Vec<u8> {
    let mut out = format!("{} {}\n", request.method(), request.uri()).into_bytes();
    for (name, value) in request.headers() {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.push(b'\n');
    }
    out.push(b'\n');
    out.extend_from_slice(request.body());
    out
}

/// The index of the first `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}
