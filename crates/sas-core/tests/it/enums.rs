//! Enumerated fields are generated enums: the spec's values by name, sent with the vendor's
//! spelling, and any other value kept exactly as received, so a new vendor value never loses a
//! notification; a server validating a request still refuses values outside the spec.

use sas_core::api::common::{Algorithm, RefundStatus, Status};
use sas_core::api::payment::{create_jsapi_order, payment_notification, query_order};
use sas_core::api::refund::{create_virtual_refund, refund_notification};
use sas_core::api::user::get_user_info_temporary_code::{self, InfoType};
use sas_core::auth::{Signing, Verifying};
use sas_core::crypto::SecretKey;
use sas_core::endpoint::Example;
use sas_core::error::FromHttpRequestError;
use sas_core::request::{IncomingRequest, OutgoingRequest};
use sas_core::time::UnixTime;
use sas_core::validate::{Validate, Violation};
use serde_json::json;

#[test]
fn a_listed_value_is_its_variant_and_travels_with_the_vendor_spelling() {
    let state: query_order::TradeState = serde_json::from_value(json!("USERPAYING")).unwrap();
    assert_eq!(state, query_order::TradeState::Userpaying);
    assert!(state.is_known());
    assert_eq!(serde_json::to_value(&state).unwrap(), json!("USERPAYING"));
    assert_eq!(state.to_string(), "USERPAYING");
    assert_eq!(refund_notification::EventType::RefundSuccess.as_str(), "REFUND.SUCCESS");
    assert_eq!(Algorithm::from("AEAD_AES_256_GCM"), Algorithm::AeadAes256Gcm);
}

#[test]
fn an_unlisted_value_is_kept_verbatim_and_sent_back_unchanged() {
    let mut transaction = serde_json::to_value(payment_notification::Transaction::example())
        .expect("the example serialises");
    transaction["trade_state"] = json!("PARTIAL_REFUND");
    let read: payment_notification::Transaction =
        serde_json::from_value(transaction.clone()).expect("a new value still parses");
    assert!(!read.trade_state.is_known());
    assert_eq!(read.trade_state.as_str(), "PARTIAL_REFUND");
    assert_eq!(serde_json::to_value(&read).unwrap(), transaction);
    // Another spelling of a listed value is not rewritten: it is signed and kept as sent.
    let lower: Status = serde_json::from_value(json!("success")).unwrap();
    assert!(!lower.is_known());
    assert_eq!(lower.as_str(), "success");
    assert_ne!(lower, Status::Success);
}

#[test]
fn a_number_standing_for_a_listed_value_is_read_as_its_text() {
    let read: create_virtual_refund::ReqFrom = serde_json::from_value(json!(2)).unwrap();
    assert_eq!(read, create_virtual_refund::ReqFrom::User);
    assert_eq!(serde_json::to_value(&read).unwrap(), json!("2"));
}

#[test]
fn spec_defaults_are_the_enums_defaults() {
    assert_eq!(create_jsapi_order::TradeType::default(), create_jsapi_order::TradeType::Jsapi);
    let order = create_jsapi_order::Request::example();
    assert_eq!(order.trade_type, create_jsapi_order::TradeType::Jsapi);
    assert_eq!(RefundStatus::from("ABNORMAL"), RefundStatus::Abnormal);
}

#[test]
fn unlisted_values_are_refused_in_what_we_send() {
    let mut request = get_user_info_temporary_code::Request::example();
    request.info_type = InfoType::from("fax");
    let errors = request.check().unwrap_err();
    assert_eq!(errors[0].path, "type");
    assert!(matches!(errors[0].violation, Violation::NotOneOf { .. }));
    let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap();
    let now = UnixTime::from_millis(1_735_293_931_220);
    let signing = Signing::new(now).secret_key(&secret);
    assert!(request.try_into_http_request("https://superapp.example", &signing).is_err());
}

#[test]
fn a_server_refuses_a_request_with_an_unlisted_value() {
    let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap();
    let now = UnixTime::from_millis(1_735_293_931_220);
    let mut request = get_user_info_temporary_code::Request::example();
    request.info_type = InfoType::Phone;
    let signing = Signing::new(now).secret_key(&secret);
    let sent = request.try_into_http_request("https://superapp.example", &signing).unwrap();
    let verifying = Verifying::new(now).secret_key(&secret);
    get_user_info_temporary_code::Request::try_from_http_request(&sent, &verifying).unwrap();

    // TC-Signature covers the timestamp only, so the altered body still authenticates.
    let body = String::from_utf8(sent.body().clone()).unwrap().replace("\"phone\"", "\"fax\"");
    let (parts, _) = sent.into_parts();
    let altered = http::Request::from_parts(parts, body.into_bytes());
    let error = get_user_info_temporary_code::Request::try_from_http_request(&altered, &verifying)
        .unwrap_err();
    let FromHttpRequestError::Invalid(errors) = error else { panic!("{error:?}") };
    assert_eq!(errors[0].path, "type");
}
