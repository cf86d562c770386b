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
        let query = self.query_string();
        let joint = if self.path.contains('?') { '&' } else { '?' };
        if query.is_empty() { self.path.clone() } else { format!("{}{joint}{query}", self.path) }
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

/// Fills the `{name}` parameters of `template` with `values`, each percent-encoded.
pub(crate) fn fill_path(template: &str, values: &[(&'static str, &str)]) -> String {
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
    use super::{decode_query, encode_query, fill_path, match_path};

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
