//! Sampling through the run: the process's resident memory (`VmRSS` of `/proc/self/status`,
//! Linux) and the requests answered so far; whether the memory stayed flat after the warm-up,
//! and whether the throughput held.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Growth after the warm-up still counted as flat: this many bytes…
const FLAT_BYTES: u64 = 16 << 20;
/// …or this fraction of the resident memory at the end of the warm-up, whichever is larger.
const FLAT_FRACTION: f64 = 0.10;

/// The resident memory of this process in bytes, where the system tells it (Linux).
pub(crate) fn rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_rss(&status)
}

/// `VmRSS:   12345 kB` of a `/proc/<pid>/status` text, in bytes.
fn parse_vm_rss(status: &str) -> Option<u64> {
    let line = status.lines().find_map(|line| line.strip_prefix("VmRSS:"))?;
    let kib: u64 = line.trim().strip_suffix("kB")?.trim().parse().ok()?;
    kib.checked_mul(1024)
}

/// One sample: time since the sampler started, resident bytes (0 where the system does not
/// tell), requests answered.
type Sample = (Duration, u64, u64);

/// Samples the resident memory and the request count every `every` until stopped.
pub(crate) struct Sampler {
    samples: Arc<Mutex<Vec<Sample>>>,
    started: Instant,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Sampler {
    /// Starts sampling now (the first sample is taken at once), reading the requests answered
    /// from `requests`.
    pub(crate) fn start(every: Duration, requests: Arc<AtomicU64>) -> Self {
        let samples = Arc::new(Mutex::new(Vec::new()));
        let started = Instant::now();
        let (stop, mut stopped) = watch::channel(false);
        let kept = Arc::clone(&samples);
        let task = tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            loop {
                tokio::select! {
                    _ = ticks.tick() => {
                        let sample = (started.elapsed(), rss_bytes().unwrap_or(0), requests.load(Ordering::Relaxed));
                        kept.lock().unwrap_or_else(PoisonError::into_inner).push(sample);
                    }
                    _ = stopped.wait_for(|stop| *stop) => break,
                }
            }
        });
        Self { samples, started, stop, task }
    }

    /// Takes a last sample, stops, and sums up with the warm-up ending `warm_up` after the
    /// start and the load ending `load_end` after it: the memory (`None` where the system does
    /// not tell) and the throughput.
    pub(crate) async fn finish(
        self,
        warm_up: Duration,
        load_end: Duration,
    ) -> (Option<Memory>, Throughput) {
        self.stop.send_replace(true);
        let _ = self.task.await;
        let samples =
            std::mem::take(&mut *self.samples.lock().unwrap_or_else(PoisonError::into_inner));
        let memory: Vec<(Duration, u64)> = samples
            .iter()
            .filter(|(_, rss, _)| *rss > 0)
            .map(|&(t, rss, _)| (t, rss))
            .chain(rss_bytes().map(|rss| (self.started.elapsed(), rss)))
            .collect();
        let requests: Vec<(Duration, u64)> = samples.iter().map(|&(t, _, n)| (t, n)).collect();
        (Memory::of(&memory, warm_up, load_end), Throughput::of(&requests, warm_up, load_end))
    }
}

/// Requests per second in the first and the last fifth of the load after the warm-up: a
/// throughput that falls over a long run shows work that grows with the state kept.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Throughput {
    /// Just after the warm-up.
    pub(crate) early: f64,
    /// At the end of the load.
    pub(crate) late: f64,
}

impl Throughput {
    fn of(samples: &[(Duration, u64)], warm_up: Duration, load_end: Duration) -> Self {
        let fifth = load_end.saturating_sub(warm_up) / 5;
        let rate = |from: Duration, to: Duration| {
            let at = |time: Duration| samples.iter().rev().find(|(t, _)| *t <= time).copied();
            match (at(from), at(to)) {
                (Some((t0, n0)), Some((t1, n1))) if t1 > t0 => {
                    n1.saturating_sub(n0) as f64 / (t1 - t0).as_secs_f64()
                }
                _ => 0.0,
            }
        };
        Self {
            early: rate(warm_up, warm_up + fifth),
            late: rate(load_end.saturating_sub(fifth), load_end),
        }
    }
}

/// The memory figures of a run, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Memory {
    /// Before the load began.
    pub(crate) start: u64,
    /// The largest sample.
    pub(crate) peak: u64,
    /// After the load and the drain.
    pub(crate) end: u64,
    /// At the end of the warm-up.
    pub(crate) warmed: u64,
    /// At the end of the load (before the drain).
    pub(crate) load_end: u64,
    /// The least-squares slope of the samples between the warm-up and the end of the load, in
    /// bytes per second.
    pub(crate) slope: f64,
}

impl Memory {
    fn of(samples: &[(Duration, u64)], warm_up: Duration, load_end: Duration) -> Option<Self> {
        let (&(_, start), &(_, end)) = (samples.first()?, samples.last()?);
        let peak = samples.iter().map(|&(_, rss)| rss).max()?;
        let at = |time: Duration| {
            samples.iter().rev().find(|(t, _)| *t <= time).map_or(start, |&(_, rss)| rss)
        };
        let steady: Vec<(f64, f64)> = samples
            .iter()
            .filter(|(t, _)| *t >= warm_up && *t <= load_end)
            .map(|&(t, rss)| (t.as_secs_f64(), rss as f64))
            .collect();
        Some(Self {
            start,
            peak,
            end,
            warmed: at(warm_up),
            load_end: at(load_end),
            slope: slope(&steady),
        })
    }

    /// Growth from the end of the warm-up to the end of the load (0 when it shrank).
    pub(crate) fn growth(&self) -> u64 {
        self.load_end.saturating_sub(self.warmed)
    }

    /// The growth still called flat: 16 MiB or 10 % of the warmed-up size, the larger.
    pub(crate) fn flat_bound(&self) -> u64 {
        FLAT_BYTES.max((self.warmed as f64 * FLAT_FRACTION) as u64)
    }

    /// Whether the growth after the warm-up stayed within [`flat_bound`](Self::flat_bound).
    pub(crate) fn is_flat(&self) -> bool {
        self.growth() <= self.flat_bound()
    }
}

/// The least-squares slope of `points` (0 with fewer than two distinct times).
fn slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    if points.len() < 2 {
        return 0.0;
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let covariance: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let variance: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if variance > 0.0 { covariance / variance } else { 0.0 }
}

/// Bytes as MiB with one decimal.
pub(crate) fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1u32 << 20))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_rss_is_read_in_bytes() {
        let status = "Name:\tsas\nVmPeak:\t  9000 kB\nVmRSS:\t    2048 kB\nThreads:\t4\n";
        assert_eq!(parse_vm_rss(status), Some(2 << 20));
        assert_eq!(parse_vm_rss("Name:\tsas\n"), None);
    }

    #[test]
    fn this_process_has_a_resident_size_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(rss_bytes().is_some_and(|rss| rss > 0));
        }
    }

    #[test]
    fn throughput_is_measured_early_and_late_after_the_warm_up() {
        let s = Duration::from_secs;
        let steady: Vec<(Duration, u64)> = (0..=11).map(|i| (s(i), i * 100)).collect();
        let rate = Throughput::of(&steady, s(1), s(11));
        assert_eq!((rate.early, rate.late), (100.0, 100.0));
        let slowing: Vec<(Duration, u64)> = (0..=11).map(|i| (s(i), i * (200 - 10 * i))).collect();
        let rate = Throughput::of(&slowing, s(1), s(11));
        assert!(rate.late < rate.early / 2.0, "{rate:?}");
    }

    #[test]
    fn growth_after_the_warm_up_is_measured_and_judged() {
        let s = Duration::from_secs;
        let mib = |n: u64| n << 20;
        let flat =
            [(s(0), mib(20)), (s(1), mib(60)), (s(2), mib(61)), (s(3), mib(60)), (s(4), mib(62))];
        let memory = Memory::of(&flat, s(1), s(4)).unwrap();
        assert_eq!(
            (memory.start, memory.peak, memory.end, memory.warmed),
            (mib(20), mib(62), mib(62), mib(60))
        );
        assert_eq!(memory.growth(), mib(2));
        assert!(memory.is_flat());
        let leaking =
            [(s(0), mib(20)), (s(1), mib(60)), (s(2), mib(90)), (s(3), mib(120)), (s(4), mib(150))];
        let memory = Memory::of(&leaking, s(1), s(4)).unwrap();
        assert!(!memory.is_flat());
        assert!((memory.slope - mib(30) as f64).abs() < 1.0, "{}", memory.slope);
    }
}
