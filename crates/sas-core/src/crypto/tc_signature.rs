//! `TC-Signature` (AES of the `TC-Timestamp` with the SecretKey, lowercase hex) and the same
//! cipher for the encrypted `TC-OpenId` / `TC-MiniAppID` header values.

use subtle::{Choice, ConstantTimeEq};

use super::block_modes::{cbc_block, ecb_block, ecb_decrypt, with_cbc, with_ecb};
use super::encoding::{decode_hex, decode_hex_block, encode_hex, with_hex};
use super::error::{CryptoError, SignatureKind};
use super::freshness::FreshnessWindow;
use super::keys::SecretKey;
use crate::time::UnixTime;

/// `TC-Signature` for a `TC-Timestamp` value: `hex(AES-ECB(SecretKey, PKCS#7(timestamp)))`,
/// lowercase. The timestamp is signed exactly as given (13 digits for milliseconds, 10 for
/// seconds).
///
/// ```
/// use sas_core::crypto::{SecretKey, tc_signature};
///
/// let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// assert_eq!(tc_signature(&key, "1735293931220"), "f7b363addca8eb529f2abd2a9db903be");
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[must_use]
pub fn tc_signature(key: &SecretKey, timestamp: &str) -> String {
    encrypt_header_value(key, timestamp)
}

/// The legacy CBC variant of `TC-Signature` (IV = the SecretKey's first 16 bytes), documented
/// in an older vendor page. Prefer [`tc_signature`]; this exists to interoperate with peers
/// that still send it.
///
/// ```
/// use sas_core::crypto::{SecretKey, tc_signature_legacy_cbc};
///
/// let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// assert_eq!(tc_signature_legacy_cbc(&key, "1735293931220"), "3d6de4b5e476d44ea86073d39f421f9e");
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[must_use]
pub fn tc_signature_legacy_cbc(key: &SecretKey, timestamp: &str) -> String {
    match cbc_block(key.aes(), timestamp.as_bytes()) {
        Some(block) => encode_hex(&block),
        None => with_cbc(key.aes(), timestamp.as_bytes(), encode_hex),
    }
}

/// Checks a received `TC-Signature` (hex of either case) against the received `TC-Timestamp`,
/// in constant time, current ECB rule only and without a freshness check. See
/// [`TcSignatureVerifier`] for the freshness window and the legacy CBC variant.
///
/// # Errors
///
/// [`CryptoError::InvalidHex`] if `signature` is not hex, [`CryptoError::SignatureMismatch`]
/// if it does not match.
pub fn verify_tc_signature(
    key: &SecretKey,
    timestamp: &str,
    signature: &str,
) -> Result<(), CryptoError> {
    check_signature(key, timestamp, signature, false)
}

/// Compares `signature` with the ECB (and, if `legacy_cbc`, the CBC) signature of `timestamp`
/// in constant time.
fn check_signature(
    key: &SecretKey,
    timestamp: &str,
    signature: &str,
    legacy_cbc: bool,
) -> Result<(), CryptoError> {
    const WHAT: &str = "TC-Signature";
    let plaintext = timestamp.as_bytes();
    // The common case, all on the stack: a timestamp shorter than a block, a 16-byte signature.
    if let (Some(expected), Some(received)) =
        (ecb_block(key.aes(), plaintext), decode_hex_block(signature.as_bytes(), WHAT)?)
    {
        let received = u128::from_ne_bytes(received);
        let mut matches = u128::from_ne_bytes(expected).ct_eq(&received);
        if legacy_cbc && let Some(legacy) = cbc_block(key.aes(), plaintext) {
            matches |= u128::from_ne_bytes(legacy).ct_eq(&received);
        }
        return mismatch_unless(matches);
    }
    let matches = with_hex(signature.as_bytes(), WHAT, |received| {
        let mut matches = with_ecb(key.aes(), plaintext, |expected| ct_eq(expected, received));
        if legacy_cbc {
            matches |= with_cbc(key.aes(), plaintext, |expected| ct_eq(expected, received));
        }
        matches
    })?;
    mismatch_unless(matches)
}

/// `Ok` if the signature matched.
fn mismatch_unless(matches: Choice) -> Result<(), CryptoError> {
    if bool::from(matches) {
        Ok(())
    } else {
        Err(CryptoError::SignatureMismatch { kind: SignatureKind::TcSignature })
    }
}

/// Whether `a` and `b` are equal, in time that depends on their lengths only: 16 bytes at a
/// time as `u128`, the rest byte by byte.
fn ct_eq(a: &[u8], b: &[u8]) -> Choice {
    if a.len() != b.len() {
        return Choice::from(0);
    }
    let (a_blocks, a_rest) = a.as_chunks::<16>();
    let (b_blocks, b_rest) = b.as_chunks::<16>();
    let mut equal = a_rest.ct_eq(b_rest);
    for (x, y) in a_blocks.iter().zip(b_blocks) {
        equal &= u128::from_ne_bytes(*x).ct_eq(&u128::from_ne_bytes(*y));
    }
    equal
}

/// Verifies `TC-Signature` together with the freshness of its `TC-Timestamp`.
///
/// The timestamp must be 10 digits (seconds) or 13 (milliseconds) and lie within the window
/// (default 300 s) around `now`. The legacy CBC variant is refused unless
/// [`accept_legacy_cbc`](Self::accept_legacy_cbc) turns it on. `TC-Signature` covers only the
/// timestamp, so it can be replayed within the window.
///
/// ```
/// use sas_core::crypto::{CryptoError, SecretKey, TcSignatureVerifier, tc_signature};
/// use sas_core::time::UnixTime;
///
/// let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// let now = UnixTime::from_millis(1_735_293_935_000);
/// let verifier = TcSignatureVerifier::new();
///
/// let signature = tc_signature(&key, "1735293931220");
/// assert_eq!(verifier.verify(&key, "1735293931220", &signature, now)?.as_millis(), 1_735_293_931_220);
///
/// let legacy = "3d6de4b5e476d44ea86073d39f421f9e";
/// assert!(matches!(
///     verifier.verify(&key, "1735293931220", legacy, now),
///     Err(CryptoError::SignatureMismatch { .. })
/// ));
/// assert!(verifier.accept_legacy_cbc(true).verify(&key, "1735293931220", legacy, now).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TcSignatureVerifier {
    window: FreshnessWindow,
    legacy_cbc: bool,
}

impl TcSignatureVerifier {
    /// ECB only, 300-second window.
    #[must_use]
    pub const fn new() -> Self {
        Self { window: FreshnessWindow::DEFAULT, legacy_cbc: false }
    }

    /// Uses another freshness window.
    #[must_use]
    pub const fn with_window(self, window: FreshnessWindow) -> Self {
        Self { window, ..self }
    }

    /// Also accepts the legacy CBC variant (IV = the SecretKey's first 16 bytes). Off by
    /// default.
    #[must_use]
    pub const fn accept_legacy_cbc(self, accept: bool) -> Self {
        Self { legacy_cbc: accept, ..self }
    }

    /// Checks the timestamp's format, then the signature, then the freshness; returns the
    /// parsed timestamp.
    ///
    /// # Errors
    ///
    /// [`CryptoError::MalformedTimestamp`], [`CryptoError::InvalidHex`],
    /// [`CryptoError::SignatureMismatch`] or [`CryptoError::StaleTimestamp`], in that order of
    /// checking.
    pub fn verify(
        &self,
        key: &SecretKey,
        timestamp: &str,
        signature: &str,
        now: UnixTime,
    ) -> Result<UnixTime, CryptoError> {
        let (time, _) = UnixTime::parse_timestamp(timestamp)?;
        check_signature(key, timestamp, signature, self.legacy_cbc)?;
        self.window.check_time(time, now)?;
        Ok(time)
    }
}

/// Encrypts a header value the way SAS sends `TC-OpenId` and `TC-MiniAppID`:
/// lowercase `hex(AES-ECB(SecretKey, PKCS#7(UTF-8(value))))`.
///
/// ```
/// use sas_core::crypto::{SecretKey, decrypt_header_value, encrypt_header_value};
///
/// let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// let header = encrypt_header_value(&key, "mpvc3tdaldpq7zpu");
/// assert_eq!(header.len(), 64); // 16 bytes + a full padding block
/// assert_eq!(decrypt_header_value(&key, &header)?, "mpvc3tdaldpq7zpu");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn encrypt_header_value(key: &SecretKey, value: &str) -> String {
    match ecb_block(key.aes(), value.as_bytes()) {
        Some(block) => encode_hex(&block),
        None => with_ecb(key.aes(), value.as_bytes(), encode_hex),
    }
}

/// Decrypts an encrypted `TC-OpenId` / `TC-MiniAppID` value (hex of either case) back to its
/// text.
///
/// # Errors
///
/// [`CryptoError::InvalidHex`], [`CryptoError::InvalidCiphertextLength`] (not whole AES
/// blocks), [`CryptoError::BadPadding`] (wrong SecretKey or tampered value) or
/// [`CryptoError::NotUtf8`].
pub fn decrypt_header_value(key: &SecretKey, value: &str) -> Result<String, CryptoError> {
    decrypt_header_bytes(key, value.as_bytes())
}

/// [`decrypt_header_value`] of a header's bytes as received: hex is ASCII, so they need no
/// UTF-8 check of their own.
pub(crate) fn decrypt_header_bytes(key: &SecretKey, value: &[u8]) -> Result<String, CryptoError> {
    const WHAT: &str = "encrypted header value";
    let plaintext = ecb_decrypt(key.aes(), decode_hex(value, WHAT)?, WHAT)?;
    String::from_utf8(plaintext).map_err(|_| CryptoError::NotUtf8 { what: WHAT })
}
