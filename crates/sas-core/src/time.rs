//! Time as a value: [`UnixTime`], a point in time the caller supplies (sas-core has no clock),
//! and the reading of `TC-Timestamp`-style values (10 digits for seconds, 13 for milliseconds).

use crate::crypto::CryptoError;

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
    /// use sas_core::time::{TimestampUnit, UnixTime};
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
        // At most 13 digits: always fits in a u64.
        let mut number: u64 = 0;
        for byte in value.bytes() {
            if !byte.is_ascii_digit() {
                return Err(malformed());
            }
            number = number * 10 + u64::from(byte - b'0');
        }
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
