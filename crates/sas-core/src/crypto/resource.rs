//! The `resource` of payment and refund callbacks: AEAD_AES_256_GCM with the APIv3 key, the
//! nonce and associated data as the UTF-8 bytes of their strings, the 16-byte tag appended to
//! the ciphertext, standard Base64. Opening also reads a nonce the other ways real senders use
//! (PROTOCOL.md §3.3, §7.7); sealing sends WeChat's 12-byte form only.

use std::borrow::Cow;

use aes_gcm::aead::AeadInOut as _;
use aes_gcm::aead::array::{Array, ArraySize};
use aes_gcm::aead::consts::{
    U1, U2, U3, U4, U5, U6, U7, U8, U9, U10, U11, U13, U14, U15, U16, U17, U18, U19, U20, U21, U22,
    U23, U24, U25, U26, U27, U28, U29, U30, U31, U32, U33, U34, U35, U36, U37, U38, U39, U40, U41,
    U42, U43, U44, U45, U46, U47, U48, U49, U50, U51, U52, U53, U54, U55, U56, U57, U58, U59, U60,
    U61, U62, U63, U64,
};
use aes_gcm::{AesGcm, Tag};
use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use ring::aead::{Aad, NONCE_LEN, Nonce};

use super::encoding::{decode_base64, decode_hex, encode_base64};
use super::error::{CryptoError, NonceEncoding, NonceReading};
use super::keys::ApiV3Key;

/// The `resource.algorithm` value of an encrypted callback resource.
pub const AEAD_AES_256_GCM: &str = "AEAD_AES_256_GCM";

/// The `resource.nonce` length [`seal_resource`] sends: 12 bytes (12 ASCII characters), GCM's
/// standard 96-bit IV and WeChat Pay's rule. [`open_resource`] reads other lengths too.
pub const GCM_NONCE_LEN: usize = NONCE_LEN;

/// The longest IV [`open_resource`] tries, in bytes (a 64-character nonce read as UTF-8).
const MAX_IV_LEN: usize = 64;

/// The GCM tag length: the last 16 bytes of the decoded ciphertext.
const TAG_LEN: usize = 16;

/// Decrypts a callback `resource`: Base64-decodes `ciphertext` (ciphertext ‖ 16-byte tag) and
/// opens it with the APIv3 key, `nonce` and `associated_data` (may be empty, its UTF-8 bytes).
/// Returns the plaintext, the JSON text of the `original_type` object.
///
/// The nonce is turned into the GCM IV by each of these readings in turn, skipping a reading
/// that does not apply or gives an IV outside 1 to 64 bytes, until one passes the tag check:
///
/// 1. its UTF-8 bytes as they are (WeChat Pay's rule, PROTOCOL.md §3.3; the usual 12-character
///    nonce, and e.g. a 16-character nonce as a 16-byte IV);
/// 2. the bytes it encodes as Base64 (standard or URL-safe alphabet, padding optional): the
///    known SAS sender sends Base64 of 12 random bytes (16 characters) and encrypts with those
///    12 bytes (PROTOCOL.md §7.7);
/// 3. the bytes it encodes as hex (either case).
///
/// Every reading is checked with the full 128-bit tag, so trying up to three adds nothing an
/// attacker can use (a forgery must still match a tag). A 12-byte IV goes through `ring`, other
/// lengths through RustCrypto's `aes-gcm` (NIST SP 800-38D's GHASH-derived counter block).
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
///
/// // A 16-character nonce (Base64 of 12 bytes), sealed with the 12 bytes it encodes:
/// let plaintext = open_resource(
///     &key,
///     "ASNFZ4mrze8QMlR2",
///     "",
///     "Y7AiyFtKsr2HBZT24Vx6d3hX6u0nUS5zb4e75HU+F+MbD02a5Zu9/b1DQOFBYI+HCr7s4zxQvyUG9WqXqHrrmaJE6KsPKtOYadJkJhuhlTE6h5PSog==",
/// )?;
/// assert_eq!(plaintext, br#"{"transaction_id":"4200000000000000001","out_trade_no":"ORDER123456"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CryptoError::UnsupportedNonceLength`] if no reading gives an IV of 1 to 64 bytes (checked
/// before anything else), [`CryptoError::InvalidBase64`],
/// [`CryptoError::InvalidCiphertextLength`] (shorter than the tag), or
/// [`CryptoError::GcmTagMismatch`] listing the readings tried (wrong APIv3 key or tampered
/// data).
pub fn open_resource(
    key: &ApiV3Key,
    nonce: &str,
    associated_data: &str,
    ciphertext: &str,
) -> Result<Vec<u8>, CryptoError> {
    // The readings are made one at a time, as needed: the usual nonce opens on the first.
    let iv_of = |encoding| nonce_reading(nonce, encoding);
    if !READINGS.into_iter().any(|encoding| iv_of(encoding).is_some()) {
        return Err(CryptoError::UnsupportedNonceLength {
            len: nonce.len(),
            expected: "its UTF-8 bytes, or the bytes it encodes in Base64 or hex, must be 1 to \
                       64 bytes when opening",
        });
    }
    let decode = || -> Result<Vec<u8>, CryptoError> {
        let in_out = decode_base64(ciphertext, "resource.ciphertext")?;
        if in_out.len() < TAG_LEN {
            return Err(CryptoError::InvalidCiphertextLength {
                what: "resource.ciphertext",
                len: in_out.len(),
            });
        }
        Ok(in_out)
    };
    let mut in_out = decode()?;
    let aad = associated_data.as_bytes();
    let mut tried = Vec::new();
    for encoding in READINGS {
        let Some(iv) = iv_of(encoding) else { continue };
        if !tried.is_empty() {
            // `ring` zeroes the buffer when the tag fails; start again from the received text.
            in_out = decode()?;
        }
        if let Some(len) = open_in_place(key, &iv, aad, &mut in_out) {
            in_out.truncate(len);
            return Ok(in_out);
        }
        tried.push(NonceReading { encoding, iv_len: iv.len() });
    }
    Err(CryptoError::GcmTagMismatch { tried })
}

/// Encrypts a callback `resource` (the sending side of [`open_resource`]): returns
/// `Base64(ciphertext ‖ tag)`. The caller supplies a fresh nonce of [`GCM_NONCE_LEN`] (12)
/// bytes per message, e.g. 12 random letters and digits; its UTF-8 bytes are the IV, as WeChat
/// Pay documents and every receiver reads first (exact in what we send: other lengths, which
/// only some receivers could read, are refused).
///
/// ```
/// use sas_core::crypto::{ApiV3Key, open_resource, seal_resource};
///
/// let key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?;
/// let ciphertext = seal_resource(&key, "n0nce1234567", "", br#"{"refund_id":"1"}"#)?;
/// assert_eq!(open_resource(&key, "n0nce1234567", "", &ciphertext)?, br#"{"refund_id":"1"}"#);
/// assert!(seal_resource(&key, "ASNFZ4mrze8QMlR2", "", b"{}").is_err());
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
    let nonce = Nonce::try_assume_unique_for_key(nonce.as_bytes()).map_err(|_| {
        CryptoError::UnsupportedNonceLength {
            len: nonce.len(),
            expected: "sealing sends a nonce of exactly 12 bytes (12 ASCII characters)",
        }
    })?;
    let mut in_out = Vec::with_capacity(plaintext.len() + TAG_LEN);
    in_out.extend_from_slice(plaintext);
    key.gcm()
        .seal_in_place_append_tag(nonce, Aad::from(associated_data.as_bytes()), &mut in_out)
        .map_err(|_| CryptoError::OperationFailed { what: "AES-256-GCM sealing" })?;
    Ok(encode_base64(&in_out))
}

/// The readings of a nonce [`open_resource`] tries, in its order.
const READINGS: [NonceEncoding; 3] =
    [NonceEncoding::Utf8, NonceEncoding::Base64, NonceEncoding::Hex];

/// The IV `nonce` gives when read as `encoding`, if that reading applies and gives 1 to
/// [`MAX_IV_LEN`] bytes.
fn nonce_reading(nonce: &str, encoding: NonceEncoding) -> Option<Cow<'_, [u8]>> {
    const PADDING_OPTIONAL: GeneralPurposeConfig =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    const STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, PADDING_OPTIONAL);
    const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, PADDING_OPTIONAL);

    let iv = match encoding {
        NonceEncoding::Utf8 => Cow::Borrowed(nonce.as_bytes()),
        NonceEncoding::Base64 => {
            Cow::Owned(STANDARD.decode(nonce).or_else(|_| URL_SAFE.decode(nonce)).ok()?)
        }
        NonceEncoding::Hex => Cow::Owned(decode_hex(nonce.as_bytes(), "nonce").ok()?),
    };
    (1..=MAX_IV_LEN).contains(&iv.len()).then_some(iv)
}

/// Opens `in_out` (ciphertext ‖ tag) in place with `iv`; the plaintext length, or `None` if the
/// tag does not match.
fn open_in_place(key: &ApiV3Key, iv: &[u8], aad: &[u8], in_out: &mut [u8]) -> Option<usize> {
    if let Ok(nonce) = Nonce::try_assume_unique_for_key(iv) {
        return key.gcm().open_in_place(nonce, Aad::from(aad), in_out).ok().map(|p| p.len());
    }
    let plaintext_len = in_out.len().checked_sub(TAG_LEN)?;
    let (body, tag) = in_out.split_at_mut(plaintext_len);
    let tag = Tag::<U16>::try_from(&*tag).ok()?;
    let aes = key.aes();
    macro_rules! by_length {
        ($($len:literal => $size:ty),* $(,)?) => {
            match iv.len() {
                $($len => open_sized::<$size>(aes, iv, aad, body, &tag),)*
                _ => false,
            }
        };
    }
    let opened = by_length!(
        1 => U1, 2 => U2, 3 => U3, 4 => U4, 5 => U5, 6 => U6, 7 => U7, 8 => U8, 9 => U9,
        10 => U10, 11 => U11, 13 => U13, 14 => U14, 15 => U15, 16 => U16, 17 => U17, 18 => U18,
        19 => U19, 20 => U20, 21 => U21, 22 => U22, 23 => U23, 24 => U24, 25 => U25, 26 => U26,
        27 => U27, 28 => U28, 29 => U29, 30 => U30, 31 => U31, 32 => U32, 33 => U33, 34 => U34,
        35 => U35, 36 => U36, 37 => U37, 38 => U38, 39 => U39, 40 => U40, 41 => U41, 42 => U42,
        43 => U43, 44 => U44, 45 => U45, 46 => U46, 47 => U47, 48 => U48, 49 => U49, 50 => U50,
        51 => U51, 52 => U52, 53 => U53, 54 => U54, 55 => U55, 56 => U56, 57 => U57, 58 => U58,
        59 => U59, 60 => U60, 61 => U61, 62 => U62, 63 => U63, 64 => U64,
    );
    opened.then_some(plaintext_len)
}

/// AES-256-GCM with an IV of `N` bytes (RustCrypto's `aes-gcm`, which decrypts only once the
/// tag matches); whether the tag matched.
fn open_sized<N: ArraySize>(
    aes: &aes::Aes256,
    iv: &[u8],
    aad: &[u8],
    body: &mut [u8],
    tag: &Tag<U16>,
) -> bool {
    let Ok(nonce) = Array::<u8, N>::try_from(iv) else {
        return false;
    };
    AesGcm::<aes::Aes256, N>::from(aes.clone())
        .decrypt_inout_detached(&nonce, aad, body.into(), tag)
        .is_ok()
}
