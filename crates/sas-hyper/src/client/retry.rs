//! When the client tries again: exponential backoff with full jitter, only where a retry cannot
//! do a request twice.
//!
//! | what happened | GET | POST |
//! |---|---|---|
//! | no connection was made (nothing sent) | retry | retry |
//! | timed out, or the connection failed after sending | retry | never |
//! | 502, 503, 504 | retry | never |
//! | 429, 503 with `Retry-After` | retry after it (capped) | never |

use std::time::Duration;

use crate::time::jitter;

/// How many attempts, how far apart, and for how long in total.
///
/// Delays grow as `initial_backoff × 2^(attempt−1)` up to `max_backoff`, and each is drawn
/// uniformly from zero to that bound (full jitter). A `Retry-After` of seconds is honoured, up to
/// `retry_after_cap`. Attempts stop at `max_attempts`, or when the next one would start after
/// `total` has passed since the first.
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    total: Duration,
    retry_after_cap: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, 100 ms initial backoff, 2 s maximum, 30 s in total, `Retry-After` capped at
    /// 10 s.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(2),
            total: Duration::from_secs(30),
            retry_after_cap: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn never() -> Self {
        Self { max_attempts: 1, ..Self::default() }
    }

    /// At most `attempts` attempts in all (at least 1).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The bound of the first delay, doubled for each further one.
    #[must_use]
    pub fn initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// The largest bound a delay is drawn from.
    #[must_use]
    pub fn max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// No attempt starts later than this after the first.
    #[must_use]
    pub fn total(mut self, total: Duration) -> Self {
        self.total = total;
        self
    }

    /// The longest `Retry-After` honoured; a longer one is cut to this.
    #[must_use]
    pub fn retry_after_cap(mut self, cap: Duration) -> Self {
        self.retry_after_cap = cap;
        self
    }
}

/// What one attempt came to, as far as retrying goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// No connection was made: nothing was sent.
    ConnectFailed,
    /// The attempt timed out, or the connection failed once the request may have been sent.
    MaybeSent,
    /// A response arrived.
    Answered { status: http::StatusCode, retry_after: Option<Duration> },
    /// Nothing to retry (built wrongly, or a body too large).
    Final,
}

/// The delay before attempt `attempt + 1`, or `None` to stop.
pub(crate) fn next_delay(
    policy: &RetryPolicy,
    outcome: Outcome,
    idempotent: bool,
    attempt: u32,
    elapsed: Duration,
) -> Option<Duration> {
    if attempt >= policy.max_attempts {
        return None;
    }
    let backoff = || {
        let exponent = attempt.saturating_sub(1).min(30);
        let bound = policy.initial_backoff.saturating_mul(1u32 << exponent).min(policy.max_backoff);
        jitter(bound)
    };
    let delay = match outcome {
        Outcome::ConnectFailed => backoff(),
        Outcome::MaybeSent if idempotent => backoff(),
        Outcome::Answered { status, retry_after } if idempotent => match status.as_u16() {
            429 | 503 if retry_after.is_some() => {
                retry_after.unwrap_or_default().min(policy.retry_after_cap)
            }
            429 | 502 | 503 | 504 => backoff(),
            _ => return None,
        },
        _ => return None,
    };
    (elapsed.saturating_add(delay) < policy.total).then_some(delay)
}

/// `Retry-After` as delta-seconds (an HTTP-date is not honoured: the backoff applies).
pub(crate) fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    fn answered(status: u16, retry_after: Option<Duration>) -> Outcome {
        let status = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::OK);
        Outcome::Answered { status, retry_after }
    }

    #[test]
    fn a_post_that_may_have_been_sent_is_never_retried() {
        let policy = RetryPolicy::default();
        assert_eq!(next_delay(&policy, Outcome::MaybeSent, false, 1, SECOND), None);
        assert_eq!(next_delay(&policy, answered(503, Some(SECOND)), false, 1, SECOND), None);
        assert_eq!(next_delay(&policy, answered(502, None), false, 1, SECOND), None);
    }

    #[test]
    fn nothing_sent_is_retried_for_any_method() {
        let policy = RetryPolicy::default();
        assert!(next_delay(&policy, Outcome::ConnectFailed, false, 1, SECOND).is_some());
        assert!(next_delay(&policy, Outcome::ConnectFailed, true, 1, SECOND).is_some());
    }

    #[test]
    fn gets_retry_gateway_failures_and_timeouts_but_not_client_errors() {
        let policy = RetryPolicy::default();
        for status in [502, 503, 504, 429] {
            assert!(next_delay(&policy, answered(status, None), true, 1, SECOND).is_some());
        }
        for status in [400, 401, 404, 500, 501] {
            assert_eq!(next_delay(&policy, answered(status, None), true, 1, SECOND), None);
        }
        assert!(next_delay(&policy, Outcome::MaybeSent, true, 1, SECOND).is_some());
    }

    #[test]
    fn retry_after_is_honoured_and_capped() {
        let policy = RetryPolicy::default().retry_after_cap(3 * SECOND);
        let delay = next_delay(&policy, answered(503, Some(2 * SECOND)), true, 1, SECOND);
        assert_eq!(delay, Some(2 * SECOND));
        let delay = next_delay(&policy, answered(429, Some(3600 * SECOND)), true, 1, SECOND);
        assert_eq!(delay, Some(3 * SECOND));
    }

    #[test]
    fn attempts_and_total_time_are_bounded() {
        let policy = RetryPolicy::default().max_attempts(2).total(5 * SECOND);
        assert_eq!(next_delay(&policy, Outcome::ConnectFailed, true, 2, SECOND), None);
        let late = next_delay(&policy, answered(503, Some(4 * SECOND)), true, 1, 2 * SECOND);
        assert_eq!(late, None);
    }

    #[test]
    fn backoff_grows_but_stays_under_its_bound() {
        let policy = RetryPolicy::default()
            .max_attempts(10)
            .initial_backoff(Duration::from_millis(10))
            .max_backoff(Duration::from_millis(40));
        for attempt in 1..9 {
            let delay = next_delay(&policy, Outcome::ConnectFailed, true, attempt, SECOND);
            assert!(delay.is_some_and(|d| d <= Duration::from_millis(40)), "{attempt}: {delay:?}");
        }
    }

    #[test]
    fn retry_after_reads_delta_seconds_only() {
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(7 * SECOND));
        headers.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), None);
    }
}
