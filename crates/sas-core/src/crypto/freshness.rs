//! Time as an argument: [`UnixTime`], the parsing of `TC-Timestamp`-style values (10 digits for
//! seconds, 13 for milliseconds) and the [`FreshnessWindow`] check.

use std::time::Duration;

use super::error::CryptoError;

/// A point in time as milliseconds since the Unix epoch.
///
/// sas-core has no clock: the caller passes `now` (e.g. from `SystemTime::now()`) to every
/// check that needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime {
    millis: u64,
}

impl UnixTime {
    /// The time `millis` milliseconds after the epoch.
    #[must_use]
    pub const fn from_millis(millis: u64) -> Self {
        Self { millis }
    }

    /// The time `secs` seconds after the epoch (saturating at `u64::MAX` milliseconds).
    #[must_use]
    pub const fn from_secs(secs: u64) -> Self {
        Self { millis: secs.saturating_mul(1000) }
    }

    /// Milliseconds since the epoch.
    #[must_use]
    pub const fn as_millis(self) -> u64 {
        self.millis
    }

    /// Whole seconds since the epoch.
    #[must_use]
    pub const fn as_secs(self) -> u64 {
        self.millis / 1000
    }

    /// Parses a timestamp header value: exactly 10 ASCII digits are seconds, exactly 13 are
    /// milliseconds, anything else is [`CryptoError::MalformedTimestamp`].
    ///
    /// ```
    /// use sas_core::crypto::{TimestampUnit, UnixTime};
    ///
    /// let (t, unit) = UnixTime::parse_timestamp("1735293931220")?;
    /// assert_eq!((t.as_millis(), unit), (1_735_293_931_220, TimestampUnit::Milliseconds));
    /// let (t, unit) = UnixTime::parse_timestamp("1735293931")?;
    /// assert_eq!((t.as_secs(), unit), (1_735_293_931, TimestampUnit::Seconds));
    /// assert!(UnixTime::parse_timestamp("17352939312").is_err());
    /// # Ok::<(), sas_core::crypto::CryptoError>(())
    /// ```
    pub fn parse_timestamp(value: &str) -> Result<(Self, TimestampUnit), CryptoError> {
        let malformed =
            || CryptoError::MalformedTimestamp { value: value.chars().take(32).collect() };
        let unit = match value.len() {
            10 => TimestampUnit::Seconds,
            13 => TimestampUnit::Milliseconds,
            _ => return Err(malformed()),
        };
        if !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        // At most 13 digits: always fits in a u64.
        let number: u64 = value.parse().map_err(|_| malformed())?;
        let time = match unit {
            TimestampUnit::Seconds => Self::from_secs(number),
            TimestampUnit::Milliseconds => Self::from_millis(number),
        };
        Ok((time, unit))
    }
}

/// The unit a timestamp was written in, told apart by its digit count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimestampUnit {
    /// 10 digits, e.g. `1735293931` (callbacks, `Authorization`, `paySign`).
    Seconds,
    /// 13 digits, e.g. `1735293931220` (the common `TC-Timestamp` header).
    Milliseconds,
}

/// How far a received timestamp may lie from `now`, in either direction. The default is 300
/// seconds.
///
/// ```
/// use std::time::Duration;
/// use sas_core::crypto::{CryptoError, FreshnessWindow, UnixTime};
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
