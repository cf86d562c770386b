//! Responses in both directions, inside the envelope every SAS response shares:
//! `{"returnCode": "0", "returnMessage": …, "data": …, "requestId": …}`.
//!
//! A server answers with [`OutgoingResponse::try_into_http_response`] (or [`error_response`]);
//! a client reads the typed `data`, or a typed [`ApiError`], with
//! [`IncomingResponse::try_from_http_response`]. A body that is not the envelope is kept, never
//! lost.
//!
//! ```
//! use sas_core::api::payment::create_jsapi_order::{Prepay, Response};
//! use sas_core::response::{IncomingResponse, OutgoingResponse};
//!
//! let response = Response::new(Prepay::new("wx201410272009395522657a690389285100"));
//! let http_response = response.try_into_http_response("req-1")?;
//! assert_eq!(
//!     http_response.body(),
//!     br#"{"returnCode":"0","returnMessage":"success","data":{"prepayId":"wx201410272009395522657a690389285100"},"requestId":"req-1"}"#
//! );
//! let received = Response::try_from_http_response(&http_response)?;
//! assert_eq!(received.response, response);
//! assert_eq!(received.request_id, "req-1");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use crate::endpoint::ApiResponse;
use crate::error::{ApiError, FromHttpResponseError, IntoHttpError};

/// The `returnCode` of success.
pub const SUCCESS_CODE: &str = "0";

/// A response received and read: the typed response (the envelope's `data`, as the entry's
/// `Response`) and the rest of the envelope. Read its value as `received.response.data`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Received<T> {
    /// The typed response: the entry's `Response`, holding the envelope's `data`.
    pub response: T,
    /// `requestId` (empty when absent).
    pub request_id: String,
    /// `returnMessage` (empty when absent).
    pub return_message: String,
    /// The HTTP status.
    pub status: http::StatusCode,
}

/// Writing a typed response into the envelope.
pub trait OutgoingResponse: ApiResponse {
    /// `200 OK` with `{"returnCode":"0","returnMessage":"success","data":…,"requestId":…}`.
    ///
    /// # Errors
    ///
    /// [`IntoHttpError::Json`] if the data cannot be written (it always can for generated
    /// types).
    fn try_into_http_response(
        &self,
        request_id: &str,
    ) -> Result<http::Response<Vec<u8>>, IntoHttpError> {
        let envelope = OutEnvelope {
            return_code: SUCCESS_CODE,
            return_message: "success",
            data: Some(self),
            request_id,
        };
        json_response(http::StatusCode::OK, &envelope)
    }
}

impl<T: ApiResponse> OutgoingResponse for T {}

/// The envelope of an error: `returnCode` and `returnMessage` from `error`, `data` null, with
/// `error.status`.
pub fn error_response(error: &ApiError, request_id: &str) -> http::Response<Vec<u8>> {
    let envelope = OutEnvelope::<()> {
        return_code: &error.code,
        return_message: &error.message,
        data: None,
        request_id,
    };
    json_response(error.status, &envelope).unwrap_or_else(|_| {
        // Writing two strings cannot fail; keep a valid response if it ever did.
        let mut response = http::Response::new(Vec::new());
        *response.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
        response
    })
}

/// Reading the envelope of a received response.
pub trait IncomingResponse: ApiResponse {
    /// The typed `data`, or what went wrong: an [`ApiError`] for a `returnCode` other than
    /// `"0"`, the status and raw body when the body is not an envelope.
    ///
    /// # Errors
    ///
    /// [`FromHttpResponseError`].
    fn try_from_http_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Received<Self>, FromHttpResponseError> {
        read_envelope(response.status(), response.body().as_ref())
    }
}

impl<T: ApiResponse> IncomingResponse for T {}

fn read_envelope<T: DeserializeOwned>(
    status: http::StatusCode,
    body: &[u8],
) -> Result<Received<T>, FromHttpResponseError> {
    // The common case in one pass: a success with its typed `data`. Anything else is read
    // again below, member by member, to say what it is.
    if status.is_success()
        && let Some(envelope) = crate::json::read_once::<TypedEnvelope<'_, T>>(body)
        && envelope.return_code.0 == SUCCESS_CODE
    {
        let response = match envelope.data {
            Some(response) => response,
            None => read_data(b"null", body)?,
        };
        return Ok(Received {
            response,
            request_id: envelope.request_id.unwrap_or_default(),
            return_message: envelope.return_message.unwrap_or_default(),
            status,
        });
    }
    let envelope: InEnvelope<'_> = match crate::json::from_slice(body) {
        Ok(envelope) => envelope,
        Err(error) if status.is_success() => {
            return Err(FromHttpResponseError::NotEnvelope { status, error, body: body.to_vec() });
        }
        Err(_) => return Err(FromHttpResponseError::Status { status, body: body.to_vec() }),
    };
    let request_id = envelope.request_id.unwrap_or_default();
    let return_message = envelope.return_message.unwrap_or_default();
    if envelope.return_code.0 != SUCCESS_CODE {
        return Err(FromHttpResponseError::Api(ApiError {
            status,
            code: envelope.return_code.0.into_owned(),
            message: return_message,
            request_id,
        }));
    }
    if !status.is_success() {
        return Err(FromHttpResponseError::Status { status, body: body.to_vec() });
    }
    let raw = envelope.data.map_or("null", RawValue::get);
    let response = read_data(raw.as_bytes(), body)?;
    Ok(Received { response, request_id, return_message, status })
}

/// `data` (its text `raw`, cut from `body`) as the typed response.
fn read_data<T: DeserializeOwned>(raw: &[u8], body: &[u8]) -> Result<T, FromHttpResponseError> {
    crate::json::from_checked_part(raw)
        .map_err(|error| FromHttpResponseError::Data { error, body: body.to_vec() })
}

fn json_response<T: Serialize>(
    status: http::StatusCode,
    envelope: &OutEnvelope<'_, T>,
) -> Result<http::Response<Vec<u8>>, IntoHttpError> {
    let body = envelope_bytes(envelope)?;
    // Parts set in place rather than through `http::response::Builder`.
    let mut response = http::Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/json"));
    Ok(response)
}

/// The envelope's JSON, byte for byte what its `Serialize` writes: the member names written
/// as they are (they need no escape), the values by serde_json.
fn envelope_bytes<T: Serialize>(envelope: &OutEnvelope<'_, T>) -> serde_json::Result<Vec<u8>> {
    let mut body = Vec::with_capacity(128);
    body.extend_from_slice(br#"{"returnCode":"#);
    serde_json::to_writer(&mut body, envelope.return_code)?;
    body.extend_from_slice(br#","returnMessage":"#);
    serde_json::to_writer(&mut body, envelope.return_message)?;
    body.extend_from_slice(br#","data":"#);
    serde_json::to_writer(&mut body, &envelope.data)?;
    body.extend_from_slice(br#","requestId":"#);
    serde_json::to_writer(&mut body, envelope.request_id)?;
    body.push(b'}');
    Ok(body)
}

#[derive(Serialize)]
struct OutEnvelope<'a, T> {
    #[serde(rename = "returnCode")]
    return_code: &'a str,
    #[serde(rename = "returnMessage")]
    return_message: &'a str,
    data: Option<&'a T>,
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

#[derive(Deserialize)]
struct InEnvelope<'a> {
    #[serde(rename = "returnCode", borrow)]
    return_code: ReturnCode<'a>,
    #[serde(rename = "returnMessage", default)]
    return_message: Option<String>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    #[serde(rename = "requestId", default)]
    request_id: Option<String>,
}

/// A success envelope read in one pass, `data` typed.
#[derive(Deserialize)]
struct TypedEnvelope<'a, T> {
    #[serde(rename = "returnCode", borrow)]
    return_code: ReturnCode<'a>,
    #[serde(rename = "returnMessage", default)]
    return_message: Option<String>,
    #[serde(default = "Option::default")]
    data: Option<T>,
    #[serde(rename = "requestId", default)]
    request_id: Option<String>,
}

/// `returnCode`, documented as a string; a number is accepted too. Borrowed from the body
/// when it holds no escape.
struct ReturnCode<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for ReturnCode<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl<'de> Visitor<'de> for CodeVisitor {
            type Value = ReturnCode<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a returnCode string or number")
            }
            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
                Ok(ReturnCode(Cow::Borrowed(value)))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(ReturnCode(Cow::Owned(value.to_owned())))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
                Ok(ReturnCode(Cow::Owned(value.to_string())))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
                Ok(ReturnCode(Cow::Owned(value.to_string())))
            }
        }
        deserializer.deserialize_any(CodeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::{OutEnvelope, envelope_bytes};

    /// The envelope written by hand is the one its `Serialize` writes.
    #[test]
    fn the_envelope_bytes_are_its_serialisation() {
        let data = serde_json::json!({"a": "x\"y", "b": [1, null]});
        for (code, message, request_id) in
            [("0", "success", "req-1"), ("E1", "bad \"input\"\n\u{7f}é", ""), ("", "", "\\")]
        {
            let with = OutEnvelope {
                return_code: code,
                return_message: message,
                data: Some(&data),
                request_id,
            };
            assert_eq!(envelope_bytes(&with).unwrap(), serde_json::to_vec(&with).unwrap());
            let without = OutEnvelope::<()> {
                return_code: code,
                return_message: message,
                data: None,
                request_id,
            };
            assert_eq!(envelope_bytes(&without).unwrap(), serde_json::to_vec(&without).unwrap());
        }
    }
}
