//! The Debian packages CI and the benchmarks need beyond the toolchain, installed with
//! `apt-get` when missing (as root, as on CI's machines): Chromium and its driver for sas-cli's
//! browser tests, PostgreSQL's binaries for a throwaway cluster when no server answers,
//! valgrind for instruction counts. A machine without them and without root gets the command
//! to run instead.

use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// Whether `program` is found on `PATH`.
pub(crate) fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether this process runs as root.
pub(crate) fn is_root() -> anyhow::Result<bool> {
    let output = Command::new("id").arg("-u").output().context("cannot start id")?;
    Ok(String::from_utf8_lossy(&output.stdout).trim() == "0")
}

/// Installs Debian's `packages` (for `why`) with `apt-get`, quietly.
///
/// # Errors
///
/// Not root (the error gives the command to run), or `apt-get` failed.
pub(crate) fn install(packages: &[&str], why: &str) -> anyhow::Result<()> {
    let list = packages.join(" ");
    if !is_root()? {
        bail!("{why} need Debian's {list}: install them (`sudo apt-get install {list}`)");
    }
    crate::output::println(&format!("xtask: installing Debian's {list} ({why})"))?;
    let install: Vec<&str> = ["install", "-y", "-qq", "--no-install-recommends"]
        .into_iter()
        .chain(packages.iter().copied())
        .collect();
    for args in [&["update", "-qq"][..], &install[..]] {
        let status = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdout(Stdio::null())
            .status()
            .context("cannot start apt-get")?;
        if !status.success() {
            bail!("apt-get {} failed ({status})", args.join(" "));
        }
    }
    Ok(())
}

/// What `cargo xtask ci` needs: Chromium and chromedriver on `PATH`, and PostgreSQL (a
/// server at the default address, or `initdb` to start one).
pub(crate) fn ensure_ci_packages() -> anyhow::Result<()> {
    if !on_path("chromium") || !on_path("chromedriver") {
        install(&["chromium", "chromium-driver"], "sas-cli's browser tests")?;
    }
    if !crate::postgres::available() {
        install(&["postgresql"], "the store tests' PostgreSQL")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::on_path;

    #[test]
    fn programs_are_found_on_path_and_missing_ones_are_not() {
        assert!(on_path("sh"));
        assert!(!on_path("sas-no-such-program"));
    }
}
