//! What real client libraries send: many sign the request target before their HTTP stack
//! percent-encodes it. A signature over the target as received, or over its percent-decoded
//! form, is accepted when both name the same resource; a decoding that would name another
//! resource (`%2F` in a path segment, `%26` in a query value, `%25` before hex digits, `%2B` in
//! a query) is not. What we send stays encoded and is signed as sent.

use sas_core::api::payment::query_order;
use sas_core::api::refund::query_refund;
use sas_core::crypto::{Authorization, RequestParts};
use sas_core::endpoint::{ApiRequest, Example};
use sas_core::error::{AuthError, FromHttpRequestError};

use super::support::{Keys, receive, send};

/// `http` with its `Authorization` re-signed over `canonical_url`, as a client that signs the
/// unencoded target would.
fn signed_over(
    keys: &Keys,
    http: &http::Request<Vec<u8>>,
    canonical_url: &str,
) -> http::Request<Vec<u8>> {
    let authorization =
        Authorization::parse(http.headers()["Authorization"].to_str().unwrap()).unwrap();
    let parts = RequestParts { method: http.method().as_str(), canonical_url, body: http.body() };
    let signed = keys
        .merchant_signer(authorization.mchid())
        .sign(&parts, authorization.timestamp(), authorization.nonce_str())
        .unwrap();
    let mut resigned = http.clone();
    resigned.headers_mut().insert("Authorization", signed.to_string().parse().unwrap());
    resigned
}

/// `http` sent to `path_and_query` (after the `/sas` prefix) instead.
fn at(http: &http::Request<Vec<u8>>, path_and_query: &str) -> http::Request<Vec<u8>> {
    let mut moved = http.clone();
    *moved.uri_mut() = format!("https://superapp.example/sas{path_and_query}").parse().unwrap();
    moved
}

fn sent_target(http: &http::Request<Vec<u8>>) -> String {
    let target = http.uri().path_and_query().unwrap().as_str();
    target.strip_prefix("/sas").unwrap().to_owned()
}

fn accepted<T: ApiRequest + std::fmt::Debug>(
    keys: &Keys,
    http: &http::Request<Vec<u8>>,
    mchid: &str,
    case: &str,
) -> T {
    receive::<T>(keys, http, mchid).unwrap_or_else(|e| panic!("{case}: {e}")).message
}

fn refused<T: ApiRequest + std::fmt::Debug>(
    keys: &Keys,
    http: &http::Request<Vec<u8>>,
    mchid: &str,
    case: &str,
) {
    match receive::<T>(keys, http, mchid) {
        Err(FromHttpRequestError::Auth(AuthError::Crypto(_))) => {}
        other => panic!("{case}: expected a signature mismatch, got {other:?}"),
    }
}

#[test]
fn the_reported_order_query_verifies() {
    let keys = Keys::load();
    let mut request = query_order::Request::example();
    request.out_trade_no = "AAAA|A".to_owned();
    request.mchid = "1230000109".to_owned();
    let http = send(&keys, &request);
    assert_eq!(sent_target(&http), "/v3/pay/transactions/out-trade-no/AAAA%7CA?mchid=1230000109");
    let raw =
        signed_over(&keys, &http, "/v3/pay/transactions/out-trade-no/AAAA|A?mchid=1230000109");
    let got: query_order::Request = accepted(&keys, &raw, "1230000109", "AAAA|A");
    assert_eq!(got, request);
    // Lower-case escapes name the same resource.
    let lower = at(&raw, "/v3/pay/transactions/out-trade-no/AAAA%7cA?mchid=1230000109");
    accepted::<query_order::Request>(&keys, &lower, "1230000109", "lower-case escape");
    // Signed as sent still verifies.
    accepted::<query_order::Request>(&keys, &http, "1230000109", "as sent");
}

/// Every character `out_trade_no` allows, in the path.
#[test]
fn every_out_trade_no_character_verifies_signed_raw() {
    let keys = Keys::load();
    for value in ["AAAA*A", "A|*-_z9", "||||||", "******", "0-9_az|*AZ"] {
        let mut request = query_order::Request::example();
        request.out_trade_no = value.to_owned();
        let http = send(&keys, &request);
        let mchid = request.mchid.clone();
        let raw = format!("/v3/pay/transactions/out-trade-no/{value}?mchid={mchid}");
        let got: query_order::Request =
            accepted(&keys, &signed_over(&keys, &http, &raw), &mchid, value);
        assert_eq!(got.out_trade_no, value);
    }
}

/// `out_refund_no` has no charset in the spec: any character may travel in its path segment.
#[test]
fn path_values_with_any_character_verify_signed_raw_unless_decoding_changes_the_resource() {
    let keys = Keys::load();
    let mchid = "1230000109";
    let same_resource = [
        " ", "a b", "+", "a+b", "|", "*", "@", "!", "$", "'", "(", ")", ",", ";", ":", "[", "]",
        "中文", "~", "#", "=", "&", "100%", "%zz", "\"", "<>", "^", "`", "{}", "\\",
    ];
    for value in same_resource {
        let request = query_refund::Request::new(value);
        let http = send(&keys, &request);
        let raw = format!("/spay/refund/refunds/{value}");
        let got: query_refund::Request =
            accepted(&keys, &signed_over(&keys, &http, &raw), mchid, value);
        assert_eq!(got.out_refund_no, value);
    }
    // Decoding these would name another resource: a signature over the decoded form is not one
    // over this request.
    for value in ["a/b", "a?b", "%41", "a%2Fb"] {
        let request = query_refund::Request::new(value);
        let http = send(&keys, &request);
        let raw = format!("/spay/refund/refunds/{value}");
        refused::<query_refund::Request>(&keys, &signed_over(&keys, &http, &raw), mchid, value);
        accepted::<query_refund::Request>(&keys, &http, mchid, value);
    }
}

/// The query of 2.3 (`mchid`, which must also be a valid `Authorization` parameter).
#[test]
fn query_values_verify_signed_raw_unless_decoding_changes_the_resource() {
    let keys = Keys::load();
    for mchid in ["12300|00109", "1230*", "a=b", "a!$'()*,;:@[]~b", "100%"] {
        let mut request = query_order::Request::example();
        request.mchid = mchid.to_owned();
        let http = send(&keys, &request);
        let raw =
            format!("/v3/pay/transactions/out-trade-no/{}?mchid={mchid}", request.out_trade_no);
        let resigned = signed_over(&keys, &http, &raw);
        let got: query_order::Request = accepted(&keys, &resigned, mchid, mchid);
        assert_eq!(got.mchid, mchid);
    }
    for mchid in ["a&b", "a+b", "%41"] {
        let mut request = query_order::Request::example();
        request.mchid = mchid.to_owned();
        let http = send(&keys, &request);
        let raw =
            format!("/v3/pay/transactions/out-trade-no/{}?mchid={mchid}", request.out_trade_no);
        refused::<query_order::Request>(&keys, &signed_over(&keys, &http, &raw), mchid, mchid);
        accepted::<query_order::Request>(&keys, &http, mchid, mchid);
    }
}

/// 2.4 closes an order by `out_trade_no` in its path, with a signed body: every character the
/// spec allows, signed raw, encoded, or with lower-case escapes, verifies.
#[test]
fn close_order_verifies_signed_raw_or_encoded() {
    use sas_core::api::payment::close_order;

    let keys = Keys::load();
    for value in ["AAAA|B", "AAAA*B", "|*-_|*", "0-9_az|*AZ", "******"] {
        let mut request = close_order::Request::example();
        request.out_trade_no = value.to_owned();
        let mchid = super::support::named_merchant(&request);
        let http = send(&keys, &request);
        let sent = sent_target(&http);
        assert!(!sent.contains(['|', '*']), "{sent}");
        let raw = format!("/v3/pay/transactions/out-trade-no/{value}/close");
        let got: close_order::Request =
            accepted(&keys, &signed_over(&keys, &http, &raw), &mchid, value);
        assert_eq!(got.out_trade_no, value);
        accepted::<close_order::Request>(&keys, &http, &mchid, "as sent");
        let lower = sent.replace("%7C", "%7c").replace("%2A", "%2a");
        accepted::<close_order::Request>(
            &keys,
            &at(&signed_over(&keys, &http, &raw), &lower),
            &mchid,
            "lower",
        );
        // Sent raw by a stack that does not encode `|` and `*`, signed either way.
        let mut unencoded = signed_over(&keys, &http, &raw);
        *unencoded.uri_mut() = format!("https://superapp.example/sas{raw}").parse().unwrap();
        accepted::<close_order::Request>(&keys, &unencoded, &mchid, "unencoded");
    }
}
