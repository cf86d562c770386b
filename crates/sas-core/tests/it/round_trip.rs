//! A round trip for every entry of `ENTRIES`, with a fixed clock: the client side builds and
//! signs each request, the server side verifies and parses it back, equal; the server side
//! answers with each response, the client side reads it back, equal. `for_each_entry!` walks
//! the registry, so a new entry is covered without new test code.

use std::collections::BTreeMap;
use std::fmt::Debug;

use sas_core::api::ENTRIES;
use sas_core::auth::{Identity, Signing, Verifying};
use sas_core::crypto::{
    AppKey, AuthorizationSigner, Certificate, PublicKeySet, RsaPrivateKey, SecretKey, UnixTime,
};
use sas_core::endpoint::{ApiRequest, EntryKind, Example, FrontendParams};
use sas_core::request::{IncomingRequest, OutgoingRequest};
use sas_core::response::{IncomingResponse, OutgoingResponse};

/// The fixed clock of every round trip.
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
        let platform_cert = Certificate::from_pem(&read_key_file("platform-2048.crt")).unwrap();
        assert_eq!(platform_cert.serial_number(), PLATFORM_SERIAL);
        Self {
            secret: SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap(),
            app_key: AppKey::new("12345").unwrap(),
            merchant_key: load_key("merchant-2048-pkcs1.pem"),
            platform_key: load_key("platform-2048.pem"),
            platform_keys: PublicKeySet::new().with_certificate(platform_cert),
        }
    }

    /// The `Authorization` signer of merchant `mchid` (a signer owns its key, so each one loads
    /// the merchant's key file).
    pub(crate) fn merchant_signer(&self, mchid: &str) -> AuthorizationSigner {
        AuthorizationSigner::new(load_key("merchant-2048-pkcs1.pem"), mchid, "MERCHANT-SERIAL-1")
    }

    /// The superapp's view of merchant `mchid`'s keys.
    pub(crate) fn merchant_keys(&self, mchid: &str) -> BTreeMap<String, PublicKeySet> {
        let set = PublicKeySet::new().with_key("MERCHANT-SERIAL-1", self.merchant_key.public_key());
        BTreeMap::from([(mchid.to_owned(), set)])
    }
}

/// A committed test key file's text.
pub(crate) fn read_key_file(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap()
}

/// A committed test private key.
pub(crate) fn load_key(name: &str) -> RsaPrivateKey {
    RsaPrivateKey::from_pem(&read_key_file(name)).unwrap()
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

/// The request with the fields the signer filled in, copied from `signed`.
fn with_signatures<T: ApiRequest>(request: &T, signed: &T) -> T {
    let mut expected = request.clone();
    for field in T::METADATA.body.iter().filter(|f| f.set_by_auth) {
        let value = signed.text(field.name).unwrap_or_default();
        assert!(!value.is_empty(), "{}: {} was not filled in", T::METADATA.module, field.name);
        expected.set_signature(field.name, value.to_owned());
    }
    expected
}

fn request_round_trip<T>() -> &'static str
where
    T: ApiRequest + Debug + PartialEq,
    T::Response: Debug + PartialEq,
{
    let meta = T::METADATA;
    let keys = Keys::load();
    let request = T::example();
    request.check().unwrap_or_else(|e| panic!("{}: the example is invalid: {e:?}", meta.module));

    let http = send(&keys, &request);
    let received = receive::<T>(&keys, &http, &named_merchant(&request))
        .unwrap_or_else(|e| panic!("{} ({}): parsing failed: {e}", meta.module, meta.section));
    assert_eq!(received.message, with_signatures(&request, &received.message), "{}", meta.module);
    let expected_identity = match meta.kind {
        EntryKind::Callback if meta.body.iter().any(|f| f.set_by_auth) => "app key",
        EntryKind::Callback => "platform",
        _ => "any",
    };
    match (expected_identity, &received.identity) {
        ("platform", Identity::Platform { serial, .. }) => assert_eq!(serial, PLATFORM_SERIAL),
        ("app key", Identity::AppKeyHolder { .. }) | ("any", _) => {}
        (want, got) => panic!("{}: expected {want}, verified {got:?}", meta.module),
    }

    let response = T::Response::example();
    let http_response = response.try_into_http_response("req-round-trip").unwrap();
    let read = T::Response::try_from_http_response(&http_response).unwrap();
    assert_eq!(read.response, response, "{}", meta.module);
    assert_eq!(read.request_id, "req-round-trip");
    meta.section
}

fn frontend_round_trip<T: FrontendParams + Debug + PartialEq>() -> &'static str {
    let params = T::example();
    params
        .check()
        .unwrap_or_else(|e| panic!("{}: the example is invalid: {e:?}", T::METADATA.module));
    let json = serde_json::to_vec(&params).unwrap();
    assert_eq!(serde_json::from_slice::<T>(&json).unwrap(), params);
    T::METADATA.section
}

macro_rules! round_trip {
    (frontend $group:ident $module:ident) => {
        frontend_round_trip::<sas_core::api::$group::$module::Params>()
    };
    ($kind:ident $group:ident $module:ident) => {
        request_round_trip::<sas_core::api::$group::$module::Request>()
    };
}

macro_rules! round_trips {
    ($($kind:ident $group:ident $module:ident;)*) => {
        vec![$(round_trip!($kind $group $module)),*]
    };
}

#[test]
fn every_registry_entry_round_trips() {
    let covered: Vec<&str> = sas_core::for_each_entry!(round_trips);
    let registry: Vec<&str> = ENTRIES.iter().map(|m| m.section).collect();
    println!("round trips: {} of {} registry entries", covered.len(), registry.len());
    assert_eq!(covered, registry);
}

/// The callback URL is the merchant's: its path and query are sent exactly as given, escapes
/// and all; an endpoint's base URL may carry a path but not a query.
#[test]
fn urls_are_kept_as_given() {
    use sas_core::api::user::check_user;
    use sas_core::error::IntoHttpError;

    let keys = Keys::load();
    let notification = sas_core::api::payment::payment_notification::Request::example();
    let signing = Signing::new(NOW)
        .nonce(NONCE)
        .secret_key(&keys.secret)
        .platform(&keys.platform_key, PLATFORM_SERIAL);
    let url = "https://merchant.example/pay/notify%2Fv2?order=A%7C1&x=a+b";
    let http = notification.try_into_http_request(url, &signing).unwrap();
    assert_eq!(http.uri().to_string(), url);

    let request = check_user::Request::example();
    let signing = Signing::new(NOW).nonce(NONCE).secret_key(&keys.secret);
    let http = request.try_into_http_request("https://superapp.example/base/", &signing).unwrap();
    assert_eq!(http.uri().to_string(), "https://superapp.example/base/user/checkUser");
    for bad in [
        "https://superapp.example/?x=1",
        "superapp.example",
        "https:///x",
        "ftp://superapp.example",
    ] {
        assert!(
            matches!(
                request.try_into_http_request(bad, &signing),
                Err(IntoHttpError::BadUrl { .. })
            ),
            "{bad}"
        );
    }
}
