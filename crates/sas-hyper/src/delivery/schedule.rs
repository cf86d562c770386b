//! When a failed callback is tried again.

use std::time::Duration;

/// The delays between attempts: after the first attempt fails, the next comes `delays[0]`
/// later, and so on; after the attempt that follows the last delay, the callback is dead.
///
/// The default is PROTOCOL.md §4's (WeChat Pay's): 15 s, 15 s, 30 s, 3 min, 10 min, 20 min,
/// 30 min, 30 min, 30 min, 60 min, 3 h, 3 h, 3 h, 6 h, 6 h — 16 attempts over about 24 h 4 min.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    delays: Vec<Duration>,
}

impl Default for Schedule {
    fn default() -> Self {
        Self::protocol()
    }
}

impl Schedule {
    /// PROTOCOL.md §4's schedule.
    pub fn protocol() -> Self {
        const MIN: u64 = 60;
        const HOUR: u64 = 3600;
        let secs = [
            15,
            15,
            30,
            3 * MIN,
            10 * MIN,
            20 * MIN,
            30 * MIN,
            30 * MIN,
            30 * MIN,
            60 * MIN,
            3 * HOUR,
            3 * HOUR,
            3 * HOUR,
            6 * HOUR,
            6 * HOUR,
        ];
        Self { delays: secs.into_iter().map(Duration::from_secs).collect() }
    }

    /// Another schedule (an empty one makes a single attempt).
    pub fn new(delays: impl IntoIterator<Item = Duration>) -> Self {
        Self { delays: delays.into_iter().collect() }
    }

    /// Every delay divided by `factor` (tests): `protocol().compressed(1000)` runs in 87 s.
    #[must_use]
    pub fn compressed(self, factor: u32) -> Self {
        let factor = factor.max(1);
        Self { delays: self.delays.into_iter().map(|delay| delay / factor).collect() }
    }

    /// The delay before the next attempt once `attempts_made` attempts failed, or `None` when
    /// the callback is dead.
    pub fn delay_after(&self, attempts_made: u32) -> Option<Duration> {
        let index = usize::try_from(attempts_made.checked_sub(1)?).ok()?;
        self.delays.get(index).copied()
    }

    /// How many attempts a callback gets in all.
    pub fn max_attempts(&self) -> u32 {
        u32::try_from(self.delays.len()).unwrap_or(u32::MAX).saturating_add(1)
    }

    /// The delays.
    pub fn delays(&self) -> &[Duration] {
        &self.delays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_protocol_schedule_makes_16_attempts_over_24_hours_and_4_minutes() {
        let schedule = Schedule::protocol();
        assert_eq!(schedule.max_attempts(), 16);
        let total: Duration = schedule.delays().iter().sum();
        assert_eq!(total, Duration::from_secs(24 * 3600 + 4 * 60));
        assert_eq!(schedule.delay_after(1), Some(Duration::from_secs(15)));
        assert_eq!(schedule.delay_after(15), Some(Duration::from_secs(6 * 3600)));
        assert_eq!(schedule.delay_after(16), None);
        assert_eq!(schedule.delay_after(0), None);
    }

    #[test]
    fn compressing_keeps_the_shape() {
        let schedule = Schedule::protocol().compressed(1000);
        assert_eq!(schedule.delay_after(1), Some(Duration::from_millis(15)));
        assert_eq!(schedule.max_attempts(), 16);
    }
}
