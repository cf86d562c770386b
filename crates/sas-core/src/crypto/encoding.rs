//! Hex and Base64 at the module's edges, with errors that name the field.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::error::CryptoError;

/// Hex values up to this many bytes are decoded and encoded on the stack.
const STACK: usize = 64;

/// Decodes hex of either case (`hex::decode_to_slice`, several times faster than the iterator
/// behind `hex::decode`; it refuses an odd number of digits as the length check).
pub(crate) fn decode_hex(value: &str, what: &'static str) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0; value.len() / 2];
    hex::decode_to_slice(value, &mut bytes).map_err(|_| CryptoError::InvalidHex { what })?;
    Ok(bytes)
}

/// Calls `f` with the bytes of `value`, hex of either case, decoded on the stack when short
/// (a received `TC-Signature` is 16 bytes).
pub(crate) fn with_hex<R>(
    value: &str,
    what: &'static str,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R, CryptoError> {
    let invalid = || CryptoError::InvalidHex { what };
    let len = value.len() / 2;
    if len <= STACK {
        let mut buf = [0; STACK];
        let out = buf.get_mut(..len).ok_or_else(invalid)?;
        // Checks the length too: an odd number of digits is refused.
        hex::decode_to_slice(value, out).map_err(|_| invalid())?;
        Ok(f(out))
    } else {
        Ok(f(&decode_hex(value, what)?))
    }
}

/// Lowercase hex of one AES block, formatted on the stack.
pub(crate) fn encode_hex_block(block: &[u8; 16]) -> String {
    let mut hex = [0; 32];
    match hex::encode_to_slice(block, &mut hex) {
        // Hex digits are ASCII.
        Ok(()) => std::str::from_utf8(&hex).map_or_else(|_| hex::encode(block), str::to_owned),
        Err(_) => hex::encode(block),
    }
}

/// Decodes the hex of one AES block (32 digits of either case) on the stack; `None` if `value`
/// is not 32 characters, [`CryptoError::InvalidHex`] if it is not hex.
pub(crate) fn decode_hex_block(
    value: &str,
    what: &'static str,
) -> Result<Option<[u8; 16]>, CryptoError> {
    if value.len() != 32 {
        return Ok(None);
    }
    let mut block = [0; 16];
    hex::decode_to_slice(value, &mut block).map_err(|_| CryptoError::InvalidHex { what })?;
    Ok(Some(block))
}

/// Lowercase hex of `bytes`.
pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    let mut buf = [0; 2 * STACK];
    let Some(out) = buf.get_mut(..2 * bytes.len()) else {
        return hex::encode(bytes);
    };
    if hex::encode_to_slice(bytes, out).is_err() {
        return hex::encode(bytes);
    }
    // Hex digits are ASCII.
    std::str::from_utf8(out).map_or_else(|_| hex::encode(bytes), str::to_owned)
}

/// Decodes standard, padded Base64 (RFC 4648 §4).
pub(crate) fn decode_base64(value: &str, what: &'static str) -> Result<Vec<u8>, CryptoError> {
    STANDARD.decode(value).map_err(|_| CryptoError::InvalidBase64 { what })
}

/// Encodes standard, padded Base64 (RFC 4648 §4).
pub(crate) fn encode_base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::decode_hex;

    #[test]
    fn hex_of_either_case_decodes_and_odd_or_foreign_digits_are_refused() {
        assert_eq!(decode_hex("00aBfF", "x").unwrap(), [0x00, 0xab, 0xff]);
        assert_eq!(decode_hex("", "x").unwrap(), Vec::<u8>::new());
        for bad in ["0", "abc", "0g", "ü0", " 00"] {
            assert!(decode_hex(bad, "x").is_err(), "{bad:?}");
        }
    }
}
