//! Where time and randomness come from: a [`Clock`] and a [`NonceSource`], the system's by
//! default and injectable for tests ([`ManualClock`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::keys::UnixTime;

/// Wall-clock time, as signed into `TC-Timestamp` and `Authorization` and checked against the
/// freshness window.
pub trait Clock: Send + Sync + 'static {
    /// The current time.
    fn now(&self) -> UnixTime;
}

/// The operating system's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> UnixTime {
        let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        UnixTime::from_millis(u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX))
    }
}

/// A clock that stands still until moved: for tests (an hour later, a retried callback is
/// still fresh).
#[derive(Debug, Default)]
pub struct ManualClock {
    millis: AtomicU64,
}

impl ManualClock {
    /// A clock showing `now`.
    pub fn new(now: UnixTime) -> Self {
        Self { millis: AtomicU64::new(now.as_millis()) }
    }

    /// A clock showing the system time now.
    pub fn starting_now() -> Self {
        Self::new(SystemClock.now())
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.millis.fetch_add(by, Ordering::SeqCst);
    }

    /// Sets the clock to `now`.
    pub fn set(&self, now: UnixTime) {
        self.millis.store(now.as_millis(), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> UnixTime {
        UnixTime::from_millis(self.millis.load(Ordering::SeqCst))
    }
}

impl<C: Clock> Clock for std::sync::Arc<C> {
    fn now(&self) -> UnixTime {
        self.as_ref().now()
    }
}

/// Where the random string of each signature (`nonce_str`, `TC-Callback-Nonce`) comes from.
pub trait NonceSource: Send + Sync + 'static {
    /// A fresh nonce: at most 32 visible ASCII characters, never reused.
    fn nonce(&self) -> String;
}

/// 32 upper-case hex characters (128 bits) from the operating system's randomness.
#[derive(Clone, Copy, Debug, Default)]
pub struct OsNonces;

impl NonceSource for OsNonces {
    fn nonce(&self) -> String {
        random_hex(UPPER_HEX)
    }
}

impl<N: NonceSource> NonceSource for std::sync::Arc<N> {
    fn nonce(&self) -> String {
        self.as_ref().nonce()
    }
}

/// 128 random bits as 32 lower-case hex characters (request IDs, nonces).
///
/// Should the operating system's randomness ever fail, the value falls back to the time and a
/// process-wide counter: still unique, no longer unpredictable.
#[cfg(feature = "server")]
pub(crate) fn random_hex_128() -> String {
    random_hex(LOWER_HEX)
}

/// 128 random bits as 32 hex characters from `digits`.
fn random_hex(digits: &[u8; 16]) -> String {
    let mut bytes = [0u8; 16];
    if getrandom::getrandom(&mut bytes).is_err() {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        bytes[..8].copy_from_slice(&SystemClock.now().as_millis().to_be_bytes());
        bytes[8..].copy_from_slice(&count.to_be_bytes());
    }
    let mut out = String::with_capacity(32);
    for byte in bytes {
        out.push(char::from(digits[usize::from(byte >> 4)]));
        out.push(char::from(digits[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(feature = "server")]
const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";
const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";

/// A uniformly random duration in `[0, max]` (full jitter).
#[cfg(feature = "client")]
pub(crate) fn jitter(max: Duration) -> Duration {
    let mut bytes = [0u8; 8];
    if getrandom::getrandom(&mut bytes).is_err() {
        return max / 2;
    }
    let max_nanos = u64::try_from(max.as_nanos()).unwrap_or(u64::MAX);
    if max_nanos == 0 {
        return Duration::ZERO;
    }
    Duration::from_nanos(u64::from_be_bytes(bytes) % (max_nanos.saturating_add(1).max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_128_bits_of_hex_and_differ() {
        let (a, b) = (random_hex_128(), random_hex_128());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        let nonce = OsNonces.nonce();
        assert_eq!(nonce.len(), 32);
        assert!(nonce.bytes().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c)));
    }

    #[test]
    fn jitter_stays_within_its_bound() {
        for _ in 0..100 {
            assert!(jitter(Duration::from_millis(5)) <= Duration::from_millis(5));
        }
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(UnixTime::from_secs(1_000));
        clock.advance(Duration::from_secs(3600));
        assert_eq!(clock.now(), UnixTime::from_secs(4_600));
    }
}
