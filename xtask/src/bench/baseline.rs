//! The committed instruction baseline (`.ci/bench-baseline.json`: op → instructions per
//! iteration of ours) and the check against it: an op more than [`TOLERANCE`] above its
//! baseline is a regression.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, format_err};
use serde_json::{Value, json};

/// Where the baseline is, relative to the workspace root.
pub(crate) const PATH: &str = ".ci/bench-baseline.json";

/// How far above the baseline an op may go: 10%.
pub(crate) const TOLERANCE: f64 = 0.10;

/// Instructions per iteration by op, and the compiler they were counted with.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Baseline {
    /// `rustc --version` of the build that was counted.
    pub(crate) rustc: String,
    /// Instructions per iteration, by op name.
    pub(crate) ops: BTreeMap<String, u64>,
}

impl Baseline {
    /// Reads the file's text.
    pub(crate) fn parse(text: &str) -> anyhow::Result<Self> {
        let value: Value = serde_json::from_str(text).context("the baseline is not JSON")?;
        let rustc = value["rustc"].as_str().unwrap_or_default().to_owned();
        let ops = value["instructions"]
            .as_object()
            .ok_or_else(|| format_err!("the baseline has no `instructions` object"))?
            .iter()
            .map(|(op, count)| {
                let count = count
                    .as_u64()
                    .ok_or_else(|| format_err!("the baseline of {op} is not a whole number"))?;
                Ok((op.clone(), count))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Self { rustc, ops })
    }

    /// Reads `PATH` under `root`.
    pub(crate) fn load(root: &Path) -> anyhow::Result<Self> {
        let path = root.join(PATH);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!("cannot read {}: run cargo xtask bench --save-baseline", path.display())
        })?;
        Self::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    /// The file's text: pretty JSON, ops sorted by name, a final newline.
    pub(crate) fn to_text(&self) -> String {
        let document = json!({
            "about": "Instructions per iteration of each op (callgrind Ir), written by \
                      `cargo xtask bench --save-baseline`; `cargo xtask bench --check` fails \
                      when an op counts more than 10% above its figure here.",
            "rustc": self.rustc,
            "instructions": self.ops,
        });
        let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// One op's line of the check.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// The op.
    pub(crate) op: String,
    /// Its baseline, if it has one.
    pub(crate) baseline: Option<u64>,
    /// What was counted now, if it was.
    pub(crate) now: Option<u64>,
    /// The verdict.
    pub(crate) verdict: Verdict,
}

/// What the check says of one op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Within the tolerance (or below the baseline).
    Ok,
    /// More than the tolerance above the baseline.
    Regressed,
    /// Counted now but not in the baseline.
    New,
    /// In the baseline but not counted now.
    Missing,
}

impl Verdict {
    /// Whether the check fails on it.
    pub(crate) fn fails(self) -> bool {
        matches!(self, Self::Regressed | Self::Missing)
    }

    fn word(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Regressed => "REGRESSED",
            Self::New => "new (not in the baseline)",
            Self::Missing => "MISSING (not counted)",
        }
    }
}

/// Compares `now` with the baseline, op by op, in name order.
pub(crate) fn compare(baseline: &Baseline, now: &BTreeMap<String, u64>) -> Vec<Row> {
    let mut ops: Vec<&String> = baseline.ops.keys().chain(now.keys()).collect();
    ops.sort();
    ops.dedup();
    ops.into_iter()
        .map(|op| {
            let (base, count) = (baseline.ops.get(op).copied(), now.get(op).copied());
            let verdict = match (base, count) {
                (Some(base), Some(count)) if count as f64 > base as f64 * (1.0 + TOLERANCE) => {
                    Verdict::Regressed
                }
                (Some(_), Some(_)) => Verdict::Ok,
                (None, _) => Verdict::New,
                (Some(_), None) => Verdict::Missing,
            };
            Row { op: op.clone(), baseline: base, now: count, verdict }
        })
        .collect()
}

/// The check as a table: op, baseline, now, change, verdict.
pub(crate) fn table(rows: &[Row]) -> String {
    let number = |n: Option<u64>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
    let mut text = format!(
        "{:<22} {:>12} {:>12} {:>8}  verdict (fails above +{:.0}%)\n",
        "op",
        "baseline",
        "now",
        "change",
        TOLERANCE * 100.0
    );
    for row in rows {
        let change = match (row.baseline, row.now) {
            (Some(base), Some(now)) if base > 0 => {
                format!("{:+.1}%", (now as f64 / base as f64 - 1.0) * 100.0)
            }
            _ => "-".to_owned(),
        };
        text.push_str(&format!(
            "{:<22} {:>12} {:>12} {:>8}  {}\n",
            row.op,
            number(row.baseline),
            number(row.now),
            change,
            row.verdict.word()
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|&(op, n)| (op.to_owned(), n)).collect()
    }

    #[test]
    fn the_baseline_file_round_trips_and_bad_files_are_errors() {
        let baseline = Baseline {
            rustc: "rustc 1.95.0".to_owned(),
            ops: counts(&[("b.op", 20), ("a.op", 10)]),
        };
        let text = baseline.to_text();
        assert!(text.find("\"a.op\"") < text.find("\"b.op\""), "sorted: {text}");
        assert_eq!(Baseline::parse(&text).unwrap(), baseline);
        assert!(Baseline::parse("{}").is_err());
        assert!(Baseline::parse(r#"{"instructions":{"a":1.5}}"#).is_err());
        assert!(Baseline::parse(r#"{"instructions":{"a":-1}}"#).is_err());
        assert!(Baseline::parse("instructions = 1").is_err());
        assert_eq!(
            Baseline::parse(r#"{"instructions":{"a":7}}"#).unwrap().ops,
            counts(&[("a", 7)])
        );
    }

    #[test]
    fn more_than_ten_percent_above_the_baseline_is_a_regression() {
        let baseline = Baseline {
            rustc: String::new(),
            ops: counts(&[
                ("same", 1000),
                ("edge", 1000),
                ("over", 1000),
                ("faster", 1000),
                ("gone", 5),
            ]),
        };
        let now = counts(&[
            ("same", 1000),
            ("edge", 1100),
            ("over", 1101),
            ("faster", 500),
            ("added", 9),
        ]);
        let rows = compare(&baseline, &now);
        let verdict = |op: &str| rows.iter().find(|row| row.op == op).unwrap().verdict;
        assert_eq!(verdict("same"), Verdict::Ok);
        assert_eq!(verdict("edge"), Verdict::Ok);
        assert_eq!(verdict("over"), Verdict::Regressed);
        assert_eq!(verdict("faster"), Verdict::Ok);
        assert_eq!(verdict("added"), Verdict::New);
        assert_eq!(verdict("gone"), Verdict::Missing);
        let failing: Vec<&str> =
            rows.iter().filter(|row| row.verdict.fails()).map(|row| row.op.as_str()).collect();
        assert_eq!(failing, ["gone", "over"]);
    }

    #[test]
    fn the_table_shows_the_change() {
        let baseline = Baseline { rustc: String::new(), ops: counts(&[("op", 1000)]) };
        let text = table(&compare(&baseline, &counts(&[("op", 1200)])));
        let line = text.lines().nth(1).unwrap();
        assert!(line.starts_with("op "), "{line}");
        assert!(
            line.contains("1000") && line.contains("1200") && line.contains("+20.0%"),
            "{line}"
        );
        assert!(line.ends_with("REGRESSED"), "{line}");
    }
}
