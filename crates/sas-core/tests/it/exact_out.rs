//! Exact in what we send: every value the receiving grammar cannot carry is refused with a typed
//! error naming it, before the `http` crate sees it, for every scheme and every header, header
//! parameter and query value the SDK writes; and what we do send, our own verifier accepts.

use sas_core::api::payment::{create_jsapi_order, payment_notification};
use sas_core::api::user::check_user;
use sas_core::auth::Signing;
use sas_core::crypto::{AuthorizationSigner, CryptoError, RequestParts};
use sas_core::endpoint::Example;
use sas_core::error::IntoHttpError;
use sas_core::request::OutgoingRequest;

use super::support::{CALLBACK_URL, Keys, NONCE, NOW, PLATFORM_SERIAL, SUPERAPP, private_key};

/// Values no header may carry as we send them (RFC 9110 §5.5: visible ASCII, no whitespace a
/// recipient would strip).
const UNSENDABLE: [&str; 9] =
    ["a\nb", "a\rb", "a\0b", "a\u{7f}b", "a\tb", "用户", "é", " lead", "trail "];

/// Values no quoted `Authorization` parameter may carry as we send it: the above, and quotes,
/// backslashes and spaces, which receivers do not read back alike.
const UNQUOTABLE: [&str; 3] = ["a\"b", "a\\b", "a b"];

#[test]
fn the_authorization_signer_refuses_what_a_quoted_parameter_cannot_carry() {
    let request =
        RequestParts { method: "POST", canonical_url: "/v3/pay/transactions/jsapi", body: b"{}" };
    let signer =
        AuthorizationSigner::new(private_key("merchant-2048-pkcs1.pem"), "1900009191", "S-1");
    for bad in UNSENDABLE.iter().chain(&UNQUOTABLE).chain(&[""]) {
        let error = signer.sign(&request, "1554208460", bad).unwrap_err();
        assert!(matches!(error, CryptoError::MalformedAuthorization(_)), "{bad:?}: {error:?}");
        assert!(error.to_string().contains("nonce_str"), "{error}");
    }
    for bad in UNSENDABLE.iter().chain(&UNQUOTABLE) {
        let signer = AuthorizationSigner::new(private_key("merchant-2048-pkcs1.pem"), *bad, "S-1");
        let error = signer.sign(&request, "1554208460", "n").unwrap_err();
        assert!(error.to_string().contains("mchid"), "{bad:?}: {error}");
        let signer = AuthorizationSigner::new(private_key("merchant-2048-pkcs1.pem"), "1", *bad);
        let error = signer.sign(&request, "1554208460", "n").unwrap_err();
        assert!(error.to_string().contains("serial_no"), "{bad:?}: {error}");
        let signer = AuthorizationSigner::new(private_key("merchant-2048-pkcs1.pem"), "1", "S")
            .with_scheme(format!("X{bad}"));
        assert!(signer.sign(&request, "1554208460", "n").is_err(), "scheme {bad:?}");
    }
    // What the signer does emit, the parser reads back.
    let signed = signer.sign(&request, "1554208460", "n0nce").unwrap().to_string();
    sas_core::crypto::Authorization::parse(&signed).unwrap();
}

fn refused_header(result: Result<http::Request<Vec<u8>>, IntoHttpError>, name: &str, case: &str) {
    match result {
        Err(IntoHttpError::BadHeaderValue { name: got, .. }) => assert_eq!(got, name, "{case}"),
        Err(other) => panic!("{case}: expected {name} refused, got {other:?}"),
        Ok(http) => panic!("{case}: sent {:?}", http.headers()),
    }
}

#[test]
fn every_scheme_refuses_unsendable_auth_values() {
    let keys = Keys::load();
    let order = create_jsapi_order::Request::example();
    let notification = payment_notification::Request::example();
    for bad in UNSENDABLE.iter().chain(&UNQUOTABLE) {
        // The merchant's nonce, through the whole request path.
        let signer = keys.merchant_signer("1230000109");
        let signing = Signing::new(NOW).nonce(bad).merchant(&signer);
        let error = order.try_into_http_request(SUPERAPP, &signing).unwrap_err();
        assert!(error.to_string().contains("nonce"), "{bad:?}: {error}");
    }
    for bad in UNSENDABLE {
        // The platform's nonce and serial on callbacks.
        let signing = Signing::new(NOW)
            .nonce(bad)
            .secret_key(&keys.secret)
            .platform(&keys.platform_key, PLATFORM_SERIAL);
        refused_header(
            notification.try_into_http_request(CALLBACK_URL, &signing),
            "TC-Callback-Nonce",
            bad,
        );
        let signing = Signing::new(NOW)
            .nonce(NONCE)
            .secret_key(&keys.secret)
            .platform(&keys.platform_key, bad);
        refused_header(
            notification.try_into_http_request(CALLBACK_URL, &signing),
            "TC-Callback-Serial",
            bad,
        );
    }
}

#[test]
fn user_header_fields_are_checked_before_http_sees_them() {
    let keys = Keys::load();
    let signer = keys.merchant_signer("1230000109");
    let signing = Signing::new(NOW).nonce(NONCE).merchant(&signer);
    for bad in UNSENDABLE {
        let mut order = create_jsapi_order::Request::example();
        order.user_id = bad.to_owned();
        refused_header(order.try_into_http_request(SUPERAPP, &signing), "TC-UserID", bad);

        let mut order = create_jsapi_order::Request::example();
        order.payment_callback = format!("https://merchant.example/notify{bad}");
        let result = order.try_into_http_request(SUPERAPP, &signing);
        assert!(result.is_err(), "{bad:?}");

        let mut order = create_jsapi_order::Request::example();
        order.merchant_id = bad.to_owned();
        let result = order.try_into_http_request(SUPERAPP, &signing);
        assert!(result.is_err(), "{bad:?}");
    }
    let request = check_user::Request::example();
    let secret_only = Signing::new(NOW).secret_key(&keys.secret);
    request.try_into_http_request(SUPERAPP, &secret_only).unwrap();
}

/// Whatever the signers do send, the receivers read back exactly: every visible ASCII character
/// but `"` and `\` in each quoted `Authorization` parameter, and any visible ASCII (inner spaces
/// too) in the callback headers, through the whole request path.
#[test]
fn every_sendable_value_reads_back_exactly() {
    use sas_core::crypto::{Authorization, PublicKeySet};

    let request =
        RequestParts { method: "POST", canonical_url: "/v3/pay/transactions/jsapi", body: b"{}" };
    let key = private_key("merchant-2048-pkcs1.pem");
    for byte in (0x21u8..0x7f).filter(|b| !matches!(b, b'"' | b'\\')) {
        let c = char::from(byte);
        let value = format!("{c}a{c},{c}={c}");
        let signer = AuthorizationSigner::new(key.clone(), value.clone(), value.clone());
        let sent = signer.sign(&request, "1554208460", &value).unwrap();
        let read = Authorization::parse(&sent.to_string()).unwrap_or_else(|e| panic!("{c}: {e}"));
        assert_eq!(read, sent, "{c}");
        let keys = PublicKeySet::new().with_key(value.clone(), key.public_key());
        read.verify(&keys, &request).unwrap_or_else(|e| panic!("{c}: {e}"));
    }

    let keys = Keys::load();
    let order = create_jsapi_order::Request::example();
    let notification = payment_notification::Request::example();
    for nonce in ["a,b=c;d", "a b", "=,;", "'()<>@"] {
        let signer = keys.merchant_signer(&super::support::named_merchant(&order));
        if !nonce.contains(' ') {
            let signing = Signing::new(NOW).nonce(nonce).merchant(&signer);
            let http = order.try_into_http_request(SUPERAPP, &signing).unwrap();
            let mchid = super::support::named_merchant(&order);
            super::support::receive::<create_jsapi_order::Request>(&keys, &http, &mchid)
                .unwrap_or_else(|e| panic!("{nonce:?}: {e}"));
        }
        let signing = Signing::new(NOW)
            .nonce(nonce)
            .secret_key(&keys.secret)
            .platform(&keys.platform_key, PLATFORM_SERIAL);
        let http = notification.try_into_http_request(CALLBACK_URL, &signing).unwrap();
        super::support::receive::<payment_notification::Request>(&keys, &http, "")
            .unwrap_or_else(|e| panic!("{nonce:?}: {e}"));
    }
}
