//! `sas sign`, `sas verify`, `sas encrypt`, `sas decrypt`: one subcommand per scheme, and
//! failures explained step by step.
//!
//! | Module | What it holds |
//! |---|---|
//! | [`capture`] | a captured request: raw HTTP (CRLF or LF) or parts |
//! | [`keyring`] | the keys, from `--keys FILE` and flags |
//! | [`explain`] | the explainer: request + keys → [`explain::Explanation`] (steps, verdict, likely causes) |
//! | [`render`] | explanations as text |
//! | [`sign`](mod@sign), [`verify`](mod@verify), [`cipher`] | the subcommands |

pub mod capture;
pub mod cipher;
pub mod explain;
pub mod keyring;
pub mod render;
pub mod sign;
pub mod verify;

use sas_core::time::UnixTime;

pub use cipher::{DecryptArgs, EncryptArgs};
pub use sign::SignArgs;
pub use verify::VerifyArgs;

/// Runs `sas sign`.
///
/// # Errors
///
/// Keys that cannot be loaded or inputs that cannot be read or signed.
pub fn sign(args: SignArgs) -> anyhow::Result<()> {
    sign::run(args)
}

/// Runs `sas verify`.
///
/// # Errors
///
/// An input that cannot be read, or a request that does not verify (after its explanation
/// is printed).
pub fn verify(args: VerifyArgs) -> anyhow::Result<()> {
    verify::run(args)
}

/// Runs `sas encrypt`.
///
/// # Errors
///
/// Keys that cannot be loaded or inputs that cannot be read.
pub fn encrypt(args: EncryptArgs) -> anyhow::Result<()> {
    cipher::encrypt(args)
}

/// Runs `sas decrypt`.
///
/// # Errors
///
/// Keys that cannot be loaded, or a ciphertext that does not open.
pub fn decrypt(args: DecryptArgs) -> anyhow::Result<()> {
    cipher::decrypt(args)
}

/// The system clock, as sas-core's time.
pub fn system_now() -> UnixTime {
    let since_epoch =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    UnixTime::from_millis(u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX))
}

/// Parses a `--now` value: Unix seconds (10 digits) or milliseconds (13 digits).
///
/// # Errors
///
/// Any other value.
pub fn parse_now(value: &str) -> Result<UnixTime, String> {
    UnixTime::parse_timestamp(value)
        .map(|(time, _)| time)
        .map_err(|_| format!("{value:?}: give Unix seconds (10 digits) or milliseconds (13)"))
}

/// Reads a file, or stdin for `-`.
///
/// # Errors
///
/// The file cannot be read.
pub fn read_input(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    use anyhow::Context as _;
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .context("cannot read stdin")?;
        Ok(bytes)
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
    }
}

/// Why a JSON text from outside was refused by [`read_json`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonTextError {
    /// The bytes are not UTF-8.
    #[error("the text is not UTF-8: {0}")]
    NotUtf8(#[from] std::str::Utf8Error),
    /// The text is not JSON by RFC 8259 (a member name repeated in one object, say), or not of
    /// the type asked for; the error names the member at fault.
    #[error(transparent)]
    Json(#[from] sas_core::error::JsonError),
}

/// Reads a JSON text given from outside (a file, a pasted object, an HTTP body) as the SDK
/// reads every message: by RFC 8259, a leading byte order mark ignored, a member name given
/// twice in one object refused, the member at fault named.
///
/// # Errors
///
/// [`JsonTextError`].
pub fn read_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonTextError> {
    let text = std::str::from_utf8(bytes)?;
    Ok(sas_core::types::JsonString::<T>::from_raw(text).parse()?)
}
