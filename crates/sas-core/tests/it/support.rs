//! The fixtures every message test shares: a fixed clock, every party's keys from the committed
//! test-only key files (loaded here and only here), sending and receiving as each party would,
//! and [`over_entries`], the one way to walk every entry of the spec.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::PathBuf;

use sas_core::auth::{Signing, Verifying};
use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, PublicKeySet, RsaPrivateKey, RsaPublicKey,
    SecretKey,
};
use sas_core::endpoint::{ApiRequest, EntryKind, FrontendParams};
use sas_core::request::{IncomingRequest, OutgoingRequest};
use sas_core::time::UnixTime;

/// The fixed clock of every test.
pub(crate) const NOW: UnixTime = UnixTime::from_millis(1_735_293_931_220);
/// The nonce of every `Authorization` and callback signature.
pub(crate) const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";
/// Where the superapp backend is served (with a path prefix, as a service domain may have).
pub(crate) const SUPERAPP: &str = "https://superapp.example/sas";
/// A merchant's callback URL, with a query of its own.
pub(crate) const CALLBACK_URL: &str = "https://merchant.example/notify/pay?source=sas";
/// The serial the platform's key is known by.
pub(crate) const PLATFORM_SERIAL: &str = "5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11";

/// Every key of every party, from the committed test keys.
pub(crate) struct Keys {
    pub(crate) secret: SecretKey,
    pub(crate) app_key: AppKey,
    pub(crate) merchant_key: RsaPrivateKey,
    pub(crate) platform_key: RsaPrivateKey,
    pub(crate) platform_keys: PublicKeySet,
}

impl Keys {
    pub(crate) fn load() -> Self {
        let platform_cert = Certificate::from_pem(&key_file("platform-2048.crt")).unwrap();
        assert_eq!(platform_cert.serial_number(), PLATFORM_SERIAL);
        Self {
            secret: SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap(),
            app_key: AppKey::new("12345").unwrap(),
            merchant_key: private_key("merchant-2048-pkcs1.pem"),
            platform_key: private_key("platform-2048.pem"),
            platform_keys: PublicKeySet::new().with_certificate(platform_cert),
        }
    }

    /// The `Authorization` signer of merchant `mchid` (a signer owns its key, so each one loads
    /// the merchant's key file).
    pub(crate) fn merchant_signer(&self, mchid: &str) -> AuthorizationSigner {
        AuthorizationSigner::new(private_key("merchant-2048-pkcs1.pem"), mchid, "MERCHANT-SERIAL-1")
    }

    /// The superapp's view of merchant `mchid`'s keys.
    pub(crate) fn merchant_keys(&self, mchid: &str) -> BTreeMap<String, PublicKeySet> {
        let set = PublicKeySet::new().with_key("MERCHANT-SERIAL-1", self.merchant_key.public_key());
        BTreeMap::from([(mchid.to_owned(), set)])
    }
}

/// The merchant a request names (`TC-MerchantID`, query or body `mchid`), or a default.
pub(crate) fn named_merchant<T: ApiRequest>(request: &T) -> String {
    let header = request.header_values().into_iter().find(|(n, _)| *n == "TC-MerchantID");
    let query = request.query_values().into_iter().find(|(n, _)| *n == "mchid");
    header
        .or(query)
        .map(|(_, v)| v.to_owned())
        .or_else(|| request.text("mchid").map(str::to_owned))
        .unwrap_or_else(|| "1230000109".to_owned())
}

/// Signs `request` as its sender would, returning the HTTP request.
pub(crate) fn send<T: ApiRequest>(keys: &Keys, request: &T) -> http::Request<Vec<u8>> {
    let signer = keys.merchant_signer(&named_merchant(request));
    let signing = Signing::new(NOW)
        .nonce(NONCE)
        .secret_key(&keys.secret)
        .merchant(&signer)
        .app_key(&keys.app_key)
        .platform(&keys.platform_key, PLATFORM_SERIAL);
    let target = if T::METADATA.kind == EntryKind::Callback { CALLBACK_URL } else { SUPERAPP };
    request.try_into_http_request(target, &signing).unwrap_or_else(|e| {
        panic!("{} ({}): building failed: {e}", T::METADATA.module, T::METADATA.section)
    })
}

/// Verifies and parses `http` as its receiver would.
pub(crate) fn receive<T: ApiRequest>(
    keys: &Keys,
    http: &http::Request<Vec<u8>>,
    mchid: &str,
) -> Result<sas_core::request::Authenticated<T>, sas_core::error::FromHttpRequestError> {
    let merchant_keys = keys.merchant_keys(mchid);
    let verifying = Verifying::new(NOW)
        .secret_key(&keys.secret)
        .merchant_keys(&merchant_keys)
        .app_keys(&keys.app_key)
        .platform_keys(&keys.platform_keys)
        .path_prefix("/sas");
    T::try_from_http_request(http, &verifying)
}

/// The merchant's APIv3 key of the callback tests (PROTOCOL.md §7.7's example key).
pub(crate) fn api_v3_key() -> ApiV3Key {
    ApiV3Key::new("0123456789ABCDEFabcdefghij012345").unwrap()
}

/// The text of a file under `tests/vectors/keys`.
pub(crate) fn key_file(name: &str) -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/keys").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A test private key.
pub(crate) fn private_key(name: &str) -> RsaPrivateKey {
    RsaPrivateKey::from_pem(&key_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A test public key (SPKI, PKCS#1 or certificate PEM).
pub(crate) fn public_key(name: &str) -> RsaPublicKey {
    RsaPublicKey::from_pem(&key_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What a test does with each entry of the spec: `request` for every endpoint and callback,
/// `params` for every front-end set. [`over_entries`] runs it over all of them.
pub(crate) trait EachEntry {
    /// What one entry gives back.
    type Output;

    /// The test of an endpoint or callback `Request`.
    fn request<T>() -> Self::Output
    where
        T: ApiRequest + Debug + PartialEq,
        T::Response: Debug + PartialEq;

    /// The test of a front-end set's `Params`.
    fn params<T: FrontendParams + Debug + PartialEq>() -> Self::Output;
}

/// `V`'s test of every entry of the spec, in `ENTRIES` order: the one way tests walk every
/// entry (through `sas_core::for_each_entry!`), so a new entry is covered without new test code.
pub(crate) fn over_entries<V: EachEntry>() -> Vec<V::Output> {
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
