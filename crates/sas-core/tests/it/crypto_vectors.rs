//! The vectors of `tests/vectors/*.json`, made independently by `tests/vectors/generate.py`
//! (Python `cryptography` and `openssl`), checked in both directions.

use std::collections::BTreeMap;

use sas_core::crypto::{
    ApiV3Key, AppKey, Authorization, AuthorizationSigner, CallbackSignature, Certificate,
    CryptoError, PaySignFields, PublicKeySet, RequestParts, RsaPrivateKey, SecretKey, SessionKey,
    SignatureKind, TcSignatureVerifier, callback_signature, decrypt_header_value,
    decrypt_user_info, encrypt_header_value, encrypt_user_info, open_resource, pay_event_sig,
    pay_sig, pay_sign, refund_pay_sig, seal_resource, tc_signature, tc_signature_legacy_cbc,
    user_signature, verify_pay_event_sig, verify_pay_sig, verify_pay_sign, verify_refund_pay_sig,
    verify_tc_signature, verify_user_signature,
};
use sas_core::time::UnixTime;
use serde::Deserialize;

use crate::crypto_support::{cases, key_file, private_key, public_key};

/// Every vector file holds at least this many cases.
const MIN_CASES: usize = 50;

fn load<T: serde::de::DeserializeOwned>(file: &str) -> Vec<T> {
    let cases = cases::<T>(file);
    assert!(cases.len() >= MIN_CASES, "{file}: {} cases", cases.len());
    cases
}

#[derive(Deserialize)]
pub(crate) struct TcCase {
    pub(crate) key: String,
    pub(crate) timestamp: String,
    pub(crate) signature: String,
}

/// The time a 10- or 13-digit timestamp denotes, `None` for other strings.
fn as_time(timestamp: &str) -> Option<UnixTime> {
    UnixTime::parse_timestamp(timestamp).ok().map(|(time, _)| time)
}

#[test]
fn tc_signature_ecb() {
    let mut fresh_checked = 0;
    for case in load::<TcCase>("tc_signature_ecb.json") {
        let key = SecretKey::new(&case.key).unwrap();
        assert_eq!(tc_signature(&key, &case.timestamp), case.signature, "{}", case.timestamp);
        verify_tc_signature(&key, &case.timestamp, &case.signature).unwrap();
        verify_tc_signature(&key, &case.timestamp, &case.signature.to_uppercase()).unwrap();
        if let Some(now) = as_time(&case.timestamp) {
            let verified =
                TcSignatureVerifier::new().verify(&key, &case.timestamp, &case.signature, now);
            assert_eq!(verified, Ok(now));
            fresh_checked += 1;
        }
    }
    assert!(fresh_checked >= 40);
}

#[test]
fn tc_signature_cbc() {
    let legacy = TcSignatureVerifier::new().accept_legacy_cbc(true);
    for case in load::<TcCase>("tc_signature_cbc.json") {
        let key = SecretKey::new(&case.key).unwrap();
        assert_eq!(tc_signature_legacy_cbc(&key, &case.timestamp), case.signature);
        // The current rule is ECB: a CBC signature does not pass it.
        assert_eq!(
            verify_tc_signature(&key, &case.timestamp, &case.signature),
            Err(CryptoError::SignatureMismatch { kind: SignatureKind::TcSignature })
        );
        if let Some(now) = as_time(&case.timestamp) {
            assert_eq!(legacy.verify(&key, &case.timestamp, &case.signature, now), Ok(now));
            let ecb_only =
                TcSignatureVerifier::new().verify(&key, &case.timestamp, &case.signature, now);
            assert!(matches!(ecb_only, Err(CryptoError::SignatureMismatch { .. })));
            // Turning legacy on keeps accepting ECB.
            let ecb = tc_signature(&key, &case.timestamp);
            assert_eq!(legacy.verify(&key, &case.timestamp, &ecb, now), Ok(now));
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct CipherCase {
    pub(crate) key: String,
    pub(crate) plaintext: String,
    #[serde(alias = "data")]
    pub(crate) ciphertext: String,
}

#[test]
fn header_value_cipher() {
    for case in load::<CipherCase>("header_value.json") {
        let key = SecretKey::new(&case.key).unwrap();
        assert_eq!(encrypt_header_value(&key, &case.plaintext), case.ciphertext);
        assert_eq!(decrypt_header_value(&key, &case.ciphertext).unwrap(), case.plaintext);
        let upper = case.ciphertext.to_uppercase();
        assert_eq!(decrypt_header_value(&key, &upper).unwrap(), case.plaintext);
    }
}

#[test]
fn user_info_cipher() {
    for case in load::<CipherCase>("user_info_cbc.json") {
        let key = SecretKey::new(&case.key).unwrap();
        assert_eq!(encrypt_user_info(&key, &case.plaintext), case.ciphertext);
        assert_eq!(decrypt_user_info(&key, &case.ciphertext).unwrap(), case.plaintext);
    }
}

#[derive(Deserialize)]
pub(crate) struct GcmCase {
    pub(crate) key: String,
    pub(crate) nonce: String,
    pub(crate) associated_data: String,
    pub(crate) plaintext: String,
    pub(crate) ciphertext: String,
}

#[test]
fn resource_gcm() {
    for case in load::<GcmCase>("resource_gcm.json") {
        let key = ApiV3Key::new(&case.key).unwrap();
        let sealed =
            seal_resource(&key, &case.nonce, &case.associated_data, case.plaintext.as_bytes());
        assert_eq!(sealed.unwrap(), case.ciphertext);
        let opened = open_resource(&key, &case.nonce, &case.associated_data, &case.ciphertext);
        assert_eq!(opened.unwrap(), case.plaintext.as_bytes());
    }
}

/// One HMAC vector, whatever its use: `prefix` is the method, event or uri (absent for the
/// user-mode signature), `data` the signData, payload or body.
#[derive(Deserialize)]
pub(crate) struct HmacCase {
    pub(crate) key: String,
    #[serde(alias = "method", alias = "event", alias = "uri")]
    pub(crate) prefix: Option<String>,
    #[serde(alias = "sign_data", alias = "payload", alias = "body")]
    pub(crate) data: String,
    pub(crate) signature: String,
}

/// The four HMAC uses, as (file, sign, verify) over (key, prefix, data).
pub(crate) type HmacSign = fn(&str, &str, &str) -> String;
/// Verifies (key, prefix, data, signature).
pub(crate) type HmacVerify = fn(&str, &str, &str, &str) -> Result<(), CryptoError>;

pub(crate) const HMAC_USES: [(&str, HmacSign, HmacVerify); 4] = [
    (
        "hmac_pay_sig.json",
        |k, p, d| pay_sig(&AppKey::new(k).expect("vector AppKey"), p, d),
        |k, p, d, s| verify_pay_sig(&AppKey::new(k).expect("vector AppKey"), p, d, s),
    ),
    (
        "hmac_pay_event_sig.json",
        |k, p, d| pay_event_sig(&AppKey::new(k).expect("vector AppKey"), p, d),
        |k, p, d, s| verify_pay_event_sig(&AppKey::new(k).expect("vector AppKey"), p, d, s),
    ),
    (
        "hmac_refund_pay_sig.json",
        |k, p, d| refund_pay_sig(&AppKey::new(k).expect("vector AppKey"), p, d.as_bytes()),
        |k, p, d, s| {
            verify_refund_pay_sig(&AppKey::new(k).expect("vector AppKey"), p, d.as_bytes(), s)
        },
    ),
    (
        "hmac_user_signature.json",
        |k, _, d| user_signature(&SessionKey::new(k).expect("vector session_key"), d),
        |k, _, d, s| verify_user_signature(&SessionKey::new(k).expect("vector session_key"), d, s),
    ),
];

#[test]
fn hmac_signatures() {
    for (file, sign, verify) in HMAC_USES {
        for case in load::<HmacCase>(file) {
            let prefix = case.prefix.as_deref().unwrap_or_default();
            assert_eq!(sign(&case.key, prefix, &case.data), case.signature, "{file}");
            verify(&case.key, prefix, &case.data, &case.signature).unwrap();
            verify(&case.key, prefix, &case.data, &case.signature.to_uppercase()).unwrap();
        }
    }
}

/// The private keys of the vectors, loaded once.
fn private_keys() -> BTreeMap<&'static str, RsaPrivateKey> {
    [
        "platform-2048.pem",
        "platform-3072.pem",
        "merchant-2048-pkcs1.pem",
        "wechatpay-test-pkcs1.pem",
    ]
    .into_iter()
    .map(|name| (name, private_key(name)))
    .collect()
}

#[derive(Deserialize)]
pub(crate) struct AuthorizationCase {
    pub(crate) private_key: String,
    pub(crate) public_key: String,
    pub(crate) serial_no: String,
    pub(crate) mchid: String,
    pub(crate) method: String,
    pub(crate) canonical_url: String,
    pub(crate) timestamp: String,
    pub(crate) nonce: String,
    pub(crate) body: String,
    pub(crate) signature: String,
    pub(crate) header: String,
}

/// Every key of a set of RSA vectors under its ID: the key set a verifier would hold during a
/// rotation.
fn key_set<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> PublicKeySet {
    let mut keys = PublicKeySet::new();
    for (id, public_file) in pairs {
        keys.insert(id, public_key(public_file));
    }
    keys
}

#[test]
fn rsa_authorization() {
    let cases = load::<AuthorizationCase>("rsa_authorization.json");
    let keys = key_set(cases.iter().map(|c| (c.serial_no.as_str(), c.public_key.as_str())));
    assert_eq!(keys.len(), 4);
    for case in &cases {
        let signer =
            AuthorizationSigner::new(private_key(&case.private_key), &case.mchid, &case.serial_no);
        let request = RequestParts {
            method: &case.method,
            canonical_url: &case.canonical_url,
            body: case.body.as_bytes(),
        };
        let signed = signer.sign(&request, &case.timestamp, &case.nonce).unwrap();
        assert_eq!(signed.signature(), case.signature);
        assert_eq!(signed.to_string(), case.header);

        let parsed = Authorization::parse(&case.header).unwrap();
        assert_eq!(parsed, signed);
        assert_eq!(
            (parsed.mchid(), parsed.serial_no(), parsed.timestamp(), parsed.nonce_str()),
            (&*case.mchid, &*case.serial_no, &*case.timestamp, &*case.nonce)
        );
        assert_eq!(keys.verify_authorization(&case.header, &request).unwrap(), parsed);
    }
}

#[derive(Deserialize)]
pub(crate) struct CallbackCase {
    pub(crate) private_key: String,
    pub(crate) public_key: String,
    pub(crate) serial: String,
    pub(crate) timestamp: String,
    pub(crate) nonce: String,
    pub(crate) body: String,
    pub(crate) signature: String,
}

#[test]
fn rsa_callback_signature() {
    let cases = load::<CallbackCase>("rsa_callback.json");
    let private_keys = private_keys();
    let keys = key_set(cases.iter().map(|c| (c.serial.as_str(), c.public_key.as_str())));
    for case in &cases {
        let key = &private_keys[case.private_key.as_str()];
        let body = case.body.as_bytes();
        assert_eq!(
            callback_signature(key, &case.timestamp, &case.nonce, body).unwrap(),
            case.signature
        );
        let received = CallbackSignature {
            serial: &case.serial,
            timestamp: &case.timestamp,
            nonce: &case.nonce,
            signature: &case.signature,
        };
        keys.verify_callback(&received, body).unwrap();
    }
}

#[derive(Deserialize)]
pub(crate) struct PaySignCase {
    pub(crate) private_key: String,
    pub(crate) public_key: String,
    pub(crate) app_id: String,
    pub(crate) time_stamp: String,
    pub(crate) nonce_str: String,
    pub(crate) package: String,
    pub(crate) pay_sign: String,
}

impl PaySignCase {
    pub(crate) fn fields(&self) -> PaySignFields<'_> {
        PaySignFields {
            app_id: &self.app_id,
            time_stamp: &self.time_stamp,
            nonce_str: &self.nonce_str,
            package: &self.package,
        }
    }
}

#[test]
fn rsa_pay_sign() {
    let private_keys = private_keys();
    for case in load::<PaySignCase>("rsa_pay_sign.json") {
        let key = &private_keys[case.private_key.as_str()];
        assert_eq!(pay_sign(key, &case.fields()).unwrap(), case.pay_sign);
        verify_pay_sign(&public_key(&case.public_key), &case.fields(), &case.pay_sign).unwrap();
    }
}

#[derive(Deserialize)]
struct CertificateCase {
    certificate: String,
    public_key: String,
    serial: String,
    not_before: u64,
    not_after: u64,
    bits: usize,
}

#[test]
fn certificates() {
    let cases = cases::<CertificateCase>("certificates.json");
    assert_eq!(cases.len(), 4);
    for case in cases {
        let cert = Certificate::from_pem(&key_file(&case.certificate)).unwrap();
        assert_eq!(cert.serial_number(), case.serial);
        assert_eq!(cert.not_before(), UnixTime::from_secs(case.not_before));
        assert_eq!(cert.not_after(), UnixTime::from_secs(case.not_after));
        assert_eq!(cert.public_key(), &public_key(&case.public_key));
        assert_eq!(cert.public_key().bits(), case.bits);
        // A certificate PEM also loads as a plain public key.
        assert_eq!(&public_key(&case.certificate), cert.public_key());
    }
}
