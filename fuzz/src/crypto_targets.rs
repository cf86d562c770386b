//! The targets over sas-core's crypto readers: the `Authorization` header, key and certificate
//! loading (PEM and DER), and the received ciphertexts and signatures.
//!
//! Input of `authorization`: the header value. Input of `keys`: a selector byte (the loader:
//! see [`KEY_LOADERS`]), then the PEM text or DER bytes. Input of `ciphers`: a selector byte
//! (the reader), then `\n`-separated fields.

use sas_core::crypto::{
    ApiV3Key, AppKey, Authorization, Certificate, FreshnessWindow, RsaPrivateKey, RsaPublicKey,
    SecretKey, decrypt_header_value, decrypt_user_info, open_resource, verify_tc_signature,
};
use sas_core::time::UnixTime;

use crate::support::{Keys, NOW, pick};

/// The `Authorization` header as a server reads it; what parses prints in a form that parses
/// back to the same value.
///
/// # Panics
///
/// When the printed form does not parse back alike: a finding.
pub fn authorization(data: &[u8]) {
    let Ok(header) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = Authorization::parse(header) else { return };
    let printed = parsed.to_string();
    match Authorization::parse(&printed) {
        Ok(again) => assert_eq!(again, parsed, "{header:?} printed as {printed:?}"),
        Err(error) => panic!("{header:?} printed as {printed:?}, which does not parse: {error}"),
    }
}

/// The key and certificate loaders, by name, in selector order.
pub const KEY_LOADERS: [(&str, crate::Target); 11] = [
    ("private-pem", |data| {
        text(data, |pem| {
            let _ = RsaPrivateKey::from_pem(pem);
        })
    }),
    ("private-pkcs8-der", |data| {
        let _ = RsaPrivateKey::from_pkcs8_der(data);
    }),
    ("private-pkcs1-der", |data| {
        let _ = RsaPrivateKey::from_pkcs1_der(data);
    }),
    ("public-pem", |data| {
        text(data, |pem| {
            let _ = RsaPublicKey::from_pem(pem);
        })
    }),
    ("public-spki-der", |data| {
        let _ = RsaPublicKey::from_spki_der(data);
    }),
    ("public-pkcs1-der", |data| {
        let _ = RsaPublicKey::from_pkcs1_der(data);
    }),
    ("certificate-pem", |data| {
        text(data, |pem| {
            let _ = Certificate::from_pem(pem);
        })
    }),
    ("certificate-der", |data| {
        let _ = Certificate::from_der(data);
    }),
    ("secret-key", |data| {
        let _ = SecretKey::new(data);
    }),
    ("api-v3-key", |data| {
        let _ = ApiV3Key::new(data);
    }),
    ("app-key", |data| {
        let _ = AppKey::new(data);
    }),
];

/// Every key and certificate loader.
pub fn keys(data: &[u8]) {
    if let [selector, rest @ ..] = data
        && let Some((_, load)) = pick(&KEY_LOADERS, *selector)
    {
        load(rest);
    }
}

/// A reader of `\n`-separated fields.
pub type Reader = fn(&[&str]);

/// The readers of received ciphertexts and signatures, by name, in selector order.
pub const CIPHER_READERS: [(&str, Reader); 5] = [
    // nonce, associated data, ciphertext
    ("resource", |fields| {
        if let [nonce, associated_data, ciphertext, ..] = fields {
            let _ = open_resource(&Keys::get().api_v3_key, nonce, associated_data, ciphertext);
        }
    }),
    ("header-value", |fields| {
        let _ = decrypt_header_value(&Keys::get().secret, fields.first().copied().unwrap_or(""));
    }),
    ("user-info", |fields| {
        let _ = decrypt_user_info(&Keys::get().secret, fields.first().copied().unwrap_or(""));
    }),
    // timestamp, signature
    ("tc-signature", |fields| {
        if let [timestamp, signature, ..] = fields {
            let _ = verify_tc_signature(&Keys::get().secret, timestamp, signature);
        }
    }),
    ("timestamp", |fields| {
        let timestamp = fields.first().copied().unwrap_or("");
        let _ = FreshnessWindow::DEFAULT.check(timestamp, NOW);
        let _ = UnixTime::parse_timestamp(timestamp);
    }),
];

/// Every reader of a received ciphertext or signature.
pub fn ciphers(data: &[u8]) {
    if let [selector, rest @ ..] = data
        && let Some((_, read)) = pick(&CIPHER_READERS, *selector)
    {
        let text = String::from_utf8_lossy(rest);
        let fields: Vec<&str> = text.split('\n').collect();
        read(&fields);
    }
}

/// Runs `load` over `data` when it is UTF-8 (PEM is text).
fn text(data: &[u8], load: impl FnOnce(&str)) {
    if let Ok(text) = std::str::from_utf8(data) {
        load(text);
    }
}
