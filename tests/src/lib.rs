//! Fixtures of the end-to-end tests: every party of SAS with its keys, from the committed
//! test-only key files, and a fixed clock.

use std::collections::BTreeMap;

use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, KeyError, PublicKeySet, RsaPrivateKey,
    SecretKey, SessionKey,
};
use sas_core::time::UnixTime;

/// The clock of every story: 2024-12-27T10:05:31.220Z.
pub const NOW: UnixTime = UnixTime::from_millis(1_735_293_931_220);

/// The merchant of every story.
pub const MCHID: &str = "1230000109";

/// The mini program of every story.
pub const APPID: &str = "wxd678efh567hg6787";

/// Where the superapp backend serves the API List.
pub const SUPERAPP_URL: &str = "https://superapp.example";

/// Where the merchant wants payment results.
pub const CALLBACK_URL: &str = "https://merchant.example/sas/notify";

/// Every party's keys.
#[derive(Debug)]
pub struct Parties {
    /// Shared by SAS and the superapp.
    pub secret_key: SecretKey,
    /// The merchant's API private key (it also signs `wx.requestPayment`).
    pub merchant_key: RsaPrivateKey,
    /// The merchant's `Authorization` signer, over the same key.
    pub merchant: AuthorizationSigner,
    /// The merchant's public key, as the superapp holds it, by `mchid`.
    pub merchant_keys: BTreeMap<String, PublicKeySet>,
    /// The superapp payment platform's private key.
    pub platform_key: RsaPrivateKey,
    /// The serial merchants know the platform key by.
    pub platform_serial: String,
    /// The platform's certificate, as merchants hold it.
    pub platform_keys: PublicKeySet,
    /// The merchant's APIv3 key (callback resources).
    pub api_v3_key: ApiV3Key,
    /// The virtual-payment AppKey the superapp gave the merchant.
    pub app_key: AppKey,
    /// A user's `session_key`.
    pub session_key: SessionKey,
}

/// A key file could not be read or loaded.
#[derive(Debug)]
pub enum FixtureError {
    /// Reading the file failed.
    Io(std::io::Error),
    /// The key material was refused.
    Key(KeyError),
}

impl From<std::io::Error> for FixtureError {
    fn from(error: std::io::Error) -> Self {
        Self::Io(error)
    }
}

impl From<KeyError> for FixtureError {
    fn from(error: KeyError) -> Self {
        Self::Key(error)
    }
}

impl Parties {
    /// Loads every key from `tests/vectors/keys`.
    pub fn load() -> Result<Self, FixtureError> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/keys");
        let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
        let merchant_key = RsaPrivateKey::from_pem(&read("merchant-2048-pkcs1.pem")?)?;
        let merchant_public = merchant_key.public_key();
        let platform_cert = Certificate::from_pem(&read("platform-2048.crt")?)?;
        let platform_serial = platform_cert.serial_number().to_owned();
        Ok(Self {
            secret_key: SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?,
            merchant: AuthorizationSigner::new(
                RsaPrivateKey::from_pem(&read("merchant-2048-pkcs1.pem")?)?,
                MCHID,
                "MERCHANT-SERIAL-1",
            ),
            merchant_key,
            merchant_keys: BTreeMap::from([(
                MCHID.to_owned(),
                PublicKeySet::new().with_key("MERCHANT-SERIAL-1", merchant_public.clone()),
            )]),
            platform_key: RsaPrivateKey::from_pem(&read("platform-2048.pem")?)?,
            platform_serial,
            platform_keys: PublicKeySet::new()
                .with_certificate(platform_cert)
                .forbid_own_key(merchant_public),
            api_v3_key: ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?,
            app_key: AppKey::new("12345")?,
            session_key: SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?,
        })
    }
}
