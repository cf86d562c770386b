//! The RSA-SHA256 signatures: the merchant's `Authorization` header and the platform's
//! `TC-Callback-Signature`, signed and verified, against `ring`'s RSASSA-PKCS1-v1_5 / SHA-256
//! with the message built and Base64 applied by hand.

use std::error::Error;
use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::rand::SystemRandom;
use ring::signature::{
    KeyPair as _, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, RsaKeyPair, UnparsedPublicKey,
};
use sas_core::crypto::{
    AuthorizationSigner, CallbackSignature, Certificate, PublicKeySet, RequestParts, RsaPrivateKey,
    WECHATPAY2_SHA256_RSA2048, callback_signature,
};

use crate::measure::Op;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const MCHID: &str = "1900009191";
const TIMESTAMP: &str = "1735293931";
const NONCE: &str = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
const METHOD: &str = "POST";
const URL: &str = "/v3/pay/transactions/jsapi";
const BODY: &[u8] = br#"{"appid":"mpvc3tdaldpq7zpu","mchid":"1900009191","description":"Image","out_trade_no":"ORDER123456","notify_url":"https://merchant.example/notify","amount":{"total":100,"currency":"SGD"},"payer":{"openid":"o1_user_openid_0000000000"}}"#;

/// The platform's key pair and certificate: the SDK's types, `ring`'s key pair and public key
/// (read with `ring` alone so the bare side uses no SDK code), and the certificate's serial.
struct Keys {
    private: RsaPrivateKey,
    public: PublicKeySet,
    serial: String,
    ring_pair: RsaKeyPair,
    ring_public: UnparsedPublicKey<Vec<u8>>,
}

fn keys() -> Result<Keys> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
    let pem = std::fs::read_to_string(format!("{dir}/platform-2048.pem"))?;
    let certificate =
        Certificate::from_pem(&std::fs::read_to_string(format!("{dir}/platform-2048.crt"))?)?;
    let body: String = pem.lines().filter(|line| !line.starts_with("-----")).collect();
    let ring_pair = RsaKeyPair::from_pkcs8(&STANDARD.decode(body)?).map_err(|e| e.to_string())?;
    let ring_public = UnparsedPublicKey::new(
        &RSA_PKCS1_2048_8192_SHA256,
        ring_pair.public_key().as_ref().to_vec(),
    );
    Ok(Keys {
        private: RsaPrivateKey::from_pem(&pem)?,
        serial: certificate.serial_number().to_owned(),
        public: PublicKeySet::new().with_certificate(certificate),
        ring_pair,
        ring_public,
    })
}

/// `line\n` for each line, as both signed messages are built.
fn lines(parts: &[&[u8]]) -> Vec<u8> {
    let mut message = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        message.extend_from_slice(part);
        message.push(b'\n');
    }
    message
}

fn ring_sign(pair: &RsaKeyPair, message: &[u8]) -> Option<String> {
    let mut signature = vec![0; pair.public().modulus_len()];
    pair.sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), message, &mut signature).ok()?;
    Some(STANDARD.encode(signature))
}

fn ring_verify(public: &UnparsedPublicKey<Vec<u8>>, message: &[u8], signature: &str) -> bool {
    STANDARD.decode(signature).is_ok_and(|raw| public.verify(message, &raw).is_ok())
}

fn parts() -> RequestParts<'static> {
    RequestParts { method: METHOD, canonical_url: URL, body: BODY }
}

fn authorization_lines() -> Vec<u8> {
    lines(&[METHOD.as_bytes(), URL.as_bytes(), TIMESTAMP.as_bytes(), NONCE.as_bytes(), BODY])
}

/// Signing a merchant request's `Authorization` header, written out as its value.
pub fn authorization_sign() -> Result<Op> {
    let Keys { private, serial, ring_pair, .. } = keys()?;
    let signer = AuthorizationSigner::new(private, MCHID, serial.clone());
    let bare = move || -> Option<String> {
        let signature = ring_sign(&ring_pair, &authorization_lines())?;
        Some(format!(
            r#"{WECHATPAY2_SHA256_RSA2048} mchid="{MCHID}",nonce_str="{NONCE}",signature="{signature}",timestamp="{TIMESTAMP}",serial_no="{serial}""#
        ))
    };
    let ours = move || -> Option<String> {
        Some(signer.sign(&parts(), black_box(TIMESTAMP), NONCE).ok()?.to_string())
    };
    if bare().is_none() || bare() != ours() {
        return Err("the bare primitives do not compute the Authorization header".into());
    }
    Ok(Op {
        name: "authorization.sign",
        what: "Authorization sign vs ring RSA, base64",
        target: 1.2,
        count_iterations: 1,
        ours: Box::new(move || {
            black_box(ours());
        }),
        bare: Box::new(move || {
            black_box(bare());
        }),
    })
}

/// Verifying a received `Authorization` header (ours parses it first, RFC 9110).
pub fn authorization_verify() -> Result<Op> {
    let Keys { private, public, serial, ring_public, .. } = keys()?;
    let header = AuthorizationSigner::new(private, MCHID, serial)
        .sign(&parts(), TIMESTAMP, NONCE)?
        .to_string();
    let signature = sas_core::crypto::Authorization::parse(&header)?.signature().to_owned();
    let bare = move || ring_verify(&ring_public, &authorization_lines(), black_box(&signature));
    if !bare() || public.verify_authorization(&header, &parts()).is_err() {
        return Err("the Authorization header does not verify".into());
    }
    Ok(Op {
        name: "authorization.verify",
        what: "Authorization verify vs ring RSA, base64",
        target: 1.2,
        count_iterations: 20,
        ours: Box::new(move || {
            black_box(public.verify_authorization(black_box(&header), &parts()).is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare());
        }),
    })
}

fn callback_lines() -> Vec<u8> {
    lines(&[TIMESTAMP.as_bytes(), NONCE.as_bytes(), BODY])
}

/// Signing a callback: `TC-Callback-Signature`.
pub fn callback_sign() -> Result<Op> {
    let Keys { private, ring_pair, .. } = keys()?;
    let bare = move || ring_sign(&ring_pair, &callback_lines());
    if bare() != Some(callback_signature(&private, TIMESTAMP, NONCE, BODY)?) {
        return Err("the bare primitives do not compute TC-Callback-Signature".into());
    }
    Ok(Op {
        name: "callback.sign",
        what: "TC-Callback-Signature sign vs ring RSA",
        target: 1.2,
        count_iterations: 1,
        ours: Box::new(move || {
            black_box(callback_signature(&private, black_box(TIMESTAMP), NONCE, BODY).is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare());
        }),
    })
}

/// Verifying a received `TC-Callback-Signature` with the key its serial names.
pub fn callback_verify() -> Result<Op> {
    let Keys { private, public, serial, ring_public, .. } = keys()?;
    let signature = callback_signature(&private, TIMESTAMP, NONCE, BODY)?;
    let received = signature.clone();
    let bare = move || ring_verify(&ring_public, &callback_lines(), black_box(&received));
    let ours = move || {
        let received = CallbackSignature {
            serial: &serial,
            timestamp: TIMESTAMP,
            nonce: NONCE,
            signature: &signature,
        };
        public.verify_callback(black_box(&received), black_box(BODY)).is_ok()
    };
    if !bare() || !ours() {
        return Err("TC-Callback-Signature does not verify".into());
    }
    Ok(Op {
        name: "callback.verify",
        what: "TC-Callback-Signature verify vs ring RSA",
        target: 1.2,
        count_iterations: 20,
        ours: Box::new(move || {
            black_box(ours());
        }),
        bare: Box::new(move || {
            black_box(bare());
        }),
    })
}
