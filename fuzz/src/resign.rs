//! Makes the auth of a fuzzed request hold again, so the fuzzer reaches what is read after the
//! signature check: every auth value carried in headers or the query is recomputed over the
//! request as it stands. Signatures carried in the body (`PaySig`, the event signatures of
//! virtual callbacks) are left as they are; the `json` target reads those bodies' types.

use http::header::{HeaderName, HeaderValue};
use sas_core::crypto::{
    Authorization, RequestParts, callback_signature, refund_pay_sig, tc_signature,
};
use sas_core::endpoint::{AuthKind, Metadata};

use crate::support::{Keys, MCHID, NONCE, NOW, PATH_PREFIX};

/// Recomputes the auth of `request`, sent to the entry of `meta`, with `keys`.
pub fn resign(meta: &Metadata, request: &mut http::Request<Vec<u8>>, keys: &Keys) {
    match meta.auth {
        AuthKind::TcSignature => tc_headers(request, keys, NOW.as_millis().to_string()),
        AuthKind::MerchantRsa => authorization(request, keys),
        AuthKind::PaySigQuery => pay_sig_query(meta, request, keys),
        AuthKind::PaymentCallback => {
            let timestamp = NOW.as_secs().to_string();
            tc_headers(request, keys, timestamp.clone());
            let signature =
                callback_signature(&keys.platform_key, &timestamp, NONCE, request.body());
            set(request, "TC-Callback-Serial", &keys.platform_serial);
            set(request, "TC-Callback-Nonce", NONCE);
            if let Ok(signature) = signature {
                set(request, "TC-Callback-Signature", &signature);
            }
        }
        AuthKind::VirtualCallback => tc_headers(request, keys, NOW.as_secs().to_string()),
        // Body-carried and front-end signatures: see the module's doc.
        _ => {}
    }
}

/// `TC-Timestamp` and its `TC-Signature`.
fn tc_headers(request: &mut http::Request<Vec<u8>>, keys: &Keys, timestamp: String) {
    let signature = tc_signature(&keys.secret, &timestamp);
    set(request, "TC-Timestamp", &timestamp);
    set(request, "TC-Signature", &signature);
}

/// The merchant's `Authorization` over the method, target and body.
fn authorization(request: &mut http::Request<Vec<u8>>, keys: &Keys) {
    // What the receiver checks: the target below the path prefix it serves at.
    let path = request.uri().path();
    let path = path.strip_prefix(PATH_PREFIX).unwrap_or(path);
    let target = match request.uri().query() {
        Some(query) if !query.is_empty() => format!("{path}?{query}"),
        _ => path.to_owned(),
    };
    let parts = RequestParts {
        method: request.method().as_str(),
        canonical_url: &target,
        body: request.body(),
    };
    let timestamp = NOW.as_secs().to_string();
    let signed = request.headers().get("Authorization").and_then(|value| value.to_str().ok());
    let mchid = signed
        .and_then(|value| Authorization::parse(value).ok())
        .map_or_else(|| MCHID.to_owned(), |signed| signed.mchid().to_owned());
    if let Ok(authorization) = keys.merchant_signer(&mchid).sign(&parts, &timestamp, NONCE) {
        set(request, "Authorization", &authorization.to_string());
    }
}

/// The query's `pay_sig` over the body, replacing any the query had.
fn pay_sig_query(meta: &Metadata, request: &mut http::Request<Vec<u8>>, keys: &Keys) {
    let signature =
        refund_pay_sig(&keys.app_key, meta.sign_prefix.unwrap_or_default(), request.body());
    let uri = request.uri();
    let mut query: Vec<&str> = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("pay_sig="))
        .collect();
    let pair = format!("pay_sig={signature}");
    query.push(&pair);
    let mut target = String::new();
    if let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) {
        target = format!("{scheme}://{authority}");
    }
    target = format!("{target}{}?{}", uri.path(), query.join("&"));
    if let Ok(uri) = target.parse() {
        *request.uri_mut() = uri;
    }
}

/// Sets header `name` to `value`, replacing every copy it had.
fn set(request: &mut http::Request<Vec<u8>>, name: &'static str, value: &str) {
    if let (Ok(name), Ok(value)) =
        (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value))
    {
        request.headers_mut().insert(name, value);
    }
}
