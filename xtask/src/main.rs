//! `cargo xtask`: project automation (the cargo-xtask pattern).
//!
//! `main` only dispatches; each command lives in its own module. `cargo test -p xtask` runs the
//! commands' checks as tests, spec-check on the committed `spec/` and `spec/vendor/` included.

mod ci;
mod flags;
mod spec_check;
mod tidy;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
        flags::Command::Ci => ci::run(),
        flags::Command::SpecCheck(flags) => spec_check::run(&flags),
        flags::Command::Help => {
            print!("{}", flags::HELP);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The workspace root: the parent of this crate's folder.
pub(crate) fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new(".")).to_path_buf()
}
