//! Requests and callbacks in both directions: a typed message becomes a signed
//! `http::Request<Vec<u8>>` ([`OutgoingRequest`]); a received `http::Request` becomes the typed
//! message only after its auth holds ([`IncomingRequest`]).
//!
//! ```
//! use sas_core::api::user::check_user;
//! use sas_core::auth::tc_signature;
//! use sas_core::crypto::SecretKey;
//! use sas_core::time::UnixTime;
//! use sas_core::request::{IncomingRequest, OutgoingRequest};
//!
//! let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
//! let now = UnixTime::from_millis(1_735_293_931_220);
//!
//! // SAS's side: build and sign.
//! let request = check_user::Request::new("openid-of-user-42", "mpvc3tdaldpq7zpu", "user-42");
//! let signing = tc_signature::Signing::new(now, &secret);
//! let http_request = request.try_into_http_request("https://superapp.example", &signing)?;
//! assert_eq!(http_request.uri(), "https://superapp.example/user/checkUser");
//! assert_eq!(http_request.headers()["TC-Signature"], "f7b363addca8eb529f2abd2a9db903be");
//!
//! // The superapp's side: verify, then parse.
//! let verifying = tc_signature::Verifying::new(now, &secret);
//! let received = check_user::Request::try_from_http_request(&http_request, &verifying)?;
//! assert_eq!(received.message, request);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::cell::RefCell;

use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};

use crate::auth::{self, AuthScheme, Identity, SignWith, VerifyWith};
use crate::crypto::{SecretKey, decrypt_header_bytes, encrypt_header_value};
use crate::endpoint::{ApiRequest, EntryKind, Metadata, PartSource, WirePart};
use crate::error::{AuthError, FromHttpRequestError, IntoHttpError};
use crate::wire::{self, WireRequest};

/// A message received and verified, with who sent it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Authenticated<T> {
    /// The typed message.
    pub message: T,
    /// Who the auth scheme proved it comes from.
    pub identity: Identity,
}

/// Building a signed `http::Request` from a typed request or callback.
pub trait OutgoingRequest: ApiRequest {
    /// Validates, serialises and signs the message.
    ///
    /// `target` is the base URL of the superapp backend for endpoints (the documented path is
    /// appended; a base path such as `/sas` is kept, a query is refused), and the full callback
    /// URL (the order's `TC-Payment-Callback`, sent verbatim) for callbacks.
    /// `signing` is the entry's scheme's own input (for example
    /// [`auth::tc_signature::Signing`]), or a key ring ([`auth::Signing`]) for any scheme.
    /// The body is the JSON exactly as signed.
    ///
    /// # Errors
    ///
    /// [`IntoHttpError`]: constraint violations, a key or nonce the scheme needs and a key ring
    /// lacks, a bad URL, a header value or `Authorization` parameter that cannot be sent as
    /// given.
    fn try_into_http_request(
        &self,
        target: &str,
        signing: &impl SignWith<Self::Auth>,
    ) -> Result<http::Request<Vec<u8>>, IntoHttpError> {
        self.check().map_err(IntoHttpError::Invalid)?;
        let meta = Self::METADATA;
        let input = signing
            .signing_input()
            .map_err(|needs| IntoHttpError::MissingKey { entry: meta.section, needs })?;
        let (base, callback_path) = split_target(meta.kind, target)?;
        // Only a scheme that signs in the body needs a copy of the message to sign.
        let signed;
        let message = if Self::Auth::SIGNS_BODY {
            let mut message = self.clone();
            Self::Auth::sign_body(meta, &mut message, &input)?;
            signed = message;
            &signed
        } else {
            self
        };
        let mut wire = to_wire(message, callback_path, Self::Auth::header_key(&input))?;
        Self::Auth::sign_wire(meta, &mut wire, &input)?;
        into_http(base, Self::METHOD, wire)
    }
}

impl<T: ApiRequest> OutgoingRequest for T {}

/// Parsing a received `http::Request` into a typed request or callback.
pub trait IncomingRequest: ApiRequest {
    /// Checks method and path, verifies the auth scheme over the exact bytes received, and only
    /// then parses the body (RFC 8259: a leading BOM ignored, repeated member names refused)
    /// and the header, path and query values, and validates the result.
    ///
    /// `verifying` is the entry's scheme's own input (for example
    /// [`auth::tc_signature::Verifying`]), or a key ring ([`auth::Verifying`]) for any scheme.
    /// Callbacks are checked by type only, not against every constraint: liberal in what we
    /// accept, so a notification is never lost to a new enumeration value.
    ///
    /// # Errors
    ///
    /// [`FromHttpRequestError`]; [`FromHttpRequestError::status`] gives the HTTP status to answer
    /// with: 401 for every auth failure, whatever the body holds.
    fn try_from_http_request<B: AsRef<[u8]>>(
        request: &http::Request<B>,
        verifying: &impl VerifyWith<Self::Auth>,
    ) -> Result<Authenticated<Self>, FromHttpRequestError> {
        let meta = Self::METADATA;
        let expected = Self::METHOD.as_str();
        if request.method() != Self::METHOD {
            return Err(FromHttpRequestError::MethodMismatch {
                expected,
                received: request.method().to_string(),
            });
        }
        let path = request.uri().path();
        let path = path.strip_prefix(verifying.path_prefix()).unwrap_or(path);
        let path_values = match (meta.kind, meta.path) {
            (EntryKind::Endpoint, Some(template)) => {
                wire::match_path(template, path).ok_or_else(|| {
                    FromHttpRequestError::PathMismatch { template, received: path.to_owned() }
                })?
            }
            _ => Vec::new(),
        };
        let raw_query = request.uri().query().unwrap_or("");
        let query = wire::decode_query(raw_query);
        let canonical_url: Cow<'_, str> = if raw_query.is_empty() {
            Cow::Borrowed(path)
        } else {
            Cow::Owned(format!("{path}?{raw_query}"))
        };
        let body = request.body().as_ref();
        let input = verifying
            .verifying_input()
            .map_err(|needs| FromHttpRequestError::Auth(AuthError::MissingKey { needs }))?;
        let received = auth::Received {
            method: expected,
            canonical_url: &canonical_url,
            headers: request.headers(),
            query: &query,
            body,
        };
        let identity = Self::Auth::verify(meta, &received, &input)?;
        let decrypted =
            decrypt_headers(meta, request.headers(), Self::Auth::header_key_received(&input))?;
        let mut message: Self =
            crate::json::from_slice(if body.is_empty() && Self::METHOD == http::Method::GET {
                b"{}"
            } else {
                body
            })
            .map_err(FromHttpRequestError::Body)?;
        let parts = ReceivedParts {
            headers: request.headers(),
            decrypted: RefCell::new(decrypted),
            path: &path_values,
            query: &query,
        };
        message.read_parts(&parts)?;
        if meta.kind == EntryKind::Endpoint {
            message.check().map_err(FromHttpRequestError::Invalid)?;
        }
        Ok(Authenticated { message, identity })
    }
}

impl<T: ApiRequest> IncomingRequest for T {}

/// Splits the target into the URL's scheme-and-authority (plus any base path for endpoints)
/// and, for callbacks, the path and query of the callback URL.
fn split_target(kind: EntryKind, target: &str) -> Result<(&str, Option<&str>), IntoHttpError> {
    let bad = || IntoHttpError::BadUrl { url: target.to_owned() };
    let rest = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let authority_len =
        rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    if authority_len == 0 || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad());
    }
    let split = target.len() - rest.len() + authority_len;
    match kind {
        EntryKind::Callback => {
            let after = &target[split..];
            let path = &after[..after.bytes().position(|b| b == b'#').unwrap_or(after.len())];
            Ok((&target[..split], Some(if path.is_empty() { "/" } else { path })))
        }
        // The authority holds none of them.
        _ if target[split..].bytes().any(|b| b == b'?' || b == b'#') => Err(bad()),
        _ => Ok((target.trim_end_matches('/'), None)),
    }
}

/// The unsigned wire form of a message: path, query, headers and JSON body, each header the
/// spec marks `encrypted` as its ciphertext under `key`.
fn to_wire<T: ApiRequest>(
    message: &T,
    callback_path: Option<&str>,
    key: Option<&SecretKey>,
) -> Result<WireRequest, IntoHttpError> {
    let meta = T::METADATA;
    let method = T::METHOD.as_str();
    let (path, mut query) = match callback_path {
        // The callback URL is the receiver's: its path and query travel verbatim.
        Some(path_and_query) => (path_and_query.to_owned(), Vec::new()),
        None => (wire::fill_path(meta.path.unwrap_or("/"), &message.path_values()), Vec::new()),
    };
    query.extend(message.query_values().into_iter().map(|(n, v)| (n.to_owned(), v.to_owned())));
    let body =
        if T::METHOD == http::Method::GET { Vec::new() } else { serde_json::to_vec(message)? };
    let values = message.header_values();
    check_encrypted(meta, &values, key)?;
    let mut headers: Vec<(&'static str, String)> =
        Vec::with_capacity(1 + values.len() + AUTH_HEADERS);
    if !body.is_empty() {
        headers.push((CONTENT_TYPE.as_str(), "application/json".to_owned()));
    }
    for (name, value) in values {
        // The ciphertext straight from the field's text, with no plaintext copy in between.
        let value = if meta.headers.iter().any(|field| field.encrypted && field.name == name) {
            encrypt_header_value(key.ok_or_else(|| missing_secret_key(meta))?, value)
        } else {
            value.to_owned()
        };
        headers.push((name, value));
    }
    Ok(WireRequest { method, path, query, headers, body })
}

/// The most headers an auth scheme adds (the payment callbacks': `TC-Timestamp`,
/// `TC-Signature` and the three `TC-Callback-*`).
const AUTH_HEADERS: usize = 5;

fn into_http(
    base: &str,
    method: &'static http::Method,
    wire: WireRequest,
) -> Result<http::Request<Vec<u8>>, IntoHttpError> {
    let mut url = String::with_capacity(base.len() + wire.path.len() + 1);
    url.push_str(base);
    wire.write_canonical_url(&mut url);
    let uri = http::Uri::try_from(url).map_err(http::Error::from)?;
    // Parts set in place rather than through `http::request::Builder`, which moves the whole
    // request through every call.
    let mut request = http::Request::new(wire.body);
    *request.method_mut() = method.clone();
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    headers.reserve(wire.headers.len());
    for (name, value) in wire.headers {
        let bad = |problem| IntoHttpError::BadHeaderValue { name, problem };
        if let Some(problem) = wire::field_value_problem(&value) {
            return Err(bad(problem));
        }
        let header_name = match auth::headers::prepared(name) {
            Some(prepared) => prepared,
            None => HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| bad("an invalid header name"))?,
        };
        // The value's own buffer becomes the header's, uncopied.
        let header_value =
            HeaderValue::try_from(value).map_err(|_| bad("bytes the http crate refuses"))?;
        headers.append(header_name, header_value);
    }
    Ok(request)
}

/// Checks that every header the spec marks `encrypted` can be encrypted: the key is held, the
/// plaintext is a valid field value.
fn check_encrypted(
    meta: &'static Metadata,
    values: &[(&'static str, &str)],
    key: Option<&SecretKey>,
) -> Result<(), IntoHttpError> {
    for field in meta.headers.iter().filter(|field| field.encrypted) {
        for (name, value) in values.iter().filter(|(name, _)| *name == field.name) {
            key.ok_or_else(|| missing_secret_key(meta))?;
            if let Some(problem) = wire::field_value_problem(value) {
                return Err(IntoHttpError::BadHeaderValue { name, problem });
            }
        }
    }
    Ok(())
}

/// The error of an `encrypted` header to send without the SecretKey.
fn missing_secret_key(meta: &'static Metadata) -> IntoHttpError {
    IntoHttpError::MissingKey { entry: meta.section, needs: "the SecretKey" }
}

/// The plaintext of every header the spec marks `encrypted`, by wire name, decrypted once the
/// request is verified and before its body is read. Such a header is proven by the SecretKey
/// that encrypts it, so like the auth headers it is refused when it comes twice, under one
/// spelling or several.
fn decrypt_headers(
    meta: &'static Metadata,
    headers: &http::HeaderMap,
    key: Option<&SecretKey>,
) -> Result<Vec<(&'static str, Option<String>)>, FromHttpRequestError> {
    let mut decrypted =
        Vec::with_capacity(meta.headers.iter().filter(|field| field.encrypted).count());
    for field in meta.headers.iter().filter(|field| field.encrypted) {
        let value = auth::headers::only_value(headers, field.name, field.aliases)
            .map_err(FromHttpRequestError::Auth)?;
        let Some(value) = value else { continue };
        let key = key.ok_or(FromHttpRequestError::Auth(AuthError::MissingKey {
            needs: crate::error::KeyNeed::SecretKey,
        }))?;
        let plaintext = decrypt_header_bytes(key, value.as_bytes())
            .map_err(|error| FromHttpRequestError::Undecryptable { name: field.name, error })?;
        decrypted.push((field.name, Some(plaintext)));
    }
    Ok(decrypted)
}

/// Header, path and query values of a received request.
struct ReceivedParts<'a> {
    headers: &'a http::HeaderMap,
    /// The plaintext of the encrypted headers, in place of their received ciphertext: each
    /// handed over (moved out) when its field reads it, once.
    decrypted: RefCell<Vec<(&'static str, Option<String>)>>,
    path: &'a [(&'static str, String)],
    query: &'a [(String, String)],
}

impl PartSource for ReceivedParts<'_> {
    fn get(&self, part: WirePart, name: &str, aliases: &[&str]) -> Option<String> {
        let names = || std::iter::once(name).chain(aliases.iter().copied());
        match part {
            WirePart::Header if self.decrypted.borrow().iter().any(|(n, _)| *n == name) => self
                .decrypted
                .borrow_mut()
                .iter_mut()
                .find(|(n, _)| *n == name)
                .and_then(|(_, value)| value.take()),
            WirePart::Header => names()
                .find_map(|candidate| auth::headers::get(self.headers, candidate))
                .and_then(|value| std::str::from_utf8(value.as_bytes()).ok())
                .map(str::to_owned),
            WirePart::Path => names()
                .find_map(|candidate| self.path.iter().find(|(n, _)| *n == candidate))
                .map(|(_, value)| value.clone()),
            WirePart::Query => names()
                .find_map(|candidate| self.query.iter().find(|(n, _)| n == candidate))
                .map(|(_, value)| value.clone()),
        }
    }
}
