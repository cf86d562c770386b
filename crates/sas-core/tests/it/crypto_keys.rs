//! Key material: lengths, PEM kinds that must load or be refused, certificates, key sets with
//! rotation and own-key detection, and secrets that never print.

use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, CryptoError, KeyError, KeyKind,
    PublicKeySet, RsaPrivateKey, RsaPublicKey, SecretKey, SessionKey, SignatureKind,
};

use crate::crypto_support::{key_file, private_key, public_key};

/// Whether an error is the expected one.
type KeyCheck = fn(&KeyError) -> bool;

#[test]
fn symmetric_key_lengths() {
    for len in 0..=40 {
        let key = "k".repeat(len);
        let secret = SecretKey::new(&key);
        assert_eq!(secret.is_ok(), matches!(len, 16 | 24 | 32), "SecretKey of {len}");
        if let Err(e) = secret {
            assert!(
                matches!(e, KeyError::InvalidLength { kind: KeyKind::SecretKey, len: l, .. } if l == len)
            );
        }
        let api_v3 = ApiV3Key::new(&key);
        assert_eq!(api_v3.is_ok(), len == 32, "APIv3 key of {len}");
        if let Err(e) = api_v3 {
            assert!(matches!(e, KeyError::InvalidLength { kind: KeyKind::ApiV3Key, .. }));
        }
        assert_eq!(AppKey::new(&key).is_ok(), len > 0);
        assert_eq!(SessionKey::new(&key).is_ok(), len > 0);
    }
    assert_eq!(AppKey::new("").unwrap_err(), KeyError::Empty { kind: KeyKind::AppKey });
    assert_eq!(SessionKey::new("").unwrap_err(), KeyError::Empty { kind: KeyKind::SessionKey });
    // Multibyte keys count bytes: 8 × 2-byte characters = 16 bytes.
    assert!(SecretKey::new("éééééééé").is_ok());
}

#[test]
fn secrets_print_redacted() {
    let secret = "S3cr3tK3yS3cr3tK3yS3cr3tK3yXXXXX";
    let debug = [
        format!("{:?}", SecretKey::new(secret).unwrap()),
        format!("{:?}", ApiV3Key::new(secret).unwrap()),
        format!("{:?}", AppKey::new(secret).unwrap()),
        format!("{:?}", SessionKey::new(secret).unwrap()),
        format!("{:?}", private_key("platform-2048.pem")),
    ];
    for printed in debug {
        assert_eq!(printed, "<redacted>");
    }
    let signer = AuthorizationSigner::new(private_key("platform-2048.pem"), "1900009191", "S1");
    let printed = format!("{signer:?}");
    assert!(printed.contains("key: <redacted>"), "{printed}");
    assert!(!printed.contains("MII"), "{printed}");
    // A wrong length names the length, never the key.
    let error = SecretKey::new("S3cr3tK3yS3cr3tK3y!").unwrap_err().to_string();
    assert_eq!(error, "SecretKey must be 16, 24 or 32 bytes long, got 19 bytes");
}

#[test]
fn private_keys_load_from_pkcs1_and_pkcs8() {
    for (file, public) in [
        ("platform-2048.pem", "platform-2048.pub"),
        ("platform-3072.pem", "platform-3072.pub"),
        ("merchant-2048-pkcs1.pem", "merchant-2048-pkcs1.pub"),
        ("wechatpay-test-pkcs1.pem", "wechatpay-test.pub"),
    ] {
        let key = private_key(file);
        assert_eq!(key.public_key(), public_key(public), "{file}");
        let signature = key.sign(b"round trip").unwrap();
        key.public_key().verify(b"round trip", &signature, SignatureKind::PaySign).unwrap();
    }
    // Text around the block and CRLF line endings are accepted.
    let pem = key_file("merchant-2048-pkcs1.pem").replace('\n', "\r\n");
    let decorated =
        format!("Bag Attributes\r\n    friendlyName: test\r\n{pem}\r\ntrailing words\r\n");
    assert_eq!(
        RsaPrivateKey::from_pem(&decorated).unwrap().public_key(),
        public_key("merchant-2048-pkcs1.pub")
    );
}

#[test]
fn refused_private_keys() {
    let cases: [(&str, KeyCheck); 9] = [
        ("encrypted-pkcs8.pem", |e| matches!(e, KeyError::EncryptedPrivateKey)),
        ("encrypted-pkcs1.pem", |e| matches!(e, KeyError::EncryptedPrivateKey)),
        (
            "platform-2048.crt",
            |e| matches!(e, KeyError::UnexpectedPemLabel { found, .. } if found == "CERTIFICATE"),
        ),
        (
            "platform-2048.pub",
            |e| matches!(e, KeyError::UnexpectedPemLabel { found, .. } if found == "PUBLIC KEY"),
        ),
        (
            "merchant-2048-pkcs1.pub",
            |e| matches!(e, KeyError::UnexpectedPemLabel { found, .. } if found == "RSA PUBLIC KEY"),
        ),
        (
            "ec-p256.pem",
            |e| matches!(e, KeyError::UnsupportedAlgorithm { oid } if oid == "1.2.840.10045.2.1"),
        ),
        ("rsa-1024.pem", |e| matches!(e, KeyError::UnsupportedKeySize { bits: 1024 })),
        ("README.md", |e| matches!(e, KeyError::MalformedPem { .. })),
        ("generate-keys.sh", |e| matches!(e, KeyError::MalformedPem { .. })),
    ];
    for (file, expected) in cases {
        let error = RsaPrivateKey::from_pem(&key_file(file)).unwrap_err();
        assert!(expected(&error), "{file}: {error:?}");
    }
    let garbage_der = "-----BEGIN PRIVATE KEY-----\nAAECAwQF\n-----END PRIVATE KEY-----\n";
    assert!(matches!(RsaPrivateKey::from_pem(garbage_der), Err(KeyError::Rejected { .. })));
    let bad_base64 = "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n";
    assert!(matches!(RsaPrivateKey::from_pem(bad_base64), Err(KeyError::MalformedPem { .. })));
    assert!(matches!(RsaPrivateKey::from_pkcs8_der(&[]), Err(KeyError::Rejected { .. })));
    assert!(matches!(RsaPrivateKey::from_pkcs1_der(&[0x30]), Err(KeyError::Rejected { .. })));
}

#[test]
fn refused_public_keys_and_certificates() {
    let public: [(&str, KeyCheck); 6] = [
        (
            "ec-p256.pub",
            |e| matches!(e, KeyError::UnsupportedAlgorithm { oid } if oid == "1.2.840.10045.2.1"),
        ),
        ("ec-p256.crt", |e| matches!(e, KeyError::UnsupportedAlgorithm { .. })),
        ("rsa-1024.pub", |e| matches!(e, KeyError::UnsupportedKeySize { bits: 1024 })),
        (
            "platform-2048.pem",
            |e| matches!(e, KeyError::UnexpectedPemLabel { found, .. } if found == "PRIVATE KEY"),
        ),
        ("merchant-2048-pkcs1.pem", |e| matches!(e, KeyError::UnexpectedPemLabel { .. })),
        ("encrypted-pkcs8.pem", |e| matches!(e, KeyError::EncryptedPrivateKey)),
    ];
    for (file, expected) in public {
        let error = RsaPublicKey::from_pem(&key_file(file)).unwrap_err();
        assert!(expected(&error), "{file}: {error:?}");
    }
    let certificate: [(&str, KeyCheck); 3] = [
        ("platform-2048.pub", |e| matches!(e, KeyError::UnexpectedPemLabel { .. })),
        ("platform-2048.pem", |e| matches!(e, KeyError::UnexpectedPemLabel { .. })),
        ("ec-p256.crt", |e| matches!(e, KeyError::UnsupportedAlgorithm { .. })),
    ];
    for (file, expected) in certificate {
        let error = Certificate::from_pem(&key_file(file)).unwrap_err();
        assert!(expected(&error), "{file}: {error:?}");
    }
    let garbage = "-----BEGIN PUBLIC KEY-----\nAAECAwQF\n-----END PUBLIC KEY-----\n";
    assert!(matches!(RsaPublicKey::from_pem(garbage), Err(KeyError::MalformedDer { .. })));
    let garbage = "-----BEGIN CERTIFICATE-----\nAAECAwQF\n-----END CERTIFICATE-----\n";
    assert!(matches!(Certificate::from_pem(garbage), Err(KeyError::MalformedDer { .. })));
}

#[test]
fn key_set_rotation() {
    let old = Certificate::from_pem(&key_file("platform-2048.crt")).unwrap();
    let new = Certificate::from_pem(&key_file("platform-3072.crt")).unwrap();
    let mut keys = PublicKeySet::new().with_certificate(old.clone()).with_certificate(new.clone());
    assert_eq!(
        keys.ids().collect::<Vec<_>>(),
        ["5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11", "9A0B1C2D3E4F5061728394A5B6C7D8E9F0011223"]
    );

    let message = b"1735293931\nNONCE\n{}\n";
    let signed_old =
        crate::crypto_support::b64_encode(&private_key("platform-2048.pem").sign(message).unwrap());
    let signed_new =
        crate::crypto_support::b64_encode(&private_key("platform-3072.pem").sign(message).unwrap());
    let kind = SignatureKind::CallbackSignature;
    keys.verify(old.serial_number(), message, &signed_old, kind).unwrap();
    keys.verify(new.serial_number(), message, &signed_new, kind).unwrap();
    // Each key answers only for its own ID.
    assert_eq!(
        keys.verify(new.serial_number(), message, &signed_old, kind),
        Err(CryptoError::SignatureMismatch { kind })
    );

    // Retire the old key: its ID becomes unknown, and the error lists what is known.
    assert_eq!(keys.remove(old.serial_number()), Some(old.public_key().clone()));
    assert_eq!(
        keys.verify(old.serial_number(), message, &signed_old, kind),
        Err(CryptoError::UnknownKeyId {
            id: old.serial_number().to_owned(),
            known: vec![new.serial_number().to_owned()],
        })
    );
    // Replacing under the same ID returns the previous key.
    assert_eq!(
        keys.insert(new.serial_number(), old.public_key().clone()),
        Some(new.public_key().clone())
    );
    assert_eq!(keys.len(), 1);
    assert!(!keys.is_empty());
}

#[test]
fn own_key_in_the_peer_set_is_a_misconfiguration() {
    let merchant = private_key("merchant-2048-pkcs1.pem");
    let merchant_cert = Certificate::from_pem(&key_file("merchant-2048.crt")).unwrap();
    let platform_cert = Certificate::from_pem(&key_file("platform-2048.crt")).unwrap();
    // The merchant loaded its own certificate where the platform's belongs.
    let keys = PublicKeySet::new()
        .with_certificate(platform_cert.clone())
        .with_certificate(merchant_cert.clone())
        .forbid_own_key(merchant.public_key());
    assert!(keys.get(platform_cert.serial_number()).is_ok());
    assert_eq!(
        keys.get(merchant_cert.serial_number()),
        Err(CryptoError::OwnKeyAsPeerKey { id: "0A1B".to_owned() })
    );
    // Even a valid signature by the own key is refused through the set.
    let message = b"1735293931\nNONCE\n{}\n";
    let signature = crate::crypto_support::b64_encode(&merchant.sign(message).unwrap());
    assert!(matches!(
        keys.verify("0A1B", message, &signature, SignatureKind::CallbackSignature),
        Err(CryptoError::OwnKeyAsPeerKey { .. })
    ));
    let text = keys.get("0A1B").unwrap_err().to_string();
    assert!(text.contains("your own public key"), "{text}");
}
