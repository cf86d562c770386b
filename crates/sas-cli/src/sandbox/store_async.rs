//! [`AsyncStore`]: the storage seam the sandbox runs on, asynchronous so that a store can sit
//! on a database (`store_sqlite.rs`); every synchronous [`Store`] (`MemoryStore`) is one. A
//! change that causes callbacks enqueues them with the change, atomically.

use std::future::Future;
use std::pin::Pin;

use sas_core::time::UnixTime;
use sas_hyper::delivery::{Callback, CallbackId, Outbox};

use super::error::SandboxError;
use super::model::{Message, Order, OrderKey, Refund, TemporaryCode, UserProfile};
use super::outbox::SandboxOutbox;
use super::store::{RefundKey, Store};

/// What an [`AsyncStore`] method returns: a boxed future, so the trait stays usable as
/// `dyn AsyncStore`.
pub(crate) type StoreFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, SandboxError>> + Send + 'a>>;

/// What [`AsyncStore::update_order`] runs: the order under the key, if any → the order to store.
pub(crate) type UpdateOrder<'a> =
    dyn FnMut(Option<&Order>) -> Result<Order, SandboxError> + Send + 'a;

/// What [`AsyncStore::request_refund`] runs: the order, its refunds so far, the refund with the
/// same key if any → the refund to store.
pub(crate) type RequestRefund<'a> =
    dyn FnMut(&Order, &[Refund], Option<&Refund>) -> Result<Refund, SandboxError> + Send + 'a;

/// What [`AsyncStore::update_refund_enqueue`] runs: the refund and its order → both as they
/// become.
pub(crate) type UpdateRefund<'a> =
    dyn FnMut(&Refund, &Order) -> Result<(Refund, Order), SandboxError> + Send + 'a;

/// What a change causes: the callbacks to enqueue with it, made from the records as stored.
pub(crate) type Effects<'a, T> = dyn FnMut(&T) -> Result<Vec<Callback>, SandboxError> + Send + 'a;

/// Where the sandbox keeps its state, as the sandbox reaches it: [`Store`]'s operations,
/// asynchronous and fallible so a store can sit on a database. Implementations make each
/// method atomic. Every [`Store`] is one (its operations done at once, never failing).
///
/// Every method fails with [`SandboxError::Internal`] when the storage does (a database that
/// cannot be read or written), besides the errors it lists.
pub(crate) trait AsyncStore: Send + Sync + 'static {
    /// Every user, by user ID.
    fn users(&self) -> StoreFuture<'_, Vec<UserProfile>>;

    /// One user.
    fn user<'a>(&'a self, user_id: &'a str) -> StoreFuture<'a, Option<UserProfile>>;

    /// Keeps a temporary code.
    fn insert_code(&self, code: TemporaryCode) -> StoreFuture<'_, ()>;

    /// Takes a temporary code out (it works once, whatever the caller then decides).
    fn take_code<'a>(&'a self, code: &'a str) -> StoreFuture<'a, Option<TemporaryCode>>;

    /// One order.
    fn order<'a>(&'a self, key: &'a OrderKey) -> StoreFuture<'a, Option<Order>>;

    /// The order of `mchid` whose platform number is `transaction_id`.
    fn order_by_transaction<'a>(
        &'a self,
        mchid: &'a str,
        transaction_id: &'a str,
    ) -> StoreFuture<'a, Option<Order>>;

    /// Every order, oldest first.
    fn orders(&self) -> StoreFuture<'_, Vec<Order>>;

    /// The orders numbered `out_trade_no`, of every merchant, oldest first (one per merchant
    /// at most), found through an index.
    fn orders_numbered<'a>(&'a self, out_trade_no: &'a str) -> StoreFuture<'a, Vec<Order>>;

    /// Replaces the order under `key` with what `change` makes of it (`None` when there is
    /// none yet), atomically; returns the stored order.
    ///
    /// Errors: what `change` returns.
    fn update_order<'a>(
        &'a self,
        key: &'a OrderKey,
        change: &'a mut UpdateOrder<'_>,
    ) -> StoreFuture<'a, Order>;

    /// [`update_order`](Self::update_order), and enqueues the callbacks `effects` makes of the
    /// stored order into `outbox`, due at `now`, in the same step: the order changes if and only
    /// if its callbacks are enqueued (a store in memory enqueues right after the change, into a
    /// memory outbox, which cannot fail). Returns the stored order and the callbacks' IDs, in
    /// `effects`' order. Wake the dispatcher afterwards.
    ///
    /// Errors: what `change` or `effects` returns; [`SandboxError::Internal`] when the outbox
    /// fails (nothing is then changed).
    fn update_order_enqueue<'a>(
        &'a self,
        key: &'a OrderKey,
        change: &'a mut UpdateOrder<'_>,
        effects: &'a mut Effects<'_, Order>,
        outbox: &'a SandboxOutbox,
        now: UnixTime,
    ) -> StoreFuture<'a, (Order, Vec<CallbackId>)>;

    /// One refund.
    fn refund<'a>(&'a self, key: &'a RefundKey) -> StoreFuture<'a, Option<Refund>>;

    /// Every refund, oldest first.
    fn refunds(&self) -> StoreFuture<'_, Vec<Refund>>;

    /// The refunds numbered `out_refund_no`, of every merchant, oldest first (one per merchant
    /// at most), found through an index.
    fn refunds_numbered<'a>(&'a self, out_refund_no: &'a str) -> StoreFuture<'a, Vec<Refund>>;

    /// Adds or finds a refund of the order under `order`: `change` sees the order, its refunds
    /// so far and the refund with the same key if any, and returns the refund to store.
    ///
    /// Errors: [`SandboxError::OrderNotFound`], or what `change` returns.
    fn request_refund<'a>(
        &'a self,
        order: &'a OrderKey,
        key: &'a RefundKey,
        change: &'a mut RequestRefund<'_>,
    ) -> StoreFuture<'a, Refund>;

    /// Replaces a refund and its order with what `change` makes of them, and enqueues the
    /// callbacks `effects` makes of them as stored into `outbox`, due at `now`, in the same step
    /// (as [`update_order_enqueue`](Self::update_order_enqueue) does); returns both records and
    /// the callbacks' IDs.
    ///
    /// Errors: [`SandboxError::RefundNotFound`], or what `change` or `effects` returns;
    /// [`SandboxError::Internal`] when the outbox fails (nothing is then changed).
    fn update_refund_enqueue<'a>(
        &'a self,
        key: &'a RefundKey,
        change: &'a mut UpdateRefund<'_>,
        effects: &'a mut Effects<'_, (Refund, Order)>,
        outbox: &'a SandboxOutbox,
        now: UnixTime,
    ) -> StoreFuture<'a, ((Refund, Order), Vec<CallbackId>)>;

    /// Keeps a subscription message.
    fn push_message(&self, message: Message) -> StoreFuture<'_, ()>;

    /// Every message, oldest first.
    fn messages(&self) -> StoreFuture<'_, Vec<Message>>;
}

/// What a view shows of a list it cannot read: nothing, with a warning in the log.
pub(crate) fn or_empty<T: Default>(what: &str, read: Result<T, SandboxError>) -> T {
    read.unwrap_or_else(|error| {
        tracing::warn!(%error, "cannot read the sandbox's {what}");
        T::default()
    })
}

/// An outbox failure, as the sandbox reports it (500, `INTERNAL_ERROR`).
pub(crate) fn outbox_error(error: impl std::fmt::Display) -> SandboxError {
    SandboxError::Internal(format!("sandbox callback outbox: {error}"))
}

/// Enqueues `callbacks` into a memory `outbox`, which cannot fail, right after the change they
/// come from: no other step runs between, and a crash loses both.
async fn enqueue_after(
    outbox: &SandboxOutbox,
    callbacks: Vec<Callback>,
    now: UnixTime,
) -> Result<Vec<CallbackId>, SandboxError> {
    let mut ids = Vec::with_capacity(callbacks.len());
    for callback in callbacks {
        ids.push(outbox.enqueue(callback, now).await.map_err(outbox_error)?);
    }
    Ok(ids)
}

/// A future that is already done.
fn done<'a, T: Send + 'a>(value: Result<T, SandboxError>) -> StoreFuture<'a, T> {
    Box::pin(std::future::ready(value))
}

impl<S: Store> AsyncStore for S {
    fn users(&self) -> StoreFuture<'_, Vec<UserProfile>> {
        done(Ok(Store::users(self)))
    }

    fn user<'a>(&'a self, user_id: &'a str) -> StoreFuture<'a, Option<UserProfile>> {
        done(Ok(Store::user(self, user_id)))
    }

    fn insert_code(&self, code: TemporaryCode) -> StoreFuture<'_, ()> {
        Store::insert_code(self, code);
        done(Ok(()))
    }

    fn take_code<'a>(&'a self, code: &'a str) -> StoreFuture<'a, Option<TemporaryCode>> {
        done(Ok(Store::take_code(self, code)))
    }

    fn order<'a>(&'a self, key: &'a OrderKey) -> StoreFuture<'a, Option<Order>> {
        done(Ok(Store::order(self, key)))
    }

    fn order_by_transaction<'a>(
        &'a self,
        mchid: &'a str,
        transaction_id: &'a str,
    ) -> StoreFuture<'a, Option<Order>> {
        done(Ok(Store::order_by_transaction(self, mchid, transaction_id)))
    }

    fn orders(&self) -> StoreFuture<'_, Vec<Order>> {
        done(Ok(Store::orders(self)))
    }

    fn orders_numbered<'a>(&'a self, out_trade_no: &'a str) -> StoreFuture<'a, Vec<Order>> {
        done(Ok(Store::orders_numbered(self, out_trade_no)))
    }

    fn update_order<'a>(
        &'a self,
        key: &'a OrderKey,
        change: &'a mut UpdateOrder<'_>,
    ) -> StoreFuture<'a, Order> {
        done(Store::update_order(self, key, change))
    }

    fn update_order_enqueue<'a>(
        &'a self,
        key: &'a OrderKey,
        change: &'a mut UpdateOrder<'_>,
        effects: &'a mut Effects<'_, Order>,
        outbox: &'a SandboxOutbox,
        now: UnixTime,
    ) -> StoreFuture<'a, (Order, Vec<CallbackId>)> {
        // The callbacks are made under the store's lock: when making them fails, nothing changes.
        // They hold the order from the change on, so it is not forgotten while one is pending.
        let mut callbacks = Vec::new();
        let changed = Store::update_order_held(self, key, &mut |current| {
            let new = change(current)?;
            callbacks = effects(&new)?;
            Ok((new, callbacks.len()))
        });
        Box::pin(async move {
            let order = changed?;
            let ids = enqueue_after(outbox, callbacks, now).await?;
            Store::hold(self, key, &ids);
            Ok((order, ids))
        })
    }

    fn refund<'a>(&'a self, key: &'a RefundKey) -> StoreFuture<'a, Option<Refund>> {
        done(Ok(Store::refund(self, key)))
    }

    fn refunds(&self) -> StoreFuture<'_, Vec<Refund>> {
        done(Ok(Store::refunds(self)))
    }

    fn refunds_numbered<'a>(&'a self, out_refund_no: &'a str) -> StoreFuture<'a, Vec<Refund>> {
        done(Ok(Store::refunds_numbered(self, out_refund_no)))
    }

    fn request_refund<'a>(
        &'a self,
        order: &'a OrderKey,
        key: &'a RefundKey,
        change: &'a mut RequestRefund<'_>,
    ) -> StoreFuture<'a, Refund> {
        done(Store::request_refund(self, order, key, change))
    }

    fn update_refund_enqueue<'a>(
        &'a self,
        key: &'a RefundKey,
        change: &'a mut UpdateRefund<'_>,
        effects: &'a mut Effects<'_, (Refund, Order)>,
        outbox: &'a SandboxOutbox,
        now: UnixTime,
    ) -> StoreFuture<'a, ((Refund, Order), Vec<CallbackId>)> {
        let mut callbacks = Vec::new();
        let changed = Store::update_refund_held(self, key, &mut |refund, order| {
            let new = change(refund, order)?;
            callbacks = effects(&new)?;
            Ok((new, callbacks.len()))
        });
        Box::pin(async move {
            let (refund, order) = changed?;
            let ids = enqueue_after(outbox, callbacks, now).await?;
            Store::hold(self, &order.key(), &ids);
            Ok(((refund, order), ids))
        })
    }

    fn push_message(&self, message: Message) -> StoreFuture<'_, ()> {
        Store::push_message(self, message);
        done(Ok(()))
    }

    fn messages(&self) -> StoreFuture<'_, Vec<Message>> {
        done(Ok(Store::messages(self)))
    }
}

#[cfg(test)]
mod tests;
