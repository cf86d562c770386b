//! The keys file: everything a counterpart of the sandbox needs, as JSON. `sas sandbox
//! --keys-out FILE` writes it (and `--config FILE` reads the same shape, with the private keys
//! only the superapp holds); `sas call`, `sas listen` and `sas verify` read it.

use std::path::Path;

use serde::{Deserialize, Serialize};

mod parts;

/// The keys file (JSON). Secrets are written to files with mode 0600.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeysFile {
    /// The sandbox's base URL (`http://127.0.0.1:PORT`).
    pub base_url: String,
    /// The SecretKey shared by SAS and the superapp (`TC-Signature`, AES-CBC e-mail and phone).
    pub secret_key: String,
    /// The merchant's APIv3 key (AEAD_AES_256_GCM callback resources), 32 bytes.
    pub api_v3_key: String,
    /// The AppKey of virtual payments (HMAC-SHA256 `PaySig`, `pay_sig`, `PayEventSig`).
    pub app_key: String,
    /// The superapp's application ID (`TC-ApplicationID`).
    pub application_id: String,
    /// The demo merchant.
    pub merchant: Merchant,
    /// The superapp payment platform.
    pub platform: Platform,
    /// The demo mini program's ID.
    pub mini_app_id: String,
    /// The demo mini game's ID.
    pub mini_game_id: String,
    /// The demo users.
    pub users: Vec<User>,
}

/// The demo merchant's keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Merchant {
    /// The merchant ID.
    pub mchid: String,
    /// The serial of the merchant's API certificate (the `serial_no` of `Authorization`).
    pub serial_no: String,
    /// The merchant's API private key, PKCS#8 PEM.
    pub private_key_pem: String,
    /// The merchant's API public key, SPKI PEM.
    pub public_key_pem: String,
}

/// The superapp payment platform's keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Platform {
    /// The serial merchants know the platform key by (`Wechatpay-Serial`).
    pub serial_no: String,
    /// The platform's public key, SPKI PEM.
    pub public_key_pem: String,
    /// The platform's certificate, PEM.
    pub certificate_pem: String,
    /// The platform's private key, PKCS#8 PEM: only in the sandbox's own `--config`, never in
    /// what `--keys-out` writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key_pem: Option<String>,
}

/// A demo user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The superapp's user ID.
    pub user_id: String,
    /// The user's OpenID in the demo mini program.
    pub open_id: String,
    /// The user's `session_key` in the demo mini program (the key of the `signature` of
    /// `wx.requestVirtualPayment`), Base64 of 16 bytes; empty in files written before it existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub session_key: String,
}

impl User {
    /// A user with its IDs and `session_key`.
    pub fn new(
        user_id: impl Into<String>,
        open_id: impl Into<String>,
        session_key: impl Into<String>,
    ) -> Self {
        Self { user_id: user_id.into(), open_id: open_id.into(), session_key: session_key.into() }
    }
}

/// A key of the file could not be read as its kind.
#[derive(Debug, thiserror::Error)]
#[error("the keys file's {field} is not a valid key: {source}")]
#[non_exhaustive]
pub struct BadKey {
    /// Which field (`merchant.private_key_pem`).
    pub field: &'static str,
    /// Why.
    pub source: sas_core::crypto::KeyError,
}

/// A keys file could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeysFileError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
    /// The file is not a keys file.
    #[error("{path}: not a keys file: {source}")]
    Json {
        /// The file.
        path: String,
        /// Where and why.
        source: serde_json::Error,
    },
}

impl KeysFile {
    /// Reads a keys file.
    ///
    /// Errors: [`KeysFileError::Io`], [`KeysFileError::Json`].
    pub fn load(path: &Path) -> Result<Self, KeysFileError> {
        let text = std::fs::read(path)
            .map_err(|source| KeysFileError::Io { path: path.display().to_string(), source })?;
        serde_json::from_slice(&text)
            .map_err(|source| KeysFileError::Json { path: path.display().to_string(), source })
    }

    /// Writes the keys file, readable by its owner only (mode 0600 on Unix).
    ///
    /// Errors: [`KeysFileError::Io`].
    pub fn save(&self, path: &Path) -> Result<(), KeysFileError> {
        let io = |source| KeysFileError::Io { path: path.display().to_string(), source };
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| io(e.into()))?;
        json.push(b'\n');
        write_private(path, &json).map_err(io)
    }

    /// The same keys without what only the superapp holds (the platform's private key): what
    /// `--keys-out` writes for a counterpart.
    #[must_use]
    pub fn for_counterpart(&self) -> Self {
        let mut keys = self.clone();
        keys.platform.private_key_pem = None;
        keys
    }
}

/// Writes `bytes` to `path`, creating it readable and writable by its owner only on Unix.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}
