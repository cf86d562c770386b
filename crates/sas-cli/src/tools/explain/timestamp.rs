//! Timestamp checks: the unit read from the digit count (sas-core's `UnixTime::parse_timestamp`),
//! the unit the scheme documents, the freshness window with the skew, and a value that is
//! fresh only when read in another unit.

use sas_core::time::{TimestampUnit, UnixTime};

use super::{Cause, Context, Report, Status};

/// The unit a scheme documents for its timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Seconds,
    Millis,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Self::Seconds => "seconds (10 digits)",
            Self::Millis => "milliseconds (13 digits)",
        }
    }
}

/// Checks `value` of `field` against the window around `context.now`.
pub(crate) fn check(
    report: &mut Report,
    field: &str,
    value: &str,
    documented: Unit,
    context: &Context<'_>,
) {
    let window_secs = context.window.window().as_secs();
    match UnixTime::parse_timestamp(value) {
        Ok((time, unit)) => {
            let found = match unit {
                TimestampUnit::Milliseconds => Unit::Millis,
                _ => Unit::Seconds,
            };
            let skew_ms = i128::from(time.as_millis()) - i128::from(context.now.as_millis());
            let skew_secs = i64::try_from(skew_ms / 1000).unwrap_or(i64::MAX);
            let fresh = context.window.check_time(time, context.now).is_ok();
            let status = if fresh { Status::Passed } else { Status::Failed };
            let step = report.step(format!("Check the freshness of {field}"), status);
            step.text(format!(
                "{field} {value}: {} digits, read as {}; now is {} ms; skew {skew_secs:+} s; \
                 window ±{window_secs} s",
                value.len(),
                found.name(),
                context.now.as_millis(),
            ));
            if !fresh {
                report.fail(Cause::StaleTimestamp {
                    field: field.to_owned(),
                    value: value.to_owned(),
                    skew_secs,
                    window_secs,
                });
            }
            if found != documented {
                report.cause(Cause::SecondsVsMillis {
                    field: field.to_owned(),
                    value: value.to_owned(),
                    detail: format!(
                        "{} digits are {}, but this scheme documents {}; sas-core accepts \
                         both, a stricter receiver may not",
                        value.len(),
                        found.name(),
                        documented.name()
                    ),
                    fails: false,
                });
            }
        }
        Err(error) => {
            let step = report.step(format!("Check the freshness of {field}"), Status::Failed);
            step.text(format!("{field} {value:?}: {error}"));
            let reading = other_reading(value, context);
            match reading {
                Some(reading) => report.fail(Cause::SecondsVsMillis {
                    field: field.to_owned(),
                    value: value.to_owned(),
                    detail: format!(
                        "{} digits; read as {reading} it is within the window: send {}",
                        value.len(),
                        documented.name()
                    ),
                    fails: true,
                }),
                None => report
                    .fail(Cause::Malformed { what: field.to_owned(), reason: error.to_string() }),
            }
        }
    }
}

/// A reading of an all-digit `value` (as seconds, milliseconds or microseconds) that lies
/// within the window.
fn other_reading(value: &str, context: &Context<'_>) -> Option<&'static str> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u64 = value.parse().ok()?;
    let readings = [
        ("seconds", number.checked_mul(1000)),
        ("milliseconds", Some(number)),
        ("microseconds", Some(number / 1000)),
    ];
    readings.into_iter().find_map(|(name, millis)| {
        let time = UnixTime::from_millis(millis?);
        context.window.check_time(time, context.now).is_ok().then_some(name)
    })
}

/// The values a timestamp string takes when it is 1000× off: a 10-digit value as any of the
/// milliseconds of that second, a 13-digit value as its seconds.
pub(crate) fn unit_variants(value: &str) -> Vec<String> {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    match value.len() {
        10 => (0..1000).map(|millis| format!("{value}{millis:03}")).collect(),
        13 => vec![value[..10].to_owned()],
        _ => Vec::new(),
    }
}

/// Whether `signed` is `sent` read in the other unit (seconds vs milliseconds).
pub(crate) fn is_unit_slip(sent: &str, signed: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(sent)
        && digits(signed)
        && match (sent.len(), signed.len()) {
            (10, 13) => signed.starts_with(sent),
            (13, 10) => sent.starts_with(signed),
            _ => false,
        }
}
