//! The client's one opaque error: ask it what happened with its predicates.

use std::fmt;

use bytes::Bytes;
use sas_core::error::{ApiError, FromHttpResponseError};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What went wrong with a call. Opaque: ask with [`is_timeout`](Self::is_timeout),
/// [`is_connect`](Self::is_connect), [`is_status`](Self::is_status), [`is_auth`](Self::is_auth),
/// [`is_body`](Self::is_body), [`is_build`](Self::is_build), and read
/// [`api_error`](Self::api_error), [`status`](Self::status) and [`body`](Self::body); the
/// [`source`](std::error::Error::source) chain holds the cause.
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: Kind,
    source: Option<BoxError>,
    status: Option<http::StatusCode>,
    body: Option<Bytes>,
    api: Option<ApiError>,
    attempts: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The request could not be built or signed (the caller's input or configuration).
    Build,
    /// No connection could be made (refused, DNS, TLS handshake).
    Connect,
    /// No connection was made within the connect timeout: a connect error and a timeout.
    ConnectTimeout,
    /// The connect, request or total time limit passed.
    Timeout,
    /// The connection failed after the request may have been sent.
    Transport,
    /// The server answered with a failure: a non-2xx status or a failure envelope.
    Status,
    /// The response body could not be read: too large, or not the entry's envelope.
    Body,
}

impl Error {
    pub(crate) fn new(kind: Kind, source: impl Into<BoxError>) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                source: Some(source.into()),
                status: None,
                body: None,
                api: None,
                attempts: 1,
            }),
        }
    }

    pub(crate) fn with_response(mut self, status: http::StatusCode, body: Bytes) -> Self {
        self.inner.status = Some(status);
        self.inner.body = Some(body);
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    /// The error of reading a response that arrived.
    pub(crate) fn from_response(
        error: FromHttpResponseError,
        status: http::StatusCode,
        body: Bytes,
    ) -> Self {
        let mut this = match &error {
            FromHttpResponseError::Api(api) => {
                let api = api.clone();
                let mut this = Self::new(Kind::Status, error);
                this.inner.api = Some(api);
                this
            }
            FromHttpResponseError::Status { .. } => Self::new(Kind::Status, error),
            _ => Self::new(Kind::Body, error),
        };
        this.inner.status = Some(status);
        this.inner.body = Some(body);
        this
    }

    /// Whether a time limit passed: connecting, the whole request, or the retries' total.
    /// A connect timeout is both this and [`is_connect`](Self::is_connect).
    pub fn is_timeout(&self) -> bool {
        matches!(self.inner.kind, Kind::Timeout | Kind::ConnectTimeout)
    }

    /// Whether no connection could be made (refused, unreachable, TLS handshake failed, or not
    /// within the connect timeout): nothing was sent.
    pub fn is_connect(&self) -> bool {
        matches!(self.inner.kind, Kind::Connect | Kind::ConnectTimeout)
    }

    /// Whether the server answered with a failure: a non-2xx status, or an envelope whose
    /// `returnCode` is not `"0"` (then [`api_error`](Self::api_error) has it).
    pub fn is_status(&self) -> bool {
        self.inner.kind == Kind::Status
    }

    /// Whether authentication failed: the server answered 401 or 403, or the request could not
    /// be signed for lack of a key.
    pub fn is_auth(&self) -> bool {
        let status_auth = matches!(
            self.inner.status,
            Some(http::StatusCode::UNAUTHORIZED | http::StatusCode::FORBIDDEN)
        );
        let missing_key = self.inner.kind == Kind::Build
            && self
                .inner
                .source
                .as_ref()
                .and_then(|source| source.downcast_ref::<sas_core::error::IntoHttpError>())
                .is_some_and(|error| {
                    matches!(error, sas_core::error::IntoHttpError::MissingKey { .. })
                });
        status_auth || missing_key
    }

    /// Whether the response body could not be read: larger than the limit, cut off, or not the
    /// entry's envelope (then [`status`](Self::status) and [`body`](Self::body) keep what came).
    pub fn is_body(&self) -> bool {
        self.inner.kind == Kind::Body
    }

    /// Whether the request could not be built or signed (the caller's input or configuration).
    pub fn is_build(&self) -> bool {
        self.inner.kind == Kind::Build
    }

    /// The failure envelope the server answered with: `returnCode`, `returnMessage`,
    /// `requestId` and the status.
    pub fn api_error(&self) -> Option<&ApiError> {
        self.inner.api.as_ref()
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<http::StatusCode> {
        self.inner.status
    }

    /// The raw response body, when a response arrived (up to the size limit).
    pub fn body(&self) -> Option<&[u8]> {
        self.inner.body.as_deref()
    }

    /// How many attempts were made.
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Error");
        out.field("kind", &self.inner.kind);
        if let Some(status) = self.inner.status {
            out.field("status", &status);
        }
        if let Some(api) = &self.inner.api {
            out.field("api", api);
        }
        out.field("attempts", &self.inner.attempts);
        if let Some(source) = &self.inner.source {
            out.field("source", source);
        }
        out.finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.inner.kind {
            Kind::Build => "cannot build the request",
            Kind::Connect => "cannot connect",
            Kind::ConnectTimeout => "cannot connect in time",
            Kind::Timeout => "timed out",
            Kind::Transport => "the connection failed",
            Kind::Status => "the server answered with a failure",
            Kind::Body => "cannot read the response",
        };
        f.write_str(what)?;
        if let Some(status) = self.inner.status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(source) = &self.inner.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source.as_deref().map(|source| source as &(dyn std::error::Error + 'static))
    }
}
