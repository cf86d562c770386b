//! The HMAC-SHA256 signatures of virtual payment, as lowercase hex: `paySig` (method &
//! signData), `pay_event_sig` (event & payload), the virtual refund's `pay_sig` (uri & body) and
//! the user-mode `signature` (session_key over signData).

use ring::hmac;
use subtle::ConstantTimeEq;

use super::encoding::{decode_hex, encode_hex};
use super::error::{CryptoError, SignatureKind};
use super::keys::{AppKey, SessionKey};

/// The `paySig` method of mini program virtual payment (API 4.1, `wx.requestVirtualPayment`).
pub const REQUEST_VIRTUAL_PAYMENT: &str = "requestVirtualPayment";

/// The `paySig` method of mini game item payment (API 3.1,
/// `wx.requestMidasPaymentGameItem`).
pub const REQUEST_MIDAS_PAYMENT_GAME_ITEM: &str = "requestMidasPaymentGameItem";

/// The `uri` the virtual refund's `pay_sig` covers (API 5.2.1): the path without the query.
pub const VIRTUAL_REFUND_URI: &str = "/vpay/refund/refunds";

/// `paySig` / `PaySig`: `hex(HMAC-SHA256(AppKey, method + "&" + signData))`, over the exact
/// `signData` string that is sent.
///
/// ```
/// use sas_core::crypto::{AppKey, REQUEST_VIRTUAL_PAYMENT, pay_sig, verify_pay_sig};
///
/// let key = AppKey::new("12345")?;
/// let sign_data = r#"{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;
/// let sig = pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, sign_data);
/// assert_eq!(sig, "44480ad89b30129db3ed3822822ca281cb65cf8d5a73558e4d1fd7fccc748d43");
/// verify_pay_sig(&key, REQUEST_VIRTUAL_PAYMENT, sign_data, &sig)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn pay_sig(app_key: &AppKey, method: &str, sign_data: &str) -> String {
    encode_hex(prefixed(app_key.hmac(), method, sign_data.as_bytes()).as_ref())
}

/// Checks a received `paySig` (hex of either case) in constant time.
///
/// # Errors
///
/// [`CryptoError::InvalidHex`] or [`CryptoError::SignatureMismatch`].
pub fn verify_pay_sig(
    app_key: &AppKey,
    method: &str,
    sign_data: &str,
    signature: &str,
) -> Result<(), CryptoError> {
    verify(app_key.hmac(), Some(method), sign_data.as_bytes(), signature, SignatureKind::PaySig)
}

/// `PayEventSig` / `payEventSig` of the virtual payment and refund callbacks (3.2, 4.2, 5.2.2):
/// `hex(HMAC-SHA256(AppKey, event + "&" + payload))`, over the `Payload` string exactly as it
/// appears in the body.
///
/// ```
/// use sas_core::crypto::{AppKey, pay_event_sig};
///
/// let key = AppKey::new("12345")?;
/// let sig = pay_event_sig(&key, "xpay_goods_deliver_notify", r#"{"OpenId":"o1","OutTradeNo":"xxxxxx"}"#);
/// assert_eq!(sig, "3ef2e3cbaa581608a4cba4397c2ca3e92da87fd7067dd219669050a7d52e5c5e");
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[must_use]
pub fn pay_event_sig(app_key: &AppKey, event: &str, payload: &str) -> String {
    encode_hex(prefixed(app_key.hmac(), event, payload.as_bytes()).as_ref())
}

/// Checks a received `PayEventSig` (hex of either case) in constant time.
///
/// # Errors
///
/// [`CryptoError::InvalidHex`] or [`CryptoError::SignatureMismatch`].
pub fn verify_pay_event_sig(
    app_key: &AppKey,
    event: &str,
    payload: &str,
    signature: &str,
) -> Result<(), CryptoError> {
    verify(app_key.hmac(), Some(event), payload.as_bytes(), signature, SignatureKind::PayEventSig)
}

/// The virtual refund's `pay_sig` query parameter (API 5.2.1):
/// `hex(HMAC-SHA256(AppKey, uri + "&" + body))` over the exact body bytes sent. `uri` is the
/// path without the query, normally [`VIRTUAL_REFUND_URI`].
///
/// ```
/// use sas_core::crypto::{AppKey, VIRTUAL_REFUND_URI, refund_pay_sig};
///
/// let key = AppKey::new("12345")?;
/// let body = br#"{"out_trade_no":"xxxxxx","out_refund_no":"R123456","amount":{"refund":10,"total":10,"currency":"USD"}}"#;
/// let sig = refund_pay_sig(&key, VIRTUAL_REFUND_URI, body);
/// assert_eq!(sig, "b38a0318e7e1d624438e09d24c3108ced3714dc0c9110b4d83c2b2e09ea5e15f");
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[must_use]
pub fn refund_pay_sig(app_key: &AppKey, uri: &str, body: &[u8]) -> String {
    encode_hex(prefixed(app_key.hmac(), uri, body).as_ref())
}

/// Checks a received refund `pay_sig` (hex of either case) in constant time.
///
/// # Errors
///
/// [`CryptoError::InvalidHex`] or [`CryptoError::SignatureMismatch`].
pub fn verify_refund_pay_sig(
    app_key: &AppKey,
    uri: &str,
    body: &[u8],
    signature: &str,
) -> Result<(), CryptoError> {
    verify(app_key.hmac(), Some(uri), body, signature, SignatureKind::RefundPaySig)
}

/// The user-mode `signature` of `wx.requestVirtualPayment`:
/// `hex(HMAC-SHA256(session_key, signData))`, the `session_key` text used as is.
///
/// ```
/// use sas_core::crypto::{SessionKey, user_signature};
///
/// let key = SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?;
/// let sig = user_signature(&key, r#"{"openid": "xxx", "user_ip": "127.0.0.1", "env": 0}"#);
/// assert_eq!(sig, "089d9e8dc5d308977360c4b79ec600a93d736802802a807d634192328032f6c7");
/// # Ok::<(), sas_core::crypto::KeyError>(())
/// ```
#[must_use]
pub fn user_signature(session_key: &SessionKey, sign_data: &str) -> String {
    encode_hex(hmac::sign(session_key.hmac(), sign_data.as_bytes()).as_ref())
}

/// Checks a received user-mode `signature` (hex of either case) in constant time.
///
/// # Errors
///
/// [`CryptoError::InvalidHex`] or [`CryptoError::SignatureMismatch`].
pub fn verify_user_signature(
    session_key: &SessionKey,
    sign_data: &str,
    signature: &str,
) -> Result<(), CryptoError> {
    verify(session_key.hmac(), None, sign_data.as_bytes(), signature, SignatureKind::UserSignature)
}

/// The message the AppKey signatures cover: `prefix & data`, i.e. the UTF-8 bytes of `prefix`
/// (the method of [`pay_sig`], the event of [`pay_event_sig`], the uri of [`refund_pay_sig`]),
/// one `&` (0x26), then `data` exactly as sent (`signData`, the payload string, the body).
/// The signing functions HMAC these bytes without joining them; this is for showing them.
///
/// ```
/// use sas_core::crypto::{VIRTUAL_REFUND_URI, hmac_message};
///
/// let message = hmac_message(VIRTUAL_REFUND_URI, br#"{"out_refund_no":"R1"}"#);
/// assert_eq!(message, br#"/vpay/refund/refunds&{"out_refund_no":"R1"}"#);
/// ```
#[must_use]
pub fn hmac_message(prefix: &str, data: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(prefix.len() + 1 + data.len());
    message.extend_from_slice(prefix.as_bytes());
    message.push(b'&');
    message.extend_from_slice(data);
    message
}

/// HMAC over `prefix & data` ([`hmac_message`]) without building the joined message.
fn prefixed(key: &hmac::Key, prefix: &str, data: &[u8]) -> hmac::Tag {
    let mut context = hmac::Context::with_key(key);
    context.update(prefix.as_bytes());
    context.update(b"&");
    context.update(data);
    context.sign()
}

/// Decodes the received hex and compares the tags in constant time.
fn verify(
    key: &hmac::Key,
    prefix: Option<&str>,
    data: &[u8],
    signature: &str,
    kind: SignatureKind,
) -> Result<(), CryptoError> {
    let received = decode_hex(signature.as_bytes(), "HMAC signature")?;
    let expected = match prefix {
        Some(prefix) => prefixed(key, prefix, data),
        None => hmac::sign(key, data),
    };
    if bool::from(expected.as_ref().ct_eq(&received)) {
        Ok(())
    } else {
        Err(CryptoError::SignatureMismatch { kind })
    }
}
