//! The errors of building and checking front-end parameters.

use crate::crypto::CryptoError;
use crate::validate::ValidationError;

/// Front-end parameters could not be built: the SDK user's input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// An input breaks the protocol's rules or the spec's constraints (the SDK user's input):
    /// every violation, with its parameter path in wire names (`nonceStr`,
    /// `signData.outTradeNo`).
    #[error("the parameters would break the spec: {}", list(.0))]
    Invalid(Vec<ValidationError>),
    /// The `signData` string given is not a `SignData` JSON document, or the document could not
    /// be written (the SDK user's input).
    #[error("signData is not a SignData document: {0}")]
    SignData(crate::error::JsonError),
    /// Signing failed: `ring` refused (a bug or a resource problem on the SDK user's side).
    #[error("signing failed: {0}")]
    Crypto(#[from] CryptoError),
}

/// A received front-end parameter object does not hold: mostly the sender's (the merchant
/// backend's) fault; each variant says whose.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The object breaks the spec's constraints (the merchant backend's fault).
    #[error("the parameters break the spec: {}", list(.0))]
    Invalid(Vec<ValidationError>),
    /// A parameter is not in the form the protocol fixes: `package` without `prepay_id=`, a
    /// `signType` other than `RSA`, a `timeStamp` that is not decimal seconds (the merchant
    /// backend's fault).
    #[error("parameter {param} is {received:?}, expected {expected}")]
    Malformed {
        /// The parameter's wire name.
        param: &'static str,
        /// The value received, cut to 64 characters.
        received: String,
        /// What the protocol expects, in words.
        expected: &'static str,
    },
    /// The key set to check `paySign` with is empty (the SDK user's configuration).
    #[error("no public key is configured to check paySign with")]
    NoKeys,
    /// A signature does not hold, or is not hex or Base64: a wrong key on either side, another
    /// `appId`, or tampered parameters.
    #[error("{0}")]
    Crypto(#[from] CryptoError),
    /// The signatures hold but `signData` is not a `SignData` document (the merchant backend's
    /// fault).
    #[error("signData is not a SignData document: {0}")]
    SignData(crate::error::JsonError),
}

impl VerifyError {
    pub(super) fn malformed(param: &'static str, received: &str, expected: &'static str) -> Self {
        Self::Malformed { param, received: received.chars().take(64).collect(), expected }
    }
}

fn list(errors: &[ValidationError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}
