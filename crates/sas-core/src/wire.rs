//! The request as it travels, before it becomes an `http::Request`: method, path, query,
//! headers and body bytes; plus the path and query encoding both sides share.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Everything but `A-Z a-z 0-9 - . _ ~` (RFC 3986 unreserved) is escaped in path segments and
/// query components.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// An outgoing request being assembled and signed.
#[derive(Clone, Debug)]
pub(crate) struct WireRequest {
    pub(crate) method: &'static str,
    /// The path, already percent-encoded (for endpoints: the documented path; for callbacks:
    /// the callback URL's path and query, verbatim).
    pub(crate) path: String,
    /// Query pairs, not yet encoded.
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
}

impl WireRequest {
    /// The encoded query string, without `?`.
    pub(crate) fn query_string(&self) -> String {
        encode_query(&self.query)
    }

    /// The path plus `?query` when there is one: what `Authorization` signs.
    pub(crate) fn canonical_url(&self) -> String {
        let mut url = String::new();
        self.write_canonical_url(&mut url);
        url
    }

    /// Appends [`WireRequest::canonical_url`] to `out`.
    pub(crate) fn write_canonical_url(&self, out: &mut String) {
        out.push_str(&self.path);
        if self.query.is_empty() {
            return;
        }
        let query = self.query_string();
        if !query.is_empty() {
            out.push(if self.path.contains('?') { '&' } else { '?' });
            out.push_str(&query);
        }
    }
}

/// Percent-encodes one path segment or query component.
pub(crate) fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// `a=1&b=x%20y`.
pub(crate) fn encode_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode_component(name), encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes `a=1&b=x%20y` (a `+` is a space, as in forms). Pairs that are not UTF-8 after
/// decoding are kept lossily.
pub(crate) fn decode_query(query: &str) -> Vec<(String, String)> {
    if query.is_empty() {
        return Vec::new();
    }
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(name), decode_component(value))
        })
        .collect()
}

fn decode_component(text: &str) -> String {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}

/// The percent-decoded form of a received request target (path plus `?query`), when it differs
/// from the target and names the same resource: every path segment and query component reads
/// the same from the decoded form as from the target (a space is `%20`, or `+` in a query).
///
/// Client libraries that sign the target before their HTTP stack percent-encodes it sign this
/// form. A decoding that would name another resource gives `None`: `%2F` or `%3F` in a path
/// segment, `%26` in a query value or `%3D` in a query name, `%25` before two hex digits,
/// `%2B` in a query (a literal `+` there reads as a space), or bytes that are not UTF-8.
pub(crate) fn decoded_target(target: &str) -> Option<String> {
    if !target.contains(['%', '+']) {
        return None;
    }
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let path = percent_decode_str(path).decode_utf8().ok()?;
    let decoded = match query {
        Some(query) => format!("{path}?{}", decode_component(query)),
        None => path.into_owned(),
    };
    (decoded != target && read_target(&decoded) == read_target(target)).then_some(decoded)
}

/// What a server reads from a target: its decoded path segments and query pairs.
fn read_target(target: &str) -> (Vec<String>, Vec<(String, String)>) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let segments =
        path.split('/').map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned()).collect();
    (segments, decode_query(query))
}

/// Why a value cannot travel as an HTTP field value (RFC 9110 §5.5) exactly as given: a
/// control character, a byte outside visible ASCII, or whitespace a recipient would strip.
pub(crate) fn field_value_problem(value: &str) -> Option<&'static str> {
    // The common case in one pass, without stopping early so that it runs many bytes at a
    // time: visible ASCII and spaces only, no space at either end.
    let visible = value.bytes().fold(true, |visible, b| visible & (b' '..=b'~').contains(&b));
    if visible && !value.starts_with(' ') && !value.ends_with(' ') {
        return None;
    }
    if value.bytes().any(|b| b >= 0x80) {
        Some("a character outside visible ASCII")
    } else if value.bytes().any(|b| b.is_ascii_control()) {
        Some("a control character")
    } else if value.starts_with(' ') || value.ends_with(' ') {
        Some("leading or trailing whitespace, which recipients strip")
    } else {
        None
    }
}

/// Fills the `{name}` parameters of `template` with `values`, each percent-encoded.
pub(crate) fn fill_path(template: &str, values: &[(&'static str, &str)]) -> String {
    if !template.as_bytes().contains(&b'{') {
        return template.to_owned();
    }
    let mut path = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        let value = values.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v);
        path.push_str(&encode_component(value));
        rest = after.get(close + 1..).unwrap_or("");
    }
    path.push_str(rest);
    path
}

/// Matches `path` against `template`; on success, the decoded `{name}` values.
pub(crate) fn match_path(
    template: &'static str,
    path: &str,
) -> Option<Vec<(&'static str, String)>> {
    if !template.as_bytes().contains(&b'{') {
        // No parameter: the same segments are the same text.
        return (template == path).then(Vec::new);
    }
    let mut values = Vec::new();
    let mut want = template.split('/');
    let mut got = path.split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(values),
            (Some(pattern), Some(segment)) => {
                if let Some(name) = pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                    if segment.is_empty() {
                        return None;
                    }
                    let decoded = percent_decode_str(segment).decode_utf8().ok()?;
                    values.push((name, decoded.into_owned()));
                } else if pattern != segment {
                    return None;
                }
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        decode_query, decoded_target, encode_query, field_value_problem, fill_path, match_path,
    };

    #[test]
    fn field_value_problems_are_named() {
        for (value, problem) in [
            ("", None),
            ("application/json", None),
            ("a b~", None),
            ("é", Some("a character outside visible ASCII")),
            ("a\tb", Some("a control character")),
            ("a\u{7f}", Some("a control character")),
            ("\u{7f}é", Some("a character outside visible ASCII")),
            (" a", Some("leading or trailing whitespace, which recipients strip")),
            ("a ", Some("leading or trailing whitespace, which recipients strip")),
            (" ", Some("leading or trailing whitespace, which recipients strip")),
        ] {
            assert_eq!(field_value_problem(value), problem, "{value:?}");
        }
    }

    #[test]
    fn decoded_targets_name_the_same_resource_or_none() {
        for (target, decoded) in [
            ("/a/AAAA%7CA?mchid=1", Some("/a/AAAA|A?mchid=1")),
            ("/a/x%20y?m=a+b", Some("/a/x y?m=a b")),
            ("/a/x%2By", Some("/a/x+y")),
            ("/a/100%25", Some("/a/100%")),
            ("/a/%E4%B8%AD?m=%3D", Some("/a/中?m==")),
            ("/a/x", None),
            ("/a/x%2Fy", None),
            ("/a/x%3Fy", None),
            ("/a/%2541", None),
            ("/a?m=a%26b", None),
            ("/a?m=a%2Bb", None),
            ("/a?m%3D=1", None),
            ("/a/%FF", None),
            ("/a/%zz", None),
        ] {
            assert_eq!(decoded_target(target).as_deref(), decoded, "{target}");
        }
    }

    const TEMPLATE: &str = "/v3/pay/transactions/out-trade-no/{out_trade_no}/close";

    #[test]
    fn path_parameters_are_encoded_and_decoded() {
        let path = fill_path(TEMPLATE, &[("out_trade_no", "A|1 *2/3")]);
        assert_eq!(path, "/v3/pay/transactions/out-trade-no/A%7C1%20%2A2%2F3/close");
        assert_eq!(
            match_path(TEMPLATE, &path),
            Some(vec![("out_trade_no", "A|1 *2/3".to_owned())])
        );
    }

    #[test]
    fn paths_that_differ_do_not_match() {
        for path in [
            "/v3/pay/transactions/out-trade-no//close",
            "/v3/pay/transactions/out-trade-no/A1",
            "/v3/pay/transactions/out-trade-no/A1/close/",
            "/v3/pay/transactions/out-trade-no/A1/open",
            "/v3/pay/transactions/out-trade-no/%FF/close",
        ] {
            assert_eq!(match_path(TEMPLATE, path), None, "{path}");
        }
        assert_eq!(match_path("/user/checkUser", "/user/checkUser"), Some(vec![]));
        for path in ["/user/checkUser/", "/user/checkuser", "/user//checkUser", "/user", ""] {
            assert_eq!(match_path("/user/checkUser", path), None, "{path}");
        }
    }

    #[test]
    fn query_round_trips() {
        let pairs = vec![
            ("mchid".to_owned(), "1230000109".to_owned()),
            ("x y".to_owned(), "a&b=c".to_owned()),
        ];
        let encoded = encode_query(&pairs);
        assert_eq!(encoded, "mchid=1230000109&x%20y=a%26b%3Dc");
        assert_eq!(decode_query(&encoded), pairs);
        assert_eq!(
            decode_query("a=1+2&&b"),
            vec![("a".to_owned(), "1 2".to_owned()), ("b".to_owned(), String::new())]
        );
    }
}
