//! The outbox trait: where callbacks wait, are leased, and end delivered or dead.

use std::future::Future;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::Callback;
use crate::keys::UnixTime;

/// An outbox's name for a callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CallbackId(pub u64);

impl std::fmt::Display for CallbackId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a callback stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum State {
    /// Waiting for its next attempt (or being attempted under a lease).
    Pending,
    /// Acknowledged by the receiver.
    Delivered,
    /// Every attempt of the schedule failed; kept until redelivered.
    Dead,
}

/// One attempt: when, what came back, how long it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attempt {
    /// When it started.
    #[serde(with = "millis")]
    pub at: UnixTime,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// The envelope's `returnCode`, when the body was one.
    pub return_code: Option<String>,
    /// From sending to the last byte of the answer (or the failure).
    pub latency: Duration,
    /// What went wrong, when it did.
    pub error: Option<String>,
}

impl Attempt {
    /// An attempt record.
    pub fn new(
        at: UnixTime,
        status: Option<u16>,
        return_code: Option<String>,
        latency: Duration,
        error: Option<String>,
    ) -> Self {
        Self { at, status, return_code, latency, error }
    }
}

/// A callback with its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// Its name in the outbox.
    pub id: CallbackId,
    /// The callback.
    pub callback: Callback,
    /// Where it stands.
    pub state: State,
    /// When it was enqueued.
    #[serde(with = "millis")]
    pub enqueued_at: UnixTime,
    /// When it is due next (meaningful while pending).
    #[serde(with = "millis")]
    pub next_attempt_at: UnixTime,
    /// Every attempt so far, oldest first.
    pub attempts: Vec<Attempt>,
    /// The attempts since it was enqueued or last redelivered: where it is in the schedule.
    pub round_attempts: u32,
}

impl Record {
    /// A new pending record, due at `now`.
    pub fn new(id: CallbackId, callback: Callback, now: UnixTime) -> Self {
        Self {
            id,
            callback,
            state: State::Pending,
            enqueued_at: now,
            next_attempt_at: now,
            attempts: Vec::new(),
            round_attempts: 0,
        }
    }
}

/// The right to attempt one callback until `until`. Marks made with a lease that was lost
/// (expired and taken by another dispatcher) are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Lease {
    /// The callback.
    pub id: CallbackId,
    /// Which lease of it (each lease gets a new token).
    pub token: u64,
    /// When it expires.
    #[serde(with = "millis")]
    pub until: UnixTime,
}

impl Lease {
    /// A lease record (for outbox implementations).
    pub fn new(id: CallbackId, token: u64, until: UnixTime) -> Self {
        Self { id, token, until }
    }
}

/// A callback leased for an attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Leased {
    /// The lease.
    pub lease: Lease,
    /// The callback.
    pub callback: Callback,
    /// How many attempts were made before this one.
    pub attempts_made: u32,
}

impl Leased {
    /// A leased callback (for outbox implementations).
    pub fn new(lease: Lease, callback: Callback, attempts_made: u32) -> Self {
        Self { lease, callback, attempts_made }
    }
}

/// An outbox operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutboxError {
    /// The lease expired and another holder took the callback: this attempt's result is dropped
    /// (the other holder's counts).
    #[error("the lease on callback {0} was lost")]
    LeaseLost(CallbackId),
    /// No such callback, or not in the state the operation needs.
    #[error("callback {0} not found in the state the operation needs")]
    NotFound(CallbackId),
    /// The storage failed.
    #[error("outbox storage failed: {0}")]
    Storage(Box<dyn std::error::Error + Send + Sync>),
}

/// Where callbacks wait. Implementations must make [`lease_due`](Self::lease_due) atomic: a
/// callback is leased to one holder at a time, until the lease expires.
///
/// [`MemoryOutbox`](super::MemoryOutbox) is the in-memory implementation.
pub trait Outbox: Send + Sync + 'static {
    /// Adds a pending callback, due at `now`.
    fn enqueue(
        &self,
        callback: Callback,
        now: UnixTime,
    ) -> impl Future<Output = Result<CallbackId, OutboxError>> + Send;

    /// Leases up to `max` pending callbacks due at `now` whose lease (if any) has expired, each
    /// until `now + lease_for`; soonest due first.
    fn lease_due(
        &self,
        now: UnixTime,
        max: usize,
        lease_for: Duration,
    ) -> impl Future<Output = Result<Vec<Leased>, OutboxError>> + Send;

    /// Records `attempt` and marks the callback delivered.
    ///
    /// Errors: [`OutboxError::LeaseLost`] when `lease` is no longer the callback's.
    fn mark_delivered(
        &self,
        lease: Lease,
        attempt: Attempt,
    ) -> impl Future<Output = Result<(), OutboxError>> + Send;

    /// Records `attempt` and sets the next attempt at `next`, or marks the callback dead when
    /// `next` is `None`. Releases the lease.
    ///
    /// Errors: [`OutboxError::LeaseLost`] when `lease` is no longer the callback's.
    fn reschedule(
        &self,
        lease: Lease,
        attempt: Attempt,
        next: Option<UnixTime>,
    ) -> impl Future<Output = Result<(), OutboxError>> + Send;

    /// Every callback in `state`, oldest first.
    fn list(&self, state: State) -> impl Future<Output = Result<Vec<Record>, OutboxError>> + Send;

    /// One callback with its history.
    fn get(&self, id: CallbackId) -> impl Future<Output = Result<Record, OutboxError>> + Send;

    /// Makes a dead callback pending again, due at `now`, with a fresh schedule (its attempt
    /// history is kept).
    ///
    /// Errors: [`OutboxError::NotFound`] unless the callback is dead.
    fn redeliver(
        &self,
        id: CallbackId,
        now: UnixTime,
    ) -> impl Future<Output = Result<(), OutboxError>> + Send;

    /// When the soonest pending callback is due, if any (lets a dispatcher sleep until then).
    fn next_due(&self) -> impl Future<Output = Result<Option<UnixTime>, OutboxError>> + Send;
}

/// `UnixTime` as milliseconds since the epoch, for serde.
mod millis {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::keys::UnixTime;

    pub(super) fn serialize<S: Serializer>(
        time: &UnixTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(time.as_millis())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<UnixTime, D::Error> {
        u64::deserialize(deserializer).map(UnixTime::from_millis)
    }
}
