//! Every known-answer vector of PROTOCOL.md §3, in both directions.

use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, PaySignFields, PublicKeySet,
    REQUEST_MIDAS_PAYMENT_GAME_ITEM, REQUEST_VIRTUAL_PAYMENT, RequestParts, SecretKey, SessionKey,
    TcSignatureVerifier, VIRTUAL_REFUND_URI, decrypt_user_info, encrypt_user_info, open_resource,
    pay_event_sig, pay_sig, pay_sign, refund_pay_sig, seal_resource, tc_signature,
    tc_signature_legacy_cbc, user_signature, verify_pay_event_sig, verify_pay_sig, verify_pay_sign,
    verify_refund_pay_sig, verify_tc_signature, verify_user_signature,
};
use sas_core::time::UnixTime;

use crate::crypto_support::{private_key, public_key};

const VENDOR_SECRET: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";

#[test]
fn tc_signature_vectors() {
    let key = SecretKey::new(VENDOR_SECRET).unwrap();
    let aes128 = SecretKey::new("0123456789abcdef").unwrap();
    let now = UnixTime::from_millis(1_735_293_931_220);
    let legacy = TcSignatureVerifier::new().accept_legacy_cbc(true);
    // (key, timestamp, ECB, CBC or "")
    let cases = [
        (
            &key,
            "1735293931220",
            "f7b363addca8eb529f2abd2a9db903be",
            "3d6de4b5e476d44ea86073d39f421f9e",
        ),
        (&key, "1735293931", "412ef70af84bc7fd3b436a6b3f2b5d68", ""),
        (&aes128, "1735293931220", "38cfaad10e5fb0a6d28d7540e21156d2", ""),
    ];
    for (key, timestamp, ecb, cbc) in cases {
        assert_eq!(tc_signature(key, timestamp), ecb);
        verify_tc_signature(key, timestamp, ecb).unwrap();
        verify_tc_signature(key, timestamp, &ecb.to_uppercase()).unwrap();
        TcSignatureVerifier::new().verify(key, timestamp, ecb, now).unwrap();
        if !cbc.is_empty() {
            assert_eq!(tc_signature_legacy_cbc(key, timestamp), cbc);
            legacy.verify(key, timestamp, cbc, now).unwrap();
            assert!(TcSignatureVerifier::new().verify(key, timestamp, cbc, now).is_err());
        }
    }
}

#[test]
fn user_info_vectors() {
    let key = SecretKey::new(VENDOR_SECRET).unwrap();
    for (plain, data) in [
        ("user@example.com", "b+ngq2u/m6fu6XS5ioPl+R16OqKcCkhnJWX52pC0A1U="),
        ("+6512345678", "VPQD3KDrbLgvReLCHoJ70g=="),
    ] {
        assert_eq!(encrypt_user_info(&key, plain), data);
        assert_eq!(decrypt_user_info(&key, data).unwrap(), plain);
    }
}

#[test]
fn resource_vectors() {
    let key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345").unwrap();
    let plain = br#"{"transaction_id":"4200000000000000001","out_trade_no":"ORDER123456"}"#;
    for (aad, ciphertext) in [
        (
            "transaction",
            "lYFsUmf/gD3xo+aXaUKMoKF1lyS5pP6Vv/cpW/snecOKpDR0zbv3/tBICxFLbEfIuwJZ8z+vT8Z8KTF7bgzddIjZIJpMAuEhfmhYyZy8ag4zfNnq3Q==",
        ),
        (
            "",
            "lYFsUmf/gD3xo+aXaUKMoKF1lyS5pP6Vv/cpW/snecOKpDR0zbv3/tBICxFLbEfIuwJZ8z+vT8Z8KTF7bgzddIjZIJpMc9ECCFC3B0w3/ePvNKBi5A==",
        ),
    ] {
        assert_eq!(seal_resource(&key, "n0nce1234567", aad, plain).unwrap(), ciphertext);
        assert_eq!(open_resource(&key, "n0nce1234567", aad, ciphertext).unwrap(), plain);
    }
    let tag = &crate::crypto_support::b64_decode(
        "lYFsUmf/gD3xo+aXaUKMoKF1lyS5pP6Vv/cpW/snecOKpDR0zbv3/tBICxFLbEfIuwJZ8z+vT8Z8KTF7bgzddIjZIJpMAuEhfmhYyZy8ag4zfNnq3Q==",
    )[69..];
    assert_eq!(hex::encode(tag), "02e1217e6858c99cbc6a0e337cd9eadd");
}

const SIGN_DATA: &str = r#"{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;
const WX_BODY: &str = r#"{"openid": "xxx", "user_ip": "127.0.0.1", "env": 0}"#;

#[test]
fn hmac_vectors() {
    let app_key = AppKey::new("12345").unwrap();
    // The WeChat vector: the same construction with uri as prefix.
    let wx = "c37809f27c6d7fd1837ad2500a04512b66b34fd793a39a385fade56dca89a4b5";
    assert_eq!(refund_pay_sig(&app_key, "/xpay/query_user_balance", WX_BODY.as_bytes()), wx);
    verify_refund_pay_sig(&app_key, "/xpay/query_user_balance", WX_BODY.as_bytes(), wx).unwrap();

    for (method, sig) in [
        (
            REQUEST_VIRTUAL_PAYMENT,
            "44480ad89b30129db3ed3822822ca281cb65cf8d5a73558e4d1fd7fccc748d43",
        ),
        (
            REQUEST_MIDAS_PAYMENT_GAME_ITEM,
            "6f5d7eddf58834ba0803e91fcbb0bcdb6bf08e61ee9f916c2bfb28621e650f14",
        ),
    ] {
        assert_eq!(pay_sig(&app_key, method, SIGN_DATA), sig);
        verify_pay_sig(&app_key, method, SIGN_DATA, sig).unwrap();
    }

    let (event, payload) =
        ("xpay_goods_deliver_notify", r#"{"OpenId":"o1","OutTradeNo":"xxxxxx"}"#);
    let sig = "3ef2e3cbaa581608a4cba4397c2ca3e92da87fd7067dd219669050a7d52e5c5e";
    assert_eq!(pay_event_sig(&app_key, event, payload), sig);
    verify_pay_event_sig(&app_key, event, payload, sig).unwrap();

    let body = br#"{"out_trade_no":"xxxxxx","out_refund_no":"R123456","amount":{"refund":10,"total":10,"currency":"USD"}}"#;
    let sig = "b38a0318e7e1d624438e09d24c3108ced3714dc0c9110b4d83c2b2e09ea5e15f";
    assert_eq!(refund_pay_sig(&app_key, VIRTUAL_REFUND_URI, body), sig);
    verify_refund_pay_sig(&app_key, VIRTUAL_REFUND_URI, body, sig).unwrap();

    let session_key = SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==").unwrap();
    for (data, sig) in [
        (WX_BODY, "089d9e8dc5d308977360c4b79ec600a93d736802802a807d634192328032f6c7"),
        (SIGN_DATA, "d276403ffc2586c876855dd0e8d7097a3ecefcb1d5ce5329d841e7072f5326c0"),
    ] {
        assert_eq!(user_signature(&session_key, data), sig);
        verify_user_signature(&session_key, data, sig).unwrap();
    }
}

#[test]
fn rsa_authorization_vector() {
    let body = r#"{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}"#;
    let expected = "gEuexJ547PHFV77TQ6eiE4tphVYfWfUe1Wc2dBmVnoMYU2rl/M4zhw+b3vBhuMw6AC7pteNkryLA7UWU2h+umo0OdSuuLm1++O3NckQPCSfm6dypsjn4GYm84KMqXWFrhFmyxEwIdEJDr3w1UYfxOcu55OQupfLkrt/ZzuOspnliJFrPzGQFUk7lGqMMtpz3EfbDUNxnVsHblORg3hVmuYNmbGWnS2ovU30Y2Q+iKFDxzkaXBk8LTy6HzvxizRo6Q+J4SVM7O0hKXfgo1QdI68kpzNULb3EVBXlhTyPUzhkHzzLxECL1qHl3HH2hEv8++C+4wBlsagF3j/O6PABojA==";
    let serial = "526807E51G82219FOC2D5D3E6AB8ED1S8SDS8787AS";
    let signer =
        AuthorizationSigner::new(private_key("wechatpay-test-pkcs1.pem"), "1230000109", serial);
    let request = RequestParts {
        method: "POST",
        canonical_url: "/v3/pay/transactions/jsapi",
        body: body.as_bytes(),
    };
    let authorization =
        signer.sign(&request, "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242").unwrap();
    assert_eq!(authorization.signature(), expected);
    let header = authorization.to_string();
    assert_eq!(
        header,
        format!(
            r#"WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="{expected}",timestamp="1554208460",serial_no="{serial}""#
        )
    );
    let keys = PublicKeySet::new().with_key(serial, public_key("wechatpay-test.pub"));
    assert_eq!(keys.verify_authorization(&header, &request).unwrap(), authorization);
}

#[test]
fn pay_sign_vector() {
    let expected = "mIDSHc+67tlJlgnSkB1BD1+B08suWtz70aoSI6wwGE+0FC5qnMkKFLn/yl0aFCeD+vrTrztwbyAhgb+RuVEMk3N/d2VYVR+uWt27BqR58mWdlYufNvBwmMwCLXYyDrnWXFUF5OYnVX8ey3NouScOWlCAr7QzbmL7pja1MbuupT7JfIJbI5rzDcVFvFpKbLX93nG5eJcYomKf2Ubiwu0/ZdlLOx848ToI0US0g9g7I0jBUB7tx1eDV+InsYDvHSkGdNjz2xvg3lx7ZaPgIuTRQzf8o5W2RVndInqYfRdyDn0pmqILM76lUlTAlub38D4oViu5To7WihblSEIa+O47Bg==";
    let fields = PaySignFields {
        app_id: "wx8888888888888888",
        time_stamp: "1414561699",
        nonce_str: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        package: "prepay_id=wx201410272009395522657a690389285100",
    };
    let key = private_key("wechatpay-test-pkcs1.pem");
    assert_eq!(pay_sign(&key, &fields).unwrap(), expected);
    verify_pay_sign(&public_key("wechatpay-test.pub"), &fields, expected).unwrap();
    verify_pay_sign(&key.public_key(), &fields, expected).unwrap();
}

/// `hmac_message` is the exact input of every AppKey signature: HMAC-SHA256 over it gives the
/// published values of PROTOCOL.md §3.6.
#[test]
fn hmac_message_is_what_the_app_key_signatures_cover() {
    use sas_core::crypto::hmac_message;

    let key = AppKey::new("12345").unwrap();
    let ring_key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, b"12345");
    let hmac = |message: &[u8]| hex::encode(ring::hmac::sign(&ring_key, message).as_ref());
    let sign_data = r#"{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;
    let payload = r#"{"OpenId":"o1","OutTradeNo":"xxxxxx"}"#;
    let body = br#"{"out_trade_no":"xxxxxx","out_refund_no":"R123456","amount":{"refund":10,"total":10,"currency":"USD"}}"#;
    let cases = [
        (
            hmac_message(REQUEST_VIRTUAL_PAYMENT, sign_data.as_bytes()),
            pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, sign_data),
            "44480ad89b30129db3ed3822822ca281cb65cf8d5a73558e4d1fd7fccc748d43",
        ),
        (
            hmac_message("xpay_goods_deliver_notify", payload.as_bytes()),
            pay_event_sig(&key, "xpay_goods_deliver_notify", payload),
            "3ef2e3cbaa581608a4cba4397c2ca3e92da87fd7067dd219669050a7d52e5c5e",
        ),
        (
            hmac_message(VIRTUAL_REFUND_URI, body),
            refund_pay_sig(&key, VIRTUAL_REFUND_URI, body),
            "b38a0318e7e1d624438e09d24c3108ced3714dc0c9110b4d83c2b2e09ea5e15f",
        ),
    ];
    for (message, signed, published) in cases {
        assert_eq!(hmac(&message), published);
        assert_eq!(signed, published);
    }
    assert_eq!(hmac_message("p", b""), b"p&");
}
