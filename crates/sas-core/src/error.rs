//! The errors of building and parsing messages: one enum per direction and stage, each
//! `#[non_exhaustive]`, each variant saying who is at fault.

use crate::crypto::CryptoError;
use crate::endpoint::MissingPart;
use crate::validate::ValidationError;

/// Building an HTTP request or response from a typed message failed: the SDK user's input or
/// configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IntoHttpError {
    /// The message breaks the spec's constraints (every violation, with its field path).
    #[error("the message breaks the spec: {}", list(.0))]
    Invalid(Vec<ValidationError>),
    /// The auth scheme needs a key the signing input does not hold.
    #[error("signing `{entry}` needs {needs}, which the signing input does not hold")]
    MissingKey {
        /// The entry's vendor section.
        entry: &'static str,
        /// What is missing.
        needs: &'static str,
    },
    /// Signing or sealing failed.
    #[error("signing failed: {0}")]
    Crypto(#[from] CryptoError),
    /// The base or callback URL is not an absolute `http(s)` URL.
    #[error("{url:?} is not an absolute http(s) URL")]
    BadUrl {
        /// The URL given.
        url: String,
    },
    /// A value cannot travel in an HTTP header (control characters, non-visible bytes).
    #[error("the value of header {name} cannot be sent in HTTP")]
    BadHeaderValue {
        /// The header.
        name: &'static str,
    },
    /// The JSON body could not be written.
    #[error("cannot write the JSON body: {0}")]
    Json(#[from] serde_json::Error),
    /// The `http` crate refused the request or response.
    #[error("cannot build the HTTP message: {0}")]
    Http(#[from] http::Error),
}

/// A server could not accept a request: mostly the sender's fault; [`AuthError`] says which
/// check failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FromHttpRequestError {
    /// The method is not the entry's (the sender's fault).
    #[error("expected method {expected}, received {received}")]
    MethodMismatch {
        /// The entry's method.
        expected: &'static str,
        /// The method received.
        received: String,
    },
    /// The path does not match the entry's template (the sender's, or a routing bug).
    #[error("path {received:?} does not match {template:?}")]
    PathMismatch {
        /// The entry's path template.
        template: &'static str,
        /// The path received (after the configured prefix).
        received: String,
    },
    /// Authentication failed: the request is not from who it claims, or is stale.
    #[error("authentication failed: {0}")]
    Auth(#[from] AuthError),
    /// A required header, path or query value is missing (the sender's fault).
    #[error("{0}")]
    Missing(#[from] MissingPart),
    /// The body is not the entry's JSON (the sender's fault).
    #[error("the body is not valid for this entry: {0}")]
    Body(serde_json::Error),
    /// The request breaks the spec's constraints (the sender's fault).
    #[error("the request breaks the spec: {}", list(.0))]
    Invalid(Vec<ValidationError>),
}

impl FromHttpRequestError {
    /// The HTTP status a server should answer with: 401 for authentication failures, 404 for a
    /// path that matches nothing, 405 for a wrong method, 400 for the rest.
    pub fn status(&self) -> http::StatusCode {
        match self {
            Self::Auth(AuthError::MissingKey { .. }) => http::StatusCode::INTERNAL_SERVER_ERROR,
            Self::Auth(_) => http::StatusCode::UNAUTHORIZED,
            Self::MethodMismatch { .. } => http::StatusCode::METHOD_NOT_ALLOWED,
            Self::PathMismatch { .. } => http::StatusCode::NOT_FOUND,
            Self::Missing(_) | Self::Body(_) | Self::Invalid(_) => http::StatusCode::BAD_REQUEST,
        }
    }
}

/// An authentication check failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// A header the scheme needs is absent (the sender's fault).
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    /// A body field or query parameter the scheme needs is absent or empty (the sender's fault).
    #[error("missing {0}")]
    MissingField(&'static str),
    /// A header value is not visible ASCII (the sender's fault).
    #[error("header {0} is not visible ASCII")]
    BadHeader(&'static str),
    /// A signature, timestamp or key ID check failed; the inner error says which.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// No key is configured for the sender (the `mchid` or merchant ID is unknown to the SDK
    /// user's key store).
    #[error("no {kind} is configured for merchant {merchant:?}")]
    UnknownMerchant {
        /// Which key.
        kind: &'static str,
        /// The merchant the request names.
        merchant: String,
    },
    /// The merchant the signature proves differs from the one the request names.
    #[error("signed by merchant {signed:?}, but the request names merchant {named:?}")]
    MerchantMismatch {
        /// The `mchid` of the `Authorization` header.
        signed: String,
        /// The `TC-MerchantID` header or `mchid` field.
        named: String,
    },
    /// The verifying side lacks the key the scheme needs (the SDK user's configuration).
    #[error("verifying needs {needs}, which is not configured")]
    MissingKey {
        /// What is missing.
        needs: KeyNeed,
    },
}

/// A key a verifier or signer needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum KeyNeed {
    /// The SecretKey shared by SAS and the superapp.
    #[error("the SecretKey")]
    SecretKey,
    /// The merchants' public keys (superapp side).
    #[error("the merchants' public keys")]
    MerchantKeys,
    /// The AppKey of virtual payments.
    #[error("the AppKey")]
    AppKey,
    /// The superapp payment platform's public keys (merchant side).
    #[error("the platform's public keys")]
    PlatformKeys,
}

/// A client could not read a response as the entry's `data`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FromHttpResponseError {
    /// The server answered with a `returnCode` other than `"0"` (the server reports an error).
    #[error("{0}")]
    Api(ApiError),
    /// A non-2xx status without an envelope (the server or something in between).
    #[error("HTTP {status} without a response envelope")]
    Status {
        /// The status received.
        status: http::StatusCode,
        /// The body, kept as received.
        body: Vec<u8>,
    },
    /// The body is not a `returnCode`/`data`/`requestId` envelope (the server's fault).
    #[error("the body is not a response envelope: {error}")]
    NotEnvelope {
        /// The status received.
        status: http::StatusCode,
        /// Why it is not one.
        error: serde_json::Error,
        /// The body, kept as received.
        body: Vec<u8>,
    },
    /// The envelope's `data` is not the entry's type (the server's fault).
    #[error("the response data is not valid for this entry: {error}")]
    Data {
        /// Why not.
        error: serde_json::Error,
        /// The body, kept as received.
        body: Vec<u8>,
    },
}

/// An error the server reports in the envelope: `returnCode` other than `"0"`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the server answered returnCode {code:?}: {message}")]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status it came with.
    pub status: http::StatusCode,
    /// `returnCode`.
    pub code: String,
    /// `returnMessage` (empty when absent).
    pub message: String,
    /// `requestId` (empty when absent).
    pub request_id: String,
}

impl ApiError {
    /// An error to answer with: `code` (not `"0"`) and a message for the caller.
    pub fn new(
        status: http::StatusCode,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self { status, code: code.into(), message: message.into(), request_id: String::new() }
    }
}

fn list(errors: &[ValidationError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}
