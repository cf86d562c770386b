//! Finding the first PEM block in a text and decoding it with RustCrypto's `pem-rfc7468`
//! (through `der`), with the label checks every key loader shares.

use x509_cert::der::pem;

use crate::crypto::error::KeyError;

/// A decoded PEM block.
pub(super) struct PemBlock {
    /// The label, e.g. `PRIVATE KEY`.
    pub(super) label: String,
    /// The DER bytes.
    pub(super) der: Vec<u8>,
}

/// Decodes the first `-----BEGIN …-----` / `-----END …-----` block of `text`; text around it
/// (comments, `openssl` bag attributes, further blocks) is ignored.
pub(super) fn first_block(text: &str) -> Result<PemBlock, KeyError> {
    let malformed = |reason: &str| KeyError::MalformedPem { reason: reason.to_owned() };
    let start = text.find("-----BEGIN ").ok_or_else(|| malformed("no -----BEGIN line"))?;
    let from_start = text.get(start..).unwrap_or_default();
    let end_marker = from_start.find("-----END ").ok_or_else(|| malformed("no -----END line"))?;
    let after_end = from_start.get(end_marker + "-----END ".len()..).unwrap_or_default();
    let close = after_end.find("-----").ok_or_else(|| malformed("unterminated -----END line"))?;
    let block_len = end_marker + "-----END ".len() + close + "-----".len();
    let block = from_start.get(..block_len).unwrap_or_default();
    // RFC 1421 encryption headers (`openssl genrsa -aes256`) sit inside the block.
    if block.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(KeyError::EncryptedPrivateKey);
    }
    let (label, der) = pem::decode_vec(block.as_bytes())
        .map_err(|e| KeyError::MalformedPem { reason: e.to_string() })?;
    if label == "ENCRYPTED PRIVATE KEY" {
        return Err(KeyError::EncryptedPrivateKey);
    }
    Ok(PemBlock { label: label.to_owned(), der })
}
