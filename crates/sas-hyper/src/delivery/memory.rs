//! The in-memory outbox: everything behind one mutex, lost when the process ends (durable
//! outboxes implement the same trait).

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use super::Callback;
use super::outbox::{Attempt, CallbackId, Lease, Leased, Outbox, OutboxError, Record, State};
use crate::keys::UnixTime;

/// An [`Outbox`] in memory.
#[derive(Debug, Default)]
pub struct MemoryOutbox {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next_id: u64,
    next_token: u64,
    items: BTreeMap<CallbackId, Item>,
}

#[derive(Debug)]
struct Item {
    record: Record,
    lease: Option<Lease>,
}

impl MemoryOutbox {
    /// An empty outbox.
    pub fn new() -> Self {
        Self::default()
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
    /// The item `lease` names, if the lease is still its own.
    fn leased_item(&mut self, lease: Lease) -> Result<&mut Item, OutboxError> {
        let item = self.items.get_mut(&lease.id).ok_or(OutboxError::NotFound(lease.id))?;
        if item.record.state != State::Pending
            || item.lease.map(|own| own.token) != Some(lease.token)
        {
            return Err(OutboxError::LeaseLost(lease.id));
        }
        Ok(item)
    }
}

impl Outbox for MemoryOutbox {
    async fn enqueue(&self, callback: Callback, now: UnixTime) -> Result<CallbackId, OutboxError> {
        let mut inner = self.lock();
        inner.next_id += 1;
        let id = CallbackId(inner.next_id);
        inner.items.insert(id, Item { record: Record::new(id, callback, now), lease: None });
        Ok(id)
    }

    async fn lease_due(
        &self,
        now: UnixTime,
        max: usize,
        lease_for: Duration,
    ) -> Result<Vec<Leased>, OutboxError> {
        let mut inner = self.lock();
        let mut due: Vec<(UnixTime, CallbackId)> = inner
            .items
            .values()
            .filter(|item| {
                item.record.state == State::Pending
                    && item.record.next_attempt_at <= now
                    && item.lease.is_none_or(|lease| lease.until <= now)
            })
            .map(|item| (item.record.next_attempt_at, item.record.id))
            .collect();
        due.sort();
        due.truncate(max);
        let mut leased = Vec::with_capacity(due.len());
        for (_, id) in due {
            inner.next_token += 1;
            let lease = Lease::new(id, inner.next_token, add(now, lease_for));
            if let Some(item) = inner.items.get_mut(&id) {
                item.lease = Some(lease);
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
        match next {
            Some(next) => item.record.next_attempt_at = next,
            None => item.record.state = State::Dead,
        }
        item.lease = None;
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
        Ok(())
    }

    async fn next_due(&self) -> Result<Option<UnixTime>, OutboxError> {
        let inner = self.lock();
        Ok(inner
            .items
            .values()
            .filter(|item| item.record.state == State::Pending)
            .map(|item| match item.lease {
                Some(lease) => lease.until.max(item.record.next_attempt_at),
                None => item.record.next_attempt_at,
            })
            .min())
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
}
