//! `sas encrypt` and `sas decrypt`: the header-value cipher (`TC-OpenId`, `TC-MiniAppID`), the
//! e-mail and phone cipher of 1.3 and 1.4, and callback resources (AEAD_AES_256_GCM). The
//! result goes to stdout.

use std::path::PathBuf;

use anyhow::Context as _;
use sas_core::crypto::{
    AEAD_AES_256_GCM, ApiV3Key, SecretKey, decrypt_header_value, decrypt_user_info,
    encrypt_header_value, encrypt_user_info, open_resource, seal_resource,
};
use sas_hyper::time::{NonceSource as _, OsNonces};

use super::keyring::{KeyArgs, Keyring, Symmetric};

/// Encrypt a header value, an e-mail or phone number, or a callback resource.
#[derive(Debug, clap::Args)]
pub struct EncryptArgs {
    /// What to encrypt.
    #[command(subcommand)]
    pub command: EncryptCommand,
}

/// Decrypt a header value, an e-mail or phone number, or a callback resource.
#[derive(Debug, clap::Args)]
pub struct DecryptArgs {
    /// What to decrypt.
    #[command(subcommand)]
    pub command: DecryptCommand,
}

/// What `sas encrypt` encrypts.
#[derive(Debug, clap::Subcommand)]
#[non_exhaustive]
pub enum EncryptCommand {
    /// A `TC-OpenId` / `TC-MiniAppID` value: AES-ECB with the SecretKey, lowercase hex.
    Header {
        /// The plaintext value.
        value: String,
        /// The keys: the SecretKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// The e-mail or phone `data` of 1.3 / 1.4: AES-CBC with the SecretKey, Base64.
    UserInfo {
        /// The e-mail address or phone number.
        value: String,
        /// The keys: the SecretKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// A callback `resource`: AEAD_AES_256_GCM with the APIv3 key; prints the resource object.
    Resource {
        /// The plaintext JSON (a file, or `-` for stdin).
        #[arg(value_name = "FILE")]
        plaintext: PathBuf,
        /// The GCM nonce, 12 characters (default: random).
        #[arg(long)]
        nonce: Option<String>,
        /// The associated data (`transaction` or `refund` in practice).
        #[arg(long, default_value = "")]
        associated_data: String,
        /// The `original_type` to write (`transaction`, `refund`).
        #[arg(long, default_value = "transaction")]
        original_type: String,
        /// The keys: the APIv3 key.
        #[command(flatten)]
        keys: KeyArgs,
    },
}

/// What `sas decrypt` decrypts.
#[derive(Debug, clap::Subcommand)]
#[non_exhaustive]
pub enum DecryptCommand {
    /// A `TC-OpenId` / `TC-MiniAppID` value (hex).
    Header {
        /// The hex value.
        value: String,
        /// The keys: the SecretKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// The e-mail or phone `data` of 1.3 / 1.4 (Base64).
    UserInfo {
        /// The Base64 value.
        value: String,
        /// The keys: the SecretKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// A callback `resource`: the callback body or the resource object (a file, or `-`).
    Resource {
        /// The JSON holding the resource.
        #[arg(value_name = "FILE")]
        input: PathBuf,
        /// The keys: the APIv3 key.
        #[command(flatten)]
        keys: KeyArgs,
    },
}

/// Runs `sas encrypt`.
///
/// # Errors
///
/// A missing key, or an input that cannot be read or sealed.
pub fn encrypt(args: EncryptArgs) -> anyhow::Result<()> {
    match args.command {
        EncryptCommand::Header { value, keys } => {
            println!("{}", encrypt_header_value(&secret_key(&keys)?, &value));
        }
        EncryptCommand::UserInfo { value, keys } => {
            println!("{}", encrypt_user_info(&secret_key(&keys)?, &value));
        }
        EncryptCommand::Resource { plaintext, nonce, associated_data, original_type, keys } => {
            let key = api_v3_key(&keys)?;
            let plaintext = super::read_input(&plaintext)?;
            let nonce = nonce.unwrap_or_else(|| OsNonces.nonce().chars().take(12).collect());
            let ciphertext = seal_resource(&key, &nonce, &associated_data, &plaintext)?;
            let resource = serde_json::json!({
                "original_type": original_type,
                "algorithm": AEAD_AES_256_GCM,
                "ciphertext": ciphertext,
                "associated_data": associated_data,
                "nonce": nonce,
            });
            println!("{}", serde_json::to_string_pretty(&resource)?);
        }
    }
    Ok(())
}

/// Runs `sas decrypt`.
///
/// # Errors
///
/// A missing key, or a ciphertext that does not open.
pub fn decrypt(args: DecryptArgs) -> anyhow::Result<()> {
    match args.command {
        DecryptCommand::Header { value, keys } => {
            println!("{}", decrypt_header_value(&secret_key(&keys)?, &value)?);
        }
        DecryptCommand::UserInfo { value, keys } => {
            println!("{}", decrypt_user_info(&secret_key(&keys)?, &value)?);
        }
        DecryptCommand::Resource { input, keys } => {
            let key = api_v3_key(&keys)?;
            let json: serde_json::Value =
                super::read_json(&super::read_input(&input)?).context("the input is not JSON")?;
            let resource = json
                .as_object()
                .and_then(|body| {
                    body.iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case("resource"))
                        .map(|(_, value)| value)
                })
                .unwrap_or(&json);
            let text = |name: &str| resource.get(name).and_then(|v| v.as_str()).unwrap_or_default();
            let plaintext =
                open_resource(&key, text("nonce"), text("associated_data"), text("ciphertext"))?;
            // Read as the SDK reads it; what it refuses (a member given twice, say) is shown as
            // it is, with why, never tidied into a document it is not.
            match super::read_json::<serde_json::Value>(&plaintext) {
                Ok(document) => println!("{}", serde_json::to_string_pretty(&document)?),
                Err(error) => {
                    println!("{}", String::from_utf8_lossy(&plaintext));
                    eprintln!("sas: the plaintext above is shown as it is: {error}");
                }
            }
        }
    }
    Ok(())
}

fn secret_key(keys: &KeyArgs) -> anyhow::Result<SecretKey> {
    Keyring::load(keys)?
        .secret_key
        .as_ref()
        .and_then(Symmetric::as_secret_key)
        .context("give the SecretKey (--secret-key or --keys), 16, 24 or 32 bytes")
}

fn api_v3_key(keys: &KeyArgs) -> anyhow::Result<ApiV3Key> {
    Keyring::load(keys)?
        .api_v3_key
        .as_ref()
        .and_then(Symmetric::as_api_v3_key)
        .context("give the APIv3 key (--api-v3-key or --keys), 32 bytes")
}
