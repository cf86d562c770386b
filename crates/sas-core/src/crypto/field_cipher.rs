//! The e-mail and phone-number cipher of `getUserEmail` / `getUserPhoneNumber` (API 1.3, 1.4):
//! AES-CBC with the SecretKey, IV = its first 16 bytes, PKCS#7, standard Base64.

use super::block_modes::{cbc_decrypt, with_cbc};
use super::encoding::{decode_base64, encode_base64};
use super::error::CryptoError;
use super::keys::SecretKey;

/// The field named in errors.
const WHAT: &str = "encrypted user info";

/// Encrypts an e-mail address or phone number for the `data` of API 1.3 / 1.4:
/// `Base64(AES-CBC(SecretKey, IV = SecretKey[..16], PKCS#7(UTF-8(value))))`.
///
/// ```
/// use sas_core::crypto::{SecretKey, decrypt_user_info, encrypt_user_info};
///
/// let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// let data = encrypt_user_info(&key, "+6512345678");
/// assert_eq!(data, "VPQD3KDrbLgvReLCHoJ70g==");
/// assert_eq!(decrypt_user_info(&key, &data)?, "+6512345678");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn encrypt_user_info(key: &SecretKey, value: &str) -> String {
    with_cbc(key.aes(), value.as_bytes(), encode_base64)
}

/// Decrypts the `data` of API 1.3 / 1.4 back to the e-mail address or phone number.
///
/// # Errors
///
/// [`CryptoError::InvalidBase64`], [`CryptoError::InvalidCiphertextLength`] (not whole AES
/// blocks), [`CryptoError::BadPadding`] (wrong SecretKey or tampered data) or
/// [`CryptoError::NotUtf8`].
pub fn decrypt_user_info(key: &SecretKey, data: &str) -> Result<String, CryptoError> {
    let ciphertext = decode_base64(data, WHAT)?;
    let plaintext = cbc_decrypt(key.aes(), ciphertext, WHAT)?;
    String::from_utf8(plaintext).map_err(|_| CryptoError::NotUtf8 { what: WHAT })
}
