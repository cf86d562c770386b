//! `cargo semver-checks` against a committed baseline of the public API.
//!
//! The baseline is `.ci/semver-baseline/`: the `.crate` files of the library crates as the last
//! release packaged them (what crates.io would serve), made by `cargo xtask semver-baseline`.
//! Committing sources rather than rustdoc JSON keeps the baseline valid across toolchains (the
//! JSON format changes with rustdoc) and needs no git history (CI may run on a shallow clone).
//!
//! The check unpacks the baseline into a generated workspace under the target folder (its
//! crates depend on each other through `[patch.crates-io]`, with the current `Cargo.lock`, so
//! both sides build against the same dependency versions), builds the rustdoc JSON of each
//! library on both sides the way cargo-semver-checks does, and hands the two files to
//! `cargo semver-checks`. The release type follows the versions: an unchanged version must be
//! compatible, so an unintended breaking change fails.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::package;
use crate::workspace::{Library, Workspace};

/// Where the baseline `.crate` files live, from the workspace root.
pub(crate) const BASELINE_DIR: &str = ".ci/semver-baseline";

/// The rustdoc flags cargo-semver-checks itself uses (hidden items are needed to tell what is
/// public API).
const RUSTDOCFLAGS: &str = "-Z unstable-options --document-private-items --document-hidden-items \
                            --output-format=json --cap-lints=allow";

/// What semver-checks said about one crate.
#[derive(Debug)]
pub(crate) struct Verdict {
    /// The crate checked.
    pub(crate) name: String,
    /// Whether it found no breaking change the version does not allow.
    pub(crate) passed: bool,
    /// Its output, stdout then stderr.
    pub(crate) report: String,
}

/// `cargo xtask semver-baseline`: packages the library crates as they are now and makes them
/// the baseline, replacing the `.crate` files there.
pub(crate) fn refresh(workspace: &Workspace) -> anyhow::Result<()> {
    let dir = workspace.root.join(BASELINE_DIR);
    let made = package::pack(
        &workspace.root.join("Cargo.toml"),
        &workspace.libraries,
        &workspace.target_dir.join("semver").join("pack"),
    )?;
    replace_crate_files(&dir, &made)?;
    for file in &made {
        println!("semver-baseline: {}", file.file_name().unwrap_or_default().to_string_lossy());
    }
    println!("semver-baseline: refreshed {}; commit it with the change it accepts", dir.display());
    Ok(())
}

/// The CI step: every library crate that has a baseline must be compatible with it.
pub(crate) fn check(workspace: &Workspace) -> anyhow::Result<()> {
    // The current side as published: the packages the package step checked.
    let current = package::current(workspace)?;
    let verdicts = check_against(
        &current.manifest,
        &workspace.libraries,
        &workspace.root.join(BASELINE_DIR),
        &package::work_dir(workspace),
        false,
    )?;
    for verdict in &verdicts {
        let outcome = if verdict.passed { "compatible" } else { "BREAKING" };
        crate::output::println(&format!("semver: {} is {outcome}:", verdict.name))?;
        crate::output::print(&verdict.report)?;
    }
    let failed: Vec<&str> =
        verdicts.iter().filter(|v| !v.passed).map(|v| v.name.as_str()).collect();
    if !failed.is_empty() {
        bail!(
            "breaking changes against the baseline in {BASELINE_DIR}/ in: {}.\n\
             If a change is deliberate, bump the crate's version as the README's versioning \
             policy says and record it in CHANGELOG.md; the baseline is refreshed with \
             `cargo xtask semver-baseline` when a release is made.",
            failed.join(", ")
        );
    }
    Ok(())
}

/// Checks `libraries` of the workspace at `manifest` against the `.crate` files in
/// `baseline_dir`, working under `work_dir`. A library without a baseline
/// (a new crate) is reported and skipped.
pub(crate) fn check_against(
    manifest: &Path,
    libraries: &[Library],
    baseline_dir: &Path,
    work_dir: &Path,
    locked: bool,
) -> anyhow::Result<Vec<Verdict>> {
    let lock = manifest.with_file_name("Cargo.lock");
    let baseline =
        package::unpack(&package::crate_files(baseline_dir)?, &work_dir.join("baseline"), &lock)?;
    let mut compared = Vec::new();
    for library in libraries {
        match baseline.crates.iter().find(|(name, _)| *name == library.name) {
            Some((_, version)) => compared.push((library, version)),
            None => {
                println!("semver: {} has no baseline in {}; skipped", library.name, BASELINE_DIR)
            }
        }
    }
    // One target folder for both sides, every current crate first and then every baseline
    // crate: the dependencies from crates.io are built once, and only the workspace's own
    // crates are built again for the baseline. Each JSON is copied out as soon as it is made,
    // since both sides write the same file name.
    let target = work_dir.join("target");
    let json = work_dir.join("json");
    fs::create_dir_all(&json).with_context(|| format!("cannot create {}", json.display()))?;
    let mut sides = Vec::new();
    let names: Vec<&str> = compared.iter().map(|(library, _)| library.name.as_str()).collect();
    for (side, manifest, locked) in
        [("current", manifest, locked), ("baseline", baseline.manifest.as_path(), false)]
    {
        // Both sides build crates of the same names into the same `doc/` files: without their
        // fingerprints, cargo documents them again rather than keep the other side's file.
        let compared_libraries: Vec<Library> =
            compared.iter().map(|(library, _)| (*library).clone()).collect();
        package::forget_packaged_builds(&target, &compared_libraries)?;
        for (name, made) in names.iter().zip(rustdoc_json(manifest, &names, &target, locked)?) {
            let kept = json.join(format!("{side}-{name}.json"));
            fs::copy(&made, &kept).with_context(|| format!("cannot copy {}", made.display()))?;
            sides.push(kept);
        }
    }
    // The comparisons are independent processes: run them side by side.
    let outputs: Vec<std::io::Result<std::process::Output>> = std::thread::scope(|scope| {
        let running: Vec<_> = compared
            .iter()
            .enumerate()
            .map(|(index, (library, version))| {
                println!("semver: {} {} against baseline {version}", library.name, library.version);
                let (current, previous) = (&sides[index], &sides[compared.len() + index]);
                scope.spawn(move || {
                    Command::new(crate::cargo())
                        .args(["semver-checks", "--color", "never", "--current-rustdoc"])
                        .arg(current)
                        .arg("--baseline-rustdoc")
                        .arg(previous)
                        .output()
                })
            })
            .collect();
        running
            .into_iter()
            .map(|thread| {
                thread.join().unwrap_or_else(|_| Err(std::io::Error::other("the thread panicked")))
            })
            .collect()
    });
    let mut verdicts = Vec::new();
    for ((library, _), output) in compared.iter().zip(outputs) {
        let output = output.context(
            "cannot start cargo semver-checks (cargo install --locked cargo-semver-checks)",
        )?;
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        verdicts.push(Verdict {
            name: library.name.clone(),
            passed: output.status.success(),
            report,
        });
    }
    Ok(verdicts)
}

/// Builds the rustdoc JSON of `packages` in the workspace at `manifest` with all their
/// features, as cargo-semver-checks builds it, in one cargo run (rustdoc documents several
/// crates at once), and returns the files in the order of `packages`.
fn rustdoc_json(
    manifest: &Path,
    packages: &[&str],
    target_dir: &Path,
    locked: bool,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut command = Command::new(crate::cargo());
    command
        .args(["doc", "--quiet", "--no-deps", "--lib", "--all-features", "--manifest-path"])
        .arg(manifest)
        .args(packages.iter().flat_map(|package| ["--package", package]))
        .arg("--target-dir")
        .arg(target_dir)
        // rustdoc's JSON output is unstable; cargo-semver-checks builds it the same way.
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTDOCFLAGS", RUSTDOCFLAGS)
        .env("RUSTFLAGS", package::RUSTFLAGS);
    if locked {
        command.arg("--locked");
    }
    let status = command.status().context("cannot start cargo doc")?;
    if !status.success() {
        bail!(
            "cannot build the rustdoc JSON of {} in {} ({status})",
            packages.join(", "),
            manifest.display()
        );
    }
    packages
        .iter()
        .map(|package| {
            let json = target_dir.join("doc").join(format!("{}.json", package.replace('-', "_")));
            if !json.is_file() {
                bail!("cargo doc wrote no {}", json.display());
            }
            Ok(json)
        })
        .collect()
}

/// Puts `made` in `dir` in place of the `.crate` files there.
fn replace_crate_files(dir: &Path, made: &[PathBuf]) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for old in package::crate_files(dir)? {
        fs::remove_file(&old).with_context(|| format!("cannot remove {}", old.display()))?;
    }
    for file in made {
        let name = file.file_name().unwrap_or_default();
        fs::copy(file, dir.join(name))
            .with_context(|| format!("cannot copy {}", file.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-crate workspace in a fresh temporary folder.
    struct Probe {
        dir: PathBuf,
    }

    impl Probe {
        fn new(test: &str) -> Probe {
            let dir = std::env::temp_dir().join(format!("xtask-{test}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("src")).unwrap();
            fs::write(
                dir.join("Cargo.toml"),
                "[package]\nname = \"semver-probe\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
                 license = \"MIT\"\ndescription = \"probe\"\n\n[workspace]\n",
            )
            .unwrap();
            Probe { dir }
        }

        fn write_lib(&self, code: &str) {
            fs::write(self.dir.join("src/lib.rs"), code).unwrap();
        }

        fn library(&self) -> Vec<Library> {
            vec![Library {
                name: "semver-probe".to_owned(),
                version: "0.1.0".to_owned(),
                rust_version: None,
            }]
        }

        fn check(&self) -> Verdict {
            let manifest = self.dir.join("Cargo.toml");
            let verdicts = check_against(
                &manifest,
                &self.library(),
                &self.dir.join("baseline"),
                &self.dir.join("target/semver"),
                false,
            )
            .unwrap();
            verdicts.into_iter().next().expect("the probe has a baseline")
        }
    }

    impl Drop for Probe {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }

    /// The check the CI step runs, on a crate small enough to build in seconds: an added item
    /// passes, a removed public item fails with cargo-semver-checks' `function_missing`.
    #[test]
    fn a_removed_public_item_fails_the_check() {
        let probe = Probe::new("semver");
        probe.write_lib("//! Probe.\n\n/// Kept.\npub fn kept() {}\n\n/// Removed later.\npub fn removed() {}\n");
        let made = package::pack(
            &probe.dir.join("Cargo.toml"),
            &probe.library(),
            &probe.dir.join("target"),
        )
        .unwrap();
        replace_crate_files(&probe.dir.join("baseline"), &made).unwrap();

        probe.write_lib(
            "//! Probe.\n\n/// Kept.\npub fn kept() {}\n\n/// Removed later.\npub fn removed() {}\n\n\
             /// Added.\npub fn added() {}\n",
        );
        let additive = probe.check();
        assert!(additive.passed, "an added item is not breaking:\n{}", additive.report);

        probe.write_lib("//! Probe.\n\n/// Kept.\npub fn kept() {}\n");
        let breaking = probe.check();
        assert!(!breaking.passed, "a removed item must fail:\n{}", breaking.report);
        assert!(breaking.report.contains("function_missing"), "{}", breaking.report);
        assert!(breaking.report.contains("removed"), "{}", breaking.report);
    }

    #[test]
    fn every_library_has_a_committed_baseline() {
        let root = crate::project_root().expect("the workspace");
        let files = package::crate_files(&root.join(BASELINE_DIR)).unwrap();
        let names: Vec<String> =
            files.iter().filter_map(|f| f.file_name()?.to_str().map(str::to_owned)).collect();
        for library in ["sas-spec", "sas-derive", "sas-core"] {
            assert!(
                names
                    .iter()
                    .any(|n| package::parse_crate_file_name(n).is_some_and(|(k, _)| k == library)),
                "no baseline for {library} in {BASELINE_DIR}: {names:?}"
            );
        }
    }
}
