//! A captured HTTP request, as `sas verify` and `sas listen` read it: a raw HTTP/1.x request
//! (as a proxy or `curl -v` shows it, CRLF or LF line endings), or a method, target, headers
//! and body given one by one. The body is kept as the exact bytes received.

use std::fmt;

/// A request as captured: nothing re-encoded, header names as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Captured {
    /// The method, e.g. `POST`.
    pub method: String,
    /// The request target as sent: `/path?query`, or an absolute URL (a proxy's form).
    pub target: String,
    /// The headers in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// A captured request could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaptureError {
    /// The first line is not `METHOD TARGET [HTTP/x.y]`.
    #[error("the first line is not a request line (METHOD TARGET HTTP/1.1): {line:?}")]
    RequestLine {
        /// The line, cut to 80 characters.
        line: String,
    },
    /// A header line has no `:`.
    #[error("line {number} is not a header (Name: value): {line:?}")]
    Header {
        /// The 1-based line number.
        number: usize,
        /// The line, cut to 80 characters.
        line: String,
    },
    /// A `--header` argument is neither `Name: value` nor `Name=value`.
    #[error("{0:?} is not a header: write Name=value or \"Name: value\"")]
    HeaderArgument(String),
    /// The head is not UTF-8.
    #[error("the request line and headers are not UTF-8")]
    NotUtf8,
}

impl Captured {
    /// Reads a raw HTTP/1.x request: request line, headers, an empty line, the body. Lines may
    /// end in CRLF or LF; a `> ` prefix on the head's lines (as `curl -v` prints them) is
    /// dropped. When `Content-Length` is smaller than what follows the head, the body is cut
    /// to it (a capture often ends with an extra line break).
    ///
    /// # Errors
    ///
    /// [`CaptureError`] naming the line that is not HTTP.
    pub fn parse(raw: &[u8]) -> Result<Self, CaptureError> {
        let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        let (head, body) = split_head(raw);
        let head = std::str::from_utf8(head).map_err(|_| CaptureError::NotUtf8)?;
        let mut lines = head
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .map(|line| line.strip_prefix("> ").unwrap_or(line))
            .enumerate()
            .skip_while(|(_, line)| line.trim().is_empty());
        let (_, request_line) = lines.next().unwrap_or((0, ""));
        let mut parts = request_line.split_whitespace();
        let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
            return Err(CaptureError::RequestLine { line: cut(request_line) });
        };
        let version = parts.next();
        if !method.bytes().all(|b| b.is_ascii_alphabetic())
            || !(target.starts_with('/') || target.contains("://") || target == "*")
            || version.is_some_and(|v| !v.starts_with("HTTP/"))
        {
            return Err(CaptureError::RequestLine { line: cut(request_line) });
        }
        let mut headers = Vec::new();
        for (index, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let Some((name, value)) = line.split_once(':') else {
                return Err(CaptureError::Header { number: index + 1, line: cut(line) });
            };
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        let mut captured = Self {
            method: method.to_ascii_uppercase(),
            target: target.to_owned(),
            headers,
            body: body.to_vec(),
        };
        if let Some(length) = captured.header("Content-Length").and_then(|v| v.parse().ok())
            && length < captured.body.len()
        {
            captured.body.truncate(length);
        }
        Ok(captured)
    }

    /// A request from its parts; `headers` are `Name=value` or `Name: value`.
    ///
    /// # Errors
    ///
    /// [`CaptureError::HeaderArgument`] for a header that is neither.
    pub fn from_parts(
        method: &str,
        target: &str,
        headers: &[String],
        body: Vec<u8>,
    ) -> Result<Self, CaptureError> {
        let headers = headers
            .iter()
            .map(|header| {
                let colon = header.find(':');
                let equals = header.find('=');
                let at = match (colon, equals) {
                    (Some(c), Some(e)) => c.min(e),
                    (Some(at), None) | (None, Some(at)) => at,
                    (None, None) => return Err(CaptureError::HeaderArgument(header.clone())),
                };
                let (name, value) = (header[..at].trim(), header[at + 1..].trim());
                if name.is_empty() {
                    return Err(CaptureError::HeaderArgument(header.clone()));
                }
                Ok((name.to_owned(), value.to_owned()))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { method: method.to_ascii_uppercase(), target: target.to_owned(), headers, body })
    }

    /// The values of header `name` (case-insensitive), in order.
    pub fn header_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.header_values(name).into_iter().next()
    }

    /// The path and query as signed: the target without scheme and host.
    pub fn canonical_url(&self) -> &str {
        let target = self.target.as_str();
        match target.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
            None => target,
        }
    }

    /// The path, without the query.
    pub fn path(&self) -> &str {
        let url = self.canonical_url();
        url.split_once('?').map_or(url, |(path, _)| path)
    }

    /// The query parameters, percent-decoded (`+` as a space).
    pub fn query(&self) -> Vec<(String, String)> {
        let Some((_, query)) = self.canonical_url().split_once('?') else { return Vec::new() };
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(name), decode(value))
            })
            .collect()
    }

    /// The body as a JSON object, if it is one.
    pub fn json_body(&self) -> Option<serde_json::Map<String, serde_json::Value>> {
        serde_json::from_slice(self.body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.body)).ok()
    }
}

impl fmt::Display for Captured {
    /// The request line and the header names (values can be secrets).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.target)
    }
}

/// The head and the body: split at the first empty line (CRLF or LF).
fn split_head(raw: &[u8]) -> (&[u8], &[u8]) {
    let mut at = 0;
    while at < raw.len() {
        let Some(newline) = raw[at..].iter().position(|&b| b == b'\n') else { break };
        let line_end = at + newline;
        let next = line_end + 1;
        let rest = &raw[next..];
        let blank = if rest.starts_with(b"\r\n") {
            Some(next + 2)
        } else if rest.starts_with(b"\n") {
            Some(next + 1)
        } else if rest.starts_with(b"> \r\n") || rest.starts_with(b">\r\n") {
            Some(next + rest.iter().position(|&b| b == b'\n').unwrap_or(0) + 1)
        } else if rest.starts_with(b"> \n") || rest.starts_with(b">\n") {
            Some(next + rest.iter().position(|&b| b == b'\n').unwrap_or(0) + 1)
        } else {
            None
        };
        // The request line itself is never the blank line's predecessor only by accident: a
        // head has at least the request line.
        if let Some(body_start) = blank {
            return (&raw[..next], &raw[body_start.min(raw.len())..]);
        }
        at = next;
    }
    (raw, &[])
}

fn decode(text: &str) -> String {
    let text = text.replace('+', " ");
    percent_encoding::percent_decode_str(&text).decode_utf8_lossy().into_owned()
}

fn cut(line: &str) -> String {
    line.chars().take(80).collect()
}
