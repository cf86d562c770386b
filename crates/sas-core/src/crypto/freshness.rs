//! The [`FreshnessWindow`] check of received timestamps (parsed by
//! [`UnixTime::parse_timestamp`]).

use std::time::Duration;

use super::error::CryptoError;
use crate::time::UnixTime;

/// How far a received timestamp may lie from `now`, in either direction. The default is 300
/// seconds.
///
/// ```
/// use std::time::Duration;
/// use sas_core::crypto::{CryptoError, FreshnessWindow};
/// use sas_core::time::UnixTime;
///
/// let now = UnixTime::from_millis(1_735_293_931_220);
/// let window = FreshnessWindow::default();
/// assert_eq!(window.check("1735293931", now)?, UnixTime::from_secs(1_735_293_931));
///
/// let strict = FreshnessWindow::new(Duration::from_secs(60));
/// let late = UnixTime::from_millis(1_735_293_931_220 + 61_000);
/// assert!(matches!(strict.check("1735293931220", late), Err(CryptoError::StaleTimestamp { .. })));
/// # Ok::<(), CryptoError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FreshnessWindow {
    window: Duration,
}

impl FreshnessWindow {
    /// The default window: 300 seconds.
    pub const DEFAULT: Self = Self { window: Duration::from_secs(300) };

    /// A window of `window` in either direction.
    #[must_use]
    pub const fn new(window: Duration) -> Self {
        Self { window }
    }

    /// The accepted distance from `now`.
    #[must_use]
    pub const fn window(&self) -> Duration {
        self.window
    }

    /// Parses `timestamp` (10 or 13 digits) and checks it lies within the window around `now`;
    /// returns the parsed time.
    ///
    /// # Errors
    ///
    /// [`CryptoError::MalformedTimestamp`] if the value is not 10 or 13 digits,
    /// [`CryptoError::StaleTimestamp`] if it is too far from `now`.
    pub fn check(&self, timestamp: &str, now: UnixTime) -> Result<UnixTime, CryptoError> {
        let (time, _) = UnixTime::parse_timestamp(timestamp)?;
        self.check_time(time, now)?;
        Ok(time)
    }

    /// Checks an already parsed time against the window around `now`.
    ///
    /// # Errors
    ///
    /// [`CryptoError::StaleTimestamp`] if `time` is too far from `now`.
    pub fn check_time(&self, time: UnixTime, now: UnixTime) -> Result<(), CryptoError> {
        let window_ms = u64::try_from(self.window.as_millis()).unwrap_or(u64::MAX);
        if time.as_millis().abs_diff(now.as_millis()) > window_ms {
            return Err(CryptoError::StaleTimestamp { timestamp: time, now, window: self.window });
        }
        Ok(())
    }
}

impl Default for FreshnessWindow {
    fn default() -> Self {
        Self::DEFAULT
    }
}
