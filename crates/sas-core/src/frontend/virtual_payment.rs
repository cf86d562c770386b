//! `wx.requestVirtualPayment`: the merchant backend signs the exact `signData` string twice,
//! `paySig` with the AppKey and `signature` with the user's `session_key`; the superapp checks
//! them before it reads the document.

use super::error::{BuildError, VerifyError};
use crate::api::frontend::request_virtual_payment::{METADATA, Params, SignData};
use crate::crypto::{
    AppKey, REQUEST_VIRTUAL_PAYMENT, SessionKey, pay_sig, user_signature, verify_pay_sig,
    verify_user_signature,
};
use crate::types::JsonString;
use crate::validate::{Validate, ValidationError, Validator};

/// What `paySig` signs before `&signData`: the spec's `sign_prefix`, `requestVirtualPayment`.
const PREFIX: &str = match METADATA.sign_prefix {
    Some(prefix) => prefix,
    None => REQUEST_VIRTUAL_PAYMENT,
};

impl Params {
    /// The parameters of `wx.requestVirtualPayment` for `sign_data`, encoded as compact JSON in
    /// field order: `paySig` = hex HMAC-SHA256(AppKey, `requestVirtualPayment&` + signData),
    /// `signature` = hex HMAC-SHA256(session_key, signData), `mode` = `short_series_goods`.
    ///
    /// Use [`Params::sign_exact`] when the `signData` string is already fixed (the
    /// signatures cover its exact bytes).
    ///
    /// ```
    /// use sas_core::api::frontend::request_virtual_payment::{Params, SignData, SignDataInit};
    /// use sas_core::crypto::{AppKey, SessionKey};
    ///
    /// let app_key = AppKey::new("12345")?;
    /// let session_key = SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?;
    /// let sign_data = SignData::from(SignDataInit {
    ///     offer_id: "123",
    ///     buy_quantity: 1,
    ///     currency_type: "USD",
    ///     product_id: "testproductId",
    ///     goods_price: 10,
    ///     out_trade_no: "xxxxxx",
    ///     attach: "testdata",
    /// });
    /// let params = Params::sign(&sign_data, &app_key, &session_key)?;
    /// assert_eq!(
    ///     params.sign_data.as_str(),
    ///     r#"{"offerId":"123","buyQuantity":1,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#
    /// );
    /// assert_eq!(params.mode.as_str(), "short_series_goods");
    /// assert_eq!(params.pay_sig.len(), 64);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::Invalid`] when `sign_data` breaks the spec (an `outTradeNo` outside 6 to 32
    /// characters of `0-9A-Za-z_|*-`, a currency that is not three capital letters), with paths
    /// such as `signData.outTradeNo`.
    pub fn sign(
        sign_data: &SignData,
        app_key: &AppKey,
        session_key: &SessionKey,
    ) -> Result<Self, BuildError> {
        let sign_data = JsonString::encode(sign_data).map_err(|error| {
            BuildError::SignData(crate::error::JsonError::new(String::new(), error))
        })?;
        Self::sign_exact(sign_data, app_key, session_key)
    }

    /// [`Params::sign`] over a `signData` string the caller already has, signed and
    /// sent exactly as given (spaces, key order and all). The string must hold a valid `SignData`
    /// document; members the spec does not list (such as `env`) are kept.
    ///
    /// ```
    /// use sas_core::api::frontend::request_virtual_payment::Params;
    /// use sas_core::crypto::{AppKey, SessionKey};
    /// use sas_core::types::JsonString;
    ///
    /// let sign_data = JsonString::from_raw(r#"{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#);
    /// let params = Params::sign_exact(sign_data, &AppKey::new("12345")?, &SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?)?;
    /// assert_eq!(params.pay_sig, "44480ad89b30129db3ed3822822ca281cb65cf8d5a73558e4d1fd7fccc748d43");
    /// assert_eq!(params.signature, "d276403ffc2586c876855dd0e8d7097a3ecefcb1d5ce5329d841e7072f5326c0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::SignData`] when the string is not a `SignData` document,
    /// [`BuildError::Invalid`] when the document breaks the spec.
    pub fn sign_exact(
        sign_data: JsonString<SignData>,
        app_key: &AppKey,
        session_key: &SessionKey,
    ) -> Result<Self, BuildError> {
        let document = sign_data.parse().map_err(BuildError::SignData)?;
        check_sign_data(&document).map_err(BuildError::Invalid)?;
        let mut params = Self::new(sign_data);
        params.pay_sig = pay_sig(app_key, PREFIX, params.sign_data.as_str());
        params.signature = user_signature(session_key, params.sign_data.as_str());
        Ok(params)
    }

    /// Checks a `wx.requestVirtualPayment` object (the superapp's side) and returns its `SignData`:
    /// `mode`, then `paySig` with the AppKey over the exact `signData` string, then `signature`
    /// with the user's `session_key` when `session_key` is given, and only then the document is
    /// parsed and checked against the spec.
    ///
    /// Pass `None` for `session_key` only when your side does not hold the user's `session_key`;
    /// the user signature is then not checked.
    ///
    /// ```
    /// use sas_core::api::frontend::request_virtual_payment::{Params, SignData, SignDataInit};
    /// use sas_core::crypto::{AppKey, SessionKey};
    /// use sas_core::frontend::VerifyError;
    ///
    /// let app_key = AppKey::new("12345")?;
    /// let session_key = SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==")?;
    /// let sign_data = SignData::from(SignDataInit {
    ///     offer_id: "123",
    ///     buy_quantity: 1,
    ///     currency_type: "USD",
    ///     product_id: "p1",
    ///     goods_price: 10,
    ///     out_trade_no: "ORDER-1",
    ///     attach: "",
    /// });
    /// let sent = Params::sign(&sign_data, &app_key, &session_key)?;
    ///
    /// let received: Params = serde_json::from_str(&serde_json::to_string(&sent)?)?;
    /// let sign_data = received.verify(&app_key, Some(&session_key))?;
    /// assert_eq!(sign_data.goods_price, 10);
    ///
    /// let other_user = SessionKey::new("another-session-key")?;
    /// assert!(matches!(
    ///     received.verify(&app_key, Some(&other_user)),
    ///     Err(VerifyError::Crypto(_))
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VerifyError::Invalid`] for a `mode` other than `short_series_goods` or a document that
    /// breaks the spec; [`VerifyError::Crypto`] when `paySig` or `signature` does not hold or is
    /// not hex; [`VerifyError::SignData`] when the signed string is not a `SignData` document.
    pub fn verify(
        &self,
        app_key: &AppKey,
        session_key: Option<&SessionKey>,
    ) -> Result<SignData, VerifyError> {
        let params = self;
        params.check().map_err(VerifyError::Invalid)?;
        let sign_data = params.sign_data.as_str();
        verify_pay_sig(app_key, PREFIX, sign_data, &params.pay_sig)?;
        if let Some(session_key) = session_key {
            verify_user_signature(session_key, sign_data, &params.signature)?;
        }
        let document = params.sign_data.parse().map_err(VerifyError::SignData)?;
        check_sign_data(&document).map_err(VerifyError::Invalid)?;
        Ok(document)
    }
}

/// The document's violations, under `signData`.
fn check_sign_data(document: &SignData) -> Result<(), Vec<ValidationError>> {
    let mut validator = Validator::default();
    validator.nested("signData", document);
    validator.finish()
}
