//! RSA keys: [`RsaPrivateKey`] (PKCS#1 or PKCS#8 PEM, signs with `ring`) and [`RsaPublicKey`]
//! (SPKI or PKCS#1 PEM, or the key inside an X.509 certificate; verifies with `ring`).

use std::fmt;
use std::sync::Arc;

use pkcs1::der::asn1::UintRef;
use ring::rand::SystemRandom;
use ring::signature::{self, KeyPair as _, RsaKeyPair, UnparsedPublicKey};
use subtle::ConstantTimeEq as _;
use x509_cert::der::Decode as _;
use x509_cert::spki::SubjectPublicKeyInfoRef;

use super::certificate::Certificate;
use super::pem::{block, label_hint};
use crate::crypto::encoding::{decode_base64, encode_base64};
use crate::crypto::error::{CryptoError, KeyError, SignatureKind};

/// PEM label of a PKCS#8 private key.
const PKCS8_PRIVATE: &str = "PRIVATE KEY";
/// PEM label of a PKCS#1 private key.
const PKCS1_PRIVATE: &str = "RSA PRIVATE KEY";
/// PEM label of an SPKI public key.
const SPKI_PUBLIC: &str = "PUBLIC KEY";
/// PEM label of a PKCS#1 public key.
const PKCS1_PUBLIC: &str = "RSA PUBLIC KEY";
/// PEM label of an X.509 certificate.
const CERTIFICATE: &str = "CERTIFICATE";
/// `id-ecPublicKey`, the algorithm of EC keys.
const EC_OID: &str = "1.2.840.10045.2.1";

/// An RSA private key that signs with RSASSA-PKCS1-v1_5 / SHA-256: the merchant's API key
/// (`Authorization`, `paySign`) or the superapp payment platform's key (callback signatures).
///
/// Prints as `<redacted>`. Cloning shares the parsed key (an `Arc`): no key material is
/// copied and nothing is parsed again.
///
/// ```
/// # let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/merchant-2048-pkcs1.pem"))?;
/// use sas_core::crypto::RsaPrivateKey;
///
/// let key = RsaPrivateKey::from_pem(&pem)?; // `BEGIN PRIVATE KEY` or `BEGIN RSA PRIVATE KEY`
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// let signature = key.sign_base64(b"message")?;
/// key.public_key().verify_base64(b"message", &signature, sas_core::crypto::SignatureKind::PaySign)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct RsaPrivateKey {
    key_pair: Arc<RsaKeyPair>,
}

impl fmt::Debug for RsaPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl RsaPrivateKey {
    /// Loads the first PEM block of `pem` that holds a private key: `PRIVATE KEY` (PKCS#8) or
    /// `RSA PRIVATE KEY` (PKCS#1), unencrypted; other blocks (a certificate next to the key)
    /// are skipped.
    ///
    /// # Errors
    ///
    /// [`KeyError::EncryptedPrivateKey`], [`KeyError::UnexpectedPemLabel`] (e.g. a certificate
    /// or public key), [`KeyError::MalformedPem`] or [`KeyError::Rejected`].
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let labels = [PKCS8_PRIVATE, PKCS1_PRIVATE, "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"];
        let block = block(pem, &labels)?;
        match block.label.as_str() {
            PKCS8_PRIVATE => Self::from_pkcs8_der(&block.der),
            PKCS1_PRIVATE => Self::from_pkcs1_der(&block.der),
            "EC PRIVATE KEY" => Err(KeyError::UnsupportedAlgorithm { oid: EC_OID.to_owned() }),
            _ => Err(KeyError::UnexpectedPemLabel {
                expected: "an RSA private key (PRIVATE KEY or RSA PRIVATE KEY)",
                hint: label_hint(&block.label, true),
                found: block.label,
            }),
        }
    }

    /// Loads a DER `PrivateKeyInfo` (PKCS#8) holding an RSA key.
    ///
    /// # Errors
    ///
    /// [`KeyError::UnsupportedAlgorithm`] (e.g. an EC key), [`KeyError::UnsupportedKeySize`]
    /// (under 2048 or over 8192 bits), or [`KeyError::Rejected`] if `ring` refuses it.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self, KeyError> {
        // Name the two common mistakes before `ring` answers `WrongAlgorithm` or `TooSmall`.
        if let Ok(info) = pkcs8::PrivateKeyInfoRef::from_der(der) {
            if info.algorithm.oid != pkcs1::ALGORITHM_OID {
                return Err(KeyError::UnsupportedAlgorithm { oid: info.algorithm.oid.to_string() });
            }
            check_private_size(info.private_key.as_bytes())?;
        }
        let key_pair = RsaKeyPair::from_pkcs8(der)
            .map_err(|e| KeyError::Rejected { reason: e.to_string() })?;
        Ok(Self { key_pair: Arc::new(key_pair) })
    }

    /// Loads a DER `RSAPrivateKey` (PKCS#1).
    ///
    /// # Errors
    ///
    /// [`KeyError::UnsupportedKeySize`] (under 2048 or over 8192 bits), or
    /// [`KeyError::Rejected`] if `ring` refuses it (malformed).
    pub fn from_pkcs1_der(der: &[u8]) -> Result<Self, KeyError> {
        check_private_size(der)?;
        let key_pair =
            RsaKeyPair::from_der(der).map_err(|e| KeyError::Rejected { reason: e.to_string() })?;
        Ok(Self { key_pair: Arc::new(key_pair) })
    }

    /// The matching public key.
    #[must_use]
    pub fn public_key(&self) -> RsaPublicKey {
        RsaPublicKey::new(self.key_pair.public_key().as_ref().to_vec())
    }

    /// Signs `message` with RSASSA-PKCS1-v1_5 / SHA-256 and returns the raw signature.
    /// PKCS#1 v1.5 is deterministic: the same key and message always give the same bytes.
    ///
    /// # Errors
    ///
    /// [`CryptoError::OperationFailed`] if `ring` refuses (not expected with a loaded key).
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let mut signature = vec![0; self.key_pair.public().modulus_len()];
        // `ring` takes a random source for padding schemes that need one; PKCS#1 v1.5 draws
        // nothing from it.
        self.key_pair
            .sign(&signature::RSA_PKCS1_SHA256, &SystemRandom::new(), message, &mut signature)
            .map_err(|_| CryptoError::OperationFailed { what: "RSA signing" })?;
        Ok(signature)
    }

    /// [`sign`](Self::sign), Base64-encoded (standard alphabet, padded) as every SAS header and
    /// field carries it.
    ///
    /// # Errors
    ///
    /// As [`sign`](Self::sign).
    pub fn sign_base64(&self, message: &[u8]) -> Result<String, CryptoError> {
        self.sign(message).map(|s| encode_base64(&s))
    }
}

/// An RSA public key (2048 to 8192 bits) that verifies RSASSA-PKCS1-v1_5 / SHA-256.
///
/// Two keys are equal when their moduli and exponents are; that is how a
/// [`PublicKeySet`](super::PublicKeySet) recognises the SDK user's own key. Cloning shares the
/// key (an `Arc`).
#[derive(Clone, PartialEq, Eq)]
pub struct RsaPublicKey {
    /// DER `RSAPublicKey` (PKCS#1), the form `ring` verifies with.
    pkcs1_der: Arc<Vec<u8>>,
}

impl fmt::Debug for RsaPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaPublicKey").field("bits", &self.bits()).finish()
    }
}

impl RsaPublicKey {
    /// Loads the first PEM block of `pem` that holds a public key: `PUBLIC KEY` (SPKI),
    /// `RSA PUBLIC KEY` (PKCS#1) or `CERTIFICATE` (the certificate's key; use [`Certificate`]
    /// to keep its serial too); other blocks are skipped.
    ///
    /// # Errors
    ///
    /// [`KeyError::UnexpectedPemLabel`] (e.g. a private key), [`KeyError::MalformedPem`],
    /// [`KeyError::MalformedDer`], [`KeyError::UnsupportedAlgorithm`] or
    /// [`KeyError::UnsupportedKeySize`].
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let block = block(pem, &[SPKI_PUBLIC, PKCS1_PUBLIC, CERTIFICATE])?;
        match block.label.as_str() {
            SPKI_PUBLIC => Self::from_spki_der(&block.der),
            PKCS1_PUBLIC => Self::from_pkcs1_der(&block.der),
            CERTIFICATE => Ok(Certificate::from_der(&block.der)?.public_key().clone()),
            _ => Err(KeyError::UnexpectedPemLabel {
                expected: "an RSA public key (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE)",
                hint: label_hint(&block.label, false),
                found: block.label,
            }),
        }
    }

    /// Loads a DER `SubjectPublicKeyInfo` holding an RSA key.
    ///
    /// # Errors
    ///
    /// [`KeyError::MalformedDer`], [`KeyError::UnsupportedAlgorithm`] or
    /// [`KeyError::UnsupportedKeySize`].
    pub fn from_spki_der(der: &[u8]) -> Result<Self, KeyError> {
        let spki = SubjectPublicKeyInfoRef::from_der(der).map_err(|e| KeyError::MalformedDer {
            what: "SubjectPublicKeyInfo",
            reason: e.to_string(),
        })?;
        Self::from_spki_parts(&spki.algorithm.oid, spki.subject_public_key.as_bytes())
    }

    /// Builds the key from an SPKI's algorithm and key bits.
    pub(super) fn from_spki_parts(
        oid: &x509_cert::der::oid::ObjectIdentifier,
        key_bits: Option<&[u8]>,
    ) -> Result<Self, KeyError> {
        if *oid != pkcs1::ALGORITHM_OID {
            return Err(KeyError::UnsupportedAlgorithm { oid: oid.to_string() });
        }
        let key = key_bits.ok_or_else(|| KeyError::MalformedDer {
            what: "SubjectPublicKeyInfo",
            reason: "the key BIT STRING has unused bits".to_owned(),
        })?;
        Self::from_pkcs1_der(key)
    }

    /// Loads a DER `RSAPublicKey` (PKCS#1).
    ///
    /// # Errors
    ///
    /// [`KeyError::MalformedDer`] or [`KeyError::UnsupportedKeySize`].
    pub fn from_pkcs1_der(der: &[u8]) -> Result<Self, KeyError> {
        let key = pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(der)
            .map_err(|e| KeyError::MalformedDer { what: "RSAPublicKey", reason: e.to_string() })?;
        let bits = modulus_bits(key.modulus.as_bytes());
        if !(2048..=8192).contains(&bits) {
            return Err(KeyError::UnsupportedKeySize { bits });
        }
        Ok(Self::new(der.to_vec()))
    }

    /// Wraps an already checked DER `RSAPublicKey`.
    fn new(pkcs1_der: Vec<u8>) -> Self {
        Self { pkcs1_der: Arc::new(pkcs1_der) }
    }

    /// The modulus size in bits.
    #[must_use]
    pub fn bits(&self) -> usize {
        pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(&self.pkcs1_der)
            .map_or(0, |key| modulus_bits(key.modulus.as_bytes()))
    }

    /// Verifies a raw RSASSA-PKCS1-v1_5 / SHA-256 `signature` over `message`.
    ///
    /// # Errors
    ///
    /// [`CryptoError::SignatureMismatch`] naming `kind`.
    pub fn verify(
        &self,
        message: &[u8],
        signature: &[u8],
        kind: SignatureKind,
    ) -> Result<(), CryptoError> {
        UnparsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, self.pkcs1_der.as_slice())
            .verify(message, signature)
            .map_err(|_| CryptoError::SignatureMismatch { kind })
    }

    /// Verifies a Base64 `signature` (standard alphabet, padded) over `message`.
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidBase64`] or [`CryptoError::SignatureMismatch`] naming `kind`.
    pub fn verify_base64(
        &self,
        message: &[u8],
        signature: &str,
        kind: SignatureKind,
    ) -> Result<(), CryptoError> {
        let signature = decode_base64(signature, "RSA signature")?;
        self.verify(message, &signature, kind)
    }

    /// Constant-time equality, for telling the SDK user's own key apart from a peer's.
    pub(super) fn ct_eq(&self, other: &Self) -> bool {
        bool::from(self.pkcs1_der.as_slice().ct_eq(other.pkcs1_der.as_slice()))
    }
}

/// Refuses a DER `RSAPrivateKey` whose modulus is outside 2048..=8192 bits; one that does not
/// parse is left for `ring` to judge.
fn check_private_size(pkcs1_der: &[u8]) -> Result<(), KeyError> {
    if let Ok(key) = pkcs1::RsaPrivateKey::<UintRef<'_>>::from_der(pkcs1_der) {
        let bits = modulus_bits(key.modulus.as_bytes());
        if !(2048..=8192).contains(&bits) {
            return Err(KeyError::UnsupportedKeySize { bits });
        }
    }
    Ok(())
}

/// Significant bits of a big-endian unsigned integer.
fn modulus_bits(bytes: &[u8]) -> usize {
    let mut significant = bytes.iter().skip_while(|&&b| b == 0);
    match significant.next() {
        Some(first) => (significant.count() + 1) * 8 - first.leading_zeros() as usize,
        None => 0,
    }
}
