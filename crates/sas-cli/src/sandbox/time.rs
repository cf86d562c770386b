//! Times as the protocol writes them: RFC 3339 with an offset (`2026-12-01T10:00:00+08:00`),
//! read from and written to [`UnixTime`].

use sas_core::time::UnixTime;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// China Standard Time, the offset the vendor's examples use.
const CST: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// `time` as RFC 3339 in +08:00, whole seconds.
pub fn rfc3339(time: UnixTime) -> String {
    let secs = i64::try_from(time.as_secs()).unwrap_or(i64::MAX);
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| t.to_offset(CST).format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Reads an RFC 3339 date-time with an offset; `None` for anything else or a time before 1970.
pub fn parse_rfc3339(text: &str) -> Option<UnixTime> {
    let parsed = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    let millis = u64::try_from(parsed.unix_timestamp_nanos() / 1_000_000).ok()?;
    Some(UnixTime::from_millis(millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips_in_china_standard_time() {
        let time = UnixTime::from_secs(1_764_554_400);
        assert_eq!(rfc3339(time), "2025-12-01T10:00:00+08:00");
        assert_eq!(parse_rfc3339("2025-12-01T02:00:00Z"), Some(time));
        assert_eq!(parse_rfc3339(&rfc3339(time)), Some(time));
        assert_eq!(parse_rfc3339("tomorrow"), None);
    }
}
