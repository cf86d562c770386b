//! The cargo subcommands CI needs beyond the toolchain (`cargo-semver-checks`, `cargo-hack`),
//! installed from crates.io with `cargo install --locked` when absent (built without LTO, which
//! would only slow the install), so a fresh machine runs `cargo xtask ci` unaided.

use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// One tool: the crate to install and the `cargo` subcommand it provides.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tool {
    /// The crate on crates.io.
    pub(crate) krate: &'static str,
    /// The subcommand (`cargo <subcommand> --version` proves it is there).
    pub(crate) subcommand: &'static str,
}

/// The tools `cargo xtask ci` runs.
pub(crate) const TOOLS: &[Tool] = &[
    Tool { krate: "cargo-semver-checks", subcommand: "semver-checks" },
    Tool { krate: "cargo-hack", subcommand: "hack" },
];

/// Whether `cargo <subcommand>` answers `--version`.
pub(crate) fn is_installed(tool: Tool) -> bool {
    Command::new(crate::cargo())
        .args([tool.subcommand, "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Installs every tool that is missing.
pub(crate) fn ensure_installed() -> anyhow::Result<()> {
    for &tool in TOOLS {
        if is_installed(tool) {
            continue;
        }
        println!("ci: installing {} (cargo install --locked {})", tool.krate, tool.krate);
        let status = Command::new(crate::cargo())
            .args(["install", "--locked", tool.krate])
            // cargo-semver-checks asks for fat LTO in one codegen unit: over ten minutes of
            // one core on a fresh machine. A tool CI runs once a build needs none of it.
            .env("CARGO_PROFILE_RELEASE_LTO", "off")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .status()
            .with_context(|| format!("cannot start cargo install {}", tool.krate))?;
        if !status.success() || !is_installed(tool) {
            bail!(
                "cannot install {krate} ({status}); install it by hand with \
                 `cargo install --locked {krate}`",
                krate = tool.krate
            );
        }
    }
    Ok(())
}
