//! Errors answer the common questions without matching into them: the HTTP status, who must
//! act ([`Fault`]), whether authentication failed.

use sas_core::api::payment::payment_notification;
use sas_core::api::user::check_user;
use sas_core::auth::{Signing, Verifying};
use sas_core::callback::{self, OpenError};
use sas_core::crypto::ApiV3Key;
use sas_core::endpoint::Example;
use sas_core::error::{Fault, FromHttpResponseError};
use sas_core::request::{IncomingRequest, OutgoingRequest};
use sas_core::response::{IncomingResponse, error_response};

use super::support::{Keys, NOW, receive, send};

#[test]
fn request_errors_say_status_fault_and_auth() {
    let keys = Keys::load();
    let http = send(&keys, &check_user::Request::example());

    let mut forged = http.clone();
    forged.headers_mut().insert("TC-Signature", "00".parse().unwrap());
    let error = receive::<check_user::Request>(&keys, &forged, "").unwrap_err();
    assert_eq!(
        (error.status().as_u16(), error.fault(), error.is_auth()),
        (401, Fault::Sender, true)
    );
    assert!(error.as_auth().is_some());

    let no_key =
        check_user::Request::try_from_http_request(&http, &Verifying::new(NOW).path_prefix("/sas"))
            .unwrap_err();
    assert_eq!(
        (no_key.status().as_u16(), no_key.fault(), no_key.is_auth()),
        (500, Fault::Configuration, false)
    );

    let mut bad_body = http.clone();
    *bad_body.body_mut() = b"{}".to_vec();
    let error = receive::<check_user::Request>(&keys, &bad_body, "").unwrap_err();
    assert_eq!(
        (error.status().as_u16(), error.fault(), error.is_auth()),
        (400, Fault::Sender, false)
    );

    let mut wrong_method = http.clone();
    *wrong_method.method_mut() = http::Method::GET;
    assert_eq!(receive::<check_user::Request>(&keys, &wrong_method, "").unwrap_err().status(), 405);

    let missing = check_user::Request::example()
        .try_into_http_request("https://superapp.example", &Signing::new(NOW));
    assert_eq!(missing.unwrap_err().fault(), Fault::Configuration);
}

#[test]
fn response_errors_say_status_fault_and_auth() {
    let error = sas_core::error::ApiError::new(http::StatusCode::UNAUTHORIZED, "AUTH", "bad sig");
    let answer = error_response(&error, "r-1");
    let read = check_user::Response::try_from_http_response(&answer).unwrap_err();
    assert_eq!((read.status().as_u16(), read.fault(), read.is_auth()), (401, Fault::Server, true));
    assert_eq!(read.as_api().map(|e| e.code.as_str()), Some("AUTH"));
    assert_eq!(read.body(), None);

    let garbage = http::Response::builder().status(502).body(b"<html>".to_vec()).unwrap();
    let read = check_user::Response::try_from_http_response(&garbage).unwrap_err();
    assert!(matches!(read, FromHttpResponseError::Status { .. }));
    assert_eq!(
        (read.status().as_u16(), read.is_auth(), read.body()),
        (502, false, Some(&b"<html>"[..]))
    );
}

#[test]
fn callback_errors_say_status_fault_and_auth() {
    let keys = Keys::load();
    let merchant = Verifying::new(NOW).platform_keys(&keys.platform_keys);
    let key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345").unwrap();
    let mut notification = payment_notification::Request::example();
    callback::seal(
        &mut notification,
        &payment_notification::Transaction::example(),
        &key,
        "n0nce1234567",
        "",
    )
    .unwrap();
    let http = send(&keys, &notification);

    let mut forged = http.clone();
    forged.headers_mut().insert("TC-Callback-Signature", "AAAA".parse().unwrap());
    let error =
        callback::open::<payment_notification::Request, _>(&forged, &merchant, &key).unwrap_err();
    assert_eq!(
        (error.status().as_u16(), error.fault(), error.is_auth()),
        (401, Fault::Sender, true)
    );

    let wrong_key = ApiV3Key::new("0123456789ABCDEFabcdefghij012346").unwrap();
    let error = callback::open::<payment_notification::Request, _>(&http, &merchant, &wrong_key)
        .unwrap_err();
    assert!(matches!(error, OpenError::Crypto(_)));
    assert_eq!(
        (error.fault(), error.is_auth(), error.plaintext().is_none()),
        (Fault::Configuration, false, true)
    );
}
