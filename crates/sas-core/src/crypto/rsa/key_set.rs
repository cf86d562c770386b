//! [`PublicKeySet`]: the peer's RSA public keys addressed by serial or public-key ID, several
//! at once for rotation, guarded against holding the SDK user's own key; a certificate's key
//! is found by its serial's number however the peer spells it.

use std::sync::Arc;

use super::authorization::{Authorization, RequestParts};
use super::certificate::Certificate;
use super::keys::RsaPublicKey;
use super::messages::callback_message;
use crate::crypto::error::{CryptoError, SignatureKind};

/// The peer's RSA public keys, each under an ID: a certificate serial (`serial_no`,
/// `TC-Callback-Serial`) or a public-key ID.
///
/// A received ID is looked up exactly first. A key added from a certificate
/// ([`insert_certificate`](Self::insert_certificate)) is then also found by its serial's
/// *number*, however the peer spells it: hex of either case, with or without leading zeros
/// (Java's `BigInteger.toString(16)` drops them), with a `0x` prefix, or as two-digit bytes
/// separated by `:` (as `openssl x509 -text` prints) or by spaces; whitespace around the ID is
/// ignored. IDs given with [`insert`](Self::insert) are opaque and compared exactly (public-key
/// IDs such as `PUB_KEY_ID_…`, and serials that are not hex: the vendor's sample serial is
/// not).
///
/// Cloning shares the keys (an `Arc`): hand a clone to every request. Changing a clone
/// (`insert`, `remove`) copies the set first and leaves the others as they were.
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
    inner: Arc<Keys>,
}

/// The shared contents of a [`PublicKeySet`].
#[derive(Debug, Clone, Default)]
struct Keys {
    entries: Vec<Entry>,
    own_keys: Vec<RsaPublicKey>,
}

/// One key under its ID.
#[derive(Debug, Clone)]
struct Entry {
    /// The ID as given (a certificate's serial as uppercase hex).
    id: String,
    /// For a key from a certificate: its serial's hex digits, uppercase, without leading zeros.
    serial: Option<String>,
    key: RsaPublicKey,
}

impl PublicKeySet {
    /// An empty set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key` under the opaque `id` (compared exactly), replacing and returning a key
    /// already under that ID.
    pub fn insert(&mut self, id: impl Into<String>, key: RsaPublicKey) -> Option<RsaPublicKey> {
        self.put(Entry { id: id.into(), serial: None, key })
    }

    /// Adds a certificate's key under its serial number (uppercase hex, as
    /// [`Certificate::serial_number`] gives it), found by the serial's number in any spelling;
    /// replaces and returns a key already under that serial.
    pub fn insert_certificate(&mut self, certificate: Certificate) -> Option<RsaPublicKey> {
        let id = certificate.serial_number().to_owned();
        let serial = serial_digits(&id);
        self.put(Entry { id, serial, key: certificate.public_key().clone() })
    }

    fn put(&mut self, entry: Entry) -> Option<RsaPublicKey> {
        let keys = Arc::make_mut(&mut self.inner);
        let same = |known: &Entry| match (&known.serial, &entry.serial) {
            (Some(known), Some(new)) => known == new,
            _ => known.id == entry.id,
        };
        match keys.entries.iter_mut().find(|known| same(known)) {
            Some(slot) => Some(std::mem::replace(slot, entry).key),
            None => {
                keys.entries.push(entry);
                None
            }
        }
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
        Arc::make_mut(&mut self.inner).own_keys.push(own_key);
        self
    }

    /// Removes and returns the key `id` names, read as [`get`](Self::get) reads it (end of a
    /// rotation).
    pub fn remove(&mut self, id: &str) -> Option<RsaPublicKey> {
        let index = self.position(id)?;
        Some(Arc::make_mut(&mut self.inner).entries.remove(index).key)
    }

    /// The IDs held, as given, in insertion order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.inner.entries.iter().map(|entry| entry.id.as_str())
    }

    /// The number of keys held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// Whether the set holds no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// Where the key `id` names sits: the exact ID first, then a certificate serial of the
    /// same number.
    fn position(&self, id: &str) -> Option<usize> {
        let entries = &self.inner.entries;
        entries.iter().position(|entry| entry.id == id).or_else(|| {
            let wanted = serial_digits(id)?;
            entries.iter().position(|entry| entry.serial.as_deref() == Some(wanted.as_str()))
        })
    }

    /// The key under `id`: an exact ID, or the serial of a certificate's key in any spelling
    /// (see the type's documentation).
    ///
    /// # Errors
    ///
    /// [`CryptoError::UnknownKeyId`] listing the known IDs, or [`CryptoError::OwnKeyAsPeerKey`]
    /// if the key is one declared with [`forbid_own_key`](Self::forbid_own_key).
    pub fn get(&self, id: &str) -> Result<&RsaPublicKey, CryptoError> {
        let Some(key) = self.position(id).and_then(|i| self.inner.entries.get(i)).map(|e| &e.key)
        else {
            return Err(CryptoError::UnknownKeyId {
                id: id.chars().take(128).collect(),
                known: self.ids().map(str::to_owned).collect(),
            });
        };
        if self.inner.own_keys.iter().any(|own| own.ct_eq(key)) {
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

/// The hex digits of a serial number spelled any of the ways [`PublicKeySet`] documents,
/// uppercase and without leading zeros (`"0"` for zero); `None` if `id` is not such a
/// spelling.
fn serial_digits(id: &str) -> Option<String> {
    let id = id.trim();
    let id = id.strip_prefix("0x").or_else(|| id.strip_prefix("0X")).unwrap_or(id);
    let separator = [':', ' '].into_iter().find(|&sep| id.contains(sep));
    let digits: String = match separator {
        // Two-digit bytes between single separators, as `openssl x509 -text` prints them.
        Some(sep) => {
            let groups: Vec<&str> = id.split(sep).collect();
            if groups.iter().any(|group| group.len() != 2) {
                return None;
            }
            groups.concat()
        }
        None => id.to_owned(),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    Some(if significant.is_empty() { "0".to_owned() } else { significant.to_ascii_uppercase() })
}
