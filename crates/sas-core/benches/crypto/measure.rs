//! The two ways an [`Op`] is measured: time, ours and the bare primitive in alternating rounds
//! with the median kept, and a fixed number of iterations of one side for counting
//! instructions under callgrind.
//!
//! Time is the measuring thread's on-CPU time (`CLOCK_THREAD_CPUTIME_ID`) where there is one:
//! on a shared machine, the time the thread waits for a core is not the op's. Elsewhere it is
//! the wall clock.

use std::time::Duration;
#[cfg(not(unix))]
use std::time::Instant;

/// One operation of sas-core and the bare primitives doing the same work, from the same
/// prepared state (keys, inputs), so that the ratio is what the SDK adds.
pub struct Op {
    /// Stable name, used as the key of the committed instruction baseline.
    pub name: &'static str,
    /// What is compared, in a few words.
    pub what: &'static str,
    /// The highest acceptable ratio ours / bare.
    pub target: f64,
    /// Iterations for one callgrind count (the runner also counts five times as many and
    /// takes the difference): fewer for the slow RSA signatures.
    pub count_iterations: u32,
    /// The SDK's operation.
    pub ours: Box<dyn FnMut()>,
    /// The bare primitives.
    pub bare: Box<dyn FnMut()>,
}

/// Which side of an [`Op`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The SDK.
    Ours,
    /// The bare primitives.
    Bare,
}

/// The timed figures of one op.
pub struct Wall {
    /// Median time per iteration of ours over the rounds.
    pub ours: Duration,
    /// Median time per iteration of the bare primitives.
    pub bare: Duration,
    /// Median of the rounds' ratios ours / bare.
    pub ratio: f64,
    /// The lowest and highest round ratio.
    pub spread: (f64, f64),
}

/// Wall time aimed at for one batch of iterations.
const BATCH: Duration = Duration::from_millis(2);

/// Iterations of `f` that take about [`BATCH`].
fn calibrate(f: &mut dyn FnMut()) -> u32 {
    let mut iterations: u32 = 1;
    loop {
        let start = now();
        for _ in 0..iterations {
            f();
        }
        let took = now().saturating_sub(start);
        if took >= BATCH / 8 || iterations >= 1 << 24 {
            let scale = BATCH.as_secs_f64() / took.as_secs_f64().max(1e-9);
            return ((f64::from(iterations) * scale) as u32).max(1);
        }
        iterations *= 2;
    }
}

/// Time per iteration of `iterations` iterations of `f`.
fn batch(f: &mut dyn FnMut(), iterations: u32) -> Duration {
    let start = now();
    for _ in 0..iterations {
        f();
    }
    now().saturating_sub(start) / iterations
}

/// The thread's on-CPU time so far.
#[cfg(unix)]
fn now() -> Duration {
    let time = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(time.tv_sec.unsigned_abs(), time.tv_nsec.clamp(0, 999_999_999) as u32)
}

/// Time since the first call (no thread CPU clock here).
#[cfg(not(unix))]
fn now() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The median of `values` (not empty).
pub fn median<T: Copy + PartialOrd>(values: &[T]) -> T {
    let mut values = values.to_vec();
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values[values.len() / 2]
}

/// Times `op` in `rounds` rounds, ours and bare in ABBA order (ours first in even rounds), so
/// that a change of load on the machine weighs on both sides alike; each figure is the median.
pub fn wall(op: &mut Op, rounds: usize) -> Wall {
    let (ours_n, bare_n) = (calibrate(&mut op.ours), calibrate(&mut op.bare));
    let (mut ours, mut bare, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds.max(1) {
        let (a, b) = if round % 2 == 0 {
            let a = batch(&mut op.ours, ours_n);
            (a, batch(&mut op.bare, bare_n))
        } else {
            let b = batch(&mut op.bare, bare_n);
            (batch(&mut op.ours, ours_n), b)
        };
        ratios.push(a.as_secs_f64() / b.as_secs_f64().max(1e-12));
        ours.push(a);
        bare.push(b);
    }
    let spread = ratios.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &r| (lo.min(r), hi.max(r)));
    Wall { ours: median(&ours), bare: median(&bare), ratio: median(&ratios), spread }
}

/// Runs one side of `op` `iterations` times: the fixed work callgrind counts.
pub fn fixed(op: &mut Op, side: Side, iterations: u32) {
    let f = match side {
        Side::Ours => &mut op.ours,
        Side::Bare => &mut op.bare,
    };
    for _ in 0..iterations {
        f();
    }
}
