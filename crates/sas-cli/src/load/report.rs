//! What `sas load` prints: requests per second and latency per endpoint and overall, errors,
//! callbacks expected and received, lost and duplicated, and the resident memory.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use hdrhistogram::Histogram;

use super::receiver::Callbacks;
use super::sampler::{Memory, Throughput, mib};
use super::stats::Endpoint;

/// Everything a run measured.
pub(crate) struct Summary {
    /// Workers (requests in flight at once).
    pub(crate) concurrency: u64,
    /// From the first request to the last answer.
    pub(crate) elapsed: Duration,
    /// Journeys finished without an error.
    pub(crate) journeys: u64,
    /// Journeys still running when the run stopped waiting for them.
    pub(crate) cut_off: u64,
    /// By label: the SAS endpoints by section, then the admin calls.
    pub(crate) endpoints: BTreeMap<&'static str, Endpoint>,
    /// The first errors, `"label: message"`.
    pub(crate) first_errors: Vec<String>,
    /// The callbacks.
    pub(crate) callbacks: Callbacks,
    /// How long the callbacks took to arrive after the load, or `None` if some never did.
    pub(crate) drained_in: Option<Duration>,
    /// The resident memory, where the system tells it.
    pub(crate) memory: Option<Memory>,
    /// Requests per second early and late in the load.
    pub(crate) throughput: Throughput,
    /// How long the warm-up was.
    pub(crate) warm_up: Duration,
    /// Orders placed after the warm-up (the state an in-process sandbox keeps grows with them).
    pub(crate) orders_after_warm_up: u64,
}

impl Summary {
    /// Every error: failed requests, wrong answers, journeys cut off.
    pub(crate) fn errors(&self) -> u64 {
        self.endpoints.values().map(|e| e.errors).sum::<u64>() + self.cut_off
    }

    /// Whether the run passed: no error, no callback lost, duplicated or unexpected.
    pub(crate) fn passed(&self) -> bool {
        let c = &self.callbacks;
        self.errors() == 0 && c.lost == 0 && c.duplicated == 0 && c.unexpected == 0
    }

    /// The SAS endpoints with no request.
    pub(crate) fn not_exercised(&self) -> Vec<&'static str> {
        sas_core::api::endpoints()
            .filter(|meta| self.endpoints.get(meta.section).is_none_or(|e| e.latency.is_empty()))
            .map(|meta| meta.section)
            .collect()
    }

    /// The report, as printed.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        let secs = self.elapsed.as_secs_f64().max(f64::EPSILON);
        let _ = writeln!(
            out,
            "{:<40}{:>10}{:>10}{:>9}{:>9}{:>9}{:>8}",
            "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors"
        );
        let mut overall: Option<Histogram<u32>> = None;
        let mut overall_errors = 0;
        for meta in sas_core::api::endpoints() {
            let Some(endpoint) = self.endpoints.get(meta.section) else { continue };
            let name = format!("{} {}", meta.section, meta.module);
            row(&mut out, &name, endpoint.latency.len(), secs, &endpoint.latency, endpoint.errors);
            overall_errors += endpoint.errors;
            match &mut overall {
                Some(all) => {
                    let _ = all.add(&endpoint.latency);
                }
                None => overall = Some(endpoint.latency.clone()),
            }
        }
        if let Some(all) = &overall {
            row(&mut out, "all SAS endpoints", all.len(), secs, all, overall_errors);
        }
        for (label, endpoint) in &self.endpoints {
            if sas_core::api::endpoints().any(|meta| meta.section == *label) {
                continue;
            }
            row(&mut out, label, endpoint.latency.len(), secs, &endpoint.latency, endpoint.errors);
        }
        let total = sas_core::api::endpoints().count();
        let missing = self.not_exercised();
        let _ = writeln!(
            out,
            "\n{} journeys in {:.1} s by {} workers; endpoints exercised: {} of {total}{}",
            self.journeys,
            secs,
            self.concurrency,
            total - missing.len(),
            if missing.is_empty() {
                String::new()
            } else {
                format!(" (not: {})", missing.join(", "))
            }
        );
        let _ = writeln!(
            out,
            "throughput after the warm-up ({:.0} s): {:.1} req/s in its first fifth, {:.1} req/s in its last",
            self.warm_up.as_secs_f64(),
            self.throughput.early,
            self.throughput.late
        );
        let _ = writeln!(out, "errors: {}", self.errors());
        if self.cut_off > 0 {
            let _ = writeln!(out, "  {} journeys did not finish in time", self.cut_off);
        }
        for error in &self.first_errors {
            let _ = writeln!(out, "  {error}");
        }
        let c = &self.callbacks;
        let drained = match self.drained_in {
            Some(took) => format!("all arrived {:.1} s after the load", took.as_secs_f64()),
            None => "the wait for the rest ran out".to_owned(),
        };
        let _ = writeln!(
            out,
            "callbacks: expected {}, received {}, lost {}, duplicated {}, unexpected {} ({} deliveries; {drained})",
            c.expected, c.received, c.lost, c.duplicated, c.unexpected, c.deliveries
        );
        match &self.memory {
            Some(memory) => self.memory_lines(&mut out, memory),
            None => {
                let _ = writeln!(out, "memory (RSS): not told by this system");
            }
        }
        out
    }

    fn memory_lines(&self, out: &mut String, memory: &Memory) {
        let _ = writeln!(
            out,
            "memory (RSS): start {}, peak {}, end {}",
            mib(memory.start),
            mib(memory.peak),
            mib(memory.end)
        );
        let verdict = if memory.is_flat() {
            format!("flat (within {})", mib(memory.flat_bound()))
        } else {
            format!("grows (beyond {})", mib(memory.flat_bound()))
        };
        let per_order = match (memory.growth(), self.orders_after_warm_up) {
            (0, _) | (_, 0) => String::new(),
            (growth, orders) => format!(
                "; {orders} orders placed since, {:.1} KiB each",
                growth as f64 / orders as f64 / 1024.0
            ),
        };
        let _ = writeln!(
            out,
            "  after the warm-up ({:.0} s) {} → {} at the end of the load: +{} ({:.2} MiB/min){per_order}: {verdict}",
            self.warm_up.as_secs_f64(),
            mib(memory.warmed),
            mib(memory.load_end),
            mib(memory.growth()),
            memory.slope * 60.0 / f64::from(1u32 << 20),
        );
    }
}

fn millis(histogram: &Histogram<u32>, quantile: f64) -> f64 {
    histogram.value_at_quantile(quantile) as f64 / 1000.0
}

fn row(out: &mut String, name: &str, count: u64, secs: f64, latency: &Histogram<u32>, errors: u64) {
    let _ = writeln!(
        out,
        "{name:<40}{count:>10}{:>10.1}{:>9.2}{:>9.2}{:>9.2}{errors:>8}",
        count as f64 / secs,
        millis(latency, 0.5),
        millis(latency, 0.99),
        latency.max() as f64 / 1000.0,
    );
}
