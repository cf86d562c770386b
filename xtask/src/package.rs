//! Packaging the library crates as a release would (`cargo package`), and checking that each
//! `.crate` builds on its own: the packages are unpacked as a workspace of their own (their
//! dependencies on each other patched to the unpacked copies, the workspace's `Cargo.lock`)
//! and checked there. The same unpacked workspace is the current side of the semver check, so
//! both steps share one build of the dependencies.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::workspace::{Library, Workspace};

/// The flags every build under [`work_dir`] uses, so the check here and the semver step's
/// rustdoc share their dependencies' builds (lints of unpacked code are not ours to fix here;
/// `cargo clippy` on the workspace holds them).
pub(crate) const RUSTFLAGS: &str = "--cap-lints=allow";

/// Where packaging and the semver check work: `target/semver/`.
pub(crate) fn work_dir(workspace: &Workspace) -> PathBuf {
    workspace.target_dir.join("semver")
}

/// The CI step: packages every library crate and checks each `.crate` as it would be
/// published: its files alone, every feature on, the others crates' `.crate` files beside it.
/// A file left out of a package (a module, an `include_str!`, a build script input) fails here.
pub(crate) fn verify(workspace: &Workspace) -> anyhow::Result<()> {
    let current = current(workspace)?;
    let status = Command::new(crate::cargo())
        .args(["check", "--quiet", "--workspace", "--all-features", "--manifest-path"])
        .arg(&current.manifest)
        .arg("--target-dir")
        .arg(work_dir(workspace).join("target"))
        .env("RUSTFLAGS", RUSTFLAGS)
        .current_dir(&workspace.root)
        .status()
        .context("cannot start cargo check")?;
    if !status.success() {
        bail!(
            "a packaged crate does not build from its .crate file ({status}); the sources are \
             in {}",
            current.manifest.parent().unwrap_or(Path::new(".")).display()
        );
    }
    for (name, version) in &current.crates {
        println!("package: {name} {version} builds from its .crate");
    }
    Ok(())
}

/// Packages the workspace's library crates as they are now and unpacks them under
/// `target/semver/current/`.
pub(crate) fn current(workspace: &Workspace) -> anyhow::Result<Unpacked> {
    let work = work_dir(workspace);
    let made = pack(&workspace.root.join("Cargo.toml"), &workspace.libraries, &work.join("pack"))?;
    unpack(&made, &work.join("current"), &workspace.root.join("Cargo.lock"))
}

/// `.crate` files unpacked as a workspace.
pub(crate) struct Unpacked {
    /// The generated workspace manifest.
    pub(crate) manifest: PathBuf,
    /// Name and version of each crate.
    pub(crate) crates: Vec<(String, String)>,
}

/// Unpacks `files` (`.crate`) under `out` (again only when they changed, so cargo can reuse its
/// builds), as a workspace whose crates resolve each other by path, with a copy of `lock`.
pub(crate) fn unpack(files: &[PathBuf], out: &Path, lock: &Path) -> anyhow::Result<Unpacked> {
    let crates: Vec<(String, String)> = files
        .iter()
        .filter_map(|file| {
            let name = file.file_name()?.to_str()?;
            let (krate, version) = parse_crate_file_name(name)?;
            Some((krate.to_owned(), version.to_owned()))
        })
        .collect();
    let src = out.join("src");
    let stamp_path = out.join("stamp");
    let stamp = stamp(files)?;
    if fs::read_to_string(&stamp_path).ok().as_deref() != Some(stamp.as_str()) {
        if src.exists() {
            fs::remove_dir_all(&src).with_context(|| format!("cannot clear {}", src.display()))?;
        }
        fs::create_dir_all(&src).with_context(|| format!("cannot create {}", src.display()))?;
        for file in files {
            // `-m`: the files get the time of unpacking, not the archive's, so cargo sees them
            // as changed and rebuilds the crates instead of keeping an earlier unpacking's.
            let status = Command::new("tar")
                .arg("-xzmf")
                .arg(file)
                .arg("-C")
                .arg(&src)
                .status()
                .context("cannot start tar")?;
            if !status.success() {
                bail!("tar cannot unpack {} ({status})", file.display());
            }
        }
        fs::write(src.join("Cargo.toml"), workspace_manifest(&crates))?;
        fs::write(&stamp_path, stamp)?;
    }
    // The current lock file: the same dependency versions as the workspace (cargo drops what
    // these crates do not use).
    if lock.exists() {
        fs::copy(lock, src.join("Cargo.lock"))
            .with_context(|| format!("cannot copy {}", lock.display()))?;
    }
    Ok(Unpacked { manifest: src.join("Cargo.toml"), crates })
}

/// The `.crate` files of `dir`, sorted.
pub(crate) fn crate_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "crate"))
        .collect();
    files.sort();
    Ok(files)
}

/// A fingerprint of the files' names and bytes.
fn stamp(files: &[PathBuf]) -> anyhow::Result<String> {
    let mut lines = String::new();
    for file in files {
        let bytes = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        lines.push_str(&format!("{name} {} {:016x}\n", bytes.len(), hasher.finish()));
    }
    Ok(lines)
}

/// The manifest of a generated workspace holding unpacked crates.
fn workspace_manifest(crates: &[(String, String)]) -> String {
    let mut text = String::from(
        "# Generated by `cargo xtask` from .crate files: do not edit.\n\
         [workspace]\nresolver = \"3\"\nmembers = [\n",
    );
    for (name, version) in crates {
        text.push_str(&format!("    \"{name}-{version}\",\n"));
    }
    text.push_str("]\n\n[patch.crates-io]\n");
    for (name, version) in crates {
        text.push_str(&format!("{name} = {{ path = \"{name}-{version}\" }}\n"));
    }
    text
}

/// Drops cargo's fingerprints of the library crates from an earlier build in
/// `target_dir`. The verification builds each crate as a registry package of an unchanged
/// version, which cargo takes to be immutable: without this, a later run would link what the
/// earlier one built (a sas-core verified against last run's sas-spec). Their dependencies from
/// crates.io stay built.
pub(crate) fn forget_packaged_builds(
    target_dir: &Path,
    libraries: &[Library],
) -> anyhow::Result<()> {
    let fingerprints = target_dir.join("debug").join(".fingerprint");
    let Ok(entries) = fs::read_dir(&fingerprints) else { return Ok(()) };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if libraries.iter().any(|lib| is_build_of(&name, &lib.name)) {
            fs::remove_dir_all(entry.path())
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
    fn the_unpacked_workspace_patches_every_crate() {
        let text = workspace_manifest(&[
            ("sas-core".to_owned(), "0.1.0".to_owned()),
            ("sas-spec".to_owned(), "0.1.0".to_owned()),
        ]);
        assert!(text.contains("members = [\n    \"sas-core-0.1.0\",\n    \"sas-spec-0.1.0\",\n]"));
        assert!(text.contains("sas-spec = { path = \"sas-spec-0.1.0\" }"), "{text}");
    }

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
