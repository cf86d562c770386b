//! The newline-terminated messages SAS signs with RSA, and the callback and `paySign`
//! signatures built on them.

use super::keys::{RsaPrivateKey, RsaPublicKey};
use crate::crypto::error::{CryptoError, SignatureKind};

/// Joins `lines`, each followed by `\n` (the last one too).
fn lines(lines: &[&[u8]]) -> Vec<u8> {
    let len = lines.iter().map(|line| line.len() + 1).sum();
    let mut message = Vec::with_capacity(len);
    for line in lines {
        message.extend_from_slice(line);
        message.push(b'\n');
    }
    message
}

/// The message an `Authorization` signature covers:
/// `METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\nBODY\n`. `canonical_url` is the path plus `?query`
/// if any; `body` is the exact bytes sent (empty for `GET`).
///
/// ```
/// use sas_core::crypto::authorization_message;
///
/// let message = authorization_message("GET", "/v3/pay/transactions/out-trade-no/A1?mchid=1", "1554208460", "N1", b"");
/// assert_eq!(message, b"GET\n/v3/pay/transactions/out-trade-no/A1?mchid=1\n1554208460\nN1\n\n");
/// ```
#[must_use]
pub fn authorization_message(
    method: &str,
    canonical_url: &str,
    timestamp: &str,
    nonce: &str,
    body: &[u8],
) -> Vec<u8> {
    lines(&[
        method.as_bytes(),
        canonical_url.as_bytes(),
        timestamp.as_bytes(),
        nonce.as_bytes(),
        body,
    ])
}

/// The message a callback or response signature covers: `TIMESTAMP\nNONCE\nBODY\n`, `body`
/// being the exact bytes sent (an empty body leaves the last line as `\n`).
#[must_use]
pub fn callback_message(timestamp: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    lines(&[timestamp.as_bytes(), nonce.as_bytes(), body])
}

/// `TC-Callback-Signature` for a callback or response: Base64 RSA-SHA256 over
/// [`callback_message`]. The sender puts `timestamp` in `TC-Timestamp`, `nonce` in
/// `TC-Callback-Nonce` and its key's serial in `TC-Callback-Serial`; the receiver checks it
/// with [`PublicKeySet::verify_callback`](super::PublicKeySet::verify_callback).
///
/// # Errors
///
/// [`CryptoError::OperationFailed`] if `ring` refuses to sign.
pub fn callback_signature(
    key: &RsaPrivateKey,
    timestamp: &str,
    nonce: &str,
    body: &[u8],
) -> Result<String, CryptoError> {
    key.sign_base64(&callback_message(timestamp, nonce, body))
}

/// The signed fields of `wx.requestPayment` (`signType` is not signed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaySignFields<'a> {
    /// `appId`: the mini program's appid.
    pub app_id: &'a str,
    /// `timeStamp`: Unix seconds as a string.
    pub time_stamp: &'a str,
    /// `nonceStr`: a random string of at most 32 characters.
    pub nonce_str: &'a str,
    /// `package`: `prepay_id=` followed by the prepay ID.
    pub package: &'a str,
}

/// The message `paySign` covers: `appId\ntimeStamp\nnonceStr\npackage\n`.
#[must_use]
pub fn pay_sign_message(fields: &PaySignFields<'_>) -> Vec<u8> {
    lines(&[
        fields.app_id.as_bytes(),
        fields.time_stamp.as_bytes(),
        fields.nonce_str.as_bytes(),
        fields.package.as_bytes(),
    ])
}

/// `paySign` for `wx.requestPayment`: Base64 RSA-SHA256 with the merchant's API private key
/// over [`pay_sign_message`].
///
/// ```
/// # let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/wechatpay-test-pkcs1.pem"))?;
/// use sas_core::crypto::{PaySignFields, RsaPrivateKey, pay_sign, verify_pay_sign};
///
/// let key = RsaPrivateKey::from_pem(&pem)?;
/// let fields = PaySignFields {
///     app_id: "wx8888888888888888",
///     time_stamp: "1414561699",
///     nonce_str: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
///     package: "prepay_id=wx201410272009395522657a690389285100",
/// };
/// let signature = pay_sign(&key, &fields)?;
/// assert!(signature.starts_with("mIDSHc+67tlJlgnSkB1BD1+B08suWtz70aoSI6wwGE"));
/// verify_pay_sign(&key.public_key(), &fields, &signature)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CryptoError::OperationFailed`] if `ring` refuses to sign.
pub fn pay_sign(key: &RsaPrivateKey, fields: &PaySignFields<'_>) -> Result<String, CryptoError> {
    key.sign_base64(&pay_sign_message(fields))
}

/// Checks a `paySign` with the merchant's public key.
///
/// # Errors
///
/// [`CryptoError::InvalidBase64`] or [`CryptoError::SignatureMismatch`].
pub fn verify_pay_sign(
    key: &RsaPublicKey,
    fields: &PaySignFields<'_>,
    pay_sign: &str,
) -> Result<(), CryptoError> {
    key.verify_base64(&pay_sign_message(fields), pay_sign, SignatureKind::PaySign)
}
