//! What the durable duplicate stores share: their clock and how long a claim may stay in
//! progress.

use std::sync::Arc;
use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::time::{Clock, SystemClock};

/// How long a claim stays in progress by default before another delivery may take it over.
pub const DEFAULT_CLAIM_TIMEOUT: Duration = Duration::from_secs(5 * 60);

/// The clock the duplicate store stamps claims and completions with, and the claim timeout.
#[derive(Clone)]
pub(crate) struct SeenConfig {
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) claim_timeout: Duration,
}

impl Default for SeenConfig {
    fn default() -> Self {
        Self { clock: Arc::new(SystemClock), claim_timeout: DEFAULT_CLAIM_TIMEOUT }
    }
}

impl std::fmt::Debug for SeenConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeenConfig").field("claim_timeout", &self.claim_timeout).finish()
    }
}

impl SeenConfig {
    pub(crate) fn now(&self) -> UnixTime {
        self.clock.now()
    }

    /// Claims made at or before this time are abandoned (their receiver stopped mid-handling).
    pub(crate) fn stale_before(&self, now: UnixTime) -> UnixTime {
        crate::row::before(now, self.claim_timeout)
    }
}
