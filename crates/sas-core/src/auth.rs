//! Authentication per entry: each auth scheme of the spec is one type implementing
//! [`AuthScheme`], whose associated inputs say what it signs with and checks against; every
//! generated request names its scheme (`type Auth = TcSignature;` in its
//! [`ApiRequest`](crate::endpoint::ApiRequest) impl).
//!
//! | scheme | signs | checked with |
//! |---|---|---|
//! | [`TcSignature`] (SAS → superapp) | `TC-Timestamp` (ms), `TC-Signature` | the SecretKey |
//! | [`MerchantRsa`] (merchant → superapp) | `Authorization` | the merchant's public keys, by `mchid` and serial |
//! | [`PaySig`] (virtual orders) | body `PaySig` over `SignData` | the AppKey |
//! | [`PaySigQuery`] (virtual refund) | query `pay_sig` over the body | the AppKey |
//! | [`PaymentCallback`] (superapp → merchant) | `TC-Timestamp` (s), `TC-Signature`, `TC-Callback-*` RSA | the platform's public keys (and the SecretKey, when held) |
//! | [`VirtualCallback`] (superapp → merchant) | `TC-Timestamp` (s), `TC-Signature`, body event signature | the AppKey (and the SecretKey, when held) |
//!
//! Give each request the scheme's own input (`tc_signature::Signing::new(now, &secret)`: a
//! missing key is a compile error), or a key ring for every scheme at once ([`Signing`],
//! [`Verifying`]: a missing key is a typed error at run time), as a server serving every entry
//! would.
//!
//! Order of checks, for every scheme: auth carried in headers and the query is checked over the
//! raw values before the body is read; a signature carried in the body (`PaySig`, the event
//! signatures) is read from the body as untyped JSON, and a body that cannot be read is
//! answered as a failed signature; the body becomes the typed message only after the auth
//! holds. A header the auth reads is refused when it comes twice, or under two of its
//! spellings.
//!
//! Time and nonces are inputs: the SDK never reads a clock or draws randomness.

mod body;
pub(crate) mod headers;
pub mod merchant_rsa;
pub mod pay_sig;
pub mod pay_sig_query;
pub mod payment_callback;
pub mod tc_signature;
pub mod virtual_callback;

use std::collections::BTreeMap;

use http::HeaderMap;

use crate::crypto::{
    AppKey, AuthorizationSigner, FreshnessWindow, PublicKeySet, RsaPrivateKey, SecretKey,
    TcSignatureVerifier,
};
use crate::endpoint::{AuthKind, Metadata, TextFields};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::time::UnixTime;
use crate::wire::WireRequest;

pub use merchant_rsa::MerchantRsa;
pub use pay_sig::PaySig;
pub use pay_sig_query::PaySigQuery;
pub use payment_callback::PaymentCallback;
pub use tc_signature::TcSignature;
pub use virtual_callback::VirtualCallback;

/// The spec names of the HTTP auth schemes this crate implements, one per [`AuthScheme`] type;
/// `sas-spec` keeps the same list and refuses a spec that names another.
pub const SCHEMES: [&str; 6] = [
    TcSignature::NAME,
    MerchantRsa::NAME,
    PaySig::NAME,
    PaySigQuery::NAME,
    PaymentCallback::NAME,
    VirtualCallback::NAME,
];

mod sealed {
    pub trait Sealed {}
}

/// An auth scheme of the spec: what signing needs ([`AuthScheme::Signing`]), what checking
/// needs ([`AuthScheme::Verifying`]), and how both are done. Implemented by the six scheme
/// types of this module only; the methods are the crate's (generated code names the type).
#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
pub trait AuthScheme: sealed::Sealed + Sized + 'static {
    /// The scheme's name in `spec/sas.toml` (`"tc_signature"`).
    const NAME: &'static str;
    /// The scheme as [`Metadata::auth`] names it.
    const KIND: AuthKind;

    /// What signing needs: the keys, the time, and a nonce when the scheme uses one.
    type Signing<'a>: Copy;
    /// What checking needs: the keys and the time.
    type Verifying<'a>: Copy;

    /// This scheme's signing input out of a key ring; `Err` names what the ring lacks.
    #[doc(hidden)]
    fn signing<'b>(ring: &'b Signing<'_>) -> Result<Self::Signing<'b>, &'static str>;

    /// This scheme's checking input out of a key ring.
    #[doc(hidden)]
    fn verifying<'b>(ring: &'b Verifying<'_>) -> Result<Self::Verifying<'b>, KeyNeed>;

    /// The SecretKey that encrypts the header values the spec marks `encrypted`, if the
    /// scheme's signing input holds one.
    #[doc(hidden)]
    fn header_key<'b>(_input: &'b Self::Signing<'_>) -> Option<&'b SecretKey> {
        None
    }

    /// The SecretKey that decrypts the header values the spec marks `encrypted`, if the
    /// scheme's checking input holds one.
    #[doc(hidden)]
    fn header_key_received<'b>(_input: &'b Self::Verifying<'_>) -> Option<&'b SecretKey> {
        None
    }

    /// Whether [`AuthScheme::sign_body`] fills anything in: when it does not, the message is
    /// serialised as given, uncopied.
    #[doc(hidden)]
    const SIGNS_BODY: bool = false;

    /// Fills in the signatures carried in the body, before it is serialised.
    #[doc(hidden)]
    fn sign_body(
        _meta: &'static Metadata,
        _message: &mut dyn TextFields,
        _input: &Self::Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        Ok(())
    }

    /// Adds the headers and query parameters computed over the final request.
    #[doc(hidden)]
    fn sign_wire(
        meta: &'static Metadata,
        wire: &mut WireRequest,
        input: &Self::Signing<'_>,
    ) -> Result<(), IntoHttpError>;

    /// Checks a received request over its raw parts.
    #[doc(hidden)]
    fn verify(
        meta: &'static Metadata,
        received: &Received<'_>,
        input: &Self::Verifying<'_>,
    ) -> Result<Identity, AuthError>;
}

/// Something that gives scheme `S` its signing input: `S`'s own input type, or a [`Signing`]
/// key ring.
pub trait SignWith<S: AuthScheme> {
    /// The input, or what is missing (for a key ring).
    ///
    /// # Errors
    ///
    /// A description of the key or nonce the ring lacks.
    fn signing_input(&self) -> Result<S::Signing<'_>, &'static str>;
}

/// Something that gives scheme `S` its checking input: `S`'s own input type, or a
/// [`Verifying`] key ring.
pub trait VerifyWith<S: AuthScheme> {
    /// The input, or what is missing (for a key ring).
    ///
    /// # Errors
    ///
    /// The key the ring lacks.
    fn verifying_input(&self) -> Result<S::Verifying<'_>, KeyNeed>;

    /// A prefix the service domain adds before the documented paths, stripped before routing
    /// and before any signature over the path is checked.
    fn path_prefix(&self) -> &str {
        ""
    }
}

impl<S: AuthScheme> SignWith<S> for Signing<'_> {
    fn signing_input(&self) -> Result<S::Signing<'_>, &'static str> {
        S::signing(self)
    }
}

impl<S: AuthScheme> VerifyWith<S> for Verifying<'_> {
    fn verifying_input(&self) -> Result<S::Verifying<'_>, KeyNeed> {
        S::verifying(self)
    }

    fn path_prefix(&self) -> &str {
        self.path_prefix
    }
}

/// The received request, as the checks see it.
pub(crate) struct Received<'a> {
    pub(crate) method: &'a str,
    /// The path after the configured prefix, plus `?query` as received.
    pub(crate) canonical_url: &'a str,
    pub(crate) headers: &'a HeaderMap,
    pub(crate) query: &'a [(String, String)],
    pub(crate) body: &'a [u8],
}

/// A key ring for every scheme: what outgoing messages are signed with, checked against each
/// scheme's needs when a message is signed. Hold only the keys your side has; a scheme that
/// needs a missing one fails with [`IntoHttpError::MissingKey`].
///
/// ```
/// use sas_core::auth::Signing;
/// use sas_core::crypto::SecretKey;
/// use sas_core::time::UnixTime;
///
/// let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// let signing = Signing::new(UnixTime::from_millis(1_735_293_931_220))
///     .nonce("5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
///     .secret_key(&secret);
/// # let _ = signing;
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Signing<'a> {
    pub(crate) now: UnixTime,
    pub(crate) nonce: Option<&'a str>,
    pub(crate) secret_key: Option<&'a SecretKey>,
    pub(crate) merchant: Option<&'a AuthorizationSigner>,
    pub(crate) app_key: Option<&'a AppKey>,
    pub(crate) platform: Option<(&'a RsaPrivateKey, &'a str)>,
}

impl<'a> Signing<'a> {
    /// Signing at `now`.
    pub fn new(now: UnixTime) -> Self {
        Self { now, nonce: None, secret_key: None, merchant: None, app_key: None, platform: None }
    }

    /// The random string of the `Authorization` header or the callback signature (a fresh one
    /// per message: 32 random alphanumerics, say); the schemes without a nonce ignore it.
    #[must_use]
    pub fn nonce(self, nonce: &'a str) -> Self {
        Self { nonce: Some(nonce), ..self }
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

    pub(crate) fn need<T: Copy>(value: Option<T>, what: &'static str) -> Result<T, &'static str> {
        value.ok_or(what)
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

/// A key ring for every scheme: what incoming messages are checked against. Hold only what
/// your side has; a scheme that needs a missing key fails with
/// [`AuthError::MissingKey`].
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

/// The AppKey of `merchant_id`.
fn app_key<'a>(keys: &'a dyn AppKeys, merchant_id: &str) -> Result<&'a AppKey, AuthError> {
    keys.app_key(merchant_id).ok_or_else(|| AuthError::UnknownMerchant {
        kind: "AppKey",
        merchant: merchant_id.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::{AuthScheme, SCHEMES};
    use crate::endpoint::AuthKind;

    /// The spec's name of each kind; exhaustive, so a new kind needs its line here.
    fn spec_name(kind: AuthKind) -> &'static str {
        match kind {
            AuthKind::TcSignature => super::TcSignature::NAME,
            AuthKind::MerchantRsa => super::MerchantRsa::NAME,
            AuthKind::PaySig => super::PaySig::NAME,
            AuthKind::PaySigQuery => super::PaySigQuery::NAME,
            AuthKind::PaymentCallback => super::PaymentCallback::NAME,
            AuthKind::VirtualCallback => super::VirtualCallback::NAME,
            AuthKind::JsapiPaySign => "jsapi_pay_sign",
            AuthKind::VirtualPaymentSign => "virtual_payment_sign",
        }
    }

    #[test]
    fn the_spec_and_the_runtime_list_the_same_schemes() {
        assert_eq!(SCHEMES.to_vec(), sas_spec::HTTP_AUTH_SCHEMES.to_vec());
        let kinds = [
            super::TcSignature::KIND,
            super::MerchantRsa::KIND,
            super::PaySig::KIND,
            super::PaySigQuery::KIND,
            super::PaymentCallback::KIND,
            super::VirtualCallback::KIND,
        ];
        let names: Vec<&str> = kinds.into_iter().map(spec_name).collect();
        assert_eq!(names, SCHEMES.to_vec());
        assert_eq!(
            ["jsapi_pay_sign", "virtual_payment_sign"].to_vec(),
            sas_spec::FRONTEND_AUTH_SCHEMES.to_vec()
        );
        assert_eq!(spec_name(AuthKind::JsapiPaySign), sas_spec::FRONTEND_AUTH_SCHEMES[0]);
    }
}
