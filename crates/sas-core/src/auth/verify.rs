//! Checking an incoming message as its auth scheme says, over the exact bytes received: header
//! and query signatures before the body is parsed, body signatures right after, before any
//! document carried in a string is parsed.

use http::HeaderMap;

use super::sign::{
    AUTHORIZATION, CALLBACK_NONCE, CALLBACK_SERIAL, CALLBACK_SIGNATURE, EventFields, PAY_SIG,
    PAY_SIG_QUERY, SIGN_DATA, TC_SIGNATURE, TC_TIMESTAMP,
};
use super::{Identity, Verifying};
use crate::crypto::{
    CallbackSignature, RequestParts, verify_pay_event_sig, verify_pay_sig, verify_refund_pay_sig,
};
use crate::endpoint::{AuthScheme, Metadata, TextFields};
use crate::error::{AuthError, KeyNeed};

/// The received request, as the checks see it.
pub(crate) struct Received<'a> {
    pub(crate) method: &'a str,
    /// The path after the configured prefix, plus `?query` as received.
    pub(crate) canonical_url: &'a str,
    pub(crate) headers: &'a HeaderMap,
    pub(crate) query: &'a [(String, String)],
    pub(crate) body: &'a [u8],
}

/// Checks `message` (parsed from `received`) against the entry's auth scheme.
pub(crate) fn verify<T: TextFields>(
    meta: &'static Metadata,
    received: &Received<'_>,
    verifying: &Verifying<'_>,
    message: &T,
) -> Result<Identity, AuthError> {
    match meta.auth {
        AuthScheme::TcSignature => {
            let key =
                verifying.secret_key.ok_or(AuthError::MissingKey { needs: KeyNeed::SecretKey })?;
            let timestamp = header(received.headers, TC_TIMESTAMP, &[])?;
            let signature = header(received.headers, TC_SIGNATURE, &[])?;
            let timestamp =
                verifying.tc_signature.verify(key, timestamp, signature, verifying.now)?;
            Ok(Identity::Sas { timestamp })
        }
        AuthScheme::MerchantRsa => verify_merchant(received, verifying, message),
        AuthScheme::PaySig => {
            let merchant_id = merchant_header(received.headers)?;
            let key = app_key(verifying, &merchant_id)?;
            let signature = text(message, PAY_SIG)?;
            let sign_data = text(message, SIGN_DATA)?;
            verify_pay_sig(key, meta.sign_prefix.unwrap_or_default(), sign_data, signature)?;
            Ok(Identity::AppKeyHolder { merchant_id })
        }
        AuthScheme::PaySigQuery => {
            let merchant_id = merchant_header(received.headers)?;
            let key = app_key(verifying, &merchant_id)?;
            let signature = received
                .query
                .iter()
                .find(|(name, _)| name == PAY_SIG_QUERY)
                .map(|(_, value)| value.as_str())
                .ok_or(AuthError::MissingField("query parameter pay_sig"))?;
            let uri = meta.sign_prefix.unwrap_or_default();
            verify_refund_pay_sig(key, uri, received.body, signature)?;
            Ok(Identity::AppKeyHolder { merchant_id })
        }
        AuthScheme::PaymentCallback => verify_payment_callback(received, verifying),
        AuthScheme::VirtualCallback => {
            check_tc_signature_if_held(received.headers, verifying, &[])?;
            let key = app_key(verifying, "")?;
            let fields = EventFields::of(meta);
            let event = text(message, fields.event)?;
            let payload = text(message, fields.payload)?;
            let signature = text(message, fields.signature)?;
            verify_pay_event_sig(key, event, payload, signature)?;
            Ok(Identity::AppKeyHolder { merchant_id: String::new() })
        }
        AuthScheme::JsapiPaySign | AuthScheme::VirtualPaymentSign => Err(AuthError::MissingField(
            "an HTTP auth scheme (front-end parameters are not requests)",
        )),
    }
}

/// `Authorization`: the merchant's key set by `mchid`, the signature over method, URL,
/// timestamp, nonce and body, the timestamp's freshness, and the merchant the request names.
fn verify_merchant<T: TextFields>(
    received: &Received<'_>,
    verifying: &Verifying<'_>,
    message: &T,
) -> Result<Identity, AuthError> {
    let keys =
        verifying.merchant_keys.ok_or(AuthError::MissingKey { needs: KeyNeed::MerchantKeys })?;
    let value = header(received.headers, AUTHORIZATION, &[])?;
    let authorization = crate::crypto::Authorization::parse(value)?;
    let key_set =
        keys.merchant_keys(authorization.mchid()).ok_or_else(|| AuthError::UnknownMerchant {
            kind: "public key",
            merchant: authorization.mchid().to_owned(),
        })?;
    let parts = RequestParts {
        method: received.method,
        canonical_url: received.canonical_url,
        body: received.body,
    };
    authorization.verify(key_set, &parts)?;
    let timestamp = verifying.window.check(authorization.timestamp(), verifying.now)?;
    for named in named_merchants(received, message) {
        if named != authorization.mchid() {
            return Err(AuthError::MerchantMismatch {
                signed: authorization.mchid().to_owned(),
                named,
            });
        }
    }
    Ok(Identity::Merchant {
        mchid: authorization.mchid().to_owned(),
        serial: authorization.serial_no().to_owned(),
        timestamp,
    })
}

/// The merchant IDs a request names besides its signature: `TC-MerchantID`, query `mchid`,
/// body `mchid`.
fn named_merchants<T: TextFields>(received: &Received<'_>, message: &T) -> Vec<String> {
    let mut named = Vec::new();
    if let Ok(value) = header(received.headers, MERCHANT_ID, &[]) {
        named.push(value.to_owned());
    }
    named.extend(received.query.iter().filter(|(n, _)| n == "mchid").map(|(_, v)| v.clone()));
    if let Some(value) = message.text("mchid") {
        named.push(value.to_owned());
    }
    named
}

/// The RSA callback signature (English header names, or the Chinese table's when
/// `TC-Callback-Signature` is absent and `X-TC-Signature` present), its freshness, and the
/// SecretKey's `TC-Signature` when the verifier holds the key.
fn verify_payment_callback(
    received: &Received<'_>,
    verifying: &Verifying<'_>,
) -> Result<Identity, AuthError> {
    let headers = received.headers;
    let chinese_names =
        headers.get(CALLBACK_SIGNATURE).is_none() && headers.get(ZH_TC_SIGNATURE).is_some();
    let (rsa_signature, aes_names): (&str, &[&'static str]) = if chinese_names {
        (header(headers, TC_SIGNATURE, &[])?, &[ZH_TC_SIGNATURE])
    } else {
        (header(headers, CALLBACK_SIGNATURE, &[])?, &[])
    };
    check_tc_signature_if_held(headers, verifying, aes_names)?;
    let keys =
        verifying.platform_keys.ok_or(AuthError::MissingKey { needs: KeyNeed::PlatformKeys })?;
    let signature = CallbackSignature {
        serial: header(headers, CALLBACK_SERIAL, &["TC-Serial"])?,
        timestamp: header(headers, TC_TIMESTAMP, &[])?,
        nonce: header(headers, CALLBACK_NONCE, &["TC-Nonce"])?,
        signature: rsa_signature,
    };
    keys.verify_callback(&signature, received.body)?;
    let timestamp = verifying.window.check(signature.timestamp, verifying.now)?;
    Ok(Identity::Platform { serial: signature.serial.to_owned(), timestamp })
}

/// `TC-Signature` (or the first of `names` present) over `TC-Timestamp`, checked only when the
/// verifier holds the SecretKey: on callbacks it is meant for SAS.
fn check_tc_signature_if_held(
    headers: &HeaderMap,
    verifying: &Verifying<'_>,
    names: &[&'static str],
) -> Result<(), AuthError> {
    let Some(key) = verifying.secret_key else { return Ok(()) };
    let timestamp = header(headers, TC_TIMESTAMP, &[])?;
    let signature = match names.first() {
        Some(name) => header(headers, name, &[])?,
        None => header(headers, TC_SIGNATURE, &["X-TC-Signature"])?,
    };
    verifying.tc_signature.verify(key, timestamp, signature, verifying.now)?;
    Ok(())
}

fn app_key<'a>(
    verifying: &Verifying<'a>,
    merchant_id: &str,
) -> Result<&'a crate::crypto::AppKey, AuthError> {
    let keys = verifying.app_keys.ok_or(AuthError::MissingKey { needs: KeyNeed::AppKey })?;
    keys.app_key(merchant_id).ok_or_else(|| AuthError::UnknownMerchant {
        kind: "AppKey",
        merchant: merchant_id.to_owned(),
    })
}

fn merchant_header(headers: &HeaderMap) -> Result<String, AuthError> {
    header(headers, MERCHANT_ID, &[]).map(str::to_owned)
}

fn text<'m, T: TextFields>(message: &'m T, name: &'static str) -> Result<&'m str, AuthError> {
    match message.text(name) {
        Some(value) if !value.is_empty() => Ok(value),
        _ => Err(AuthError::MissingField(name)),
    }
}

/// The value of `name` (or of the first alias present); header names are case-insensitive.
pub(crate) fn header<'h>(
    headers: &'h HeaderMap,
    name: &'static str,
    aliases: &[&'static str],
) -> Result<&'h str, AuthError> {
    let value = std::iter::once(name)
        .chain(aliases.iter().copied())
        .find_map(|candidate| headers.get(candidate))
        .ok_or(AuthError::MissingHeader(name))?;
    value.to_str().map_err(|_| AuthError::BadHeader(name))
}

const MERCHANT_ID: &str = "TC-MerchantID";
const ZH_TC_SIGNATURE: &str = "X-TC-Signature";
