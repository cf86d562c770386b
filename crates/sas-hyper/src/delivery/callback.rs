//! A callback as the outbox keeps it: which entry, where to, its header values and its JSON
//! body, unsigned. Each attempt turns it back into the typed message and signs it afresh.

use sas_core::api::payment::payment_notification;
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::endpoint::{ApiRequest, PartSource, WirePart};
use serde::{Deserialize, Serialize};

use crate::keys::{self, SigningKeys, UnixTime};

/// The callbacks a superapp sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum CallbackEntry {
    /// 2.2, the result of a standard payment.
    Payment,
    /// 3.2, the result of a mini game's virtual payment.
    MiniGamePayment,
    /// 4.2, the result of a mini program's virtual payment.
    MiniProgramPayment,
    /// 5.1.3, the result of a standard refund.
    Refund,
    /// 5.2.2, the result of a virtual refund.
    VirtualRefund,
}

impl CallbackEntry {
    /// The vendor section (`"2.2"`).
    pub fn section(self) -> &'static str {
        match self {
            Self::Payment => payment_notification::METADATA.section,
            Self::MiniGamePayment => mini_game_payment_notification::METADATA.section,
            Self::MiniProgramPayment => mini_program_payment_notification::METADATA.section,
            Self::Refund => refund_notification::METADATA.section,
            Self::VirtualRefund => virtual_refund_notification::METADATA.section,
        }
    }
}

/// A callback type the dispatcher can deliver: the `Request` of 2.2, 3.2, 4.2, 5.1.3 and 5.2.2.
pub trait Deliverable: ApiRequest + sealed::Sealed {
    /// Which callback it is.
    const ENTRY: CallbackEntry;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! deliverable {
    ($($module:ident => $entry:ident),* $(,)?) => {$(
        impl sealed::Sealed for $module::Request {}
        impl Deliverable for $module::Request {
            const ENTRY: CallbackEntry = CallbackEntry::$entry;
        }
    )*};
}

deliverable! {
    payment_notification => Payment,
    mini_game_payment_notification => MiniGamePayment,
    mini_program_payment_notification => MiniProgramPayment,
    refund_notification => Refund,
    virtual_refund_notification => VirtualRefund,
}

/// A callback waiting for delivery: unsigned, serialisable (durable outboxes store it as is).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Callback {
    /// Which callback.
    pub entry: CallbackEntry,
    /// The target: the order's `TC-Payment-Callback`, used verbatim.
    pub url: String,
    /// The header values it carries (the auth headers are added per attempt).
    pub headers: Vec<(String, String)>,
    /// The JSON body (body signatures are added per attempt).
    pub body: String,
}

/// A callback could not be turned into, or back from, its stored form.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackError {
    /// The body cannot be written or read as the entry's JSON.
    #[error("the callback body is not the entry's JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A header value the entry needs is missing.
    #[error(transparent)]
    Missing(#[from] sas_core::endpoint::MissingPart),
    /// Signing failed: a key is missing, a value breaks the spec, the URL is bad.
    #[error("cannot sign the callback: {0}")]
    Sign(#[from] sas_core::error::IntoHttpError),
}

impl Callback {
    /// The stored form of `message`, to be POSTed to `url`.
    ///
    /// # Errors
    ///
    /// [`CallbackError::Json`] if the body cannot be written (never for generated types);
    /// [`CallbackError::Sign`] if the URL is not an absolute http(s) URL.
    pub fn new<C: Deliverable>(message: &C, url: impl Into<String>) -> Result<Self, CallbackError> {
        let url = url.into();
        let uri: http::Uri =
            url.parse().map_err(|_| sas_core::error::IntoHttpError::BadUrl { url: url.clone() })?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.authority().is_none() {
            return Err(sas_core::error::IntoHttpError::BadUrl { url }.into());
        }
        let headers = message
            .header_values()
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect();
        Ok(Self { entry: C::ENTRY, url, headers, body: serde_json::to_string(message)? })
    }

    /// The typed message again.
    ///
    /// # Errors
    ///
    /// [`CallbackError`] if the stored form is not the entry's.
    pub fn decode<C: Deliverable>(&self) -> Result<C, CallbackError> {
        let mut message: C = serde_json::from_str(&self.body)?;
        message.read_parts(&StoredHeaders(&self.headers))?;
        Ok(message)
    }

    /// The signed request of one attempt, at `now` with `nonce`.
    pub(crate) fn sign(
        &self,
        keys: &SigningKeys,
        now: UnixTime,
        nonce: &str,
    ) -> Result<http::Request<Vec<u8>>, CallbackError> {
        match self.entry {
            CallbackEntry::Payment => {
                self.sign_as::<payment_notification::Request>(keys, now, nonce)
            }
            CallbackEntry::MiniGamePayment => {
                self.sign_as::<mini_game_payment_notification::Request>(keys, now, nonce)
            }
            CallbackEntry::MiniProgramPayment => {
                self.sign_as::<mini_program_payment_notification::Request>(keys, now, nonce)
            }
            CallbackEntry::Refund => self.sign_as::<refund_notification::Request>(keys, now, nonce),
            CallbackEntry::VirtualRefund => {
                self.sign_as::<virtual_refund_notification::Request>(keys, now, nonce)
            }
        }
    }

    fn sign_as<C: Deliverable>(
        &self,
        keys: &SigningKeys,
        now: UnixTime,
        nonce: &str,
    ) -> Result<http::Request<Vec<u8>>, CallbackError> {
        let message: C = self.decode()?;
        Ok(keys::sign(&message, &self.url, keys, now, nonce)?)
    }
}

struct StoredHeaders<'a>(&'a [(String, String)]);

impl PartSource for StoredHeaders<'_> {
    fn get(&self, part: WirePart, name: &str, aliases: &[&str]) -> Option<String> {
        if part != WirePart::Header {
            return None;
        }
        std::iter::once(name).chain(aliases.iter().copied()).find_map(|wanted| {
            self.0.iter().find(|(n, _)| n.eq_ignore_ascii_case(wanted)).map(|(_, v)| v.clone())
        })
    }
}
