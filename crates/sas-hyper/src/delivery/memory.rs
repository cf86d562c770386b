//! The in-memory outbox: everything behind one mutex, lost when the process ends (durable
//! outboxes implement the same trait).
//!
//! Pending callbacks are indexed by when they are due, so leasing and [`Outbox::next_due`] take
//! O(log n) besides the callbacks they return, however many records the outbox holds; with
//! [`MemoryOutbox::with_retention`] the delivered records it keeps are bounded too.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use super::Callback;
use super::outbox::{Attempt, CallbackId, Lease, Leased, Outbox, OutboxError, Record, State};
use crate::keys::UnixTime;

/// An [`Outbox`] in memory.
///
/// By default it keeps every record. [`with_retention`](Self::with_retention) bounds the
/// delivered ones, which a long-running process would otherwise accumulate.
#[derive(Debug, Default)]
pub struct MemoryOutbox {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next_id: u64,
    next_token: u64,
    items: BTreeMap<CallbackId, Item>,
    /// Pending callbacks not under a lease (or whose lease expired), by next attempt.
    ready: BTreeSet<(UnixTime, CallbackId)>,
    /// Pending callbacks under a lease, by when they may be leased again (the later of the
    /// lease's end and the next attempt).
    leased: BTreeSet<(UnixTime, CallbackId)>,
    /// Delivered callbacks, in the order they were delivered (only with a retention).
    delivered: VecDeque<CallbackId>,
    /// How many delivered records to keep; `None` keeps them all.
    retention: Option<usize>,
}

#[derive(Debug)]
struct Item {
    record: Record,
    lease: Option<Lease>,
}

impl Item {
    /// Where the item sits in the due index while pending.
    fn due_key(&self) -> (UnixTime, CallbackId) {
        match self.lease {
            Some(lease) => (lease.until.max(self.record.next_attempt_at), self.record.id),
            None => (self.record.next_attempt_at, self.record.id),
        }
    }
}

impl MemoryOutbox {
    /// An empty outbox that keeps every record.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty outbox that keeps at most `delivered` delivered records: when one more is
    /// delivered, the record delivered longest ago is dropped ([`Outbox::get`] then answers
    /// [`OutboxError::NotFound`] for it). Pending and dead records are always kept, so nothing
    /// still to be delivered, or to be redelivered on request, is ever dropped.
    pub fn with_retention(delivered: usize) -> Self {
        Self { inner: Mutex::new(Inner { retention: Some(delivered), ..Inner::default() }) }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere while holding the lock leaves consistent data: every change below is
        // made in one step.
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn add(time: UnixTime, by: Duration) -> UnixTime {
    let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
    UnixTime::from_millis(time.as_millis().saturating_add(by))
}

impl Inner {
    /// The item `lease` names, if the lease is still its own, taken out of the due index.
    fn leased_item(&mut self, lease: Lease) -> Result<&mut Item, OutboxError> {
        let item = self.items.get_mut(&lease.id).ok_or(OutboxError::NotFound(lease.id))?;
        if item.record.state != State::Pending
            || item.lease.map(|own| own.token) != Some(lease.token)
        {
            return Err(OutboxError::LeaseLost(lease.id));
        }
        let key = item.due_key();
        if !self.leased.remove(&key) {
            // A lease that expired was moved back to the ready callbacks.
            self.ready.remove(&(item.record.next_attempt_at, item.record.id));
        }
        Ok(item)
    }

    /// Counts `id` as delivered, dropping the oldest delivered records beyond the retention.
    fn delivered(&mut self, id: CallbackId) {
        let Some(keep) = self.retention else { return };
        self.delivered.push_back(id);
        while self.delivered.len() > keep {
            if let Some(oldest) = self.delivered.pop_front() {
                self.items.remove(&oldest);
            }
        }
    }
}

impl Outbox for MemoryOutbox {
    async fn enqueue(&self, callback: Callback, now: UnixTime) -> Result<CallbackId, OutboxError> {
        let mut inner = self.lock();
        inner.next_id += 1;
        let id = CallbackId(inner.next_id);
        inner.items.insert(id, Item { record: Record::new(id, callback, now), lease: None });
        inner.ready.insert((now, id));
        Ok(id)
    }

    async fn lease_due(
        &self,
        now: UnixTime,
        max: usize,
        lease_for: Duration,
    ) -> Result<Vec<Leased>, OutboxError> {
        let mut inner = self.lock();
        let inner = &mut *inner;
        // Leases that expired give their callbacks back, due since their next attempt.
        while let Some(&(until, id)) = inner.leased.first() {
            if until > now {
                break;
            }
            inner.leased.pop_first();
            if let Some(item) = inner.items.get(&id) {
                inner.ready.insert((item.record.next_attempt_at, id));
            }
        }
        let due: Vec<CallbackId> = inner
            .ready
            .iter()
            .take_while(|(at, _)| *at <= now)
            .take(max)
            .map(|&(_, id)| id)
            .collect();
        let mut leased = Vec::with_capacity(due.len());
        for id in due {
            inner.next_token += 1;
            let lease = Lease::new(id, inner.next_token, add(now, lease_for));
            if let Some(item) = inner.items.get_mut(&id) {
                inner.ready.remove(&(item.record.next_attempt_at, id));
                item.lease = Some(lease);
                inner.leased.insert(item.due_key());
                leased.push(Leased::new(
                    lease,
                    item.record.callback.clone(),
                    item.record.round_attempts,
                ));
            }
        }
        Ok(leased)
    }

    async fn mark_delivered(&self, lease: Lease, attempt: Attempt) -> Result<(), OutboxError> {
        let mut inner = self.lock();
        let item = inner.leased_item(lease)?;
        item.record.attempts.push(attempt);
        item.record.round_attempts += 1;
        item.record.state = State::Delivered;
        item.lease = None;
        inner.delivered(lease.id);
        Ok(())
    }

    async fn reschedule(
        &self,
        lease: Lease,
        attempt: Attempt,
        next: Option<UnixTime>,
    ) -> Result<(), OutboxError> {
        let mut inner = self.lock();
        let item = inner.leased_item(lease)?;
        item.record.attempts.push(attempt);
        item.record.round_attempts += 1;
        item.lease = None;
        match next {
            Some(next) => {
                item.record.next_attempt_at = next;
                inner.ready.insert((next, lease.id));
            }
            None => item.record.state = State::Dead,
        }
        Ok(())
    }

    async fn list(&self, state: State) -> Result<Vec<Record>, OutboxError> {
        let inner = self.lock();
        Ok(inner
            .items
            .values()
            .filter(|item| item.record.state == state)
            .map(|item| item.record.clone())
            .collect())
    }

    async fn get(&self, id: CallbackId) -> Result<Record, OutboxError> {
        let inner = self.lock();
        inner.items.get(&id).map(|item| item.record.clone()).ok_or(OutboxError::NotFound(id))
    }

    async fn redeliver(&self, id: CallbackId, now: UnixTime) -> Result<(), OutboxError> {
        let mut inner = self.lock();
        let item = inner.items.get_mut(&id).ok_or(OutboxError::NotFound(id))?;
        if item.record.state != State::Dead {
            return Err(OutboxError::NotFound(id));
        }
        item.record.state = State::Pending;
        item.record.next_attempt_at = now;
        item.record.round_attempts = 0;
        item.lease = None;
        inner.ready.insert((now, id));
        Ok(())
    }

    async fn next_due(&self) -> Result<Option<UnixTime>, OutboxError> {
        let inner = self.lock();
        let ready = inner.ready.first().map(|&(at, _)| at);
        let leased = inner.leased.first().map(|&(at, _)| at);
        Ok(match (ready, leased) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::CallbackEntry;

    fn callback() -> Callback {
        Callback {
            entry: CallbackEntry::Payment,
            url: "http://127.0.0.1:1/notify".to_owned(),
            headers: Vec::new(),
            body: "{}".to_owned(),
        }
    }

    fn attempt(at: UnixTime) -> Attempt {
        Attempt::new(at, Some(500), None, Duration::from_millis(3), Some("HTTP 500".to_owned()))
    }

    const T0: UnixTime = UnixTime::from_secs(1_800_000_000);
    const MINUTE: Duration = Duration::from_secs(60);

    #[tokio::test]
    async fn a_leased_callback_is_not_leased_again_until_its_lease_expires() {
        let outbox = MemoryOutbox::new();
        outbox.enqueue(callback(), T0).await.ok();
        let first = outbox.lease_due(T0, 10, MINUTE).await.unwrap_or_default();
        assert_eq!(first.len(), 1);
        let again = outbox.lease_due(add(T0, MINUTE / 2), 10, MINUTE).await.unwrap_or_default();
        assert!(again.is_empty(), "leased twice while the first lease held");
        let after = outbox.lease_due(add(T0, MINUTE), 10, MINUTE).await.unwrap_or_default();
        assert_eq!(after.len(), 1, "an expired lease (a crashed dispatcher) gives it back");
        assert_ne!(after[0].lease.token, first[0].lease.token);
        // The crashed holder's late result is refused; the new holder's counts.
        let late = outbox.mark_delivered(first[0].lease, attempt(T0)).await;
        assert!(matches!(late, Err(OutboxError::LeaseLost(_))));
        assert!(outbox.mark_delivered(after[0].lease, attempt(T0)).await.is_ok());
        assert_eq!(outbox.list(State::Delivered).await.map(|l| l.len()).ok(), Some(1));
    }

    #[tokio::test]
    async fn a_callback_is_not_due_before_its_next_attempt_and_dead_ones_come_back_on_request() {
        let outbox = MemoryOutbox::new();
        let id = outbox.enqueue(callback(), T0).await.unwrap_or(CallbackId(0));
        let leased = outbox.lease_due(T0, 10, MINUTE).await.unwrap_or_default();
        let next = add(T0, MINUTE);
        outbox.reschedule(leased[0].lease, attempt(T0), Some(next)).await.ok();
        assert!(
            outbox.lease_due(add(T0, MINUTE / 2), 10, MINUTE).await.unwrap_or_default().is_empty()
        );
        let leased = outbox.lease_due(next, 10, MINUTE).await.unwrap_or_default();
        assert_eq!(leased[0].attempts_made, 1);
        outbox.reschedule(leased[0].lease, attempt(next), None).await.ok();
        let dead = outbox.list(State::Dead).await.unwrap_or_default();
        assert_eq!(dead.len(), 1);
        assert_eq!(dead[0].attempts.len(), 2);
        assert!(
            outbox
                .lease_due(add(T0, 100 * MINUTE), 10, MINUTE)
                .await
                .unwrap_or_default()
                .is_empty()
        );
        outbox.redeliver(id, next).await.ok();
        let leased = outbox.lease_due(next, 10, MINUTE).await.unwrap_or_default();
        assert_eq!(leased.len(), 1);
        assert_eq!(leased[0].attempts_made, 0, "a redelivered callback starts the schedule again");
    }

    #[tokio::test]
    async fn due_callbacks_are_leased_soonest_first_up_to_the_maximum() {
        let outbox = MemoryOutbox::new();
        for _ in 0..4 {
            outbox.enqueue(callback(), T0).await.ok();
        }
        let leased = outbox.lease_due(T0, 4, MINUTE).await.unwrap_or_default();
        // Rescheduled out of order: 3 min, 1 min, 4 min, 2 min from now.
        for (item, minutes) in leased.iter().zip([3, 1, 4, 2]) {
            let next = add(T0, MINUTE * minutes);
            outbox.reschedule(item.lease, attempt(T0), Some(next)).await.ok();
        }
        assert_eq!(outbox.next_due().await.ok().flatten(), Some(add(T0, MINUTE)));
        let ids = |leased: &[Leased]| leased.iter().map(|l| l.lease.id.0).collect::<Vec<_>>();
        let first = outbox.lease_due(add(T0, MINUTE * 3), 2, MINUTE).await.unwrap_or_default();
        assert_eq!(ids(&first), [2, 4], "the soonest due first, at most the maximum");
        let second = outbox.lease_due(add(T0, MINUTE * 3), 10, MINUTE).await.unwrap_or_default();
        assert_eq!(ids(&second), [1], "the one due at 4 min is not due yet");
        // Three leased until 4 min, one due at 4 min: all are due then.
        assert_eq!(outbox.next_due().await.ok().flatten(), Some(add(T0, MINUTE * 4)));
        let late = outbox.lease_due(add(T0, MINUTE * 4), 10, MINUTE).await.unwrap_or_default();
        assert_eq!(ids(&late), [2, 4, 1, 3], "expired leases come back by their due time");
        for item in &late {
            outbox.mark_delivered(item.lease, attempt(T0)).await.ok();
        }
        assert_eq!(outbox.next_due().await.ok().flatten(), None);
        assert_eq!(outbox.list(State::Delivered).await.map(|l| l.len()).ok(), Some(4));
    }

    #[tokio::test]
    async fn a_late_result_under_an_expired_lease_still_counts_until_another_takes_it() {
        let outbox = MemoryOutbox::new();
        outbox.enqueue(callback(), T0).await.ok();
        let first = outbox.lease_due(T0, 1, MINUTE).await.unwrap_or_default();
        // The lease expired and the callback went back to the due ones, but nobody took it.
        let none = outbox.lease_due(add(T0, MINUTE), 0, MINUTE).await.unwrap_or_default();
        assert!(none.is_empty());
        let next = add(T0, MINUTE * 5);
        assert!(outbox.reschedule(first[0].lease, attempt(T0), Some(next)).await.is_ok());
        assert_eq!(outbox.next_due().await.ok().flatten(), Some(next));
        assert!(outbox.lease_due(add(T0, MINUTE), 10, MINUTE).await.unwrap_or_default().is_empty());
        assert_eq!(outbox.lease_due(next, 10, MINUTE).await.unwrap_or_default().len(), 1);
    }

    #[tokio::test]
    async fn a_retention_drops_the_oldest_delivered_records_and_keeps_pending_and_dead_ones() {
        let outbox = MemoryOutbox::with_retention(2);
        for _ in 0..6 {
            outbox.enqueue(callback(), T0).await.ok();
        }
        let leased = outbox.lease_due(T0, 6, MINUTE).await.unwrap_or_default();
        assert_eq!(leased.len(), 6);
        // 1 dies, 2 stays pending, 3..=6 are delivered (in the order 5, 3, 6, 4).
        outbox.reschedule(leased[0].lease, attempt(T0), None).await.ok();
        outbox.reschedule(leased[1].lease, attempt(T0), Some(add(T0, MINUTE))).await.ok();
        for at in [4, 2, 5, 3] {
            assert!(outbox.mark_delivered(leased[at].lease, attempt(T0)).await.is_ok());
        }
        let ids = |records: Vec<Record>| records.iter().map(|r| r.id.0).collect::<Vec<_>>();
        let delivered = outbox.list(State::Delivered).await.unwrap_or_default();
        assert_eq!(ids(delivered), [4, 6], "the two delivered last are kept");
        assert!(matches!(outbox.get(CallbackId(5)).await, Err(OutboxError::NotFound(_))));
        assert_eq!(ids(outbox.list(State::Dead).await.unwrap_or_default()), [1]);
        assert_eq!(ids(outbox.list(State::Pending).await.unwrap_or_default()), [2]);
        // The dead one comes back on request and, delivered, pushes out the oldest delivered.
        outbox.redeliver(CallbackId(1), T0).await.ok();
        let again = outbox.lease_due(T0, 10, MINUTE).await.unwrap_or_default();
        assert_eq!(again.len(), 1);
        outbox.mark_delivered(again[0].lease, attempt(T0)).await.ok();
        assert_eq!(ids(outbox.list(State::Delivered).await.unwrap_or_default()), [1, 4]);
        let retry = outbox.lease_due(add(T0, MINUTE), 10, MINUTE).await.unwrap_or_default();
        assert_eq!(retry.len(), 1, "the pending one is still there and due");
    }
}
