//! Well-formed HTTP with bad content, generated per endpoint from tables: signatures (missing,
//! wrong, garbage, stale, future, given twice, under WeChat's names), JSON (truncated, invalid,
//! deeply nested, not an object, a member twice), wrong JSON types per field, huge and odd
//! numbers per numeric field, invalid UTF-8 (body, header values, query, path), content types,
//! methods, and odd paths. Each goes through hyper's client.

use sas_cli::keyfile::KeysFile;
use sas_core::time::UnixTime;
use sas_hyper::time::{Clock, SystemClock};
use serde_json::Value;

use super::harness::{Case, Expect, Payload};
use super::signed::{self, Endpoint, Scheme};

/// The statuses of a body the entry cannot read: 400, or 401 where the signature is inside the
/// body (an unreadable body is a failed signature).
fn unreadable(endpoint: &Endpoint) -> Expect {
    match endpoint.scheme {
        Scheme::PaySig | Scheme::VirtualCallback => Expect::Envelope(&[400, 401]),
        _ => Expect::Envelope(&[400]),
    }
}

/// What a request that reaches the handler may get: its answer or a business refusal, in the
/// envelope, never a 5xx.
const ANY_ENVELOPE: Expect = Expect::Json(&[200, 400, 401, 403, 404, 409]);

/// Every content case of `endpoint` on a server at `base`.
pub(crate) fn cases(keys: &KeysFile, endpoint: &Endpoint, base: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    signatures(keys, endpoint, base, &mut cases);
    if endpoint.name != "queryOrder" {
        json(keys, endpoint, base, &mut cases);
        types(keys, endpoint, base, &mut cases);
        numbers(keys, endpoint, base, &mut cases);
        content_types(keys, endpoint, base, &mut cases);
    }
    utf8(keys, endpoint, base, &mut cases);
    methods(keys, endpoint, base, &mut cases);
    cases
}

fn http(
    kind: &'static str,
    endpoint: &Endpoint,
    variant: &str,
    request: http::Request<Vec<u8>>,
    expect: Expect,
) -> Case {
    Case::new(
        kind,
        format!("{}/{variant}", endpoint.name),
        Payload::Http(Box::new(request)),
        expect,
    )
}

/// The header that carries the endpoint's signature, if a header does.
fn signature_header(endpoint: &Endpoint) -> Option<&'static str> {
    match endpoint.scheme {
        Scheme::TcSignature | Scheme::VirtualCallback => Some("tc-signature"),
        Scheme::Authorization => Some("authorization"),
        Scheme::Callback => Some("tc-callback-signature"),
        Scheme::PaySig | Scheme::PaySigQuery => None,
    }
}

const AUTH_HEADERS: [&str; 6] = [
    "tc-signature",
    "tc-timestamp",
    "authorization",
    "tc-callback-signature",
    "tc-callback-nonce",
    "tc-callback-serial",
];

fn signatures(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let signed_now = signed::now(keys, endpoint, base);
    let fresh = || signed::copy(&signed_now);
    let refused = Expect::Envelope(&[401]);
    let kind = "signature";

    let mut none = fresh();
    for name in AUTH_HEADERS {
        none.headers_mut().remove(name);
    }
    strip_body_signature(endpoint, &mut none);
    cases.push(http(kind, endpoint, "missing-all", none, refused));

    if let Some(header) = signature_header(endpoint) {
        let mut missing = fresh();
        missing.headers_mut().remove(header);
        cases.push(http(kind, endpoint, "missing", missing, refused));
        let original = fresh().headers()[header].as_bytes().to_vec();
        let mut flipped = original.clone();
        let at = flipped.len() / 2;
        // A digit has no other case, so the change holds under a reader that takes hex in
        // either case (PROTOCOL.md §7); 'a' -> 'A' would be the same signature.
        flipped[at] = if flipped[at] == b'0' { b'1' } else { b'0' };
        let garbage: [(&str, Vec<u8>); 6] = [
            ("wrong", flipped),
            ("empty", Vec::new()),
            ("punctuation", b"!!!!".to_vec()),
            ("10k", vec![b'a'; 10_000]),
            ("non-utf8", vec![0xff, 0xfe, 0x80]),
            ("truncated", original[..original.len() / 2].to_vec()),
        ];
        for (variant, value) in garbage {
            let mut request = fresh();
            request.headers_mut().insert(header, http::HeaderValue::from_bytes(&value).unwrap());
            cases.push(http(kind, endpoint, variant, request, Expect::Envelope(&[400, 401])));
        }
        let mut twice = fresh();
        let value = twice.headers()[header].clone();
        twice.headers_mut().append(header, value);
        cases.push(http(kind, endpoint, "twice", twice, Expect::Envelope(&[400, 401])));
    } else {
        let mut wrong = fresh();
        wrong_body_signature(endpoint, &mut wrong);
        cases.push(http(kind, endpoint, "wrong", wrong, refused));
    }

    let now = SystemClock.now().as_secs();
    let timed = !matches!(endpoint.scheme, Scheme::PaySig | Scheme::PaySigQuery);
    if timed {
        for (variant, at) in [("stale-1h", now - 3600), ("future-1h", now + 3600), ("epoch", 1)] {
            let request = signed::request(keys, endpoint, base, UnixTime::from_secs(at));
            cases.push(http(kind, endpoint, variant, request, refused));
        }
        let header =
            if endpoint.scheme == Scheme::Authorization { None } else { Some("tc-timestamp") };
        if let Some(header) = header {
            for (variant, value) in [
                ("timestamp-2^64", "18446744073709551616"),
                ("timestamp-1e400", "1e400"),
                ("timestamp-negative", "-1"),
                ("timestamp-empty", ""),
            ] {
                let mut request = fresh();
                request.headers_mut().insert(header, http::HeaderValue::from_str(value).unwrap());
                cases.push(http(kind, endpoint, variant, request, Expect::Envelope(&[400, 401])));
            }
        }
    }
    if endpoint.scheme == Scheme::Authorization {
        for (variant, value) in [
            ("authorization-bearer", "Bearer abc".to_owned()),
            ("authorization-no-params", "WECHATPAY2-SHA256-RSA2048".to_owned()),
            ("authorization-unquoted", "WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=2".to_owned()),
            ("authorization-unknown-mchid", {
                let header = fresh().headers()["authorization"].to_str().unwrap().to_owned();
                header.replace(&format!("mchid=\"{}\"", keys.merchant.mchid), "mchid=\"999\"")
            }),
        ] {
            let mut request = fresh();
            request
                .headers_mut()
                .insert("authorization", http::HeaderValue::from_str(&value).unwrap());
            cases.push(http(kind, endpoint, variant, request, Expect::Envelope(&[400, 401])));
        }
    }
    if endpoint.scheme == Scheme::Callback {
        // The names WeChat Pay's notifications use for the same values.
        let mut renamed = fresh();
        for (from, to) in [
            ("tc-callback-signature", "wechatpay-signature"),
            ("tc-callback-nonce", "wechatpay-nonce"),
            ("tc-callback-serial", "wechatpay-serial"),
            ("tc-timestamp", "wechatpay-timestamp"),
        ] {
            if let Some(value) = renamed.headers_mut().remove(from) {
                renamed.headers_mut().insert(to, value);
            }
        }
        cases.push(http(kind, endpoint, "wechatpay-names", renamed, Expect::Json(&[200, 401])));
        let mut serial = fresh();
        serial
            .headers_mut()
            .insert("tc-callback-serial", http::HeaderValue::from_static("UNKNOWN"));
        cases.push(http(kind, endpoint, "unknown-serial", serial, refused));
    }
}

/// Removes a signature carried in the body or the query.
fn strip_body_signature(endpoint: &Endpoint, request: &mut http::Request<Vec<u8>>) {
    match endpoint.scheme {
        Scheme::PaySig | Scheme::VirtualCallback => {
            let mut json: Value = serde_json::from_slice(request.body()).unwrap();
            if let Value::Object(map) = &mut json {
                map.retain(|k, _| !k.to_ascii_lowercase().contains("sig"));
            }
            *request.body_mut() = serde_json::to_vec(&json).unwrap();
        }
        Scheme::PaySigQuery => {
            *request.uri_mut() = request.uri().path().parse().unwrap();
        }
        _ => {}
    }
}

/// Changes one character of a signature carried in the body or the query.
fn wrong_body_signature(endpoint: &Endpoint, request: &mut http::Request<Vec<u8>>) {
    match endpoint.scheme {
        Scheme::PaySig | Scheme::VirtualCallback => {
            let mut json: Value = serde_json::from_slice(request.body()).unwrap();
            if let Value::Object(map) = &mut json {
                for (key, value) in map.iter_mut() {
                    if key.to_ascii_lowercase().contains("sig")
                        && let Value::String(s) = value
                    {
                        let last = if s.ends_with('0') { "1" } else { "0" };
                        s.pop();
                        s.push_str(last);
                    }
                }
            }
            *request.body_mut() = serde_json::to_vec(&json).unwrap();
        }
        Scheme::PaySigQuery => {
            let uri = request.uri().to_string();
            let at = uri.find("pay_sig=").unwrap() + "pay_sig=".len();
            let flipped = if uri[at..].starts_with('0') { "1" } else { "0" };
            let changed = format!("{}{flipped}{}", &uri[..at], &uri[at + 1..]);
            *request.uri_mut() = changed.parse().unwrap();
        }
        _ => {}
    }
}

fn json(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let valid = signed::now(keys, endpoint, base);
    let body = valid.body().clone();
    let mut duplicated = body.clone();
    // The first member again, with another value.
    let first = String::from_utf8_lossy(&body[1..]).split(':').next().unwrap().to_owned();
    duplicated.pop();
    duplicated.extend_from_slice(format!(",{first}:\"again\"}}").as_bytes());
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated-half", body[..body.len() / 2].to_vec()),
        ("truncated-last-byte", body[..body.len() - 1].to_vec()),
        ("open-brace", b"{".to_vec()),
        ("close-brace", b"}".to_vec()),
        ("missing-value", b"{\"a\":}".to_vec()),
        ("nul", b"nul".to_vec()),
        ("trailing-comma", b"{\"a\":1,}".to_vec()),
        ("single-quotes", b"{'a':'b'}".to_vec()),
        ("nan", b"{\"a\":NaN}".to_vec()),
        ("trailing-garbage", [body.as_slice(), b" x"].concat()),
        ("two-documents", [body.as_slice(), body.as_slice()].concat()),
        ("nested-100k-arrays", vec![b'['; 100_000]),
        ("nested-100k-arrays-closed", [vec![b'['; 100_000], vec![b']'; 100_000]].concat()),
        ("nested-100k-objects", b"{\"a\":".repeat(100_000)),
        ("array", b"[]".to_vec()),
        ("string", b"\"text\"".to_vec()),
        ("number", b"1".to_vec()),
        ("null", b"null".to_vec()),
        ("member-twice", duplicated),
        ("nul-byte", [body.as_slice(), b"\0"].concat()),
    ];
    for (variant, bad) in bodies {
        let request = signed::with_body(keys, endpoint, signed::copy(&valid), bad);
        cases.push(http("json", endpoint, variant, request, unreadable(endpoint)));
    }
}

/// Every member path of `value` (objects only; arrays by their first element).
fn leaves(value: &Value, path: Vec<String>, out: &mut Vec<(Vec<String>, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let mut next = path.clone();
                next.push(key.clone());
                out.push((next.clone(), inner.clone()));
                leaves(inner, next, out);
            }
        }
        Value::Array(items) => {
            if let Some(first) = items.first() {
                let mut next = path;
                next.push("0".to_owned());
                leaves(first, next, out);
            }
        }
        _ => {}
    }
}

fn replace(value: &mut Value, path: &[String], with: Value) {
    let mut at = value;
    for key in path {
        at = match at {
            Value::Object(map) => map.get_mut(key).unwrap(),
            Value::Array(items) => items.get_mut(key.parse::<usize>().unwrap()).unwrap(),
            _ => unreachable!(),
        };
    }
    *at = with;
}

fn types(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let valid = signed::now(keys, endpoint, base);
    let json: Value = serde_json::from_slice(valid.body()).unwrap();
    let mut fields = Vec::new();
    leaves(&json, Vec::new(), &mut fields);
    let others: [(&str, Value); 6] = [
        ("null", Value::Null),
        ("bool", Value::Bool(true)),
        ("number", Value::from(12345)),
        ("string", Value::from("text")),
        ("array", Value::Array(Vec::new())),
        ("object", Value::Object(serde_json::Map::new())),
    ];
    for (path, original) in fields {
        for (type_name, other) in &others {
            let same = std::mem::discriminant(&original) == std::mem::discriminant(other);
            // Numbers may come as numeric strings, and optional members as null.
            if same || *type_name == "null" || (original.is_number() && *type_name == "string") {
                continue;
            }
            let mut changed = json.clone();
            replace(&mut changed, &path, other.clone());
            let body = serde_json::to_vec(&changed).unwrap();
            let request = signed::with_body(keys, endpoint, signed::copy(&valid), body);
            let variant = format!("{}-as-{type_name}", path.join("."));
            // An enumerated value may come as a number, read as its decimal text.
            let expect = if original.is_string() && *type_name == "number" {
                ANY_ENVELOPE
            } else {
                unreadable(endpoint)
            };
            cases.push(Case::new(
                "type",
                format!("{}/{variant}", endpoint.name),
                Payload::Http(Box::new(request)),
                expect,
            ));
        }
    }
}

/// Numbers JSON allows but no field can hold exactly, and odd spellings of small ones.
const NUMBERS: [(&str, &str); 8] = [
    ("1e400", "1e400"),
    ("2^64", "18446744073709551616"),
    ("-2^64", "-18446744073709551617"),
    ("minus-zero", "-0"),
    ("1e-400", "1e-400"),
    ("fraction", "1.5"),
    ("2^53+1", "9007199254740993"),
    ("exponent", "1E2"),
];

fn numbers(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let valid = signed::now(keys, endpoint, base);
    let json: Value = serde_json::from_slice(valid.body()).unwrap();
    let mut fields = Vec::new();
    leaves(&json, Vec::new(), &mut fields);
    let mut numeric: Vec<_> =
        fields.into_iter().filter(|(_, v)| v.is_number()).map(|(p, _)| p).collect();
    // Where an endpoint has no number, its first string member gets them.
    if numeric.is_empty()
        && let Value::Object(map) = &json
        && let Some((key, _)) = map.iter().find(|(_, v)| v.is_string())
    {
        numeric.push(vec![key.clone()]);
    }
    for path in numeric {
        for (variant, token) in NUMBERS {
            let mut changed = json.clone();
            replace(&mut changed, &path, Value::from("\u{1}NUMBER\u{1}"));
            let text =
                serde_json::to_string(&changed).unwrap().replace("\"\\u0001NUMBER\\u0001\"", token);
            let request =
                signed::with_body(keys, endpoint, signed::copy(&valid), text.into_bytes());
            let name = format!("{}/{}-{variant}", endpoint.name, path.join("."));
            cases.push(Case::new("number", name, Payload::Http(Box::new(request)), ANY_ENVELOPE));
        }
    }
}

fn content_types(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let valid = signed::now(keys, endpoint, base);
    for (variant, value) in [
        ("missing", None),
        ("text-plain", Some("text/plain")),
        ("multipart", Some("multipart/form-data; boundary=x")),
        ("json-latin1", Some("application/json; charset=latin1")),
        ("form", Some("application/x-www-form-urlencoded")),
        ("garbage", Some(";;;")),
    ] {
        let mut request = signed::copy(&valid);
        match value {
            None => {
                request.headers_mut().remove(http::header::CONTENT_TYPE);
            }
            Some(value) => {
                request
                    .headers_mut()
                    .insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static(value));
            }
        }
        // The label does not change how the body is read: JSON whatever it says.
        cases.push(http("content-type", endpoint, variant, request, ANY_ENVELOPE));
    }
}

fn utf8(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let valid = signed::now(keys, endpoint, base);
    let kind = "utf8";
    if endpoint.name != "queryOrder" {
        let text = String::from_utf8(valid.body().clone()).unwrap();
        // Into the first string value.
        let at = text.find(":\"").unwrap() + 2;
        for (variant, bytes) in [
            ("body-ff", &b"\xff\xfe"[..]),
            ("body-overlong", &b"\xc0\xaf"[..]),
            ("body-truncated-sequence", &b"\xe2\x82"[..]),
            ("body-surrogate-bytes", &b"\xed\xa0\x80"[..]),
            ("body-lone-surrogate-escape", &b"\\ud800"[..]),
        ] {
            let body = [&text.as_bytes()[..at], bytes, &text.as_bytes()[at..]].concat();
            let request = signed::with_body(keys, endpoint, signed::copy(&valid), body);
            cases.push(http(kind, endpoint, variant, request, unreadable(endpoint)));
        }
    }
    for (variant, header) in [
        ("header-junk", "x-junk"),
        ("header-request-id", "x-request-id"),
        ("header-timestamp", "tc-timestamp"),
        ("header-merchant", "tc-merchantid"),
    ] {
        let mut request = signed::copy(&valid);
        let value = http::HeaderValue::from_bytes(b"\xff\xfe\xc0\xaf").unwrap();
        request.headers_mut().insert(header, value);
        // The signed timestamp is refused; a header the entry does not read changes nothing.
        let signed_time = matches!(
            endpoint.scheme,
            Scheme::TcSignature | Scheme::Callback | Scheme::VirtualCallback
        );
        let expect = if header == "tc-timestamp" && signed_time {
            Expect::Envelope(&[400, 401])
        } else {
            ANY_ENVELOPE
        };
        cases.push(http(kind, endpoint, variant, request, expect));
    }
    for (variant, query) in
        [("query-ff", "x=%FF%FE"), ("query-overlong", "mchid=%C0%AF"), ("query-key", "%FF=1")]
    {
        let mut request = signed::copy(&valid);
        let uri = request.uri().clone();
        let joined = match uri.query() {
            Some(q) => format!("{}?{q}&{query}", uri.path()),
            None => format!("{}?{query}", uri.path()),
        };
        *request.uri_mut() = joined.parse().unwrap();
        signed::resign(keys, endpoint, &mut request);
        cases.push(http(kind, endpoint, variant, request, ANY_ENVELOPE));
    }
    let mut request = signed::copy(&valid);
    let path = format!("{}%FF%FE", request.uri().path());
    *request.uri_mut() = path.parse().unwrap();
    signed::resign(keys, endpoint, &mut request);
    // A receiver serves one URL whatever its path; the sandbox routes by path.
    cases.push(http(kind, endpoint, "path-ff", request, Expect::Json(&[200, 400, 401, 404])));
}

fn methods(keys: &KeysFile, endpoint: &Endpoint, base: &str, cases: &mut Vec<Case>) {
    let valid = signed::now(keys, endpoint, base);
    let own = valid.method().clone();
    for method in
        ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "post", "FOO", "M-SEARCH"]
    {
        let method = http::Method::from_bytes(method.as_bytes()).unwrap();
        if method == own {
            continue;
        }
        let mut request = signed::copy(&valid);
        *request.method_mut() = method.clone();
        signed::resign(keys, endpoint, &mut request);
        cases.push(http("method", endpoint, method.as_str(), request, Expect::Envelope(&[405])));
    }
    let mut head = signed::copy(&valid);
    *head.method_mut() = http::Method::HEAD;
    cases.push(http("method", endpoint, "HEAD", head, Expect::Status(&[404, 405])));
}

/// Odd paths for one endpoint of each server: each signed afresh, so only the path is odd.
pub(crate) fn paths(keys: &KeysFile, endpoint: &Endpoint, base: &str) -> Vec<Case> {
    let valid = signed::now(keys, endpoint, base);
    let path = valid.uri().path().to_owned();
    let long = format!("/{}", "a".repeat(8 * 1024));
    let variants: Vec<(&str, String)> = vec![
        ("double-slash-start", format!("/{path}")),
        ("double-slash-inside", path.replacen('/', "//", 2).replacen("//", "/", 1)),
        ("trailing-slash", format!("{path}/")),
        ("dot-dot", format!("/x/..{path}")),
        ("encoded-dot-dot", format!("/%2e%2e{path}")),
        ("encoded-slash", format!("/{}", path[1..].replace('/', "%2F"))),
        ("upper-case", path.to_ascii_uppercase()),
        ("nul", format!("{path}%00")),
        ("semicolon", format!("{path};x=1")),
        ("encoded-non-ascii", "/%E7%94%A8%E6%88%B7/%E6%98%B5%E7%A7%B0".to_owned()),
        ("traversal", "/..%2f..%2f..%2fetc%2fpasswd".to_owned()),
        ("long-8k", long),
        ("empty-query", format!("{path}?")),
        ("fragment-like", format!("{path}%23frag")),
    ];
    variants
        .into_iter()
        .map(|(variant, odd)| {
            let mut request = signed::copy(&valid);
            *request.uri_mut() = http::Uri::from(http::uri::PathAndQuery::try_from(odd).unwrap());
            signed::resign(keys, endpoint, &mut request);
            // The same resource under another spelling may be served; anything else is 404.
            Case::new(
                "path",
                format!("{}/{variant}", endpoint.name),
                Payload::Http(Box::new(request)),
                Expect::Json(&[200, 400, 401, 404]),
            )
        })
        .collect()
}
