//! The symmetric secrets of SAS as small newtypes that validate their length once, print as
//! `<redacted>` and hold the prepared key schedule for the cipher or MAC they serve, behind an
//! `Arc`: a clone shares the prepared key, so a signer or verifier per request costs nothing.

use std::fmt;
use std::sync::Arc;

use ring::{aead, hmac};

use super::error::{KeyError, KeyKind};

/// Writes `<redacted>` as the `Debug` form of a secret.
macro_rules! redacted_debug {
    ($($ty:ty),*) => {$(
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("<redacted>")
            }
        }
    )*};
}

redacted_debug!(SecretKey, ApiV3Key, AppKey, SessionKey);

/// The SecretKey shared between SAS and the superapp (Console → Configuration Management).
///
/// Its UTF-8 bytes are the AES key, used as they are (no hashing, no hex or Base64 decoding):
/// 16, 24 or 32 bytes select AES-128, AES-192 or AES-256; any other length is refused. It keys
/// `TC-Signature`, the `TC-OpenId` / `TC-MiniAppID` header cipher and the e-mail / phone field
/// cipher.
///
/// ```
/// use sas_core::crypto::{KeyError, SecretKey};
///
/// let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// assert!(matches!(SecretKey::new("too short"), Err(KeyError::InvalidLength { len: 9, .. })));
/// # Ok::<(), KeyError>(())
/// ```
#[derive(Clone)]
pub struct SecretKey {
    aes: Arc<AesKey>,
}

/// A SecretKey prepared once: the AES key schedule of its size (the type makes other lengths
/// unrepresentable) and the CBC variants' IV, the key's first 16 bytes.
pub(crate) struct AesKey {
    pub(crate) cipher: AesCipher,
    pub(crate) iv: [u8; 16],
}

/// AES with the key schedule expanded, for encryption and decryption.
pub(crate) enum AesCipher {
    /// AES-128.
    Aes128(aes::Aes128),
    /// AES-192.
    Aes192(aes::Aes192),
    /// AES-256.
    Aes256(aes::Aes256),
}

impl SecretKey {
    /// Takes the SecretKey's bytes (usually its 16, 24 or 32 letters and digits).
    ///
    /// # Errors
    ///
    /// [`KeyError::InvalidLength`] for any length other than 16, 24 or 32 bytes.
    pub fn new(key: impl AsRef<[u8]>) -> Result<Self, KeyError> {
        use aes::cipher::KeyInit as _;

        let key = key.as_ref();
        let invalid = || KeyError::InvalidLength {
            kind: KeyKind::SecretKey,
            expected: "16, 24 or 32",
            len: key.len(),
        };
        let cipher = match key.len() {
            16 => aes::Aes128::new_from_slice(key).map(AesCipher::Aes128),
            24 => aes::Aes192::new_from_slice(key).map(AesCipher::Aes192),
            32 => aes::Aes256::new_from_slice(key).map(AesCipher::Aes256),
            _ => return Err(invalid()),
        }
        .map_err(|_| invalid())?;
        let iv = key.get(..16).and_then(|iv| <[u8; 16]>::try_from(iv).ok()).ok_or_else(invalid)?;
        Ok(Self { aes: Arc::new(AesKey { cipher, iv }) })
    }

    pub(crate) fn aes(&self) -> &AesKey {
        &self.aes
    }
}

/// The merchant's APIv3 key: 32 bytes (32 ASCII characters), the AES-256-GCM key of callback
/// resources.
///
/// ```
/// use sas_core::crypto::{ApiV3Key, KeyError};
///
/// let key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?;
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// assert!(ApiV3Key::new("0123456789ABCDEF").is_err());
/// # Ok::<(), KeyError>(())
/// ```
#[derive(Clone)]
pub struct ApiV3Key {
    inner: Arc<ApiV3Inner>,
}

/// The APIv3 key prepared twice: `ring` opens and seals with 12-byte nonces, RustCrypto's AES
/// serves `aes-gcm` for the other nonce lengths a sender may use.
struct ApiV3Inner {
    ring: aead::LessSafeKey,
    aes: aes::Aes256,
}

impl ApiV3Key {
    /// Takes the APIv3 key's 32 bytes.
    ///
    /// # Errors
    ///
    /// [`KeyError::InvalidLength`] for any length other than 32 bytes.
    pub fn new(key: impl AsRef<[u8]>) -> Result<Self, KeyError> {
        let key = key.as_ref();
        let invalid =
            || KeyError::InvalidLength { kind: KeyKind::ApiV3Key, expected: "32", len: key.len() };
        if key.len() != 32 {
            return Err(invalid());
        }
        let unbound = aead::UnboundKey::new(&aead::AES_256_GCM, key).map_err(|_| invalid())?;
        let aes =
            <aes::Aes256 as aes::cipher::KeyInit>::new_from_slice(key).map_err(|_| invalid())?;
        Ok(Self { inner: Arc::new(ApiV3Inner { ring: aead::LessSafeKey::new(unbound), aes }) })
    }

    /// The key for `ring`'s AES-256-GCM (12-byte nonces).
    pub(crate) fn gcm(&self) -> &aead::LessSafeKey {
        &self.inner.ring
    }

    /// The AES-256 key schedule, for `aes-gcm` with other nonce lengths.
    pub(crate) fn aes(&self) -> &aes::Aes256 {
        &self.inner.aes
    }
}

/// The superapp's virtual-payment AppKey: opaque bytes (its UTF-8 text) keying HMAC-SHA256 for
/// `paySig`, `pay_event_sig` and the virtual refund's `pay_sig`.
///
/// ```
/// use sas_core::crypto::{AppKey, KeyError};
///
/// let key = AppKey::new("12345")?;
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// # Ok::<(), KeyError>(())
/// ```
#[derive(Clone)]
pub struct AppKey {
    key: Arc<hmac::Key>,
}

impl AppKey {
    /// Takes the AppKey's bytes.
    ///
    /// # Errors
    ///
    /// [`KeyError::Empty`] for an empty key.
    pub fn new(key: impl AsRef<[u8]>) -> Result<Self, KeyError> {
        Ok(Self { key: Arc::new(hmac_key(key.as_ref(), KeyKind::AppKey)?) })
    }

    pub(crate) fn hmac(&self) -> &hmac::Key {
        &self.key
    }
}

/// A user's `session_key` from `jscode2session`: its Base64 *text* is the HMAC key, used as is
/// (not decoded), for the user-mode `signature`.
///
/// ```
/// use sas_core::crypto::{KeyError, SessionKey};
///
/// let key = SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?;
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// # Ok::<(), KeyError>(())
/// ```
#[derive(Clone)]
pub struct SessionKey {
    key: Arc<hmac::Key>,
}

impl SessionKey {
    /// Takes the `session_key` text exactly as `jscode2session` returned it.
    ///
    /// # Errors
    ///
    /// [`KeyError::Empty`] for an empty key.
    pub fn new(key: impl AsRef<[u8]>) -> Result<Self, KeyError> {
        Ok(Self { key: Arc::new(hmac_key(key.as_ref(), KeyKind::SessionKey)?) })
    }

    pub(crate) fn hmac(&self) -> &hmac::Key {
        &self.key
    }
}

fn hmac_key(key: &[u8], kind: KeyKind) -> Result<hmac::Key, KeyError> {
    if key.is_empty() {
        return Err(KeyError::Empty { kind });
    }
    Ok(hmac::Key::new(hmac::HMAC_SHA256, key))
}
