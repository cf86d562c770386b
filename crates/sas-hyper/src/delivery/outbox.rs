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
    /// The start of the response body, when one arrived: at most [`Attempt::BODY_START_LIMIT`]
    /// bytes, as UTF-8 (invalid sequences replaced with U+FFFD), cut at a character boundary.
    /// Records stored without it read back as `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_start: Option<String>,
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
        Self { at, status, return_code, latency, error, body_start: None }
    }

    /// How many bytes of a response body [`Attempt::with_body_start`] keeps.
    pub const BODY_START_LIMIT: usize = 256;

    /// The same record, keeping the start of the response `body` (see
    /// [`Attempt::body_start`]).
    #[must_use]
    pub fn with_body_start(mut self, body: &[u8]) -> Self {
        let mut start =
            String::from_utf8_lossy(&body[..body.len().min(Self::BODY_START_LIMIT)]).into_owned();
        // A replacement character counts three bytes: keep the limit in bytes.
        if start.len() > Self::BODY_START_LIMIT {
            let mut end = Self::BODY_START_LIMIT;
            while !start.is_char_boundary(end) {
                end -= 1;
            }
            start.truncate(end);
        }
        self.body_start = Some(start);
        self
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

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt() -> Attempt {
        Attempt::new(UnixTime::from_millis(0), Some(200), None, Duration::ZERO, None)
    }

    #[test]
    fn the_body_start_is_cut_at_the_limit_on_a_character_boundary() {
        assert_eq!(attempt().with_body_start(b"ok").body_start.as_deref(), Some("ok"));
        let long = "é".repeat(Attempt::BODY_START_LIMIT);
        let start = attempt().with_body_start(long.as_bytes()).body_start.unwrap();
        assert_eq!(start, "é".repeat(Attempt::BODY_START_LIMIT / 2));
        // Invalid UTF-8 is replaced, and the replacements still fit the limit in bytes.
        let invalid = vec![0xff; Attempt::BODY_START_LIMIT * 2];
        let start = attempt().with_body_start(&invalid).body_start.unwrap();
        assert!(start.len() <= Attempt::BODY_START_LIMIT && start.chars().all(|c| c == '\u{fffd}'));
    }

    #[test]
    fn records_stored_without_a_body_start_read_back() {
        // What a store wrote before the field existed.
        let stored = serde_json::to_string(&attempt()).unwrap();
        assert!(!stored.contains("body_start"), "{stored}");
        let attempt: Attempt = serde_json::from_str(&stored).unwrap();
        assert_eq!(attempt.body_start, None);
        let written = serde_json::to_string(&attempt.with_body_start(b"{}")).unwrap();
        assert!(written.ends_with(r#","body_start":"{}"}"#), "{written}");
    }
}
