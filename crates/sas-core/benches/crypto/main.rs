//! Cost of sas-core's crypto and codec operations next to the bare primitives they are built
//! on, printed as ratios (target ≤ 1.2× for each).
//!
//! ```sh
//! cargo bench -p sas-core --bench crypto
//! ```
//!
//! Both sides do the same work from the same prepared state: keys are prepared once outside
//! the loop on both sides, and the bare side calls the same crates sas-core uses (`aes`, `ecb`,
//! `cbc`, `ring`, `hex`, `base64`, `serde_json`) directly. Each op is checked to give the same
//! answer on both sides before it is timed.
//!
//! Time: each op runs ours and bare in `SAS_BENCH_ROUNDS` (default 41) alternating rounds
//! (ABBA order) of about 2 ms of the thread's on-CPU time each, so that the time spent waiting
//! for a core on a busy machine is not counted; the figures are the medians.
//! `SAS_BENCH_FORMAT=tsv` prints one tab-separated line per op instead of the table
//! (`cargo xtask bench` reads it).
//!
//! Instruction counts: `SAS_BENCH_OP=<name> SAS_BENCH_SIDE=ours|bare SAS_BENCH_ITERATIONS=<n>`
//! prepares that op only and runs one side `n` times, for callgrind; `SAS_BENCH_LIST=1` prints
//! each op's name and the iterations it suggests for one count. `cargo xtask bench` runs both.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod ciphers;
mod codec;
mod measure;
mod signatures;

use std::error::Error;

use measure::{Op, Side};

type Build = fn() -> Result<Op, Box<dyn Error>>;

/// Every op, by the name it reports.
const OPS: &[(&str, Build)] = &[
    ("tc_signature.sign", ciphers::tc_sign),
    ("tc_signature.verify", ciphers::tc_verify),
    ("user_info.decrypt", ciphers::user_info_decrypt),
    ("resource.open", ciphers::resource_open),
    ("pay_sig.sign", ciphers::pay_sig_sign),
    ("pay_sig.verify", ciphers::pay_sig_verify),
    ("authorization.sign", signatures::authorization_sign),
    ("authorization.verify", signatures::authorization_verify),
    ("callback.sign", signatures::callback_sign),
    ("callback.verify", signatures::callback_verify),
    ("envelope.write", codec::envelope_write),
    ("envelope.read", codec::envelope_read),
    ("request.read", codec::request_read),
];

fn build(name: &str, build: Build) -> Result<Op, Box<dyn Error>> {
    let op = build()?;
    if op.name != name {
        return Err(format!("op {name} reports itself as {}", op.name).into());
    }
    Ok(op)
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

fn main() -> Result<(), Box<dyn Error>> {
    if var("SAS_BENCH_LIST").is_some() {
        for &(name, make) in OPS {
            println!("{name}\t{}", build(name, make)?.count_iterations);
        }
        return Ok(());
    }
    if let Some(wanted) = var("SAS_BENCH_OP") {
        let &(name, make) = OPS
            .iter()
            .find(|(name, _)| *name == wanted)
            .ok_or_else(|| format!("no op named {wanted}"))?;
        let side = match var("SAS_BENCH_SIDE").as_deref() {
            Some("ours") => Side::Ours,
            Some("bare") => Side::Bare,
            other => return Err(format!("SAS_BENCH_SIDE is ours or bare, not {other:?}").into()),
        };
        let iterations = var("SAS_BENCH_ITERATIONS").ok_or("SAS_BENCH_ITERATIONS is not set")?;
        measure::fixed(&mut build(name, make)?, side, iterations.parse()?);
        return Ok(());
    }
    let rounds = var("SAS_BENCH_ROUNDS").map(|r| r.parse()).transpose()?.unwrap_or(41);
    let tsv = var("SAS_BENCH_FORMAT").as_deref() == Some("tsv");
    if !tsv {
        println!(
            "sas-core crypto and codec, against the bare primitives (on-CPU time, median of \
             {rounds} alternating rounds)"
        );
    }
    for &(name, make) in OPS {
        let mut op = build(name, make)?;
        let wall = measure::wall(&mut op, rounds);
        let (ours, bare) = (wall.ours.as_secs_f64() * 1e9, wall.bare.as_secs_f64() * 1e9);
        if tsv {
            println!(
                "{name}\t{ours:.1}\t{bare:.1}\t{:.4}\t{:.4}\t{:.4}\t{}\t{}",
                wall.ratio, wall.spread.0, wall.spread.1, op.target, op.what
            );
        } else {
            let verdict = if wall.ratio <= op.target { "ok" } else { "OVER TARGET" };
            println!(
                "{name:<22} {ours:>10.0} ns  bare {bare:>10.0} ns  ratio {:.3} [{:.2}–{:.2}] (target ≤ {}) {verdict}",
                wall.ratio, wall.spread.0, wall.spread.1, op.target
            );
        }
    }
    Ok(())
}
