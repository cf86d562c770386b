//! Header grammar: `Authorization` read by RFC 9110 (§11 auth-params, §5.6 lists) as liberally
//! as the RFC asks recipients to be, and every auth-relevant header refused when it comes twice
//! (or under two of its spellings), for every entry.

use http::HeaderValue;
use http::header::HeaderName;
use sas_core::crypto::{Authorization, CryptoError};
use sas_core::endpoint::{ApiRequest, Example};
use sas_core::error::{AuthError, FromHttpRequestError};

use super::support::{Keys, named_merchant, receive, send};

const SIGNATURE: &str = "c2lnbmF0dXJl";

fn parsed(header: &str) -> Authorization {
    Authorization::parse(header).unwrap_or_else(|e| panic!("{header}: {e}"))
}

#[test]
fn authorization_params_follow_rfc_9110() {
    let canonical = format!(
        r#"WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="n1",signature="{SIGNATURE}",timestamp="1554208460",serial_no="S1""#
    );
    let want = parsed(&canonical);
    for variant in [
        // Parameter names are case-insensitive; so is the scheme.
        format!(
            r#"wechatpay2-sha256-rsa2048 MCHID="1900009191",Nonce_Str="n1",SIGNATURE="{SIGNATURE}",timestamp="1554208460",serial_NO="S1""#
        ),
        // BWS around "=", OWS around ",", empty list elements, leading and trailing commas.
        format!(
            r#"WECHATPAY2-SHA256-RSA2048 , mchid = "1900009191" ,, nonce_str	="n1",	signature= "{SIGNATURE}" , ,timestamp="1554208460",serial_no="S1","#
        ),
        // Tokens instead of quoted strings.
        format!(
            r#"WECHATPAY2-SHA256-RSA2048 mchid=1900009191,nonce_str=n1,signature={SIGNATURE},timestamp=1554208460,serial_no=S1"#
        ),
        // quoted-pairs unescape.
        format!(
            r#"WECHATPAY2-SHA256-RSA2048 mchid="19000\09191",nonce_str="\n1",signature="{SIGNATURE}",timestamp="1554208460",serial_no="S\1""#
        ),
        // Unknown parameters are ignored; surrounding whitespace too.
        format!(
            r#"  WECHATPAY2-SHA256-RSA2048   mchid="1900009191",extra="x, y=\"z\"",nonce_str="n1",signature="{SIGNATURE}",timestamp="1554208460",serial_no="S1"  "#
        ),
    ] {
        let got = parsed(&variant);
        assert_eq!(got.mchid(), want.mchid(), "{variant}");
        assert_eq!(got.nonce_str(), want.nonce_str(), "{variant}");
        assert_eq!(got.signature(), want.signature(), "{variant}");
        assert_eq!(got.timestamp(), want.timestamp(), "{variant}");
        assert_eq!(got.serial_no(), want.serial_no(), "{variant}");
    }
    let escaped = parsed(
        r#"X mchid="1",nonce_str="a\"b\\c",signature="s",timestamp="1554208460",serial_no="S""#,
    );
    assert_eq!(escaped.nonce_str(), r#"a"b\c"#);
}

#[test]
fn malformed_authorization_values_are_refused() {
    let rest = r#"nonce_str="n1",signature="s",timestamp="1554208460",serial_no="S1""#;
    for bad in [
        format!(r#"X mchid="1",MCHID="1",{rest}"#),
        format!(r#"X mchid="1",mchid="2",{rest}"#),
        "X c2lnbmF0dXJl==".to_owned(),
        format!(r#"X mchid,{rest}"#),
        format!(r#"X mchid="1,{rest}"#),
        format!(r#"X m(id="1",{rest}"#),
        format!(r#"X mchid="1" junk,{rest}"#),
        format!(r#"X mchid=1 2,{rest}"#),
        format!(r#"X mchid="1"{rest}"#),
        r#"X mchid="1\"#.to_owned(),
        format!(r#"X "mchid"="1",{rest}"#),
        format!(r#"X= mchid="1",{rest}"#),
        String::new(),
        "   ".to_owned(),
    ] {
        assert!(
            matches!(Authorization::parse(&bad), Err(CryptoError::MalformedAuthorization(_))),
            "{bad}: {:?}",
            Authorization::parse(&bad)
        );
    }
}

/// A signed `Authorization`, rewritten the ways RFC 9110 allows, still verifies end to end.
#[test]
fn a_rewritten_authorization_header_verifies() {
    use sas_core::api::payment::create_jsapi_order::Request;
    let keys = Keys::load();
    let request = Request::example();
    let mchid = named_merchant(&request);
    let http = send(&keys, &request);
    let header = http.headers()["Authorization"].to_str().unwrap().to_owned();
    let (scheme, params) = header.split_once(' ').unwrap();
    let rewritten = params
        .split(',')
        .map(|param| {
            let (name, value) = param.split_once('=').unwrap();
            format!(" {} = {value} ,", name.to_uppercase())
        })
        .collect::<String>();
    let mut changed = http.clone();
    changed.headers_mut().insert(
        "Authorization",
        format!("{} ,{rewritten}", scheme.to_lowercase()).parse().unwrap(),
    );
    receive::<Request>(&keys, &changed, &mchid).unwrap();
}

/// The header names (and spellings) the auth of each scheme reads, as sent or accepted.
const AUTH_HEADERS: [&str; 8] = [
    "Authorization",
    "TC-Signature",
    "TC-Timestamp",
    "TC-Callback-Signature",
    "TC-Callback-Serial",
    "TC-Callback-Nonce",
    "TC-MerchantID",
    "X-TC-Signature",
];

/// Spellings of one header, each accepted alone.
const ALIASES: [(&str, &str); 3] = [
    ("TC-Callback-Serial", "TC-Serial"),
    ("TC-Callback-Nonce", "TC-Nonce"),
    ("TC-Signature", "X-TC-Signature"),
];

fn assert_refused<T: ApiRequest>(result: Result<impl Sized, FromHttpRequestError>, case: &str) {
    let module = T::METADATA.module;
    match result {
        Err(error @ FromHttpRequestError::Auth(AuthError::RepeatedHeader(_))) => {
            assert_eq!(error.status(), http::StatusCode::UNAUTHORIZED, "{module} {case}");
        }
        Err(other) => panic!("{module} {case}: expected a repeated-header refusal, got {other:?}"),
        Ok(_) => panic!("{module} {case}: accepted"),
    }
}

fn repeated<T: ApiRequest>() -> usize {
    let keys = Keys::load();
    let request = T::example();
    let mchid = named_merchant(&request);
    let http = send(&keys, &request);
    let mut cases = 0;
    for name in AUTH_HEADERS {
        let Some(value) = http.headers().get(name).cloned() else { continue };
        for second in [value.clone(), HeaderValue::from_static("another")] {
            let mut twice = http.clone();
            twice.headers_mut().append(name, second);
            // The second copy in another case: still the same header.
            assert_refused::<T>(receive::<T>(&keys, &twice, &mchid), &format!("two {name}"));
            cases += 1;
        }
        let mut lower = http.clone();
        let lowered = HeaderName::from_bytes(name.to_lowercase().as_bytes()).unwrap();
        lower.headers_mut().append(lowered, value);
        assert_refused::<T>(receive::<T>(&keys, &lower, &mchid), &format!("{name} in two cases"));
    }
    for (name, alias) in ALIASES {
        let Some(value) = http.headers().get(name).cloned() else { continue };
        if !T::METADATA.is_callback() {
            continue;
        }
        let mut both = http.clone();
        both.headers_mut().insert(alias, value);
        assert_refused::<T>(receive::<T>(&keys, &both, &mchid), &format!("{name} and {alias}"));
        cases += 1;
    }
    cases
}

macro_rules! repeated_one {
    (frontend $group:ident $module:ident) => {
        0
    };
    ($kind:ident $group:ident $module:ident) => {
        repeated::<sas_core::api::$group::$module::Request>()
    };
}

macro_rules! repeated_all {
    ($($kind:ident $group:ident $module:ident;)*) => {
        vec![$(repeated_one!($kind $group $module)),*]
    };
}

#[test]
fn repeated_auth_headers_are_refused_for_every_entry() {
    let cases: Vec<usize> = sas_core::for_each_entry!(repeated_all);
    assert!(cases.iter().filter(|&&n| n > 0).count() >= 20, "{cases:?}");
}

/// The headers the spec marks `encrypted` (`TC-OpenId`, `TC-MiniAppID`) are proven by the
/// SecretKey that encrypts them: given twice, or under two spellings, they are refused like the
/// other auth headers, not read first-wins.
struct RepeatedEncrypted;

impl super::support::EachEntry for RepeatedEncrypted {
    type Output = usize;

    fn request<T>() -> usize
    where
        T: ApiRequest + std::fmt::Debug + PartialEq,
        T::Response: std::fmt::Debug + PartialEq,
    {
        let keys = Keys::load();
        let request = T::example();
        let mchid = named_merchant(&request);
        let http = send(&keys, &request);
        let mut cases = 0;
        for field in T::METADATA.headers.iter().filter(|field| field.encrypted) {
            let Some(value) = http.headers().get(field.name).cloned() else { continue };
            let other = send(&keys, &request).headers()[field.name].clone();
            for second in [value.clone(), other, HeaderValue::from_static("00")] {
                let mut twice = http.clone();
                twice.headers_mut().append(field.name, second);
                assert_refused::<T>(receive::<T>(&keys, &twice, &mchid), field.name);
                cases += 1;
            }
            for alias in field.aliases {
                let mut both = http.clone();
                both.headers_mut().insert(*alias, value.clone());
                assert_refused::<T>(receive::<T>(&keys, &both, &mchid), alias);
                cases += 1;
            }
        }
        cases
    }

    fn params<T: sas_core::endpoint::FrontendParams + std::fmt::Debug + PartialEq>() -> usize {
        0
    }
}

#[test]
fn repeated_encrypted_headers_are_refused() {
    let cases = super::support::over_entries::<RepeatedEncrypted>();
    assert!(cases.iter().sum::<usize>() >= 6, "{cases:?}");
}
