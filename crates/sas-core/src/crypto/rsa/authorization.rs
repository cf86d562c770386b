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
/// Parsing follows RFC 9110 §11 as liberally as it asks recipients to: any scheme token,
/// parameter names in any case and any order, tokens or quoted strings (quoted-pairs
/// unescaped), optional whitespace around `=` and `,`, empty list elements; unknown parameters
/// are ignored, a parameter given twice is refused. [`Display`](fmt::Display) writes the
/// canonical form.
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
            self.scheme,
            Quoted(&self.mchid),
            Quoted(&self.nonce_str),
            Quoted(&self.signature),
            Quoted(&self.timestamp),
            Quoted(&self.serial_no)
        )
    }
}

/// The inside of a quoted-string: `"` and `\` as quoted-pairs (only a parsed header can hold
/// them; the signer refuses them).
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in self.0.split_inclusive(['"', '\\']) {
            match part.char_indices().last() {
                Some((at, c @ ('"' | '\\'))) => write!(f, "{}\\{c}", &part[..at])?,
                _ => f.write_str(part)?,
            }
        }
        Ok(())
    }
}

/// Signs merchant requests: the merchant's API private key, its `mchid` and the serial of its
/// API certificate (or its public-key ID).
///
/// Values go into the header between double quotes: [`sign`](Self::sign) refuses any that holds
/// a quote, a backslash, whitespace, a control or a non-ASCII character.
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
#[derive(Debug, Clone)]
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
    /// [`CryptoError::MalformedAuthorization`] with [`AuthorizationError::Unsendable`] when the
    /// scheme is not a token, or `mchid`, `nonce`, `timestamp` or the serial is empty or holds
    /// anything but visible ASCII other than `"` and `\` (what every receiver reads back
    /// alike); [`CryptoError::OperationFailed`] if `ring` refuses to sign.
    pub fn sign(
        &self,
        request: &RequestParts<'_>,
        timestamp: &str,
        nonce: &str,
    ) -> Result<Authorization, CryptoError> {
        check_scheme(&self.scheme)?;
        check_param("mchid", &self.mchid)?;
        check_param("nonce_str", nonce)?;
        check_param("timestamp", timestamp)?;
        check_param("serial_no", &self.serial_no)?;
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

/// The parser behind [`Authorization::parse`]: RFC 9110 §11.4 `credentials`, with the
/// parameters as a §5.6.1 list.
fn parse(header: &str) -> Result<Authorization, AuthorizationError> {
    let header = header.trim_matches([' ', '\t']);
    if header.is_empty() {
        return Err(AuthorizationError::Empty);
    }
    let scheme_len = header.bytes().take_while(|&b| is_tchar(b)).count();
    let (scheme, after) = header.split_at(scheme_len);
    let params = after.trim_start_matches([' ', '\t']);
    if scheme.is_empty() || params.len() == after.len() {
        return Err(AuthorizationError::MissingScheme);
    }
    let offset = header.len() - params.len();
    let pairs = match parse_params(params, offset) {
        Ok(pairs) => pairs,
        Err(_) if is_token68(params) => return Err(AuthorizationError::Token68),
        Err(error) => return Err(error),
    };
    let mut fields: [(&'static str, Option<String>); 5] = [
        ("mchid", None),
        ("nonce_str", None),
        ("signature", None),
        ("timestamp", None),
        ("serial_no", None),
    ];
    let mut seen: Vec<String> = Vec::with_capacity(pairs.len());
    for (name, value) in pairs {
        let lower = name.to_ascii_lowercase();
        if seen.contains(&lower) {
            return Err(AuthorizationError::DuplicateParameter { name: lower });
        }
        if let Some((_, slot)) = fields.iter_mut().find(|(known, _)| *known == lower) {
            *slot = Some(value);
        }
        seen.push(lower);
    }
    let [mchid, nonce_str, signature, timestamp, serial_no] =
        fields.map(|(name, value)| value.ok_or(AuthorizationError::MissingParameter { name }));
    Ok(Authorization {
        scheme: scheme.to_owned(),
        mchid: mchid?,
        nonce_str: nonce_str?,
        signature: signature?,
        timestamp: timestamp?,
        serial_no: serial_no?,
    })
}

/// `#auth-param`: `token BWS "=" BWS ( token / quoted-string )`, separated by `OWS "," OWS`,
/// empty elements allowed (§5.6.1: recipients accept them). `offset` is where `params` starts
/// in the header, for error positions. Quoted values come back unescaped.
fn parse_params(params: &str, offset: usize) -> Result<Vec<(&str, String)>, AuthorizationError> {
    let bytes = params.as_bytes();
    let syntax = |at: usize| AuthorizationError::Syntax { at: offset + at };
    let skip_ows = |mut i: usize| {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        i
    };
    let mut pairs = Vec::new();
    let mut i = 0;
    loop {
        i = skip_ows(i);
        if i == bytes.len() {
            return Ok(pairs);
        }
        if bytes[i] == b',' {
            i += 1;
            continue;
        }
        let name_start = i;
        while i < bytes.len() && is_tchar(bytes[i]) {
            i += 1;
        }
        if i == name_start {
            return Err(syntax(i));
        }
        let name = &params[name_start..i];
        i = skip_ows(i);
        if bytes.get(i) != Some(&b'=') {
            return Err(syntax(i));
        }
        i = skip_ows(i + 1);
        let value = if bytes.get(i) == Some(&b'"') {
            let (value, end) = quoted_string(params, i).ok_or_else(|| syntax(i))?;
            i = end;
            value
        } else {
            let start = i;
            while i < bytes.len() && is_tchar(bytes[i]) {
                i += 1;
            }
            if i == start {
                return Err(syntax(i));
            }
            params[start..i].to_owned()
        };
        pairs.push((name, value));
        i = skip_ows(i);
        match bytes.get(i) {
            None => return Ok(pairs),
            Some(b',') => i += 1,
            Some(_) => return Err(syntax(i)),
        }
    }
}

/// The quoted-string starting at `start` (its opening `"`), unescaped, and the index after its
/// closing `"`: `DQUOTE *( qdtext / quoted-pair ) DQUOTE`.
fn quoted_string(text: &str, start: usize) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut chars = text[start + 1..].char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((value, start + 1 + at + 1)),
            '\\' => match chars.next() {
                Some((_, escaped)) if escaped == '\t' || !escaped.is_control() => {
                    value.push(escaped);
                }
                _ => return None,
            },
            c if c == '\t' || !c.is_control() => value.push(c),
            _ => return None,
        }
    }
    None
}

/// RFC 9110 `tchar`.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// RFC 9110 `token68`, with trailing whitespace.
fn is_token68(text: &str) -> bool {
    let text = text.trim_end_matches([' ', '\t']);
    let body = text.trim_end_matches('=');
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

/// Refuses a value the receivers' grammar cannot carry as we send it: a quoted parameter of one
/// or more visible ASCII characters other than `"` and `\`.
fn check_param(name: &'static str, value: &str) -> Result<(), AuthorizationError> {
    let problem = if value.is_empty() {
        Some("nothing")
    } else if value.contains(['"', '\\']) {
        Some("a quote or backslash")
    } else if value.bytes().any(|b| !b.is_ascii_graphic()) {
        Some("a space, control character or non-ASCII character")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(AuthorizationError::Unsendable { name, problem }),
        None => Ok(()),
    }
}

/// Refuses a scheme that is not a token.
fn check_scheme(scheme: &str) -> Result<(), AuthorizationError> {
    if !scheme.is_empty() && scheme.bytes().all(is_tchar) {
        Ok(())
    } else {
        Err(AuthorizationError::Unsendable {
            name: "scheme",
            problem: "characters outside a token",
        })
    }
}
