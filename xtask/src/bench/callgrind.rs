//! Instruction counts with valgrind's callgrind: a benchmark binary runs a fixed amount of work
//! under `valgrind --tool=callgrind` at two sizes, and the difference of the two totals divided
//! by the difference of the sizes is the count per iteration, free of the process's start-up
//! and set-up. valgrind is installed with apt-get when missing (as root, on Debian).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail, format_err};

use super::build::Binary;

/// How many times the larger run does the smaller one's work.
const SCALE: u64 = 5;

/// valgrind's version line, installing Debian's `valgrind` package first when it is missing.
pub(crate) fn ensure_valgrind() -> anyhow::Result<String> {
    if let Some(version) = valgrind_version() {
        return Ok(version);
    }
    crate::debian::install(&["valgrind"], "instruction counts")?;
    valgrind_version().ok_or_else(|| format_err!("valgrind still does not run after installing it"))
}

fn valgrind_version() -> Option<String> {
    let output = Command::new("valgrind").arg("--version").output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// One fixed workload of a benchmark binary: the variables that select it, and the variable
/// that sets its size.
#[derive(Clone, Debug)]
pub(crate) struct Workload {
    /// A label for messages and file names.
    pub(crate) label: String,
    /// The variables that select the work.
    pub(crate) env: Vec<(String, String)>,
    /// The variable holding the number of iterations.
    pub(crate) size_var: &'static str,
    /// Iterations of the smaller run.
    pub(crate) size: u64,
}

/// Instructions per iteration of `workload`: counted at `size` and `SCALE × size` iterations.
pub(crate) fn per_iteration(
    binary: &Binary,
    workload: &Workload,
    dir: &Path,
) -> anyhow::Result<f64> {
    let small = total(binary, workload, workload.size, dir)?;
    let large = total(binary, workload, workload.size * SCALE, dir)?;
    difference((workload.size, small), (workload.size * SCALE, large))
        .with_context(|| format!("counting {}", workload.label))
}

/// The instructions the binary executed doing `size` iterations of the workload.
fn total(binary: &Binary, workload: &Workload, size: u64, dir: &Path) -> anyhow::Result<u64> {
    let file: PathBuf =
        dir.join(format!("callgrind.{}.{size}.out", workload.label.replace(['/', ' '], "_")));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", file.display()))
        .arg(&binary.path)
        .arg("--bench")
        .envs(workload.env.iter().map(|(name, value)| (name, value)))
        .env(workload.size_var, size.to_string())
        .current_dir(&binary.dir)
        .output()
        .context("cannot start valgrind")?;
    if !output.status.success() {
        bail!(
            "{} under callgrind failed ({}):\n{}{}",
            workload.label,
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let _ = std::fs::remove_file(&file);
    instructions(&text).ok_or_else(|| format_err!("no instruction total in {}", file.display()))
}

/// The `Ir` total of a callgrind output file: the `totals:` line (or, failing that, the
/// `summary:` line), at the position the `events:` line gives `Ir`.
pub(crate) fn instructions(text: &str) -> Option<u64> {
    let field = |key: &str| {
        text.lines().rev().find_map(|line| line.strip_prefix(key)).map(str::split_whitespace)
    };
    let at = field("events:")?.position(|event| event == "Ir")?;
    field("totals:").or_else(|| field("summary:"))?.nth(at)?.parse().ok()
}

/// Instructions per iteration from two `(iterations, total)` counts: the difference of the
/// totals over the difference of the iterations. An error when the larger run did not count
/// more (the workload is not what its size says).
pub(crate) fn difference(small: (u64, u64), large: (u64, u64)) -> anyhow::Result<f64> {
    let (iterations, instructions) = (
        large.0.checked_sub(small.0).filter(|&n| n > 0),
        large.1.checked_sub(small.1).filter(|&n| n > 0),
    );
    match (iterations, instructions) {
        (Some(n), Some(i)) => Ok(i as f64 / n as f64),
        _ => bail!(
            "{} iterations counted {} instructions and {} counted {}: not more work",
            small.0,
            small.1,
            large.0,
            large.1
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_instruction_total_is_read_from_a_callgrind_file() {
        let file = "# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\npositions: line\n\
                    events: Ir\nsummary: 126559\n\nfn=(1) main\n3 12\n\ntotals: 126560\n";
        assert_eq!(instructions(file), Some(126_560));
        // Several events: the Ir column.
        let file = "events: Dr Ir Dw\nsummary: 1 2 3\n";
        assert_eq!(instructions(file), Some(2));
        assert_eq!(instructions("events: Dr\ntotals: 5\n"), None);
        assert_eq!(instructions("events: Ir\n"), None);
        assert_eq!(instructions("events: Ir\ntotals: many\n"), None);
    }

    #[test]
    fn the_count_per_iteration_is_the_difference_of_two_runs() {
        // 1 000 000 instructions of set-up, 2 500 per iteration.
        let per = difference((200, 1_500_000), (1000, 3_500_000)).unwrap();
        assert!((per - 2500.0).abs() < 1e-9);
        assert!(difference((200, 1_500_000), (1000, 1_500_000)).is_err());
        assert!(difference((200, 1_500_000), (1000, 1_400_000)).is_err());
        assert!(difference((200, 1), (200, 2)).is_err());
    }
}
