//! The storage seam: every operation the sandbox makes on its state, each atomic, and
//! [`MemoryStore`], the in-memory implementation. The sandbox reaches a store through the
//! asynchronous form of this seam, which every [`Store`] has and which the durable SQLite
//! store of `sas sandbox --data` implements directly.
//!
//! Read-modify-write operations take a closure that sees the current records and returns the
//! new ones (the pure functions of `orders` and `refunds`); an implementation runs it inside
//! one transaction, so two requests never interleave on an order.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use super::error::SandboxError;
use super::model::{Message, Order, OrderKey, Refund, TemporaryCode, UserProfile};

/// A refund's key: the merchant and its refund number.
pub type RefundKey = (String, String);

/// What [`Store::request_refund`] runs: the order, its refunds so far, the refund with the
/// same key if any → the refund to store.
pub type RequestRefund<'a> =
    dyn FnMut(&Order, &[Refund], Option<&Refund>) -> Result<Refund, SandboxError> + 'a;

/// What [`Store::update_refund`] runs: the refund and its order → both as they become.
pub type UpdateRefund<'a> =
    dyn FnMut(&Refund, &Order) -> Result<(Refund, Order), SandboxError> + 'a;

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

    /// Keeps a subscription message.
    fn push_message(&self, message: Message);

    /// Every message, oldest first.
    fn messages(&self) -> Vec<Message>;
}

/// A [`Store`] in memory, behind one mutex: lost when the process ends.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    users: BTreeMap<String, UserProfile>,
    codes: BTreeMap<String, TemporaryCode>,
    orders: Vec<Order>,
    order_index: BTreeMap<OrderKey, usize>,
    refunds: Vec<Refund>,
    refund_index: BTreeMap<RefundKey, usize>,
    messages: Vec<Message>,
}

impl MemoryStore {
    /// A store holding `users`.
    pub fn new(users: impl IntoIterator<Item = UserProfile>) -> Self {
        let users = users.into_iter().map(|user| (user.user_id.clone(), user)).collect();
        Self { inner: Mutex::new(Inner { users, ..Inner::default() }) }
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
        let inner = self.lock();
        inner.order_index.get(key).and_then(|&i| inner.orders.get(i)).cloned()
    }

    fn order_by_transaction(&self, mchid: &str, transaction_id: &str) -> Option<Order> {
        let inner = self.lock();
        inner
            .orders
            .iter()
            .find(|o| o.mchid == mchid && o.transaction_id == transaction_id)
            .cloned()
    }

    fn orders(&self) -> Vec<Order> {
        self.lock().orders.clone()
    }

    fn update_order(
        &self,
        key: &OrderKey,
        change: &mut dyn FnMut(Option<&Order>) -> Result<Order, SandboxError>,
    ) -> Result<Order, SandboxError> {
        let mut inner = self.lock();
        let index = inner.order_index.get(key).copied();
        let new = change(index.and_then(|i| inner.orders.get(i)))?;
        match index.and_then(|i| inner.orders.get_mut(i)) {
            Some(slot) => *slot = new.clone(),
            None => {
                let at = inner.orders.len();
                inner.orders.push(new.clone());
                inner.order_index.insert(key.clone(), at);
            }
        }
        Ok(new)
    }

    fn refund(&self, key: &RefundKey) -> Option<Refund> {
        let inner = self.lock();
        inner.refund_index.get(key).and_then(|&i| inner.refunds.get(i)).cloned()
    }

    fn refunds(&self) -> Vec<Refund> {
        self.lock().refunds.clone()
    }

    fn request_refund(
        &self,
        order: &OrderKey,
        key: &RefundKey,
        change: &mut RequestRefund<'_>,
    ) -> Result<Refund, SandboxError> {
        let mut inner = self.lock();
        let Some(found) = inner.order_index.get(order).and_then(|&i| inner.orders.get(i)) else {
            return Err(SandboxError::OrderNotFound(order.out_trade_no.clone()));
        };
        let of_order: Vec<Refund> = inner
            .refunds
            .iter()
            .filter(|r| r.mchid == order.mchid && r.out_trade_no == order.out_trade_no)
            .cloned()
            .collect();
        let existing = inner.refund_index.get(key).and_then(|&i| inner.refunds.get(i));
        let new = change(found, &of_order, existing)?;
        match inner.refund_index.get(key).copied() {
            Some(i) => {
                if let Some(slot) = inner.refunds.get_mut(i) {
                    *slot = new.clone();
                }
            }
            None => {
                let at = inner.refunds.len();
                inner.refunds.push(new.clone());
                inner.refund_index.insert(refund_key(&new), at);
            }
        }
        Ok(new)
    }

    fn update_refund(
        &self,
        key: &RefundKey,
        change: &mut UpdateRefund<'_>,
    ) -> Result<(Refund, Order), SandboxError> {
        let mut inner = self.lock();
        let not_found = || SandboxError::RefundNotFound(key.1.clone());
        let refund_at = inner.refund_index.get(key).copied().ok_or_else(not_found)?;
        let refund = inner.refunds.get(refund_at).ok_or_else(not_found)?;
        let order_key = OrderKey::new(&refund.mchid, &refund.out_trade_no);
        let order_at = inner
            .order_index
            .get(&order_key)
            .copied()
            .ok_or_else(|| SandboxError::OrderNotFound(order_key.out_trade_no.clone()))?;
        let order = inner.orders.get(order_at).ok_or_else(not_found)?;
        let (new_refund, new_order) = change(refund, order)?;
        if let Some(slot) = inner.refunds.get_mut(refund_at) {
            *slot = new_refund.clone();
        }
        if let Some(slot) = inner.orders.get_mut(order_at) {
            *slot = new_order.clone();
        }
        Ok((new_refund, new_order))
    }

    fn push_message(&self, message: Message) {
        self.lock().messages.push(message);
    }

    fn messages(&self) -> Vec<Message> {
        self.lock().messages.clone()
    }
}
