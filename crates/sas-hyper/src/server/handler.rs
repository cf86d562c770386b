//! What a handler receives besides the request, and what it may fail with.

use sas_core::auth::Identity;
use sas_core::error::ApiError;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What the server knows about a request besides its typed message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestContext {
    /// The request's ID: its `X-Request-Id`, or 128 random bits in hex. It is in the answer's
    /// envelope and `X-Request-Id` header.
    pub request_id: String,
    /// Who the auth scheme proved sent it.
    pub identity: Identity,
}

/// A handler's failure.
///
/// - [`HandlerError::api`] (or `From<ApiError>`): answered as given: your status, `returnCode`
///   and `returnMessage`.
/// - [`HandlerError::internal`]: a fault of yours; answered 500 with a generic message (the
///   cause is logged, never sent).
/// - [`HandlerError::not_implemented`]: answered 501, what a trait method left out does.
#[derive(Debug)]
pub struct HandlerError {
    kind: ErrorKind,
}

#[derive(Debug)]
pub(crate) enum ErrorKind {
    Api(ApiError),
    Internal(BoxError),
    NotImplemented,
}

impl HandlerError {
    /// An error to answer with: `status`, and `code` (not `"0"`) and `message` in the envelope.
    pub fn api(
        status: http::StatusCode,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self { kind: ErrorKind::Api(ApiError::new(status, code, message)) }
    }

    /// An internal fault: answered 500 without its details.
    pub fn internal(cause: impl Into<BoxError>) -> Self {
        Self { kind: ErrorKind::Internal(cause.into()) }
    }

    /// The endpoint is not implemented: answered 501.
    pub fn not_implemented() -> Self {
        Self { kind: ErrorKind::NotImplemented }
    }

    pub(crate) fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl From<ApiError> for HandlerError {
    fn from(error: ApiError) -> Self {
        Self { kind: ErrorKind::Api(error) }
    }
}

impl std::fmt::Display for HandlerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            ErrorKind::Api(error) => write!(f, "{error}"),
            ErrorKind::Internal(cause) => write!(f, "internal error: {cause}"),
            ErrorKind::NotImplemented => f.write_str("not implemented"),
        }
    }
}

impl std::error::Error for HandlerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Api(error) => Some(error),
            ErrorKind::Internal(cause) => Some(cause.as_ref()),
            ErrorKind::NotImplemented => None,
        }
    }
}
