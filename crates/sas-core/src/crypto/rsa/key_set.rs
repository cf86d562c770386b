//! [`PublicKeySet`]: the peer's RSA public keys addressed by serial or public-key ID, several
//! at once for rotation, guarded against holding the SDK user's own key.

use super::authorization::{Authorization, RequestParts};
use super::certificate::Certificate;
use super::keys::RsaPublicKey;
use super::messages::callback_message;
use crate::crypto::error::{CryptoError, SignatureKind};

/// The peer's RSA public keys, each under an opaque ID: a certificate serial (`serial_no`,
/// `TC-Callback-Serial`) or a public-key ID. IDs are compared exactly as given — they are not
/// necessarily hex (the vendor's sample serial is not).
///
/// A merchant fills it with the superapp payment platform's keys to verify callbacks; a
/// superapp fills it with merchants' keys to verify `Authorization` headers. Hold several keys
/// during a rotation. Tell the set your *own* public key with
/// [`forbid_own_key`](Self::forbid_own_key): a lookup that lands on it fails with
/// [`CryptoError::OwnKeyAsPeerKey`] instead of a puzzling signature mismatch.
///
/// ```
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
/// # let platform_pem = std::fs::read_to_string(format!("{dir}/platform-2048.crt"))?;
/// # let merchant_pem = std::fs::read_to_string(format!("{dir}/merchant-2048-pkcs1.pem"))?;
/// use sas_core::crypto::{Certificate, CryptoError, PublicKeySet, RsaPrivateKey};
///
/// let merchant_key = RsaPrivateKey::from_pem(&merchant_pem)?;
/// let platform = Certificate::from_pem(&platform_pem)?;
/// let keys = PublicKeySet::new()
///     .with_certificate(platform)
///     .with_key("PUB_KEY_ID_0001", merchant_key.public_key()) // a mistake…
///     .forbid_own_key(merchant_key.public_key()); // …that is caught
///
/// assert!(keys.get("5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11").is_ok());
/// assert!(matches!(keys.get("PUB_KEY_ID_0001"), Err(CryptoError::OwnKeyAsPeerKey { .. })));
/// assert!(matches!(keys.get("nope"), Err(CryptoError::UnknownKeyId { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct PublicKeySet {
    keys: Vec<(String, RsaPublicKey)>,
    own_keys: Vec<RsaPublicKey>,
}

impl PublicKeySet {
    /// An empty set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key` under `id`, replacing and returning a key already under that ID.
    pub fn insert(&mut self, id: impl Into<String>, key: RsaPublicKey) -> Option<RsaPublicKey> {
        let id = id.into();
        match self.keys.iter_mut().find(|(known, _)| *known == id) {
            Some((_, slot)) => Some(std::mem::replace(slot, key)),
            None => {
                self.keys.push((id, key));
                None
            }
        }
    }

    /// Adds a certificate's key under its serial number (uppercase hex), replacing a key
    /// already under that serial.
    pub fn insert_certificate(&mut self, certificate: Certificate) -> Option<RsaPublicKey> {
        self.insert(certificate.serial_number(), certificate.public_key().clone())
    }

    /// [`insert`](Self::insert), by value.
    #[must_use]
    pub fn with_key(mut self, id: impl Into<String>, key: RsaPublicKey) -> Self {
        self.insert(id, key);
        self
    }

    /// [`insert_certificate`](Self::insert_certificate), by value.
    #[must_use]
    pub fn with_certificate(mut self, certificate: Certificate) -> Self {
        self.insert_certificate(certificate);
        self
    }

    /// Declares the SDK user's own public key (e.g. the merchant's API key), which must never
    /// verify the peer's signatures. Can be called several times.
    #[must_use]
    pub fn forbid_own_key(mut self, own_key: RsaPublicKey) -> Self {
        self.own_keys.push(own_key);
        self
    }

    /// Removes and returns the key under `id` (end of a rotation).
    pub fn remove(&mut self, id: &str) -> Option<RsaPublicKey> {
        let index = self.keys.iter().position(|(known, _)| known == id)?;
        Some(self.keys.remove(index).1)
    }

    /// The IDs held, in insertion order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|(id, _)| id.as_str())
    }

    /// The number of keys held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the set holds no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The key under `id`.
    ///
    /// # Errors
    ///
    /// [`CryptoError::UnknownKeyId`] listing the known IDs, or [`CryptoError::OwnKeyAsPeerKey`]
    /// if the key is one declared with [`forbid_own_key`](Self::forbid_own_key).
    pub fn get(&self, id: &str) -> Result<&RsaPublicKey, CryptoError> {
        let Some((_, key)) = self.keys.iter().find(|(known, _)| known == id) else {
            return Err(CryptoError::UnknownKeyId {
                id: id.chars().take(128).collect(),
                known: self.ids().map(str::to_owned).collect(),
            });
        };
        if self.own_keys.iter().any(|own| own.ct_eq(key)) {
            return Err(CryptoError::OwnKeyAsPeerKey { id: id.to_owned() });
        }
        Ok(key)
    }

    /// Verifies a Base64 RSA `signature` over `message` with the key under `id`.
    ///
    /// # Errors
    ///
    /// As [`get`](Self::get), then [`CryptoError::InvalidBase64`] or
    /// [`CryptoError::SignatureMismatch`] naming `kind`.
    pub fn verify(
        &self,
        id: &str,
        message: &[u8],
        signature: &str,
        kind: SignatureKind,
    ) -> Result<(), CryptoError> {
        self.get(id)?.verify_base64(message, signature, kind)
    }

    /// Verifies a callback (or response) signature: `TC-Callback-Signature` over
    /// `TIMESTAMP\nNONCE\nBODY\n`, with the key named by `TC-Callback-Serial`. `body` is the
    /// exact bytes received. Check the timestamp's freshness separately with
    /// [`FreshnessWindow`](crate::crypto::FreshnessWindow).
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
    /// # let platform_key = sas_core::crypto::RsaPrivateKey::from_pem(&std::fs::read_to_string(format!("{dir}/platform-2048.pem"))?)?;
    /// # let platform_cert = std::fs::read_to_string(format!("{dir}/platform-2048.crt"))?;
    /// use sas_core::crypto::{CallbackSignature, Certificate, PublicKeySet, callback_signature};
    ///
    /// let body = br#"{"id":"EV-1","resource":{}}"#;
    /// let signature = callback_signature(&platform_key, "1735293931", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", body)?;
    ///
    /// let keys = PublicKeySet::new().with_certificate(Certificate::from_pem(&platform_cert)?);
    /// keys.verify_callback(
    ///     &CallbackSignature {
    ///         serial: "5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11",
    ///         timestamp: "1735293931",
    ///         nonce: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
    ///         signature: &signature,
    ///     },
    ///     body,
    /// )?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify`](Self::verify), with [`SignatureKind::CallbackSignature`].
    pub fn verify_callback(
        &self,
        signature: &CallbackSignature<'_>,
        body: &[u8],
    ) -> Result<(), CryptoError> {
        let key = self.get(signature.serial)?;
        let message = callback_message(signature.timestamp, signature.nonce, body);
        key.verify_base64(&message, signature.signature, SignatureKind::CallbackSignature)
    }

    /// Parses an `Authorization` header value and verifies it against `request` with the key
    /// named by its `serial_no`; returns the parsed header so the caller can check `mchid` and
    /// the timestamp's freshness.
    ///
    /// # Errors
    ///
    /// [`CryptoError::MalformedAuthorization`], then as [`verify`](Self::verify) with
    /// [`SignatureKind::Authorization`].
    pub fn verify_authorization(
        &self,
        header: &str,
        request: &RequestParts<'_>,
    ) -> Result<Authorization, CryptoError> {
        let authorization = Authorization::parse(header)?;
        authorization.verify(self, request)?;
        Ok(authorization)
    }
}

/// The received parts of a callback or response signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallbackSignature<'a> {
    /// `TC-Callback-Serial`: the ID of the key that signed.
    pub serial: &'a str,
    /// `TC-Timestamp`: line 1 of the signed message, exactly as received.
    pub timestamp: &'a str,
    /// `TC-Callback-Nonce`: line 2 of the signed message.
    pub nonce: &'a str,
    /// `TC-Callback-Signature`: the Base64 signature.
    pub signature: &'a str,
}
