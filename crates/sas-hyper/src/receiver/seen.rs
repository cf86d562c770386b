//! Which notifications were handled: the store that drops duplicates, and its bounded in-memory
//! default.

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::sync::{Mutex, MutexGuard};

/// What the store says about a notification about to be handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// Not seen: the caller handles it, then calls [`SeenStore::complete`] or
    /// [`SeenStore::release`].
    New,
    /// Handled already: a duplicate, acknowledged without handling.
    Done,
    /// Being handled right now by another delivery: the sender should come back later.
    InProgress,
}

/// Remembers handled notifications by identity, so each is handled once.
pub trait SeenStore: Send + Sync + 'static {
    /// Claims `id` for handling.
    fn claim(&self, id: &str) -> impl Future<Output = Claim> + Send;
    /// `id` was handled: later deliveries are duplicates.
    fn complete(&self, id: &str) -> impl Future<Output = ()> + Send;
    /// Handling `id` failed: a later delivery handles it again.
    fn release(&self, id: &str) -> impl Future<Output = ()> + Send;
}

/// A [`SeenStore`] in memory remembering the last `capacity` handled notifications (oldest
/// forgotten first). Size it above the number of notifications a sender may repeat within its
/// retry schedule (about 24 h).
#[derive(Debug)]
pub struct MemorySeen {
    capacity: usize,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    states: BTreeMap<String, bool>,
    done_order: VecDeque<String>,
}

impl Default for MemorySeen {
    /// Remembers 100 000 notifications.
    fn default() -> Self {
        Self::new(100_000)
    }
}

impl MemorySeen {
    /// Remembers the last `capacity` handled notifications (at least 1).
    pub fn new(capacity: usize) -> Self {
        Self { capacity: capacity.max(1), inner: Mutex::new(Inner::default()) }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl SeenStore for MemorySeen {
    async fn claim(&self, id: &str) -> Claim {
        let mut inner = self.lock();
        match inner.states.get(id) {
            Some(true) => Claim::Done,
            Some(false) => Claim::InProgress,
            None => {
                inner.states.insert(id.to_owned(), false);
                Claim::New
            }
        }
    }

    async fn complete(&self, id: &str) {
        let mut inner = self.lock();
        inner.states.insert(id.to_owned(), true);
        inner.done_order.push_back(id.to_owned());
        while inner.done_order.len() > self.capacity {
            if let Some(oldest) = inner.done_order.pop_front() {
                inner.states.remove(&oldest);
            }
        }
    }

    async fn release(&self, id: &str) {
        let mut inner = self.lock();
        if inner.states.get(id) == Some(&false) {
            inner.states.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_claim_is_new_once_then_in_progress_then_done_and_released_ones_come_back() {
        let seen = MemorySeen::new(10);
        assert_eq!(seen.claim("a").await, Claim::New);
        assert_eq!(seen.claim("a").await, Claim::InProgress);
        seen.release("a").await;
        assert_eq!(seen.claim("a").await, Claim::New);
        seen.complete("a").await;
        assert_eq!(seen.claim("a").await, Claim::Done);
    }

    #[tokio::test]
    async fn the_store_is_bounded_forgetting_the_oldest() {
        let seen = MemorySeen::new(2);
        for id in ["a", "b", "c"] {
            assert_eq!(seen.claim(id).await, Claim::New);
            seen.complete(id).await;
        }
        assert_eq!(seen.claim("c").await, Claim::Done);
        assert_eq!(seen.claim("b").await, Claim::Done);
        assert_eq!(seen.claim("a").await, Claim::New, "the oldest was forgotten");
        assert!(seen.lock().states.len() <= 3);
    }
}
