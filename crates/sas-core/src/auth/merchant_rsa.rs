//! `merchant_rsa`: the merchant signs its request with its API private key in the
//! `Authorization` header (SHA256withRSA over method, target, timestamp, nonce and body).

use super::headers::{self, AUTHORIZATION, MERCHANT_ID};
use super::{AuthScheme, Identity, MerchantKeys, Received, SignWith, VerifyWith, sealed};
use crate::crypto::{
    Authorization, AuthorizationSigner, CryptoError, FreshnessWindow, RequestParts,
};
use crate::endpoint::{AuthKind, Metadata};
use crate::error::{AuthError, IntoHttpError, KeyNeed};
use crate::time::UnixTime;
use crate::wire::{self, WireRequest};

/// The `merchant_rsa` scheme (merchant → superapp backend).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MerchantRsa;

/// What `Authorization` is signed with: the time, a fresh nonce and the merchant's signer.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Signing<'a> {
    /// The time signed (Unix seconds).
    pub now: UnixTime,
    /// `nonce_str`: fresh per request (32 random alphanumerics, say).
    pub nonce: &'a str,
    /// The merchant's key, `mchid` and serial.
    pub signer: &'a AuthorizationSigner,
}

impl<'a> Signing<'a> {
    /// Signing at `now` with `nonce` and `signer`.
    pub fn new(now: UnixTime, nonce: &'a str, signer: &'a AuthorizationSigner) -> Self {
        Self { now, nonce, signer }
    }
}

/// What `Authorization` is checked against: the time, the merchants' public keys, the
/// freshness window (300 s unless set).
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Verifying<'a> {
    /// The time to check freshness against.
    pub now: UnixTime,
    /// The merchants' public keys, by `mchid`.
    pub merchant_keys: &'a dyn MerchantKeys,
    /// The freshness window.
    pub window: FreshnessWindow,
}

impl<'a> Verifying<'a> {
    /// Checking at `now` against `merchant_keys`, with the default window.
    pub fn new(now: UnixTime, merchant_keys: &'a dyn MerchantKeys) -> Self {
        Self { now, merchant_keys, window: FreshnessWindow::DEFAULT }
    }

    /// Another freshness window.
    #[must_use]
    pub fn window(self, window: FreshnessWindow) -> Self {
        Self { window, ..self }
    }
}

impl std::fmt::Debug for Verifying<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifying").field("now", &self.now).field("window", &self.window).finish()
    }
}

impl sealed::Sealed for MerchantRsa {}

#[allow(private_interfaces)] // sealed: the wire types are the crate's own.
impl AuthScheme for MerchantRsa {
    const NAME: &'static str = "merchant_rsa";
    const KIND: AuthKind = AuthKind::MerchantRsa;
    type Signing<'a> = Signing<'a>;
    type Verifying<'a> = Verifying<'a>;

    fn signing<'b>(ring: &'b super::Signing<'_>) -> Result<Signing<'b>, &'static str> {
        let signer = super::Signing::need(ring.merchant, "the merchant's signer")?;
        let nonce = super::Signing::need(ring.nonce, "a nonce")?;
        Ok(Signing::new(ring.now, nonce, signer))
    }

    fn verifying<'b>(ring: &'b super::Verifying<'_>) -> Result<Verifying<'b>, KeyNeed> {
        let merchant_keys = ring.merchant_keys.ok_or(KeyNeed::MerchantKeys)?;
        Ok(Verifying { now: ring.now, merchant_keys, window: ring.window })
    }

    fn sign_wire(
        _meta: &'static Metadata,
        wire: &mut WireRequest,
        input: &Signing<'_>,
    ) -> Result<(), IntoHttpError> {
        let timestamp = input.now.as_secs().to_string();
        let canonical_url = wire.canonical_url();
        let parts =
            RequestParts { method: wire.method, canonical_url: &canonical_url, body: &wire.body };
        let authorization = input.signer.sign(&parts, &timestamp, input.nonce)?;
        wire.headers.push((AUTHORIZATION, authorization.to_string()));
        Ok(())
    }

    /// The merchant's key set by `mchid`; the signature over the target as received, or over
    /// its percent-decoded form when that names the same resource (clients that sign before
    /// their HTTP stack encodes); the timestamp's freshness; and the merchant the request
    /// names (`TC-MerchantID`, query or body `mchid`) must be the signer.
    fn verify(
        _meta: &'static Metadata,
        received: &Received<'_>,
        input: &Verifying<'_>,
    ) -> Result<Identity, AuthError> {
        headers::refuse_repeats(received.headers, &[&[MERCHANT_ID]])?;
        let value = headers::required(received.headers, &[AUTHORIZATION])?;
        let authorization = Authorization::parse(value)?;
        let key_set =
            input.merchant_keys.merchant_keys(authorization.mchid()).ok_or_else(|| {
                AuthError::UnknownMerchant {
                    kind: "public key",
                    merchant: authorization.mchid().to_owned(),
                }
            })?;
        let parts = |canonical_url| RequestParts {
            method: received.method,
            canonical_url,
            body: received.body,
        };
        match authorization.verify(key_set, &parts(received.canonical_url)) {
            Err(mismatch @ CryptoError::SignatureMismatch { .. }) => {
                let decoded = wire::decoded_target(received.canonical_url).ok_or(mismatch)?;
                authorization.verify(key_set, &parts(&decoded))?;
            }
            other => other?,
        }
        let timestamp = input.window.check(authorization.timestamp(), input.now)?;
        for named in named_merchants(received)? {
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
}

impl SignWith<MerchantRsa> for Signing<'_> {
    fn signing_input(&self) -> Result<Signing<'_>, &'static str> {
        Ok(*self)
    }
}

impl VerifyWith<MerchantRsa> for Verifying<'_> {
    fn verifying_input(&self) -> Result<Verifying<'_>, KeyNeed> {
        Ok(*self)
    }
}

/// The merchant IDs a request names besides its signature: `TC-MerchantID`, query `mchid`,
/// body `mchid` (the body is signed, so it is read here as untyped JSON; a body that is not a
/// JSON object names no one and is refused when it is typed).
fn named_merchants(received: &Received<'_>) -> Result<Vec<String>, AuthError> {
    let mut named = Vec::new();
    if let Some(value) = headers::optional(received.headers, &[MERCHANT_ID])? {
        named.push(value.to_owned());
    }
    named.extend(received.query.iter().filter(|(n, _)| n == "mchid").map(|(_, v)| v.clone()));
    if let Ok(body) =
        crate::json::from_slice::<serde_json::Map<String, serde_json::Value>>(received.body)
        && let Some(serde_json::Value::String(value)) = body.get("mchid")
    {
        named.push(value.clone());
    }
    Ok(named)
}
