//! A round trip for every entry of `ENTRIES`, with a fixed clock: the client side builds and
//! signs each request, the server side verifies and parses it back, equal; the server side
//! answers with each response, the client side reads it back, equal. `over_entries` walks
//! the registry, so a new entry is covered without new test code.

use std::fmt::Debug;

use sas_core::api::ENTRIES;
use sas_core::auth::{Identity, Signing};
use sas_core::endpoint::{ApiRequest, EntryKind, Example, FrontendParams};
use sas_core::request::OutgoingRequest;
use sas_core::response::{IncomingResponse, OutgoingResponse};

use super::support::{
    EachEntry, Keys, NONCE, NOW, PLATFORM_SERIAL, named_merchant, over_entries, receive, send,
};

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

struct RoundTrip;

impl EachEntry for RoundTrip {
    type Output = &'static str;

    fn request<T>() -> &'static str
    where
        T: ApiRequest + Debug + PartialEq,
        T::Response: Debug + PartialEq,
    {
        request_round_trip::<T>()
    }

    fn params<T: FrontendParams + Debug + PartialEq>() -> &'static str {
        frontend_round_trip::<T>()
    }
}

#[test]
fn every_registry_entry_round_trips() {
    let covered: Vec<&str> = over_entries::<RoundTrip>();
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
