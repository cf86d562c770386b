//! The keys this crate signs and verifies with, owned and cheap to clone, and the only place
//! that builds sas-core's signing and verifying inputs from them.
//!
//! Every call into sas-core's conversions (sign, verify, open, read) goes through the functions
//! at the bottom of this file, so the rest of the crate does not depend on how sas-core spells
//! its auth inputs.

use std::sync::Arc;

#[cfg(feature = "client")]
use sas_core::auth::Signing;
#[cfg(feature = "server")]
use sas_core::auth::Verifying;
use sas_core::auth::{AppKeys, MerchantKeys};
#[cfg(feature = "server")]
use sas_core::callback::{self, EncryptedCallback, OpenError, Opened, PayloadCallback};
#[cfg(feature = "server")]
use sas_core::crypto::ApiV3Key;
use sas_core::crypto::{
    AppKey, AuthorizationSigner, FreshnessWindow, PublicKeySet, RsaPrivateKey, SecretKey,
};
#[cfg(any(feature = "client", feature = "server"))]
use sas_core::endpoint::ApiRequest;
#[cfg(feature = "server")]
use sas_core::error::FromHttpRequestError;
#[cfg(feature = "client")]
use sas_core::error::IntoHttpError;
#[cfg(feature = "client")]
use sas_core::request::OutgoingRequest;
#[cfg(feature = "server")]
use sas_core::request::{Authenticated, IncomingRequest};

pub use sas_core::time::UnixTime;

/// What outgoing messages are signed with: hold only the keys your side has.
///
/// | side | holds |
/// |---|---|
/// | SAS (and tests) calling a superapp | [`secret_key`](Self::secret_key) |
/// | a merchant calling the payment APIs | [`merchant`](Self::merchant), and [`app_key`](Self::app_key) for virtual orders |
/// | a superapp sending callbacks | [`secret_key`](Self::secret_key), [`platform`](Self::platform), [`app_key`](Self::app_key) |
///
/// Cloning shares the keys.
#[derive(Clone, Default)]
pub struct SigningKeys {
    secret_key: Option<SecretKey>,
    merchant: Option<Arc<AuthorizationSigner>>,
    app_key: Option<AppKey>,
    platform: Option<Arc<(RsaPrivateKey, String)>>,
}

impl SigningKeys {
    /// No keys yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The SecretKey shared by SAS and the superapp (`TC-Signature`).
    #[must_use]
    pub fn secret_key(mut self, key: SecretKey) -> Self {
        self.secret_key = Some(key);
        self
    }

    /// The merchant's `Authorization` signer (its API private key, `mchid` and serial).
    #[must_use]
    pub fn merchant(mut self, signer: AuthorizationSigner) -> Self {
        self.merchant = Some(Arc::new(signer));
        self
    }

    /// The AppKey of virtual payments (`PaySig`, `pay_sig`, `PayEventSig`).
    #[must_use]
    pub fn app_key(mut self, key: AppKey) -> Self {
        self.app_key = Some(key);
        self
    }

    /// The superapp payment platform's private key and the serial merchants know it by: payment
    /// and refund callbacks are signed with it.
    #[must_use]
    pub fn platform(mut self, key: RsaPrivateKey, serial: impl Into<String>) -> Self {
        self.platform = Some(Arc::new((key, serial.into())));
        self
    }
}

impl std::fmt::Debug for SigningKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeys")
            .field("secret_key", &self.secret_key.is_some())
            .field("merchant", &self.merchant.is_some())
            .field("app_key", &self.app_key.is_some())
            .field("platform", &self.platform.as_ref().map(|p| p.1.as_str()))
            .finish()
    }
}

/// A merchant-key lookup shared across tasks: the merchants' public keys by `mchid` (each a set
/// by serial). `BTreeMap<String, PublicKeySet>` is the in-memory implementation.
pub trait MerchantKeyStore: MerchantKeys + Send + Sync + 'static {}
impl<T: MerchantKeys + Send + Sync + 'static> MerchantKeyStore for T {}

/// An AppKey lookup shared across tasks, by the merchant ID a message names.
/// `BTreeMap<String, AppKey>` and a single [`AppKey`] are the in-memory implementations.
pub trait AppKeyStore: AppKeys + Send + Sync + 'static {}
impl<T: AppKeys + Send + Sync + 'static> AppKeyStore for T {}

/// What incoming messages are checked against: hold only what your side has. Cloning shares
/// the keys.
#[derive(Clone)]
pub struct VerifyingKeys {
    window: FreshnessWindow,
    legacy_cbc: bool,
    secret_key: Option<SecretKey>,
    merchant_keys: Option<Arc<dyn MerchantKeyStore>>,
    app_keys: Option<Arc<dyn AppKeyStore>>,
    platform_keys: Option<Arc<PublicKeySet>>,
    path_prefix: String,
}

impl Default for VerifyingKeys {
    fn default() -> Self {
        Self::new()
    }
}

impl VerifyingKeys {
    /// No keys yet, the default freshness window (300 s).
    pub fn new() -> Self {
        Self {
            window: FreshnessWindow::DEFAULT,
            legacy_cbc: false,
            secret_key: None,
            merchant_keys: None,
            app_keys: None,
            platform_keys: None,
            path_prefix: String::new(),
        }
    }

    /// Another freshness window for every timestamp checked.
    #[must_use]
    pub fn window(mut self, window: FreshnessWindow) -> Self {
        self.window = window;
        self
    }

    /// Also accept the legacy AES-CBC `TC-Signature`.
    #[must_use]
    pub fn accept_legacy_cbc(mut self, accept: bool) -> Self {
        self.legacy_cbc = accept;
        self
    }

    /// The SecretKey shared by SAS and the superapp.
    #[must_use]
    pub fn secret_key(mut self, key: SecretKey) -> Self {
        self.secret_key = Some(key);
        self
    }

    /// The merchants' public keys, found by `mchid` and serial (superapp side).
    #[must_use]
    pub fn merchant_keys(mut self, keys: impl MerchantKeyStore) -> Self {
        self.merchant_keys = Some(Arc::new(keys));
        self
    }

    /// The AppKeys of virtual payments.
    #[must_use]
    pub fn app_keys(mut self, keys: impl AppKeyStore) -> Self {
        self.app_keys = Some(Arc::new(keys));
        self
    }

    /// The superapp payment platform's public keys (merchant side).
    #[must_use]
    pub fn platform_keys(mut self, keys: PublicKeySet) -> Self {
        self.platform_keys = Some(Arc::new(keys));
        self
    }

    /// A prefix before the documented paths (for example `/sas`), stripped before the checks.
    #[must_use]
    pub fn path_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.path_prefix = prefix.into().trim_end_matches('/').to_owned();
        self
    }

    #[cfg(feature = "server")]
    pub(crate) fn prefix(&self) -> &str {
        &self.path_prefix
    }
}

impl std::fmt::Debug for VerifyingKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifyingKeys")
            .field("window", &self.window)
            .field("secret_key", &self.secret_key.is_some())
            .field("merchant_keys", &self.merchant_keys.is_some())
            .field("app_keys", &self.app_keys.is_some())
            .field("platform_keys", &self.platform_keys.is_some())
            .field("path_prefix", &self.path_prefix)
            .finish()
    }
}

/// Signs `message` for `target` (a base URL for endpoints, the full URL for callbacks) at `now`
/// with `nonce`.
#[cfg(feature = "client")]
pub(crate) fn sign<T: ApiRequest>(
    message: &T,
    target: &str,
    keys: &SigningKeys,
    now: UnixTime,
    nonce: &str,
) -> Result<http::Request<Vec<u8>>, IntoHttpError> {
    let mut signing = Signing::new(now).nonce(nonce);
    if let Some(key) = &keys.secret_key {
        signing = signing.secret_key(key);
    }
    if let Some(signer) = &keys.merchant {
        signing = signing.merchant(signer);
    }
    if let Some(key) = &keys.app_key {
        signing = signing.app_key(key);
    }
    if let Some(platform) = &keys.platform {
        signing = signing.platform(&platform.0, &platform.1);
    }
    message.try_into_http_request(target, &signing)
}

#[cfg(feature = "server")]
fn verifying<'a>(keys: &'a VerifyingKeys, now: UnixTime) -> Verifying<'a> {
    let mut verifying = Verifying::new(now)
        .window(keys.window)
        .accept_legacy_cbc(keys.legacy_cbc)
        .path_prefix(&keys.path_prefix);
    if let Some(key) = &keys.secret_key {
        verifying = verifying.secret_key(key);
    }
    if let Some(store) = &keys.merchant_keys {
        let store: &dyn MerchantKeys = store.as_ref();
        verifying = verifying.merchant_keys(store);
    }
    if let Some(store) = &keys.app_keys {
        let store: &dyn AppKeys = store.as_ref();
        verifying = verifying.app_keys(store);
    }
    if let Some(platform) = &keys.platform_keys {
        verifying = verifying.platform_keys(platform);
    }
    verifying
}

/// Verifies a received request over its exact bytes, then parses it.
#[cfg(feature = "server")]
pub(crate) fn verify<T: ApiRequest, B: AsRef<[u8]>>(
    request: &http::Request<B>,
    keys: &VerifyingKeys,
    now: UnixTime,
) -> Result<Authenticated<T>, FromHttpRequestError> {
    T::try_from_http_request(request, &verifying(keys, now))
}

/// Verifies an encrypted callback, then decrypts its resource.
#[cfg(feature = "server")]
pub(crate) fn open<C: EncryptedCallback, B: AsRef<[u8]>>(
    request: &http::Request<B>,
    keys: &VerifyingKeys,
    api_v3_key: &ApiV3Key,
    now: UnixTime,
) -> Result<Opened<C, C::Resource>, OpenError> {
    callback::open::<C, B>(request, &verifying(keys, now), api_v3_key)
}

/// Verifies a virtual callback, then parses its payload.
#[cfg(feature = "server")]
pub(crate) fn read_payload<C: PayloadCallback, B: AsRef<[u8]>>(
    request: &http::Request<B>,
    keys: &VerifyingKeys,
    now: UnixTime,
) -> Result<Opened<C, C::Payload>, OpenError> {
    callback::read_payload::<C, B>(request, &verifying(keys, now))
}
