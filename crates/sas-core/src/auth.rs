//! Authentication per entry, as the spec's auth scheme says: what an outgoing message is signed
//! with ([`Signing`]), what an incoming one is checked against ([`Verifying`]), and who a
//! verified message comes from ([`Identity`]).
//!
//! | scheme | signs | checked with |
//! |---|---|---|
//! | `tc_signature` (SAS → superapp) | `TC-Timestamp` (ms), `TC-Signature` | the SecretKey |
//! | `merchant_rsa` (merchant → superapp) | `Authorization` | the merchant's public keys, by `mchid` and serial |
//! | `pay_sig` (virtual orders) | body `PaySig` over `SignData` | the AppKey |
//! | `pay_sig_query` (virtual refund) | query `pay_sig` over the body | the AppKey |
//! | `payment_callback` (superapp → merchant) | `TC-Timestamp` (s), `TC-Signature`, `TC-Callback-*` RSA | the platform's public keys (and the SecretKey, when held) |
//! | `virtual_callback` (superapp → merchant) | `TC-Timestamp` (s), `TC-Signature`, body event signature | the AppKey (and the SecretKey, when held) |
//!
//! Time and nonces are inputs: the SDK never reads a clock or draws randomness.

mod sign;
mod verify;

use std::collections::BTreeMap;

use crate::crypto::{
    AppKey, AuthorizationSigner, FreshnessWindow, PublicKeySet, RsaPrivateKey, SecretKey,
    TcSignatureVerifier, UnixTime,
};

pub(crate) use sign::sign;
pub(crate) use verify::{Received, verify};

/// What an outgoing message is signed with. Hold only the keys your side has; a scheme that
/// needs a missing one fails with [`IntoHttpError::MissingKey`](crate::error::IntoHttpError).
///
/// ```
/// use sas_core::auth::Signing;
/// use sas_core::crypto::{SecretKey, UnixTime};
///
/// let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// let signing = Signing::new(UnixTime::from_millis(1_735_293_931_220), "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
///     .secret_key(&secret);
/// # let _ = signing;
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Signing<'a> {
    pub(crate) now: UnixTime,
    pub(crate) nonce: &'a str,
    pub(crate) secret_key: Option<&'a SecretKey>,
    pub(crate) merchant: Option<&'a AuthorizationSigner>,
    pub(crate) app_key: Option<&'a AppKey>,
    pub(crate) platform: Option<(&'a RsaPrivateKey, &'a str)>,
}

impl<'a> Signing<'a> {
    /// Signing at `now`, with `nonce` as the random string of the `Authorization` header or the
    /// callback signature (a fresh one per message: 32 random alphanumerics, say).
    pub fn new(now: UnixTime, nonce: &'a str) -> Self {
        Self { now, nonce, secret_key: None, merchant: None, app_key: None, platform: None }
    }

    /// The SecretKey shared by SAS and the superapp (`TC-Signature`).
    #[must_use]
    pub fn secret_key(self, key: &'a SecretKey) -> Self {
        Self { secret_key: Some(key), ..self }
    }

    /// The merchant's `Authorization` signer.
    #[must_use]
    pub fn merchant(self, signer: &'a AuthorizationSigner) -> Self {
        Self { merchant: Some(signer), ..self }
    }

    /// The AppKey of virtual payments.
    #[must_use]
    pub fn app_key(self, key: &'a AppKey) -> Self {
        Self { app_key: Some(key), ..self }
    }

    /// The superapp payment platform's private key and the serial (or public-key ID) merchants
    /// know it by: callbacks are signed with it.
    #[must_use]
    pub fn platform(self, key: &'a RsaPrivateKey, serial: &'a str) -> Self {
        Self { platform: Some((key, serial)), ..self }
    }
}

/// The merchants' public keys, by `mchid` (on the superapp side): each merchant's set holds its
/// API certificates or public keys by serial, several at once during a rotation.
pub trait MerchantKeys {
    /// The key set of merchant `mchid`.
    fn merchant_keys(&self, mchid: &str) -> Option<&PublicKeySet>;
}

impl MerchantKeys for BTreeMap<String, PublicKeySet> {
    fn merchant_keys(&self, mchid: &str) -> Option<&PublicKeySet> {
        self.get(mchid)
    }
}

/// The virtual-payment AppKeys, by merchant ID (the `TC-MerchantID` of the message; empty when
/// the message names none, as in the virtual payment callbacks).
pub trait AppKeys {
    /// The AppKey for `merchant_id`.
    fn app_key(&self, merchant_id: &str) -> Option<&AppKey>;
}

/// One AppKey for every merchant: a merchant backend's own key.
impl AppKeys for AppKey {
    fn app_key(&self, _merchant_id: &str) -> Option<&AppKey> {
        Some(self)
    }
}

impl AppKeys for BTreeMap<String, AppKey> {
    fn app_key(&self, merchant_id: &str) -> Option<&AppKey> {
        self.get(merchant_id)
    }
}

/// What an incoming message is checked against. Hold only what your side has; a scheme that
/// needs a missing key fails with [`AuthError::MissingKey`](crate::error::AuthError).
///
/// The SecretKey's `TC-Signature` on callbacks is meant for SAS: a merchant without the
/// SecretKey skips it, one with it checks it.
#[derive(Clone, Copy)]
pub struct Verifying<'a> {
    pub(crate) now: UnixTime,
    pub(crate) window: FreshnessWindow,
    pub(crate) tc_signature: TcSignatureVerifier,
    pub(crate) secret_key: Option<&'a SecretKey>,
    pub(crate) merchant_keys: Option<&'a dyn MerchantKeys>,
    pub(crate) app_keys: Option<&'a dyn AppKeys>,
    pub(crate) platform_keys: Option<&'a PublicKeySet>,
    pub(crate) path_prefix: &'a str,
}

impl<'a> Verifying<'a> {
    /// Checking at `now`, with the default freshness window of 300 s.
    pub fn new(now: UnixTime) -> Self {
        Self {
            now,
            window: FreshnessWindow::DEFAULT,
            tc_signature: TcSignatureVerifier::new(),
            secret_key: None,
            merchant_keys: None,
            app_keys: None,
            platform_keys: None,
            path_prefix: "",
        }
    }

    /// Another freshness window for every timestamp checked.
    #[must_use]
    pub fn window(self, window: FreshnessWindow) -> Self {
        Self { window, tc_signature: self.tc_signature.with_window(window), ..self }
    }

    /// Also accept the legacy AES-CBC `TC-Signature` (off by default).
    #[must_use]
    pub fn accept_legacy_cbc(self, accept: bool) -> Self {
        Self { tc_signature: self.tc_signature.accept_legacy_cbc(accept), ..self }
    }

    /// The SecretKey shared by SAS and the superapp.
    #[must_use]
    pub fn secret_key(self, key: &'a SecretKey) -> Self {
        Self { secret_key: Some(key), ..self }
    }

    /// The merchants' public keys (superapp side).
    #[must_use]
    pub fn merchant_keys(self, keys: &'a dyn MerchantKeys) -> Self {
        Self { merchant_keys: Some(keys), ..self }
    }

    /// The AppKeys of virtual payments.
    #[must_use]
    pub fn app_keys(self, keys: &'a dyn AppKeys) -> Self {
        Self { app_keys: Some(keys), ..self }
    }

    /// The superapp payment platform's public keys (merchant side). Build the set with
    /// [`PublicKeySet::forbid_own_key`] to catch your own certificate loaded by mistake.
    #[must_use]
    pub fn platform_keys(self, keys: &'a PublicKeySet) -> Self {
        Self { platform_keys: Some(keys), ..self }
    }

    /// A prefix the superapp's service domain adds before the documented paths (for example
    /// `/sas`); it is stripped before routing and before the `Authorization` check.
    #[must_use]
    pub fn path_prefix(self, prefix: &'a str) -> Self {
        Self { path_prefix: prefix.trim_end_matches('/'), ..self }
    }
}

impl std::fmt::Debug for Verifying<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifying")
            .field("now", &self.now)
            .field("window", &self.window)
            .field("secret_key", &self.secret_key)
            .field("merchant_keys", &self.merchant_keys.map(|_| "…"))
            .field("app_keys", &self.app_keys.map(|_| "…"))
            .field("platform_keys", &self.platform_keys)
            .field("path_prefix", &self.path_prefix)
            .finish()
    }
}

/// Who a verified message comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Identity {
    /// SAS, proven by the SecretKey.
    Sas {
        /// The `TC-Timestamp` it signed.
        timestamp: UnixTime,
    },
    /// A merchant, proven by its API key.
    Merchant {
        /// The `mchid` of the `Authorization` header.
        mchid: String,
        /// The serial of the key that signed.
        serial: String,
        /// The timestamp it signed.
        timestamp: UnixTime,
    },
    /// A holder of the AppKey of `merchant_id` (a developer backend, or the superapp in
    /// virtual callbacks).
    AppKeyHolder {
        /// The merchant ID the key was looked up by (empty when the message names none).
        merchant_id: String,
    },
    /// The superapp payment platform, proven by the key under `serial`.
    Platform {
        /// The serial of the key that signed.
        serial: String,
        /// The timestamp it signed.
        timestamp: UnixTime,
    },
}
