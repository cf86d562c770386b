//! The sandbox's core: its state, keys, clock and callback dispatcher, shared by the SAS
//! endpoints (`api`) and the admin endpoints (`admin`), and the two operations that play the
//! payment system: paying an order and completing a refund, each with its callback enqueued
//! atomically with the change.

use std::sync::Arc;
use std::time::Duration;

use sas_core::crypto::{ApiV3Key, SecretKey};
use sas_core::time::UnixTime;
use sas_hyper::delivery::{Callback, CallbackId, Deliverable, Dispatcher};
use sas_hyper::time::Clock;

use super::callbacks;
use super::error::SandboxError;
use super::model::{Order, OrderKey, Refund, RefundState};
use super::orders::{self, PayResult};
use super::outbox::SandboxOutbox;
use super::refunds;
use super::store_async::AsyncStore;

/// How long a temporary code of 1.2 works.
pub const CODE_TTL: Duration = Duration::from_secs(300);

/// Everything the sandbox's endpoints share.
pub(crate) struct Core {
    pub(crate) store: Arc<dyn AsyncStore>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) secret: SecretKey,
    pub(crate) api_v3: ApiV3Key,
    pub(crate) dispatcher: Dispatcher<SandboxOutbox>,
}

impl Core {
    pub(crate) fn now(&self) -> UnixTime {
        self.clock.now()
    }

    /// A fresh ID: `prefix` and `bytes` random bytes in upper-case hex.
    pub(crate) fn new_id(prefix: &str, bytes: usize) -> Result<String, SandboxError> {
        crate::keygen::random_hex(bytes)
            .map(|hex| format!("{prefix}{hex}"))
            .map_err(|e| SandboxError::Internal(e.to_string()))
    }

    /// The one order numbered `out_trade_no` (of `mchid`, when given).
    ///
    /// Errors: [`SandboxError::OrderNotFound`]; [`SandboxError::Invalid`] when several
    /// merchants use the number and none is named.
    pub(crate) async fn find_order(
        &self,
        out_trade_no: &str,
        mchid: Option<&str>,
    ) -> Result<Order, SandboxError> {
        if let Some(mchid) = mchid {
            return self
                .store
                .order(&OrderKey::new(mchid, out_trade_no))
                .await?
                .ok_or_else(|| SandboxError::OrderNotFound(out_trade_no.to_owned()));
        }
        let mut found = self.store.orders_numbered(out_trade_no).await?;
        match found.len() {
            0 => Err(SandboxError::OrderNotFound(out_trade_no.to_owned())),
            1 => Ok(found.remove(0)),
            _ => Err(SandboxError::Invalid(format!(
                "several merchants have an order {out_trade_no:?}: name one with ?mchid="
            ))),
        }
    }

    /// The one refund numbered `out_refund_no` (of `mchid`, when given).
    pub(crate) async fn find_refund(
        &self,
        out_refund_no: &str,
        mchid: Option<&str>,
    ) -> Result<Refund, SandboxError> {
        let mut found: Vec<Refund> = match mchid {
            Some(mchid) => {
                let key = (mchid.to_owned(), out_refund_no.to_owned());
                self.store.refund(&key).await?.into_iter().collect()
            }
            None => self.store.refunds_numbered(out_refund_no).await?,
        };
        match found.len() {
            0 => Err(SandboxError::RefundNotFound(out_refund_no.to_owned())),
            1 => Ok(found.remove(0)),
            _ => Err(SandboxError::Invalid(format!(
                "several merchants have a refund {out_refund_no:?}: name one with ?mchid="
            ))),
        }
    }

    /// Plays the user paying (or failing to pay) an order and enqueues its callback (2.2, 3.2
    /// or 4.2) to the order's `TC-Payment-Callback`, atomically: the order changes if and only if
    /// its callback is enqueued. An order already paid is refused, with no second callback.
    pub(crate) async fn pay(
        &self,
        out_trade_no: &str,
        mchid: Option<&str>,
        result: PayResult,
    ) -> Result<(Order, CallbackId), SandboxError> {
        let order = self.find_order(out_trade_no, mchid).await?;
        let now = self.now();
        let (paid, ids) = self
            .store
            .update_order_enqueue(
                &order.key(),
                &mut |current| {
                    let current =
                        current.ok_or_else(|| SandboxError::OrderNotFound(out_trade_no.into()))?;
                    orders::pay(current, result, now)
                },
                &mut |paid| {
                    let url = paid.callback_url.as_str();
                    Ok(vec![match callbacks::payment(self, paid)? {
                        callbacks::Payment::Jsapi(message) => callback(&message, url)?,
                        callbacks::Payment::MiniGame(message) => callback(&message, url)?,
                        callbacks::Payment::MiniProgram(message) => callback(&message, url)?,
                    }])
                },
                self.dispatcher.outbox(),
                now,
            )
            .await?;
        Ok((paid, self.woken(ids)?))
    }

    /// Plays the payment system completing a refund and enqueues its callback (5.1.3 or 5.2.2)
    /// to the refund's `TC-Payment-Callback`, atomically: the refund (and its order) change if
    /// and only if the callback is enqueued.
    pub(crate) async fn complete_refund(
        &self,
        out_refund_no: &str,
        mchid: Option<&str>,
        status: RefundState,
    ) -> Result<(Refund, CallbackId), SandboxError> {
        let refund = self.find_refund(out_refund_no, mchid).await?;
        let now = self.now();
        let key = (refund.mchid.clone(), refund.out_refund_no.clone());
        let ((done, _), ids) = self
            .store
            .update_refund_enqueue(
                &key,
                &mut |current, order| {
                    let done = refunds::complete(current, status, now.as_millis())?;
                    let order = if status == RefundState::Success {
                        orders::mark_refunded(order)
                    } else {
                        order.clone()
                    };
                    Ok((done, order))
                },
                &mut |(done, order)| {
                    let url = done.callback_url.as_str();
                    Ok(vec![if done.is_virtual {
                        callback(&callbacks::virtual_refund(self, done, order)?, url)?
                    } else {
                        callback(&callbacks::refund(self, done, order)?, url)?
                    }])
                },
                self.dispatcher.outbox(),
                now,
            )
            .await?;
        Ok((done, self.woken(ids)?))
    }

    /// Wakes the dispatcher for the callback just enqueued (the first of `ids`).
    fn woken(&self, ids: Vec<CallbackId>) -> Result<CallbackId, SandboxError> {
        self.dispatcher.wake();
        ids.into_iter()
            .next()
            .ok_or_else(|| SandboxError::Internal("no callback was enqueued".to_owned()))
    }
}

/// A callback of `message` to `url`.
fn callback<C: Deliverable>(message: &C, url: &str) -> Result<Callback, SandboxError> {
    Callback::new(message, url).map_err(|e| SandboxError::Internal(e.to_string()))
}

/// Refuses a callback URL the dispatcher could not POST to.
pub(crate) fn check_callback_url(url: &str) -> Result<(), SandboxError> {
    let ok = url.parse::<http::Uri>().is_ok_and(|uri| {
        matches!(uri.scheme_str(), Some("http" | "https")) && uri.authority().is_some()
    });
    if ok {
        Ok(())
    } else {
        Err(SandboxError::Invalid(format!(
            "TC-Payment-Callback {url:?} is not an absolute http(s) URL"
        )))
    }
}
