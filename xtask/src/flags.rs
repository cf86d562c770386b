//! The command line of `cargo xtask`: a small hand-written parser, so the crate needs no CLI
//! dependency.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{bail, format_err};

/// The help text.
pub(crate) const HELP: &str = "\
cargo xtask: project automation

USAGE:
    cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
    bench         Benchmark sas-core, sas-hyper and sas-store against their bare primitives: wall
                  time (medians of alternating rounds) and callgrind instruction counts
        --check                  count instructions only; fail when an op is over 10% above
                                 the baseline (.ci/bench-baseline.json)
        --save-baseline          count instructions only and make them the baseline
    ci            Run every check CI runs: format, clippy, spec-check, tests, rustdoc, the main job,
                  layering, each feature, cargo package, semver-checks, the MSRV build
    package       Package the library crates and check each from its own .crate, as CI does
    semver-check  Run cargo semver-checks against the baseline (.ci/semver-baseline/), as CI does
    semver-baseline
                  Make the library crates as they are now the semver baseline (.ci/semver-baseline/)
    spec-check    Compare spec/ with the vendor's documentation tables in spec/vendor/
        --vendor <DIR>           read the vendor texts from DIR instead of spec/vendor/
        --format <text|json>     report format (default: text)
    help          Print this text
";

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Command {
    /// `cargo xtask bench`.
    Bench(BenchMode),
    /// `cargo xtask ci`.
    Ci,
    /// `cargo xtask spec-check`.
    SpecCheck(SpecCheck),
    /// `cargo xtask package`.
    Package,
    /// `cargo xtask semver-check`.
    SemverCheck,
    /// `cargo xtask semver-baseline`.
    SemverBaseline,
    /// `cargo xtask help`, `--help`, `-h`.
    Help,
}

/// What `cargo xtask bench` does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum BenchMode {
    /// Every figure: wall time, instruction counts, store throughput.
    #[default]
    Full,
    /// Instruction counts only, compared with the baseline (`--check`).
    Check,
    /// Instruction counts only, written as the new baseline (`--save-baseline`).
    SaveBaseline,
}

/// The options of `spec-check`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SpecCheck {
    /// The folder of the vendor texts, when not `spec/vendor/`.
    pub(crate) vendor: Option<PathBuf>,
    /// How to print the report.
    pub(crate) format: Format,
}

/// A report format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Format {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON document.
    Json,
}

/// Parses the arguments after `cargo xtask`.
pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> anyhow::Result<Command> {
    let mut args = args.into_iter().map(|arg| {
        arg.into_string().map_err(|arg| format_err!("argument is not UTF-8: {}", arg.display()))
    });
    let Some(command) = args.next().transpose()? else {
        return Ok(Command::Help);
    };
    match command.as_str() {
        "help" | "--help" | "-h" => Ok(Command::Help),
        "ci" => Ok(Command::Ci),
        "bench" => {
            let mut mode = BenchMode::Full;
            while let Some(arg) = args.next().transpose()? {
                let wanted = match arg.as_str() {
                    "--check" => BenchMode::Check,
                    "--save-baseline" => BenchMode::SaveBaseline,
                    "--help" | "-h" => return Ok(Command::Help),
                    other => bail!("unknown option `{other}` for bench\n\n{HELP}"),
                };
                if mode != BenchMode::Full && mode != wanted {
                    bail!("bench takes --check or --save-baseline, not both");
                }
                mode = wanted;
            }
            Ok(Command::Bench(mode))
        }
        "package" => Ok(Command::Package),
        "semver-check" => Ok(Command::SemverCheck),
        "semver-baseline" => Ok(Command::SemverBaseline),
        "spec-check" => {
            let mut flags = SpecCheck::default();
            while let Some(arg) = args.next().transpose()? {
                let (name, inline) = match arg.split_once('=') {
                    Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                    None => (arg, None),
                };
                let mut value = || match inline.clone() {
                    Some(value) => Ok(value),
                    None => {
                        args.next().transpose()?.ok_or_else(|| format_err!("{name} needs a value"))
                    }
                };
                match name.as_str() {
                    "--vendor" => flags.vendor = Some(PathBuf::from(value()?)),
                    "--format" => {
                        flags.format = match value()?.as_str() {
                            "text" => Format::Text,
                            "json" => Format::Json,
                            other => bail!("unknown format `{other}`: expected text or json"),
                        }
                    }
                    "--help" | "-h" => return Ok(Command::Help),
                    other => bail!("unknown option `{other}` for spec-check\n\n{HELP}"),
                }
            }
            Ok(Command::SpecCheck(flags))
        }
        other => bail!("unknown command `{other}`\n\n{HELP}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> anyhow::Result<Command> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn spec_check_options() {
        assert_eq!(parse_strs(&["spec-check"]).unwrap(), Command::SpecCheck(SpecCheck::default()));
        assert_eq!(
            parse_strs(&["spec-check", "--vendor", "v", "--format=json"]).unwrap(),
            Command::SpecCheck(SpecCheck { vendor: Some("v".into()), format: Format::Json })
        );
        assert_eq!(parse_strs(&[]).unwrap(), Command::Help);
        assert_eq!(parse_strs(&["semver-baseline"]).unwrap(), Command::SemverBaseline);
        assert_eq!(parse_strs(&["package"]).unwrap(), Command::Package);
        assert_eq!(parse_strs(&["semver-check"]).unwrap(), Command::SemverCheck);
    }

    #[test]
    fn bench_options() {
        assert_eq!(parse_strs(&["bench"]).unwrap(), Command::Bench(BenchMode::Full));
        assert_eq!(parse_strs(&["bench", "--check"]).unwrap(), Command::Bench(BenchMode::Check));
        assert_eq!(
            parse_strs(&["bench", "--save-baseline"]).unwrap(),
            Command::Bench(BenchMode::SaveBaseline)
        );
        assert!(parse_strs(&["bench", "--check", "--save-baseline"]).is_err());
        assert!(parse_strs(&["bench", "--fast"]).is_err());
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(parse_strs(&["spec-check", "--format", "xml"]).is_err());
        assert!(parse_strs(&["spec-check", "--vendor"]).is_err());
        assert!(parse_strs(&["spec-check", "--verbose"]).is_err());
        assert!(parse_strs(&["frobnicate"]).is_err());
    }
}
