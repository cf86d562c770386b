//! Packaging the library crates: `cargo package` as a release would run it, with its
//! verification build (each crate built from its own `.crate`, the workspace's other unpublished
//! crates served from a local overlay), and without it to make `.crate` files for the semver
//! baseline.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::workspace::{Library, Workspace};

/// The CI step: packages and verifies every library crate, in a target folder of its own (the
/// verification builds with cargo's default profile, without debug info, and keeps the
/// workspace's artifacts apart from the packaged copies of the same crates).
pub(crate) fn verify(workspace: &Workspace) -> anyhow::Result<()> {
    let target_dir = workspace.target_dir.join("package-verify");
    // A cargo home of its own, so the packages cargo unpacks for the verification (it never
    // unpacks a registry package twice) can be cleared without touching anyone else's.
    let cargo_home = target_dir.join("cargo-home");
    forget_unpacked_packages(&cargo_home)?;
    forget_packaged_builds(&target_dir, &workspace.libraries)?;
    let status = Command::new(crate::cargo())
        .env("CARGO_HOME", &cargo_home)
        // The verification proves the packages build; debug info would only slow it down.
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .args(["package", "--locked", "--allow-dirty"])
        .args(workspace.package_args())
        .arg("--target-dir")
        .arg(&target_dir)
        .current_dir(&workspace.root)
        .status()
        .context("cannot start cargo package")?;
    if !status.success() {
        bail!("cargo package failed ({status})");
    }
    Ok(())
}

/// Removes the sources cargo unpacked from the verification's local registries
/// (`registry/src/-<hash>/` in `cargo_home`; crates.io's folder is named after its host).
fn forget_unpacked_packages(cargo_home: &Path) -> anyhow::Result<()> {
    let sources = cargo_home.join("registry").join("src");
    let Ok(entries) = std::fs::read_dir(&sources) else { return Ok(()) };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('-') {
            std::fs::remove_dir_all(entry.path())
                .with_context(|| format!("cannot remove {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Drops cargo's fingerprints of the library crates from an earlier verification in
/// `target_dir`. The verification builds each crate as a registry package of an unchanged
/// version, which cargo takes to be immutable: without this, a later run would link what the
/// earlier one built (a sas-core verified against last run's sas-spec). Their dependencies from
/// crates.io stay built.
fn forget_packaged_builds(target_dir: &Path, libraries: &[Library]) -> anyhow::Result<()> {
    let fingerprints = target_dir.join("debug").join(".fingerprint");
    let Ok(entries) = std::fs::read_dir(&fingerprints) else { return Ok(()) };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if libraries.iter().any(|lib| is_build_of(&name, &lib.name)) {
            std::fs::remove_dir_all(entry.path())
                .with_context(|| format!("cannot remove {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Whether a `.fingerprint` folder name (`sas-core-1f0882f324a6ffbc`) is a build of `package`.
fn is_build_of(folder: &str, package: &str) -> bool {
    folder
        .strip_prefix(package)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hash| !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit()))
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
    fn fingerprints_are_matched_by_package() {
        assert!(is_build_of("sas-core-1f0882f324a6ffbc", "sas-core"));
        assert!(!is_build_of("sas-core-extra-1f0882f324a6ffbc", "sas-core"));
        assert!(!is_build_of("sas-spec-0c87c46a58ecc733", "sas-core"));
        assert!(!is_build_of("sas-core", "sas-core"));
    }

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
