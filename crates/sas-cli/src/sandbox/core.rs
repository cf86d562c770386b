//! The sandbox's core: its state, keys, clock and callback dispatcher, shared by the SAS
//! endpoints (`api`) and the admin endpoints (`admin`), and the two operations that play the
//! payment system: paying an order and completing a refund, each followed by its callback.

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
        let mut found: Vec<Order> = self
            .store
            .orders()
            .await?
            .into_iter()
            .filter(|o| o.out_trade_no == out_trade_no)
            .collect();
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
        let mut found: Vec<Refund> = self
            .store
            .refunds()
            .await?
            .into_iter()
            .filter(|r| r.out_refund_no == out_refund_no && mchid.is_none_or(|m| r.mchid == m))
            .collect();
        match found.len() {
            0 => Err(SandboxError::RefundNotFound(out_refund_no.to_owned())),
            1 => Ok(found.remove(0)),
            _ => Err(SandboxError::Invalid(format!(
                "several merchants have a refund {out_refund_no:?}: name one with ?mchid="
            ))),
        }
    }

    /// Plays the user paying (or failing to pay) an order, then enqueues its callback (2.2,
    /// 3.2 or 4.2) to the order's `TC-Payment-Callback`.
    pub(crate) async fn pay(
        &self,
        out_trade_no: &str,
        mchid: Option<&str>,
        result: PayResult,
    ) -> Result<(Order, CallbackId), SandboxError> {
        let order = self.find_order(out_trade_no, mchid).await?;
        let now = self.now();
        let paid = self
            .store
            .update_order(&order.key(), &mut |current| {
                let current =
                    current.ok_or_else(|| SandboxError::OrderNotFound(out_trade_no.into()))?;
                orders::pay(current, result, now)
            })
            .await?;
        let url = paid.callback_url.as_str();
        let id = match callbacks::payment(self, &paid)? {
            callbacks::Payment::Jsapi(message) => self.enqueue(&message, url).await?,
            callbacks::Payment::MiniGame(message) => self.enqueue(&message, url).await?,
            callbacks::Payment::MiniProgram(message) => self.enqueue(&message, url).await?,
        };
        Ok((paid, id))
    }

    /// Plays the payment system completing a refund, then enqueues its callback (5.1.3 or
    /// 5.2.2) to the refund's `TC-Payment-Callback`.
    pub(crate) async fn complete_refund(
        &self,
        out_refund_no: &str,
        mchid: Option<&str>,
        status: RefundState,
    ) -> Result<(Refund, CallbackId), SandboxError> {
        let refund = self.find_refund(out_refund_no, mchid).await?;
        let now = self.now().as_millis();
        let key = (refund.mchid.clone(), refund.out_refund_no.clone());
        let (done, order) = self
            .store
            .update_refund(&key, &mut |current, order| {
                let done = refunds::complete(current, status, now)?;
                let order = if status == RefundState::Success {
                    orders::mark_refunded(order)
                } else {
                    order.clone()
                };
                Ok((done, order))
            })
            .await?;
        let id = if done.is_virtual {
            self.enqueue(&callbacks::virtual_refund(self, &done, &order)?, &done.callback_url)
                .await?
        } else {
            self.enqueue(&callbacks::refund(self, &done, &order)?, &done.callback_url).await?
        };
        Ok((done, id))
    }

    async fn enqueue<C: Deliverable>(
        &self,
        message: &C,
        url: &str,
    ) -> Result<CallbackId, SandboxError> {
        let callback =
            Callback::new(message, url).map_err(|e| SandboxError::Internal(e.to_string()))?;
        self.dispatcher.enqueue(callback).await.map_err(|e| SandboxError::Internal(e.to_string()))
    }
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
