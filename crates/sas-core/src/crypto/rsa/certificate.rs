//! X.509 certificates (PEM or DER), read with RustCrypto's `x509-cert` for their serial number,
//! validity and RSA public key.

use x509_cert::der::Decode as _;

use super::keys::RsaPublicKey;
use super::pem::{block, label_hint};
use crate::crypto::encoding::encode_hex_upper;
use crate::crypto::error::KeyError;
use crate::time::UnixTime;

/// An X.509 certificate's serial, validity and RSA public key: the superapp payment platform's
/// certificate, or a merchant API certificate.
///
/// The signature chain is not checked: certificates come from configuration, not from the
/// peer, and SAS addresses them by serial.
///
/// ```
/// # let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/platform-2048.crt"))?;
/// use sas_core::crypto::{Certificate, PublicKeySet};
///
/// let cert = Certificate::from_pem(&pem)?;
/// assert_eq!(cert.serial_number(), "5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11");
/// let keys = PublicKeySet::new().with_certificate(cert);
/// assert!(keys.get("5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11").is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    serial: String,
    not_before: UnixTime,
    not_after: UnixTime,
    public_key: RsaPublicKey,
}

impl Certificate {
    /// Loads the first `CERTIFICATE` PEM block of `pem` (of a chain, the leaf; other blocks,
    /// such as the private key of a combined file, are skipped).
    ///
    /// # Errors
    ///
    /// [`KeyError::UnexpectedPemLabel`] (e.g. a key), [`KeyError::MalformedPem`],
    /// [`KeyError::MalformedDer`], [`KeyError::UnsupportedAlgorithm`] (not RSA) or
    /// [`KeyError::UnsupportedKeySize`].
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let block = block(pem, &["CERTIFICATE"])?;
        if block.label != "CERTIFICATE" {
            return Err(KeyError::UnexpectedPemLabel {
                expected: "a certificate (CERTIFICATE)",
                hint: label_hint(&block.label, false),
                found: block.label,
            });
        }
        Self::from_der(&block.der)
    }

    /// Loads a DER certificate.
    ///
    /// # Errors
    ///
    /// As [`from_pem`](Self::from_pem), without the PEM cases.
    pub fn from_der(der: &[u8]) -> Result<Self, KeyError> {
        let cert = x509_cert::Certificate::from_der(der).map_err(|e| KeyError::MalformedDer {
            what: "X.509 certificate",
            reason: e.to_string(),
        })?;
        let tbs = cert.tbs_certificate();
        let spki = tbs.subject_public_key_info();
        let public_key =
            RsaPublicKey::from_spki_parts(&spki.algorithm.oid, spki.subject_public_key.as_bytes())?;
        let validity = tbs.validity();
        Ok(Self {
            serial: serial_hex(tbs.serial_number().as_bytes()),
            not_before: unix_time(validity.not_before.to_unix_duration()),
            not_after: unix_time(validity.not_after.to_unix_duration()),
            public_key,
        })
    }

    /// The serial number as uppercase hex, leading zero bytes dropped — the form
    /// `openssl x509 -serial` prints and SAS sends in `TC-Callback-Serial` / `serial_no`.
    #[must_use]
    pub fn serial_number(&self) -> &str {
        &self.serial
    }

    /// Start of the validity period.
    #[must_use]
    pub fn not_before(&self) -> UnixTime {
        self.not_before
    }

    /// End of the validity period. sas-core has no clock; compare it with your `now` to plan a
    /// rotation.
    #[must_use]
    pub fn not_after(&self) -> UnixTime {
        self.not_after
    }

    /// The certificate's RSA public key.
    #[must_use]
    pub fn public_key(&self) -> &RsaPublicKey {
        &self.public_key
    }
}

/// Uppercase hex of a big-endian integer without its leading zero bytes (`0` for zero).
fn serial_hex(bytes: &[u8]) -> String {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len().saturating_sub(1));
    let significant = bytes.get(start..).unwrap_or_default();
    if significant.is_empty() { "0".to_owned() } else { encode_hex_upper(significant) }
}

fn unix_time(since_epoch: std::time::Duration) -> UnixTime {
    UnixTime::from_millis(u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX))
}
