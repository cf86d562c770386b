//! Fresh demo keys: two RSA-2048 key pairs (the merchant's API key and the payment platform's
//! key, generated at once on two threads), a self-signed platform certificate, and random
//! SecretKey, APIv3 key, AppKey and user `session_key`s.
//!
//! RSA generation is RustCrypto's `rsa` (ring cannot generate RSA keys); every signature made
//! with these keys is sas-core's.

use base64::Engine;
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};

use crate::keyfile::{KeysFile, Merchant, Platform, User};

/// The demo merchant's ID.
pub const MCHID: &str = "1900000109";
/// The superapp's application ID on SAS (`TC-ApplicationID`).
pub const APPLICATION_ID: &str = "sas-sandbox-app";
/// The demo mini program's appid.
pub const MINI_APP_ID: &str = "wxsandboxminiapp01";
/// The demo mini game's appid.
pub const MINI_GAME_ID: &str = "wxsandboxminigame1";
/// The built-in demo users' IDs.
pub const USER_IDS: [&str; 2] = ["user-1001", "user-1002"];

/// Key generation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeygenError {
    /// The operating system's randomness failed.
    #[error("no randomness from the operating system: {0}")]
    Random(String),
    /// RSA key generation or encoding failed.
    #[error("cannot generate an RSA key: {0}")]
    Rsa(String),
    /// The platform certificate could not be made.
    #[error("cannot make the platform certificate: {0}")]
    Certificate(String),
}

/// `len` random bytes.
pub(crate) fn random_bytes(len: usize) -> Result<Vec<u8>, KeygenError> {
    let mut bytes = vec![0u8; len];
    getrandom::getrandom(&mut bytes).map_err(|e| KeygenError::Random(e.to_string()))?;
    Ok(bytes)
}

/// `len` random letters and digits (62 symbols; the bias of `% 62` is irrelevant for demo keys
/// of 32 symbols, and rejection sampling removes it anyway).
pub(crate) fn random_alphanumeric(len: usize) -> Result<String, KeygenError> {
    const SYMBOLS: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut out = String::with_capacity(len);
    while out.len() < len {
        for byte in random_bytes(len)? {
            if byte < 248 && out.len() < len {
                out.push(char::from(SYMBOLS[usize::from(byte % 62)]));
            }
        }
    }
    Ok(out)
}

/// Upper-case hex of `len` random bytes.
pub(crate) fn random_hex(len: usize) -> Result<String, KeygenError> {
    Ok(hex::encode_upper(random_bytes(len)?))
}

/// An RSA key pair as PEM: PKCS#8 private key, SPKI public key.
struct RsaPem {
    private: String,
    public: String,
}

fn rsa_pair(bits: usize) -> Result<RsaPem, KeygenError> {
    let rsa = |e: &dyn std::fmt::Display| KeygenError::Rsa(e.to_string());
    let key = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, bits).map_err(|e| rsa(&e))?;
    let private = key.to_pkcs8_pem(LineEnding::LF).map_err(|e| rsa(&e))?.to_string();
    let public = key.to_public_key().to_public_key_pem(LineEnding::LF).map_err(|e| rsa(&e))?;
    Ok(RsaPem { private, public })
}

/// A self-signed certificate for the platform key, valid from a day ago for ten years, with a
/// random 20-byte serial (the `Wechatpay-Serial` merchants know it by).
fn platform_certificate(private_pem: &str) -> Result<String, KeygenError> {
    let fail = |e: rcgen::Error| KeygenError::Certificate(e.to_string());
    let key = rcgen::KeyPair::from_pem(private_pem).map_err(fail)?;
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "SAS sandbox superapp payment platform");
    let mut serial = random_bytes(20)?;
    serial[0] &= 0x7f;
    serial[0] |= 0x10;
    params.serial_number = Some(rcgen::SerialNumber::from_slice(&serial));
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(3650);
    Ok(params.self_signed(&key).map_err(fail)?.pem())
}

/// Generates every key of a sandbox: what `sas sandbox` does on start without `--config`, and
/// `sas keys generate`. `base_url` is left empty for the caller to fill in.
///
/// Takes about a second in an optimised build (two RSA-2048 keys on two threads).
///
/// # Errors
///
/// [`KeygenError`] when randomness, RSA generation or the certificate fails.
pub fn generate() -> Result<KeysFile, KeygenError> {
    let (merchant, platform) = std::thread::scope(|scope| {
        let merchant = scope.spawn(|| rsa_pair(2048));
        let platform = rsa_pair(2048);
        let merchant =
            merchant.join().unwrap_or_else(|_| Err(KeygenError::Rsa("generator panicked".into())));
        (merchant, platform)
    });
    let (merchant, platform) = (merchant?, platform?);
    let certificate_pem = platform_certificate(&platform.private)?;
    let serial = sas_core::crypto::Certificate::from_pem(&certificate_pem)
        .map_err(|e| KeygenError::Certificate(e.to_string()))?
        .serial_number()
        .to_owned();
    let base64 = base64::engine::general_purpose::STANDARD;
    let users = USER_IDS
        .iter()
        .map(|user_id| {
            Ok(User::new(
                *user_id,
                format!("o{}", random_alphanumeric(27)?),
                base64.encode(random_bytes(16)?),
            ))
        })
        .collect::<Result<_, KeygenError>>()?;
    Ok(KeysFile {
        base_url: String::new(),
        secret_key: random_alphanumeric(32)?,
        api_v3_key: random_alphanumeric(32)?,
        app_key: random_alphanumeric(32)?,
        application_id: APPLICATION_ID.to_owned(),
        merchant: Merchant {
            mchid: MCHID.to_owned(),
            serial_no: random_hex(20)?,
            private_key_pem: merchant.private,
            public_key_pem: merchant.public,
        },
        platform: Platform {
            serial_no: serial,
            public_key_pem: platform.public,
            certificate_pem,
            private_key_pem: Some(platform.private),
        },
        mini_app_id: MINI_APP_ID.to_owned(),
        mini_game_id: MINI_GAME_ID.to_owned(),
        users,
    })
}
