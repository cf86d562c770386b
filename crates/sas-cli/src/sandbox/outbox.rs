//! The sandbox's callback outbox: sas-hyper's [`MemoryOutbox`], or sas-store's
//! [`SqliteStore`] under `--data DIR` (pending deliveries and their attempts then survive a
//! restart or a crash). One type, so the dispatcher and the console need not know which.

use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::delivery::{
    Attempt, Callback, CallbackId, Lease, Leased, MemoryOutbox, Outbox, OutboxError, Record, State,
};
use sas_store::SqliteStore;

/// Where the sandbox's callbacks wait.
#[derive(Debug)]
pub(crate) enum SandboxOutbox {
    /// Lost when the process ends.
    Memory(MemoryOutbox),
    /// The `sas_callbacks` table of the data folder's database.
    Sqlite(SqliteStore),
}

impl Outbox for SandboxOutbox {
    async fn enqueue(&self, callback: Callback, now: UnixTime) -> Result<CallbackId, OutboxError> {
        match self {
            Self::Memory(outbox) => outbox.enqueue(callback, now).await,
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
            Self::Memory(outbox) => outbox.lease_due(now, max, lease_for).await,
            Self::Sqlite(outbox) => outbox.lease_due(now, max, lease_for).await,
        }
    }

    async fn mark_delivered(&self, lease: Lease, attempt: Attempt) -> Result<(), OutboxError> {
        match self {
            Self::Memory(outbox) => outbox.mark_delivered(lease, attempt).await,
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
            Self::Memory(outbox) => outbox.reschedule(lease, attempt, next).await,
            Self::Sqlite(outbox) => outbox.reschedule(lease, attempt, next).await,
        }
    }

    async fn list(&self, state: State) -> Result<Vec<Record>, OutboxError> {
        match self {
            Self::Memory(outbox) => outbox.list(state).await,
            Self::Sqlite(outbox) => outbox.list(state).await,
        }
    }

    async fn get(&self, id: CallbackId) -> Result<Record, OutboxError> {
        match self {
            Self::Memory(outbox) => outbox.get(id).await,
            Self::Sqlite(outbox) => outbox.get(id).await,
        }
    }

    async fn redeliver(&self, id: CallbackId, now: UnixTime) -> Result<(), OutboxError> {
        match self {
            Self::Memory(outbox) => outbox.redeliver(id, now).await,
            Self::Sqlite(outbox) => outbox.redeliver(id, now).await,
        }
    }

    async fn next_due(&self) -> Result<Option<UnixTime>, OutboxError> {
        match self {
            Self::Memory(outbox) => outbox.next_due().await,
            Self::Sqlite(outbox) => outbox.next_due().await,
        }
    }
}
