//! Negative cases over the vectors: a flipped bit in every signature and ciphertext, a wrong key,
//! truncated input and garbage encodings, each with the error kind it must give; malformed
//! timestamps and `Authorization` headers; and arbitrary input that must never panic.

use std::time::Duration;

use sas_core::crypto::{
    ApiV3Key, Authorization, AuthorizationError, CallbackSignature, CryptoError, FreshnessWindow,
    PublicKeySet, RequestParts, SecretKey, SignatureKind, TcSignatureVerifier,
    decrypt_header_value, decrypt_user_info, open_resource, seal_resource, verify_pay_sign,
    verify_tc_signature,
};
use sas_core::time::UnixTime;

use crate::crypto_support::{b64_decode, b64_encode, cases, flip_bit, public_key};
use crate::crypto_vectors::{
    AuthorizationCase, CallbackCase, CipherCase, GcmCase, HMAC_USES, HmacCase, PaySignCase, TcCase,
};

/// A key of the same length as `key`, differing in its last byte.
fn other_key(key: &str) -> String {
    let mut other = key.to_owned();
    let last = other.pop().expect("a non-empty key");
    other.push(if last == 'x' { 'y' } else { 'x' });
    other
}

const GARBAGE_HEX: [&str; 6] = ["zz", "0", "abc", "not hex!", "ü0", "0x1f"];
const GARBAGE_BASE64: [&str; 6] = ["@@@@", "abc", "====", "a=bc", "ü000", "YW Jj"];

#[test]
fn tc_signature_negatives() {
    let mismatch = Err(CryptoError::SignatureMismatch { kind: SignatureKind::TcSignature });
    for case in cases::<TcCase>("tc_signature_ecb.json") {
        let key = SecretKey::new(&case.key).unwrap();
        let signature = hex::decode(&case.signature).unwrap();
        for bit in 0..signature.len() * 8 {
            let flipped = hex::encode(flip_bit(&signature, bit));
            assert_eq!(verify_tc_signature(&key, &case.timestamp, &flipped), mismatch);
        }
        let wrong = SecretKey::new(other_key(&case.key)).unwrap();
        assert_eq!(verify_tc_signature(&wrong, &case.timestamp, &case.signature), mismatch);
        // Truncated to whole bytes: mismatch; to half a byte: not hex.
        let short = &case.signature[..case.signature.len() - 2];
        assert_eq!(verify_tc_signature(&key, &case.timestamp, short), mismatch);
        let odd = &case.signature[..case.signature.len() - 1];
        assert_eq!(
            verify_tc_signature(&key, &case.timestamp, odd),
            Err(CryptoError::InvalidHex { what: "TC-Signature" })
        );
        for garbage in GARBAGE_HEX {
            let result = verify_tc_signature(&key, &case.timestamp, garbage);
            assert!(matches!(result, Err(CryptoError::InvalidHex { .. })), "{garbage}");
        }
        // Another timestamp under the same signature.
        let other_ts = format!("{}0", case.timestamp);
        assert_eq!(verify_tc_signature(&key, &other_ts, &case.signature), mismatch);
    }
}

#[test]
fn tc_signature_freshness() {
    let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap();
    let sent = UnixTime::from_millis(1_735_293_931_220);
    let signature = sas_core::crypto::tc_signature(&key, "1735293931220");
    let verifier = TcSignatureVerifier::new();
    // 300 s either way passes, one millisecond more fails, with both values in the error.
    for delta in [0, 1, 299_999, 300_000] {
        for now in [sent.as_millis() + delta, sent.as_millis() - delta] {
            let now = UnixTime::from_millis(now);
            assert_eq!(verifier.verify(&key, "1735293931220", &signature, now), Ok(sent));
        }
    }
    for now in [sent.as_millis() + 300_001, sent.as_millis() - 300_001, 0, u64::MAX] {
        let now = UnixTime::from_millis(now);
        assert_eq!(
            verifier.verify(&key, "1735293931220", &signature, now),
            Err(CryptoError::StaleTimestamp {
                timestamp: sent,
                now,
                window: Duration::from_secs(300)
            })
        );
    }
    let error = verifier
        .verify(&key, "1735293931220", &signature, UnixTime::from_millis(1_735_294_300_000))
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "timestamp 1735293931220 ms is outside the 300 s window around now (1735294300000 ms)"
    );
    // A configured window.
    let strict = verifier.with_window(FreshnessWindow::new(Duration::from_secs(5)));
    let late = UnixTime::from_millis(sent.as_millis() + 5_001);
    assert!(matches!(
        strict.verify(&key, "1735293931220", &signature, late),
        Err(CryptoError::StaleTimestamp { .. })
    ));
    // Seconds are read as seconds, not milliseconds.
    let seconds_sig = sas_core::crypto::tc_signature(&key, "1735293931");
    assert_eq!(
        verifier.verify(&key, "1735293931", &seconds_sig, sent),
        Ok(UnixTime::from_secs(1_735_293_931))
    );
    // A signature mismatch is reported before staleness.
    assert!(matches!(
        verifier.verify(&key, "1735293931220", &seconds_sig, UnixTime::from_millis(0)),
        Err(CryptoError::SignatureMismatch { .. })
    ));
}

#[test]
fn malformed_timestamps() {
    let key = SecretKey::new("0123456789abcdef").unwrap();
    let now = UnixTime::from_millis(1_735_293_931_220);
    for value in [
        "",
        "173529393",
        "17352939312",
        "173529393122",
        "17352939312200",
        "173529393122a",
        "-173529393",
        " 1735293931",
        "1735293931 ",
        "1735293931.0",
        "+735293931",
        "１７３５２９３９",
        "1735293931220000000000000000000000000000000000",
    ] {
        let signature = sas_core::crypto::tc_signature(&key, value);
        let result = TcSignatureVerifier::new().verify(&key, value, &signature, now);
        assert!(matches!(result, Err(CryptoError::MalformedTimestamp { .. })), "{value:?}");
        let result = FreshnessWindow::default().check(value, now);
        assert!(matches!(result, Err(CryptoError::MalformedTimestamp { .. })), "{value:?}");
    }
}

/// Flipping any bit of an unauthenticated AES-ECB/CBC ciphertext never gives back the plaintext:
/// it fails on padding or UTF-8, or decrypts to something else.
fn assert_tampered(result: Result<String, CryptoError>, plaintext: &str) {
    match result {
        Ok(text) => assert_ne!(text, plaintext),
        Err(CryptoError::BadPadding { .. } | CryptoError::NotUtf8 { .. }) => {}
        Err(other) => panic!("unexpected {other:?}"),
    }
}

#[test]
fn header_value_negatives() {
    for case in cases::<CipherCase>("header_value.json") {
        let key = SecretKey::new(&case.key).unwrap();
        let ciphertext = hex::decode(&case.ciphertext).unwrap();
        for bit in (0..ciphertext.len() * 8).step_by(7) {
            let flipped = hex::encode(flip_bit(&ciphertext, bit));
            assert_tampered(decrypt_header_value(&key, &flipped), &case.plaintext);
        }
        let wrong = SecretKey::new(other_key(&case.key)).unwrap();
        assert_tampered(decrypt_header_value(&wrong, &case.ciphertext), &case.plaintext);
        for cut in [2, 30] {
            let short = &case.ciphertext[..case.ciphertext.len() - cut];
            assert!(matches!(
                decrypt_header_value(&key, short),
                Err(CryptoError::InvalidCiphertextLength { .. })
            ));
        }
        assert!(matches!(
            decrypt_header_value(&key, ""),
            Err(CryptoError::InvalidCiphertextLength { len: 0, .. })
        ));
        for garbage in GARBAGE_HEX {
            let result = decrypt_header_value(&key, garbage);
            assert!(matches!(result, Err(CryptoError::InvalidHex { .. })), "{garbage}");
        }
    }
}

#[test]
fn user_info_negatives() {
    for case in cases::<CipherCase>("user_info_cbc.json") {
        let key = SecretKey::new(&case.key).unwrap();
        let ciphertext = b64_decode(&case.ciphertext);
        for bit in (0..ciphertext.len() * 8).step_by(5) {
            let flipped = b64_encode(&flip_bit(&ciphertext, bit));
            assert_tampered(decrypt_user_info(&key, &flipped), &case.plaintext);
        }
        let wrong = SecretKey::new(other_key(&case.key)).unwrap();
        assert_tampered(decrypt_user_info(&wrong, &case.ciphertext), &case.plaintext);
        let truncated = b64_encode(&ciphertext[..ciphertext.len() - 1]);
        assert!(matches!(
            decrypt_user_info(&key, &truncated),
            Err(CryptoError::InvalidCiphertextLength { .. })
        ));
        for garbage in GARBAGE_BASE64 {
            let result = decrypt_user_info(&key, garbage);
            assert!(matches!(result, Err(CryptoError::InvalidBase64 { .. })), "{garbage}");
        }
    }
}

#[test]
fn resource_negatives() {
    for case in cases::<GcmCase>("resource_gcm.json") {
        let key = ApiV3Key::new(&case.key).unwrap();
        let open = |key: &ApiV3Key, nonce: &str, aad: &str, ciphertext: &str| {
            open_resource(key, nonce, aad, ciphertext)
        };
        let sealed = b64_decode(&case.ciphertext);
        for bit in 0..sealed.len() * 8 {
            let flipped = b64_encode(&flip_bit(&sealed, bit));
            assert!(matches!(
                open(&key, &case.nonce, &case.associated_data, &flipped),
                Err(CryptoError::GcmTagMismatch { .. })
            ));
        }
        let wrong = ApiV3Key::new(other_key(&case.key)).unwrap();
        let is_tag_mismatch = |result: Result<Vec<u8>, CryptoError>| matches!(result, Err(CryptoError::GcmTagMismatch { tried }) if !tried.is_empty());
        assert!(is_tag_mismatch(open(
            &wrong,
            &case.nonce,
            &case.associated_data,
            &case.ciphertext
        )));
        assert!(is_tag_mismatch(open(
            &key,
            &other_key(&case.nonce),
            &case.associated_data,
            &case.ciphertext
        )));
        let aad = format!("{}x", case.associated_data);
        assert!(is_tag_mismatch(open(&key, &case.nonce, &aad, &case.ciphertext)));
        // Truncation: shorter than the tag is a length error, otherwise the tag fails.
        let truncated = b64_encode(&sealed[..sealed.len() - 1]);
        let result = open(&key, &case.nonce, &case.associated_data, &truncated);
        if sealed.len() > 16 {
            assert!(is_tag_mismatch(result));
        } else {
            let short =
                CryptoError::InvalidCiphertextLength { what: "resource.ciphertext", len: 15 };
            assert_eq!(result, Err(short));
        }
        let too_short = b64_encode(&sealed[..15]);
        assert_eq!(
            open(&key, &case.nonce, &case.associated_data, &too_short),
            Err(CryptoError::InvalidCiphertextLength { what: "resource.ciphertext", len: 15 })
        );
        for garbage in GARBAGE_BASE64 {
            let result = open(&key, &case.nonce, &case.associated_data, garbage);
            assert!(matches!(result, Err(CryptoError::InvalidBase64 { .. })), "{garbage}");
        }
        // Other nonce lengths are read, and fail the tag; sealing sends 12 bytes only.
        for nonce in ["12345678901", "1234567890123", "0123456789abcdef", "中文abcde"] {
            assert!(is_tag_mismatch(open(&key, nonce, "", &case.ciphertext)), "{nonce}");
            let result = seal_resource(&key, nonce, "", b"{}");
            assert!(matches!(result, Err(CryptoError::UnsupportedNonceLength { .. })), "{nonce}");
        }
        let result = open(&key, "", "", &case.ciphertext);
        assert!(matches!(result, Err(CryptoError::UnsupportedNonceLength { len: 0, .. })));
    }
    let message = open_resource(
        &ApiV3Key::new([b'k'; 32]).unwrap(),
        "n0nce1234567",
        "",
        "AAAAAAAAAAAAAAAAAAAAAA==",
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("wrong APIv3 key or tampered data"), "{message}");
}

#[test]
fn hmac_negatives() {
    for (file, _, verify) in HMAC_USES {
        for case in cases::<HmacCase>(file) {
            let prefix = case.prefix.as_deref().unwrap_or_default();
            let signature = hex::decode(&case.signature).unwrap();
            let is_mismatch = |r: Result<(), CryptoError>| {
                matches!(r, Err(CryptoError::SignatureMismatch { .. }))
            };
            for bit in 0..signature.len() * 8 {
                let flipped = hex::encode(flip_bit(&signature, bit));
                assert!(is_mismatch(verify(&case.key, prefix, &case.data, &flipped)), "{file}");
            }
            let wrong_key = format!("{}x", case.key);
            assert!(is_mismatch(verify(&wrong_key, prefix, &case.data, &case.signature)));
            let data = format!("{} ", case.data);
            assert!(is_mismatch(verify(&case.key, prefix, &data, &case.signature)));
            let short = &case.signature[..62];
            assert!(is_mismatch(verify(&case.key, prefix, &case.data, short)));
            for garbage in GARBAGE_HEX {
                let result = verify(&case.key, prefix, &case.data, garbage);
                assert!(matches!(result, Err(CryptoError::InvalidHex { .. })), "{garbage}");
            }
        }
    }
}

/// The positions of bits to flip in an RSA signature: a spread that reaches every byte.
fn rsa_bits(len: usize) -> impl Iterator<Item = usize> {
    (0..len * 8).step_by(13)
}

#[test]
fn authorization_negatives() {
    let cases = cases::<AuthorizationCase>("rsa_authorization.json");
    let mut keys = PublicKeySet::new();
    for case in &cases {
        keys.insert(case.serial_no.as_str(), public_key(&case.public_key));
    }
    let mismatch = Err(CryptoError::SignatureMismatch { kind: SignatureKind::Authorization });
    for case in cases.iter().step_by(3) {
        let request = RequestParts {
            method: &case.method,
            canonical_url: &case.canonical_url,
            body: case.body.as_bytes(),
        };
        let signature = b64_decode(&case.signature);
        for bit in rsa_bits(signature.len()) {
            let header =
                case.header.replace(&case.signature, &b64_encode(&flip_bit(&signature, bit)));
            assert_eq!(keys.verify_authorization(&header, &request).map(|_| ()), mismatch);
        }
        // Every signed part matters.
        let other_body = [case.body.as_bytes(), b" "].concat();
        let tampered = [
            RequestParts { method: "PUT", ..request },
            RequestParts { canonical_url: "/v3/other", ..request },
            RequestParts { body: &other_body, ..request },
        ];
        for request in tampered {
            assert_eq!(keys.verify_authorization(&case.header, &request).map(|_| ()), mismatch);
        }
        let header = case.header.replace(&case.timestamp, "1000000000");
        assert_eq!(keys.verify_authorization(&header, &request).map(|_| ()), mismatch);
        // Another key under the same ID.
        let wrong_key = if case.public_key == "platform-2048.crt" {
            "platform-3072.pub"
        } else {
            "platform-2048.pub"
        };
        let wrong = PublicKeySet::new().with_key(case.serial_no.as_str(), public_key(wrong_key));
        assert_eq!(wrong.verify_authorization(&case.header, &request).map(|_| ()), mismatch);
        // An unknown serial lists the known ones.
        let header = case.header.replace(&case.serial_no, "UNKNOWN");
        match keys.verify_authorization(&header, &request) {
            Err(CryptoError::UnknownKeyId { id, known }) => {
                assert_eq!(id, "UNKNOWN");
                assert_eq!(known.len(), 4);
            }
            other => panic!("{other:?}"),
        }
        // Truncated signature, garbage Base64.
        let header =
            case.header.replace(&case.signature, &case.signature[..case.signature.len() - 4]);
        assert_eq!(keys.verify_authorization(&header, &request).map(|_| ()), mismatch);
        for garbage in GARBAGE_BASE64 {
            let header = case.header.replace(&case.signature, garbage);
            let result = keys.verify_authorization(&header, &request);
            assert!(matches!(result, Err(CryptoError::InvalidBase64 { .. })), "{garbage}");
        }
    }
}

#[test]
fn authorization_parsing() {
    let full = r#"WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="N",signature="S",timestamp="1554208460",serial_no="K""#;
    let canonical = Authorization::parse(full).unwrap();
    // Accepted variants: any order, any scheme, spaces, unquoted tokens, unknown parameters.
    for variant in [
        r#"WECHATPAY2-SHA256-RSA2048 serial_no="K",timestamp="1554208460",signature="S",nonce_str="N",mchid="1""#,
        r#"  WECHATPAY2-SHA256-RSA2048   mchid = "1" , nonce_str="N",  signature="S",timestamp=1554208460,serial_no="K"  "#,
        r#"WECHATPAY2-SHA256-RSA2048 mchid="1",extra="x",nonce_str="N",signature="S",timestamp="1554208460",serial_no="K""#,
    ] {
        let parsed = Authorization::parse(variant).unwrap();
        assert_eq!((parsed.mchid(), parsed.nonce_str(), parsed.signature()), ("1", "N", "S"));
        assert_eq!((parsed.timestamp(), parsed.serial_no()), ("1554208460", "K"));
        assert_eq!(parsed.scheme(), "WECHATPAY2-SHA256-RSA2048");
    }
    let other_scheme =
        Authorization::parse(&full.replace("WECHATPAY2-SHA256-RSA2048", "SAS-RSA")).unwrap();
    assert_eq!(other_scheme.scheme(), "SAS-RSA");
    assert_eq!(other_scheme.signature(), canonical.signature());

    let refused: [(&str, AuthorizationError); 11] = [
        ("", AuthorizationError::Empty),
        ("   ", AuthorizationError::Empty),
        ("WECHATPAY2-SHA256-RSA2048", AuthorizationError::MissingScheme),
        (r#"mchid="1", nonce_str="N""#, AuthorizationError::MissingScheme),
        ("SCHEME mchid", AuthorizationError::Token68),
        (r#"SCHEME mchid="1"#, AuthorizationError::Syntax { at: 13 }),
        (r#"SCHEME mchid="1" nonce_str="N""#, AuthorizationError::Syntax { at: 17 }),
        // Empty list elements are allowed (RFC 9110 §5.6.1); what is missing is then named.
        (
            r#"SCHEME mchid="1",,nonce_str="N""#,
            AuthorizationError::MissingParameter { name: "signature" },
        ),
        (r#"SCHEME mchid="1","#, AuthorizationError::MissingParameter { name: "nonce_str" }),
        (
            r#"SCHEME mchid="1",mchid="2",nonce_str="N",signature="S",timestamp="1",serial_no="K""#,
            AuthorizationError::DuplicateParameter { name: "mchid".to_owned() },
        ),
        (
            r#"SCHEME mchid="1",nonce_str="N",timestamp="1",serial_no="K""#,
            AuthorizationError::MissingParameter { name: "signature" },
        ),
    ];
    for (header, expected) in refused {
        assert_eq!(
            Authorization::parse(header),
            Err(CryptoError::MalformedAuthorization(expected)),
            "{header:?}"
        );
    }
}

#[test]
fn callback_and_pay_sign_negatives() {
    let cases = cases::<CallbackCase>("rsa_callback.json");
    let mut keys = PublicKeySet::new();
    for case in &cases {
        keys.insert(case.serial.as_str(), public_key(&case.public_key));
    }
    let mismatch = Err(CryptoError::SignatureMismatch { kind: SignatureKind::CallbackSignature });
    for case in cases.iter().step_by(3) {
        let received = CallbackSignature {
            serial: &case.serial,
            timestamp: &case.timestamp,
            nonce: &case.nonce,
            signature: &case.signature,
        };
        let signature = b64_decode(&case.signature);
        for bit in rsa_bits(signature.len()) {
            let flipped = b64_encode(&flip_bit(&signature, bit));
            let received = CallbackSignature { signature: &flipped, ..received };
            assert_eq!(keys.verify_callback(&received, case.body.as_bytes()), mismatch);
        }
        let body = [case.body.as_bytes(), b"\n"].concat();
        assert_eq!(keys.verify_callback(&received, &body), mismatch);
        let swapped =
            CallbackSignature { timestamp: &case.nonce, nonce: &case.timestamp, ..received };
        assert_eq!(keys.verify_callback(&swapped, case.body.as_bytes()), mismatch);
        let unknown = CallbackSignature { serial: "", ..received };
        assert!(matches!(
            keys.verify_callback(&unknown, case.body.as_bytes()),
            Err(CryptoError::UnknownKeyId { .. })
        ));
    }

    let mismatch = Err(CryptoError::SignatureMismatch { kind: SignatureKind::PaySign });
    for case in crate::crypto_support::cases::<PaySignCase>("rsa_pay_sign.json").iter().step_by(3) {
        let key = public_key(&case.public_key);
        let signature = b64_decode(&case.pay_sign);
        for bit in rsa_bits(signature.len()) {
            let flipped = b64_encode(&flip_bit(&signature, bit));
            assert_eq!(verify_pay_sign(&key, &case.fields(), &flipped), mismatch);
        }
        let other = sas_core::crypto::PaySignFields { package: "prepay_id=other", ..case.fields() };
        assert_eq!(verify_pay_sign(&key, &other, &case.pay_sign), mismatch);
        let wrong = public_key(if case.public_key == "platform-2048.crt" {
            "platform-3072.pub"
        } else {
            "platform-2048.pub"
        });
        assert_eq!(verify_pay_sign(&wrong, &case.fields(), &case.pay_sign), mismatch);
    }
}

/// A small deterministic generator for arbitrary input.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A string of up to `max` characters drawn from a mix of ASCII, PEM, Base64 and multibyte.
    fn text(&mut self, max: usize) -> String {
        const ALPHABET: &[&str] = &[
            "a",
            "Z",
            "0",
            "9",
            "f",
            "F",
            "+",
            "/",
            "=",
            " ",
            "\n",
            "\"",
            ",",
            "-",
            "é",
            "中",
            "😀",
            "-----BEGIN ",
            "-----END ",
            "PRIVATE KEY",
            "CERTIFICATE",
            "-----",
            "MII",
            "\r\n",
        ];
        let len = (self.next() % (max as u64 + 1)) as usize;
        (0..len).map(|_| ALPHABET[(self.next() % ALPHABET.len() as u64) as usize]).collect()
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let secret = SecretKey::new("0123456789abcdef0123456789abcdef").unwrap();
    let api_v3 = ApiV3Key::new("0123456789ABCDEFabcdefghij012345").unwrap();
    let keys = PublicKeySet::new().with_key("K", public_key("platform-2048.pub"));
    let request = RequestParts { method: "POST", canonical_url: "/", body: b"{}" };
    let now = UnixTime::from_millis(1_735_293_931_220);
    let mut rng = XorShift(0x5A5_C0DE);
    for _ in 0..3000 {
        let a = rng.text(40);
        let b = rng.text(120);
        let _ = TcSignatureVerifier::new().accept_legacy_cbc(true).verify(&secret, &a, &b, now);
        let _ = decrypt_header_value(&secret, &b);
        let _ = decrypt_user_info(&secret, &b);
        let _ = open_resource(&api_v3, &a, &a, &b);
        let _ = Authorization::parse(&b);
        let _ = keys.verify_authorization(&format!("S serial_no=K,{a}={b}"), &request);
        let _ = sas_core::crypto::RsaPrivateKey::from_pem(&b);
        let _ = sas_core::crypto::RsaPublicKey::from_pem(&b);
        let _ = sas_core::crypto::Certificate::from_pem(&b);
        let _ = UnixTime::parse_timestamp(&a);
    }
    // Arbitrary DER bytes behind valid PEM armour.
    for _ in 0..500 {
        let der: Vec<u8> = (0..rng.next() % 300).map(|_| rng.next() as u8).collect();
        for label in
            ["PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE"]
        {
            let body = b64_encode(&der);
            let lines: Vec<&str> = body
                .as_bytes()
                .chunks(64)
                .map(|l| std::str::from_utf8(l).expect("Base64 is ASCII"))
                .collect();
            let pem =
                format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"));
            let _ = sas_core::crypto::RsaPrivateKey::from_pem(&pem);
            let _ = sas_core::crypto::RsaPublicKey::from_pem(&pem);
            let _ = sas_core::crypto::Certificate::from_pem(&pem);
        }
    }
}
