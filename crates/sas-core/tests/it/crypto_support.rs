//! Shared helpers of the crypto tests: the vector folder and JSON vector files; the test keys
//! come from [`crate::support`], the one key loader.

use std::path::PathBuf;

use serde::de::DeserializeOwned;

pub(crate) use crate::support::{key_file, private_key, public_key};

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
