//! The `resource` of payment and refund callbacks: AEAD_AES_256_GCM with the APIv3 key, the
//! nonce and associated data as the UTF-8 bytes of their strings, the 16-byte tag appended to
//! the ciphertext, standard Base64.

use ring::aead::{Aad, NONCE_LEN, Nonce};

use super::encoding::{decode_base64, encode_base64};
use super::error::CryptoError;
use super::keys::ApiV3Key;

/// The `resource.algorithm` value of an encrypted callback resource.
pub const AEAD_AES_256_GCM: &str = "AEAD_AES_256_GCM";

/// The only `resource.nonce` length supported: 12 bytes, as WeChat-style senders use. `ring`
/// implements AES-GCM for 12-byte nonces only.
pub const GCM_NONCE_LEN: usize = NONCE_LEN;

/// The GCM tag length: the last 16 bytes of the decoded ciphertext.
const TAG_LEN: usize = 16;

/// Decrypts a callback `resource`: Base64-decodes `ciphertext` (ciphertext ‖ 16-byte tag) and
/// opens it with the APIv3 key, `nonce` and `associated_data` (may be empty) as UTF-8 bytes.
/// Returns the plaintext, the JSON text of the `original_type` object.
///
/// Only 12-byte nonces are supported, because `ring` implements AES-GCM for 12-byte nonces
/// only; any other length is refused with [`CryptoError::UnsupportedNonceLength`] before
/// anything is decrypted (a sender that puts 16 characters of Base64 in `nonce` cannot be
/// read).
///
/// ```
/// use sas_core::crypto::{ApiV3Key, open_resource};
///
/// let key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?;
/// let plaintext = open_resource(
///     &key,
///     "n0nce1234567",
///     "transaction",
///     "lYFsUmf/gD3xo+aXaUKMoKF1lyS5pP6Vv/cpW/snecOKpDR0zbv3/tBICxFLbEfIuwJZ8z+vT8Z8KTF7bgzddIjZIJpMAuEhfmhYyZy8ag4zfNnq3Q==",
/// )?;
/// assert_eq!(plaintext, br#"{"transaction_id":"4200000000000000001","out_trade_no":"ORDER123456"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CryptoError::UnsupportedNonceLength`] unless the nonce is 12 bytes,
/// [`CryptoError::InvalidBase64`], [`CryptoError::InvalidCiphertextLength`] (shorter than the
/// tag), or [`CryptoError::GcmTagMismatch`] (wrong APIv3 key or tampered data).
pub fn open_resource(
    key: &ApiV3Key,
    nonce: &str,
    associated_data: &str,
    ciphertext: &str,
) -> Result<Vec<u8>, CryptoError> {
    let nonce = gcm_nonce(nonce)?;
    let mut in_out = decode_base64(ciphertext, "resource.ciphertext")?;
    if in_out.len() < TAG_LEN {
        return Err(CryptoError::InvalidCiphertextLength {
            what: "resource.ciphertext",
            len: in_out.len(),
        });
    }
    let plaintext_len = key
        .gcm()
        .open_in_place(nonce, Aad::from(associated_data.as_bytes()), &mut in_out)
        .map_err(|_| CryptoError::GcmTagMismatch)?
        .len();
    in_out.truncate(plaintext_len);
    Ok(in_out)
}

/// Encrypts a callback `resource` (the sending side of [`open_resource`]): returns
/// `Base64(ciphertext ‖ tag)`. The caller supplies a fresh 12-byte nonce per message.
///
/// ```
/// use sas_core::crypto::{ApiV3Key, open_resource, seal_resource};
///
/// let key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?;
/// let ciphertext = seal_resource(&key, "n0nce1234567", "", br#"{"refund_id":"1"}"#)?;
/// assert_eq!(open_resource(&key, "n0nce1234567", "", &ciphertext)?, br#"{"refund_id":"1"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CryptoError::UnsupportedNonceLength`] unless the nonce is 12 bytes;
/// [`CryptoError::OperationFailed`] if `ring` refuses the message (beyond GCM's size limit).
pub fn seal_resource(
    key: &ApiV3Key,
    nonce: &str,
    associated_data: &str,
    plaintext: &[u8],
) -> Result<String, CryptoError> {
    let nonce = gcm_nonce(nonce)?;
    let mut in_out = Vec::with_capacity(plaintext.len() + TAG_LEN);
    in_out.extend_from_slice(plaintext);
    key.gcm()
        .seal_in_place_append_tag(nonce, Aad::from(associated_data.as_bytes()), &mut in_out)
        .map_err(|_| CryptoError::OperationFailed { what: "AES-256-GCM sealing" })?;
    Ok(encode_base64(&in_out))
}

fn gcm_nonce(nonce: &str) -> Result<Nonce, CryptoError> {
    Nonce::try_assume_unique_for_key(nonce.as_bytes())
        .map_err(|_| CryptoError::UnsupportedNonceLength { len: nonce.len() })
}
