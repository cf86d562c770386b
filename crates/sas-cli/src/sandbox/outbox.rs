//! The sandbox's callback outbox: sas-hyper's [`MemoryOutbox`], or sas-store's
//! [`SqliteStore`] under `--data DIR` (pending deliveries and their attempts then survive a
//! restart or a crash). One type, so the dispatcher and the console need not know which.
//!
//! In memory it tells the store it serves (one that keeps a bounded history) when each callback
//! settles, delivered or dead, and when a dead one is redelivered: the store keeps an order
//! while a callback about it is pending.

use std::sync::Arc;
use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::delivery::{
    Attempt, Callback, CallbackId, Lease, Leased, MemoryOutbox, Outbox, OutboxError, Record, State,
};
use sas_store::SqliteStore;

use super::store::{MemoryStore, Store};

/// Where the sandbox's callbacks wait.
#[derive(Debug)]
pub(crate) enum SandboxOutbox {
    /// Lost when the process ends; telling `store`, if any, when a callback settles.
    Memory {
        /// The callbacks.
        outbox: MemoryOutbox,
        /// The store whose orders the callbacks are about, when it keeps a bounded history.
        store: Option<Arc<MemoryStore>>,
    },
    /// The `sas_callbacks` table of the data folder's database.
    Sqlite(SqliteStore),
}

impl SandboxOutbox {
    /// In memory, telling no store.
    pub(crate) fn memory(outbox: MemoryOutbox) -> Self {
        Self::Memory { outbox, store: None }
    }

    /// In memory, telling `store` when each callback settles.
    pub(crate) fn memory_for(outbox: MemoryOutbox, store: Arc<MemoryStore>) -> Self {
        Self::Memory { outbox, store: Some(store) }
    }

    /// Tells the store, if any, that callback `id` settled (once the outbox recorded it).
    fn settled(&self, id: CallbackId, dead: bool, recorded: &Result<(), OutboxError>) {
        if let (Self::Memory { store: Some(store), .. }, Ok(())) = (self, recorded) {
            store.settled(id, dead);
        }
    }
}

impl Outbox for SandboxOutbox {
    async fn enqueue(&self, callback: Callback, now: UnixTime) -> Result<CallbackId, OutboxError> {
        match self {
            Self::Memory { outbox, .. } => outbox.enqueue(callback, now).await,
            Self::Sqlite(outbox) => outbox.enqueue(callback, now).await,
        }
    }

    async fn lease_due(
        &self,
        now: UnixTime,
        max: usize,
        lease_for: Duration,
    ) -> Result<Vec<Leased>, OutboxError> {
        match self {
            Self::Memory { outbox, .. } => outbox.lease_due(now, max, lease_for).await,
            Self::Sqlite(outbox) => outbox.lease_due(now, max, lease_for).await,
        }
    }

    async fn mark_delivered(&self, lease: Lease, attempt: Attempt) -> Result<(), OutboxError> {
        match self {
            Self::Memory { outbox, .. } => {
                let recorded = outbox.mark_delivered(lease, attempt).await;
                self.settled(lease.id, false, &recorded);
                recorded
            }
            Self::Sqlite(outbox) => outbox.mark_delivered(lease, attempt).await,
        }
    }

    async fn reschedule(
        &self,
        lease: Lease,
        attempt: Attempt,
        next: Option<UnixTime>,
    ) -> Result<(), OutboxError> {
        match self {
            Self::Memory { outbox, .. } => {
                let recorded = outbox.reschedule(lease, attempt, next).await;
                if next.is_none() {
                    self.settled(lease.id, true, &recorded);
                }
                recorded
            }
            Self::Sqlite(outbox) => outbox.reschedule(lease, attempt, next).await,
        }
    }

    async fn list(&self, state: State) -> Result<Vec<Record>, OutboxError> {
        match self {
            Self::Memory { outbox, .. } => outbox.list(state).await,
            Self::Sqlite(outbox) => outbox.list(state).await,
        }
    }

    async fn get(&self, id: CallbackId) -> Result<Record, OutboxError> {
        match self {
            Self::Memory { outbox, .. } => outbox.get(id).await,
            Self::Sqlite(outbox) => outbox.get(id).await,
        }
    }

    async fn redeliver(&self, id: CallbackId, now: UnixTime) -> Result<(), OutboxError> {
        match self {
            Self::Memory { outbox, store } => {
                // Held before the dispatcher can see it pending again.
                let held = store.as_ref().is_some_and(|store| store.redelivering(id));
                let done = outbox.redeliver(id, now).await;
                if let (Some(store), true, Err(_)) = (store, held, &done) {
                    store.settled(id, true);
                }
                done
            }
            Self::Sqlite(outbox) => outbox.redeliver(id, now).await,
        }
    }

    async fn next_due(&self) -> Result<Option<UnixTime>, OutboxError> {
        match self {
            Self::Memory { outbox, .. } => outbox.next_due().await,
            Self::Sqlite(outbox) => outbox.next_due().await,
        }
    }
}
