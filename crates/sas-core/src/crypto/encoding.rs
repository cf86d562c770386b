//! Hex and Base64 at the module's edges, with errors that name the field.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::error::CryptoError;

/// Decodes hex of either case.
pub(crate) fn decode_hex(value: &str, what: &'static str) -> Result<Vec<u8>, CryptoError> {
    hex::decode(value).map_err(|_| CryptoError::InvalidHex { what })
}

/// Decodes standard, padded Base64 (RFC 4648 §4).
pub(crate) fn decode_base64(value: &str, what: &'static str) -> Result<Vec<u8>, CryptoError> {
    STANDARD.decode(value).map_err(|_| CryptoError::InvalidBase64 { what })
}

/// Encodes standard, padded Base64 (RFC 4648 §4).
pub(crate) fn encode_base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}
