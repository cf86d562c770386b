//! What every target shares: the fixed clock, every party's keys (the committed test keys,
//! compiled in), the key rings that sign and check, and the one walk over every entry.

use std::sync::OnceLock;

use sas_core::auth::{MerchantKeys, Signing, Verifying};
use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, PublicKeySet, RsaPrivateKey, SecretKey,
    SessionKey,
};
use sas_core::endpoint::{ApiRequest, FrontendParams};
use sas_core::time::UnixTime;

/// The fixed clock: every signature of the seeds is fresh at this time.
pub const NOW: UnixTime = UnixTime::from_millis(1_735_293_931_220);
/// The nonce of every `Authorization` and callback signature the seeds carry.
pub const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";
/// Where the superapp backend is served (with a path prefix, as a service domain may have).
pub const SUPERAPP: &str = "https://superapp.example/sas";
/// The path prefix of [`SUPERAPP`], which the receiver strips.
pub const PATH_PREFIX: &str = "/sas";
/// A merchant's callback URL, with a query of its own.
pub const CALLBACK_URL: &str = "https://merchant.example/notify/pay?source=sas";
/// The serial the merchant's key is known by.
pub const MERCHANT_SERIAL: &str = "MERCHANT-SERIAL-1";
/// The merchant a request names when it names none.
pub const MCHID: &str = "1230000109";

/// The committed test key files the targets use, as text.
pub mod files {
    /// The merchant's private key (PKCS#1 PEM).
    pub const MERCHANT_KEY: &str = include_str!("../../tests/vectors/keys/merchant-2048-pkcs1.pem");
    /// The platform's private key (PKCS#8 PEM).
    pub const PLATFORM_KEY: &str = include_str!("../../tests/vectors/keys/platform-2048.pem");
    /// The platform's certificate (PEM).
    pub const PLATFORM_CERT: &str = include_str!("../../tests/vectors/keys/platform-2048.crt");
    /// The key of the `wx.requestPayment` vectors (PKCS#1 PEM).
    pub const WECHATPAY_KEY: &str =
        include_str!("../../tests/vectors/keys/wechatpay-test-pkcs1.pem");
}

/// Every key of every party.
pub struct Keys {
    /// The SecretKey of SAS and the superapp.
    pub secret: SecretKey,
    /// The AppKey of the virtual-payment schemes.
    pub app_key: AppKey,
    /// The user's session key (`signature` of `wx.requestVirtualPayment`).
    pub session_key: SessionKey,
    /// The merchant's APIv3 key, which seals callback resources.
    pub api_v3_key: ApiV3Key,
    /// The merchant's private key, which signs `Authorization`.
    pub merchant_key: RsaPrivateKey,
    /// The merchant's public keys, as the superapp knows them.
    pub merchant_keys: PublicKeySet,
    /// The platform's private key, which signs payment callbacks.
    pub platform_key: RsaPrivateKey,
    /// The serial of the platform's certificate.
    pub platform_serial: String,
    /// The platform's certificate, as merchants know it.
    pub platform_keys: PublicKeySet,
    /// The key `wx.requestPayment` objects are signed with.
    pub pay_sign_key: RsaPrivateKey,
    /// Its public half, as the superapp knows it.
    pub pay_sign_keys: PublicKeySet,
}

impl Keys {
    fn load() -> anyhow::Result<Self> {
        let merchant_key = RsaPrivateKey::from_pem(files::MERCHANT_KEY)?;
        let platform_cert = Certificate::from_pem(files::PLATFORM_CERT)?;
        let pay_sign_key = RsaPrivateKey::from_pem(files::WECHATPAY_KEY)?;
        Ok(Self {
            secret: SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?,
            app_key: AppKey::new("12345")?,
            session_key: SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?,
            api_v3_key: ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?,
            merchant_keys: PublicKeySet::new().with_key(MERCHANT_SERIAL, merchant_key.public_key()),
            merchant_key,
            platform_key: RsaPrivateKey::from_pem(files::PLATFORM_KEY)?,
            platform_serial: platform_cert.serial_number().to_owned(),
            platform_keys: PublicKeySet::new().with_certificate(platform_cert),
            pay_sign_keys: PublicKeySet::new().with_key(MERCHANT_SERIAL, pay_sign_key.public_key()),
            pay_sign_key,
        })
    }

    /// The keys, loaded once per process.
    ///
    /// # Panics
    ///
    /// If a committed key file does not load: a broken build, not a finding.
    pub fn get() -> &'static Keys {
        static KEYS: OnceLock<Keys> = OnceLock::new();
        KEYS.get_or_init(|| match Keys::load() {
            Ok(keys) => keys,
            Err(error) => panic!("the committed test keys do not load: {error}"),
        })
    }

    /// The `Authorization` signer of merchant `mchid`.
    pub fn merchant_signer(&self, mchid: &str) -> AuthorizationSigner {
        AuthorizationSigner::new(self.merchant_key.clone(), mchid, MERCHANT_SERIAL)
    }

    /// The key ring every party signs with, the merchant's requests with `merchant`.
    pub fn signing<'a>(&'a self, merchant: &'a AuthorizationSigner) -> Signing<'a> {
        Signing::new(NOW)
            .nonce(NONCE)
            .secret_key(&self.secret)
            .merchant(merchant)
            .app_key(&self.app_key)
            .platform(&self.platform_key, &self.platform_serial)
    }

    /// The key ring every party checks with (`legacy`: `TC-Signature` in AES-CBC accepted too).
    pub fn verifying(&self, legacy: bool) -> Verifying<'_> {
        Verifying::new(NOW)
            .accept_legacy_cbc(legacy)
            .secret_key(&self.secret)
            .merchant_keys(self)
            .app_keys(&self.app_key)
            .platform_keys(&self.platform_keys)
            .path_prefix(PATH_PREFIX)
    }
}

/// The merchant `request` names (`TC-MerchantID`, query or body `mchid`), or [`MCHID`].
pub fn named_merchant<T: ApiRequest>(request: &T) -> String {
    let header = request.header_values().into_iter().find(|(n, _)| *n == "TC-MerchantID");
    let query = request.query_values().into_iter().find(|(n, _)| *n == "mchid");
    header
        .or(query)
        .map(|(_, v)| v.to_owned())
        .or_else(|| request.text("mchid").map(str::to_owned))
        .unwrap_or_else(|| MCHID.to_owned())
}

/// Every merchant has the one merchant key, so a request naming another `mchid` still reaches
/// the signature check.
impl MerchantKeys for Keys {
    fn merchant_keys(&self, _mchid: &str) -> Option<&PublicKeySet> {
        Some(&self.merchant_keys)
    }
}

/// What a target does with each entry of the spec: `request` for every endpoint and callback,
/// `params` for every front-end set. [`over_entries`] runs it over all of them.
pub trait EachEntry {
    /// What one entry gives back.
    type Output;

    /// For an endpoint's or callback's `Request`.
    fn request<T: ApiRequest>() -> Self::Output;

    /// For a front-end set's `Params`.
    fn params<T: FrontendParams>() -> Self::Output;
}

/// `V`'s output for every entry of the spec, in `ENTRIES` order (through
/// `sas_core::for_each_entry!`), so a new entry is fuzzed without new code.
pub fn over_entries<V: EachEntry>() -> Vec<V::Output> {
    macro_rules! one_entry {
        (frontend $group:ident $module:ident) => {
            V::params::<sas_core::api::$group::$module::Params>()
        };
        ($kind:ident $group:ident $module:ident) => {
            V::request::<sas_core::api::$group::$module::Request>()
        };
    }
    macro_rules! all_entries {
        ($($kind:ident $group:ident $module:ident;)*) => {
            vec![$(one_entry!($kind $group $module)),*]
        };
    }
    sas_core::for_each_entry!(all_entries)
}

/// The item of `items` the selector byte picks (`None` for an empty list).
pub fn pick<T>(items: &[T], selector: u8) -> Option<&T> {
    if items.is_empty() { None } else { items.get(usize::from(selector) % items.len()) }
}
