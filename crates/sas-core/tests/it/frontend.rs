//! Front-end parameters against PROTOCOL.md's vectors (§3.7 `paySign` with the Appendix A key,
//! §3.6/§3.8 `paySig` and `signature`), and every way a built or received object can fail.

use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::crypto::{
    AppKey, CryptoError, PublicKeySet, RsaPrivateKey, SessionKey, SignatureKind,
};
use sas_core::frontend::{self, BuildError, PaymentToSign, VerifyError};
use sas_core::time::UnixTime;
use sas_core::types::JsonString;
use sas_core::validate::Violation;

use super::support::private_key;

const APP_ID: &str = "wx8888888888888888";
const TIME_STAMP: UnixTime = UnixTime::from_secs(1_414_561_699);
const NONCE_STR: &str = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
const PREPAY_ID: &str = "wx201410272009395522657a690389285100";
/// §3.7, derived with the Appendix A key.
const PAY_SIGN: &str = "mIDSHc+67tlJlgnSkB1BD1+B08suWtz70aoSI6wwGE+0FC5qnMkKFLn/yl0aFCeD+vrTrztwbyAhgb+RuVEMk3N/d2VYVR+uWt27BqR58mWdlYufNvBwmMwCLXYyDrnWXFUF5OYnVX8ey3NouScOWlCAr7QzbmL7pja1MbuupT7JfIJbI5rzDcVFvFpKbLX93nG5eJcYomKf2Ubiwu0/ZdlLOx848ToI0US0g9g7I0jBUB7tx1eDV+InsYDvHSkGdNjz2xvg3lx7ZaPgIuTRQzf8o5W2RVndInqYfRdyDn0pmqILM76lUlTAlub38D4oViu5To7WihblSEIa+O47Bg==";

/// The 4.1 example `signData` (§3.6), with its `env` member.
const SIGN_DATA: &str = r#"{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;
/// §3.6: `requestVirtualPayment` with AppKey `12345` over [`SIGN_DATA`].
const PAY_SIG: &str = "44480ad89b30129db3ed3822822ca281cb65cf8d5a73558e4d1fd7fccc748d43";
/// §3.8: session_key `9hAb/NEYUlkaMBEsmFgzig==` over [`SIGN_DATA`].
const SIGNATURE: &str = "d276403ffc2586c876855dd0e8d7097a3ecefcb1d5ce5329d841e7072f5326c0";

fn wechat_test_key() -> RsaPrivateKey {
    private_key("wechatpay-test-pkcs1.pem")
}

fn other_key() -> RsaPrivateKey {
    private_key("merchant-2048-pkcs1.pem")
}

fn signed_payment() -> request_payment::Params {
    request_payment::Params::sign(
        &wechat_test_key(),
        PaymentToSign {
            app_id: APP_ID,
            prepay_id: PREPAY_ID,
            time_stamp: TIME_STAMP,
            nonce_str: NONCE_STR,
        },
    )
    .unwrap()
}

fn merchant_keys() -> PublicKeySet {
    PublicKeySet::new().with_key("MERCHANT-SERIAL-1", wechat_test_key().public_key())
}

fn app_key() -> AppKey {
    AppKey::new("12345").unwrap()
}

fn session_key() -> SessionKey {
    SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==").unwrap()
}

fn invalid_paths(error: &BuildError) -> Vec<(&str, &Violation)> {
    match error {
        BuildError::Invalid(errors) => {
            errors.iter().map(|e| (e.path.as_str(), &e.violation)).collect()
        }
        other => panic!("expected BuildError::Invalid, got {other:?}"),
    }
}

#[test]
fn request_payment_matches_the_protocol_vector_byte_for_byte() {
    let params = signed_payment();
    assert_eq!(params.pay_sign, PAY_SIGN);
    assert_eq!(
        serde_json::to_string(&params).unwrap(),
        format!(
            r#"{{"timeStamp":"1414561699","nonceStr":"{NONCE_STR}","package":"prepay_id={PREPAY_ID}","signType":"RSA","paySign":"{PAY_SIGN}"}}"#
        )
    );
}

#[test]
fn request_payment_takes_seconds_from_a_millisecond_clock() {
    let now = UnixTime::from_millis(1_414_561_699_999);
    let params = request_payment::Params::sign(
        &wechat_test_key(),
        PaymentToSign {
            app_id: APP_ID,
            prepay_id: PREPAY_ID,
            time_stamp: now,
            nonce_str: NONCE_STR,
        },
    )
    .unwrap();
    assert_eq!(params.time_stamp, "1414561699");
    assert_eq!(params.pay_sign, PAY_SIGN);
}

#[test]
fn request_payment_verifies_and_names_the_key() {
    let verified = signed_payment().verify(&merchant_keys(), APP_ID).unwrap();
    assert_eq!(verified.prepay_id, PREPAY_ID);
    assert_eq!(verified.key_id, "MERCHANT-SERIAL-1");
}

#[test]
fn request_payment_verifies_during_a_key_rotation() {
    let keys = PublicKeySet::new()
        .with_key("OLD", other_key().public_key())
        .with_key("NEW", wechat_test_key().public_key());
    let verified = signed_payment().verify(&keys, APP_ID).unwrap();
    assert_eq!(verified.key_id, "NEW");
}

#[test]
fn request_payment_received_as_json_verifies() {
    let json = serde_json::to_string(&signed_payment()).unwrap();
    let received: request_payment::Params = serde_json::from_str(&json).unwrap();
    received.verify(&merchant_keys(), APP_ID).unwrap();
    // `signType` in another case is the same algorithm.
    let mut lower = received;
    lower.sign_type = "rsa".to_owned();
    lower.verify(&merchant_keys(), APP_ID).unwrap();
}

fn assert_pay_sign_mismatch(result: Result<frontend::VerifiedPayment, VerifyError>) {
    match result {
        Err(VerifyError::Crypto(CryptoError::SignatureMismatch {
            kind: SignatureKind::PaySign,
        })) => {}
        other => panic!("expected a paySign mismatch, got {other:?}"),
    }
}

#[test]
fn request_payment_fails_for_any_signed_field_changed() {
    let keys = merchant_keys();
    assert_pay_sign_mismatch(signed_payment().verify(&keys, "wx8888888888888889"));

    let mut params = signed_payment();
    params.time_stamp = "1414561700".to_owned();
    assert_pay_sign_mismatch(params.verify(&keys, APP_ID));

    let mut params = signed_payment();
    params.nonce_str = "5K8264ILTKCH16CQ2502SI8ZNMTM67VT".to_owned();
    assert_pay_sign_mismatch(params.verify(&keys, APP_ID));

    let mut params = signed_payment();
    params.package = "prepay_id=wx201410272009395522657a690389285101".to_owned();
    assert_pay_sign_mismatch(params.verify(&keys, APP_ID));

    let mut params = signed_payment();
    params.pay_sign.replace_range(0..4, "AAAA");
    assert_pay_sign_mismatch(params.verify(&keys, APP_ID));
}

#[test]
fn request_payment_fails_under_a_key_that_did_not_sign() {
    let keys = PublicKeySet::new().with_key("OTHER", other_key().public_key());
    assert_pay_sign_mismatch(signed_payment().verify(&keys, APP_ID));

    let error = signed_payment().verify(&PublicKeySet::new(), APP_ID);
    assert!(matches!(error, Err(VerifyError::NoKeys)), "{error:?}");

    // The superapp's own key, loaded among the merchant's by mistake, is never used.
    let own = wechat_test_key().public_key();
    let keys = merchant_keys().forbid_own_key(own);
    let error = signed_payment().verify(&keys, APP_ID);
    assert!(
        matches!(error, Err(VerifyError::Crypto(CryptoError::OwnKeyAsPeerKey { .. }))),
        "{error:?}"
    );
}

/// A change to a received object.
type Change = fn(&mut request_payment::Params);

#[test]
fn request_payment_rejects_malformed_received_objects() {
    let keys = merchant_keys();
    let cases: [(&str, Change); 5] = [
        ("signType", |p| p.sign_type = "HMAC-SHA256".to_owned()),
        ("package", |p| p.package = PREPAY_ID.to_owned()),
        ("package", |p| p.package = "prepay_id=".to_owned()),
        ("timeStamp", |p| p.time_stamp = "1414561699.5".to_owned()),
        ("timeStamp", |p| p.time_stamp = String::new()),
    ];
    for (expected, change) in cases {
        let mut params = signed_payment();
        change(&mut params);
        match params.verify(&keys, APP_ID) {
            Err(VerifyError::Malformed { param, .. }) => assert_eq!(param, expected),
            other => panic!("{expected}: expected Malformed, got {other:?}"),
        }
    }

    let mut params = signed_payment();
    params.pay_sign = "not base64!".to_owned();
    let error = params.verify(&keys, APP_ID);
    assert!(
        matches!(error, Err(VerifyError::Crypto(CryptoError::InvalidBase64 { .. }))),
        "{error:?}"
    );

    let mut params = signed_payment();
    params.nonce_str = "N".repeat(33);
    match params.verify(&keys, APP_ID) {
        Err(VerifyError::Invalid(errors)) => {
            assert_eq!(errors[0].path, "nonceStr");
            assert!(matches!(errors[0].violation, Violation::TooLong { max: 32, len: 33 }));
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn request_payment_rejects_inputs_that_cannot_be_signed() {
    let key = wechat_test_key();
    let build = |app_id: &str, prepay_id: &str, nonce: &str| {
        request_payment::Params::sign(
            &key,
            PaymentToSign { app_id, prepay_id, time_stamp: TIME_STAMP, nonce_str: nonce },
        )
        .unwrap_err()
    };

    let error = build(APP_ID, PREPAY_ID, &"N".repeat(33));
    assert_eq!(invalid_paths(&error), [("nonceStr", &Violation::TooLong { max: 32, len: 33 })]);
    assert!(error.to_string().contains("`nonceStr` has 33 characters, more than 32"), "{error}");

    // Every problem at once, in argument order.
    let error = build("", "prepay_id=wx1", "");
    assert_eq!(
        invalid_paths(&error),
        [
            ("appId", &Violation::TooShort { min: 1, len: 0 }),
            ("package", &Violation::BadCharacter { character: '=' }),
            ("nonceStr", &Violation::TooShort { min: 1, len: 0 }),
        ]
    );

    // A line break would shift the signed lines; spaces and non-ASCII are refused as well.
    let error = build(APP_ID, "wx1\nwx2", "nonce with space");
    assert_eq!(
        invalid_paths(&error),
        [
            ("package", &Violation::BadCharacter { character: '\n' }),
            ("nonceStr", &Violation::BadCharacter { character: ' ' }),
        ]
    );
    let error = build("wx8888é", PREPAY_ID, NONCE_STR);
    assert_eq!(invalid_paths(&error), [("appId", &Violation::BadCharacter { character: 'é' })]);

    // Exactly 32 characters is fine.
    request_payment::Params::sign(
        &key,
        PaymentToSign {
            app_id: APP_ID,
            prepay_id: PREPAY_ID,
            time_stamp: TIME_STAMP,
            nonce_str: &"N".repeat(32),
        },
    )
    .unwrap();
}

#[test]
fn request_virtual_payment_matches_the_protocol_vectors() {
    let params = request_virtual_payment::Params::sign_exact(
        JsonString::from_raw(SIGN_DATA),
        &app_key(),
        &session_key(),
    )
    .unwrap();
    assert_eq!(params.pay_sig, PAY_SIG);
    assert_eq!(params.signature, SIGNATURE);
    assert_eq!(params.mode, request_virtual_payment::Mode::ShortSeriesGoods);
    // The exact string travels, `env` and all, inside a JSON string.
    let json = serde_json::to_value(&params).unwrap();
    assert_eq!(json["signData"], SIGN_DATA);
    assert_eq!(json["paySig"], PAY_SIG);
    assert_eq!(json["signature"], SIGNATURE);
    assert_eq!(json["mode"], "short_series_goods");
    assert_eq!(json.as_object().unwrap().len(), 4);
}

#[test]
fn request_virtual_payment_signs_the_encoded_document() {
    let sign_data =
        request_virtual_payment::SignData::from(request_virtual_payment::SignDataInit {
            offer_id: "123",
            buy_quantity: 1,
            currency_type: "USD",
            product_id: "testproductId",
            goods_price: 10,
            out_trade_no: "xxxxxx",
            attach: "testdata",
        });
    let params =
        request_virtual_payment::Params::sign(&sign_data, &app_key(), &session_key()).unwrap();
    let encoded = r#"{"offerId":"123","buyQuantity":1,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;
    assert_eq!(params.sign_data.as_str(), encoded);
    assert_eq!(
        params.pay_sig,
        sas_core::crypto::pay_sig(&app_key(), "requestVirtualPayment", encoded)
    );
    assert_eq!(params.signature, sas_core::crypto::user_signature(&session_key(), encoded));
    // Without `env` the string differs from the vector's, and so do both signatures.
    assert_ne!(params.pay_sig, PAY_SIG);
    assert_ne!(params.signature, SIGNATURE);
    assert_eq!(params.sign_data.parse().unwrap(), sign_data);
}

#[test]
fn request_virtual_payment_rejects_documents_that_break_the_spec() {
    let mut sign_data =
        request_virtual_payment::SignData::from(request_virtual_payment::SignDataInit {
            offer_id: "123",
            buy_quantity: 1,
            currency_type: "usd",
            product_id: "testproductId",
            goods_price: 10,
            out_trade_no: "short",
            attach: "testdata",
        });
    let error =
        request_virtual_payment::Params::sign(&sign_data, &app_key(), &session_key()).unwrap_err();
    assert_eq!(
        invalid_paths(&error),
        [
            (
                "signData.currencyType",
                &Violation::BadFormat { format: sas_core::validate::Format::Currency }
            ),
            ("signData.outTradeNo", &Violation::TooShort { min: 6, len: 5 }),
        ]
    );
    sign_data.currency_type = "USD".to_owned();
    sign_data.out_trade_no = "order#1".to_owned();
    let error =
        request_virtual_payment::Params::sign(&sign_data, &app_key(), &session_key()).unwrap_err();
    assert_eq!(
        invalid_paths(&error),
        [("signData.outTradeNo", &Violation::BadCharacter { character: '#' })]
    );

    for not_sign_data in [
        "{not json",
        r#"{"offerId":"123"}"#,
        r#"{"offerId":"123","buyQuantity":"1a","currencyType":"USD","productId":"p","goodsPrice":10,"outTradeNo":"xxxxxx","attach":""}"#,
    ] {
        let error = request_virtual_payment::Params::sign_exact(
            JsonString::from_raw(not_sign_data),
            &app_key(),
            &session_key(),
        )
        .unwrap_err();
        assert!(matches!(error, BuildError::SignData(_)), "{not_sign_data}: {error:?}");
    }
}

fn signed_virtual() -> request_virtual_payment::Params {
    request_virtual_payment::Params::sign_exact(
        JsonString::from_raw(SIGN_DATA),
        &app_key(),
        &session_key(),
    )
    .unwrap()
}

#[test]
fn request_virtual_payment_verifies_and_returns_the_document() {
    let json = serde_json::to_string(&signed_virtual()).unwrap();
    let received: request_virtual_payment::Params = serde_json::from_str(&json).unwrap();
    let sign_data = received.verify(&app_key(), Some(&session_key())).unwrap();
    assert_eq!(sign_data.out_trade_no, "xxxxxx");
    assert_eq!(sign_data.goods_price, 10);
    assert_eq!(sign_data.buy_quantity, 1);

    // Hex of either case is the same signature.
    let mut upper = received;
    upper.pay_sig = upper.pay_sig.to_uppercase();
    upper.signature = upper.signature.to_uppercase();
    upper.verify(&app_key(), Some(&session_key())).unwrap();
}

fn assert_mismatch(
    result: Result<request_virtual_payment::SignData, VerifyError>,
    want: SignatureKind,
) {
    match result {
        Err(VerifyError::Crypto(CryptoError::SignatureMismatch { kind })) => assert_eq!(kind, want),
        other => panic!("expected a {want} mismatch, got {other:?}"),
    }
}

#[test]
fn request_virtual_payment_fails_when_anything_signed_changes() {
    // One space more in signData: the document is the same, the string is not.
    let mut params = signed_virtual();
    params.sign_data =
        JsonString::from_raw(SIGN_DATA.replace("\"goodsPrice\":10", "\"goodsPrice\": 10"));
    assert_mismatch(params.verify(&app_key(), Some(&session_key())), SignatureKind::PaySig);

    let other_app_key = AppKey::new("12346").unwrap();
    assert_mismatch(signed_virtual().verify(&other_app_key, None), SignatureKind::PaySig);

    let other_user = SessionKey::new("8hAb/NEYUlkaMBEsmFgzig==").unwrap();
    assert_mismatch(
        signed_virtual().verify(&app_key(), Some(&other_user)),
        SignatureKind::UserSignature,
    );

    let mut params = signed_virtual();
    params.signature = "zz".repeat(32);
    let error = params.verify(&app_key(), Some(&session_key()));
    assert!(matches!(error, Err(VerifyError::Crypto(CryptoError::InvalidHex { .. }))), "{error:?}");
}

#[test]
fn request_virtual_payment_without_the_session_key_checks_pay_sig_only() {
    let mut params = signed_virtual();
    params.signature = String::new();
    let sign_data = params.verify(&app_key(), None).unwrap();
    assert_eq!(sign_data.product_id, "testproductId");
    assert!(params.verify(&app_key(), Some(&session_key())).is_err());
}

#[test]
fn request_virtual_payment_rejects_other_modes_and_bad_documents_once_signed() {
    let mut params = signed_virtual();
    params.mode = "goods".into();
    match params.verify(&app_key(), Some(&session_key())) {
        Err(VerifyError::Invalid(errors)) => assert_eq!(errors[0].path, "mode"),
        other => panic!("expected Invalid, got {other:?}"),
    }

    // Correctly signed, but not a SignData document: reported after the signatures hold.
    let text = "{not json";
    let mut params = signed_virtual();
    params.sign_data = JsonString::from_raw(text);
    params.pay_sig = sas_core::crypto::pay_sig(&app_key(), "requestVirtualPayment", text);
    params.signature = sas_core::crypto::user_signature(&session_key(), text);
    let error = params.verify(&app_key(), Some(&session_key()));
    assert!(matches!(error, Err(VerifyError::SignData(_))), "{error:?}");

    // Correctly signed, a document that breaks the spec.
    let text = SIGN_DATA.replace("xxxxxx", "x");
    params.sign_data = JsonString::from_raw(text.clone());
    params.pay_sig = sas_core::crypto::pay_sig(&app_key(), "requestVirtualPayment", &text);
    params.signature = sas_core::crypto::user_signature(&session_key(), &text);
    match params.verify(&app_key(), Some(&session_key())) {
        Err(VerifyError::Invalid(errors)) => assert_eq!(errors[0].path, "signData.outTradeNo"),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn the_virtual_prefix_is_the_specs() {
    assert_eq!(request_virtual_payment::METADATA.sign_prefix, Some("requestVirtualPayment"));
}
