//! The likely causes of a failed check, each found by a real check (a variant that verifies, a
//! key that matches, a timestamp read in the other unit), and what to do about it.

use std::fmt;

/// A likely cause of a failure. `Display` says what was found and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cause {
    /// A header the scheme needs is absent.
    MissingHeader {
        /// The header.
        name: String,
    },
    /// A header the scheme reads comes more than once.
    RepeatedHeader {
        /// The header.
        name: String,
    },
    /// A body member (or query parameter) the scheme needs is absent.
    MissingField {
        /// The member.
        name: String,
    },
    /// A value cannot be read.
    Malformed {
        /// What.
        what: String,
        /// Why.
        reason: String,
    },
    /// The signature verifies over another serialisation of the JSON than the one sent: the
    /// sender signed one string and sent another.
    BodyReserialised {
        /// What was re-serialised (`body`, `Payload`, `SignData`).
        what: String,
        /// The serialisation that verifies.
        variant: String,
    },
    /// The signature verifies with another key than the one it should.
    WrongKey {
        /// The key the check used.
        expected: String,
        /// The key that verifies.
        signed_with: String,
    },
    /// The serial names no known key.
    SerialMismatch {
        /// The header or parameter.
        field: String,
        /// The serial received.
        serial: String,
        /// The serials known.
        known: Vec<String>,
    },
    /// The merchant ID names no merchant whose keys are known.
    UnknownMerchant {
        /// The `mchid` signed.
        mchid: String,
        /// The merchants known.
        known: Vec<String>,
    },
    /// The request names another merchant than the one that signed.
    MerchantMismatch {
        /// The `mchid` of the `Authorization` header.
        signed: String,
        /// The merchant the request names (`TC-MerchantID`, `mchid`).
        named: String,
    },
    /// The timestamp lies outside the freshness window.
    StaleTimestamp {
        /// The header or parameter.
        field: String,
        /// The value.
        value: String,
        /// Timestamp minus now, in seconds (negative: in the past).
        skew_secs: i64,
        /// The window, in seconds.
        window_secs: u64,
    },
    /// Seconds where milliseconds belong, or the other way round.
    SecondsVsMillis {
        /// The header or parameter.
        field: String,
        /// The value.
        value: String,
        /// What was found.
        detail: String,
        /// Whether the check failed because of it (otherwise only a stricter receiver would
        /// refuse it).
        fails: bool,
    },
    /// The signature verifies over another URL than the one requested.
    WrongUrl {
        /// The URL line that verifies.
        signed: String,
        /// The URL line of the request.
        received: String,
    },
    /// The HMAC verifies with another prefix before `&`.
    WrongPrefix {
        /// The prefix that verifies.
        signed: String,
        /// The prefix the scheme uses.
        expected: String,
    },
    /// `TC-Signature` is the legacy AES-CBC form.
    LegacyCbc,
    /// `TC-Signature` encrypts another timestamp than the `TC-Timestamp` sent.
    OtherTimestampSigned {
        /// The timestamp sent.
        sent: String,
        /// The timestamp the signature encrypts.
        signed: String,
    },
    /// The resource does not open with the APIv3 key held.
    WrongApiV3Key {
        /// What the cipher reported.
        reason: String,
    },
    /// No variant tried explains the mismatch.
    Unexplained,
}

impl Cause {
    /// A short stable code: `body-reserialised`, `wrong-key`, `stale-timestamp`,
    /// `seconds-vs-milliseconds`, `serial-mismatch`, `wrong-url`, ….
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingHeader { .. } => "missing-header",
            Self::RepeatedHeader { .. } => "repeated-header",
            Self::MissingField { .. } => "missing-field",
            Self::Malformed { .. } => "malformed",
            Self::BodyReserialised { .. } => "body-reserialised",
            Self::WrongKey { .. } => "wrong-key",
            Self::SerialMismatch { .. } => "serial-mismatch",
            Self::UnknownMerchant { .. } => "unknown-merchant",
            Self::MerchantMismatch { .. } => "merchant-mismatch",
            Self::StaleTimestamp { .. } => "stale-timestamp",
            Self::SecondsVsMillis { .. } => "seconds-vs-milliseconds",
            Self::WrongUrl { .. } => "wrong-url",
            Self::WrongPrefix { .. } => "wrong-prefix",
            Self::LegacyCbc => "legacy-cbc",
            Self::OtherTimestampSigned { .. } => "other-timestamp-signed",
            Self::WrongApiV3Key { .. } => "wrong-api-v3-key",
            Self::Unexplained => "unexplained",
        }
    }

    /// Whether this is only what a stricter receiver would refuse, not why this check failed.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::SecondsVsMillis { fails: false, .. })
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingHeader { name } => write!(f, "the {name} header is missing"),
            Self::RepeatedHeader { name } => write!(
                f,
                "the {name} header comes more than once: receivers refuse it, send it once"
            ),
            Self::MissingField { name } => write!(f, "{name} is missing"),
            Self::Malformed { what, reason } => write!(f, "{what} cannot be read: {reason}"),
            Self::BodyReserialised { what, variant } => write!(
                f,
                "{what} re-serialised: the signature verifies over the {what} {variant}, not \
                 over the bytes sent. Sign the exact bytes you send (serialise once, sign and \
                 send that string)"
            ),
            Self::WrongKey { expected, signed_with } => write!(
                f,
                "wrong key: the check used {expected}, but the signature verifies with \
                 {signed_with}"
            ),
            Self::SerialMismatch { field, serial, known } => write!(
                f,
                "serial mismatch: {field} {serial:?} names no known key; known: {}",
                list(known)
            ),
            Self::UnknownMerchant { mchid, known } => write!(
                f,
                "merchant {mchid:?} is not known (no public key for it); known: {}",
                list(known)
            ),
            Self::MerchantMismatch { signed, named } => write!(
                f,
                "the Authorization header is merchant {signed:?}'s, but the request names \
                 merchant {named:?}"
            ),
            Self::StaleTimestamp { field, value, skew_secs, window_secs } => {
                let (amount, direction) = if *skew_secs < 0 {
                    (skew_secs.unsigned_abs(), "in the past")
                } else {
                    (skew_secs.unsigned_abs(), "in the future")
                };
                write!(
                    f,
                    "stale timestamp: {field} {value} is {amount} s {direction}, outside the \
                     {window_secs} s window: sign afresh on every attempt, and check the \
                     sender's clock"
                )
            }
            Self::SecondsVsMillis { field, value, detail, .. } => {
                write!(f, "seconds vs milliseconds: {field} {value}: {detail}")
            }
            Self::WrongUrl { signed, received } => {
                write!(
                    f,
                    "wrong URL signed: the signature verifies over {signed:?}, but the request \
                     is for {received:?}"
                )?;
                match received.strip_suffix(signed.as_str()) {
                    Some(prefix) if signed.starts_with('/') && !prefix.is_empty() => write!(
                        f,
                        ": the path after the service prefix {prefix:?} was signed; a receiver \
                         that strips that prefix first (sas-core's path_prefix) accepts it, \
                         others need the path signed as sent"
                    ),
                    _ => write!(
                        f,
                        ": sign the path and query exactly as sent, without scheme and host"
                    ),
                }
            }
            Self::WrongPrefix { signed, expected } => write!(
                f,
                "wrong prefix: the signature verifies with {signed:?} before '&', this \
                 message uses {expected:?}"
            ),
            Self::LegacyCbc => write!(
                f,
                "TC-Signature is the legacy AES-CBC form (IV = the key's first 16 bytes); the \
                 current rule is AES-ECB"
            ),
            Self::OtherTimestampSigned { sent, signed } => write!(
                f,
                "TC-Signature encrypts the timestamp {signed:?}, but TC-Timestamp is {sent:?}: \
                 send the value you signed"
            ),
            Self::WrongApiV3Key { reason } => write!(
                f,
                "the resource does not open with the APIv3 key held ({reason}): the sender \
                 sealed it with another key, or changed it"
            ),
            Self::Unexplained => write!(
                f,
                "no variant tried verifies: the key differs from every key known, or the \
                 bytes changed in another way than those tried"
            ),
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.iter().map(|item| format!("{item:?}")).collect::<Vec<_>>().join(", ")
    }
}
