//! `cargo xtask ci`: every check CI runs, in order, stopping at the first failure. `.ci/run`
//! calls it, and the README names it as the test command, so CI proves what the README says.

use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, bail};

use crate::{output, project_root};

/// One step: a name and a cargo invocation.
struct Step {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

/// The steps, cheapest first.
const STEPS: &[Step] = &[
    Step { name: "format", args: &["fmt", "--all", "--", "--check"], env: &[] },
    Step {
        name: "clippy",
        args: &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"],
        env: &[],
    },
    Step {
        name: "spec-check",
        args: &["run", "--locked", "--quiet", "-p", "xtask", "--", "spec-check"],
        env: &[],
    },
    Step { name: "tests", args: &["test", "--workspace", "--locked"], env: &[] },
    Step {
        name: "rustdoc",
        args: &["doc", "--workspace", "--no-deps", "--locked"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
    Step {
        name: "main job (README)",
        args: &["run", "--locked", "--quiet", "-p", "sas-core", "--example", "catalogue"],
        env: &[],
    },
];

/// Runs every step, then the layering check.
pub(crate) fn run() -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    for step in STEPS {
        run_step(step)?;
    }
    check_layering()?;
    output::println(&format!("ci: all checks passed in {:.0?}", started.elapsed()))?;
    Ok(ExitCode::SUCCESS)
}

fn run_step(step: &Step) -> anyhow::Result<()> {
    output::println(&format!("ci: {} (cargo {})", step.name, step.args.join(" ")))?;
    let started = Instant::now();
    let status = Command::new(cargo())
        .args(step.args)
        .envs(step.env.iter().copied())
        .current_dir(project_root()?)
        .status()
        .with_context(|| format!("cannot start cargo for {}", step.name))?;
    if !status.success() {
        bail!("{} failed ({status})", step.name);
    }
    output::println(&format!("ci: {} passed in {:.0?}", step.name, started.elapsed()))?;
    Ok(())
}

/// sas-core stays sans-IO: no async runtime or HTTP stack among its normal dependencies.
fn check_layering() -> anyhow::Result<()> {
    output::println("ci: layering (cargo tree -p sas-core -e normal)")?;
    let output = Command::new(cargo())
        .args(["tree", "-p", "sas-core", "-e", "normal", "--prefix", "none", "--locked"])
        .current_dir(project_root()?)
        .output()
        .context("cannot start cargo tree")?;
    if !output.status.success() {
        bail!("cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let forbidden = forbidden_dependencies(&tree);
    if !forbidden.is_empty() {
        bail!("sas-core must stay sans-IO, but depends on: {}", forbidden.join(", "));
    }
    output::println("ci: layering passed")?;
    Ok(())
}

/// The I/O crates named in a `cargo tree --prefix none` listing.
fn forbidden_dependencies(tree: &str) -> Vec<String> {
    const IO_CRATES: &[&str] =
        &["tokio", "hyper", "hyper-util", "hyper-rustls", "reqwest", "ureq", "mio"];
    let mut found: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| IO_CRATES.contains(name))
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    found
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

#[cfg(test)]
mod tests {
    use super::forbidden_dependencies;

    #[test]
    fn layering_check_spots_io_crates() {
        let tree =
            "sas-core v0.1.0\nserde v1.0.0\ntokio v1.40.0 (*)\nhyper v1.4.0\ntokio v1.40.0\n";
        assert_eq!(forbidden_dependencies(tree), ["hyper", "tokio"]);
        // The example's client is a dev-dependency; a normal one is caught.
        assert_eq!(forbidden_dependencies("sas-core v0.1.0\nureq v3.5.1\n"), ["ureq"]);
        assert!(forbidden_dependencies("sas-core v0.1.0\nring v0.17.0\n").is_empty());
    }
}
