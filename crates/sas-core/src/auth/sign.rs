//! Signing an outgoing message as its auth scheme says: body signatures first (they are part
//! of the body), then the headers and query parameters computed over the final bytes.

use super::Signing;
use crate::crypto::{
    RequestParts, callback_signature, pay_event_sig, pay_sig, refund_pay_sig, tc_signature,
};
use crate::endpoint::{AuthScheme, Metadata, TextFields};
use crate::error::IntoHttpError;
use crate::wire::WireRequest;

/// Signs `message` (body signatures) and then `wire` (everything over the body bytes).
/// `serialize` turns the signed message into the body, between the two steps.
pub(crate) fn sign<T: TextFields>(
    meta: &'static Metadata,
    message: &mut T,
    signing: &Signing<'_>,
    serialize: impl FnOnce(&T) -> Result<WireRequest, IntoHttpError>,
) -> Result<WireRequest, IntoHttpError> {
    sign_body(meta, message, signing)?;
    let mut wire = serialize(message)?;
    sign_wire(meta, &mut wire, signing)?;
    Ok(wire)
}

fn missing(meta: &'static Metadata, needs: &'static str) -> IntoHttpError {
    IntoHttpError::MissingKey { entry: meta.section, needs }
}

/// The signatures carried in the body: `PaySig`, and the event signature of virtual callbacks.
fn sign_body<T: TextFields>(
    meta: &'static Metadata,
    message: &mut T,
    signing: &Signing<'_>,
) -> Result<(), IntoHttpError> {
    match meta.auth {
        AuthScheme::PaySig => {
            let key = signing.app_key.ok_or_else(|| missing(meta, "the AppKey"))?;
            let prefix = meta.sign_prefix.unwrap_or_default();
            let sign_data = message.text(SIGN_DATA).unwrap_or_default();
            let signature = pay_sig(key, prefix, sign_data);
            message.set_signature(PAY_SIG, signature);
        }
        AuthScheme::VirtualCallback => {
            let key = signing.app_key.ok_or_else(|| missing(meta, "the AppKey"))?;
            let fields = EventFields::of(meta);
            let event = message.text(fields.event).unwrap_or_default();
            let payload = message.text(fields.payload).unwrap_or_default();
            let signature = pay_event_sig(key, event, payload);
            message.set_signature(fields.signature, signature);
        }
        _ => {}
    }
    Ok(())
}

/// The signatures over the final request: headers and query parameters.
fn sign_wire(
    meta: &'static Metadata,
    wire: &mut WireRequest,
    signing: &Signing<'_>,
) -> Result<(), IntoHttpError> {
    match meta.auth {
        AuthScheme::TcSignature => {
            let timestamp = signing.now.as_millis().to_string();
            add_tc_signature(meta, wire, signing, timestamp)?;
        }
        AuthScheme::MerchantRsa => {
            let signer = signing.merchant.ok_or_else(|| missing(meta, "the merchant's signer"))?;
            let timestamp = signing.now.as_secs().to_string();
            let canonical_url = wire.canonical_url();
            let parts = RequestParts {
                method: wire.method,
                canonical_url: &canonical_url,
                body: &wire.body,
            };
            let authorization = signer.sign(&parts, &timestamp, signing.nonce)?;
            wire.headers.push((AUTHORIZATION, authorization.to_string()));
        }
        AuthScheme::PaySigQuery => {
            let key = signing.app_key.ok_or_else(|| missing(meta, "the AppKey"))?;
            let uri = meta.sign_prefix.unwrap_or_default();
            wire.query.push((PAY_SIG_QUERY.to_owned(), refund_pay_sig(key, uri, &wire.body)));
        }
        AuthScheme::PaymentCallback => {
            let (key, serial) =
                signing.platform.ok_or_else(|| missing(meta, "the platform's private key"))?;
            let timestamp = signing.now.as_secs().to_string();
            let signature = callback_signature(key, &timestamp, signing.nonce, &wire.body)?;
            add_tc_signature(meta, wire, signing, timestamp)?;
            wire.headers.push((CALLBACK_SERIAL, serial.to_owned()));
            wire.headers.push((CALLBACK_NONCE, signing.nonce.to_owned()));
            wire.headers.push((CALLBACK_SIGNATURE, signature));
        }
        AuthScheme::VirtualCallback => {
            let timestamp = signing.now.as_secs().to_string();
            add_tc_signature(meta, wire, signing, timestamp)?;
        }
        AuthScheme::PaySig | AuthScheme::JsapiPaySign | AuthScheme::VirtualPaymentSign => {}
    }
    Ok(())
}

fn add_tc_signature(
    meta: &'static Metadata,
    wire: &mut WireRequest,
    signing: &Signing<'_>,
    timestamp: String,
) -> Result<(), IntoHttpError> {
    let key = signing.secret_key.ok_or_else(|| missing(meta, "the SecretKey"))?;
    let signature = tc_signature(key, &timestamp);
    wire.headers.push((TC_TIMESTAMP, timestamp));
    wire.headers.push((TC_SIGNATURE, signature));
    Ok(())
}

/// The names the virtual callbacks sign: `Event`/`Payload`/`PayEventSig` (3.2, 4.2) or
/// `event`/`payload`/`payEventSig` (5.2.2), as the entry's metadata spells them.
pub(super) struct EventFields {
    pub(super) event: &'static str,
    pub(super) payload: &'static str,
    pub(super) signature: &'static str,
}

impl EventFields {
    pub(super) fn of(meta: &'static Metadata) -> Self {
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

pub(super) const SIGN_DATA: &str = "SignData";
pub(super) const PAY_SIG: &str = "PaySig";
pub(super) const PAY_SIG_QUERY: &str = "pay_sig";
pub(super) const AUTHORIZATION: &str = "Authorization";
pub(super) const TC_TIMESTAMP: &str = "TC-Timestamp";
pub(super) const TC_SIGNATURE: &str = "TC-Signature";
pub(super) const CALLBACK_SERIAL: &str = "TC-Callback-Serial";
pub(super) const CALLBACK_NONCE: &str = "TC-Callback-Nonce";
pub(super) const CALLBACK_SIGNATURE: &str = "TC-Callback-Signature";
