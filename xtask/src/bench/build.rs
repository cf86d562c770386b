//! Building the benchmark binaries with the `bench` profile (`cargo bench --no-run`), and
//! finding each one's executable in cargo's JSON messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail, format_err};

/// A benchmark target: its package and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// The package that holds it.
    pub(crate) package: &'static str,
    /// The `[[bench]]` name.
    pub(crate) name: &'static str,
}

/// sas-core's crypto and codec benchmark.
pub(crate) const CRYPTO: Target = Target { package: "sas-core", name: "crypto" };
/// sas-hyper's transport benchmark.
pub(crate) const TRANSPORT: Target = Target { package: "sas-hyper", name: "transport" };
/// sas-store's throughput benchmark.
pub(crate) const THROUGHPUT: Target = Target { package: "sas-store", name: "throughput" };

/// A built benchmark.
#[derive(Clone, Debug)]
pub(crate) struct Binary {
    /// The executable.
    pub(crate) path: PathBuf,
    /// Its package's folder, where `cargo bench` would run it.
    pub(crate) dir: PathBuf,
}

/// Builds `targets` in one cargo invocation (shared dependencies build once) and returns
/// their executables, in the order asked.
pub(crate) fn build(root: &Path, targets: &[Target]) -> anyhow::Result<Vec<Binary>> {
    let mut command = Command::new(crate::cargo());
    command.args(["bench", "--no-run", "--locked", "--message-format=json-render-diagnostics"]);
    for target in targets {
        command.args(["-p", target.package, "--bench", target.name]);
    }
    let output = command
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot start cargo bench --no-run")?;
    if !output.status.success() {
        bail!("cargo bench --no-run failed ({})", output.status);
    }
    let built = executables(&String::from_utf8_lossy(&output.stdout));
    targets
        .iter()
        .map(|target| {
            let path = built
                .iter()
                .find(|(name, _)| name == target.name)
                .map(|(_, path)| path.clone())
                .ok_or_else(|| {
                    format_err!("cargo built no executable for bench {}", target.name)
                })?;
            Ok(Binary { path, dir: root.join("crates").join(target.package) })
        })
        .collect()
}

/// The `(bench name, executable)` pairs in cargo's `--message-format=json` output: the
/// `compiler-artifact` messages of bench targets that have an executable.
fn executables(messages: &str) -> Vec<(String, PathBuf)> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| {
            message["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|kind| kind == "bench"))
        })
        .filter_map(|message| {
            let name = message["target"]["name"].as_str()?.to_owned();
            let path = PathBuf::from(message["executable"].as_str()?);
            Some((name, path))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_executables_are_read_from_cargo_messages() {
        let messages = r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"ring"},"executable":null}
{"reason":"compiler-artifact","target":{"kind":["bench"],"name":"crypto"},"executable":"/t/release/deps/crypto-1a"}
not json: a line cargo did not write
{"reason":"build-finished","success":true}
{"reason":"compiler-artifact","target":{"kind":["bench"],"name":"transport"},"executable":"/t/release/deps/transport-2b"}
{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"sas"},"executable":"/t/release/sas"}"#;
        assert_eq!(
            executables(messages),
            [
                ("crypto".to_owned(), PathBuf::from("/t/release/deps/crypto-1a")),
                ("transport".to_owned(), PathBuf::from("/t/release/deps/transport-2b")),
            ]
        );
    }
}
