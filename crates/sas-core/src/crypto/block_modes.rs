//! AES-ECB and AES-CBC with PKCS#7 padding over the three key sizes, from RustCrypto's `ecb`
//! and `cbc` (the modes `ring` does not offer).

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::consts::U16;
use aes::cipher::{
    Array, BlockCipherDecrypt, BlockCipherEncrypt, BlockModeDecrypt, BlockModeEncrypt,
    BlockSizeUser, InnerIvInit, Key, KeyInit,
};
use aes::{Aes128, Aes192, Aes256};

use super::error::CryptoError;
use super::keys::AesKey;

/// AES block size in bytes.
const BLOCK: usize = 16;

/// AES-ECB encryption of `plaintext` after PKCS#7 padding.
pub(crate) fn ecb_encrypt(key: &AesKey, plaintext: &[u8]) -> Vec<u8> {
    fn run<C: BlockCipherEncrypt + KeyInit>(key: &Key<C>, plaintext: &[u8]) -> Vec<u8> {
        ecb::Encryptor::<C>::new(key).encrypt_padded_vec::<Pkcs7>(plaintext)
    }
    match key {
        AesKey::Aes128(k) => run::<Aes128>(&Array::from(*k), plaintext),
        AesKey::Aes192(k) => run::<Aes192>(&Array::from(*k), plaintext),
        AesKey::Aes256(k) => run::<Aes256>(&Array::from(*k), plaintext),
    }
}

/// AES-ECB decryption of `ciphertext`, then PKCS#7 unpadding.
pub(crate) fn ecb_decrypt(
    key: &AesKey,
    ciphertext: &[u8],
    what: &'static str,
) -> Result<Vec<u8>, CryptoError> {
    fn run<C: BlockCipherDecrypt + KeyInit>(key: &Key<C>, ct: &[u8]) -> Option<Vec<u8>> {
        ecb::Decryptor::<C>::new(key).decrypt_padded_vec::<Pkcs7>(ct).ok()
    }
    check_length(ciphertext, what)?;
    let plaintext = match key {
        AesKey::Aes128(k) => run::<Aes128>(&Array::from(*k), ciphertext),
        AesKey::Aes192(k) => run::<Aes192>(&Array::from(*k), ciphertext),
        AesKey::Aes256(k) => run::<Aes256>(&Array::from(*k), ciphertext),
    };
    plaintext.ok_or(CryptoError::BadPadding { what })
}

/// AES-CBC encryption of `plaintext` after PKCS#7 padding, with the IV `key[..16]`.
pub(crate) fn cbc_encrypt(key: &AesKey, plaintext: &[u8]) -> Vec<u8> {
    fn run<C>(key: &Key<C>, iv: &[u8; 16], pt: &[u8]) -> Vec<u8>
    where
        C: BlockCipherEncrypt + KeyInit + BlockSizeUser<BlockSize = U16>,
    {
        cbc::Encryptor::<C>::inner_iv_init(C::new(key), &Array::from(*iv))
            .encrypt_padded_vec::<Pkcs7>(pt)
    }
    let iv = key.iv();
    match key {
        AesKey::Aes128(k) => run::<Aes128>(&Array::from(*k), &iv, plaintext),
        AesKey::Aes192(k) => run::<Aes192>(&Array::from(*k), &iv, plaintext),
        AesKey::Aes256(k) => run::<Aes256>(&Array::from(*k), &iv, plaintext),
    }
}

/// AES-CBC decryption of `ciphertext` with the IV `key[..16]`, then PKCS#7 unpadding.
pub(crate) fn cbc_decrypt(
    key: &AesKey,
    ciphertext: &[u8],
    what: &'static str,
) -> Result<Vec<u8>, CryptoError> {
    fn run<C>(key: &Key<C>, iv: &[u8; 16], ct: &[u8]) -> Option<Vec<u8>>
    where
        C: BlockCipherDecrypt + KeyInit + BlockSizeUser<BlockSize = U16>,
    {
        cbc::Decryptor::<C>::inner_iv_init(C::new(key), &Array::from(*iv))
            .decrypt_padded_vec::<Pkcs7>(ct)
            .ok()
    }
    check_length(ciphertext, what)?;
    let iv = key.iv();
    let plaintext = match key {
        AesKey::Aes128(k) => run::<Aes128>(&Array::from(*k), &iv, ciphertext),
        AesKey::Aes192(k) => run::<Aes192>(&Array::from(*k), &iv, ciphertext),
        AesKey::Aes256(k) => run::<Aes256>(&Array::from(*k), &iv, ciphertext),
    };
    plaintext.ok_or(CryptoError::BadPadding { what })
}

/// A padded ciphertext is one or more whole blocks.
fn check_length(ciphertext: &[u8], what: &'static str) -> Result<(), CryptoError> {
    if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(BLOCK) {
        return Err(CryptoError::InvalidCiphertextLength { what, len: ciphertext.len() });
    }
    Ok(())
}
