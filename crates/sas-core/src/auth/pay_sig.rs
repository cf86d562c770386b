//! `pay_sig`: the developer backend signs a virtual-payment order with the AppKey: body
//! `PaySig` = HMAC-SHA256 over `prefix & SignData`, the `SignData` string exactly as sent.

use super::headers::{self, MERCHANT_ID};
use super::{AppKeys, AuthScheme, Identity, Received, SignWith, VerifyWith, body, sealed};
use crate::crypto::{AppKey, SignatureKind, pay_sig, verify_pay_sig};
use crate::endpoint::{AuthKind, Metadata, TextFields};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::wire::WireRequest;

/// The `pay_sig` scheme (virtual orders, developer backend → superapp backend).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PaySig;

/// What the AppKey schemes (`pay_sig`, `pay_sig_query`) sign with: the AppKey. No time, no
/// nonce.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Signing<'a> {
    /// The AppKey.
    pub app_key: &'a AppKey,
}

impl<'a> Signing<'a> {
    /// Signing with `app_key`.
    pub fn new(app_key: &'a AppKey) -> Self {
        Self { app_key }
    }
}

/// What the AppKey schemes are checked against: the AppKeys, by the request's `TC-MerchantID`.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Verifying<'a> {
    /// The AppKeys.
    pub app_keys: &'a dyn AppKeys,
}

impl<'a> Verifying<'a> {
    /// Checking against `app_keys`.
    pub fn new(app_keys: &'a dyn AppKeys) -> Self {
        Self { app_keys }
    }
}

impl std::fmt::Debug for Verifying<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verifying { app_keys: … }")
    }
}

/// `SignData`.
const SIGN_DATA: &str = "SignData";
/// `PaySig`.
const PAY_SIG: &str = "PaySig";

impl sealed::Sealed for PaySig {}

#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
impl AuthScheme for PaySig {
    const NAME: &'static str = "pay_sig";
    const KIND: AuthKind = AuthKind::PaySig;
    type Signing<'a> = Signing<'a>;
    type Verifying<'a> = Verifying<'a>;

    fn signing<'b>(ring: &'b super::Signing<'_>) -> Result<Signing<'b>, &'static str> {
        Ok(Signing::new(super::Signing::need(ring.app_key, "the AppKey")?))
    }

    fn verifying<'b>(ring: &'b super::Verifying<'_>) -> Result<Verifying<'b>, KeyNeed> {
        Ok(Verifying::new(ring.app_keys.ok_or(KeyNeed::AppKey)?))
    }

    const SIGNS_BODY: bool = true;

    fn sign_body(
        meta: &'static Metadata,
        message: &mut dyn TextFields,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        let prefix = meta.sign_prefix.unwrap_or_default();
        let sign_data = message.text(SIGN_DATA).unwrap_or_default();
        let signature = pay_sig(input.app_key, prefix, sign_data);
        message.set_signature(PAY_SIG, signature);
        Ok(())
    }

    fn sign_wire(
        _meta: &'static Metadata,
        _wire: &mut WireRequest,
        _input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        Ok(())
    }

    fn verify(
        meta: &'static Metadata,
        received: &Received<'_>,
        input: &Verifying<'_>,
    ) -> Result<Identity, AuthError> {
        let merchant_id = headers::required(received.headers, &[MERCHANT_ID])?.to_owned();
        let key = super::app_key(input.app_keys, &merchant_id)?;
        let [signature, sign_data] =
            body::members(meta, received.body, [PAY_SIG, SIGN_DATA], SignatureKind::PaySig)?;
        let signature = body::needed(signature, PAY_SIG)?;
        let sign_data = body::signed(sign_data, SIGN_DATA)?;
        verify_pay_sig(key, meta.sign_prefix.unwrap_or_default(), &sign_data, &signature)?;
        Ok(Identity::AppKeyHolder { merchant_id })
    }
}

impl SignWith<PaySig> for Signing<'_> {
    fn signing_input(&self) -> Result<Signing<'_>, &'static str> {
        Ok(*self)
    }
}

impl VerifyWith<PaySig> for Verifying<'_> {
    fn verifying_input(&self) -> Result<Verifying<'_>, KeyNeed> {
        Ok(*self)
    }
}
