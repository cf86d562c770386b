//! Authentication comes before parsing, for every entry that travels over HTTP: a request whose
//! header or query auth fails is answered 401 whatever its body holds, and a body that carries
//! its own signature and cannot be read is answered like a bad signature (401, no parse detail).
//! Only a request whose auth holds may get 400 for its body.

use sas_core::auth::Verifying;
use sas_core::endpoint::{ApiRequest, AuthKind, Example};
use sas_core::error::FromHttpRequestError;
use sas_core::request::IncomingRequest;

use super::support::{Keys, NOW, named_merchant, receive, send};

/// Bodies no entry can parse.
const BROKEN_BODIES: [&[u8]; 9] =
    [b"not json at all", b"{", b"{}", b"[]", b"\"x\"", b"null", b"{\"a\":", b"\xff\xfe", b""];

/// Breaks the auth the scheme carries outside the body, if any; `false` when the scheme's
/// signature is in the body.
fn break_outer_auth<T: ApiRequest>(http: &mut http::Request<Vec<u8>>, how: usize) -> bool {
    let headers = http.headers_mut();
    match T::METADATA.auth {
        AuthKind::TcSignature | AuthKind::VirtualCallback => {
            if how.is_multiple_of(2) {
                headers.insert("TC-Signature", "AAAA".parse().unwrap());
            } else {
                headers.remove("TC-Signature");
            }
        }
        AuthKind::MerchantRsa => {
            if how.is_multiple_of(2) {
                headers.insert("Authorization", "WECHATPAY2-SHA256-RSA2048 AAAA".parse().unwrap());
            } else {
                headers.remove("Authorization");
            }
        }
        AuthKind::PaymentCallback => {
            if how.is_multiple_of(2) {
                headers.insert("TC-Callback-Signature", "AAAA".parse().unwrap());
            } else {
                headers.remove("TC-Callback-Signature");
            }
        }
        AuthKind::PaySigQuery => {
            let uri = http.uri().to_string();
            let (path, _) = uri.split_once('?').unwrap();
            let uri = if how.is_multiple_of(2) {
                format!("{path}?pay_sig=AAAA")
            } else {
                path.to_owned()
            };
            *http.uri_mut() = uri.parse().unwrap();
        }
        AuthKind::PaySig => {
            if how.is_multiple_of(2) {
                headers.remove("TC-MerchantID");
                return true;
            }
            return false;
        }
        other => panic!("{other:?} is not an HTTP scheme"),
    }
    true
}

fn assert_auth_failure<T: ApiRequest>(
    result: Result<impl Sized, FromHttpRequestError>,
    case: &str,
) {
    let module = T::METADATA.module;
    match result {
        Err(error @ FromHttpRequestError::Auth(_)) => {
            assert_eq!(error.status(), http::StatusCode::UNAUTHORIZED, "{module} {case}");
            let text = error.to_string();
            for detail in ["line", "column", "expected", "EOF", "invalid type"] {
                assert!(!text.contains(detail), "{module} {case}: leaks {detail:?}: {text}");
            }
        }
        Err(other) => panic!("{module} {case}: expected 401, got {} {other}", other.status()),
        Ok(_) => panic!("{module} {case}: accepted"),
    }
}

fn auth_before_body<T: ApiRequest>() -> &'static str {
    let keys = Keys::load();
    let request = T::example();
    let mchid = named_merchant(&request);
    let signed = send(&keys, &request);
    for (i, body) in BROKEN_BODIES.iter().enumerate() {
        let mut http = signed.clone();
        *http.body_mut() = body.to_vec();
        let case = format!("body {:?}", String::from_utf8_lossy(body));
        if break_outer_auth::<T>(&mut http, i) {
            assert_auth_failure::<T>(
                receive::<T>(&keys, &http, &mchid),
                &format!("{case}, bad auth"),
            );
        }
        // Auth intact, body broken: a body-carried or body-covering signature fails as a
        // signature does; only TC-Signature, which does not cover the body, lets the body be
        // read and refused with 400.
        let mut intact = signed.clone();
        *intact.body_mut() = body.to_vec();
        let result = receive::<T>(&keys, &intact, &mchid);
        if T::METADATA.auth == AuthKind::TcSignature && T::METHOD != http::Method::GET {
            match result {
                Err(error @ FromHttpRequestError::Body(_)) => {
                    assert_eq!(error.status(), http::StatusCode::BAD_REQUEST)
                }
                Err(other) => {
                    panic!("{}: {case}: expected a body error, got {other:?}", T::METADATA.module)
                }
                Ok(_) => panic!("{}: {case}: accepted", T::METADATA.module),
            }
        } else if !body.is_empty() || T::METHOD != http::Method::GET {
            assert_auth_failure::<T>(result, &format!("{case}, auth intact"));
        }
    }
    T::METADATA.section
}

macro_rules! auth_first_one {
    (frontend $group:ident $module:ident) => {
        None
    };
    ($kind:ident $group:ident $module:ident) => {
        Some(auth_before_body::<sas_core::api::$group::$module::Request>())
    };
}

macro_rules! auth_first_all {
    ($($kind:ident $group:ident $module:ident;)*) => {
        vec![$(auth_first_one!($kind $group $module)),*]
    };
}

#[test]
fn every_entry_checks_auth_before_parsing_the_body() {
    let checked: Vec<&str> =
        sas_core::for_each_entry!(auth_first_all).into_iter().flatten().collect();
    assert_eq!(checked.len(), 20, "{checked:?}");
}

/// The issue's three cases, verbatim.
#[test]
fn the_reported_cases_get_401() {
    use sas_core::api::payment::{create_jsapi_order, payment_notification};
    use sas_core::api::user::check_user;

    let keys = Keys::load();
    let mut callback = send(&keys, &payment_notification::Request::example());
    *callback.body_mut() = b"not json at all".to_vec();
    callback.headers_mut().insert("TC-Callback-Signature", "AAAA".parse().unwrap());
    let merchant = Verifying::new(NOW).platform_keys(&keys.platform_keys);
    let error = payment_notification::Request::try_from_http_request(&callback, &merchant);
    assert_auth_failure::<payment_notification::Request>(error, "2.2");

    let mut user = send(&keys, &check_user::Request::example());
    user.headers_mut().remove("TC-Signature");
    *user.body_mut() = b"{}".to_vec();
    assert_auth_failure::<check_user::Request>(
        receive::<check_user::Request>(&keys, &user, ""),
        "1.1",
    );

    let order = create_jsapi_order::Request::example();
    let mut http = send(&keys, &order);
    http.headers_mut().remove("Authorization");
    *http.body_mut() = b"{".to_vec();
    assert_auth_failure::<create_jsapi_order::Request>(
        receive::<create_jsapi_order::Request>(&keys, &http, &named_merchant(&order)),
        "2.1",
    );
}

/// The virtual callbacks on a merchant without the SecretKey: the event signature is in the
/// body, so a body that cannot be read is a failed signature.
#[test]
fn body_signed_callbacks_answer_an_unreadable_body_as_a_bad_signature() {
    use sas_core::api::virtual_payment::mini_game_payment_notification::Request;

    let keys = Keys::load();
    let merchant = Verifying::new(NOW).app_keys(&keys.app_key);
    let signed = send(&keys, &Request::example());
    for body in BROKEN_BODIES {
        let mut http = signed.clone();
        *http.body_mut() = body.to_vec();
        assert_auth_failure::<Request>(
            Request::try_from_http_request(&http, &merchant),
            "merchant",
        );
    }
}

/// Bodies a hostile sender may try besides [`BROKEN_BODIES`]: deep nesting, a huge member, the
/// body signatures with the wrong type or twice, a BOM alone.
fn hostile_bodies() -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = vec![
        "[".repeat(100_000).into_bytes(),
        format!("{}1{}", "{\"a\":".repeat(5_000), "}".repeat(5_000)).into_bytes(),
        format!(r#"{{"a":"{}"}}"#, "x".repeat(1 << 20)).into_bytes(),
        b"\xEF\xBB\xBF".to_vec(),
        b"{} {}".to_vec(),
    ];
    for name in ["PaySig", "PayEventSig", "payEventSig", "SignData", "Payload", "payload"] {
        for value in ["1", "null", "[\"a\"]", "{\"b\":\"c\"}", "true", "\"\""] {
            bodies.push(format!(r#"{{"{name}":{value}}}"#).into_bytes());
        }
        bodies.push(format!(r#"{{"{name}":"a","{name}":"b"}}"#).into_bytes());
    }
    bodies
}

/// The timestamp-bearing schemes, checked an hour after signing; the others with their
/// signature broken by a malformed value (bytes that are not UTF-8, an empty value).
struct HostileAuth;

impl super::support::EachEntry for HostileAuth {
    type Output = usize;

    fn request<T>() -> usize
    where
        T: ApiRequest + std::fmt::Debug + PartialEq,
        T::Response: std::fmt::Debug + PartialEq,
    {
        let keys = Keys::load();
        let request = T::example();
        let mchid = named_merchant(&request);
        let signed = send(&keys, &request);
        let merchant_keys = keys.merchant_keys(&mchid);
        let later = sas_core::time::UnixTime::from_millis(NOW.as_millis() + 3_600_000);
        let stale = Verifying::new(later)
            .secret_key(&keys.secret)
            .merchant_keys(&merchant_keys)
            .app_keys(&keys.app_key)
            .platform_keys(&keys.platform_keys)
            .path_prefix("/sas");
        let mut cases = 0;
        let bodies = hostile_bodies().into_iter().chain(BROKEN_BODIES.map(<[u8]>::to_vec));
        for body in bodies {
            let case = format!("body {:?}", String::from_utf8_lossy(&body[..body.len().min(40)]));
            let mut http = signed.clone();
            *http.body_mut() = body;
            if matches!(T::METADATA.auth, AuthKind::PaySig | AuthKind::PaySigQuery) {
                // No timestamp: the signature fails or the body is unreadable, both 401.
                assert_auth_failure::<T>(receive::<T>(&keys, &http, &mchid), &case);
            } else {
                assert_auth_failure::<T>(
                    T::try_from_http_request(&http, &stale),
                    &format!("{case}, stale"),
                );
            }
            for (name, value) in [
                ("TC-Signature", &b"\xff\xfe"[..]),
                ("TC-Signature", b""),
                ("TC-Timestamp", b"\xff"),
                ("TC-Timestamp", b"-1"),
                ("TC-Timestamp", b"99999999999999999999999"),
                ("Authorization", b"\xff WECHATPAY2"),
                ("Authorization", b""),
                ("TC-Callback-Signature", b"\xff"),
                ("TC-Callback-Serial", b"\xff"),
                ("TC-Callback-Serial", b""),
                ("TC-Callback-Nonce", b"\x80"),
                ("TC-MerchantID", b"\xff"),
            ] {
                if !signed.headers().contains_key(name) {
                    continue;
                }
                let mut broken = http.clone();
                broken.headers_mut().insert(name, http::HeaderValue::from_bytes(value).unwrap());
                let result = receive::<T>(&keys, &broken, &mchid);
                // A wrong TC-MerchantID on a scheme that does not read it may fail later.
                if name == "TC-MerchantID"
                    && !matches!(T::METADATA.auth, AuthKind::PaySigQuery | AuthKind::PaySig)
                {
                    assert!(result.is_err(), "{case} {name}");
                    continue;
                }
                // The header's own problem may be worded; nothing about the body is.
                match result {
                    Err(error @ FromHttpRequestError::Auth(_)) => {
                        assert_eq!(error.status(), http::StatusCode::UNAUTHORIZED, "{case}");
                        let text = error.to_string();
                        for detail in ["line", "column", "EOF", "invalid type", "recursion"] {
                            assert!(!text.contains(detail), "{case} {name}: {text}");
                        }
                    }
                    other => panic!("{case}, {name} {value:?}: expected 401, got {other:?}"),
                }
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
fn stale_and_malformed_auth_with_hostile_bodies_get_401_for_every_entry() {
    let cases = super::support::over_entries::<HostileAuth>();
    assert!(cases.iter().filter(|&&n| n > 0).count() >= 15, "{cases:?}");
}
