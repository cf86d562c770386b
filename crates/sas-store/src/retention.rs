//! Retention: delivered callbacks and handled notifications are pruned once older than a
//! configurable age; dead callbacks are kept until redelivered or removed.

use std::future::Future;
use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::time::Clock;

use crate::StoreError;

/// How long finished rows are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    delivered: Duration,
    seen: Duration,
}

impl Default for Retention {
    /// Seven days for delivered callbacks and for handled notifications (well past the 24 h 4
    /// min of PROTOCOL.md §4's retry schedule, within which duplicates arrive).
    fn default() -> Self {
        Self { delivered: Duration::from_secs(7 * 86_400), seen: Duration::from_secs(7 * 86_400) }
    }
}

impl Retention {
    /// The default retention.
    pub fn new() -> Self {
        Self::default()
    }

    /// How long a delivered callback is kept after its delivery.
    #[must_use]
    pub fn delivered(mut self, keep: Duration) -> Self {
        self.delivered = keep;
        self
    }

    /// How long a handled notification is remembered after it was handled. A duplicate arriving
    /// later is handled again, so keep it above the sender's retry window (a dead callback
    /// redelivered by hand may come days later).
    #[must_use]
    pub fn seen(mut self, keep: Duration) -> Self {
        self.seen = keep;
        self
    }

    /// Delivered callbacks finished at or before this time are pruned.
    pub fn delivered_before(&self, now: UnixTime) -> UnixTime {
        crate::row::before(now, self.delivered)
    }

    /// Handled notifications completed at or before this time are pruned.
    pub fn seen_before(&self, now: UnixTime) -> UnixTime {
        crate::row::before(now, self.seen)
    }
}

/// How many rows one pruning removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Pruned {
    /// Delivered callbacks.
    pub callbacks: u64,
    /// Handled notifications (and claims abandoned longer than that).
    pub seen: u64,
}

/// A store whose finished rows can be pruned.
pub trait Prune: Send + Sync {
    /// Removes the delivered callbacks and handled notifications older than `retention` allows
    /// at `now`. Pending and dead callbacks are never removed.
    ///
    /// # Errors
    ///
    /// [`StoreError::Query`] when the database fails.
    fn prune(
        &self,
        now: UnixTime,
        retention: &Retention,
    ) -> impl Future<Output = Result<Pruned, StoreError>> + Send;
}

/// Prunes `store` every `every` until `shutdown` completes, reading the time from `clock`. A
/// failed pruning is logged and tried again at the next turn.
pub async fn prune_every<P: Prune>(
    store: &P,
    retention: Retention,
    every: Duration,
    clock: &dyn Clock,
    shutdown: impl Future<Output = ()>,
) {
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        match store.prune(clock.now(), &retention).await {
            Ok(pruned) => tracing::debug!(
                callbacks = pruned.callbacks,
                seen = pruned.seen,
                "pruned finished rows"
            ),
            Err(error) => tracing::warn!(%error, "cannot prune finished rows"),
        }
        tokio::select! {
            () = &mut shutdown => break,
            () = tokio::time::sleep(every) => {}
        }
    }
}
