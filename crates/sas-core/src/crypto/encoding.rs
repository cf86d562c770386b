//! Hex and Base64 at the module's edges, with errors that name the field.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::error::CryptoError;

/// Hex values up to this many bytes are decoded and encoded on the stack.
const STACK: usize = 64;

/// The digits of a hex value for const-hex, which would strip a `0x` or `0X` prefix: such a
/// value is not hex here (`x` is no digit), so it is refused as before. (Errors here are built
/// on the error path only: `ok_or` would build and drop one on every call.)
fn digits<'v>(value: &'v [u8], what: &'static str) -> Result<&'v [u8], CryptoError> {
    match value {
        [b'0', b'x' | b'X', ..] => Err(CryptoError::InvalidHex { what }),
        _ => Ok(value),
    }
}

/// Decodes hex of either case into `out`, which must be half as long as `value` (an odd
/// number of digits is refused as a wrong length). const-hex checks and decodes 16 or 32
/// digits at a time where the CPU allows.
pub(crate) fn decode_hex_to(
    value: &[u8],
    out: &mut [u8],
    what: &'static str,
) -> Result<(), CryptoError> {
    let value = digits(value, what)?;
    const_hex::decode_to_slice(value, out).map_err(|_| CryptoError::InvalidHex { what })
}

/// Decodes hex of either case (an odd number of digits is refused), into a new buffer that
/// const-hex fills without zeroing it first.
pub(crate) fn decode_hex(value: &[u8], what: &'static str) -> Result<Vec<u8>, CryptoError> {
    let value = digits(value, what)?;
    const_hex::decode(value).map_err(|_| CryptoError::InvalidHex { what })
}

/// Calls `f` with the bytes of `value`, hex of either case, decoded on the stack when short
/// (a received `TC-Signature` is 16 bytes).
pub(crate) fn with_hex<R>(
    value: &[u8],
    what: &'static str,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R, CryptoError> {
    let len = value.len() / 2;
    if len <= STACK {
        let mut buf = [0; STACK];
        let Some(out) = buf.get_mut(..len) else { return Err(CryptoError::InvalidHex { what }) };
        decode_hex_to(value, out, what)?;
        Ok(f(out))
    } else {
        Ok(f(&decode_hex(value, what)?))
    }
}

/// Decodes the hex of one AES block (32 digits of either case) on the stack; `None` if `value`
/// is not 32 characters, [`CryptoError::InvalidHex`] if it is not hex.
pub(crate) fn decode_hex_block(
    value: &[u8],
    what: &'static str,
) -> Result<Option<[u8; 16]>, CryptoError> {
    if value.len() != 32 {
        return Ok(None);
    }
    let mut block = [0; 16];
    decode_hex_to(value, &mut block, what)?;
    Ok(Some(block))
}

/// Lowercase hex of `bytes`.
pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    const_hex::encode(bytes)
}

/// Uppercase hex of `bytes`.
pub(crate) fn encode_hex_upper(bytes: &[u8]) -> String {
    const_hex::encode_upper(bytes)
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
        assert_eq!(decode_hex(b"00aBfF", "x").unwrap(), [0x00, 0xab, 0xff]);
        assert_eq!(decode_hex(b"", "x").unwrap(), Vec::<u8>::new());
        // `0x` and `0X` prefixes (which const-hex alone would strip) are not hex here.
        let bad: [&[u8]; 9] =
            [b"0", b"abc", b"0g", "ü0".as_bytes(), b" 00", b"0x00", b"0X00", b"0x", b"\xff\xff"];
        for bad in bad {
            assert!(decode_hex(bad, "x").is_err(), "{bad:?}");
        }
        // Every length const-hex's wide paths take, with a fault at each place.
        for len in [1, 8, 15, 16, 17, 31, 32, 33, 64, 65] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let upper: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
            assert_eq!(decode_hex(upper.as_bytes(), "x").unwrap(), bytes);
            for at in 0..upper.len() {
                for fault in [b'g', b'G', b'/', b':', b'@', b'`', 0x80] {
                    let mut text = upper.clone().into_bytes();
                    text[at] = fault;
                    assert!(decode_hex(&text, "x").is_err(), "{len} {at} {fault}");
                }
            }
        }
    }
}
