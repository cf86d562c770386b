//! The `Authorization` header of merchant requests: building it with an
//! [`AuthorizationSigner`], parsing it into an [`Authorization`] and verifying it against a
//! [`PublicKeySet`].

use std::fmt;

use super::key_set::PublicKeySet;
use super::keys::RsaPrivateKey;
use super::messages::authorization_message;
use crate::crypto::error::{AuthorizationError, CryptoError, SignatureKind};

/// The default scheme token of the `Authorization` header.
pub const WECHATPAY2_SHA256_RSA2048: &str = "WECHATPAY2-SHA256-RSA2048";

/// The parts of an HTTP request an `Authorization` signature covers besides its own timestamp
/// and nonce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestParts<'a> {
    /// The method in upper case, e.g. `POST`.
    pub method: &'a str,
    /// The path plus `?query` if any, without scheme and host, e.g.
    /// `/v3/pay/transactions/out-trade-no/A1?mchid=1`.
    pub canonical_url: &'a str,
    /// The exact body bytes sent; empty for `GET`.
    pub body: &'a [u8],
}

/// A parsed `Authorization` header:
/// `SCHEME mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`.
///
/// Parsing accepts the parameters in any order, any scheme token, optional spaces around `,`
/// and `=`, and ignores unknown parameters. [`Display`](fmt::Display) writes the canonical
/// form.
///
/// ```
/// use sas_core::crypto::Authorization;
///
/// let header = r#"WECHATPAY2-SHA256-RSA2048 serial_no="5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11",timestamp="1554208460",mchid="1900009191",signature="c2lnbmF0dXJl",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242""#;
/// let authorization = Authorization::parse(header)?;
/// assert_eq!(authorization.mchid(), "1900009191");
/// assert_eq!(authorization.timestamp(), "1554208460");
/// assert_eq!(
///     authorization.to_string(),
///     r#"WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="c2lnbmF0dXJl",timestamp="1554208460",serial_no="5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11""#
/// );
/// # Ok::<(), sas_core::crypto::CryptoError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    scheme: String,
    mchid: String,
    nonce_str: String,
    signature: String,
    timestamp: String,
    serial_no: String,
}

impl Authorization {
    /// Parses a header value.
    ///
    /// # Errors
    ///
    /// [`CryptoError::MalformedAuthorization`] with the reason.
    pub fn parse(header: &str) -> Result<Self, CryptoError> {
        Ok(parse(header)?)
    }

    /// The scheme token, e.g. [`WECHATPAY2_SHA256_RSA2048`].
    #[must_use]
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// `mchid`: the merchant ID.
    #[must_use]
    pub fn mchid(&self) -> &str {
        &self.mchid
    }

    /// `nonce_str`: line 4 of the signed message.
    #[must_use]
    pub fn nonce_str(&self) -> &str {
        &self.nonce_str
    }

    /// `signature`: Base64 RSA-SHA256.
    #[must_use]
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// `timestamp`: Unix seconds, line 3 of the signed message. Check its freshness with
    /// [`FreshnessWindow`](crate::crypto::FreshnessWindow).
    #[must_use]
    pub fn timestamp(&self) -> &str {
        &self.timestamp
    }

    /// `serial_no`: the ID of the key that signed.
    #[must_use]
    pub fn serial_no(&self) -> &str {
        &self.serial_no
    }

    /// Verifies the signature over `request` with the key under [`serial_no`](Self::serial_no).
    ///
    /// # Errors
    ///
    /// [`CryptoError::UnknownKeyId`], [`CryptoError::OwnKeyAsPeerKey`],
    /// [`CryptoError::InvalidBase64`] or [`CryptoError::SignatureMismatch`].
    pub fn verify(
        &self,
        keys: &PublicKeySet,
        request: &RequestParts<'_>,
    ) -> Result<(), CryptoError> {
        let key = keys.get(&self.serial_no)?;
        let message = authorization_message(
            request.method,
            request.canonical_url,
            &self.timestamp,
            &self.nonce_str,
            request.body,
        );
        key.verify_base64(&message, &self.signature, SignatureKind::Authorization)
    }
}

impl fmt::Display for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            r#"{} mchid="{}",nonce_str="{}",signature="{}",timestamp="{}",serial_no="{}""#,
            self.scheme, self.mchid, self.nonce_str, self.signature, self.timestamp, self.serial_no
        )
    }
}

/// Signs merchant requests: the merchant's API private key, its `mchid` and the serial of its
/// API certificate (or its public-key ID).
///
/// Values go into the header between double quotes, so they must not contain `"`.
///
/// ```
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
/// # let merchant_pem = std::fs::read_to_string(format!("{dir}/merchant-2048-pkcs1.pem"))?;
/// use sas_core::crypto::{AuthorizationSigner, PublicKeySet, RequestParts, RsaPrivateKey};
///
/// let key = RsaPrivateKey::from_pem(&merchant_pem)?;
/// let public_key = key.public_key();
/// let signer = AuthorizationSigner::new(key, "1900009191", "MERCHANT-SERIAL-1");
/// let request = RequestParts { method: "POST", canonical_url: "/v3/pay/transactions/jsapi", body: b"{}" };
/// let header = signer.sign(&request, "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242")?.to_string();
/// assert!(header.starts_with(r#"WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature=""#));
///
/// // The superapp side, holding the merchant's public key:
/// let keys = PublicKeySet::new().with_key("MERCHANT-SERIAL-1", public_key);
/// let verified = keys.verify_authorization(&header, &request)?;
/// assert_eq!(verified.mchid(), "1900009191");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct AuthorizationSigner {
    key: RsaPrivateKey,
    scheme: String,
    mchid: String,
    serial_no: String,
}

impl AuthorizationSigner {
    /// A signer using the scheme token [`WECHATPAY2_SHA256_RSA2048`].
    pub fn new(key: RsaPrivateKey, mchid: impl Into<String>, serial_no: impl Into<String>) -> Self {
        Self {
            key,
            scheme: WECHATPAY2_SHA256_RSA2048.to_owned(),
            mchid: mchid.into(),
            serial_no: serial_no.into(),
        }
    }

    /// Uses another scheme token.
    #[must_use]
    pub fn with_scheme(self, scheme: impl Into<String>) -> Self {
        Self { scheme: scheme.into(), ..self }
    }

    /// Signs `request` at `timestamp` (Unix seconds) with `nonce`; the result's `to_string()`
    /// is the header value.
    ///
    /// # Errors
    ///
    /// [`CryptoError::OperationFailed`] if `ring` refuses to sign.
    pub fn sign(
        &self,
        request: &RequestParts<'_>,
        timestamp: &str,
        nonce: &str,
    ) -> Result<Authorization, CryptoError> {
        let message = authorization_message(
            request.method,
            request.canonical_url,
            timestamp,
            nonce,
            request.body,
        );
        Ok(Authorization {
            scheme: self.scheme.clone(),
            mchid: self.mchid.clone(),
            nonce_str: nonce.to_owned(),
            signature: self.key.sign_base64(&message)?,
            timestamp: timestamp.to_owned(),
            serial_no: self.serial_no.clone(),
        })
    }
}

/// The parser behind [`Authorization::parse`].
fn parse(header: &str) -> Result<Authorization, AuthorizationError> {
    let header = header.trim();
    if header.is_empty() {
        return Err(AuthorizationError::Empty);
    }
    let (scheme, params) =
        header.split_once([' ', '\t']).ok_or(AuthorizationError::MissingScheme)?;
    if scheme.contains(['=', '"', ',']) {
        return Err(AuthorizationError::MissingScheme);
    }
    let offset = header.len() - params.len();
    let mut fields: [(&'static str, Option<&str>); 5] = [
        ("mchid", None),
        ("nonce_str", None),
        ("signature", None),
        ("timestamp", None),
        ("serial_no", None),
    ];
    for (name, value) in parse_params(params, offset)? {
        if let Some((_, slot)) = fields.iter_mut().find(|(known, _)| *known == name) {
            if slot.is_some() {
                return Err(AuthorizationError::DuplicateParameter { name: name.to_owned() });
            }
            *slot = Some(value);
        }
    }
    let [mchid, nonce_str, signature, timestamp, serial_no] = fields.map(|(name, value)| {
        value.map(str::to_owned).ok_or(AuthorizationError::MissingParameter { name })
    });
    Ok(Authorization {
        scheme: scheme.to_owned(),
        mchid: mchid?,
        nonce_str: nonce_str?,
        signature: signature?,
        timestamp: timestamp?,
        serial_no: serial_no?,
    })
}

/// Splits `key="value"` (or `key=token`) pairs separated by commas; `offset` is where `params`
/// starts in the header, for error positions.
fn parse_params(params: &str, offset: usize) -> Result<Vec<(&str, &str)>, AuthorizationError> {
    let syntax = |rest: &str| AuthorizationError::Syntax { at: offset + params.len() - rest.len() };
    let mut pairs = Vec::new();
    let mut rest = params.trim_start();
    loop {
        let (name, after) = rest.split_once('=').ok_or_else(|| syntax(rest))?;
        let name = name.trim_end();
        let is_token = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(syntax(rest));
        }
        let after = after.trim_start();
        let (value, remaining) = match after.strip_prefix('"') {
            Some(quoted) => quoted.split_once('"').ok_or_else(|| syntax(after))?,
            None => {
                let end = after.find([',', ' ', '\t']).unwrap_or(after.len());
                match after.split_at_checked(end) {
                    Some((value, remaining)) if !value.is_empty() => (value, remaining),
                    _ => return Err(syntax(after)),
                }
            }
        };
        pairs.push((name, value));
        let remaining = remaining.trim_start();
        if remaining.is_empty() {
            return Ok(pairs);
        }
        rest = remaining.strip_prefix(',').ok_or_else(|| syntax(remaining))?.trim_start();
    }
}
