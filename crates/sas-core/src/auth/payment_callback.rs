//! `payment_callback`: the superapp signs a payment or refund callback twice: `TC-Timestamp`
//! (Unix seconds) with `TC-Signature` for SAS, and `TC-Callback-Signature`, SHA256withRSA over
//! timestamp, nonce and body with the platform key named by `TC-Callback-Serial`.

use super::headers::{
    self, CALLBACK_NONCE, CALLBACK_SERIAL, CALLBACK_SIGNATURE, MERCHANT_ID, TC_SIGNATURE,
    TC_TIMESTAMP, X_TC_SIGNATURE,
};
use super::tc_signature::{add_tc_signature, check_if_held};
use super::{AuthScheme, Identity, Received, SignWith, VerifyWith, sealed};
use crate::crypto::{
    CallbackSignature, FreshnessWindow, PublicKeySet, RsaPrivateKey, SecretKey,
    TcSignatureVerifier, callback_signature,
};
use crate::endpoint::{AuthKind, Metadata};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::time::UnixTime;
use crate::wire::WireRequest;

/// The `payment_callback` scheme (superapp → merchant, 2.2 and 5.1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PaymentCallback;

/// What a payment callback is signed with: the time, a fresh nonce, the SecretKey, and the
/// platform's private key with the serial merchants know it by.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Signing<'a> {
    /// The time signed (Unix seconds).
    pub now: UnixTime,
    /// `TC-Callback-Nonce`: fresh per callback.
    pub nonce: &'a str,
    /// The SecretKey (`TC-Signature`).
    pub secret_key: &'a SecretKey,
    /// The platform's private key.
    pub platform_key: &'a RsaPrivateKey,
    /// `TC-Callback-Serial`: the serial or public-key ID of `platform_key`.
    pub serial: &'a str,
}

impl<'a> Signing<'a> {
    /// Signing at `now` with `nonce`, the SecretKey, and the platform key known as `serial`.
    pub fn new(
        now: UnixTime,
        nonce: &'a str,
        secret_key: &'a SecretKey,
        platform_key: &'a RsaPrivateKey,
        serial: &'a str,
    ) -> Self {
        Self { now, nonce, secret_key, platform_key, serial }
    }
}

/// What a payment callback is checked against: the time, the platform's public keys, and the
/// SecretKey when held (SAS's `TC-Signature` is checked only then).
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Verifying<'a> {
    /// The time to check freshness against.
    pub now: UnixTime,
    /// The platform's public keys, by serial.
    pub platform_keys: &'a PublicKeySet,
    /// The SecretKey, if held.
    pub secret_key: Option<&'a SecretKey>,
    /// The freshness window and `TC-Signature`'s CBC choice.
    pub verifier: TcSignatureVerifier,
    /// The freshness window of the RSA signature's timestamp.
    pub window: FreshnessWindow,
}

impl<'a> Verifying<'a> {
    /// Checking at `now` against `platform_keys`, without the SecretKey.
    pub fn new(now: UnixTime, platform_keys: &'a PublicKeySet) -> Self {
        Self {
            now,
            platform_keys,
            secret_key: None,
            verifier: TcSignatureVerifier::new(),
            window: FreshnessWindow::DEFAULT,
        }
    }

    /// Also check `TC-Signature` with the SecretKey.
    #[must_use]
    pub fn secret_key(self, secret_key: &'a SecretKey) -> Self {
        Self { secret_key: Some(secret_key), ..self }
    }
}

impl sealed::Sealed for PaymentCallback {}

#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
impl AuthScheme for PaymentCallback {
    const NAME: &'static str = "payment_callback";
    const KIND: AuthKind = AuthKind::PaymentCallback;
    type Signing<'a> = Signing<'a>;
    type Verifying<'a> = Verifying<'a>;

    fn signing<'b>(ring: &'b super::Signing<'_>) -> Result<Signing<'b>, &'static str> {
        let (platform_key, serial) =
            super::Signing::need(ring.platform, "the platform's private key")?;
        let secret_key = super::Signing::need(ring.secret_key, "the SecretKey")?;
        let nonce = super::Signing::need(ring.nonce, "a nonce")?;
        Ok(Signing::new(ring.now, nonce, secret_key, platform_key, serial))
    }

    fn verifying<'b>(ring: &'b super::Verifying<'_>) -> Result<Verifying<'b>, KeyNeed> {
        Ok(Verifying {
            now: ring.now,
            platform_keys: ring.platform_keys.ok_or(KeyNeed::PlatformKeys)?,
            secret_key: ring.secret_key,
            verifier: ring.tc_signature,
            window: ring.window,
        })
    }

    fn sign_wire(
        _meta: &'static Metadata,
        wire: &mut WireRequest,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        let timestamp = input.now.as_secs().to_string();
        let signature =
            callback_signature(input.platform_key, &timestamp, input.nonce, &wire.body)?;
        add_tc_signature(wire, input.secret_key, timestamp);
        wire.headers.push((CALLBACK_SERIAL[0], input.serial.to_owned()));
        wire.headers.push((CALLBACK_NONCE[0], input.nonce.to_owned()));
        wire.headers.push((CALLBACK_SIGNATURE, signature));
        Ok(())
    }

    /// The English header names, or the Chinese table's when `TC-Callback-Signature` is absent
    /// and `X-TC-Signature` present (then `TC-Signature` is the RSA signature); every header
    /// once.
    fn verify(
        _meta: &'static Metadata,
        received: &Received<'_>,
        input: &Verifying<'_>,
    ) -> Result<Identity, AuthError> {
        let headers = received.headers;
        let chinese_names =
            headers.get(CALLBACK_SIGNATURE).is_none() && headers.get(X_TC_SIGNATURE).is_some();
        let (rsa_names, aes_names): (&[&'static str], &[&'static str]) = if chinese_names {
            (&[TC_SIGNATURE], &[X_TC_SIGNATURE])
        } else {
            (&[CALLBACK_SIGNATURE], &[TC_SIGNATURE, X_TC_SIGNATURE])
        };
        headers::refuse_repeats(
            headers,
            &[
                &[TC_TIMESTAMP],
                &CALLBACK_SERIAL,
                &CALLBACK_NONCE,
                rsa_names,
                aes_names,
                &[MERCHANT_ID],
            ],
        )?;
        let rsa_signature = headers::required(headers, rsa_names)?;
        check_if_held(received, input.secret_key, &input.verifier, input.now, aes_names)?;
        let signature = CallbackSignature {
            serial: headers::required(headers, &CALLBACK_SERIAL)?,
            timestamp: headers::required(headers, &[TC_TIMESTAMP])?,
            nonce: headers::required(headers, &CALLBACK_NONCE)?,
            signature: rsa_signature,
        };
        input.platform_keys.verify_callback(&signature, received.body)?;
        let timestamp = input.window.check(signature.timestamp, input.now)?;
        Ok(Identity::Platform { serial: signature.serial.to_owned(), timestamp })
    }
}

impl SignWith<PaymentCallback> for Signing<'_> {
    fn signing_input(&self) -> Result<Signing<'_>, &'static str> {
        Ok(*self)
    }
}

impl VerifyWith<PaymentCallback> for Verifying<'_> {
    fn verifying_input(&self) -> Result<Verifying<'_>, KeyNeed> {
        Ok(*self)
    }
}
