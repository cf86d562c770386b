//! JSON bodies read by RFC 8259 (a leading UTF-8 BOM and insignificant whitespace ignored,
//! duplicate member names refused), type errors named by their wire path, for requests,
//! callbacks, responses and signed documents alike; and nothing authenticated lost when a
//! verified document does not fit its type.

use serde_json::{Value, json};

use sas_core::api::payment::{create_jsapi_order, payment_notification};
use sas_core::api::refund::virtual_refund_notification;
use sas_core::api::user::check_user;
use sas_core::auth::Verifying;
use sas_core::callback::{self, EncryptedCallback, OpenError};
use sas_core::crypto::{ApiV3Key, seal_resource};
use sas_core::endpoint::Example;
use sas_core::error::{FromHttpRequestError, FromHttpResponseError};
use sas_core::response::IncomingResponse;
use sas_core::types::JsonString;

use super::support::{Keys, NOW, named_merchant, receive, send};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn api_v3_key() -> ApiV3Key {
    ApiV3Key::new("0123456789ABCDEFabcdefghij012345").unwrap()
}

/// Re-signs a merchant request after its body changed.
fn with_body(
    keys: &Keys,
    request: &create_jsapi_order::Request,
    body: Vec<u8>,
) -> http::Request<Vec<u8>> {
    use sas_core::crypto::{Authorization, RequestParts};
    let mut http = send(keys, request);
    *http.body_mut() = body;
    let authorization =
        Authorization::parse(http.headers()["Authorization"].to_str().unwrap()).unwrap();
    let path = http.uri().path_and_query().unwrap().as_str().strip_prefix("/sas").unwrap();
    let parts = RequestParts { method: "POST", canonical_url: path, body: http.body() };
    let signed = keys
        .merchant_signer(authorization.mchid())
        .sign(&parts, authorization.timestamp(), authorization.nonce_str())
        .unwrap();
    http.headers_mut().insert("Authorization", signed.to_string().parse().unwrap());
    http
}

#[test]
fn a_bom_and_insignificant_whitespace_are_ignored() {
    let keys = Keys::load();
    let request = check_user::Request::example();
    let http = send(&keys, &request);
    for (prefix, suffix) in
        [(BOM, &b""[..]), (BOM, b" \r\n"), (b" \t\r\n", b"\n"), (b"\xEF\xBB\xBF\n", b"\t")]
    {
        let mut changed = http.clone();
        *changed.body_mut() = [prefix, http.body(), suffix].concat();
        let received = receive::<check_user::Request>(&keys, &changed, "").unwrap();
        assert_eq!(received.message, request);
    }

    let order = create_jsapi_order::Request::example();
    let mchid = named_merchant(&order);
    let body = [BOM, &serde_json::to_vec(&order).unwrap()].concat();
    let received =
        receive::<create_jsapi_order::Request>(&keys, &with_body(&keys, &order, body), &mchid);
    assert_eq!(received.unwrap().message, order);

    let response =
        http::Response::new([BOM, br#" {"returnCode":"0","data":true,"requestId":"r"} "#].concat());
    assert!(check_user::Response::try_from_http_response(&response).unwrap().response.data);

    let document: JsonString<virtual_refund_notification::RefundResult> = JsonString::from_raw(
        format!("\u{FEFF}{}", virtual_refund_notification::RefundResult::example_json()),
    );
    assert_eq!(document.parse().unwrap(), virtual_refund_notification::RefundResult::example());
}

trait ExampleJson {
    fn example_json() -> String;
}

impl<T: Example + serde::Serialize> ExampleJson for T {
    fn example_json() -> String {
        serde_json::to_string(&T::example()).unwrap()
    }
}

#[test]
fn type_errors_name_the_wire_path() {
    let keys = Keys::load();
    let order = create_jsapi_order::Request::example();
    let mchid = named_merchant(&order);
    let mut body = serde_json::to_value(&order).unwrap();
    body["amount"]["total"] = json!("a hundred");
    let http = with_body(&keys, &order, serde_json::to_vec(&body).unwrap());
    let error = receive::<create_jsapi_order::Request>(&keys, &http, &mchid).unwrap_err();
    match &error {
        FromHttpRequestError::Body(json) => assert_eq!(json.path(), "amount.total"),
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("amount.total"), "{error}");

    body["amount"]["total"] = json!(100);
    body["detail"]["goods_detail"][0]["quantity"] = json!([]);
    let http = with_body(&keys, &order, serde_json::to_vec(&body).unwrap());
    let error = receive::<create_jsapi_order::Request>(&keys, &http, &mchid).unwrap_err();
    assert!(error.to_string().contains("detail.goods_detail[0].quantity"), "{error}");

    let response = http::Response::new(
        br#"{"returnCode":"0","data":{"prepayId":7},"requestId":"r"}"#.to_vec(),
    );
    let error = create_jsapi_order::Response::try_from_http_response(&response).unwrap_err();
    match &error {
        FromHttpResponseError::Data { error, .. } => assert_eq!(error.path(), "prepayId"),
        other => panic!("{other:?}"),
    }

    let document = JsonString::<virtual_refund_notification::RefundResult>::from_raw(
        r#"{"amount":{"refund":"x"}}"#,
    );
    let error = document.parse().unwrap_err();
    assert_eq!(error.path(), "amount.refund", "{error}");
}

#[test]
fn duplicate_member_names_are_refused() {
    let keys = Keys::load();
    let request = check_user::Request::example();
    let mut http = send(&keys, &request);
    *http.body_mut() = br#"{"userId":"user-42","userId":"user-43"}"#.to_vec();
    let error = receive::<check_user::Request>(&keys, &http, "").unwrap_err();
    assert_eq!(error.status(), http::StatusCode::BAD_REQUEST, "{error}");
    assert!(error.to_string().contains("userId"), "{error}");

    let order = create_jsapi_order::Request::example();
    let mchid = named_merchant(&order);
    let body = serde_json::to_string(&order).unwrap();
    let nested = body.replacen(r#""total":"#, r#""total":1,"total":"#, 1);
    assert_ne!(nested, body);
    let http = with_body(&keys, &order, nested.into_bytes());
    let error = receive::<create_jsapi_order::Request>(&keys, &http, &mchid).unwrap_err();
    match &error {
        FromHttpRequestError::Body(json) => assert_eq!(json.path(), "amount.total"),
        other => panic!("{other:?}"),
    }

    // Inside untyped objects too: a document's meaning must not depend on the parser.
    let response = http::Response::new(
        br#"{"returnCode":"0","data":true,"requestId":"r","requestId":"s"}"#.to_vec(),
    );
    assert!(check_user::Response::try_from_http_response(&response).is_err());
}

/// A 2.2 callback whose decrypted transaction is `transaction`.
fn sealed_payment(keys: &Keys, plaintext: &[u8]) -> http::Request<Vec<u8>> {
    let ciphertext = seal_resource(&api_v3_key(), "n0nce1234567", "", plaintext).unwrap();
    let mut notification = payment_notification::Request::example();
    notification.set_sealed(ciphertext, "n0nce1234567".to_owned(), String::new());
    send(keys, &notification)
}

#[test]
fn a_verified_resource_that_does_not_parse_keeps_its_plaintext() {
    let keys = Keys::load();
    let merchant = Verifying::new(NOW).platform_keys(&keys.platform_keys);
    let mut transaction =
        serde_json::to_value(payment_notification::Transaction::example()).unwrap();
    transaction["amount"]["total"] = json!("a hundred");
    let plaintext = serde_json::to_vec(&transaction).unwrap();
    for sent in [plaintext.clone(), b"not json, secret-ish".to_vec()] {
        let http = sealed_payment(&keys, &sent);
        let error =
            callback::open::<payment_notification::Request, _>(&http, &merchant, &api_v3_key())
                .unwrap_err();
        let debug = format!("{error:?}");
        match error {
            OpenError::Document { plaintext, error } => {
                assert_eq!(plaintext.as_bytes(), &sent[..]);
                if sent == plaintext.as_bytes() && sent.starts_with(b"{") {
                    assert_eq!(error.path(), "amount.total");
                }
            }
            other => panic!("{other:?}"),
        }
        assert!(!debug.contains("secret-ish") && !debug.contains("a hundred"), "{debug}");
    }

    // Signed virtual payloads too.
    let mut notification = virtual_refund_notification::Request::example();
    let payload = r#"{"amount":{"refund":"x"},"secret":"secret-ish"}"#;
    notification.payload = JsonString::from_raw(payload);
    let http = send(&keys, &notification);
    let error = callback::read_payload::<virtual_refund_notification::Request, _>(
        &http,
        &Verifying::new(NOW).app_keys(&keys.app_key),
    )
    .unwrap_err();
    assert!(!format!("{error:?}").contains("secret-ish"));
    match error {
        OpenError::Document { plaintext, .. } => {
            assert_eq!(plaintext.as_bytes(), payload.as_bytes())
        }
        other => panic!("{other:?}"),
    }
    let _: Option<Value> = None;
}

/// Type errors inside a string-or-object value (the payer), in nested arrays and objects, in a
/// decrypted resource and in a response: each named by its full wire path.
#[test]
fn type_errors_inside_nested_and_string_or_object_values_name_the_full_path() {
    use sas_core::api::payment::query_order;

    let transaction = serde_json::to_value(payment_notification::Transaction::example()).unwrap();
    for (pointer, value, path) in [
        ("/payer", json!({"openid": 5}), "payer.openid"),
        ("/payer", json!({"openid": ["x"]}), "payer.openid"),
        ("/amount/total", json!({"a": 1}), "amount.total"),
        ("/amount/total", json!("12x"), "amount.total"),
        ("/trade_state", json!({"s": 1}), "trade_state"),
    ] {
        let mut document = transaction.clone();
        *document.pointer_mut(pointer).unwrap() = value.clone();
        let raw = serde_json::to_string(&document).unwrap();
        let error =
            JsonString::<payment_notification::Transaction>::from_raw(raw).parse().unwrap_err();
        assert_eq!(error.path(), path, "{pointer} = {value}: {error}");
    }
    // A payer given as a string, or as an object that fits, still reads.
    for payer in [json!("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), json!({"openid": "o"}), json!({})] {
        let mut document = transaction.clone();
        document["payer"] = payer.clone();
        let raw = serde_json::to_string(&document).unwrap();
        JsonString::<payment_notification::Transaction>::from_raw(raw)
            .parse()
            .unwrap_or_else(|e| panic!("{payer}: {e}"));
    }

    let data = serde_json::to_value(query_order::Order::example()).unwrap();
    let mut bad = data.clone();
    bad["payer"] = json!({"openid": 5});
    let body = json!({"returnCode": "0", "data": bad, "requestId": "r"});
    let response = http::Response::new(serde_json::to_vec(&body).unwrap());
    match query_order::Response::try_from_http_response(&response).unwrap_err() {
        FromHttpResponseError::Data { error, .. } => assert_eq!(error.path(), "payer.openid"),
        other => panic!("{other:?}"),
    }
}

/// Documents that verify (or decrypt) but do not fit their type; `secret-ish` must not show in
/// `Debug`.
const UNFIT_DOCUMENTS: [&str; 6] = [
    "not json, secret-ish",
    r#"{"secret":"secret-ish","secret":"secret-ish"}"#,
    r#"["secret-ish"]"#,
    "\u{FEFF}\u{FEFF}{\"secret-ish\":1}",
    r#"{"amount":{"total":"secret-ish","refund":"secret-ish"},"x":"secret-ish"}"#,
    "",
];

fn assert_kept(error: OpenError, sent: &str, section: &str) {
    let debug = format!("{error:?}");
    assert!(!debug.contains("secret-ish"), "{section} {sent:?}: {debug}");
    assert!(!error.to_string().contains("secret-ish"), "{section} {sent:?}: {error}");
    match error {
        OpenError::Document { plaintext, .. } => {
            assert_eq!(plaintext.as_bytes(), sent.as_bytes(), "{section}");
        }
        other => panic!("{section} {sent:?}: {other:?}"),
    }
}

/// Every callback entry (2.2, 3.2 sealed; 4.2, 5.1.3, 5.2.2 signed payloads) keeps the
/// authenticated bytes of a document that does not parse.
#[test]
fn every_callback_keeps_the_authenticated_bytes_of_a_document_that_does_not_parse() {
    use sas_core::api::refund::refund_notification;
    use sas_core::api::virtual_payment::{
        mini_game_payment_notification, mini_program_payment_notification,
    };

    let keys = Keys::load();
    let merchant = Verifying::new(NOW).platform_keys(&keys.platform_keys).app_keys(&keys.app_key);

    fn sealed<C: EncryptedCallback>(keys: &Keys, merchant: &Verifying<'_>) -> usize {
        for sent in UNFIT_DOCUMENTS {
            let ciphertext =
                seal_resource(&api_v3_key(), "n0nce1234567", "extra", sent.as_bytes()).unwrap();
            let mut notification = C::example();
            notification.set_sealed(ciphertext, "n0nce1234567".to_owned(), "extra".to_owned());
            let http = send(keys, &notification);
            let Err(error) = callback::open::<C, _>(&http, merchant, &api_v3_key()) else {
                panic!("{}: {sent:?} opened", C::METADATA.section);
            };
            assert_kept(error, sent, C::METADATA.section);
        }
        1
    }
    macro_rules! payload {
        ($($module:ident)::+) => {{
            use $($module)::+ as entry;
            for sent in UNFIT_DOCUMENTS {
                let mut notification = entry::Request::example();
                notification.payload = JsonString::from_raw(sent);
                let http = send(&keys, &notification);
                let error =
                    callback::read_payload::<entry::Request, _>(&http, &merchant).unwrap_err();
                assert_kept(error, sent, <entry::Request as sas_core::endpoint::ApiRequest>::METADATA.section);
            }
            1
        }};
    }
    let checked = sealed::<payment_notification::Request>(&keys, &merchant)
        + sealed::<refund_notification::Request>(&keys, &merchant)
        + payload!(virtual_refund_notification)
        + payload!(mini_program_payment_notification)
        + payload!(mini_game_payment_notification);
    assert_eq!(checked, 5);
}
