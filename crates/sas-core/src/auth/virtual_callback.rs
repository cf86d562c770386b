//! `virtual_callback`: the superapp signs a virtual payment or refund callback with
//! `TC-Timestamp` and `TC-Signature` for SAS, and the body's event signature =
//! HMAC-SHA256(AppKey, event & payload), over the payload string exactly as sent.

use super::headers::{self, MERCHANT_ID, TC_SIGNATURE, TC_TIMESTAMP, X_TC_SIGNATURE};
use super::tc_signature::{add_tc_signature, check_if_held};
use super::{AppKeys, AuthScheme, Identity, Received, SignWith, VerifyWith, body, sealed};
use crate::crypto::{
    AppKey, SecretKey, SignatureKind, TcSignatureVerifier, pay_event_sig, verify_pay_event_sig,
};
use crate::endpoint::{AuthKind, Metadata, TextFields};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::time::UnixTime;
use crate::wire::WireRequest;

/// The `virtual_callback` scheme (superapp → merchant, 3.2, 4.2 and 5.2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VirtualCallback;

/// What a virtual callback is signed with: the time, the SecretKey and the AppKey. No nonce.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Signing<'a> {
    /// The time signed (Unix seconds).
    pub now: UnixTime,
    /// The SecretKey (`TC-Signature`).
    pub secret_key: &'a SecretKey,
    /// The AppKey (the event signature).
    pub app_key: &'a AppKey,
}

impl<'a> Signing<'a> {
    /// Signing at `now` with the SecretKey and the AppKey.
    pub fn new(now: UnixTime, secret_key: &'a SecretKey, app_key: &'a AppKey) -> Self {
        Self { now, secret_key, app_key }
    }
}

/// What a virtual callback is checked against: the AppKeys, and the SecretKey when held.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Verifying<'a> {
    /// The time to check `TC-Timestamp` against (when the SecretKey is held).
    pub now: UnixTime,
    /// The AppKeys (looked up with an empty merchant ID: the callbacks name none).
    pub app_keys: &'a dyn AppKeys,
    /// The SecretKey, if held.
    pub secret_key: Option<&'a SecretKey>,
    /// The freshness window and `TC-Signature`'s CBC choice.
    pub verifier: TcSignatureVerifier,
}

impl<'a> Verifying<'a> {
    /// Checking at `now` against `app_keys`, without the SecretKey.
    pub fn new(now: UnixTime, app_keys: &'a dyn AppKeys) -> Self {
        Self { now, app_keys, secret_key: None, verifier: TcSignatureVerifier::new() }
    }

    /// Also check `TC-Signature` with the SecretKey.
    #[must_use]
    pub fn secret_key(self, secret_key: &'a SecretKey) -> Self {
        Self { secret_key: Some(secret_key), ..self }
    }
}

impl std::fmt::Debug for Verifying<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifying")
            .field("now", &self.now)
            .field("secret_key", &self.secret_key)
            .finish_non_exhaustive()
    }
}

impl sealed::Sealed for VirtualCallback {}

#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
impl AuthScheme for VirtualCallback {
    const NAME: &'static str = "virtual_callback";
    const KIND: AuthKind = AuthKind::VirtualCallback;
    type Signing<'a> = Signing<'a>;
    type Verifying<'a> = Verifying<'a>;

    fn signing<'b>(ring: &'b super::Signing<'_>) -> Result<Signing<'b>, &'static str> {
        let secret_key = super::Signing::need(ring.secret_key, "the SecretKey")?;
        let app_key = super::Signing::need(ring.app_key, "the AppKey")?;
        Ok(Signing::new(ring.now, secret_key, app_key))
    }

    fn verifying<'b>(ring: &'b super::Verifying<'_>) -> Result<Verifying<'b>, KeyNeed> {
        Ok(Verifying {
            now: ring.now,
            app_keys: ring.app_keys.ok_or(KeyNeed::AppKey)?,
            secret_key: ring.secret_key,
            verifier: ring.tc_signature,
        })
    }

    const SIGNS_BODY: bool = true;

    fn sign_body(
        meta: &'static Metadata,
        message: &mut dyn TextFields,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        let fields = EventFields::of(meta);
        let event = message.text(fields.event).unwrap_or_default();
        let payload = message.text(fields.payload).unwrap_or_default();
        let signature = pay_event_sig(input.app_key, event, payload);
        message.set_signature(fields.signature, signature);
        Ok(())
    }

    fn sign_wire(
        _meta: &'static Metadata,
        wire: &mut WireRequest,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        add_tc_signature(wire, input.secret_key, input.now.as_secs().to_string());
        Ok(())
    }

    fn verify(
        meta: &'static Metadata,
        received: &Received<'_>,
        input: &Verifying<'_>,
    ) -> Result<Identity, AuthError> {
        let aes_names = [TC_SIGNATURE, X_TC_SIGNATURE];
        headers::refuse_repeats(received.headers, &[&[TC_TIMESTAMP], &aes_names, &[MERCHANT_ID]])?;
        check_if_held(received, input.secret_key, &input.verifier, input.now, &aes_names)?;
        let key = super::app_key(input.app_keys, "")?;
        let fields = EventFields::of(meta);
        let [event, payload, signature] = body::members(
            meta,
            received.body,
            [fields.event, fields.payload, fields.signature],
            SignatureKind::PayEventSig,
        )?;
        let event = body::signed(event, fields.event)?;
        let payload = body::signed(payload, fields.payload)?;
        let signature = body::needed(signature, fields.signature)?;
        verify_pay_event_sig(key, &event, &payload, &signature)?;
        Ok(Identity::AppKeyHolder { merchant_id: String::new() })
    }
}

impl SignWith<VirtualCallback> for Signing<'_> {
    fn signing_input(&self) -> Result<Signing<'_>, &'static str> {
        Ok(*self)
    }
}

impl VerifyWith<VirtualCallback> for Verifying<'_> {
    fn verifying_input(&self) -> Result<Verifying<'_>, KeyNeed> {
        Ok(*self)
    }
}

/// The names the virtual callbacks sign: `Event`/`Payload`/`PayEventSig` (3.2, 4.2) or
/// `event`/`payload`/`payEventSig` (5.2.2), as the entry's metadata spells them.
struct EventFields {
    event: &'static str,
    payload: &'static str,
    signature: &'static str,
}

impl EventFields {
    fn of(meta: &'static Metadata) -> Self {
        let event = meta
            .sign_prefix
            .and_then(|prefix| prefix.strip_prefix('{'))
            .and_then(|prefix| prefix.strip_suffix('}'))
            .unwrap_or("Event");
        let named = |wanted: &str| {
            meta.body.iter().find(|f| f.name.eq_ignore_ascii_case(wanted)).map_or("", |f| f.name)
        };
        let signature = meta.body.iter().find(|f| f.set_by_auth).map_or("", |f| f.name);
        Self { event, payload: named("payload"), signature }
    }
}
