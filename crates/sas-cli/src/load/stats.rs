//! Latency and errors per endpoint: one HDR histogram of microseconds per endpoint, shared by
//! every worker, and the first few error messages.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use hdrhistogram::Histogram;

/// The largest latency recorded exactly, in microseconds (60 s); longer ones count as this.
const MAX_MICROS: u64 = 60_000_000;

/// How many error messages are kept to print.
const KEPT_ERRORS: usize = 8;

/// What one endpoint (or admin call) did.
#[derive(Clone)]
pub(crate) struct Endpoint {
    /// Latencies of the requests answered or failed, in microseconds.
    pub(crate) latency: Histogram<u32>,
    /// Requests that failed, or whose answer was not the expected one.
    pub(crate) errors: u64,
}

/// Every endpoint's figures, by label (`"2.1"`, `"admin pay"`), and the first errors.
pub(crate) struct Stats {
    inner: Mutex<Inner>,
    /// Requests recorded so far.
    requests: Arc<AtomicU64>,
}

struct Inner {
    /// An empty histogram, cloned for each endpoint.
    empty: Histogram<u32>,
    endpoints: BTreeMap<&'static str, Endpoint>,
    first_errors: Vec<String>,
}

impl Inner {
    fn endpoint(&mut self, label: &'static str) -> &mut Endpoint {
        let empty = &self.empty;
        self.endpoints
            .entry(label)
            .or_insert_with(|| Endpoint { latency: empty.clone(), errors: 0 })
    }
}

impl Stats {
    /// Figures for `labels`, allocated now (so the memory figures start with them): 1 µs to
    /// 60 s at three significant digits, a fixed ~100 KiB each.
    ///
    /// # Errors
    ///
    /// None in practice: the histogram's bounds are valid.
    pub(crate) fn new(
        labels: impl IntoIterator<Item = &'static str>,
    ) -> Result<Self, hdrhistogram::CreationError> {
        let empty = Histogram::new_with_bounds(1, MAX_MICROS, 3)?;
        let endpoints = labels
            .into_iter()
            .map(|label| (label, Endpoint { latency: empty.clone(), errors: 0 }))
            .collect();
        let inner = Mutex::new(Inner { empty, endpoints, first_errors: Vec::new() });
        Ok(Self { inner, requests: Arc::new(AtomicU64::new(0)) })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Every change is one step: a poisoned lock still guards consistent figures.
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// One request to `label` that took `took`.
    pub(crate) fn record(&self, label: &'static str, took: Duration) {
        let micros = u64::try_from(took.as_micros()).unwrap_or(MAX_MICROS).clamp(1, MAX_MICROS);
        self.lock().endpoint(label).latency.saturating_record(micros);
        self.requests.fetch_add(1, Ordering::Relaxed);
    }

    /// One error at `label`: a failed request or an answer that was not the expected one.
    pub(crate) fn error(&self, label: &'static str, message: impl std::fmt::Display) {
        let mut inner = self.lock();
        inner.endpoint(label).errors += 1;
        if inner.first_errors.len() < KEPT_ERRORS {
            inner.first_errors.push(format!("{label}: {message}"));
        }
    }

    /// The count of requests recorded, as it grows.
    pub(crate) fn requests(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.requests)
    }

    /// A copy of every endpoint's figures.
    pub(crate) fn endpoints(&self) -> BTreeMap<&'static str, Endpoint> {
        self.lock().endpoints.clone()
    }

    /// The first errors, as `"label: message"`.
    pub(crate) fn first_errors(&self) -> Vec<String> {
        self.lock().first_errors.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_and_errors_are_kept_per_label() {
        let stats = Stats::new(["a", "b"]).unwrap();
        for millis in 1..=100 {
            stats.record("a", Duration::from_millis(millis));
        }
        stats.error("b", "refused");
        let endpoints = stats.endpoints();
        let a = &endpoints["a"];
        assert_eq!(a.latency.len(), 100);
        assert_eq!(a.errors, 0);
        let p50 = a.latency.value_at_quantile(0.5);
        assert!((49_000..=51_000).contains(&p50), "{p50}");
        assert_eq!(endpoints["b"].errors, 1);
        assert_eq!(endpoints["b"].latency.len(), 0);
        assert_eq!(stats.first_errors(), ["b: refused"]);
    }

    #[test]
    fn an_hour_is_recorded_as_the_largest_latency() {
        let stats = Stats::new(["a"]).unwrap();
        stats.record("a", Duration::from_secs(3600));
        assert!(stats.endpoints()["a"].latency.max() >= MAX_MICROS / 2);
    }
}
