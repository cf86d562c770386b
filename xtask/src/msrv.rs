//! The MSRV and feature check: each library crate, with each feature alone, builds with the
//! toolchain whose version is its declared `rust-version`, installed with rustup when absent.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::workspace::Workspace;

/// The CI step: every library crate, with each of its features alone, checked with the
/// toolchain of the declared `rust-version` (`cargo hack check --each-feature`), installed with
/// rustup when absent. One pass proves both that each feature builds on its own and that the
/// crates build on their MSRV. Where the toolchain cannot be installed (an offline machine),
/// the features are checked with the current toolchain and the declaration offline.
pub(crate) fn check(workspace: &Workspace) -> anyhow::Result<()> {
    let rust_version = declared_rust_version(workspace)?;
    let toolchain = toolchain_name(&rust_version);
    if !is_installed(&toolchain)? {
        println!("ci: installing the MSRV toolchain {toolchain} (rustup toolchain install)");
        let status = Command::new("rustup")
            .args(["toolchain", "install", &toolchain, "--profile", "minimal"])
            .status();
        if !status.is_ok_and(|status| status.success()) || !is_installed(&toolchain)? {
            // No toolchain to be had: each feature with this toolchain, and the declaration.
            check_each_feature(workspace, None)?;
            return check_declaration(workspace, &rust_version, &toolchain);
        }
    }
    check_each_feature(workspace, Some(&toolchain)).map_err(|error| {
        error.context(format!(
            "the library crates do not build with Rust {toolchain}, their rust-version, or a \
             feature does not build alone: raise rust-version (see the README's versioning \
             policy), avoid the newer feature, or fix the feature's dependencies"
        ))
    })
}

/// The one `rust-version` every library crate declares.
fn declared_rust_version(workspace: &Workspace) -> anyhow::Result<String> {
    let declared: BTreeSet<&str> =
        workspace.libraries.iter().filter_map(|lib| lib.rust_version.as_deref()).collect();
    let undeclared: Vec<&str> = workspace
        .libraries
        .iter()
        .filter(|lib| lib.rust_version.is_none())
        .map(|lib| lib.name.as_str())
        .collect();
    if !undeclared.is_empty() {
        bail!("library crates without a rust-version: {}", undeclared.join(", "));
    }
    let [rust_version] = declared.into_iter().collect::<Vec<_>>()[..] else {
        bail!("the library crates declare different rust-versions; they share the workspace's");
    };
    Ok(rust_version.to_owned())
}

/// `cargo hack check --each-feature` over the library crates, with `toolchain` (through
/// `rustup run`) or the current one, in a target folder of its own.
fn check_each_feature(workspace: &Workspace, toolchain: Option<&str>) -> anyhow::Result<()> {
    let mut command = match toolchain {
        Some(toolchain) => {
            let mut command = Command::new("rustup");
            command.args(["run", toolchain, "cargo"]);
            command
        }
        None => Command::new(crate::cargo()),
    };
    let target_dir = workspace.target_dir.join(match toolchain {
        Some(_) => "msrv",
        None => "each-feature",
    });
    let status = command
        .args(["hack", "check", "--each-feature", "--locked"])
        .args(workspace.package_args())
        .arg("--target-dir")
        .arg(target_dir)
        // The cargo that starts cargo-hack names itself in `CARGO`; ours must not leak in.
        .env_remove("CARGO")
        .current_dir(&workspace.root)
        .status()
        .context("cannot start cargo hack")?;
    if !status.success() {
        bail!("cargo hack check --each-feature failed ({status})");
    }
    Ok(())
}

/// The offline check, where the MSRV toolchain cannot be installed: no locked package (a
/// dependency of any kind, or a workspace member) declares a newer `rust-version` than ours.
fn check_declaration(
    workspace: &Workspace,
    rust_version: &str,
    toolchain: &str,
) -> anyhow::Result<()> {
    let output = Command::new("cargo")
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(&workspace.root)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot start cargo metadata")?;
    if !output.status.success() {
        bail!("cargo metadata failed ({})", output.status);
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).context("cargo metadata printed no JSON")?;
    let ours = version_key(rust_version);
    let newer: Vec<String> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|package| {
            let needs = package["rust_version"].as_str()?;
            (version_key(needs) > ours)
                .then(|| format!("{} needs {needs}", package["name"].as_str().unwrap_or("?")))
        })
        .collect();
    if !newer.is_empty() {
        bail!(
            "rust-version {rust_version} is older than locked packages need: {}",
            newer.join(", ")
        );
    }
    println!(
        "ci: Rust {toolchain} cannot be installed here; checked offline instead: no locked \
         package needs a newer Rust than {rust_version}"
    );
    Ok(())
}

/// `"1.89"` or `"1.89.0"` as numbers, for ordering.
fn version_key(version: &str) -> Vec<u64> {
    let mut key: Vec<u64> = version.split('.').map(|part| part.parse().unwrap_or(0)).collect();
    key.resize(3, 0);
    key
}

/// Whether rustup lists `toolchain` (for this host) as installed.
fn is_installed(toolchain: &str) -> anyhow::Result<bool> {
    let output = Command::new("rustup")
        .args(["toolchain", "list"])
        .stderr(Stdio::inherit())
        .output()
        .context("the MSRV check needs rustup, which cannot be started")?;
    Ok(lists(&String::from_utf8_lossy(&output.stdout), toolchain))
}

/// Whether a `rustup toolchain list` output holds `toolchain`.
fn lists(listing: &str, toolchain: &str) -> bool {
    let prefix = format!("{toolchain}-");
    listing.lines().any(|line| line.starts_with(&prefix))
}

/// The rustup name of a `rust-version`: `1.89` is the toolchain `1.89.0`.
fn toolchain_name(rust_version: &str) -> String {
    match rust_version.split('.').count() {
        2 => format!("{rust_version}.0"),
        _ => rust_version.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_by_number() {
        assert!(version_key("1.100") > version_key("1.89.0"));
        assert_eq!(version_key("1.89"), version_key("1.89.0"));
    }

    #[test]
    fn rust_version_names_a_toolchain() {
        assert_eq!(toolchain_name("1.89"), "1.89.0");
        assert_eq!(toolchain_name("1.89.1"), "1.89.1");
    }

    #[test]
    fn installed_toolchains_are_matched_exactly() {
        let listing = "stable-x86_64-unknown-linux-gnu (active, default)\n\
                       1.89.0-x86_64-unknown-linux-gnu\n1.95.0-x86_64-unknown-linux-gnu\n";
        assert!(lists(listing, "1.89.0"));
        assert!(!lists(listing, "1.89.1"));
        assert!(!lists(listing, "1.9.0"));
    }
}
