//! `wx.requestPayment`: the merchant backend signs `appId\ntimeStamp\nnonceStr\npackage\n`
//! with its merchant API private key; the superapp checks it with the merchant's public keys.

use super::error::{BuildError, VerifyError};
use super::rules;
use crate::api::frontend::request_payment::Params;
use crate::crypto::{
    CryptoError, PaySignFields, PublicKeySet, RsaPrivateKey, SignatureKind, pay_sign,
    verify_pay_sign,
};
use crate::time::UnixTime;
use crate::validate::Validate;

/// What `package` holds before the prepay ID.
pub const PREPAY_ID_PREFIX: &str = "prepay_id=";

/// The only `signType` the SDK signs and checks.
const RSA: &str = "RSA";

/// What the merchant backend signs into a `wx.requestPayment` object, by name (see
/// [`Params::sign`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaymentToSign<'a> {
    /// The mini program's appid (the `appid` of 2.1): signed, but not part of the object (the
    /// front end knows it).
    pub app_id: &'a str,
    /// The prepay ID of the 2.1 response, without `prepay_id=`.
    pub prepay_id: &'a str,
    /// The time of signing; `timeStamp` carries it in Unix seconds.
    pub time_stamp: UnixTime,
    /// A fresh random string of at most 32 visible ASCII characters.
    pub nonce_str: &'a str,
}

impl Params {
    /// The parameters of `wx.requestPayment` for the order whose 2.1 response gave
    /// `order.prepay_id`, signed with the merchant's API private key: `timeStamp` is
    /// `order.time_stamp` in Unix seconds, `package` is `prepay_id=` + the prepay ID, `signType`
    /// is `RSA`, and `paySign` is Base64 SHA256withRSA over
    /// `appId\ntimeStamp\nnonceStr\npackage\n`.
    ///
    /// ```
    /// # let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/wechatpay-test-pkcs1.pem"))?;
    /// use sas_core::api::frontend::request_payment::Params;
    /// use sas_core::crypto::RsaPrivateKey;
    /// use sas_core::time::UnixTime;
    /// use sas_core::frontend::PaymentToSign;
    ///
    /// let key = RsaPrivateKey::from_pem(&pem)?;
    /// let params = Params::sign(&key, PaymentToSign {
    ///     app_id: "wx8888888888888888",
    ///     prepay_id: "wx201410272009395522657a690389285100",
    ///     time_stamp: UnixTime::from_secs(1_414_561_699),
    ///     nonce_str: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
    /// })?;
    /// assert_eq!(params.package, "prepay_id=wx201410272009395522657a690389285100");
    /// assert_eq!(params.sign_type, "RSA");
    /// assert!(params.pay_sign.starts_with("mIDSHc+67tlJlgnSkB1BD1+B08suWtz70aoSI6wwGE"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::Invalid`] for an empty `app_id` or `prepay_id`, one with spaces, line
    /// breaks or non-ASCII characters, a `prepay_id` that already starts with `prepay_id=`, or a
    /// `nonce_str` that is empty, longer than 32 characters or not visible ASCII;
    /// [`BuildError::Crypto`] if `ring` refuses to sign.
    pub fn sign(key: &RsaPrivateKey, order: PaymentToSign<'_>) -> Result<Self, BuildError> {
        let PaymentToSign { app_id, prepay_id, time_stamp, nonce_str } = order;
        rules::check(&[
            ("appId", app_id, &rules::APP_ID),
            ("package", prepay_id, &rules::PREPAY_ID),
            ("nonceStr", nonce_str, &rules::NONCE_STR),
        ])
        .map_err(BuildError::Invalid)?;
        let package = format!("{PREPAY_ID_PREFIX}{prepay_id}");
        let mut params = Self::new(time_stamp.as_secs().to_string(), nonce_str, package);
        params.pay_sign = pay_sign(key, &signed_fields(app_id, &params))?;
        Ok(params)
    }
}

/// A `wx.requestPayment` object whose `paySign` holds.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedPayment {
    /// The prepay ID, from `package`.
    pub prepay_id: String,
    /// The ID under which the key that verified is held in the set.
    pub key_id: String,
}

impl Params {
    /// Checks a `wx.requestPayment` object (the superapp's side): the spec's constraints,
    /// `signType` `RSA` (in any case), `package` `prepay_id=…`, `timeStamp` in decimal, and
    /// `paySign` over `appId\ntimeStamp\nnonceStr\npackage\n` with one of the merchant's public
    /// keys. `app_id` is the appid of the mini program that presents the object.
    ///
    /// `paySign` names no key, so each key of `merchant_keys` is tried (a rotation holds two);
    /// keys declared with [`PublicKeySet::forbid_own_key`] are skipped. `timeStamp`'s freshness is
    /// not checked: the user may pay a while after the order; check it with
    /// [`FreshnessWindow::check`](crate::crypto::FreshnessWindow::check) if your policy wants to.
    ///
    /// ```
    /// # let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/wechatpay-test-pkcs1.pem"))?;
    /// use sas_core::api::frontend::request_payment::Params;
    /// use sas_core::crypto::PublicKeySet;
    /// use sas_core::frontend::VerifyError;
    ///
    /// # let merchant_public_key = sas_core::crypto::RsaPrivateKey::from_pem(&pem)?.public_key();
    /// let received: Params = serde_json::from_str(r#"{"timeStamp":"1414561699","nonceStr":"5K8264ILTKCH16CQ2502SI8ZNMTM67VS","package":"prepay_id=wx201410272009395522657a690389285100","signType":"RSA","paySign":"mIDSHc+67tlJlgnSkB1BD1+B08suWtz70aoSI6wwGE+0FC5qnMkKFLn/yl0aFCeD+vrTrztwbyAhgb+RuVEMk3N/d2VYVR+uWt27BqR58mWdlYufNvBwmMwCLXYyDrnWXFUF5OYnVX8ey3NouScOWlCAr7QzbmL7pja1MbuupT7JfIJbI5rzDcVFvFpKbLX93nG5eJcYomKf2Ubiwu0/ZdlLOx848ToI0US0g9g7I0jBUB7tx1eDV+InsYDvHSkGdNjz2xvg3lx7ZaPgIuTRQzf8o5W2RVndInqYfRdyDn0pmqILM76lUlTAlub38D4oViu5To7WihblSEIa+O47Bg=="}"#)?;
    /// let keys = PublicKeySet::new().with_key("MERCHANT-SERIAL-1", merchant_public_key);
    ///
    /// let verified = received.verify(&keys, "wx8888888888888888")?;
    /// assert_eq!(verified.key_id, "MERCHANT-SERIAL-1");
    /// // Presented by another mini program, the same object does not hold.
    /// assert!(matches!(received.verify(&keys, "wx9999999999999999"), Err(VerifyError::Crypto(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VerifyError::Invalid`], [`VerifyError::Malformed`], [`VerifyError::NoKeys`], or
    /// [`VerifyError::Crypto`]: [`CryptoError::SignatureMismatch`] when no key verifies,
    /// [`CryptoError::InvalidBase64`] when `paySign` is not Base64,
    /// [`CryptoError::OwnKeyAsPeerKey`] when the set holds only your own keys.
    pub fn verify(
        &self,
        merchant_keys: &PublicKeySet,
        app_id: &str,
    ) -> Result<VerifiedPayment, VerifyError> {
        let params = self;
        params.check().map_err(VerifyError::Invalid)?;
        if !params.sign_type.eq_ignore_ascii_case(RSA) {
            return Err(VerifyError::malformed("signType", &params.sign_type, "RSA"));
        }
        let prepay_id =
            params.package.strip_prefix(PREPAY_ID_PREFIX).filter(|id| !id.is_empty()).ok_or_else(
                || VerifyError::malformed("package", &params.package, "prepay_id=<ID>"),
            )?;
        if params.time_stamp.is_empty() || !params.time_stamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VerifyError::malformed("timeStamp", &params.time_stamp, "Unix seconds"));
        }
        if merchant_keys.is_empty() {
            return Err(VerifyError::NoKeys);
        }
        let fields = signed_fields(app_id, params);
        let (mut mismatch, mut own_key) = (None, None);
        for id in merchant_keys.ids() {
            match merchant_keys
                .get(id)
                .and_then(|key| verify_pay_sign(key, &fields, &params.pay_sign))
            {
                Ok(()) => {
                    let prepay_id = prepay_id.to_owned();
                    return Ok(VerifiedPayment { prepay_id, key_id: id.to_owned() });
                }
                Err(error @ CryptoError::SignatureMismatch { .. }) => mismatch = Some(error),
                Err(error @ CryptoError::OwnKeyAsPeerKey { .. }) => {
                    own_key = own_key.or(Some(error))
                }
                Err(error) => return Err(error.into()),
            }
        }
        let fallback = CryptoError::SignatureMismatch { kind: SignatureKind::PaySign };
        Err(mismatch.or(own_key).unwrap_or(fallback).into())
    }
}

/// The signed fields: `appId` from the caller, the rest from the object.
fn signed_fields<'a>(app_id: &'a str, params: &'a Params) -> PaySignFields<'a> {
    PaySignFields {
        app_id,
        time_stamp: &params.time_stamp,
        nonce_str: &params.nonce_str,
        package: &params.package,
    }
}
