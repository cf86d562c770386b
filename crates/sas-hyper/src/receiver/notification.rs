//! The five callbacks a merchant receives, each opened its own way: 2.2 and 5.1.3 decrypt their
//! resource, 3.2, 4.2 and 5.2.2 parse their signed payload. Each names its notification's
//! identity, for dropping duplicates.

use sas_core::api::payment::payment_notification;
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::auth::Identity;
use sas_core::callback::OpenError;
use sas_core::crypto::ApiV3Key;
use sas_core::endpoint::ApiRequest;

use crate::keys::{self, UnixTime, VerifyingKeys};

/// A callback the receiver can open: the `Request` of 2.2, 3.2, 4.2, 5.1.3 and 5.2.2.
pub trait Notification: ApiRequest + Send + Sync + 'static + sealed::Sealed {
    /// What it carries once opened: the decrypted `Transaction` or `RefundResult`, or the
    /// parsed `Payload`.
    type Event: Clone + std::fmt::Debug + Send + Sync + 'static;

    /// Verifies `request` over its exact bytes, then decrypts or parses it.
    #[doc(hidden)]
    fn open(
        request: &http::Request<bytes::Bytes>,
        keys: &VerifyingKeys,
        api_v3_key: Option<&ApiV3Key>,
        now: UnixTime,
    ) -> Result<(Self, Identity, Self::Event), OpenFailure>;

    /// The notification's identity, the same on every delivery of it: the `id` of 2.2 and
    /// 5.1.3; the order or refund number and the event of the virtual callbacks.
    fn notification_id(callback: &Self, event: &Self::Event) -> String;

    /// The answer that acknowledges it.
    #[doc(hidden)]
    fn acknowledgement() -> Self::Response;
}

/// Why a callback could not be opened.
#[doc(hidden)]
#[derive(Debug)]
pub enum OpenFailure {
    /// Verifying, decrypting or parsing failed.
    Open(OpenError),
    /// The receiver holds no APIv3 key for an encrypted callback.
    NoApiV3Key,
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! encrypted {
    ($($module:ident),*) => {$(
        impl sealed::Sealed for $module::Request {}
        impl Notification for $module::Request {
            type Event = <Self as sas_core::callback::EncryptedCallback>::Resource;

            fn open(
                request: &http::Request<bytes::Bytes>,
                keys: &VerifyingKeys,
                api_v3_key: Option<&ApiV3Key>,
                now: UnixTime,
            ) -> Result<(Self, Identity, Self::Event), OpenFailure> {
                let key = api_v3_key.ok_or(OpenFailure::NoApiV3Key)?;
                let opened = keys::open::<Self, _>(request, keys, key, now).map_err(OpenFailure::Open)?;
                Ok((opened.callback, opened.identity, opened.resource))
            }

            fn notification_id(callback: &Self, _event: &Self::Event) -> String {
                callback.id.clone()
            }

            fn acknowledgement() -> Self::Response {
                acknowledgement()
            }
        }
    )*};
}

macro_rules! signed_payload {
    ($($module:ident => |$callback:ident, $event:ident| $id:expr;)*) => {$(
        impl sealed::Sealed for $module::Request {}
        impl Notification for $module::Request {
            type Event = <Self as sas_core::callback::PayloadCallback>::Payload;

            fn open(
                request: &http::Request<bytes::Bytes>,
                keys: &VerifyingKeys,
                _api_v3_key: Option<&ApiV3Key>,
                now: UnixTime,
            ) -> Result<(Self, Identity, Self::Event), OpenFailure> {
                let opened = keys::read_payload::<Self, _>(request, keys, now).map_err(OpenFailure::Open)?;
                Ok((opened.callback, opened.identity, opened.resource))
            }

            fn notification_id($callback: &Self, $event: &Self::Event) -> String {
                $id
            }

            fn acknowledgement() -> Self::Response {
                acknowledgement()
            }
        }
    )*};
}

encrypted!(payment_notification, refund_notification);

signed_payload! {
    mini_game_payment_notification => |callback, event| format!("{}#{}", event.out_trade_no, callback.event);
    mini_program_payment_notification => |callback, event| format!("{}#{}", event.out_trade_no, callback.event);
    virtual_refund_notification => |callback, event| format!("{}#{}", event.out_refund_no, callback.event);
}

/// The acknowledging `data` of each callback's answer: `true` for 2.2, `"OK"` for the others
/// (PROTOCOL.md §4).
trait Acknowledgement {
    fn acknowledgement() -> Self;
}

fn acknowledgement<T: Acknowledgement>() -> T {
    T::acknowledgement()
}

impl Acknowledgement for payment_notification::Response {
    fn acknowledgement() -> Self {
        Self::new(true)
    }
}

macro_rules! ok_acknowledgement {
    ($($module:ident),*) => {$(
        impl Acknowledgement for $module::Response {
            fn acknowledgement() -> Self {
                Self::new("OK".to_owned())
            }
        }
    )*};
}

ok_acknowledgement!(
    refund_notification,
    mini_game_payment_notification,
    mini_program_payment_notification,
    virtual_refund_notification
);
