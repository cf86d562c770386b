//! AES-ECB and AES-CBC with PKCS#7 padding over the three key sizes, from RustCrypto's `ecb`
//! and `cbc` (the modes `ring` does not offer), with the key schedule prepared once in
//! [`AesKey`] and short messages kept on the stack.

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::common::InnerInit;
use aes::cipher::consts::U16;
use aes::cipher::{
    Array, BlockCipherDecrypt, BlockCipherEncrypt, BlockModeDecrypt, BlockModeEncrypt,
    BlockSizeUser, InnerIvInit,
};

use super::error::CryptoError;
use super::keys::{AesCipher, AesKey};

/// AES block size in bytes.
pub(crate) const BLOCK: usize = 16;

/// Messages whose padded form fits this many bytes are enciphered on the stack.
const STACK: usize = 64;

/// Runs `$body` with `$c` bound to the prepared cipher of whichever size `$key` holds.
macro_rules! with_cipher {
    ($key:expr, |$c:ident| $body:expr) => {
        match &$key.cipher {
            AesCipher::Aes128($c) => $body,
            AesCipher::Aes192($c) => $body,
            AesCipher::Aes256($c) => $body,
        }
    };
}

/// The length of `len` bytes after PKCS#7 padding: the next whole block, a full block of
/// padding when `len` is already whole.
const fn padded_len(len: usize) -> usize {
    (len / BLOCK + 1) * BLOCK
}

/// AES-ECB(PKCS#7(`plaintext`)) of a plaintext shorter than a block (a `TC-Timestamp`): one
/// block, on the stack; `None` for longer plaintexts.
pub(crate) fn ecb_block(key: &AesKey, plaintext: &[u8]) -> Option<[u8; BLOCK]> {
    let mut block = [0; BLOCK];
    let len = (plaintext.len() < BLOCK).then(|| ecb_encrypt_to(key, plaintext, &mut block))?.len();
    (len == BLOCK).then_some(block)
}

/// AES-CBC(PKCS#7(`plaintext`)) under the IV `key[..16]` of a plaintext shorter than a block:
/// one block, on the stack; `None` for longer plaintexts.
pub(crate) fn cbc_block(key: &AesKey, plaintext: &[u8]) -> Option<[u8; BLOCK]> {
    let mut block = [0; BLOCK];
    let len = (plaintext.len() < BLOCK).then(|| cbc_encrypt_to(key, plaintext, &mut block))?.len();
    (len == BLOCK).then_some(block)
}

/// Calls `f` with AES-ECB(PKCS#7(`plaintext`)), enciphered on the stack when it is short (a
/// `TC-Timestamp`, an OpenID) and on the heap otherwise.
pub(crate) fn with_ecb<R>(key: &AesKey, plaintext: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    let len = padded_len(plaintext.len());
    if len <= STACK {
        let mut buf = [0; STACK];
        let out = buf.get_mut(..len).unwrap_or_default();
        f(ecb_encrypt_to(key, plaintext, out))
    } else {
        let mut buf = vec![0; len];
        f(ecb_encrypt_to(key, plaintext, &mut buf))
    }
}

/// AES-ECB encryption of `plaintext` after PKCS#7 padding, into `out` (exactly
/// `padded_len(plaintext.len())` bytes); an empty slice if `out` has another length.
fn ecb_encrypt_to<'o>(key: &AesKey, plaintext: &[u8], out: &'o mut [u8]) -> &'o [u8] {
    fn run<'o, C: BlockCipherEncrypt>(c: &C, pt: &[u8], out: &'o mut [u8]) -> &'o [u8] {
        ecb::Encryptor::<&C>::inner_init(c).encrypt_padded_b2b::<Pkcs7>(pt, out).unwrap_or(&[])
    }
    with_cipher!(key, |c| run(c, plaintext, out))
}

/// AES-ECB decryption of `buf` in place, then PKCS#7 unpadding: the plaintext, in the same
/// allocation.
pub(crate) fn ecb_decrypt(
    key: &AesKey,
    mut buf: Vec<u8>,
    what: &'static str,
) -> Result<Vec<u8>, CryptoError> {
    fn run<C: BlockCipherDecrypt>(c: &C, buf: &mut [u8]) -> Option<usize> {
        ecb::Decryptor::<&C>::inner_init(c).decrypt_padded::<Pkcs7>(buf).ok().map(<[u8]>::len)
    }
    check_length(&buf, what)?;
    // `let … else` rather than `ok_or`, which would build (and drop) the error every time.
    let Some(len) = with_cipher!(key, |c| run(c, &mut buf)) else {
        return Err(CryptoError::BadPadding { what });
    };
    buf.truncate(len);
    Ok(buf)
}

/// Calls `f` with AES-CBC(PKCS#7(`plaintext`)) under the IV `key[..16]`, on the stack when
/// short.
pub(crate) fn with_cbc<R>(key: &AesKey, plaintext: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    let len = padded_len(plaintext.len());
    if len <= STACK {
        let mut buf = [0; STACK];
        let out = buf.get_mut(..len).unwrap_or_default();
        f(cbc_encrypt_to(key, plaintext, out))
    } else {
        let mut buf = vec![0; len];
        f(cbc_encrypt_to(key, plaintext, &mut buf))
    }
}

/// AES-CBC encryption of `plaintext` after PKCS#7 padding with the IV `key[..16]`, into `out`
/// (exactly `padded_len(plaintext.len())` bytes); an empty slice if `out` has another length.
fn cbc_encrypt_to<'o>(key: &AesKey, plaintext: &[u8], out: &'o mut [u8]) -> &'o [u8] {
    fn run<'o, C>(c: &C, iv: &[u8; 16], pt: &[u8], out: &'o mut [u8]) -> &'o [u8]
    where
        C: BlockCipherEncrypt + BlockSizeUser<BlockSize = U16>,
    {
        cbc::Encryptor::<&C>::inner_iv_init(c, &Array::from(*iv))
            .encrypt_padded_b2b::<Pkcs7>(pt, out)
            .unwrap_or(&[])
    }
    with_cipher!(key, |c| run(c, &key.iv, plaintext, out))
}

/// AES-CBC decryption of `ciphertext` in place with the IV `key[..16]`, then PKCS#7
/// unpadding; the buffer comes back cut to the plaintext.
pub(crate) fn cbc_decrypt(
    key: &AesKey,
    mut buf: Vec<u8>,
    what: &'static str,
) -> Result<Vec<u8>, CryptoError> {
    fn run<C>(c: &C, iv: &[u8; 16], buf: &mut [u8]) -> Option<usize>
    where
        C: BlockCipherDecrypt + BlockSizeUser<BlockSize = U16>,
    {
        cbc::Decryptor::<&C>::inner_iv_init(c, &Array::from(*iv))
            .decrypt_padded::<Pkcs7>(buf)
            .ok()
            .map(<[u8]>::len)
    }
    check_length(&buf, what)?;
    let Some(len) = with_cipher!(key, |c| run(c, &key.iv, &mut buf)) else {
        return Err(CryptoError::BadPadding { what });
    };
    buf.truncate(len);
    Ok(buf)
}

/// A padded ciphertext is one or more whole blocks.
fn check_length(ciphertext: &[u8], what: &'static str) -> Result<(), CryptoError> {
    if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(BLOCK) {
        return Err(CryptoError::InvalidCiphertextLength { what, len: ciphertext.len() });
    }
    Ok(())
}
