//! The figures of sas-core's ops: the wall-clock lines the crypto benchmark prints with
//! `SAS_BENCH_FORMAT=tsv`, read back, and the table that puts them beside the instruction
//! counts.

use std::collections::BTreeMap;

use anyhow::{Context, format_err};

/// One op's wall-clock figures, as the benchmark printed them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Wall {
    /// The op's name.
    pub(crate) op: String,
    /// Median nanoseconds per iteration, ours.
    pub(crate) ours_ns: f64,
    /// Median nanoseconds per iteration, the bare primitives.
    pub(crate) bare_ns: f64,
    /// Median of the rounds' ratios ours / bare.
    pub(crate) ratio: f64,
    /// Lowest and highest round ratio.
    pub(crate) spread: (f64, f64),
    /// Highest acceptable ratio.
    pub(crate) target: f64,
    /// What is compared.
    pub(crate) what: String,
}

/// Reads the benchmark's tab-separated lines:
/// `op, ours ns, bare ns, ratio, lowest, highest, target, what`.
pub(crate) fn parse_wall(text: &str) -> anyhow::Result<Vec<Wall>> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| parse_line(line).with_context(|| format!("in the benchmark's line `{line}`")))
        .collect()
}

fn parse_line(line: &str) -> anyhow::Result<Wall> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [op, ours, bare, ratio, low, high, target, what] = fields[..] else {
        return Err(format_err!("{} fields, not 8", fields.len()));
    };
    let number = |text: &str| -> anyhow::Result<f64> {
        text.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| format_err!("`{text}` is not a number"))
    };
    Ok(Wall {
        op: op.to_owned(),
        ours_ns: number(ours)?,
        bare_ns: number(bare)?,
        ratio: number(ratio)?,
        spread: (number(low)?, number(high)?),
        target: number(target)?,
        what: what.to_owned(),
    })
}

/// Instructions per iteration of both sides of an op.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Counts {
    /// Ours.
    pub(crate) ours: f64,
    /// The bare primitives.
    pub(crate) bare: f64,
}

impl Counts {
    /// Ours over bare.
    pub(crate) fn ratio(self) -> f64 {
        self.ours / self.bare
    }
}

fn verdict(ratio: f64, target: f64) -> &'static str {
    if ratio <= target { "ok" } else { "over" }
}

/// The table of sas-core's ops: wall time and instructions, ours and bare, with the ratios.
pub(crate) fn ops_table(walls: &[Wall], counts: &BTreeMap<String, Counts>) -> String {
    let mut text = format!(
        "{:<22} {:>9} {:>9} {:>6} {:>11}  {:>11} {:>11} {:>6}  {:<6} {}\n",
        "op",
        "ours ns",
        "bare ns",
        "time×",
        "[min–max]",
        "ours Ir",
        "bare Ir",
        "Ir×",
        "target",
        "compared with"
    );
    for wall in walls {
        let (ours_ir, bare_ir, ir_ratio, ir_verdict) = match counts.get(&wall.op) {
            Some(count) => (
                format!("{:.0}", count.ours),
                format!("{:.0}", count.bare),
                format!("{:.3}", count.ratio()),
                verdict(count.ratio(), wall.target),
            ),
            None => ("-".to_owned(), "-".to_owned(), "-".to_owned(), "-"),
        };
        text.push_str(&format!(
            "{:<22} {:>9.0} {:>9.0} {:>6.3} {:>11}  {:>11} {:>11} {:>6}  ≤{:<5} {} (time {}, Ir {})\n",
            wall.op,
            wall.ours_ns,
            wall.bare_ns,
            wall.ratio,
            format!("[{:.2}–{:.2}]", wall.spread.0, wall.spread.1),
            ours_ir,
            bare_ir,
            ir_ratio,
            wall.target,
            wall.what,
            verdict(wall.ratio, wall.target),
            ir_verdict,
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_lines_are_read_and_bad_ones_refused() {
        let text = "tc_signature.sign\t60.5\t50.0\t1.2100\t1.1000\t1.3000\t1.2\tTC-Signature sign vs aes\n\n";
        let walls = parse_wall(text).unwrap();
        assert_eq!(
            walls,
            [Wall {
                op: "tc_signature.sign".to_owned(),
                ours_ns: 60.5,
                bare_ns: 50.0,
                ratio: 1.21,
                spread: (1.1, 1.3),
                target: 1.2,
                what: "TC-Signature sign vs aes".to_owned(),
            }]
        );
        assert!(parse_wall("op\t1\t2\n").is_err());
        assert!(parse_wall("op\t1\t2\tNaN\t1\t1\t1.2\twhat\n").is_err());
        assert!(parse_wall("op\tfast\t2\t1\t1\t1\t1.2\twhat\n").is_err());
    }

    #[test]
    fn the_table_puts_both_ratios_beside_the_target() {
        let walls = parse_wall("a.op\t120\t100\t1.2000\t1.1\t1.3\t1.2\tA vs bare\n").unwrap();
        let counts = BTreeMap::from([("a.op".to_owned(), Counts { ours: 1500.0, bare: 1000.0 })]);
        let table = ops_table(&walls, &counts);
        let line = table.lines().nth(1).unwrap();
        assert!(line.contains("1.200") && line.contains("1.500"), "{line}");
        assert!(line.ends_with("(time ok, Ir over)"), "{line}");
        let table = ops_table(&walls, &BTreeMap::new());
        assert!(table.lines().nth(1).unwrap().ends_with("(time ok, Ir -)"));
    }
}
