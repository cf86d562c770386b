//! The symmetric operations: TC-Signature (AES-ECB of the timestamp, hex), the e-mail / phone
//! cipher (AES-CBC, Base64), the callback resource (AES-256-GCM, Base64) and the virtual
//! payment `paySig` (HMAC-SHA256, hex), each against the same `aes`, `ecb`, `cbc` and `ring`
//! calls sas-core is built on.

use std::error::Error;
use std::hint::black_box;

use aes::Aes256;
use aes::cipher::block_padding::Pkcs7;
use aes::cipher::common::InnerInit as _;
use aes::cipher::{Array, BlockModeDecrypt, BlockModeEncrypt, InnerIvInit as _, KeyInit};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::hmac;
use sas_core::crypto::{
    ApiV3Key, AppKey, REQUEST_VIRTUAL_PAYMENT, SecretKey, TcSignatureVerifier, decrypt_user_info,
    encrypt_user_info, open_resource, pay_sig, seal_resource, tc_signature, verify_pay_sig,
};
use sas_core::time::UnixTime;
use subtle::ConstantTimeEq as _;

use crate::measure::Op;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// The SecretKey of the vendor's examples: 32 bytes, so AES-256.
const SECRET: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";
const TIMESTAMP: &str = "1735293931220";

fn aes_key() -> Result<Aes256> {
    let raw: [u8; 32] = SECRET.as_bytes().try_into()?;
    Ok(Aes256::new(&Array::from(raw)))
}

/// AES-ECB(PKCS#7(`plaintext`)) of a plaintext shorter than a block, with the bare crates.
fn ecb_block(cipher: &Aes256, plaintext: &str) -> Option<[u8; 16]> {
    let mut block = [0; 16];
    ecb::Encryptor::<&Aes256>::inner_init(cipher)
        .encrypt_padded_b2b::<Pkcs7>(plaintext.as_bytes(), &mut block)
        .ok()?;
    Some(block)
}

/// `TC-Signature` of a timestamp: AES-ECB and lowercase hex.
pub fn tc_sign() -> Result<Op> {
    let key = SecretKey::new(SECRET)?;
    let cipher = aes_key()?;
    let bare = move || -> Option<String> {
        let mut hex = [0; 32];
        const_hex::encode_to_slice(ecb_block(&cipher, black_box(TIMESTAMP))?, &mut hex).ok()?;
        Some(std::str::from_utf8(&hex).ok()?.to_owned())
    };
    if bare().as_deref() != Some(tc_signature(&key, TIMESTAMP).as_str()) {
        return Err("the bare primitives do not compute TC-Signature".into());
    }
    Ok(Op {
        name: "tc_signature.sign",
        what: "TC-Signature sign vs aes+ecb, hex",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            black_box(tc_signature(black_box(&key), black_box(TIMESTAMP)));
        }),
        bare: Box::new(move || {
            black_box(bare());
        }),
    })
}

/// Checking a received `TC-Signature` and its freshness: both sides read the timestamp as
/// milliseconds and check it is within 300 s of now.
pub fn tc_verify() -> Result<Op> {
    let key = SecretKey::new(SECRET)?;
    let cipher = aes_key()?;
    let signature = tc_signature(&key, TIMESTAMP);
    let now = UnixTime::from_millis(1_735_293_931_500);
    let now_ms = now.as_millis();
    let verifier = TcSignatureVerifier::new();
    let received = signature.clone();
    let bare = move |signature: &str| -> Option<bool> {
        let timestamp = black_box(TIMESTAMP);
        let millis: u64 = timestamp.parse().ok()?;
        let mut received = [0; 16];
        const_hex::decode_to_slice(signature, &mut received).ok()?;
        let matches = bool::from(ecb_block(&cipher, timestamp)?.ct_eq(&received));
        Some(matches && millis.abs_diff(now_ms) <= 300_000)
    };
    if bare(&signature) != Some(true) || verifier.verify(&key, TIMESTAMP, &signature, now).is_err()
    {
        return Err("TC-Signature does not verify".into());
    }
    Ok(Op {
        name: "tc_signature.verify",
        what: "TC-Signature verify vs u64 parse, hex, aes+ecb, ct_eq, window",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            let verified = verifier.verify(black_box(&key), black_box(TIMESTAMP), &signature, now);
            black_box(verified.is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare(black_box(&received)));
        }),
    })
}

/// Decrypting the `data` of `getUserEmail`: Base64, AES-CBC with IV = key[..16], UTF-8.
pub fn user_info_decrypt() -> Result<Op> {
    let key = SecretKey::new(SECRET)?;
    let cipher = aes_key()?;
    let iv: [u8; 16] = SECRET.as_bytes()[..16].try_into()?;
    let data = encrypt_user_info(&key, "alice.tan@example.com.sg");
    let received = data.clone();
    let bare = move |data: &str| -> Option<String> {
        let mut buf = STANDARD.decode(data).ok()?;
        let len = cbc::Decryptor::<&Aes256>::inner_iv_init(&cipher, &Array::from(iv))
            .decrypt_padded::<Pkcs7>(&mut buf)
            .ok()?
            .len();
        buf.truncate(len);
        String::from_utf8(buf).ok()
    };
    if bare(&data) != Some(decrypt_user_info(&key, &data)?) {
        return Err("the bare primitives do not decrypt the user info".into());
    }
    Ok(Op {
        name: "user_info.decrypt",
        what: "e-mail decrypt vs base64, aes+cbc",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            black_box(decrypt_user_info(black_box(&key), black_box(&data)).is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare(black_box(&received)));
        }),
    })
}

/// The transaction a payment callback carries, as sealed.
pub const TRANSACTION: &[u8] = br#"{"transaction_id":"4200000000000000001","mch_id":"1900009191","out_trade_no":"ORDER123456","appid":"mpvc3tdaldpq7zpu","trade_state":"SUCCESS","trade_state_desc":"Payment successful","trade_type":"JSAPI","bank_type":"OTHERS","success_time":"2026-01-16T10:34:56+08:00","payer":"o1_user_openid_0000000000","attach":"","amount":{"total":"100","payer_total":"100","currency":"SGD","payer_currency":"SGD"}}"#;

/// Opening a callback `resource`: Base64, AEAD_AES_256_GCM with `ring`.
pub fn resource_open() -> Result<Op> {
    let api_v3_text = "0123456789ABCDEFabcdefghij012345";
    let key = ApiV3Key::new(api_v3_text)?;
    let (nonce, aad) = ("n0nce1234567", "transaction");
    let ciphertext = seal_resource(&key, nonce, aad, TRANSACTION)?;
    let received = ciphertext.clone();
    let ring_key =
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, api_v3_text.as_bytes()).map_err(|_| "key")?);
    let bare = move |ciphertext: &str| -> Option<Vec<u8>> {
        let mut in_out = STANDARD.decode(ciphertext).ok()?;
        let nonce = Nonce::try_assume_unique_for_key(nonce.as_bytes()).ok()?;
        let len = ring_key.open_in_place(nonce, Aad::from(aad.as_bytes()), &mut in_out).ok()?.len();
        in_out.truncate(len);
        Some(in_out)
    };
    if bare(&ciphertext).as_deref() != Some(TRANSACTION)
        || open_resource(&key, nonce, aad, &ciphertext)? != TRANSACTION
    {
        return Err("the resource does not open".into());
    }
    Ok(Op {
        name: "resource.open",
        what: "AEAD_AES_256_GCM open vs base64, ring",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            black_box(open_resource(&key, nonce, aad, black_box(&ciphertext)).is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare(black_box(&received)));
        }),
    })
}

const APP_KEY: &str = "12345";
const SIGN_DATA: &str = r#"{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;

fn bare_pay_sig(key: &hmac::Key, method: &str, sign_data: &str) -> hmac::Tag {
    let mut context = hmac::Context::with_key(key);
    context.update(method.as_bytes());
    context.update(b"&");
    context.update(sign_data.as_bytes());
    context.sign()
}

/// `paySig`: HMAC-SHA256 of `method&signData`, lowercase hex.
pub fn pay_sig_sign() -> Result<Op> {
    let key = AppKey::new(APP_KEY)?;
    let ring_key = hmac::Key::new(hmac::HMAC_SHA256, APP_KEY.as_bytes());
    let bare =
        move || const_hex::encode(bare_pay_sig(&ring_key, REQUEST_VIRTUAL_PAYMENT, SIGN_DATA));
    if bare() != pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, SIGN_DATA) {
        return Err("the bare primitives do not compute paySig".into());
    }
    Ok(Op {
        name: "pay_sig.sign",
        what: "paySig sign vs ring hmac, hex",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            black_box(pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, black_box(SIGN_DATA)));
        }),
        bare: Box::new(move || {
            black_box(bare());
        }),
    })
}

/// Checking a received `paySig` in constant time.
pub fn pay_sig_verify() -> Result<Op> {
    let key = AppKey::new(APP_KEY)?;
    let ring_key = hmac::Key::new(hmac::HMAC_SHA256, APP_KEY.as_bytes());
    let signature = pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, SIGN_DATA);
    let received = signature.clone();
    let bare = move |signature: &str| -> Option<bool> {
        let mut tag = [0; 32];
        const_hex::decode_to_slice(signature, &mut tag).ok()?;
        let expected = bare_pay_sig(&ring_key, REQUEST_VIRTUAL_PAYMENT, black_box(SIGN_DATA));
        Some(bool::from(expected.as_ref().ct_eq(&tag)))
    };
    if bare(&signature) != Some(true)
        || verify_pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, SIGN_DATA, &signature).is_err()
    {
        return Err("paySig does not verify".into());
    }
    Ok(Op {
        name: "pay_sig.verify",
        what: "paySig verify vs hex, ring hmac, ct_eq",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            let verified =
                verify_pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, black_box(SIGN_DATA), &signature);
            black_box(verified.is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare(black_box(&received)));
        }),
    })
}
