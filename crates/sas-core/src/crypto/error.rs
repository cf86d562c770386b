//! The errors of the crypto module: [`KeyError`] for key material the SDK user supplies, and
//! [`CryptoError`] for everything that can go wrong while signing, verifying or deciphering.

use std::fmt;
use std::time::Duration;

use crate::time::UnixTime;

/// Key material handed to the SDK could not be used.
///
/// Every variant is the SDK user's configuration at fault: a key of the wrong length, a PEM file
/// of the wrong kind, an encrypted or non-RSA key. Messages never contain key bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// A symmetric key has a length the algorithm does not accept (the SDK user's configuration).
    #[error("{kind} must be {expected} bytes long, got {len} bytes")]
    InvalidLength {
        /// Which key.
        kind: KeyKind,
        /// The accepted lengths, in words.
        expected: &'static str,
        /// The length that was given.
        len: usize,
    },
    /// A key that must not be empty is empty (the SDK user's configuration).
    #[error("{kind} is empty")]
    Empty {
        /// Which key.
        kind: KeyKind,
    },
    /// The text is not PEM: no `-----BEGIN …-----` block, or a broken one (the SDK user's file).
    #[error("malformed PEM: {reason}")]
    MalformedPem {
        /// What the PEM decoder reported.
        reason: String,
    },
    /// The PEM lost its line structure on the way (pasted into one line, stored with escaped
    /// line breaks, indented, or stripped of its armour lines); the message says how to repair
    /// it (the SDK user's configuration).
    #[error("{0}")]
    PemLayout(PemLayout),
    /// The PEM holds an encrypted private key (`ENCRYPTED PRIVATE KEY`, or a legacy
    /// `Proc-Type: 4,ENCRYPTED` header); decrypt it first, e.g. with
    /// `openssl pkcs8 -in key.pem -nocrypt -topk8` (the SDK user's file).
    #[error("the private key is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt)")]
    EncryptedPrivateKey,
    /// The PEM block is of another kind than the one expected, e.g. a certificate where a
    /// private key is expected (the SDK user passed the wrong file).
    #[error("expected {expected}, found a PEM block labelled {found:?}: {hint}")]
    UnexpectedPemLabel {
        /// What was expected, in words.
        expected: &'static str,
        /// The label that was found.
        found: String,
        /// What the block is and what to pass instead.
        hint: &'static str,
    },
    /// The DER inside the PEM does not parse as the structure its label promises (the SDK
    /// user's file is damaged).
    #[error("malformed {what}: {reason}")]
    MalformedDer {
        /// The structure that failed to parse.
        what: &'static str,
        /// What the DER decoder reported.
        reason: String,
    },
    /// The key is not an RSA key (e.g. an EC key); SAS signatures are RSA (the SDK user's
    /// configuration).
    #[error(
        "the key is not an RSA key (algorithm {oid}{}); SAS signatures are RSA-SHA256: use an \
         RSA key of 2048 bits or more",
        algorithm_name(oid)
    )]
    UnsupportedAlgorithm {
        /// The algorithm's object identifier, dotted.
        oid: String,
    },
    /// The RSA modulus is outside 2048..=8192 bits (the SDK user's configuration).
    #[error("RSA keys of {bits} bits are not supported: use a key of 2048 to 8192 bits")]
    UnsupportedKeySize {
        /// The modulus size in bits.
        bits: usize,
    },
    /// The RSA private key is structurally invalid or too small, as judged by `ring` (the SDK
    /// user's file).
    #[error("RSA private key rejected: {reason}")]
    Rejected {
        /// `ring`'s reason, e.g. `InvalidEncoding`, `TooSmall` or `WrongAlgorithm`.
        reason: String,
    },
}

/// How a PEM text lost the line structure PEM needs, in [`KeyError::PemLayout`]. Each is a
/// shape that OpenSSL refuses too; the message says how to repair the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PemLayout {
    /// The `-----BEGIN`, Base64 and `-----END` parts are on one line.
    WholeOnOneLine,
    /// The line breaks are the two characters `\n` (an environment variable or a JSON string
    /// that was not unescaped).
    LiteralNewlineEscapes,
    /// The whole block is indented (copied from YAML or Markdown).
    Indented,
    /// Base64 without the `-----BEGIN …-----` / `-----END …-----` lines.
    NoArmour,
}

impl fmt::Display for PemLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WholeOnOneLine => {
                "the whole PEM is on one line: put the -----BEGIN …----- line, the Base64 and \
                 the -----END …----- line on lines of their own"
            }
            Self::LiteralNewlineEscapes => {
                "the PEM has literal \\n sequences instead of line breaks: replace them with \
                 line breaks (e.g. text.replace(\"\\\\n\", \"\\n\")) when reading the variable"
            }
            Self::Indented => {
                "the PEM's lines are indented: remove the whitespace at the start of each line"
            }
            Self::NoArmour => {
                "no -----BEGIN line: the text looks like bare Base64; wrap it in its \
                 -----BEGIN …----- and -----END …----- lines (e.g. PRIVATE KEY, PUBLIC KEY or \
                 CERTIFICATE), or decode it and pass the DER to a from_*_der constructor"
            }
        })
    }
}

/// ` (EC)`-style names of algorithms people try instead of RSA.
fn algorithm_name(oid: &str) -> &'static str {
    match oid {
        "1.2.840.10045.2.1" => ", EC",
        "1.3.101.112" => ", Ed25519",
        "1.3.101.113" => ", Ed448",
        "1.2.840.10040.4.1" => ", DSA",
        "1.2.840.113549.1.1.10" => ", RSASSA-PSS",
        _ => "",
    }
}

/// The symmetric secrets of SAS, named in [`KeyError`] messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyKind {
    /// The SecretKey shared between SAS and the superapp (`TC-Signature`, header and field
    /// ciphers).
    SecretKey,
    /// The merchant's APIv3 key (AEAD_AES_256_GCM callback resources).
    ApiV3Key,
    /// The superapp's virtual-payment AppKey (HMAC-SHA256 signatures).
    AppKey,
    /// A user's `session_key` (the user-mode `signature`).
    SessionKey,
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::SecretKey => "SecretKey",
            Self::ApiV3Key => "APIv3 key",
            Self::AppKey => "AppKey",
            Self::SessionKey => "session_key",
        })
    }
}

/// The signatures of SAS, named in [`CryptoError::SignatureMismatch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureKind {
    /// `TC-Signature`: AES of the `TC-Timestamp` with the SecretKey.
    TcSignature,
    /// `PaySig` / `paySig`: HMAC-SHA256 with the AppKey over `method&signData`.
    PaySig,
    /// `PayEventSig` / `payEventSig`: HMAC-SHA256 with the AppKey over `event&payload`.
    PayEventSig,
    /// The virtual refund's `pay_sig` query parameter: HMAC-SHA256 with the AppKey over
    /// `uri&body`.
    RefundPaySig,
    /// The user-mode `signature`: HMAC-SHA256 with the `session_key` over `signData`.
    UserSignature,
    /// The RSA signature inside an `Authorization` header.
    Authorization,
    /// The RSA callback or response signature (`TC-Callback-Signature`).
    CallbackSignature,
    /// The RSA `paySign` of `wx.requestPayment`.
    PaySign,
}

impl fmt::Display for SignatureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::TcSignature => "TC-Signature",
            Self::PaySig => "paySig",
            Self::PayEventSig => "payEventSig",
            Self::RefundPaySig => "refund pay_sig",
            Self::UserSignature => "user signature",
            Self::Authorization => "Authorization signature",
            Self::CallbackSignature => "TC-Callback-Signature",
            Self::PaySign => "paySign",
        })
    }
}

/// Why an `Authorization` header value could not be parsed (the peer's fault).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthorizationError {
    /// The value is empty or only whitespace.
    #[error("the value is empty")]
    Empty,
    /// There is no scheme token followed by a space before the parameters.
    #[error("no scheme token before the parameters")]
    MissingScheme,
    /// The credentials are a token68 (`Basic dXNlcg==` style), not `name="value"` parameters.
    #[error("the credentials are a token68, not name=\"value\" parameters")]
    Token68,
    /// The parameters are not a comma-separated list of `key="value"` pairs.
    #[error("parameters are not key=\"value\" pairs (at byte {at})")]
    Syntax {
        /// Byte offset into the header value where parsing stopped.
        at: usize,
    },
    /// A parameter appears twice.
    #[error("parameter {name} appears twice")]
    DuplicateParameter {
        /// The repeated parameter.
        name: String,
    },
    /// A required parameter is absent.
    #[error("parameter {name} is missing")]
    MissingParameter {
        /// The absent parameter.
        name: &'static str,
    },
    /// A value to be signed cannot be sent in the header as the receivers read it (the SDK
    /// user's input): the scheme must be a token, and `mchid`, `nonce_str`, `serial_no` and
    /// `timestamp` one or more visible ASCII characters other than `"` and `\`.
    #[error("{name} cannot be sent in an Authorization header: it holds {problem}")]
    Unsendable {
        /// The parameter (`scheme` for the scheme token).
        name: &'static str,
        /// What it holds that cannot be sent.
        problem: &'static str,
    },
}

/// Signing, verifying, encrypting or decrypting failed.
///
/// Each variant's documentation says who is at fault. Messages never contain secrets; they
/// contain received values only where those are public (timestamps, key IDs).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// A header the check needs is absent (the peer's fault). Used by callers that extract
    /// header values before calling into this module.
    #[error("missing header {name}")]
    MissingHeader {
        /// The header's name.
        name: &'static str,
    },
    /// The `Authorization` header cannot be parsed (the peer's fault).
    #[error("malformed Authorization header: {0}")]
    MalformedAuthorization(#[from] AuthorizationError),
    /// A timestamp is not 10 (seconds) or 13 (milliseconds) ASCII digits (the peer's fault).
    #[error("malformed timestamp {value:?}: expected 10 digits (seconds) or 13 (milliseconds)")]
    MalformedTimestamp {
        /// The received value, cut to 32 characters.
        value: String,
    },
    /// A timestamp lies outside the freshness window around `now`: a replay, a delayed message,
    /// or a clock out of step on one side.
    #[error(
        "timestamp {} ms is outside the {} s window around now ({} ms)",
        timestamp.as_millis(), window.as_secs(), now.as_millis()
    )]
    StaleTimestamp {
        /// The received timestamp.
        timestamp: UnixTime,
        /// The time the caller passed as now.
        now: UnixTime,
        /// The accepted distance between the two.
        window: Duration,
    },
    /// A value that must be hex is not (the peer's fault).
    #[error("{what} is not valid hex")]
    InvalidHex {
        /// The field.
        what: &'static str,
    },
    /// A value that must be standard padded Base64 is not (the peer's fault).
    #[error("{what} is not valid standard Base64")]
    InvalidBase64 {
        /// The field.
        what: &'static str,
    },
    /// A key ID (certificate serial, public-key ID) is not in the key set: the peer rotated to
    /// a key the SDK user has not loaded yet, or sent a wrong serial.
    #[error("unknown key ID {id:?}; known IDs: {known:?}")]
    UnknownKeyId {
        /// The received ID.
        id: String,
        /// The IDs the key set holds.
        known: Vec<String>,
    },
    /// A key ID resolves to the SDK user's own public key while the peer's key is expected:
    /// a misconfiguration, typically the merchant's own certificate loaded in place of the
    /// superapp platform's (the SDK user's configuration).
    #[error(
        "key ID {id:?} maps to your own public key; load the peer's (platform) certificate or \
         public key instead"
    )]
    OwnKeyAsPeerKey {
        /// The key ID that was looked up.
        id: String,
    },
    /// A signature does not match the data: wrong key on one side, or tampered data.
    #[error("{kind} does not match: wrong key or tampered data")]
    SignatureMismatch {
        /// Which signature.
        kind: SignatureKind,
    },
    /// AES-256-GCM authentication failed under every reading of the nonce that was tried
    /// (listed in the order tried): wrong APIv3 key, or tampered data (the peer's, or the SDK
    /// user's key configuration).
    #[error(
        "AEAD_AES_256_GCM tag check failed with the nonce read as {}: wrong APIv3 key or \
         tampered data",
        NonceReading::list(tried)
    )]
    GcmTagMismatch {
        /// The IVs tried, in order; never empty.
        tried: Vec<NonceReading>,
    },
    /// The GCM nonce has a length that cannot be used: when opening, no reading of it gives an
    /// IV of 1 to 64 bytes (the peer's data); when sealing, it is not the 12 bytes SAS senders
    /// use (the caller's nonce).
    #[error("AES-GCM nonce of {len} bytes is not supported: {expected}")]
    UnsupportedNonceLength {
        /// The nonce length in bytes (of its UTF-8 text).
        len: usize,
        /// What is accepted, in words.
        expected: &'static str,
    },
    /// A ciphertext has a length its cipher cannot produce: not a positive multiple of 16 bytes
    /// for AES-ECB/CBC, shorter than the 16-byte tag for GCM (the peer's data is truncated).
    #[error("{what}: a ciphertext of {len} bytes is not valid for this cipher")]
    InvalidCiphertextLength {
        /// The field.
        what: &'static str,
        /// The ciphertext length in bytes.
        len: usize,
    },
    /// AES-ECB/CBC decryption ended in invalid PKCS#7 padding: wrong SecretKey or tampered data.
    #[error("{what}: bad padding after decryption: wrong SecretKey or tampered data")]
    BadPadding {
        /// The field.
        what: &'static str,
    },
    /// Decrypted bytes are not UTF-8 where text is expected (the peer's data).
    #[error("{what}: decrypted bytes are not UTF-8")]
    NotUtf8 {
        /// The field.
        what: &'static str,
    },
    /// `ring` refused to sign or seal (e.g. a message beyond AES-GCM's size limit): a bug or a
    /// resource problem on the SDK user's side.
    #[error("{what} failed")]
    OperationFailed {
        /// The operation.
        what: &'static str,
    },
}

/// One way of turning a `resource.nonce` string into a GCM IV, as named in
/// [`CryptoError::GcmTagMismatch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NonceReading {
    /// How the nonce text was read.
    pub encoding: NonceEncoding,
    /// The IV length that gave, in bytes.
    pub iv_len: usize,
}

impl NonceReading {
    /// `a, b and c` of the readings, for error messages.
    fn list(readings: &[Self]) -> String {
        let parts: Vec<String> = readings.iter().map(ToString::to_string).collect();
        match parts.split_last() {
            None => "nothing".to_owned(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl fmt::Display for NonceReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = self.iv_len;
        match self.encoding {
            NonceEncoding::Utf8 => write!(f, "its {len} UTF-8 bytes"),
            NonceEncoding::Base64 => write!(f, "its Base64 decoding ({len} bytes)"),
            NonceEncoding::Hex => write!(f, "its hex decoding ({len} bytes)"),
        }
    }
}

/// How a `resource.nonce` string is read into GCM IV bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NonceEncoding {
    /// The nonce's UTF-8 bytes, as they are: WeChat Pay's rule (a 12-character nonce is a
    /// 12-byte IV, a 16-character one a 16-byte IV).
    Utf8,
    /// The bytes the nonce encodes in Base64 (standard or URL-safe alphabet, padding optional):
    /// the known SAS sender sends Base64 of 12 random bytes and uses those 12 bytes.
    Base64,
    /// The bytes the nonce encodes in hex (either case).
    Hex,
}
