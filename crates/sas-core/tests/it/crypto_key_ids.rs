//! Key IDs spelled differently: a key that came from a certificate is found by its serial's
//! number (hex of either case, leading zeros or not, `0x`, openssl's colon-separated bytes),
//! while opaque IDs such as `PUB_KEY_ID_…` match exactly.

use sas_core::crypto::{
    CallbackSignature, Certificate, CryptoError, PublicKeySet, callback_signature,
};

use crate::crypto_support::{key_file, private_key, public_key};

/// The serial of `platform-2048-zero-nibble.crt`, as `openssl x509 -serial` prints it.
const SERIAL: &str = "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567";

fn set() -> PublicKeySet {
    let cert = Certificate::from_pem(&key_file("platform-2048-zero-nibble.crt")).unwrap();
    assert_eq!(cert.serial_number(), SERIAL);
    PublicKeySet::new()
        .with_certificate(cert)
        .with_key("PUB_KEY_ID_0114232134912410000000000000", public_key("platform-3072.pub"))
}

#[test]
fn a_certificate_key_is_found_by_its_serial_in_any_spelling() {
    let keys = set();
    let expected = public_key("platform-2048.pub");
    for spelling in [
        SERIAL,
        "A1B2C3D4E5F60718293A4B5C6D7E8F901234567", // Java BigInteger.toString(16), upper-cased
        "a1b2c3d4e5f60718293a4b5c6d7e8f901234567", // Java BigInteger.toString(16)
        "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
        "000A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
        "0x0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
        "0XA1B2C3D4E5F60718293A4B5C6D7E8F901234567",
        "0a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:01:23:45:67", // openssl x509 -text
        "0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:01:23:45:67",
        " 0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 ",
    ] {
        assert_eq!(keys.get(spelling).unwrap(), &expected, "{spelling:?}");
    }
}

#[test]
fn a_callback_signed_under_a_java_spelled_serial_verifies() {
    let keys = set();
    let body = br#"{"id":"EV-1"}"#;
    let (timestamp, nonce) = ("1735293931", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
    let signature =
        callback_signature(&private_key("platform-2048.pem"), timestamp, nonce, body).unwrap();
    let received = CallbackSignature {
        serial: "A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
        timestamp,
        nonce,
        signature: &signature,
    };
    keys.verify_callback(&received, body).unwrap();
}

#[test]
fn other_numbers_and_malformed_spellings_stay_unknown() {
    let keys = set();
    for spelling in [
        "0A1B2C3D4E5F60718293A4B5C6D7E8F90123456", // one digit short: another number
        "0A1B2C3D4E5F60718293A4B5C6D7E8F9012345670",
        "0x",
        "",
        "0A1B2C3D4E5F60718293A4B5C6D7E8F90123456G",
        "0a:1b:2c3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:01:23:45:67", // ragged groups
        "0a::1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:01:23:45:67",
        "-0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
    ] {
        let error = keys.get(spelling).unwrap_err();
        let CryptoError::UnknownKeyId { known, .. } = &error else {
            panic!("{spelling:?}: {error:?}");
        };
        // The error still lists the IDs the set holds, as they were given.
        assert_eq!(known, &[SERIAL, "PUB_KEY_ID_0114232134912410000000000000"]);
    }
}

#[test]
fn opaque_ids_match_exactly() {
    let keys = set();
    assert!(keys.get("PUB_KEY_ID_0114232134912410000000000000").is_ok());
    for spelling in [
        "pub_key_id_0114232134912410000000000000",
        "PUB_KEY_ID_114232134912410000000000000",
        " PUB_KEY_ID_0114232134912410000000000000",
    ] {
        assert!(matches!(keys.get(spelling), Err(CryptoError::UnknownKeyId { .. })), "{spelling}");
    }
    // A hex-looking ID given with `with_key` is opaque too: it did not come from a certificate.
    let keys = PublicKeySet::new().with_key("0A1B", public_key("platform-2048.pub"));
    assert!(keys.get("0A1B").is_ok());
    assert!(matches!(keys.get("A1B"), Err(CryptoError::UnknownKeyId { .. })));
}

#[test]
fn removal_and_replacement_use_the_same_reading() {
    let mut keys = set();
    let cert = Certificate::from_pem(&key_file("platform-2048-zero-nibble.crt")).unwrap();
    // Re-adding the same certificate replaces, it does not add a second entry.
    assert!(keys.insert_certificate(cert).is_some());
    assert_eq!(keys.len(), 2);
    assert!(keys.remove("a1b2c3d4e5f60718293a4b5c6d7e8f901234567").is_some());
    assert_eq!(keys.len(), 1);
    assert!(matches!(keys.get(SERIAL), Err(CryptoError::UnknownKeyId { .. })));
}

/// A serial with its top bit set (DER: `00 8A 1B …`): every tool's spelling of it, with or
/// without the sign byte, finds the key.
#[test]
fn a_serial_with_its_top_bit_set_is_found_in_every_spelling() {
    let cert = Certificate::from_pem(&key_file("platform-2048-top-bit.crt")).unwrap();
    assert_eq!(cert.serial_number(), "8A1B2C3D4E5F60718293A4B5C6D7E8F901234567");
    let keys = PublicKeySet::new().with_certificate(cert);
    let expected = public_key("platform-2048.pub");
    for spelling in [
        "8A1B2C3D4E5F60718293A4B5C6D7E8F901234567", // openssl x509 -serial
        "8a1b2c3d4e5f60718293a4b5c6d7e8f901234567", // Java BigInteger.toString(16), pyca
        "008A1B2C3D4E5F60718293A4B5C6D7E8F901234567", // the DER bytes in hex
        "00:8a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:01:23:45:67", // OpenSSL 1.x -text
        "8a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9:01:23:45:67", // OpenSSL 3 -text
        "8a 1b 2c 3d 4e 5f 60 71 82 93 a4 b5 c6 d7 e8 f9 01 23 45 67", // Windows certmgr
        "0x8a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
    ] {
        assert_eq!(keys.get(spelling).unwrap(), &expected, "{spelling:?}");
    }
    for other in
        ["0A1B2C3D4E5F60718293A4B5C6D7E8F901234567", "-8A1B2C3D4E5F60718293A4B5C6D7E8F901234567"]
    {
        assert!(matches!(keys.get(other), Err(CryptoError::UnknownKeyId { .. })), "{other}");
    }
}
