//! The storage seam: every operation the sandbox makes on its state, each atomic, and
//! [`MemoryStore`], the in-memory implementation. The sandbox reaches a store through the
//! asynchronous form of this seam, which every [`Store`] has and which the durable SQLite
//! store of `sas sandbox --data` implements directly.
//!
//! Read-modify-write operations take a closure that sees the current records and returns the
//! new ones (the pure functions of `orders` and `refunds`); an implementation runs it inside
//! one transaction, so two requests never interleave on an order.
//!
//! [`MemoryStore`] finds every record by its key or number through an index (no request scans
//! the records), and [`MemoryStore::with_history`] bounds what it keeps: the oldest finished
//! orders, with their refunds, and the oldest messages go first. The least recently finished
//! order goes first, and never while a callback about it is still pending: the callbacks a
//! change enqueues hold its order ([`Store::update_order_held`], [`Store::hold`]) until the
//! outbox settles them ([`Store::settled`]).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Mutex, MutexGuard};

use sas_hyper::delivery::CallbackId;

use super::error::SandboxError;
use super::model::{
    Message, Order, OrderKey, Refund, RefundState, TemporaryCode, TradeState, UserProfile,
};

/// A refund's key: the merchant and its refund number.
pub type RefundKey = (String, String);

/// What [`Store::request_refund`] runs: the order, its refunds so far, the refund with the
/// same key if any → the refund to store.
pub type RequestRefund<'a> =
    dyn FnMut(&Order, &[Refund], Option<&Refund>) -> Result<Refund, SandboxError> + 'a;

/// What [`Store::update_refund`] runs: the refund and its order → both as they become.
pub type UpdateRefund<'a> =
    dyn FnMut(&Refund, &Order) -> Result<(Refund, Order), SandboxError> + 'a;

/// What [`Store::update_order_held`] runs: the order under the key, if any → the order to store
/// and how many callbacks about it are about to be enqueued.
pub type UpdateOrderHeld<'a> =
    dyn FnMut(Option<&Order>) -> Result<(Order, usize), SandboxError> + 'a;

/// What [`Store::update_refund_held`] runs: the refund and its order → both as they become, and
/// how many callbacks about them are about to be enqueued.
pub type UpdateRefundHeld<'a> =
    dyn FnMut(&Refund, &Order) -> Result<((Refund, Order), usize), SandboxError> + 'a;

/// Where the sandbox keeps its state. Implementations make each method atomic.
pub trait Store: Send + Sync + 'static {
    /// Every user, by user ID.
    fn users(&self) -> Vec<UserProfile>;

    /// One user.
    fn user(&self, user_id: &str) -> Option<UserProfile>;

    /// Keeps a temporary code.
    fn insert_code(&self, code: TemporaryCode);

    /// Takes a temporary code out (it works once, whatever the caller then decides).
    fn take_code(&self, code: &str) -> Option<TemporaryCode>;

    /// One order.
    fn order(&self, key: &OrderKey) -> Option<Order>;

    /// The order of `mchid` whose platform number is `transaction_id`.
    fn order_by_transaction(&self, mchid: &str, transaction_id: &str) -> Option<Order>;

    /// Every order, oldest first.
    fn orders(&self) -> Vec<Order>;

    /// The orders numbered `out_trade_no`, of every merchant, oldest first (a merchant's
    /// numbers are unique, so there is one per merchant at most). The default filters
    /// [`orders`](Self::orders); an implementation that can should look the number up.
    fn orders_numbered(&self, out_trade_no: &str) -> Vec<Order> {
        self.orders().into_iter().filter(|o| o.out_trade_no == out_trade_no).collect()
    }

    /// Replaces the order under `key` with what `change` makes of it (`None` when there is
    /// none yet), atomically; returns the stored order.
    fn update_order(
        &self,
        key: &OrderKey,
        change: &mut dyn FnMut(Option<&Order>) -> Result<Order, SandboxError>,
    ) -> Result<Order, SandboxError>;

    /// One refund.
    fn refund(&self, key: &RefundKey) -> Option<Refund>;

    /// Every refund, oldest first.
    fn refunds(&self) -> Vec<Refund>;

    /// The refunds numbered `out_refund_no`, of every merchant, oldest first. The default
    /// filters [`refunds`](Self::refunds); an implementation that can should look the number
    /// up.
    fn refunds_numbered(&self, out_refund_no: &str) -> Vec<Refund> {
        self.refunds().into_iter().filter(|r| r.out_refund_no == out_refund_no).collect()
    }

    /// Adds or finds a refund of the order under `order`: `change` sees the order, its refunds
    /// so far and the refund with the same key if any, and returns the refund to store.
    ///
    /// Errors: [`SandboxError::OrderNotFound`], or what `change` returns.
    fn request_refund(
        &self,
        order: &OrderKey,
        key: &RefundKey,
        change: &mut RequestRefund<'_>,
    ) -> Result<Refund, SandboxError>;

    /// Replaces a refund and its order with what `change` makes of them, atomically.
    ///
    /// Errors: [`SandboxError::RefundNotFound`], or what `change` returns.
    fn update_refund(
        &self,
        key: &RefundKey,
        change: &mut UpdateRefund<'_>,
    ) -> Result<(Refund, Order), SandboxError>;

    /// [`update_order`](Self::update_order), where `change` also says how many callbacks about
    /// the order are about to be enqueued: a store that forgets finished orders keeps the order
    /// until each is settled (registered with [`hold`](Self::hold), then [`settled`](Self::settled)).
    /// The default ignores the count.
    fn update_order_held(
        &self,
        key: &OrderKey,
        change: &mut UpdateOrderHeld<'_>,
    ) -> Result<Order, SandboxError> {
        self.update_order(key, &mut |current| change(current).map(|(order, _)| order))
    }

    /// [`update_refund`](Self::update_refund), where `change` also says how many callbacks
    /// about the refund's order are about to be enqueued (as
    /// [`update_order_held`](Self::update_order_held)). The default ignores the count.
    fn update_refund_held(
        &self,
        key: &RefundKey,
        change: &mut UpdateRefundHeld<'_>,
    ) -> Result<(Refund, Order), SandboxError> {
        self.update_refund(key, &mut |refund, order| change(refund, order).map(|(new, _)| new))
    }

    /// The callbacks counted by the last [`update_order_held`](Self::update_order_held) or
    /// [`update_refund_held`](Self::update_refund_held) of the order under `order`, as enqueued:
    /// each holds the order until [`settled`](Self::settled). The default does nothing.
    fn hold(&self, order: &OrderKey, ids: &[CallbackId]) {
        let _ = (order, ids);
    }

    /// The outbox is done with callback `id`: delivered, or `dead` after its last attempt. The
    /// order it was about no longer waits for it. The default does nothing.
    fn settled(&self, id: CallbackId, dead: bool) {
        let _ = (id, dead);
    }

    /// Dead callback `id` is about to be delivered again: it holds its order again, if the order
    /// is still kept, until [`settled`](Self::settled). Returns whether the store counts it as
    /// pending again (then, should the redelivery be refused, call [`settled`](Self::settled)
    /// with `dead`). The default does nothing.
    fn redelivering(&self, id: CallbackId) -> bool {
        let _ = id;
        false
    }

    /// Keeps a subscription message.
    fn push_message(&self, message: Message);

    /// Every message, oldest first.
    fn messages(&self) -> Vec<Message>;
}

/// A [`Store`] in memory, behind one mutex: lost when the process ends.
///
/// Every lookup a request makes (by key, by order or refund number, by platform number) goes
/// through an index. [`MemoryStore::new`] keeps every record; [`MemoryStore::with_history`]
/// keeps a bounded history, so that a long-running sandbox does not grow without end.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

/// Records by the sequence number they were first stored under (oldest first), with indexes.
#[derive(Debug, Default)]
struct Inner {
    users: BTreeMap<String, UserProfile>,
    codes: BTreeMap<String, TemporaryCode>,
    next_seq: u64,
    orders: BTreeMap<u64, Order>,
    order_index: BTreeMap<OrderKey, u64>,
    /// `out_trade_no` → the orders of every merchant so numbered.
    orders_by_number: BTreeMap<String, Vec<u64>>,
    /// `transaction_id` → the orders so numbered.
    orders_by_transaction: BTreeMap<String, Vec<u64>>,
    refunds: BTreeMap<u64, Refund>,
    refund_index: BTreeMap<RefundKey, u64>,
    /// `out_refund_no` → the refunds of every merchant so numbered.
    refunds_by_number: BTreeMap<String, Vec<u64>>,
    /// An order → its refunds, oldest first.
    refunds_by_order: BTreeMap<OrderKey, Vec<u64>>,
    messages: VecDeque<Message>,
    /// How many finished orders (and messages) to keep; `None` keeps everything.
    history: Option<usize>,
    /// The last finishing sequence number: bumped on every change that makes or keeps an order
    /// finished.
    next_finish: u64,
    /// The finished orders, while a history is kept: order → when it last finished.
    finished_at: BTreeMap<u64, u64>,
    /// The finished orders with no callback pending, least recently finished first:
    /// (finishing sequence number, order). These may be forgotten.
    evictable: BTreeSet<(u64, u64)>,
    /// Order → how many callbacks about it are pending (absent when none).
    pending: BTreeMap<u64, usize>,
    /// A pending callback → the order it is about.
    held: BTreeMap<CallbackId, u64>,
    /// Callbacks settled before [`Store::hold`] named them → whether they died.
    settled_early: BTreeMap<CallbackId, bool>,
    /// A dead callback → the order it was about, should it be redelivered.
    dead: BTreeMap<CallbackId, u64>,
}

impl MemoryStore {
    /// A store holding `users` that keeps every record.
    pub fn new(users: impl IntoIterator<Item = UserProfile>) -> Self {
        Self::with(users, None)
    }

    /// A store holding `users` that keeps a bounded history: at most `orders` finished orders
    /// (at least one) and as many messages.
    ///
    /// An order is finished once it is paid, refunded or closed and none of its refunds is
    /// still `PROCESSING`. When one more order finishes beyond the bound, the least recently
    /// finished one (a change that keeps an order finished, such as a refund completing, counts
    /// as finishing it again) is forgotten with its refunds, as if never placed: queries
    /// of it answer `ORDER_NOT_EXIST` (or `RESOURCE_NOT_EXISTS` for its refunds) and its number
    /// is free again. Orders still unpaid (`NOTPAY`, or `PAYERROR` and payable again), orders
    /// with a refund in progress and orders with a callback still pending in the outbox (held
    /// through [`Store::update_order_held`] and [`Store::hold`] until [`Store::settled`]) are
    /// never forgotten, nor are users or temporary codes; a finished order whose last callback
    /// settles may then be forgotten in turn.
    /// When a message arrives beyond the bound, the oldest one is forgotten.
    pub fn with_history(users: impl IntoIterator<Item = UserProfile>, orders: usize) -> Self {
        Self::with(users, Some(orders.max(1)))
    }

    fn with(users: impl IntoIterator<Item = UserProfile>, history: Option<usize>) -> Self {
        let users = users.into_iter().map(|user| (user.user_id.clone(), user)).collect();
        Self { inner: Mutex::new(Inner { users, history, ..Inner::default() }) }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Every change below is made in one step, so a poisoned lock still guards consistent
        // data.
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn refund_key(refund: &Refund) -> RefundKey {
    (refund.mchid.clone(), refund.out_refund_no.clone())
}

/// Adds `seq` under `key` of a many-valued index.
fn index_add<K: Ord>(index: &mut BTreeMap<K, Vec<u64>>, key: K, seq: u64) {
    index.entry(key).or_default().push(seq);
}

/// Removes `seq` from under `key` of a many-valued index (and the key, when it was the last).
fn index_remove<K: Ord>(index: &mut BTreeMap<K, Vec<u64>>, key: &K, seq: u64) {
    if let Some(seqs) = index.get_mut(key) {
        seqs.retain(|&s| s != seq);
        if seqs.is_empty() {
            index.remove(key);
        }
    }
}

/// The records under `seqs` of a many-valued index.
fn indexed<T: Clone>(records: &BTreeMap<u64, T>, seqs: Option<&Vec<u64>>) -> Vec<T> {
    seqs.into_iter().flatten().filter_map(|seq| records.get(seq)).cloned().collect()
}

impl Inner {
    fn order_at(&self, key: &OrderKey) -> Option<(u64, &Order)> {
        let seq = *self.order_index.get(key)?;
        Some((seq, self.orders.get(&seq)?))
    }

    fn refund_at(&self, key: &RefundKey) -> Option<(u64, &Refund)> {
        let seq = *self.refund_index.get(key)?;
        Some((seq, self.refunds.get(&seq)?))
    }

    /// Stores `order` under `key`, replacing the order stored there (if any).
    fn put_order(&mut self, key: &OrderKey, order: Order) {
        match self.order_index.get(key).copied() {
            Some(seq) => {
                let transaction_id = order.transaction_id.clone();
                if let Some(old) = self.orders.insert(seq, order)
                    && old.transaction_id != transaction_id
                {
                    index_remove(&mut self.orders_by_transaction, &old.transaction_id, seq);
                    index_add(&mut self.orders_by_transaction, transaction_id, seq);
                }
            }
            None => {
                self.next_seq += 1;
                let seq = self.next_seq;
                self.order_index.insert(key.clone(), seq);
                index_add(&mut self.orders_by_number, key.out_trade_no.clone(), seq);
                index_add(&mut self.orders_by_transaction, order.transaction_id.clone(), seq);
                self.orders.insert(seq, order);
            }
        }
    }

    /// Stores `refund` under `key`, replacing the refund stored there (if any).
    fn put_refund(&mut self, key: &RefundKey, refund: Refund) {
        match self.refund_index.get(key).copied() {
            Some(seq) => {
                self.refunds.insert(seq, refund);
            }
            None => {
                self.next_seq += 1;
                let seq = self.next_seq;
                self.refund_index.insert(key.clone(), seq);
                index_add(&mut self.refunds_by_number, key.1.clone(), seq);
                let order = OrderKey::new(&refund.mchid, &refund.out_trade_no);
                index_add(&mut self.refunds_by_order, order, seq);
                self.refunds.insert(seq, refund);
            }
        }
    }

    /// The refunds of the order under `key`, oldest first.
    fn refunds_of(&self, key: &OrderKey) -> Vec<Refund> {
        indexed(&self.refunds, self.refunds_by_order.get(key))
    }

    /// Whether nothing is left to happen to the order under `key`: it is paid, refunded or
    /// closed, and none of its refunds is in progress.
    fn is_finished(&self, key: &OrderKey, order: &Order) -> bool {
        matches!(order.state, TradeState::Success | TradeState::Refund | TradeState::Closed)
            && self
                .refunds_by_order
                .get(key)
                .into_iter()
                .flatten()
                .all(|seq| self.refunds.get(seq).is_none_or(|r| r.state != RefundState::Processing))
    }

    /// After a change to the order under `key`, with `callbacks` callbacks about it about to be
    /// enqueued: counts it as finished (just now) or not, and forgets the least recently
    /// finished orders beyond the history.
    fn changed(&mut self, key: &OrderKey, callbacks: usize) {
        if self.history.is_none() {
            return;
        }
        if let Some((seq, order)) = self.order_at(key) {
            let finished = self.is_finished(key, order);
            if callbacks > 0 {
                *self.pending.entry(seq).or_default() += callbacks;
            }
            if let Some(at) = self.finished_at.remove(&seq) {
                self.evictable.remove(&(at, seq));
            }
            if finished {
                self.next_finish += 1;
                let at = self.next_finish;
                self.finished_at.insert(seq, at);
                if !self.pending.contains_key(&seq) {
                    self.evictable.insert((at, seq));
                }
            }
        }
        self.evict();
    }

    /// Forgets the least recently finished orders beyond the history.
    fn evict(&mut self) {
        let Some(keep) = self.history else { return };
        while self.evictable.len() > keep {
            if let Some((_, oldest)) = self.evictable.pop_first() {
                self.forget_order(oldest);
            }
        }
    }

    /// One callback about the order under `seq` is no longer pending.
    fn release(&mut self, seq: u64) {
        let Some(count) = self.pending.get_mut(&seq) else { return };
        *count = count.saturating_sub(1);
        if *count > 0 {
            return;
        }
        self.pending.remove(&seq);
        if let Some(&at) = self.finished_at.get(&seq) {
            self.evictable.insert((at, seq));
            self.evict();
        }
    }

    /// Callback `id` about the order under `seq` settled: delivered, or `dead`.
    fn settle(&mut self, id: CallbackId, seq: u64, dead: bool) {
        if dead {
            self.dead.insert(id, seq);
        }
        self.release(seq);
    }

    /// Forgets the order under `seq` and its refunds.
    fn forget_order(&mut self, seq: u64) {
        if let Some(at) = self.finished_at.remove(&seq) {
            self.evictable.remove(&(at, seq));
        }
        self.pending.remove(&seq);
        let Some(order) = self.orders.remove(&seq) else { return };
        let key = order.key();
        self.order_index.remove(&key);
        index_remove(&mut self.orders_by_number, &key.out_trade_no, seq);
        index_remove(&mut self.orders_by_transaction, &order.transaction_id, seq);
        for refund_seq in self.refunds_by_order.remove(&key).unwrap_or_default() {
            if let Some(refund) = self.refunds.remove(&refund_seq) {
                let refund_key = refund_key(&refund);
                self.refund_index.remove(&refund_key);
                index_remove(&mut self.refunds_by_number, &refund_key.1, refund_seq);
            }
        }
    }
}

impl Store for MemoryStore {
    fn users(&self) -> Vec<UserProfile> {
        self.lock().users.values().cloned().collect()
    }

    fn user(&self, user_id: &str) -> Option<UserProfile> {
        self.lock().users.get(user_id).cloned()
    }

    fn insert_code(&self, code: TemporaryCode) {
        self.lock().codes.insert(code.code.clone(), code);
    }

    fn take_code(&self, code: &str) -> Option<TemporaryCode> {
        self.lock().codes.remove(code)
    }

    fn order(&self, key: &OrderKey) -> Option<Order> {
        self.lock().order_at(key).map(|(_, order)| order.clone())
    }

    fn order_by_transaction(&self, mchid: &str, transaction_id: &str) -> Option<Order> {
        let inner = self.lock();
        inner
            .orders_by_transaction
            .get(transaction_id)?
            .iter()
            .filter_map(|seq| inner.orders.get(seq))
            .find(|o| o.mchid == mchid)
            .cloned()
    }

    fn orders(&self) -> Vec<Order> {
        self.lock().orders.values().cloned().collect()
    }

    fn orders_numbered(&self, out_trade_no: &str) -> Vec<Order> {
        let inner = self.lock();
        indexed(&inner.orders, inner.orders_by_number.get(out_trade_no))
    }

    fn update_order(
        &self,
        key: &OrderKey,
        change: &mut dyn FnMut(Option<&Order>) -> Result<Order, SandboxError>,
    ) -> Result<Order, SandboxError> {
        // A change that enqueues no callback holds nothing.
        self.update_order_held(key, &mut |order| change(order).map(|new| (new, 0)))
    }

    fn refund(&self, key: &RefundKey) -> Option<Refund> {
        self.lock().refund_at(key).map(|(_, refund)| refund.clone())
    }

    fn refunds(&self) -> Vec<Refund> {
        self.lock().refunds.values().cloned().collect()
    }

    fn refunds_numbered(&self, out_refund_no: &str) -> Vec<Refund> {
        let inner = self.lock();
        indexed(&inner.refunds, inner.refunds_by_number.get(out_refund_no))
    }

    fn request_refund(
        &self,
        order: &OrderKey,
        key: &RefundKey,
        change: &mut RequestRefund<'_>,
    ) -> Result<Refund, SandboxError> {
        let mut inner = self.lock();
        let Some((_, found)) = inner.order_at(order) else {
            return Err(SandboxError::OrderNotFound(order.out_trade_no.clone()));
        };
        let of_order = inner.refunds_of(order);
        let existing = inner.refund_at(key).map(|(_, refund)| refund);
        let new = change(found, &of_order, existing)?;
        let stored_under = if existing.is_some() { key.clone() } else { refund_key(&new) };
        inner.put_refund(&stored_under, new.clone());
        inner.changed(&OrderKey::new(&new.mchid, &new.out_trade_no), 0);
        Ok(new)
    }

    fn update_refund(
        &self,
        key: &RefundKey,
        change: &mut UpdateRefund<'_>,
    ) -> Result<(Refund, Order), SandboxError> {
        // A change that enqueues no callback holds nothing.
        self.update_refund_held(key, &mut |refund, order| {
            change(refund, order).map(|both| (both, 0))
        })
    }

    fn update_order_held(
        &self,
        key: &OrderKey,
        change: &mut UpdateOrderHeld<'_>,
    ) -> Result<Order, SandboxError> {
        let mut inner = self.lock();
        let (new, callbacks) = change(inner.order_at(key).map(|(_, order)| order))?;
        inner.put_order(key, new.clone());
        inner.changed(key, callbacks);
        Ok(new)
    }

    fn update_refund_held(
        &self,
        key: &RefundKey,
        change: &mut UpdateRefundHeld<'_>,
    ) -> Result<(Refund, Order), SandboxError> {
        let mut inner = self.lock();
        let (_, refund) =
            inner.refund_at(key).ok_or_else(|| SandboxError::RefundNotFound(key.1.clone()))?;
        let order_key = OrderKey::new(&refund.mchid, &refund.out_trade_no);
        let (_, order) = inner
            .order_at(&order_key)
            .ok_or_else(|| SandboxError::OrderNotFound(order_key.out_trade_no.clone()))?;
        let ((new_refund, new_order), callbacks) = change(refund, order)?;
        inner.put_refund(key, new_refund.clone());
        inner.put_order(&order_key, new_order.clone());
        inner.changed(&order_key, callbacks);
        Ok((new_refund, new_order))
    }

    fn hold(&self, order: &OrderKey, ids: &[CallbackId]) {
        let mut inner = self.lock();
        if inner.history.is_none() {
            return;
        }
        // A held order is never forgotten, so it is still under its key.
        let Some(&seq) = inner.order_index.get(order) else { return };
        for &id in ids {
            match inner.settled_early.remove(&id) {
                Some(dead) => inner.settle(id, seq, dead),
                None => {
                    inner.held.insert(id, seq);
                }
            }
        }
    }

    fn settled(&self, id: CallbackId, dead: bool) {
        let mut inner = self.lock();
        if inner.history.is_none() {
            return;
        }
        match inner.held.remove(&id) {
            Some(seq) => inner.settle(id, seq, dead),
            // Delivered before `hold` named it: `hold` settles it.
            None => {
                inner.settled_early.insert(id, dead);
            }
        }
    }

    fn redelivering(&self, id: CallbackId) -> bool {
        let mut inner = self.lock();
        let Some(seq) = inner.dead.remove(&id) else { return false };
        // Settled again later (whatever became of its order meanwhile).
        inner.held.insert(id, seq);
        if inner.orders.contains_key(&seq) {
            *inner.pending.entry(seq).or_default() += 1;
            if let Some(&at) = inner.finished_at.get(&seq) {
                inner.evictable.remove(&(at, seq));
            }
        }
        true
    }

    fn push_message(&self, message: Message) {
        let mut inner = self.lock();
        inner.messages.push_back(message);
        if let Some(keep) = inner.history {
            while inner.messages.len() > keep {
                inner.messages.pop_front();
            }
        }
    }

    fn messages(&self) -> Vec<Message> {
        self.lock().messages.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests;
