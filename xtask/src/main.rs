//! `cargo xtask`: project automation (the cargo-xtask pattern).
//!
//! `main` only dispatches; each command lives in its own module. `cargo test -p xtask` runs the
//! commands' checks as tests, spec-check on the committed `spec/` and `spec/vendor/` included.

mod bench;
mod ci;
mod debian;
mod flags;
mod msrv;
mod output;
mod package;
mod postgres;
mod semver;
mod spec_check;
mod tidy;
mod tools;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, format_err};

fn main() -> ExitCode {
    match try_main() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn try_main() -> anyhow::Result<ExitCode> {
    match flags::parse(std::env::args_os().skip(1))? {
        flags::Command::Bench(mode) => bench::run(mode),
        flags::Command::Ci => ci::run(),
        flags::Command::SpecCheck(flags) => spec_check::run(&flags),
        flags::Command::Package => {
            package::verify(&workspace::Workspace::load(&project_root()?.join("Cargo.toml"))?)?;
            Ok(ExitCode::SUCCESS)
        }
        flags::Command::SemverCheck => {
            semver::check(&workspace::Workspace::load(&project_root()?.join("Cargo.toml"))?)?;
            Ok(ExitCode::SUCCESS)
        }
        flags::Command::SemverBaseline => {
            semver::refresh(&workspace::Workspace::load(&project_root()?.join("Cargo.toml"))?)?;
            Ok(ExitCode::SUCCESS)
        }
        flags::Command::Help => {
            output::print(flags::HELP)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The workspace root, found at run time: the nearest folder, from the current one upwards,
/// whose `Cargo.toml` declares `[workspace]`.
///
/// Not a path compiled into the binary: a copy of the repository built into a shared target
/// folder must check its own spec, not the one the binary was first built from.
pub(crate) fn project_root() -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    workspace_root(&cwd).ok_or_else(|| {
        format_err!(
            "no Cargo workspace in {} or above it: run cargo xtask inside the repository",
            cwd.display()
        )
    })
}

/// The nearest folder from `start` upwards whose `Cargo.toml` has a `[workspace]` table.
fn workspace_root(start: &Path) -> Option<PathBuf> {
    start.ancestors().find(|dir| is_workspace_root(dir)).map(Path::to_path_buf)
}

fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .is_ok_and(|text| text.lines().any(|line| line.trim() == "[workspace]"))
}

/// The cargo that runs xtask (`CARGO`), or the one on `PATH`.
pub(crate) fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

#[cfg(test)]
mod tests {
    use super::workspace_root;

    #[test]
    fn the_workspace_is_found_from_any_folder_below_it() {
        let base = std::env::temp_dir().join(format!("xtask-root-{}", std::process::id()));
        let member = base.join("copy/xtask/src");
        std::fs::create_dir_all(&member).expect("temp folders");
        std::fs::write(base.join("copy/Cargo.toml"), "[workspace]\nmembers = []\n").expect("write");
        std::fs::write(base.join("copy/xtask/Cargo.toml"), "[package]\nname = \"x\"\n")
            .expect("write");
        let found = workspace_root(&member);
        let _ = std::fs::remove_dir_all(&base);
        assert_eq!(found, Some(base.join("copy")));
    }

    #[test]
    fn the_committed_workspace_is_the_current_one() {
        // cargo test runs in the package folder: its parent is this checkout, whatever its path.
        let cwd = std::env::current_dir().expect("cwd");
        assert_eq!(workspace_root(&cwd).as_deref(), cwd.parent());
    }
}
