//! The columns both backends share, and their Rust values: times as milliseconds since the
//! epoch (`BIGINT`), states as words, the callback and its attempts as JSON (sas-hyper's serde
//! forms).

use sas_hyper::UnixTime;
use sas_hyper::delivery::{
    Attempt, Callback, CallbackId, Lease, Leased, OutboxError, Record, State,
};

/// A time as stored: milliseconds since the epoch (saturating at `i64::MAX`).
pub(crate) fn millis(time: UnixTime) -> i64 {
    i64::try_from(time.as_millis()).unwrap_or(i64::MAX)
}

/// A stored time (a negative one, which this crate never writes, reads as the epoch).
pub(crate) fn time(millis: i64) -> UnixTime {
    UnixTime::from_millis(u64::try_from(millis).unwrap_or(0))
}

/// A callback ID as stored.
pub(crate) fn id(id: CallbackId) -> i64 {
    i64::try_from(id.0).unwrap_or(i64::MAX)
}

/// A stored callback ID (IDs are positive).
pub(crate) fn callback_id(id: i64) -> CallbackId {
    CallbackId(u64::try_from(id).unwrap_or(0))
}

/// A lease token as stored (tokens count up from 1 per callback).
pub(crate) fn token(token: u64) -> i64 {
    i64::try_from(token).unwrap_or(i64::MAX)
}

/// The word a state is stored as.
pub(crate) fn state_word(state: State) -> &'static str {
    match state {
        State::Pending => "pending",
        State::Delivered => "delivered",
        // Dead, and any state a later sas-hyper adds: not leased, not pruned.
        _ => "dead",
    }
}

/// A stored state.
pub(crate) fn state(word: &str) -> Result<State, OutboxError> {
    match word {
        "pending" => Ok(State::Pending),
        "delivered" => Ok(State::Delivered),
        "dead" => Ok(State::Dead),
        other => Err(storage(format!("unknown callback state {other:?} in the database"))),
    }
}

/// A storage failure, as the outbox trait reports it.
pub(crate) fn storage(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> OutboxError {
    OutboxError::Storage(error.into())
}

/// A callback as stored: its serde JSON.
pub(crate) fn callback_json(callback: &Callback) -> Result<String, OutboxError> {
    serde_json::to_string(callback).map_err(storage)
}

/// An attempt as appended to the stored list: its JSON object.
pub(crate) fn attempt_json(attempt: &Attempt) -> Result<String, OutboxError> {
    serde_json::to_string(attempt).map_err(storage)
}

/// The columns of a callback's row, as read.
pub(crate) struct RecordRow {
    pub(crate) id: i64,
    pub(crate) callback: String,
    pub(crate) state: String,
    pub(crate) enqueued_at: i64,
    pub(crate) next_attempt_at: i64,
    pub(crate) attempts: String,
    pub(crate) round_attempts: i64,
}

impl RecordRow {
    /// The record.
    pub(crate) fn into_record(self) -> Result<Record, OutboxError> {
        let callback: Callback = serde_json::from_str(&self.callback).map_err(storage)?;
        let mut record = Record::new(callback_id(self.id), callback, time(self.enqueued_at));
        record.state = state(&self.state)?;
        record.next_attempt_at = time(self.next_attempt_at);
        record.attempts = serde_json::from_str(&self.attempts).map_err(storage)?;
        record.round_attempts = u32::try_from(self.round_attempts).unwrap_or(u32::MAX);
        Ok(record)
    }
}

/// The columns `lease_due` returns for each leased callback.
pub(crate) struct LeasedRow {
    pub(crate) id: i64,
    pub(crate) token: i64,
    pub(crate) callback: String,
    pub(crate) next_attempt_at: i64,
    pub(crate) round_attempts: i64,
}

/// The leased callbacks, soonest due first, each leased until `until`.
pub(crate) fn leased(
    mut rows: Vec<LeasedRow>,
    until: UnixTime,
) -> Result<Vec<Leased>, OutboxError> {
    rows.sort_by_key(|row| (row.next_attempt_at, row.id));
    rows.into_iter()
        .map(|row| {
            let callback: Callback = serde_json::from_str(&row.callback).map_err(storage)?;
            let lease =
                Lease::new(callback_id(row.id), u64::try_from(row.token).unwrap_or(0), until);
            Ok(Leased::new(lease, callback, u32::try_from(row.round_attempts).unwrap_or(u32::MAX)))
        })
        .collect()
}

/// `now + by`, saturating.
pub(crate) fn after(now: UnixTime, by: std::time::Duration) -> UnixTime {
    let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
    UnixTime::from_millis(now.as_millis().saturating_add(by))
}

/// `now - by`, saturating at the epoch.
pub(crate) fn before(now: UnixTime, by: std::time::Duration) -> UnixTime {
    let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
    UnixTime::from_millis(now.as_millis().saturating_sub(by))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_times_round_trip() {
        for s in [State::Pending, State::Delivered, State::Dead] {
            assert_eq!(state(state_word(s)).ok(), Some(s));
        }
        assert!(state("leased").is_err());
        let t = UnixTime::from_millis(1_800_000_000_123);
        assert_eq!(time(millis(t)), t);
        assert_eq!(millis(UnixTime::from_millis(u64::MAX)), i64::MAX);
        assert_eq!(time(-5), UnixTime::from_millis(0));
    }
}
