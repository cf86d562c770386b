//! What `cargo metadata` says about the workspace: its root, its target folder and the library
//! crates it packages (every member without `publish = false`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail, format_err};
use serde_json::Value;

/// The workspace as the CI steps need it.
#[derive(Clone, Debug)]
pub(crate) struct Workspace {
    /// The folder of the workspace's `Cargo.toml`.
    pub(crate) root: PathBuf,
    /// Cargo's target folder (`CARGO_TARGET_DIR` when set).
    pub(crate) target_dir: PathBuf,
    /// The members that would be published, in `cargo metadata` order.
    pub(crate) libraries: Vec<Library>,
}

/// One publishable member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Library {
    /// The package name (`sas-core`).
    pub(crate) name: String,
    /// Its version (`0.1.0`).
    pub(crate) version: String,
    /// Its `rust-version`, when declared.
    pub(crate) rust_version: Option<String>,
}

impl Workspace {
    /// Reads the workspace whose manifest is `manifest` (`Cargo.toml` at its root).
    pub(crate) fn load(manifest: &Path) -> anyhow::Result<Self> {
        let output = Command::new(crate::cargo())
            .args(["metadata", "--format-version", "1", "--no-deps", "--manifest-path"])
            .arg(manifest)
            .output()
            .context("cannot start cargo metadata")?;
        if !output.status.success() {
            bail!("cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr));
        }
        let metadata: Value =
            serde_json::from_slice(&output.stdout).context("cargo metadata printed bad JSON")?;
        Self::from_metadata(&metadata)
    }

    /// Reads the fields of a `cargo metadata --format-version 1` document.
    pub(crate) fn from_metadata(metadata: &Value) -> anyhow::Result<Self> {
        let path = |key: &str| {
            metadata[key]
                .as_str()
                .map(PathBuf::from)
                .ok_or_else(|| format_err!("cargo metadata has no {key}"))
        };
        let packages = metadata["packages"]
            .as_array()
            .ok_or_else(|| format_err!("cargo metadata has no packages"))?;
        let libraries = packages
            .iter()
            // `publish = false` is an empty list of registries; absent means any registry.
            .filter(|package| !package["publish"].as_array().is_some_and(Vec::is_empty))
            .map(|package| {
                let text = |key: &str| package[key].as_str().map(str::to_owned);
                Ok(Library {
                    name: text("name").ok_or_else(|| format_err!("a package has no name"))?,
                    version: text("version")
                        .ok_or_else(|| format_err!("a package has no version"))?,
                    rust_version: text("rust_version"),
                })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Workspace {
            root: path("workspace_root")?,
            target_dir: path("target_directory")?,
            libraries,
        })
    }

    /// `-p NAME` for every library crate.
    pub(crate) fn package_args(&self) -> Vec<String> {
        self.libraries.iter().flat_map(|lib| ["-p".to_owned(), lib.name.clone()]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpublished_members_are_not_libraries() {
        let metadata = serde_json::json!({
            "workspace_root": "/w",
            "target_directory": "/w/target",
            "packages": [
                { "name": "sas-core", "version": "0.1.0", "publish": null, "rust_version": "1.89" },
                { "name": "xtask", "version": "0.1.0", "publish": [], "rust_version": "1.89" },
                { "name": "sas-hyper", "version": "0.1.0", "publish": ["crates-io"] },
            ],
        });
        let workspace = Workspace::from_metadata(&metadata).unwrap();
        let names: Vec<_> = workspace.libraries.iter().map(|lib| lib.name.as_str()).collect();
        assert_eq!(names, ["sas-core", "sas-hyper"]);
        assert_eq!(workspace.libraries[0].rust_version.as_deref(), Some("1.89"));
        assert_eq!(workspace.package_args(), ["-p", "sas-core", "-p", "sas-hyper"]);
        assert_eq!(workspace.target_dir, Path::new("/w/target"));
    }

    #[test]
    fn the_real_workspace_packages_the_libraries_only() {
        let workspace =
            Workspace::load(&crate::project_root().expect("the workspace").join("Cargo.toml"))
                .unwrap();
        let names: Vec<_> = workspace.libraries.iter().map(|lib| lib.name.as_str()).collect();
        for library in ["sas-spec", "sas-derive", "sas-core", "sas-hyper"] {
            assert!(names.contains(&library), "{library} is not packaged: {names:?}");
        }
        assert!(!names.contains(&"xtask") && !names.contains(&"sas-tests"), "{names:?}");
    }
}
