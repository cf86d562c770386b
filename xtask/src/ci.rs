//! `cargo xtask ci`: every check CI runs, in order, stopping at the first failure. `.ci/run`
//! calls it, and the README names it as the test command, so CI proves what the README says.

use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, bail};

use crate::workspace::Workspace;
use crate::{cargo, debian, msrv, output, package, postgres, project_root, semver, tools};

/// One step: a name and what it runs.
struct Step {
    name: &'static str,
    action: Action,
}

/// What a step runs.
enum Action {
    /// A cargo invocation.
    Cargo { args: &'static [&'static str], env: &'static [(&'static str, &'static str)] },
    /// A check written in xtask.
    Task(fn(&Workspace) -> anyhow::Result<()>),
}

const fn cargo_step(name: &'static str, args: &'static [&'static str]) -> Step {
    Step { name, action: Action::Cargo { args, env: &[] } }
}

/// The steps, cheapest first; the packaging steps last, as they build the crates again (the
/// package check and the semver check in one target folder, sharing their dependencies).
const STEPS: &[Step] = &[
    cargo_step("format", &["fmt", "--all", "--", "--check"]),
    cargo_step(
        "clippy",
        &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"],
    ),
    cargo_step("spec-check", &["run", "--locked", "--quiet", "-p", "xtask", "--", "spec-check"]),
    // Before the tests: xtask's tests run cargo-semver-checks.
    Step { name: "tools", action: Action::Task(|_| tools::ensure_installed()) },
    cargo_step("tests", &["test", "--workspace", "--locked"]),
    Step {
        name: "rustdoc",
        action: Action::Cargo {
            args: &["doc", "--workspace", "--no-deps", "--locked"],
            env: &[("RUSTDOCFLAGS", "-D warnings")],
        },
    },
    cargo_step("main job (README)", &["run", "--locked", "--quiet", "-p", "sas-cli", "--", "demo"]),
    Step { name: "layering", action: Action::Task(|_| check_layering()) },
    Step {
        name: "package (cargo package, each .crate checked)",
        action: Action::Task(package::verify),
    },
    Step { name: "semver (cargo semver-checks)", action: Action::Task(semver::check) },
    Step {
        name: "features and msrv (cargo hack --each-feature, rust-version toolchain)",
        action: Action::Task(msrv::check),
    },
];

/// Runs every step, printing how long each took.
pub(crate) fn run() -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let workspace = Workspace::load(&project_root()?.join("Cargo.toml"))?;
    // Chromium for the browser tests, PostgreSQL's binaries when no server answers.
    debian::ensure_ci_packages()?;
    // The store tests' PostgreSQL, for every cargo command; a throwaway one stops on return.
    let database = postgres::ensure()?;
    let mut timings = Vec::new();
    for step in STEPS {
        let step_started = Instant::now();
        run_step(step, &workspace, &database.env())?;
        let took = step_started.elapsed();
        output::println(&format!("ci: {} passed in {took:.0?}", step.name))?;
        timings.push((step.name, took));
    }
    for (name, took) in &timings {
        output::println(&format!("ci: {:>8.1}s  {name}", took.as_secs_f64()))?;
    }
    output::println(&format!("ci: all checks passed in {:.0?}", started.elapsed()))?;
    if database.is_throwaway() {
        output::println("ci: stopping the throwaway PostgreSQL")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_step(step: &Step, workspace: &Workspace, env: &[(&str, String)]) -> anyhow::Result<()> {
    match &step.action {
        Action::Cargo { args, env: step_env } => {
            output::println(&format!("ci: {} (cargo {})", step.name, args.join(" ")))?;
            let status = Command::new(cargo())
                .args(*args)
                .envs(step_env.iter().copied())
                .envs(env.iter().map(|(name, value)| (*name, value.as_str())))
                .current_dir(&workspace.root)
                .status()
                .with_context(|| format!("cannot start cargo for {}", step.name))?;
            if !status.success() {
                bail!("{} failed ({status})", step.name);
            }
        }
        Action::Task(task) => {
            output::println(&format!("ci: {}", step.name))?;
            task(workspace).with_context(|| format!("{} failed", step.name))?;
        }
    }
    Ok(())
}

/// sas-core stays sans-IO: no async runtime or HTTP stack among its normal dependencies.
fn check_layering() -> anyhow::Result<()> {
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
