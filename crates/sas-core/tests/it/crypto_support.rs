//! Shared helpers of the crypto tests: the vector folder, JSON vector files and the test keys.

use std::path::PathBuf;

use sas_core::crypto::{RsaPrivateKey, RsaPublicKey};
use serde::de::DeserializeOwned;

/// The workspace's `tests/vectors` folder.
pub(crate) fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// The cases of a vector file made by `tests/vectors/generate.py`; at least 50 per algorithm.
pub(crate) fn cases<T: DeserializeOwned>(file: &str) -> Vec<T> {
    #[derive(serde::Deserialize)]
    struct VectorFile<T> {
        cases: Vec<T>,
    }
    let path = vectors_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed: VectorFile<T> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parsed.cases
}

/// The text of a file under `tests/vectors/keys`.
pub(crate) fn key_file(name: &str) -> String {
    let path = vectors_dir().join("keys").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A test private key.
pub(crate) fn private_key(name: &str) -> RsaPrivateKey {
    RsaPrivateKey::from_pem(&key_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A test public key (SPKI, PKCS#1 or certificate PEM).
pub(crate) fn public_key(name: &str) -> RsaPublicKey {
    RsaPublicKey::from_pem(&key_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Flips bit `bit` (modulo the length) of `bytes`.
pub(crate) fn flip_bit(bytes: &[u8], bit: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let bit = bit % (out.len() * 8);
    out[bit / 8] ^= 1 << (bit % 8);
    out
}

/// Standard Base64, as the vectors use.
pub(crate) fn b64_decode(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text).expect("vector Base64")
}

/// Standard Base64, as the vectors use.
pub(crate) fn b64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
