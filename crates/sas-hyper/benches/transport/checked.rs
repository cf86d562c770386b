//! checkUser's work done by hand for a bare hyper server (`main.rs` serves it), with the
//! primitives sas-core is built on (`aes`, `ecb`, const-hex, subtle, serde_json): the TC-Signature over the
//! timestamp and its freshness, the two encrypted headers, the body, and the envelope. Set
//! against sas-hyper's server, it leaves what the SDK adds beyond the work itself (routing,
//! limits, timeouts, typed errors, the generated types).

use std::time::{SystemTime, UNIX_EPOCH};

use aes::Aes256;
use aes::cipher::block_padding::Pkcs7;
use aes::cipher::common::InnerInit as _;
use aes::cipher::{Array, BlockModeDecrypt, BlockModeEncrypt, KeyInit};
use bytes::Bytes;
use http::{HeaderName, HeaderValue, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use subtle::ConstantTimeEq as _;

// The header names, prepared once as a careful server would (not parsed on every lookup).
const TC_TIMESTAMP: HeaderName = HeaderName::from_static("tc-timestamp");
const TC_SIGNATURE: HeaderName = HeaderName::from_static("tc-signature");
const TC_OPEN_ID: HeaderName = HeaderName::from_static("tc-openid");
const TC_MINI_APP_ID: HeaderName = HeaderName::from_static("tc-miniappid");
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The freshness window of `TC-Timestamp`, in milliseconds either way.
const WINDOW_MS: u64 = 300_000;

/// checkUser's body.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    user_id: String,
}

/// The SAS envelope of a success.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    return_code: &'a str,
    return_message: &'a str,
    data: bool,
    request_id: &'a str,
}

/// The AES-256 key of `secret` (32 ASCII bytes).
pub(crate) fn cipher(secret: &str) -> Aes256 {
    let raw: [u8; 32] = secret.as_bytes().try_into().unwrap();
    Aes256::new(&Array::from(raw))
}

/// checkUser's answer, checked by hand with `cipher`.
pub(crate) async fn answer(
    cipher: &Aes256,
    request: http::Request<Incoming>,
) -> http::Response<Full<Bytes>> {
    if request.method() != http::Method::POST || request.uri().path() != "/user/checkUser" {
        return status(StatusCode::NOT_FOUND);
    }
    let (parts, body) = request.into_parts();
    let Ok(body) = body.collect().await.map(http_body_util::Collected::to_bytes) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let headers = &parts.headers;
    let header = |name: &HeaderName| headers.get(name).map(HeaderValue::as_bytes);
    let (Some(timestamp), Some(signature)) = (header(&TC_TIMESTAMP), header(&TC_SIGNATURE)) else {
        return status(StatusCode::UNAUTHORIZED);
    };
    if !signed(cipher, timestamp, signature) || !fresh(timestamp) {
        return status(StatusCode::UNAUTHORIZED);
    }
    let (Some(open_id), Some(mini_app_id)) = (
        header(&TC_OPEN_ID).and_then(|v| decrypt(cipher, v)),
        header(&TC_MINI_APP_ID).and_then(|v| decrypt(cipher, v)),
    ) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let Ok(body) = serde_json::from_slice::<Body>(&body) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let request_id = header(&X_REQUEST_ID).and_then(|v| std::str::from_utf8(v).ok());
    let envelope = Envelope {
        return_code: "0",
        return_message: "success",
        data: body.user_id == "user-42" && !open_id.is_empty() && !mini_app_id.is_empty(),
        request_id: request_id.unwrap_or_default(),
    };
    let Ok(json) = serde_json::to_vec(&envelope) else {
        return status(StatusCode::INTERNAL_SERVER_ERROR);
    };
    let mut response = http::Response::new(Full::new(Bytes::from(json)));
    let headers = response.headers_mut();
    headers.insert(http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(id).ok()) {
        headers.insert(X_REQUEST_ID, id);
    }
    response
}

/// Whether `signature` is the hex of AES-ECB(PKCS#7(`timestamp`)) (one block).
fn signed(cipher: &Aes256, timestamp: &[u8], signature: &[u8]) -> bool {
    let mut received = [0; 16];
    let mut expected = [0; 16];
    const_hex::decode_to_slice(signature, &mut received).is_ok()
        && ecb::Encryptor::<&Aes256>::inner_init(cipher)
            .encrypt_padded_b2b::<Pkcs7>(timestamp, &mut expected)
            .is_ok()
        && bool::from(expected.ct_eq(&received))
}

/// Whether `timestamp` (milliseconds) is within the window of now.
fn fresh(timestamp: &[u8]) -> bool {
    let Some(millis) = std::str::from_utf8(timestamp).ok().and_then(|t| t.parse::<u64>().ok())
    else {
        return false;
    };
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    now.abs_diff(millis) <= WINDOW_MS
}

/// The text of an encrypted header: hex, AES-ECB, PKCS#7, UTF-8.
fn decrypt(cipher: &Aes256, value: &[u8]) -> Option<String> {
    let mut buffer = const_hex::decode(value).ok()?;
    let len = ecb::Decryptor::<&Aes256>::inner_init(cipher)
        .decrypt_padded::<Pkcs7>(&mut buffer)
        .ok()?
        .len();
    buffer.truncate(len);
    String::from_utf8(buffer).ok()
}

fn status(status: StatusCode) -> http::Response<Full<Bytes>> {
    let mut response = http::Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}
