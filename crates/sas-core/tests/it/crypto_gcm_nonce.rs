//! `resource.nonce` values that are not 12 UTF-8 bytes: the 16-character Base64 nonce of the
//! known SAS sender, read either as its 16 ASCII bytes or as the 12 bytes it encodes, and the
//! other lengths and encodings a sender may use (PROTOCOL.md §3.3, §7.7). Vectors from
//! `tests/vectors/generate.py` (Python `cryptography`).

use sas_core::crypto::{
    ApiV3Key, CryptoError, GCM_NONCE_LEN, NonceEncoding, NonceReading, open_resource, seal_resource,
};
use serde::Deserialize;

use crate::crypto_support::{b64_decode, b64_encode, cases, flip_bit};

const KEY: &str = "0123456789ABCDEFabcdefghij012345";
const NONCE: &str = "ASNFZ4mrze8QMlR2";
const PLAINTEXT: &[u8] =
    br#"{"transaction_id":"4200000000000000001","out_trade_no":"ORDER123456"}"#;
/// Sealed with the nonce's 16 ASCII bytes as the IV.
const SEALED_UTF8_IV: &str = "j+TMmcy/xtcA8jxCXhCaA0SaZAeloBr2qcSl8odRgsQ4AgZzB8DrgOgXziSRuKLcmRHtD7Nq3Lo83NP/DOhhgQuW5hv5MhqsmWJ0LHihtoMBW5RuIg==";
/// Sealed with the nonce's Base64 decoding (12 bytes) as the IV.
const SEALED_DECODED_IV: &str = "Y7AiyFtKsr2HBZT24Vx6d3hX6u0nUS5zb4e75HU+F+MbD02a5Zu9/b1DQOFBYI+HCr7s4zxQvyUG9WqXqHrrmaJE6KsPKtOYadJkJhuhlTE6h5PSog==";

fn reading(encoding: NonceEncoding, iv_len: usize) -> NonceReading {
    NonceReading { encoding, iv_len }
}

#[test]
fn a_16_character_nonce_opens_as_16_bytes_or_as_the_12_it_encodes() {
    let key = ApiV3Key::new(KEY).unwrap();
    assert_eq!(open_resource(&key, NONCE, "", SEALED_UTF8_IV).unwrap(), PLAINTEXT);
    assert_eq!(open_resource(&key, NONCE, "", SEALED_DECODED_IV).unwrap(), PLAINTEXT);
}

#[test]
fn every_reading_fails_with_a_list_of_what_was_tried() {
    let key = ApiV3Key::new(KEY).unwrap();
    let sealed = b64_decode(SEALED_DECODED_IV);
    let expected = vec![reading(NonceEncoding::Utf8, 16), reading(NonceEncoding::Base64, 12)];
    for bit in 0..sealed.len() * 8 {
        let flipped = b64_encode(&flip_bit(&sealed, bit));
        assert_eq!(
            open_resource(&key, NONCE, "", &flipped),
            Err(CryptoError::GcmTagMismatch { tried: expected.clone() })
        );
    }
    let wrong = ApiV3Key::new("0123456789ABCDEFabcdefghij012346").unwrap();
    let error = open_resource(&wrong, NONCE, "", SEALED_UTF8_IV).unwrap_err();
    let message = error.to_string();
    for part in ["16 UTF-8 bytes", "Base64 decoding (12 bytes)", "wrong APIv3 key or tampered"] {
        assert!(message.contains(part), "{message}");
    }
    // The associated data still counts, whatever the nonce reading.
    assert!(matches!(
        open_resource(&key, NONCE, "x", SEALED_UTF8_IV),
        Err(CryptoError::GcmTagMismatch { .. })
    ));
    // A 12-character nonce that is also Base64 (of 9 bytes) gets both readings.
    let error = open_resource(&key, "n0nce1234567", "", SEALED_UTF8_IV).unwrap_err();
    assert_eq!(
        error,
        CryptoError::GcmTagMismatch {
            tried: vec![reading(NonceEncoding::Utf8, 12), reading(NonceEncoding::Base64, 9)]
        }
    );
    // Hex that is also Base64: three readings, in the documented order.
    let error = open_resource(&key, "0123456789abcdef", "", SEALED_UTF8_IV).unwrap_err();
    assert_eq!(
        error,
        CryptoError::GcmTagMismatch {
            tried: vec![
                reading(NonceEncoding::Utf8, 16),
                reading(NonceEncoding::Base64, 12),
                reading(NonceEncoding::Hex, 8),
            ]
        }
    );
}

#[test]
fn a_nonce_no_reading_can_use_is_refused_before_decrypting() {
    let key = ApiV3Key::new(KEY).unwrap();
    for nonce in [String::new(), "x".repeat(65), "中".repeat(30)] {
        assert!(
            matches!(
                open_resource(&key, &nonce, "", SEALED_UTF8_IV),
                Err(CryptoError::UnsupportedNonceLength { len, .. }) if len == nonce.len()
            ),
            "{nonce}"
        );
    }
}

#[test]
fn sealing_sends_a_12_byte_nonce_only() {
    let key = ApiV3Key::new(KEY).unwrap();
    assert_eq!(GCM_NONCE_LEN, 12);
    for nonce in ["", "12345678901", "1234567890123", NONCE, "0123456789abcdef", "中文abcde"] {
        let error = seal_resource(&key, nonce, "", PLAINTEXT).unwrap_err();
        assert!(
            matches!(error, CryptoError::UnsupportedNonceLength { len, .. } if len == nonce.len()),
            "{nonce}: {error:?}"
        );
        assert!(error.to_string().contains("12"), "{error}");
    }
    let sealed = seal_resource(&key, "n0nce1234567", "", PLAINTEXT).unwrap();
    assert_eq!(open_resource(&key, "n0nce1234567", "", &sealed).unwrap(), PLAINTEXT);
}

#[derive(Deserialize)]
struct ReadingCase {
    key: String,
    nonce: String,
    iv: String,
    iv_hex: String,
    associated_data: String,
    plaintext: String,
    ciphertext: String,
}

#[test]
fn vectors_of_every_reading_open() {
    let cases = cases::<ReadingCase>("resource_gcm_nonce_readings.json");
    assert!(cases.len() >= 50);
    for case in &cases {
        assert!(["utf8", "base64", "hex"].contains(&case.iv.as_str()));
        let key = ApiV3Key::new(&case.key).unwrap();
        let opened = open_resource(&key, &case.nonce, &case.associated_data, &case.ciphertext);
        assert_eq!(opened.unwrap(), case.plaintext.as_bytes(), "{} ({})", case.nonce, case.iv);
        // Tampering is still caught, and the error names the reading the sender used.
        let sealed = b64_decode(&case.ciphertext);
        let flipped = b64_encode(&flip_bit(&sealed, case.plaintext.len() * 3 + 5));
        let Err(CryptoError::GcmTagMismatch { tried }) =
            open_resource(&key, &case.nonce, &case.associated_data, &flipped)
        else {
            panic!("{}: tampering not caught", case.nonce);
        };
        let used = match case.iv.as_str() {
            "utf8" => NonceEncoding::Utf8,
            "base64" => NonceEncoding::Base64,
            _ => NonceEncoding::Hex,
        };
        assert!(tried.contains(&reading(used, case.iv_hex.len() / 2)), "{}: {tried:?}", case.nonce);
    }
}

/// Nonces of 12 UTF-8 bytes that are neither alphanumeric nor ASCII open as their bytes, with
/// associated data, both ways; sealed by Python `cryptography`:
/// `AESGCM(KEY).encrypt(nonce.encode(), PLAINTEXT, b"transaction")`.
#[test]
fn twelve_byte_nonces_of_any_characters_open_as_their_utf8_bytes() {
    let key = ApiV3Key::new(KEY).unwrap();
    for (nonce, sealed) in [
        (
            "né123456789",
            "J+a2RoTuMzagMe6DZjbThx+a2OjMc1IqLlT9BJGEJFCSmehHLtFIRvj6HXOdHmqItHBNed3s1txUj3CH5IeGbHtDpNYfRVDSx/3gAqpFMUBbYlMMXg==",
        ),
        (
            "!@#$%^&*()_+",
            "htSWbJh15SukbL34GOe994aYr8jCn92ZyWgeMKQ2D090+zeAEpQsSH/1mjkEOleS1M4Fag8dc7WUTPeOYZmkWpVnuSNFm5VnL+GUHkFx+r2rOg3LZA==",
        ),
        (
            "中文中文",
            "UopdoHPJkLjh6ReAxo3BgsTjuF3ZRyZIcKEDCKbsh0r7mHJZeBbd2EnFmDnD7ZSANwzCGGpHyTIjpmlXJ70ILeGsZf7o05Q1SeFGsj5xsCFSFTgMeg==",
        ),
    ] {
        assert_eq!(nonce.len(), GCM_NONCE_LEN);
        assert_eq!(
            open_resource(&key, nonce, "transaction", sealed).unwrap(),
            PLAINTEXT,
            "{nonce}"
        );
        assert_eq!(
            seal_resource(&key, nonce, "transaction", PLAINTEXT).unwrap(),
            sealed,
            "{nonce}"
        );
        // The associated data is authenticated: another one fails, naming the reading tried.
        assert!(matches!(
            open_resource(&key, nonce, "", sealed),
            Err(CryptoError::GcmTagMismatch { .. })
        ));
    }
}
