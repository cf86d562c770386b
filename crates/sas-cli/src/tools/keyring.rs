//! The keys `sas verify`, `sas sign` and `sas listen` work with: from a keys file
//! (`--keys FILE`, the JSON `sas sandbox --keys-out` writes) and explicit flags. Secrets are held
//! in memory only; nothing here prints them.

use std::path::PathBuf;

use anyhow::Context as _;
use sas_core::crypto::{
    ApiV3Key, AppKey, Certificate, RsaPrivateKey, RsaPublicKey, SecretKey, SessionKey,
};

use crate::keyfile::KeysFile;

/// The key flags every tool shares.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct KeyArgs {
    /// A keys file, as `sas sandbox --keys-out` writes it.
    #[arg(long, value_name = "FILE", env = "SAS_KEYS")]
    pub keys: Option<PathBuf>,
    /// The SecretKey shared by SAS and the superapp (16, 24 or 32 characters).
    #[arg(long, value_name = "KEY", env = "SAS_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,
    /// The AppKey of virtual payments.
    #[arg(long, value_name = "KEY", env = "SAS_APP_KEY", hide_env_values = true)]
    pub app_key: Option<String>,
    /// The merchant's APIv3 key (32 characters), to open callback resources.
    #[arg(long, value_name = "KEY", env = "SAS_API_V3_KEY", hide_env_values = true)]
    pub api_v3_key: Option<String>,
    /// An RSA public key or certificate (PEM) and the serial it is known by:
    /// `SERIAL=FILE`, or `FILE` for a certificate (its own serial). Repeatable.
    #[arg(long, value_name = "[SERIAL=]FILE")]
    pub public_key: Vec<String>,
    /// An RSA private key (PEM) and the serial it is known by, `SERIAL=FILE`: its public key
    /// is known too, and a failed check shows what its signature would have been. Repeatable.
    #[arg(long, value_name = "SERIAL=FILE")]
    pub private_key: Vec<String>,
}

/// Whose RSA key it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyRole {
    /// A merchant's API key.
    Merchant {
        /// Its merchant ID.
        mchid: String,
    },
    /// The superapp payment platform's key (callbacks).
    Platform,
    /// A key given with `--public-key` or `--private-key`.
    Given,
}

/// An RSA key and what it is known by.
#[derive(Debug, Clone)]
pub struct RsaKey {
    /// The serial or public-key ID.
    pub id: String,
    /// Whose key.
    pub role: KeyRole,
    /// The public key.
    pub public: RsaPublicKey,
    /// The private key, when the user gave it (then the tools can say what a correct
    /// signature would have been).
    pub private: Option<RsaPrivateKey>,
}

impl RsaKey {
    /// `merchant 1900009191's API key (serial …)`.
    pub fn describe(&self) -> String {
        match &self.role {
            KeyRole::Merchant { mchid } => {
                format!("merchant {mchid}'s API key (serial {})", self.id)
            }
            KeyRole::Platform => format!("the platform key (serial {})", self.id),
            KeyRole::Given => format!("the key given as {}", self.id),
        }
    }

    /// Whether `id` names this key: exactly, or as the same serial number spelled otherwise
    /// (case, leading zeros, `:` separators).
    pub fn is_named(&self, id: &str) -> bool {
        self.id == id || normalise_serial(&self.id) == normalise_serial(id)
    }
}

/// A symmetric secret and what it is.
#[derive(Clone)]
pub struct Symmetric {
    /// `SecretKey`, `AppKey`, `APIv3 key`.
    pub label: &'static str,
    text: String,
}

impl std::fmt::Debug for Symmetric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (<redacted>)", self.label)
    }
}

impl Symmetric {
    /// The secret as a SecretKey, if its length allows.
    pub fn as_secret_key(&self) -> Option<SecretKey> {
        SecretKey::new(&self.text).ok()
    }

    /// The secret as an HMAC key.
    pub fn as_app_key(&self) -> Option<AppKey> {
        AppKey::new(&self.text).ok()
    }

    /// The secret as a session key.
    pub fn as_session_key(&self) -> Option<SessionKey> {
        SessionKey::new(&self.text).ok()
    }

    /// The secret as an APIv3 key, if its length allows.
    pub fn as_api_v3_key(&self) -> Option<ApiV3Key> {
        ApiV3Key::new(&self.text).ok()
    }

    /// Its length in bytes (the one thing about a secret that may be printed).
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Every key the tools know.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    /// The SecretKey.
    pub secret_key: Option<Symmetric>,
    /// The AppKey.
    pub app_key: Option<Symmetric>,
    /// The APIv3 key.
    pub api_v3_key: Option<Symmetric>,
    /// The RSA keys, merchants' and the platform's.
    pub rsa: Vec<RsaKey>,
    /// The merchant IDs the keys file names.
    pub merchants: Vec<String>,
}

impl Keyring {
    /// Reads `--keys` and the flags; a flag wins over the file.
    ///
    /// # Errors
    ///
    /// A file that cannot be read, or a key that cannot be loaded.
    pub fn load(args: &KeyArgs) -> anyhow::Result<Self> {
        let mut ring = match &args.keys {
            Some(path) => Self::from_keys_file(&KeysFile::load(path)?)?,
            None => Self::default(),
        };
        if let Some(key) = &args.secret_key {
            ring.secret_key = Some(symmetric("SecretKey", key));
        }
        if let Some(key) = &args.app_key {
            ring.app_key = Some(symmetric("AppKey", key));
        }
        if let Some(key) = &args.api_v3_key {
            ring.api_v3_key = Some(symmetric("APIv3 key", key));
        }
        for given in &args.public_key {
            let (id, path) = split_assignment(given);
            let pem = read(path)?;
            let (id, public) = match id {
                Some(id) => (id.to_owned(), RsaPublicKey::from_pem(&pem).context(path.to_owned())?),
                None => {
                    let certificate = Certificate::from_pem(&pem)
                        .with_context(|| format!("{path}: give SERIAL=FILE for a public key"))?;
                    (certificate.serial_number().to_owned(), certificate.public_key().clone())
                }
            };
            ring.rsa.push(RsaKey { id, role: KeyRole::Given, public, private: None });
        }
        for given in &args.private_key {
            let (Some(id), path) = split_assignment(given) else {
                anyhow::bail!("--private-key {given}: write SERIAL=FILE");
            };
            let private = RsaPrivateKey::from_pem(&read(path)?).context(path.to_owned())?;
            ring.rsa.push(RsaKey {
                id: id.to_owned(),
                role: KeyRole::Given,
                public: private.public_key(),
                private: Some(private),
            });
        }
        Ok(ring)
    }

    /// The keys of a keys file.
    ///
    /// # Errors
    ///
    /// A key in the file that cannot be loaded.
    pub fn from_keys_file(file: &KeysFile) -> anyhow::Result<Self> {
        let merchant = &file.merchant;
        let merchant_private = RsaPrivateKey::from_pem(&merchant.private_key_pem)
            .context("keys file: merchant.private_key_pem")?;
        let merchant_public = RsaPublicKey::from_pem(&merchant.public_key_pem)
            .context("keys file: merchant.public_key_pem")?;
        let mut rsa = vec![RsaKey {
            id: merchant.serial_no.clone(),
            role: KeyRole::Merchant { mchid: merchant.mchid.clone() },
            public: merchant_public,
            private: Some(merchant_private),
        }];
        let platform = &file.platform;
        let platform_private = platform
            .private_key_pem
            .as_deref()
            .map(RsaPrivateKey::from_pem)
            .transpose()
            .context("keys file: platform.private_key_pem")?;
        let platform_public = RsaPublicKey::from_pem(&platform.public_key_pem)
            .context("keys file: platform.public_key_pem")?;
        rsa.push(RsaKey {
            id: platform.serial_no.clone(),
            role: KeyRole::Platform,
            public: platform_public.clone(),
            private: platform_private.clone(),
        });
        if let Ok(certificate) = Certificate::from_pem(&platform.certificate_pem)
            && normalise_serial(certificate.serial_number())
                != normalise_serial(&platform.serial_no)
        {
            rsa.push(RsaKey {
                id: certificate.serial_number().to_owned(),
                role: KeyRole::Platform,
                public: certificate.public_key().clone(),
                private: platform_private.filter(|key| key.public_key() == platform_public),
            });
        }
        Ok(Self {
            secret_key: Some(symmetric("SecretKey", &file.secret_key)),
            app_key: Some(symmetric("AppKey", &file.app_key)),
            api_v3_key: Some(symmetric("APIv3 key", &file.api_v3_key)),
            rsa,
            merchants: vec![merchant.mchid.clone()],
        })
    }

    /// Every symmetric secret held, for "was it signed with another key?".
    pub fn symmetric(&self) -> impl Iterator<Item = &Symmetric> {
        [&self.secret_key, &self.app_key, &self.api_v3_key].into_iter().flatten()
    }

    /// The RSA keys of `role`s matching `wanted`.
    pub fn rsa_keys(&self, wanted: impl Fn(&KeyRole) -> bool) -> impl Iterator<Item = &RsaKey> {
        self.rsa.iter().filter(move |key| wanted(&key.role))
    }

    /// The RSA key a serial names among the keys `wanted` selects.
    pub fn find_rsa(&self, id: &str, wanted: impl Fn(&KeyRole) -> bool) -> Option<&RsaKey> {
        let candidates: Vec<&RsaKey> = self.rsa_keys(wanted).collect();
        candidates
            .iter()
            .find(|key| key.id == id)
            .or_else(|| candidates.iter().find(|key| key.is_named(id)))
            .copied()
    }
}

fn symmetric(label: &'static str, text: &str) -> Symmetric {
    Symmetric { label, text: text.to_owned() }
}

fn split_assignment(given: &str) -> (Option<&str>, &str) {
    match given.split_once('=') {
        Some((id, path)) if !id.is_empty() => (Some(id), path),
        _ => (None, given),
    }
}

fn read(path: &str) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))
}

/// A serial's hex digits, uppercase, without separators or leading zeros; other IDs as given.
fn normalise_serial(id: &str) -> String {
    let id = id.trim();
    let id = id.strip_prefix("0x").or_else(|| id.strip_prefix("0X")).unwrap_or(id);
    let digits: String = id.chars().filter(|c| *c != ':' && *c != ' ').collect();
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit()) {
        let significant = digits.trim_start_matches('0').to_ascii_uppercase();
        if significant.is_empty() { "0".to_owned() } else { significant }
    } else {
        id.to_owned()
    }
}
