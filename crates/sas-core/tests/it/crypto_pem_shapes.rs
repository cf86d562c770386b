//! Keys and certificates as people paste them (`tests/vectors/pem_shapes.json`, made by
//! `generate.py` with what OpenSSL and pyca/cryptography did with each text): everything OpenSSL
//! loads loads, and so do the whitespace variants pyca reads; the shapes that lost their line
//! structure, and the wrong kinds of key, get an error naming the problem and what to do.

use sas_core::crypto::{Certificate, KeyError, PemLayout, RsaPrivateKey, RsaPublicKey};
use serde::Deserialize;

use crate::crypto_support::{cases, key_file, public_key};

#[derive(Deserialize)]
struct ShapeCase {
    file: String,
    kind: String,
    shape: String,
    text: String,
    openssl: bool,
    pyca: bool,
    expect: String,
}

/// The public key the text gives, loaded as its kind says.
fn load(kind: &str, text: &str) -> Result<RsaPublicKey, KeyError> {
    match kind {
        "private" => RsaPrivateKey::from_pem(text).map(|key| key.public_key()),
        "public" => RsaPublicKey::from_pem(text),
        _ => Certificate::from_pem(text).map(|cert| cert.public_key().clone()),
    }
}

#[test]
fn pasted_shapes_load_as_openssl_and_pyca_load_them() {
    let cases = cases::<ShapeCase>("pem_shapes.json");
    assert!(cases.len() >= 100);
    for case in &cases {
        let expected = public_key(match case.file.as_str() {
            "merchant-2048-pkcs1.pem" | "merchant-2048-pkcs1.pub" => "merchant-2048-pkcs1.pub",
            _ => "platform-2048.pub",
        });
        let loaded = load(&case.kind, &case.text);
        let what = format!("{} {}", case.file, case.shape);
        if case.expect == "load" {
            assert_eq!(loaded.as_ref(), Ok(&expected), "{what}");
            continue;
        }
        // Refused only where OpenSSL refuses too.
        assert!(!case.openssl, "{what}: OpenSSL loads it");
        let layout = match case.expect.as_str() {
            "whole_on_one_line" => PemLayout::WholeOnOneLine,
            "literal_newline_escapes" => PemLayout::LiteralNewlineEscapes,
            "indented" => PemLayout::Indented,
            "no_armour" => PemLayout::NoArmour,
            other => panic!("{what}: unknown expectation {other}"),
        };
        assert_eq!(loaded, Err(KeyError::PemLayout(layout)), "{what}");
        let _ = case.pyca;
    }
}

#[test]
fn layout_errors_say_what_to_do() {
    let pem = key_file("platform-2048.pem");
    let escaped = pem.replace('\n', "\\n");
    let message = RsaPrivateKey::from_pem(&escaped).unwrap_err().to_string();
    assert!(message.contains("literal \\n") && message.contains("line breaks"), "{message}");

    let one_line = pem.replace('\n', " ");
    let message = RsaPrivateKey::from_pem(&one_line).unwrap_err().to_string();
    assert!(message.contains("one line") && message.contains("lines of their own"), "{message}");

    let indented: String = pem.lines().map(|line| format!("  {line}\n")).collect();
    let message = RsaPrivateKey::from_pem(&indented).unwrap_err().to_string();
    assert!(message.contains("indented") && message.contains("remove"), "{message}");

    let bare: String = pem.lines().filter(|line| !line.starts_with("-----")).collect();
    let message = RsaPrivateKey::from_pem(&bare).unwrap_err().to_string();
    assert!(message.contains("no -----BEGIN") && message.contains("Base64"), "{message}");
}

#[test]
fn the_wrong_kind_of_key_names_the_problem_and_the_fix() {
    // (loader, file, what the message must say)
    let private = |text: &str| RsaPrivateKey::from_pem(text).map(|_| ());
    let public = |text: &str| RsaPublicKey::from_pem(text).map(|_| ());
    let certificate = |text: &str| Certificate::from_pem(text).map(|_| ());
    type Loader = fn(&str) -> Result<(), KeyError>;
    let cases: [(Loader, &str, &[&str]); 11] = [
        (private, "platform-2048.crt", &["certificate", "private key file"]),
        (private, "platform-2048.pub", &["public key", "private key file"]),
        (private, "encrypted-pkcs8.pem", &["encrypted", "openssl"]),
        (private, "encrypted-pkcs1.pem", &["encrypted", "openssl"]),
        (private, "ec-p256.pem", &["not an RSA key", "EC"]),
        (private, "rsa-1024.pem", &["1024 bits", "2048"]),
        (public, "platform-2048.pem", &["private key", "public_key()"]),
        (public, "ec-p256.pub", &["not an RSA key", "EC"]),
        (public, "rsa-1024.pub", &["1024 bits", "2048"]),
        (certificate, "platform-2048.pem", &["private key", "certificate"]),
        (certificate, "ec-p256.crt", &["not an RSA key", "EC"]),
    ];
    for (loader, file, parts) in cases {
        let message = loader(&key_file(file)).unwrap_err().to_string();
        for part in parts {
            assert!(message.contains(part), "{file}: {message:?} lacks {part:?}");
        }
    }
    // Typed, not only worded.
    assert!(matches!(
        RsaPrivateKey::from_pem(&key_file("ec-p256.pem")),
        Err(KeyError::UnsupportedAlgorithm { oid }) if oid == "1.2.840.10045.2.1"
    ));
    assert_eq!(
        RsaPrivateKey::from_pem(&key_file("rsa-1024.pem")).unwrap_err(),
        KeyError::UnsupportedKeySize { bits: 1024 }
    );
    // A SEC1 `EC PRIVATE KEY` block is an EC key too.
    let sec1 = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n";
    assert!(matches!(RsaPrivateKey::from_pem(sec1), Err(KeyError::UnsupportedAlgorithm { .. })));
}

#[test]
fn each_loader_takes_the_first_block_of_its_kind_from_a_file_of_several() {
    // OpenSSL (`openssl x509`, `openssl pkey`) and pyca's `load_pem_*` skip the blocks of
    // other kinds: a key file with its certificate appended, a chain, `x509 -text` output.
    let key = key_file("platform-2048.pem");
    let cert = key_file("platform-2048.crt");
    let merchant_cert = key_file("merchant-2048.crt");
    let expected = public_key("platform-2048.pub");
    let serial = "5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11";
    for (what, text) in [
        ("key then certificate", format!("{key}{cert}")),
        ("certificate then key", format!("{cert}{key}")),
        ("chain with the leaf first, then the key", format!("{cert}{merchant_cert}{key}")),
        ("x509 -text output", key_file("platform-2048-text.crt")),
        ("x509 -text output, then the key", format!("{}{key}", key_file("platform-2048-text.crt"))),
    ] {
        let certificate = Certificate::from_pem(&text);
        if what != "x509 -text output" {
            assert_eq!(
                RsaPrivateKey::from_pem(&text).map(|key| key.public_key()).as_ref(),
                Ok(&expected),
                "{what}: private key"
            );
        }
        let certificate = certificate.unwrap_or_else(|e| panic!("{what}: certificate: {e}"));
        assert_eq!(certificate.serial_number(), serial, "{what}");
        assert_eq!(RsaPublicKey::from_pem(&text).as_ref(), Ok(&expected), "{what}: public key");
    }
    // A chain whose leaf is the merchant's: the leaf's serial, not the issuer's.
    let chain = format!("{merchant_cert}{cert}");
    assert_eq!(Certificate::from_pem(&chain).unwrap().serial_number(), "0A1B");
    // None of the kind wanted: the error names what was found.
    let message = RsaPrivateKey::from_pem(&format!("{cert}{merchant_cert}")).unwrap_err();
    assert!(message.to_string().contains("certificate"), "{message}");
    // An encrypted key beside its certificate is still named as encrypted.
    let encrypted = format!("{cert}{}", key_file("encrypted-pkcs8.pem"));
    assert_eq!(RsaPrivateKey::from_pem(&encrypted).unwrap_err(), KeyError::EncryptedPrivateKey);
    let encrypted = format!("{cert}{}", key_file("encrypted-pkcs1.pem"));
    assert_eq!(RsaPrivateKey::from_pem(&encrypted).unwrap_err(), KeyError::EncryptedPrivateKey);
}
