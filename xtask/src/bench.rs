//! `cargo xtask bench`: every benchmark of the workspace from one command, with figures that
//! hold on a busy machine.
//!
//! - sas-core's crypto and codec ops against their bare primitives: wall time (medians of
//!   alternating rounds, from the benchmark itself) and instructions per iteration (callgrind,
//!   two sizes, the difference), ours and bare, as ratios;
//! - sas-hyper's server and client against bare hyper: the transport benchmark's alternating
//!   rounds, and instructions per exchange from its fixed-count mode; the server both against
//!   bare hyper answering the same bytes and against bare hyper doing checkUser's checks by
//!   hand with the same primitives;
//! - sas-store's throughput, with PostgreSQL from [`crate::postgres`].
//!
//! `--check` counts ours only and compares with the committed baseline
//! ([`baseline::PATH`]), failing on an op more than 10% above it; `--save-baseline` writes the
//! counts as the new baseline.

mod baseline;
mod build;
mod callgrind;
mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, bail};

use self::build::{Binary, CRYPTO, THROUGHPUT, TRANSPORT};
use self::callgrind::Workload;
use self::report::Counts;
use crate::flags::BenchMode;
use crate::{output, postgres, project_root};

/// The transport benchmark's fixed-count cases: the baseline name of ours, and its case.
const TRANSPORT_CASES: &[(&str, &str)] =
    &[("transport.server", "server-sas"), ("transport.client", "client-sas")];

/// Requests of the smaller transport count, and how many the benchmark keeps in flight.
const TRANSPORT_REQUESTS: u64 = 100;
const TRANSPORT_CONCURRENCY: &str = "4";

/// Runs `cargo xtask bench` in `mode`.
pub(crate) fn run(mode: BenchMode) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let root = project_root()?;
    let full = mode == BenchMode::Full;
    // The store's benchmark builds on its own: built together, its features would change the
    // others' dependencies, and with them the counts `--check` compares.
    let mut builds = vec![vec![CRYPTO, TRANSPORT]];
    if full {
        builds.push(vec![THROUGHPUT]);
    }
    let mut binaries = Vec::new();
    for targets in builds {
        let names: Vec<&str> = targets.iter().map(|t| t.name).collect();
        output::println(&format!("bench: building {} (cargo bench --no-run)", names.join(", ")))?;
        binaries.extend(build::build(&root, &targets)?);
    }
    let (crypto, transport) = (&binaries[0], &binaries[1]);
    let valgrind = callgrind::ensure_valgrind()?;
    output::println(&format!(
        "bench: built in {:.0?}; counting with {valgrind}",
        started.elapsed()
    ))?;
    let scratch = scratch_dir()?;
    let result = measure(mode, &root, &binaries, crypto, transport, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    let code = result?;
    output::println(&format!("bench: done in {:.0?}", started.elapsed()))?;
    Ok(code)
}

fn measure(
    mode: BenchMode,
    root: &Path,
    binaries: &[Binary],
    crypto: &Binary,
    transport: &Binary,
    scratch: &Path,
) -> anyhow::Result<ExitCode> {
    let full = mode == BenchMode::Full;
    let walls = if full {
        output::println("\nbench: timing sas-core's ops (on-CPU time, alternating rounds)")?;
        report::parse_wall(&capture(crypto, &[("SAS_BENCH_FORMAT", "tsv")])?)?
    } else {
        Vec::new()
    };
    output::println("bench: counting instructions (callgrind)")?;
    let ops = list_ops(crypto)?;
    let mut workloads = Vec::new();
    for (op, size) in &ops {
        let sides: &[&str] = if full { &["ours", "bare"] } else { &["ours"] };
        for side in sides {
            workloads.push((crypto, crypto_workload(op, side, *size)));
        }
    }
    let mut cases: Vec<(&str, &str)> = TRANSPORT_CASES.to_vec();
    if full {
        cases.push(("transport.bare", "bare"));
        cases.push(("transport.bare-checked", "bare-checked"));
    }
    for (label, case) in &cases {
        workloads.push((transport, transport_workload(label, case)));
    }
    let counted = count_all(&workloads, scratch)?;
    let count = |label: &str| counted.get(label).copied().unwrap_or(f64::NAN);

    let mut ours: BTreeMap<String, u64> = BTreeMap::new();
    for (op, _) in &ops {
        ours.insert(op.clone(), count(&format!("{op}/ours")).round() as u64);
    }
    for (label, _) in TRANSPORT_CASES {
        ours.insert((*label).to_owned(), count(label).round() as u64);
    }

    if full {
        let counts: BTreeMap<String, Counts> = ops
            .iter()
            .map(|(op, _)| {
                let pair = Counts {
                    ours: count(&format!("{op}/ours")),
                    bare: count(&format!("{op}/bare")),
                };
                (op.clone(), pair)
            })
            .collect();
        output::println("\n== sas-core: crypto and codec ops against their bare primitives ==")?;
        output::println(
            "time: the thread's on-CPU ns per op, median of alternating rounds (×: median of the \
             rounds' ratios ours/bare); Ir: instructions per op (callgrind), ours and bare",
        )?;
        output::print(&report::ops_table(&walls, &counts))?;

        output::println(
            "\n== sas-hyper: server and client against bare hyper (checkUser, loopback) ==",
        )?;
        run_inherited(transport, &[])?;
        let bare = count("transport.bare");
        for (label, _) in TRANSPORT_CASES {
            output::println(&format!(
                "{label}: {:.0} instructions per exchange (both ends), bare hyper {bare:.0}: \
                 ratio bare/ours {:.3} (target ≥ 0.9)",
                count(label),
                bare / count(label)
            ))?;
        }
        let (server, checked) = (count("transport.server"), count("transport.bare-checked"));
        output::println(&format!(
            "transport.server against bare hyper doing the same checks by hand: {checked:.0} \
             instructions per exchange, ratio bare/ours {:.3} (target ≥ 0.9)",
            checked / server
        ))?;

        output::println("\n== sas-store: enqueue and deliver throughput ==")?;
        let database = postgres::ensure()?;
        let env = database.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        run_inherited(&binaries[2], &env)?;
    }

    let counted_now = baseline::Baseline { rustc: rustc_version(), ops: ours };
    match mode {
        BenchMode::SaveBaseline => {
            let path = root.join(baseline::PATH);
            std::fs::write(&path, counted_now.to_text())
                .with_context(|| format!("cannot write {}", path.display()))?;
            output::println(&format!("bench: wrote {}", baseline::PATH))?;
            output::print(&baseline::table(&baseline::compare(&counted_now, &counted_now.ops)))?;
            Ok(ExitCode::SUCCESS)
        }
        BenchMode::Check | BenchMode::Full => {
            let saved = baseline::Baseline::load(root)?;
            output::println(&format!("\n== instructions against {} ==", baseline::PATH))?;
            if saved.rustc != counted_now.rustc {
                output::println(&format!(
                    "note: the baseline was counted with {}, this build with {}",
                    saved.rustc, counted_now.rustc
                ))?;
            }
            let rows = baseline::compare(&saved, &counted_now.ops);
            output::print(&baseline::table(&rows))?;
            let failed = rows.iter().filter(|row| row.verdict.fails()).count();
            if failed > 0 && mode == BenchMode::Check {
                bail!(
                    "{failed} op(s) over the baseline by more than 10% or not counted; if that \
                     is intended, run cargo xtask bench --save-baseline and commit {}",
                    baseline::PATH
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn crypto_workload(op: &str, side: &str, size: u64) -> Workload {
    Workload {
        label: format!("{op}/{side}"),
        env: vec![
            ("SAS_BENCH_OP".to_owned(), op.to_owned()),
            ("SAS_BENCH_SIDE".to_owned(), side.to_owned()),
        ],
        size_var: "SAS_BENCH_ITERATIONS",
        size,
    }
}

fn transport_workload(label: &str, case: &str) -> Workload {
    Workload {
        label: label.to_owned(),
        env: vec![
            ("SAS_BENCH_CASE".to_owned(), case.to_owned()),
            ("SAS_BENCH_CONCURRENCY".to_owned(), TRANSPORT_CONCURRENCY.to_owned()),
        ],
        size_var: "SAS_BENCH_REQUESTS",
        size: TRANSPORT_REQUESTS,
    }
}

/// Counts every workload, as many at once as the machine has cores; results by label.
fn count_all(
    workloads: &[(&Binary, Workload)],
    scratch: &Path,
) -> anyhow::Result<BTreeMap<String, f64>> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(workloads.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((binary, workload)) = workloads.get(i) else { break };
                    let counted = callgrind::per_iteration(binary, workload, scratch);
                    if let Ok(mut results) = results.lock() {
                        results.push((workload.label.clone(), counted));
                    }
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_default();
    results.into_iter().map(|(label, counted)| Ok((label, counted?))).collect()
}

/// The ops the crypto benchmark has, with the iterations it suggests for a count.
fn list_ops(crypto: &Binary) -> anyhow::Result<Vec<(String, u64)>> {
    capture(crypto, &[("SAS_BENCH_LIST", "1")])?
        .lines()
        .map(|line| {
            let (op, size) = line
                .split_once('\t')
                .with_context(|| format!("the crypto benchmark listed `{line}`"))?;
            Ok((op.to_owned(), size.trim().parse().context("an op's iterations")?))
        })
        .collect()
}

/// Runs a benchmark and returns what it printed.
fn capture(binary: &Binary, env: &[(&str, &str)]) -> anyhow::Result<String> {
    let output = Command::new(&binary.path)
        .arg("--bench")
        .envs(env.iter().copied())
        .current_dir(&binary.dir)
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("cannot start {}", binary.path.display()))?;
    if !output.status.success() {
        bail!("{} failed ({})", binary.path.display(), output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs a benchmark, its output going straight to ours.
fn run_inherited(binary: &Binary, env: &[(&str, &str)]) -> anyhow::Result<()> {
    let status = Command::new(&binary.path)
        .arg("--bench")
        .envs(env.iter().copied())
        .current_dir(&binary.dir)
        .status()
        .with_context(|| format!("cannot start {}", binary.path.display()))?;
    if !status.success() {
        bail!("{} failed ({status})", binary.path.display());
    }
    Ok(())
}

fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    Command::new(rustc)
        .arg("--version")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// A fresh folder for callgrind's files.
fn scratch_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("sas-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}
