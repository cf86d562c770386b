//! Finding the first PEM block in a text as people paste it, putting it back into RFC 7468's
//! strict layout, and decoding it with RustCrypto's `pem-rfc7468` (through `der`), with the label
//! checks every key loader shares.
//!
//! The text is only re-laid out, never re-interpreted: line ends (CRLF, CR, LF), text and
//! whitespace around the block, whitespace at either end of a line, blank lines and whitespace
//! inside the Base64 are dropped, and the Base64 is re-wrapped at 64 columns. That loads every
//! layout OpenSSL 3 loads, and the whitespace variants pyca/cryptography loads
//! (`tests/vectors/pem_shapes.json` records both). Texts that lost their line structure (the
//! whole block on one line, `\n` written as two characters, an indented block, Base64 without
//! armour) are refused with [`KeyError::PemLayout`], as OpenSSL refuses them.

use x509_cert::der::pem;

use crate::crypto::error::{KeyError, PemLayout};

/// A decoded PEM block.
pub(super) struct PemBlock {
    /// The label, e.g. `PRIVATE KEY`.
    pub(super) label: String,
    /// The DER bytes.
    pub(super) der: Vec<u8>,
}

/// PEM labels and what to say when one turns up where another kind is expected.
pub(super) fn label_hint(found: &str, wanted_private: bool) -> &'static str {
    match found {
        "CERTIFICATE" if wanted_private => {
            "a certificate holds only a public key; pass the private key file (BEGIN PRIVATE \
             KEY or BEGIN RSA PRIVATE KEY, e.g. apiclient_key.pem), not the certificate"
        }
        "PUBLIC KEY" | "RSA PUBLIC KEY" if wanted_private => {
            "this is a public key; pass the private key file (BEGIN PRIVATE KEY or BEGIN RSA \
             PRIVATE KEY)"
        }
        "PRIVATE KEY" | "RSA PRIVATE KEY" => {
            "this is a private key, which must not be configured where the peer's public key \
             or certificate belongs; pass the certificate or public key file instead (for your \
             own key, RsaPrivateKey::from_pem(..)?.public_key() gives its public key)"
        }
        "PUBLIC KEY" | "RSA PUBLIC KEY" => {
            "this is a bare public key; load it with RsaPublicKey::from_pem and add it to a \
             PublicKeySet under its public-key ID"
        }
        "EC PRIVATE KEY" | "EC PARAMETERS" => {
            "this is an EC key; SAS signatures are RSA-SHA256: use an RSA key of 2048 bits or more"
        }
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
            "this is a certificate signing request, not the certificate issued for it"
        }
        _ => "pass a PEM file of the kind expected",
    }
}

/// Decodes the first block of `text` labelled one of `labels` (`-----BEGIN PRIVATE KEY-----`
/// for `"PRIVATE KEY"`), or the first block of any label when none is (the caller then names
/// the kind it found); text around it (comments, `openssl` bag attributes, `openssl x509 -text`
/// output, other blocks) is ignored. OpenSSL and pyca/cryptography read a file holding a key
/// and its certificate, or a chain, the same way: each loader takes the first block of its kind.
pub(super) fn block(text: &str, labels: &[&str]) -> Result<PemBlock, KeyError> {
    let labelled = text.match_indices("-----BEGIN ").map(|(start, _)| start).find(|&start| {
        let after = text.get(start + "-----BEGIN ".len()..).unwrap_or_default();
        after.split_once("-----").is_some_and(|(label, _)| labels.contains(&label.trim()))
    });
    match labelled.or_else(|| text.find("-----BEGIN ")) {
        Some(start) => block_at(text.get(start..).unwrap_or_default()),
        None => Err(no_begin(text)),
    }
}

/// Decodes the block `from_start` begins with.
fn block_at(from_start: &str) -> Result<PemBlock, KeyError> {
    let malformed = |reason: &str| KeyError::MalformedPem { reason: reason.to_owned() };
    let end_marker = from_start.find("-----END ").ok_or_else(|| malformed("no -----END line"))?;
    let after_end = from_start.get(end_marker + "-----END ".len()..).unwrap_or_default();
    let close = after_end.find("-----").ok_or_else(|| malformed("unterminated -----END line"))?;
    let block_len = end_marker + "-----END ".len() + close + "-----".len();
    let block = from_start.get(..block_len).unwrap_or_default();
    // RFC 1421 encryption headers (`openssl genrsa -aes256`) sit inside the block.
    if block.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(KeyError::EncryptedPrivateKey);
    }
    let strict = relaid(block)?;
    let (label, der) = pem::decode_vec(strict.as_bytes())
        .map_err(|e| KeyError::MalformedPem { reason: e.to_string() })?;
    if label == "ENCRYPTED PRIVATE KEY" {
        return Err(KeyError::EncryptedPrivateKey);
    }
    Ok(PemBlock { label: label.to_owned(), der })
}

/// Why a text without `-----BEGIN ` is not PEM.
fn no_begin(text: &str) -> KeyError {
    let trimmed = text.trim();
    let base64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    if trimmed.len() >= 64 && trimmed.bytes().all(|b| base64(b) || b.is_ascii_whitespace()) {
        return KeyError::PemLayout(PemLayout::NoArmour);
    }
    KeyError::MalformedPem { reason: "no -----BEGIN line".to_owned() }
}

/// `block` (from `-----BEGIN` to the end of `-----END …-----`) in RFC 7468's strict layout.
fn relaid(block: &str) -> Result<String, KeyError> {
    if block.contains("\\n") || block.contains("\\r") {
        return Err(KeyError::PemLayout(PemLayout::LiteralNewlineEscapes));
    }
    let lines: Vec<&str> = block.split(['\n', '\r']).collect();
    let (Some(begin), Some(end)) = (lines.first(), lines.last()) else {
        return Err(KeyError::MalformedPem { reason: "empty block".to_owned() });
    };
    if lines.len() == 1 {
        return Err(KeyError::PemLayout(PemLayout::WholeOnOneLine));
    }
    // An indented block (from YAML or Markdown): OpenSSL refuses an indented END line.
    let end_indent = end.get(..end.find("-----END").unwrap_or_default()).unwrap_or_default();
    if !end_indent.is_empty() && end_indent.chars().all(|c| c == ' ' || c == '\t') {
        return Err(KeyError::PemLayout(PemLayout::Indented));
    }
    let base64: String = lines
        .get(1..lines.len() - 1)
        .unwrap_or_default()
        .iter()
        .flat_map(|line| line.chars())
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    if !base64.is_ascii() {
        return Err(KeyError::MalformedPem {
            reason: "non-ASCII text inside the Base64".to_owned(),
        });
    }
    let mut strict = String::with_capacity(block.len() + base64.len() / 64 + 4);
    strict.push_str(begin.trim_end());
    strict.push('\n');
    for chunk in base64.as_bytes().chunks(64) {
        strict.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        strict.push('\n');
    }
    strict.push_str(end.trim());
    strict.push('\n');
    Ok(strict)
}
