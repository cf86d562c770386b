//! Liberal in what we accept, exact in what we send (PROTOCOL.md §7.11), through the real
//! parsing paths: header spelling variants and any header-name case, amounts as numbers or
//! numeric strings (and garbage refused), `payer` as a string or an object, `DataTime`, `ok`,
//! `Resource`, both casings of the virtual callbacks; and every message we send spelled as the
//! spec spells it.

use std::collections::BTreeSet;

use http::header::HeaderName;
use serde_json::{Value, json};

use sas_core::api::message::send_message;
use sas_core::api::payment::{create_jsapi_order, payment_notification, query_order};
use sas_core::api::refund::{
    create_refund, create_virtual_refund, refund_notification, virtual_refund_notification,
};
use sas_core::api::virtual_payment::{
    create_mini_program_order, mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::auth::Verifying;
use sas_core::callback::{self, EncryptedCallback, OpenError};
use sas_core::crypto::{Authorization, RequestParts, callback_signature, seal_resource};
use sas_core::endpoint::{ApiRequest, Example, FieldMeta, FrontendParams};
use sas_core::error::{FromHttpRequestError, FromHttpResponseError};
use sas_core::response::{IncomingResponse, OutgoingResponse};
use sas_core::types::{JsonString, StringOr};

use super::support::{
    EachEntry, Keys, NOW, api_v3_key, named_merchant, over_entries, receive, send,
};

// ---------------------------------------------------------------------------------------------
// Helpers: edit a signed request the way another sender would have written it.

/// `http` with each header `from` moved to a header spelled `to`.
fn rename_headers(
    http: &http::Request<Vec<u8>>,
    renames: &[(&str, &str)],
) -> http::Request<Vec<u8>> {
    let mut renamed = http.clone();
    for (from, to) in renames {
        let value = renamed.headers_mut().remove(*from).unwrap_or_else(|| panic!("no {from}"));
        renamed.headers_mut().insert(HeaderName::from_bytes(to.as_bytes()).unwrap(), value);
    }
    renamed
}

fn header<'h>(http: &'h http::Request<Vec<u8>>, name: &str) -> &'h str {
    http.headers()[name].to_str().unwrap()
}

/// Re-signs what covers the body after an edit: `Authorization` and `TC-Callback-Signature`.
fn resign(keys: &Keys, http: &mut http::Request<Vec<u8>>) {
    if let Some(value) = http.headers().get("Authorization") {
        let authorization = Authorization::parse(value.to_str().unwrap()).unwrap();
        let canonical_url = http.uri().path_and_query().unwrap().as_str();
        let parts = RequestParts {
            method: http.method().as_str(),
            canonical_url: canonical_url.strip_prefix("/sas").unwrap(),
            body: http.body(),
        };
        let signed = keys
            .merchant_signer(authorization.mchid())
            .sign(&parts, authorization.timestamp(), authorization.nonce_str())
            .unwrap()
            .to_string();
        http.headers_mut().insert("Authorization", signed.parse().unwrap());
    }
    if http.headers().contains_key("TC-Callback-Signature") {
        let timestamp = header(http, "TC-Timestamp");
        let nonce = header(http, "TC-Callback-Nonce");
        let signature =
            callback_signature(&keys.platform_key, timestamp, nonce, http.body()).unwrap();
        http.headers_mut().insert("TC-Callback-Signature", signature.parse().unwrap());
    }
}

/// `http` with `from` replaced by `to` in its body (exactly one occurrence), re-signed.
fn edit_body(
    keys: &Keys,
    http: &http::Request<Vec<u8>>,
    from: &str,
    to: &str,
) -> http::Request<Vec<u8>> {
    let body = std::str::from_utf8(http.body()).unwrap();
    assert_eq!(body.matches(from).count(), 1, "{from} in {body}");
    let mut edited = http.clone();
    *edited.body_mut() = body.replacen(from, to, 1).into_bytes();
    resign(keys, &mut edited);
    edited
}

/// `http` with top-level body members renamed (the virtual callbacks sign their payload
/// string, not the body, so nothing needs re-signing).
fn rename_members(
    http: &http::Request<Vec<u8>>,
    renames: &[(&str, &str)],
) -> http::Request<Vec<u8>> {
    let mut body: serde_json::Map<String, Value> = serde_json::from_slice(http.body()).unwrap();
    for (from, to) in renames {
        let value = body.remove(*from).unwrap_or_else(|| panic!("no member {from}"));
        body.insert((*to).to_owned(), value);
    }
    let mut renamed = http.clone();
    *renamed.body_mut() = serde_json::to_vec(&body).unwrap();
    renamed
}

/// A merchant: the platform's certificate and its AppKey; no SecretKey.
fn merchant_side(keys: &Keys) -> Verifying<'_> {
    Verifying::new(NOW).platform_keys(&keys.platform_keys).app_keys(&keys.app_key)
}

/// A 200 response whose envelope carries `data`.
fn envelope(data: &Value) -> http::Response<Vec<u8>> {
    let body =
        json!({"returnCode": "0", "returnMessage": "success", "data": data, "requestId": "r-1"});
    http::Response::new(serde_json::to_vec(&body).unwrap())
}

/// Amounts that are neither a number nor a numeric string of an integer.
const GARBAGE: [&str; 8] =
    [r#""12a""#, "1.5", r#""1.5""#, r#""""#, r#""-""#, r#"" 100""#, r#""0x10""#, "true"];

// ---------------------------------------------------------------------------------------------
// Headers.

#[test]
fn order_headers_are_read_in_every_documented_spelling_and_any_case() {
    let keys = Keys::load();
    let order = create_jsapi_order::Request::example();
    let http = send(&keys, &order);
    let varied = rename_headers(
        &http,
        &[
            ("TC-MerchantID", "TC-MerchantId"),
            ("TC-Platform-UserID", "TC-Platform-UserId"),
            ("TC-ApplicationID", "X-TC-ApplicationId"),
            ("TC-UserID", "TC-USERID"),
            ("TC-Payment-Callback", "tc-payment-callback"),
            ("TC-TradeType", "Tc-TradeType"),
        ],
    );
    assert!(!varied.headers().contains_key("TC-ApplicationID"));
    let received =
        receive::<create_jsapi_order::Request>(&keys, &varied, &named_merchant(&order)).unwrap();
    assert_eq!(received.message, order);
}

#[test]
fn virtual_order_and_refund_headers_are_read_in_every_documented_spelling() {
    let keys = Keys::load();
    let order = create_mini_program_order::Request::example();
    let http = rename_headers(
        &send(&keys, &order),
        &[
            ("TC-MerchantID", "TC-MerchantId"),
            ("TC-Platform-UserID", "TC-Platform-UserId"),
            ("TC-ApplicationID", "X-TC-ApplicationId"),
        ],
    );
    let received =
        receive::<create_mini_program_order::Request>(&keys, &http, &named_merchant(&order))
            .unwrap();
    assert_eq!(received.message.merchant_id, order.merchant_id);
    assert_eq!(received.message.platform_user_id, order.platform_user_id);
    assert_eq!(received.message.application_id, order.application_id);

    let refund = create_virtual_refund::Request::example();
    let http = rename_headers(
        &send(&keys, &refund),
        &[("TC-MerchantID", "tc-merchantid"), ("TC-ApplicationID", "X-TC-ApplicationId")],
    );
    let received =
        receive::<create_virtual_refund::Request>(&keys, &http, &named_merchant(&refund)).unwrap();
    assert_eq!(received.message, refund);

    let refund = create_refund::Request::example();
    let http = rename_headers(&send(&keys, &refund), &[("TC-ApplicationID", "X-TC-ApplicationId")]);
    let received =
        receive::<create_refund::Request>(&keys, &http, &named_merchant(&refund)).unwrap();
    assert_eq!(received.message, refund);
}

/// The Chinese table of 2.2: `TC-Serial`, `TC-Nonce`, `TC-Signature` for the RSA signature,
/// `X-TC-Signature` for the AES one, `X-TC-ApplicationId`.
#[test]
fn the_chinese_payment_callback_headers_are_read() {
    let keys = Keys::load();
    let transaction = payment_notification::Transaction::example();
    let mut notification = payment_notification::Request::example();
    callback::seal(&mut notification, &transaction, &api_v3_key(), "n0nce1234567", "").unwrap();
    let http = rename_headers(
        &send(&keys, &notification),
        &[
            ("TC-Signature", "X-TC-Signature"),
            ("TC-Callback-Signature", "TC-Signature"),
            ("TC-Callback-Serial", "TC-Serial"),
            ("TC-Callback-Nonce", "TC-Nonce"),
            ("TC-ApplicationID", "X-TC-ApplicationId"),
        ],
    );
    let opened = callback::open::<payment_notification::Request, _>(
        &http,
        &merchant_side(&keys),
        &api_v3_key(),
    )
    .unwrap();
    assert_eq!(opened.resource, transaction);
    assert_eq!(opened.callback.application_id, notification.application_id);

    // Holding the SecretKey, the AES signature is checked under its Chinese name too.
    let with_secret = merchant_side(&keys).secret_key(&keys.secret);
    callback::open::<payment_notification::Request, _>(&http, &with_secret, &api_v3_key()).unwrap();
    let mut forged = http.clone();
    forged.headers_mut().insert("X-TC-Signature", "00".repeat(16).parse().unwrap());
    let error =
        callback::open::<payment_notification::Request, _>(&forged, &with_secret, &api_v3_key());
    assert!(matches!(error, Err(OpenError::Request(FromHttpRequestError::Auth(_)))), "{error:?}");
}

#[test]
fn refund_callback_headers_are_read_in_every_documented_spelling() {
    let keys = Keys::load();
    let result = refund_notification::RefundResult::example();
    let mut notification = refund_notification::Request::example();
    callback::seal(&mut notification, &result, &api_v3_key(), "n0nce1234567", "refund").unwrap();
    let http = rename_headers(
        &send(&keys, &notification),
        &[("TC-MerchantID", "TC-MerchantId"), ("TC-ApplicationID", "X-TC-ApplicationId")],
    );
    let opened = callback::open::<refund_notification::Request, _>(
        &http,
        &merchant_side(&keys),
        &api_v3_key(),
    )
    .unwrap();
    assert_eq!(opened.resource, result);
    assert_eq!(opened.callback.merchant_id, notification.merchant_id);

    let notification = virtual_refund_notification::Request::example();
    let http = rename_headers(
        &send(&keys, &notification),
        &[
            ("TC-MerchantID", "TC-MerchantId"),
            ("TC-ApplicationID", "X-TC-ApplicationId"),
            ("TC-Signature", "X-TC-Signature"),
        ],
    );
    let with_secret = merchant_side(&keys).secret_key(&keys.secret);
    let opened =
        callback::read_payload::<virtual_refund_notification::Request, _>(&http, &with_secret)
            .unwrap();
    assert_eq!(opened.callback.merchant_id, notification.merchant_id);
}

// ---------------------------------------------------------------------------------------------
// Amounts.

#[test]
fn request_amounts_are_read_as_numbers_or_numeric_strings_and_garbage_is_refused() {
    let keys = Keys::load();
    let mut order = create_jsapi_order::Request::example();
    order.amount.total = 100;
    let http = send(&keys, &order);
    let mchid = named_merchant(&order);

    let as_string = edit_body(&keys, &http, r#""total":100"#, r#""total":"100""#);
    let received = receive::<create_jsapi_order::Request>(&keys, &as_string, &mchid).unwrap();
    assert_eq!(received.message.amount.total, 100);
    assert_eq!(received.message, order);

    for garbage in GARBAGE {
        let edited = edit_body(&keys, &http, r#""total":100"#, &format!(r#""total":{garbage}"#));
        let error = receive::<create_jsapi_order::Request>(&keys, &edited, &mchid).unwrap_err();
        assert!(matches!(error, FromHttpRequestError::Body(_)), "{garbage}: {error:?}");
        assert_eq!(error.status(), http::StatusCode::BAD_REQUEST);
    }
}

#[test]
fn query_order_amounts_and_payer_are_read_in_either_form() {
    let mut data = serde_json::to_value(query_order::Order::example()).unwrap();
    for (total, payer) in [(json!(100), json!({"openid": "o1"})), (json!("100"), json!("o1"))] {
        data["amount"]["total"] = total;
        data["amount"]["payer_total"] = json!(90);
        data["payer"] = payer.clone();
        let read = query_order::Response::try_from_http_response(&envelope(&data)).unwrap();
        let amount = read.response.data.amount.as_ref().unwrap();
        assert_eq!((amount.total, amount.payer_total), (Some(100), Some(90)));
        match (read.response.data.payer.as_ref().unwrap(), payer.is_string()) {
            (StringOr::String(openid), true) => assert_eq!(openid, "o1"),
            (StringOr::Object(object), false) => assert_eq!(object.openid.as_deref(), Some("o1")),
            (other, _) => panic!("payer read as {other:?}"),
        }
        // The form received is the form sent back.
        let sent = read.response.try_into_http_response("r-2").unwrap();
        let sent: Value = serde_json::from_slice(sent.body()).unwrap();
        assert_eq!(sent["data"]["payer"], payer);
        // Amounts are sent as the strings the spec documents.
        assert_eq!(sent["data"]["amount"]["total"], json!("100"));
    }
    for garbage in GARBAGE {
        data["amount"]["total"] = serde_json::from_str(garbage).unwrap();
        let error = query_order::Response::try_from_http_response(&envelope(&data)).unwrap_err();
        assert!(matches!(error, FromHttpResponseError::Data { .. }), "{garbage}: {error:?}");
    }
}

#[test]
fn refund_response_amounts_are_read_as_strings_and_sent_as_numbers() {
    let mut data = serde_json::to_value(create_refund::Response::example().data).unwrap();
    for field in ["total", "refund", "payer_total", "payer_refund", "refund_fee"] {
        data["amount"][field] = json!("10");
    }
    let read = create_refund::Response::try_from_http_response(&envelope(&data)).unwrap();
    let amount = &read.response.data.amount;
    assert_eq!(
        [amount.total, amount.refund, amount.payer_total, amount.payer_refund, amount.refund_fee],
        [10; 5]
    );
    let sent = read.response.try_into_http_response("r-2").unwrap();
    let sent: Value = serde_json::from_slice(sent.body()).unwrap();
    assert_eq!(sent["data"]["amount"]["refund"], json!(10));

    data["amount"]["refund"] = json!(1.5);
    let error = create_refund::Response::try_from_http_response(&envelope(&data)).unwrap_err();
    assert!(matches!(error, FromHttpResponseError::Data { .. }), "{error:?}");
}

/// A 2.2 callback whose decrypted transaction is `transaction`, as JSON written by the sender.
fn sealed_payment(keys: &Keys, transaction: &Value) -> http::Request<Vec<u8>> {
    let plaintext = serde_json::to_vec(transaction).unwrap();
    let ciphertext = seal_resource(&api_v3_key(), "n0nce1234567", "", &plaintext).unwrap();
    let mut notification = payment_notification::Request::example();
    notification.set_sealed(ciphertext, "n0nce1234567".to_owned(), String::new());
    send(keys, &notification)
}

#[test]
fn decrypted_transactions_take_amounts_and_payer_in_either_form() {
    let keys = Keys::load();
    let example = payment_notification::Transaction::example();
    let mut transaction = serde_json::to_value(&example).unwrap();
    // What we send: the documented string amounts and the payer's form as held.
    assert_eq!(transaction["amount"]["total"], json!("100"));
    assert_eq!(transaction["payer"], json!("example-payer"));

    for (total, payer) in [(json!(100), json!({"openid": "o1"})), (json!("100"), json!("o1"))] {
        transaction["amount"]["total"] = total;
        transaction["amount"]["payer_total"] = json!(100);
        transaction["payer"] = payer.clone();
        let http = sealed_payment(&keys, &transaction);
        let opened = callback::open::<payment_notification::Request, _>(
            &http,
            &merchant_side(&keys),
            &api_v3_key(),
        )
        .unwrap();
        assert_eq!(opened.resource.amount.total, 100);
        assert_eq!(opened.resource.amount.payer_total, 100);
        let expected_payer = match payer {
            Value::String(openid) => StringOr::String(openid),
            _ => StringOr::Object(serde_json::from_value(payer).unwrap()),
        };
        assert_eq!(opened.resource.payer, expected_payer);
    }

    for garbage in GARBAGE {
        transaction["amount"]["total"] = serde_json::from_str(garbage).unwrap();
        let http = sealed_payment(&keys, &transaction);
        let error = callback::open::<payment_notification::Request, _>(
            &http,
            &merchant_side(&keys),
            &api_v3_key(),
        );
        assert!(matches!(error, Err(OpenError::Document { .. })), "{garbage}: {error:?}");
    }
}

#[test]
fn virtual_payloads_take_numbers_as_numeric_strings() {
    let keys = Keys::load();
    let mut notification = mini_game_payment_notification::Request::example();
    let mut payload = serde_json::to_value(notification.payload.parse().unwrap()).unwrap();
    assert!(payload["GoodsInfo"]["ActualPrice"].is_number(), "sent as numbers: {payload}");
    payload["GoodsInfo"]["Quantity"] = json!("2");
    payload["GoodsInfo"]["ActualPrice"] = json!("18");
    notification.payload = JsonString::from_raw(payload.to_string());
    let http = send(&keys, &notification);
    let opened = callback::read_payload::<mini_game_payment_notification::Request, _>(
        &http,
        &merchant_side(&keys),
    )
    .unwrap();
    assert_eq!(
        (opened.resource.goods_info.quantity, opened.resource.goods_info.actual_price),
        (2, 18)
    );

    let mut notification = virtual_refund_notification::Request::example();
    let mut payload = serde_json::to_value(notification.payload.parse().unwrap()).unwrap();
    assert!(payload["amount"]["refund"].is_string(), "sent as strings: {payload}");
    payload["amount"]["refund"] = json!(10);
    payload["amount"]["total"] = json!(100);
    notification.payload = JsonString::from_raw(payload.to_string());
    let http = send(&keys, &notification);
    let opened = callback::read_payload::<virtual_refund_notification::Request, _>(
        &http,
        &merchant_side(&keys),
    )
    .unwrap();
    assert_eq!((opened.resource.amount.refund, opened.resource.amount.total), (10, 100));

    payload["amount"]["refund"] = json!("12a");
    notification.payload = JsonString::from_raw(payload.to_string());
    let http = send(&keys, &notification);
    let error = callback::read_payload::<virtual_refund_notification::Request, _>(
        &http,
        &merchant_side(&keys),
    );
    assert!(matches!(error, Err(OpenError::Document { .. })), "{error:?}");
}

// ---------------------------------------------------------------------------------------------
// Member names.

#[test]
fn message_push_reads_data_time_and_date_time() {
    let keys = Keys::load();
    let message = send_message::Request::example();
    let http = send(&keys, &message);
    let body = std::str::from_utf8(http.body()).unwrap();
    assert!(body.contains(r#""DateTime":1735293931"#) && !body.contains("DataTime"), "{body}");

    let english = edit_body(&keys, &http, r#""DateTime":"#, r#""DataTime":"#);
    let received = receive::<send_message::Request>(&keys, &english, "").unwrap();
    assert_eq!(received.message, message);

    let as_string =
        edit_body(&keys, &http, r#""DateTime":1735293931"#, r#""DataTime":"1735293931""#);
    let received = receive::<send_message::Request>(&keys, &as_string, "").unwrap();
    assert_eq!(received.message.date_time, 1_735_293_931);

    // Both spellings at once are ambiguous: refused, not guessed.
    let both = edit_body(&keys, &http, r#""DateTime":1735293931"#, r#""DateTime":1,"DataTime":2"#);
    let error = receive::<send_message::Request>(&keys, &both, "").unwrap_err();
    assert!(matches!(error, FromHttpRequestError::Body(_)), "{error:?}");
}

#[test]
fn callback_resources_are_read_as_resource_or_capital_resource() {
    let keys = Keys::load();
    let transaction = payment_notification::Transaction::example();
    let mut notification = payment_notification::Request::example();
    callback::seal(&mut notification, &transaction, &api_v3_key(), "n0nce1234567", "").unwrap();
    let http = send(&keys, &notification);
    let capital = edit_body(&keys, &http, r#""resource":"#, r#""Resource":"#);
    let opened = callback::open::<payment_notification::Request, _>(
        &capital,
        &merchant_side(&keys),
        &api_v3_key(),
    )
    .unwrap();
    assert_eq!(opened.resource, transaction);

    let result = refund_notification::RefundResult::example();
    let mut notification = refund_notification::Request::example();
    callback::seal(&mut notification, &result, &api_v3_key(), "n0nce1234567", "refund").unwrap();
    let http = send(&keys, &notification);
    let capital = edit_body(&keys, &http, r#""resource":"#, r#""Resource":"#);
    let opened = callback::open::<refund_notification::Request, _>(
        &capital,
        &merchant_side(&keys),
        &api_v3_key(),
    )
    .unwrap();
    assert_eq!(opened.resource, result);
}

const PASCAL: [&str; 5] = ["EventType", "Event", "PayModel", "Payload", "PayEventSig"];
const CAMEL: [&str; 5] = ["eventType", "event", "payModel", "payload", "payEventSig"];

#[test]
fn virtual_payment_callbacks_are_read_in_camel_case_too() {
    let keys = Keys::load();
    let renames: Vec<_> = PASCAL.into_iter().zip(CAMEL).collect();

    let notification = mini_game_payment_notification::Request::example();
    let camel = rename_members(&send(&keys, &notification), &renames);
    let opened = callback::read_payload::<mini_game_payment_notification::Request, _>(
        &camel,
        &merchant_side(&keys),
    )
    .unwrap();
    assert_eq!(opened.callback, notification_with_signature(&notification, &opened.callback));
    assert_eq!(opened.resource, notification.payload.parse().unwrap());

    let notification = mini_program_payment_notification::Request::example();
    let camel = rename_members(&send(&keys, &notification), &renames);
    let opened = callback::read_payload::<mini_program_payment_notification::Request, _>(
        &camel,
        &merchant_side(&keys),
    )
    .unwrap();
    assert_eq!(opened.callback.pay_model, notification.pay_model);
    assert_eq!(opened.resource, notification.payload.parse().unwrap());
}

/// `expected` with the event signature the sender filled in.
fn notification_with_signature(
    expected: &mini_game_payment_notification::Request,
    received: &mini_game_payment_notification::Request,
) -> mini_game_payment_notification::Request {
    let mut expected = expected.clone();
    expected.pay_event_sig.clone_from(&received.pay_event_sig);
    expected
}

#[test]
fn virtual_refund_callbacks_are_read_in_pascal_case_too() {
    let keys = Keys::load();
    let notification = virtual_refund_notification::Request::example();
    let renames = [
        ("eventType", "EventType"),
        ("event", "Event"),
        ("payload", "Payload"),
        ("payEventSig", "PayEventSig"),
    ];
    let pascal = rename_members(&send(&keys, &notification), &renames);
    let opened = callback::read_payload::<virtual_refund_notification::Request, _>(
        &pascal,
        &merchant_side(&keys),
    )
    .unwrap();
    assert_eq!(opened.callback.event, notification.event);
    assert_eq!(opened.resource, notification.payload.parse().unwrap());

    // A forged payload under either casing still fails its signature.
    let mut body: serde_json::Map<String, Value> = serde_json::from_slice(pascal.body()).unwrap();
    body.insert("Payload".to_owned(), json!("{}"));
    let mut forged = pascal.clone();
    *forged.body_mut() = serde_json::to_vec(&body).unwrap();
    let error = callback::read_payload::<virtual_refund_notification::Request, _>(
        &forged,
        &merchant_side(&keys),
    );
    assert!(matches!(error, Err(OpenError::Request(FromHttpRequestError::Auth(_)))), "{error:?}");
}

#[test]
fn callback_answers_acknowledge_in_any_case() {
    for data in ["OK", "ok", "Ok"] {
        let read = mini_game_payment_notification::Response::try_from_http_response(&envelope(
            &json!(data),
        ))
        .unwrap();
        assert_eq!(read.response.data, data);
        assert!(callback::acknowledges(&json!(read.response.data)), "{data}");
    }
    // `returnCode` as a number is read too.
    let body = br#"{"returnCode":0,"data":"ok","requestId":"r-1"}"#.to_vec();
    let read =
        refund_notification::Response::try_from_http_response(&http::Response::new(body)).unwrap();
    assert!(callback::acknowledges(&json!(read.response.data)));
    let read =
        payment_notification::Response::try_from_http_response(&envelope(&json!(true))).unwrap();
    assert!(callback::acknowledges(&json!(read.response.data)));
    assert!(!callback::acknowledges(&json!("FAIL")));

    // What we answer: `OK`, as the English tables say, and `true` for 2.2.
    for sent in [
        mini_game_payment_notification::Response::example().try_into_http_response("r").unwrap(),
        mini_program_payment_notification::Response::example().try_into_http_response("r").unwrap(),
        refund_notification::Response::example().try_into_http_response("r").unwrap(),
        virtual_refund_notification::Response::example().try_into_http_response("r").unwrap(),
    ] {
        let sent: Value = serde_json::from_slice(sent.body()).unwrap();
        assert_eq!(sent["data"], json!("OK"));
        assert_eq!(sent["returnCode"], json!("0"));
    }
    let sent = payment_notification::Response::example().try_into_http_response("r").unwrap();
    let sent: Value = serde_json::from_slice(sent.body()).unwrap();
    assert_eq!(sent["data"], json!(true));
}

// ---------------------------------------------------------------------------------------------
// Exact out: every entry, as we send it, uses the spec's names and none of its aliases.

/// The names and aliases of `fields` that differ from the name other than by case, lowercase.
fn aliases(fields: &[FieldMeta]) -> BTreeSet<String> {
    fields
        .iter()
        .flat_map(|f| f.aliases.iter().filter(|a| !a.eq_ignore_ascii_case(f.name)))
        .map(|a| a.to_ascii_lowercase())
        .collect()
}

fn assert_members_are_the_specs(entry: &str, json: &Value, fields: &[FieldMeta]) {
    let members: BTreeSet<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    let names: BTreeSet<&str> = fields.iter().map(|f| f.name).collect();
    let unknown: Vec<_> = members.difference(&names).collect();
    assert!(unknown.is_empty(), "{entry} sends members the spec does not name: {unknown:?}");
    for field in fields.iter().filter(|f| f.required && !f.rust_name.is_empty()) {
        assert!(members.contains(field.name), "{entry} does not send {}", field.name);
    }
}

fn sent_as_specified<T: ApiRequest>() -> &'static str {
    let meta = T::METADATA;
    let keys = Keys::load();
    let http = send(&keys, &T::example());
    let sent: BTreeSet<String> = http.headers().keys().map(|n| n.as_str().to_owned()).collect();
    let avoided = aliases(meta.headers);
    assert!(sent.is_disjoint(&avoided), "{} sends an alias: {sent:?}", meta.section);
    for field in meta.headers.iter().filter(|f| f.required) {
        let name = field.name.to_ascii_lowercase();
        assert!(sent.contains(&name), "{} does not send {}", meta.section, field.name);
    }
    if !http.body().is_empty() {
        let json: Value = serde_json::from_slice(http.body()).unwrap();
        assert_members_are_the_specs(meta.section, &json, meta.body);
    }
    meta.section
}

fn params_as_specified<T: FrontendParams>() -> &'static str {
    let json = serde_json::to_value(T::example()).unwrap();
    assert_members_are_the_specs(T::METADATA.section, &json, T::METADATA.params);
    T::METADATA.section
}

struct SentAsSpecified;

impl EachEntry for SentAsSpecified {
    type Output = &'static str;

    fn request<T: ApiRequest>() -> &'static str {
        sent_as_specified::<T>()
    }

    fn params<T: FrontendParams>() -> &'static str {
        params_as_specified::<T>()
    }
}

#[test]
fn every_entry_is_sent_with_the_specs_names_only() {
    let checked: Vec<&str> = over_entries::<SentAsSpecified>();
    assert_eq!(checked.len(), sas_core::api::ENTRIES.len());
    // The aliases the spec lists are really there to avoid.
    let order = aliases(create_jsapi_order::METADATA.headers);
    assert!(order.contains("x-tc-applicationid"), "{order:?}");
    let notification = aliases(payment_notification::METADATA.headers);
    assert!(notification.contains("tc-serial") && notification.contains("x-tc-signature"));
}
