//! Failure answers in the SAS envelope, and the `requestId` of each request.

use bytes::Bytes;
use http::{HeaderName, HeaderValue, StatusCode};
use http_body_util::Full;
use sas_core::error::ApiError;

use crate::body::BodyError;
use crate::time::random_hex_128;

/// The header a request ID travels in, both ways.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// [`REQUEST_ID_HEADER`] as a header name, looked up and inserted without parsing the name.
pub(crate) static REQUEST_ID: HeaderName = HeaderName::from_static(REQUEST_ID_HEADER);

/// The longest incoming `X-Request-Id` taken as is; a longer or non-visible one is replaced.
const MAX_REQUEST_ID_LEN: usize = 128;

/// The response body type of every service here.
pub type ResponseBody = Full<Bytes>;

/// The request's ID: its `X-Request-Id` when that is 1–128 visible ASCII characters, otherwise
/// 128 random bits in hex.
pub(crate) fn request_id(headers: &http::HeaderMap) -> String {
    request_id_of(headers.get(&REQUEST_ID))
}

/// The request ID for an `X-Request-Id` value, or for none (see [`request_id`]).
pub(crate) fn request_id_of(value: Option<&HeaderValue>) -> String {
    value
        .and_then(|value| value.to_str().ok())
        .filter(|id| {
            !id.is_empty()
                && id.len() <= MAX_REQUEST_ID_LEN
                && id.bytes().all(|b| b.is_ascii_graphic())
        })
        .map_or_else(random_hex_128, str::to_owned)
}

/// The envelope `{"returnCode": "<status>", "returnMessage": message, "data": null,
/// "requestId": …}` with `status`, and the request ID in `X-Request-Id`.
pub(crate) fn failure(
    status: StatusCode,
    message: &str,
    request_id: &str,
) -> http::Response<ResponseBody> {
    let error = ApiError::new(status, status.as_u16().to_string(), message);
    finish(sas_core::response::error_response(&error, request_id), request_id)
}

/// The answer to a request body that could not be read: 413 over the limit, 400 otherwise.
pub(crate) fn body_failure(error: &BodyError, request_id: &str) -> http::Response<ResponseBody> {
    match error {
        BodyError::TooLarge(limit) => {
            let message = format!("the body is larger than {limit} bytes");
            failure(StatusCode::PAYLOAD_TOO_LARGE, &message, request_id)
        }
        BodyError::Read(_) => {
            failure(StatusCode::BAD_REQUEST, "the body could not be read", request_id)
        }
    }
}

/// Converts a sas-core response and adds the `X-Request-Id` header.
pub(crate) fn finish(
    response: http::Response<Vec<u8>>,
    request_id: &str,
) -> http::Response<ResponseBody> {
    let mut response = response.map(|body| Full::new(Bytes::from(body)));
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert(REQUEST_ID.clone(), value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_incoming_request_id_is_kept_and_a_bad_one_replaced() {
        let mut headers = http::HeaderMap::new();
        headers.insert(REQUEST_ID_HEADER, HeaderValue::from_static("abc-123"));
        assert_eq!(request_id(&headers), "abc-123");
        headers.insert(REQUEST_ID_HEADER, HeaderValue::from_static("has space"));
        let replaced = request_id(&headers);
        assert_eq!(replaced.len(), 32);
        assert!(replaced.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(request_id(&http::HeaderMap::new()).len(), 32);
        // The value alone (kept for the answer of a request that ran out of time) gives the same.
        assert_eq!(request_id_of(Some(&HeaderValue::from_static("abc-123"))), "abc-123");
        assert_eq!(request_id_of(Some(&HeaderValue::from_static("has space"))).len(), 32);
        assert_eq!(request_id_of(None).len(), 32);
    }

    #[test]
    fn a_failure_is_the_envelope_with_the_status_and_the_request_id() {
        let response = failure(StatusCode::NOT_FOUND, "no such endpoint", "req-9");
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()[REQUEST_ID_HEADER], "req-9");
    }
}
