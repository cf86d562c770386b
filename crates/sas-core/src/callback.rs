//! Callbacks, both sides: the superapp seals a payment or refund result into a callback and
//! sends it ([`seal`], then [`OutgoingRequest`](crate::request::OutgoingRequest)); the merchant
//! verifies every signature over the bytes received, then decrypts or parses, and only then
//! reads the typed event ([`open`], [`read_payload`]).
//!
//! ```
//! # use sas_core::crypto::{ApiV3Key, AppKey, Certificate, PublicKeySet, RsaPrivateKey, SecretKey};
//! # use sas_core::time::UnixTime;
//! # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
//! # let platform_key = RsaPrivateKey::from_pem(&std::fs::read_to_string(format!("{dir}/platform-2048.pem"))?)?;
//! # let platform_cert = Certificate::from_pem(&std::fs::read_to_string(format!("{dir}/platform-2048.crt"))?)?;
//! use sas_core::api::payment::payment_notification::{Request, Transaction};
//! use sas_core::auth::payment_callback;
//! use sas_core::callback;
//! use sas_core::endpoint::Example;
//! use sas_core::request::OutgoingRequest;
//!
//! let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
//! let api_v3_key = ApiV3Key::new("0123456789ABCDEFabcdefghij012345")?;
//! let now = UnixTime::from_secs(1_735_293_931);
//!
//! // The superapp: seal the transaction, sign, send to the order's TC-Payment-Callback.
//! let transaction = Transaction::example();
//! let mut notification = Request::example();
//! callback::seal(&mut notification, &transaction, &api_v3_key, "n0nce1234567", "transaction")?;
//! let signing = payment_callback::Signing::new(
//!     now,
//!     "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
//!     &secret,
//!     &platform_key,
//!     platform_cert.serial_number(),
//! );
//! let http = notification.try_into_http_request("https://merchant.example/notify", &signing)?;
//!
//! // The merchant: verify with the platform's certificate, decrypt, read.
//! let platform_keys = PublicKeySet::new().with_certificate(platform_cert);
//! let verifying = payment_callback::Verifying::new(now, &platform_keys);
//! let opened = callback::open::<Request, _>(&http, &verifying, &api_v3_key)?;
//! assert_eq!(opened.resource, transaction);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::auth::{Identity, VerifyWith};
use crate::crypto::{AEAD_AES_256_GCM, ApiV3Key, CryptoError, open_resource, seal_resource};
use crate::endpoint::ApiRequest;
use crate::error::{Fault, FromHttpRequestError, IntoHttpError, JsonError};
use crate::request::IncomingRequest;
use crate::types::JsonString;

/// The AEAD parts of a callback's encrypted `resource`, as received.
///
/// Built by generated code (which may live outside this crate, so the struct is not
/// `#[non_exhaustive]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sealed<'a> {
    /// `algorithm`: `AEAD_AES_256_GCM`.
    pub algorithm: &'a str,
    /// `ciphertext`: Base64 of ciphertext and tag.
    pub ciphertext: &'a str,
    /// `nonce`: the GCM nonce, used as its UTF-8 bytes.
    pub nonce: &'a str,
    /// `associated_data`, empty when absent.
    pub associated_data: &'a str,
    /// `original_type`: `transaction` or `refund`.
    pub original_type: &'a str,
}

/// A callback whose `resource` is sealed with AEAD_AES_256_GCM (2.2, 5.1.3).
pub trait EncryptedCallback: ApiRequest {
    /// The type the resource decrypts to.
    type Resource: Serialize + DeserializeOwned;

    /// The resource's AEAD parts.
    fn sealed(&self) -> Sealed<'_>;

    /// Replaces the resource's ciphertext, nonce and associated data.
    fn set_sealed(&mut self, ciphertext: String, nonce: String, associated_data: String);
}

/// A callback carrying a signed JSON document in a string (`Payload` of 3.2 and 4.2, `payload`
/// of 5.2.2).
pub trait PayloadCallback: ApiRequest {
    /// The document's type.
    type Payload: Serialize + DeserializeOwned;

    /// The document, exactly as received.
    fn payload(&self) -> &JsonString<Self::Payload>;
}

/// Seals `resource` into `callback` under the merchant's APIv3 key (the superapp's side).
/// `nonce` must be 12 bytes, fresh for every message; `associated_data` may be empty.
///
/// # Errors
///
/// [`IntoHttpError::Crypto`] for a nonce that is not 12 bytes; [`IntoHttpError::Json`] if the
/// resource cannot be written.
pub fn seal<C: EncryptedCallback>(
    callback: &mut C,
    resource: &C::Resource,
    key: &ApiV3Key,
    nonce: &str,
    associated_data: &str,
) -> Result<(), IntoHttpError> {
    let plaintext = serde_json::to_vec(resource)?;
    let ciphertext = seal_resource(key, nonce, associated_data, &plaintext)?;
    callback.set_sealed(ciphertext, nonce.to_owned(), associated_data.to_owned());
    Ok(())
}

/// Decrypts the resource of a callback already verified (the merchant's side).
///
/// # Errors
///
/// [`OpenError::Algorithm`] for an algorithm other than `AEAD_AES_256_GCM`,
/// [`OpenError::Crypto`] when the tag does not hold (wrong APIv3 key or tampered data),
/// [`OpenError::Document`], with the plaintext, when it is not the resource type.
pub fn decrypt<C: EncryptedCallback>(
    callback: &C,
    key: &ApiV3Key,
) -> Result<C::Resource, OpenError> {
    let sealed = callback.sealed();
    if !sealed.algorithm.eq_ignore_ascii_case(AEAD_AES_256_GCM) {
        return Err(OpenError::Algorithm(sealed.algorithm.to_owned()));
    }
    let plaintext = open_resource(key, sealed.nonce, sealed.associated_data, sealed.ciphertext)?;
    crate::json::from_slice(&plaintext).map_err(|error| OpenError::Document {
        error: error.redacted(),
        plaintext: Plaintext(plaintext),
    })
}

/// A callback received, verified and opened.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Opened<C, R> {
    /// The callback as delivered.
    pub callback: C,
    /// Who signed it.
    pub identity: Identity,
    /// Its decrypted resource, or its parsed payload.
    pub resource: R,
}

/// Verifies a received encrypted callback over the exact bytes, checks its freshness, then
/// decrypts and parses its resource.
///
/// # Errors
///
/// [`OpenError::Request`] when verification or parsing of the callback fails, then as
/// [`decrypt`].
pub fn open<C: EncryptedCallback, B: AsRef<[u8]>>(
    request: &http::Request<B>,
    verifying: &impl VerifyWith<C::Auth>,
    key: &ApiV3Key,
) -> Result<Opened<C, C::Resource>, OpenError> {
    let received = C::try_from_http_request(request, verifying)?;
    let resource = decrypt(&received.message, key)?;
    Ok(Opened { callback: received.message, identity: received.identity, resource })
}

/// Verifies a received virtual callback (the event signature over the payload string), then
/// parses the payload.
///
/// # Errors
///
/// [`OpenError::Request`] when verification or parsing of the callback fails,
/// [`OpenError::Document`], with the payload, when the payload is not the document type.
pub fn read_payload<C: PayloadCallback, B: AsRef<[u8]>>(
    request: &http::Request<B>,
    verifying: &impl VerifyWith<C::Auth>,
) -> Result<Opened<C, C::Payload>, OpenError> {
    let received = C::try_from_http_request(request, verifying)?;
    let document = received.message.payload();
    let payload = document.parse().map_err(|error| OpenError::Document {
        error: error.redacted(),
        plaintext: Plaintext(document.as_str().as_bytes().to_vec()),
    })?;
    Ok(Opened { callback: received.message, identity: received.identity, resource: payload })
}

/// Whether the `data` of a callback's answer acknowledges it: `true`, or `OK` in any case (the
/// Chinese tables say `ok`).
pub fn acknowledges(data: &serde_json::Value) -> bool {
    match data {
        serde_json::Value::Bool(accepted) => *accepted,
        serde_json::Value::String(text) => text.eq_ignore_ascii_case("ok"),
        _ => false,
    }
}

/// A callback could not be opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OpenError {
    /// Verifying or parsing the callback failed (see [`FromHttpRequestError::status`]).
    #[error(transparent)]
    Request(#[from] FromHttpRequestError),
    /// The resource names an algorithm other than `AEAD_AES_256_GCM` (the sender's).
    #[error("unsupported resource algorithm {0:?}")]
    Algorithm(String),
    /// Decryption failed: wrong APIv3 key or tampered data, or a malformed resource.
    #[error("cannot decrypt the resource: {0}")]
    Crypto(#[from] CryptoError),
    /// The resource decrypted (or the payload's signature held) but is not the document the
    /// spec describes (the sender's fault). The authenticated bytes are kept, so the
    /// notification can be stored and processed again once the SDK reads it.
    #[error("the decrypted resource or payload is not valid: {error}")]
    Document {
        /// Why it is not, with the member's wire path.
        error: JsonError,
        /// The decrypted resource or the signed payload, exactly.
        plaintext: Plaintext,
    },
}

impl OpenError {
    /// The HTTP status to answer the callback with: the request's own (401, 400, …), 400 for a
    /// resource that does not open or parse.
    pub fn status(&self) -> http::StatusCode {
        match self {
            Self::Request(error) => error.status(),
            _ => http::StatusCode::BAD_REQUEST,
        }
    }

    /// Who must act: the sender, or the merchant's configuration (a missing key, or a tag
    /// that fails, which is most often the wrong APIv3 key).
    pub fn fault(&self) -> Fault {
        match self {
            Self::Request(error) => error.fault(),
            Self::Crypto(_) => Fault::Configuration,
            _ => Fault::Sender,
        }
    }

    /// Whether the callback's authentication failed.
    pub fn is_auth(&self) -> bool {
        matches!(self, Self::Request(error) if error.is_auth())
    }

    /// The authenticated bytes that did not parse, if that is what failed.
    pub fn plaintext(&self) -> Option<&Plaintext> {
        match self {
            Self::Document { plaintext, .. } => Some(plaintext),
            _ => None,
        }
    }
}

/// Bytes that passed authentication (a decrypted resource, a signed payload): personal data,
/// so `Debug` prints only their length.
#[derive(Clone, PartialEq, Eq)]
pub struct Plaintext(Vec<u8>);

impl Plaintext {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

impl std::fmt::Debug for Plaintext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Plaintext(<redacted {} bytes>)", self.0.len())
    }
}
