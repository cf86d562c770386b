//! Packaging the library crates: `cargo package` as a release would run it, with its
//! verification build (each crate built from its own `.crate`, the workspace's other unpublished
//! crates served from a local overlay), and without it to make `.crate` files for the semver
//! baseline.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::workspace::{Library, Workspace};

/// The CI step: packages and verifies every library crate, in a target folder of its own (the
/// verification builds with cargo's default profile, and keeps the workspace's artifacts apart
/// from the packaged copies of the same crates).
pub(crate) fn verify(workspace: &Workspace) -> anyhow::Result<()> {
    let status = Command::new(crate::cargo())
        .args(["package", "--locked", "--allow-dirty"])
        .args(workspace.package_args())
        .arg("--target-dir")
        .arg(workspace.target_dir.join("package-verify"))
        .current_dir(&workspace.root)
        .status()
        .context("cannot start cargo package")?;
    if !status.success() {
        bail!("cargo package failed ({status})");
    }
    Ok(())
}

/// Packages `libraries` of the workspace at `manifest` without verifying them, and returns the
/// `.crate` files, written under `target_dir/package/`.
pub(crate) fn pack(
    manifest: &Path,
    libraries: &[Library],
    target_dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let status = Command::new(crate::cargo())
        .args(["package", "--no-verify", "--allow-dirty", "--quiet", "--manifest-path"])
        .arg(manifest)
        .args(libraries.iter().flat_map(|lib| ["-p", lib.name.as_str()]))
        .arg("--target-dir")
        .arg(target_dir)
        .status()
        .context("cannot start cargo package")?;
    if !status.success() {
        bail!("cargo package --no-verify failed ({status})");
    }
    Ok(libraries
        .iter()
        .map(|lib| target_dir.join("package").join(crate_file_name(&lib.name, &lib.version)))
        .collect())
}

/// `sas-core-0.1.0.crate`.
pub(crate) fn crate_file_name(name: &str, version: &str) -> String {
    format!("{name}-{version}.crate")
}

/// Splits `sas-core-0.1.0.crate` into its name and version (the version starts at the first
/// `-` followed by a digit).
pub(crate) fn parse_crate_file_name(file: &str) -> Option<(&str, &str)> {
    let stem = file.strip_suffix(".crate")?;
    let at = stem
        .match_indices('-')
        .map(|(at, _)| at)
        .find(|&at| stem[at + 1..].starts_with(|c: char| c.is_ascii_digit()))?;
    Some((&stem[..at], &stem[at + 1..])).filter(|(name, _)| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_file_names_round_trip() {
        assert_eq!(crate_file_name("sas-core", "0.1.0"), "sas-core-0.1.0.crate");
        assert_eq!(parse_crate_file_name("sas-core-0.1.0.crate"), Some(("sas-core", "0.1.0")));
        assert_eq!(
            parse_crate_file_name("sas-hyper-1.2.3-rc.1.crate"),
            Some(("sas-hyper", "1.2.3-rc.1"))
        );
        assert_eq!(parse_crate_file_name("sas-core.crate"), None);
        assert_eq!(parse_crate_file_name("-0.1.0.crate"), None);
        assert_eq!(parse_crate_file_name("README.md"), None);
    }
}
