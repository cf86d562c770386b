//! Callbacks on both sides: the superapp seals and signs, the merchant verifies over the bytes
//! received, then decrypts or parses; documents inside strings are parsed only after their
//! signature holds.

use sas_core::api::payment::payment_notification;
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::auth::Verifying;
use sas_core::callback::{self, EncryptedCallback, OpenError, PayloadCallback};
use sas_core::crypto::{ApiV3Key, CryptoError, SignatureKind};
use sas_core::endpoint::Example;
use sas_core::error::{AuthError, FromHttpRequestError};
use sas_core::types::JsonString;

use super::support::{Keys, NOW, api_v3_key, send};

/// A merchant: the platform's certificate, its own AppKey and APIv3 key; no SecretKey.
fn merchant_side(keys: &Keys) -> Verifying<'_> {
    Verifying::new(NOW).platform_keys(&keys.platform_keys).app_keys(&keys.app_key)
}

fn sealed_round_trip<C>(resource: &C::Resource)
where
    C: EncryptedCallback + Example + std::fmt::Debug + PartialEq,
    C::Resource: std::fmt::Debug + PartialEq,
{
    let keys = Keys::load();
    let mut notification = C::example();
    callback::seal(&mut notification, resource, &api_v3_key(), "n0nce1234567", "transaction")
        .unwrap();
    let http = send(&keys, &notification);

    let opened = callback::open::<C, _>(&http, &merchant_side(&keys), &api_v3_key()).unwrap();
    assert_eq!(&opened.resource, resource);
    assert_eq!(opened.callback, notification);

    let wrong_key = ApiV3Key::new("0123456789ABCDEFabcdefghij012346").unwrap();
    let error = callback::open::<C, _>(&http, &merchant_side(&keys), &wrong_key).unwrap_err();
    assert!(matches!(error, OpenError::Crypto(CryptoError::GcmTagMismatch { .. })), "{error:?}");
    assert!(error.to_string().contains("wrong APIv3 key or tampered data"));
}

#[test]
fn payment_and_refund_resources_are_sealed_and_opened() {
    sealed_round_trip::<payment_notification::Request>(
        &payment_notification::Transaction::example(),
    );
    sealed_round_trip::<refund_notification::Request>(&refund_notification::RefundResult::example());
}

/// PROTOCOL.md §3.3's vector, opened through a 2.2 callback.
#[test]
fn the_protocol_gcm_vector_opens() {
    let mut notification = payment_notification::Request::example();
    notification.set_sealed(
        "lYFsUmf/gD3xo+aXaUKMoKF1lyS5pP6Vv/cpW/snecOKpDR0zbv3/tBICxFLbEfIuwJZ8z+vT8Z8KTF7bgzddIjZIJpMAuEhfmhYyZy8ag4zfNnq3Q==".to_owned(),
        "n0nce1234567".to_owned(),
        "transaction".to_owned(),
    );
    let error = callback::decrypt(&notification, &api_v3_key()).unwrap_err();
    // The vector's plaintext is only part of a transaction: it decrypts, then fails to parse.
    assert!(matches!(error, OpenError::Document { .. }), "{error:?}");

    notification.resource.ciphertext.replace_range(0..1, "m");
    let error = callback::decrypt(&notification, &api_v3_key()).unwrap_err();
    assert!(matches!(error, OpenError::Crypto(CryptoError::GcmTagMismatch { .. })), "{error:?}");

    notification.resource.algorithm = "AEAD_SM4_GCM".into();
    assert!(matches!(
        callback::decrypt(&notification, &api_v3_key()),
        Err(OpenError::Algorithm(_))
    ));
}

fn payload_round_trip<C>()
where
    C: PayloadCallback + Example + std::fmt::Debug,
    C::Payload: Example + std::fmt::Debug + PartialEq,
{
    let keys = Keys::load();
    let notification = C::example();
    let http = send(&keys, &notification);
    let opened = callback::read_payload::<C, _>(&http, &merchant_side(&keys)).unwrap();
    assert_eq!(opened.resource, C::Payload::example());

    // A payload that is not even JSON, under a signature that does not hold: the signature
    // fails first, so the payload is never parsed.
    let body = String::from_utf8(http.body().clone()).unwrap();
    let payload = notification.payload().as_str();
    let encoded = serde_json::to_string(payload).unwrap();
    let broken = body.replacen(&encoded[1..encoded.len() - 1], "not json", 1);
    assert_ne!(broken, body);
    let mut tampered = http.clone();
    *tampered.body_mut() = broken.into_bytes();
    match callback::read_payload::<C, _>(&tampered, &merchant_side(&keys)) {
        Err(OpenError::Request(FromHttpRequestError::Auth(AuthError::Crypto(
            CryptoError::SignatureMismatch { kind: SignatureKind::PayEventSig },
        )))) => {}
        other => panic!("expected a PayEventSig mismatch, got {other:?}"),
    }
}

#[test]
fn virtual_payloads_are_parsed_after_their_signature_holds() {
    payload_round_trip::<mini_game_payment_notification::Request>();
    payload_round_trip::<mini_program_payment_notification::Request>();
    payload_round_trip::<virtual_refund_notification::Request>();
}

#[test]
fn a_signed_payload_that_is_not_json_is_reported_as_such() {
    let keys = Keys::load();
    let mut notification = virtual_refund_notification::Request::example();
    notification.payload = JsonString::from_raw("{not json");
    let http = send(&keys, &notification);
    let error = callback::read_payload::<virtual_refund_notification::Request, _>(
        &http,
        &merchant_side(&keys),
    );
    assert!(matches!(error, Err(OpenError::Document { .. })), "{error:?}");
}

#[test]
fn acknowledgements_are_read_liberally() {
    use serde_json::json;
    for yes in [json!("OK"), json!("ok"), json!("Ok"), json!(true)] {
        assert!(callback::acknowledges(&yes), "{yes}");
    }
    for no in [json!("FAIL"), json!(false), json!(null), json!(0), json!("")] {
        assert!(!callback::acknowledges(&no), "{no}");
    }
}
