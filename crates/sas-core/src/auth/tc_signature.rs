//! `tc_signature`: SAS authenticates itself to the superapp backend with `TC-Timestamp` (Unix
//! milliseconds) and `TC-Signature` under the SecretKey. No nonce.

use super::headers::{self, MERCHANT_ID, TC_SIGNATURE, TC_TIMESTAMP};
use super::{AuthScheme, Identity, Received, SignWith, VerifyWith, sealed};
use crate::crypto::{SecretKey, TcSignatureVerifier, tc_signature};
use crate::endpoint::{AuthKind, Metadata};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::time::UnixTime;
use crate::wire::WireRequest;

/// The `tc_signature` scheme (SAS → superapp backend).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TcSignature;

/// What `TC-Signature` is signed with: the time and the SecretKey.
///
/// ```
/// use sas_core::auth::tc_signature;
/// use sas_core::crypto::SecretKey;
/// use sas_core::time::UnixTime;
///
/// let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
/// let signing = tc_signature::Signing::new(UnixTime::from_millis(1_735_293_931_220), &secret);
/// # let _ = signing;
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Signing<'a> {
    /// The time signed, sent as `TC-Timestamp` in milliseconds.
    pub now: UnixTime,
    /// The SecretKey.
    pub secret_key: &'a SecretKey,
}

impl<'a> Signing<'a> {
    /// Signing at `now` with `secret_key`.
    pub fn new(now: UnixTime, secret_key: &'a SecretKey) -> Self {
        Self { now, secret_key }
    }
}

/// What `TC-Signature` is checked against: the time, the SecretKey, the freshness window
/// (300 s unless set) and whether the legacy CBC form is accepted.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Verifying<'a> {
    /// The time to check freshness against.
    pub now: UnixTime,
    /// The SecretKey.
    pub secret_key: &'a SecretKey,
    /// The freshness window and the CBC choice.
    pub verifier: TcSignatureVerifier,
}

impl<'a> Verifying<'a> {
    /// Checking at `now` with `secret_key`, the default window, ECB only.
    pub fn new(now: UnixTime, secret_key: &'a SecretKey) -> Self {
        Self { now, secret_key, verifier: TcSignatureVerifier::new() }
    }

    /// Another window or CBC choice.
    #[must_use]
    pub fn verifier(self, verifier: TcSignatureVerifier) -> Self {
        Self { verifier, ..self }
    }
}

impl sealed::Sealed for TcSignature {}

#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
impl AuthScheme for TcSignature {
    const NAME: &'static str = "tc_signature";
    const KIND: AuthKind = AuthKind::TcSignature;
    type Signing<'a> = Signing<'a>;
    type Verifying<'a> = Verifying<'a>;

    fn signing<'b>(ring: &'b super::Signing<'_>) -> Result<Signing<'b>, &'static str> {
        Ok(Signing::new(ring.now, super::Signing::need(ring.secret_key, "the SecretKey")?))
    }

    fn verifying<'b>(ring: &'b super::Verifying<'_>) -> Result<Verifying<'b>, KeyNeed> {
        let secret_key = ring.secret_key.ok_or(KeyNeed::SecretKey)?;
        Ok(Verifying { now: ring.now, secret_key, verifier: ring.tc_signature })
    }

    fn header_key<'b>(input: &'b Signing<'_>) -> Option<&'b SecretKey> {
        Some(input.secret_key)
    }

    fn header_key_received<'b>(input: &'b Verifying<'_>) -> Option<&'b SecretKey> {
        Some(input.secret_key)
    }

    fn sign_wire(
        _meta: &'static Metadata,
        wire: &mut WireRequest,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        add_tc_signature(wire, input.secret_key, input.now.as_millis().to_string());
        Ok(())
    }

    fn verify(
        _meta: &'static Metadata,
        received: &Received<'_>,
        input: &Verifying<'_>,
    ) -> Result<Identity, AuthError> {
        let headers = received.headers;
        headers::refuse_repeats(headers, &[&[MERCHANT_ID]])?;
        let timestamp = headers::required(headers, &[TC_TIMESTAMP])?;
        let signature = headers::required(headers, &[TC_SIGNATURE])?;
        let timestamp = input.verifier.verify(input.secret_key, timestamp, signature, input.now)?;
        Ok(Identity::Sas { timestamp })
    }
}

impl SignWith<TcSignature> for Signing<'_> {
    fn signing_input(&self) -> Result<Signing<'_>, &'static str> {
        Ok(*self)
    }
}

impl VerifyWith<TcSignature> for Verifying<'_> {
    fn verifying_input(&self) -> Result<Verifying<'_>, KeyNeed> {
        Ok(*self)
    }
}

/// Adds `TC-Timestamp` and its `TC-Signature` (also used by the callback schemes).
pub(super) fn add_tc_signature(wire: &mut WireRequest, key: &SecretKey, timestamp: String) {
    let signature = tc_signature(key, &timestamp);
    wire.headers.push((TC_TIMESTAMP, timestamp));
    wire.headers.push((TC_SIGNATURE, signature));
}

/// `TC-Signature` (under `name`) over `TC-Timestamp`, checked only when the verifier holds the
/// SecretKey: on callbacks it is meant for SAS.
pub(super) fn check_if_held(
    received: &Received<'_>,
    key: Option<&SecretKey>,
    verifier: &TcSignatureVerifier,
    now: UnixTime,
    names: &[&'static str],
) -> Result<(), AuthError> {
    let Some(key) = key else { return Ok(()) };
    let timestamp = headers::required(received.headers, &[TC_TIMESTAMP])?;
    let signature = headers::required(received.headers, names)?;
    verifier.verify(key, timestamp, signature, now)?;
    Ok(())
}
