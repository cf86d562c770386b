//! Tidy checks of the source tree, run as tests: every Rust file opens with a `//!` line, no
//! file carries trailing white space, ignored tests or leftover todos, and sas-core's packaged
//! spec is the workspace's `spec/` itself.

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::project_root;

    /// Rust files that are not the project's own prose: generated code and compile-fail inputs.
    fn exempt(path: &Path) -> bool {
        let text = path.to_string_lossy();
        text.ends_with("tests/expand/api.rs") || text.contains("sas-derive/tests/ui/")
    }

    fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && name != "target" && !name.to_string_lossy().starts_with('.') {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") && !exempt(&path) {
                found.push(path);
            }
        }
    }

    fn project_rust_files() -> Vec<PathBuf> {
        let root = project_root().expect("the workspace");
        let mut found = Vec::new();
        for dir in ["crates", "xtask", "tests", "fuzz"] {
            rust_files(&root.join(dir), &mut found);
        }
        found.sort();
        assert!(found.len() > 20, "the tidy check found too few files: {found:?}");
        found
    }

    #[test]
    fn every_rust_file_opens_with_a_module_doc() {
        let missing: Vec<_> = project_rust_files()
            .into_iter()
            .filter(|path| {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                !text.starts_with("//!")
            })
            .collect();
        assert!(missing.is_empty(), "files without a leading `//!` line: {missing:#?}");
    }

    #[test]
    fn no_trailing_whitespace_ignored_tests_or_todos() {
        let ignore = concat!("#[", "ignore");
        let todo = concat!("todo", "!(");
        let mut problems = Vec::new();
        for path in project_rust_files() {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (number, line) in text.lines().enumerate() {
                let at = format!("{}:{}", path.display(), number + 1);
                if line.ends_with([' ', '\t']) {
                    problems.push(format!("{at}: trailing white space"));
                }
                if line.contains(ignore) {
                    problems.push(format!("{at}: an ignored test proves nothing"));
                }
                if line.contains(todo) {
                    problems.push(format!("{at}: todo! left in"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// `crates/sas-core/spec` must be the link to `spec/` that `cargo package` follows, not a
    /// copy that could drift, nor a file holding the link's text (a clone without symbolic
    /// links).
    #[test]
    fn sas_core_packages_the_workspace_spec() {
        let root = project_root().expect("the workspace");
        let link = root.join("crates/sas-core/spec");
        let meta = std::fs::symlink_metadata(&link).expect("crates/sas-core/spec is missing");
        assert!(
            meta.file_type().is_symlink(),
            "crates/sas-core/spec must be a symbolic link to ../../spec (on Windows, clone with \
             `git config core.symlinks true`)"
        );
        let target = std::fs::canonicalize(&link).expect("crates/sas-core/spec is a broken link");
        let spec = std::fs::canonicalize(root.join("spec")).expect("spec/ is missing");
        assert_eq!(target, spec, "crates/sas-core/spec must point at the workspace's spec/");
        assert!(target.join("sas.toml").is_file(), "spec/sas.toml is missing");
    }
}
