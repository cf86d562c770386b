//! The errors of building and parsing messages: one enum per direction and stage, each
//! `#[non_exhaustive]`, each variant saying who is at fault; and the questions every one of them
//! answers without a match: [`status`](FromHttpRequestError::status) (the HTTP status to answer
//! or that was answered), [`fault`](FromHttpRequestError::fault) (who must act, a [`Fault`]),
//! [`is_auth`](FromHttpRequestError::is_auth).

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
    /// A value cannot travel in an HTTP header exactly as given (RFC 9110 §5.5): it holds a
    /// control character or a character outside visible ASCII, or starts or ends with a space
    /// a recipient would strip. Checked before the `http` crate sees it.
    #[error("the value of header {name} cannot be sent: it holds {problem}")]
    BadHeaderValue {
        /// The header.
        name: &'static str,
        /// What it holds that cannot be sent.
        problem: &'static str,
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
    /// The body is not the entry's JSON (the sender's fault); read only once the auth held.
    #[error("the body is not valid for this entry: {0}")]
    Body(JsonError),
    /// The request breaks the spec's constraints (the sender's fault).
    #[error("the request breaks the spec: {}", list(.0))]
    Invalid(Vec<ValidationError>),
    /// A header the spec marks `encrypted` does not decrypt under the SecretKey (the sender's
    /// fault: another key, or not the cipher's hex). Checked after the auth held.
    #[error("header {name} does not decrypt under the SecretKey: {error}")]
    Undecryptable {
        /// The header.
        name: &'static str,
        /// Why not.
        error: CryptoError,
    },
}

impl FromHttpRequestError {
    /// The HTTP status a server should answer with: 401 for authentication failures, 404 for a
    /// path that matches nothing, 405 for a wrong method, 500 for a key the server lacks, 400
    /// for the rest.
    pub fn status(&self) -> http::StatusCode {
        match self {
            Self::Auth(error) => error.status(),
            Self::MethodMismatch { .. } => http::StatusCode::METHOD_NOT_ALLOWED,
            Self::PathMismatch { .. } => http::StatusCode::NOT_FOUND,
            Self::Missing(_) | Self::Body(_) | Self::Invalid(_) | Self::Undecryptable { .. } => {
                http::StatusCode::BAD_REQUEST
            }
        }
    }

    /// Who must act: the sender, for everything but a key the receiving side lacks
    /// ([`Fault::Configuration`]).
    pub fn fault(&self) -> Fault {
        match self {
            Self::Auth(error) => error.fault(),
            _ => Fault::Sender,
        }
    }

    /// Whether authentication failed (answer 401, do not process).
    pub fn is_auth(&self) -> bool {
        matches!(self, Self::Auth(error) if error.fault() == Fault::Sender)
    }

    /// The authentication error, if that is what failed.
    pub fn as_auth(&self) -> Option<&AuthError> {
        match self {
            Self::Auth(error) => Some(error),
            _ => None,
        }
    }
}

/// Who must act on an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// Whoever sent the message: a bad signature, a stale timestamp, a malformed body. Retrying
    /// the same message will not help.
    Sender,
    /// The SDK user's own input or configuration: a missing key, a value that cannot be sent.
    Configuration,
    /// The server that answered: an error it reports, a body that is not the envelope.
    Server,
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
    /// A header the auth reads comes more than once, or under two of its spellings (the
    /// sender's fault): which copy is meant cannot be known.
    #[error("header {0} is repeated or given under two spellings")]
    RepeatedHeader(&'static str),
    /// A query parameter the auth reads comes more than once (the sender's fault).
    #[error("query parameter {0} is repeated")]
    RepeatedParameter(&'static str),
    /// The body that carries the signature cannot be read as the signed JSON (the sender's
    /// fault). Answered as a failed signature is, without saying more about the body.
    #[error("{kind} does not match: wrong key or tampered data")]
    UnreadableSignedBody {
        /// The signature the body carries.
        kind: crate::crypto::SignatureKind,
    },
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

impl AuthError {
    /// The HTTP status to answer with: 401, or 500 when the receiving side lacks a key.
    pub fn status(&self) -> http::StatusCode {
        match self.fault() {
            Fault::Sender => http::StatusCode::UNAUTHORIZED,
            _ => http::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Who must act: the sender, or the receiving side's configuration for a missing key.
    pub fn fault(&self) -> Fault {
        match self {
            Self::MissingKey { .. } | Self::Crypto(CryptoError::OwnKeyAsPeerKey { .. }) => {
                Fault::Configuration
            }
            _ => Fault::Sender,
        }
    }
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
        error: JsonError,
        /// The body, kept as received.
        body: Vec<u8>,
    },
    /// The envelope's `data` is not the entry's type (the server's fault).
    #[error("the response data is not valid for this entry: {error}")]
    Data {
        /// Why not; its path starts inside `data`.
        error: JsonError,
        /// The body, kept as received.
        body: Vec<u8>,
    },
}

impl FromHttpResponseError {
    /// The HTTP status the response came with.
    pub fn status(&self) -> http::StatusCode {
        match self {
            Self::Api(error) => error.status,
            Self::Status { status, .. } | Self::NotEnvelope { status, .. } => *status,
            Self::Data { .. } => http::StatusCode::OK,
        }
    }

    /// Who must act: always the server that answered (an error it reports, or a body that is
    /// not what the entry says).
    pub fn fault(&self) -> Fault {
        Fault::Server
    }

    /// Whether the server reports an authentication failure: HTTP 401 or 403.
    pub fn is_auth(&self) -> bool {
        matches!(self.status().as_u16(), 401 | 403)
    }

    /// The error the server reports in the envelope, if that is what came back.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(error) => Some(error),
            _ => None,
        }
    }

    /// The body as received, when it did not come back as an [`ApiError`].
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            Self::Api(_) => None,
            Self::Status { body, .. }
            | Self::NotEnvelope { body, .. }
            | Self::Data { body, .. } => Some(body),
        }
    }
}

impl IntoHttpError {
    /// Who must act: the SDK user (a value that cannot be sent, a key not given).
    pub fn fault(&self) -> Fault {
        Fault::Configuration
    }
}

/// A JSON body or document could not be read (RFC 8259, a type the spec does not allow, or a
/// member name given twice): where, by wire path, and why.
///
/// For decrypted resources and signed payloads (personal data) the error is redacted: its
/// `Display` and `Debug` name the path, the kind of problem and the position, never a value.
pub struct JsonError {
    path: String,
    inner: serde_json::Error,
    redacted: bool,
}

impl JsonError {
    pub(crate) fn new(path: String, inner: serde_json::Error) -> Self {
        let path = if path == "." { String::new() } else { path };
        Self { path, inner, redacted: false }
    }

    /// The same error, printed without any value of the document.
    pub(crate) fn redacted(self) -> Self {
        Self { redacted: true, ..self }
    }

    fn problem(&self) -> &'static str {
        match self.inner.classify() {
            serde_json::error::Category::Syntax => "not JSON",
            serde_json::error::Category::Data => "not the type the spec gives",
            serde_json::error::Category::Eof => "cut short",
            serde_json::error::Category::Io => "unreadable",
        }
    }

    /// The wire path of the member at fault (`amount.total`, `detail.goods_detail[0].price`),
    /// empty for the document itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The line of the text where reading stopped (1-based).
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    /// The column of the text where reading stopped (1-based).
    pub fn column(&self) -> usize {
        self.inner.column()
    }

    /// serde_json's error (its message may quote the value at fault, even when this error is
    /// redacted).
    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }
}

impl std::fmt::Debug for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut debug = f.debug_struct("JsonError");
        debug.field("path", &self.path);
        if self.redacted {
            debug
                .field("problem", &self.problem())
                .field("line", &self.line())
                .field("column", &self.column())
                .finish_non_exhaustive()
        } else {
            debug.field("inner", &self.inner).finish()
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.redacted {
            let (line, column) = (self.line(), self.column());
            let at = if self.path.is_empty() { "the document" } else { &self.path };
            write!(f, "{at} is {} (line {line}, column {column})", self.problem())
        } else if self.path.is_empty() {
            write!(f, "{}", self.inner)
        } else {
            write!(f, "at {}: {}", self.path, self.inner)
        }
    }
}

impl std::error::Error for JsonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
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
