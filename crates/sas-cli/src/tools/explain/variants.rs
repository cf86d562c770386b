//! The other bytes a sender may have signed: the JSON serialised another way (whitespace
//! removed or added, keys sorted, a line break more or less), and the URL written another
//! way (without the query, percent-decoded, with or without a path prefix, absolute).

/// Another serialisation of a document, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Variant {
    pub(crate) name: &'static str,
    pub(crate) bytes: Vec<u8>,
}

/// The serialisations of `document` a sender may have signed instead, each differing from it.
pub(crate) fn json_variants(document: &[u8]) -> Vec<Variant> {
    let mut variants = Vec::new();
    let parsed: Option<serde_json::Value> = serde_json::from_slice(document).ok();
    if let Some(value) = &parsed {
        let compact = compact(document);
        let sorted = serde_json::to_vec(value).unwrap_or_default();
        let sorted_pretty = serde_json::to_vec_pretty(value).unwrap_or_default();
        variants.push(Variant { name: "compacted (whitespace removed)", bytes: compact.clone() });
        variants.push(Variant { name: "pretty-printed", bytes: pretty(&compact) });
        variants.push(Variant { name: "with its keys sorted (compact)", bytes: sorted });
        variants
            .push(Variant { name: "with its keys sorted (pretty-printed)", bytes: sorted_pretty });
    }
    if document.ends_with(b"\n") {
        let trimmed = document.trim_ascii_end().to_vec();
        variants.push(Variant { name: "without its trailing line break", bytes: trimmed });
    } else if !document.is_empty() {
        let mut with_newline = document.to_vec();
        with_newline.push(b'\n');
        variants.push(Variant { name: "with a trailing line break", bytes: with_newline });
    }
    if !document.is_empty() {
        variants.push(Variant { name: "left out (empty)", bytes: Vec::new() });
    }
    let mut seen: Vec<Vec<u8>> = vec![document.to_vec()];
    variants.retain(|variant| {
        if seen.contains(&variant.bytes) {
            false
        } else {
            seen.push(variant.bytes.clone());
            true
        }
    });
    variants
}

/// JSON text without the whitespace between tokens, members in their order.
pub(crate) fn compact(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for &byte in json {
        if in_string {
            out.push(byte);
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
        } else if byte == b'"' {
            in_string = true;
            out.push(byte);
        } else if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(byte);
        }
    }
    out
}

/// Compact JSON text pretty-printed as `serde_json` and `JSON.stringify(v, null, 2)` do:
/// two-space indents, `": "`, members in their order.
pub(crate) fn pretty(compact: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', depth * 2));
    };
    let mut bytes = compact.iter().copied().peekable();
    while let Some(byte) = bytes.next() {
        if in_string {
            out.push(byte);
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                out.push(byte);
            }
            b'{' | b'[' => {
                out.push(byte);
                if matches!(bytes.peek(), Some(b'}' | b']')) {
                    if let Some(close) = bytes.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(byte);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(byte),
        }
    }
    out
}

/// The URL lines a sender may have signed instead of `canonical` (path and query as sent):
/// each with what it is.
pub(crate) fn url_variants(canonical: &str, host: Option<&str>) -> Vec<(String, &'static str)> {
    let mut variants: Vec<(String, &'static str)> = Vec::new();
    let (path, query) = canonical.split_once('?').map_or((canonical, None), |(p, q)| (p, Some(q)));
    if query.is_some() {
        variants.push((path.to_owned(), "the path without its query"));
    }
    let decoded = percent_encoding::percent_decode_str(canonical).decode_utf8_lossy().into_owned();
    variants.push((decoded, "the target percent-decoded"));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let rest = query.map(|q| format!("?{q}")).unwrap_or_default();
    for skip in 1..segments.len() {
        let stripped = format!("/{}{rest}", segments[skip..].join("/"));
        variants.push((stripped, "the path without its first segments (a service prefix)"));
    }
    if let Some(trimmed) = path.strip_suffix('/') {
        variants.push((format!("{trimmed}{rest}"), "the path without its trailing slash"));
    } else {
        variants.push((format!("{path}/{rest}"), "the path with a trailing slash"));
    }
    if let Some(host) = host {
        for scheme in ["https", "http"] {
            variants.push((format!("{scheme}://{host}{canonical}"), "the absolute URL"));
        }
    }
    let mut seen = vec![canonical.to_owned()];
    variants.retain(|(url, _)| {
        if seen.contains(url) {
            false
        } else {
            seen.push(url.clone());
            true
        }
    });
    variants
}

#[cfg(test)]
mod tests {
    use super::{compact, pretty};

    #[test]
    fn compact_and_pretty_keep_strings_and_order() {
        let text = br#"{ "b" : [1, 2, {}], "a" : "x , y: \" }" }"#;
        assert_eq!(compact(text), br#"{"b":[1,2,{}],"a":"x , y: \" }"}"#);
        let pretty = String::from_utf8(pretty(&compact(text))).unwrap_or_default();
        assert_eq!(
            pretty,
            "{\n  \"b\": [\n    1,\n    2,\n    {}\n  ],\n  \"a\": \"x , y: \\\" }\"\n}"
        );
    }
}
