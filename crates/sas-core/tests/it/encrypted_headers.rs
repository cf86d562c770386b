//! Header values the spec marks `encrypted` (`TC-OpenId`, `TC-MiniAppID` of 1.1) travel as
//! AES-ECB ciphertext under the SecretKey: the caller gives plaintext, signing encrypts, the
//! receiver gets plaintext once the request is verified, and a value that does not decrypt is a
//! typed error.

use sas_core::api::ENTRIES;
use sas_core::api::user::check_user;
use sas_core::auth::tc_signature;
use sas_core::crypto::{SecretKey, decrypt_header_value, encrypt_header_value};
use sas_core::error::FromHttpRequestError;
use sas_core::request::{IncomingRequest, OutgoingRequest};

use super::support::NOW;

fn secret() -> SecretKey {
    SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap()
}

#[test]
fn the_spec_marks_the_encrypted_headers() {
    let encrypted: Vec<(&str, &str)> = ENTRIES
        .iter()
        .flat_map(|meta| meta.headers.iter().map(move |field| (meta.section, field)))
        .filter(|(_, field)| field.encrypted)
        .map(|(section, field)| (section, field.name))
        .collect();
    assert_eq!(encrypted, [("1.1", "TC-OpenId"), ("1.1", "TC-MiniAppID")]);
}

#[test]
fn plaintext_in_ciphertext_on_the_wire_plaintext_out() {
    let secret = secret();
    let request =
        check_user::Request::new("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "mpvc3tdaldpq7zpu", "user-42");
    let http = request
        .try_into_http_request(
            "https://superapp.example",
            &tc_signature::Signing::new(NOW, &secret),
        )
        .unwrap();
    let open_id = http.headers()["TC-OpenId"].to_str().unwrap();
    let mini_app_id = http.headers()["TC-MiniAppID"].to_str().unwrap();
    assert_eq!(open_id, encrypt_header_value(&secret, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    assert_eq!(decrypt_header_value(&secret, mini_app_id).unwrap(), "mpvc3tdaldpq7zpu");

    let received = check_user::Request::try_from_http_request(
        &http,
        &tc_signature::Verifying::new(NOW, &secret),
    )
    .unwrap();
    assert_eq!(received.message, request);
}

#[test]
fn a_header_that_does_not_decrypt_is_a_typed_error() {
    let secret = secret();
    let request = check_user::Request::new("openid", "mpvc3tdaldpq7zpu", "user-42");
    let http = request
        .try_into_http_request(
            "https://superapp.example",
            &tc_signature::Signing::new(NOW, &secret),
        )
        .unwrap();
    let other = SecretKey::new("0123456789abcdef").unwrap();
    for bad in ["not hex".to_owned(), "abcd".to_owned(), encrypt_header_value(&other, "openid")] {
        let mut changed = http.clone();
        changed.headers_mut().insert("TC-OpenId", bad.parse().unwrap());
        let error = check_user::Request::try_from_http_request(
            &changed,
            &tc_signature::Verifying::new(NOW, &secret),
        )
        .unwrap_err();
        match &error {
            FromHttpRequestError::Undecryptable { name, .. } => assert_eq!(*name, "TC-OpenId"),
            other => panic!("{bad}: {other:?}"),
        }
        assert_eq!(error.status(), http::StatusCode::BAD_REQUEST);
    }
}
