//! `pay_sig_query`: the developer backend signs a virtual refund with the AppKey: query
//! `pay_sig` = HMAC-SHA256 over `uri & body`, the exact body bytes.

use super::headers::{self, MERCHANT_ID};
use super::pay_sig::{Signing, Verifying};
use super::{AuthScheme, Identity, Received, SignWith, VerifyWith, sealed};
use crate::crypto::{refund_pay_sig, verify_refund_pay_sig};
use crate::endpoint::{AuthKind, Metadata};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::wire::WireRequest;

/// The `pay_sig_query` scheme (virtual refunds, developer backend → superapp backend); its
/// inputs are [`pay_sig::Signing`](super::pay_sig::Signing) and
/// [`pay_sig::Verifying`](super::pay_sig::Verifying).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PaySigQuery;

/// `pay_sig`.
const PAY_SIG_QUERY: &str = "pay_sig";

impl sealed::Sealed for PaySigQuery {}

#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
impl AuthScheme for PaySigQuery {
    const NAME: &'static str = "pay_sig_query";
    const KIND: AuthKind = AuthKind::PaySigQuery;
    type Signing<'a> = Signing<'a>;
    type Verifying<'a> = Verifying<'a>;

    fn signing<'b>(ring: &'b super::Signing<'_>) -> Result<Signing<'b>, &'static str> {
        Ok(Signing::new(super::Signing::need(ring.app_key, "the AppKey")?))
    }

    fn verifying<'b>(ring: &'b super::Verifying<'_>) -> Result<Verifying<'b>, KeyNeed> {
        Ok(Verifying::new(ring.app_keys.ok_or(KeyNeed::AppKey)?))
    }

    fn sign_wire(
        meta: &'static Metadata,
        wire: &mut WireRequest,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        let uri = meta.sign_prefix.unwrap_or_default();
        wire.query.push((PAY_SIG_QUERY.to_owned(), refund_pay_sig(input.app_key, uri, &wire.body)));
        Ok(())
    }

    fn verify(
        meta: &'static Metadata,
        received: &Received<'_>,
        input: &Verifying<'_>,
    ) -> Result<Identity, AuthError> {
        let merchant_id = headers::required(received.headers, &[MERCHANT_ID])?.to_owned();
        let key = super::app_key(input.app_keys, &merchant_id)?;
        let mut signatures = received.query.iter().filter(|(name, _)| name == PAY_SIG_QUERY);
        let (_, signature) =
            signatures.next().ok_or(AuthError::MissingField("query parameter pay_sig"))?;
        if signatures.next().is_some() {
            return Err(AuthError::RepeatedParameter("pay_sig"));
        }
        let uri = meta.sign_prefix.unwrap_or_default();
        verify_refund_pay_sig(key, uri, received.body, signature)?;
        Ok(Identity::AppKeyHolder { merchant_id })
    }
}

impl SignWith<PaySigQuery> for Signing<'_> {
    fn signing_input(&self) -> Result<Signing<'_>, &'static str> {
        Ok(*self)
    }
}

impl VerifyWith<PaySigQuery> for Verifying<'_> {
    fn verifying_input(&self) -> Result<Verifying<'_>, KeyNeed> {
        Ok(*self)
    }
}
