//! `sas load`: a bounded load run on loopback. Workers call every SAS endpoint of a sandbox
//! (one started in-process, or `--sandbox URL`) through sas-hyper's client, the admin
//! endpoints pay orders and complete refunds, and the callbacks flow to callback endpoints in
//! this process. At the end it prints requests per second, p50 and p99 latency per endpoint and
//! overall, errors, callbacks expected and received, lost and duplicated, and the resident
//! memory (start, peak, end, and its growth after the warm-up); it fails unless there was no
//! error and no callback was lost, duplicated or unexpected. The in-process sandbox keeps a
//! bounded history (`--history`), so a long run's memory levels off.
//!
//! Its parts: `mix` (the journeys that make the load), `receiver` (the counting callback
//! endpoints), `stats` (latency histograms and errors), `sampler` (RSS and throughput sampled
//! through the run), `report` (what is printed).

mod mix;
mod receiver;
mod report;
mod sampler;
mod stats;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::Context;
use sas_hyper::Client;
use tokio::task::JoinSet;

use crate::keyfile::KeysFile;
use crate::sandbox::{AdminClient, Sandbox, SandboxConfig};
use mix::{ADMIN_COMPLETE, ADMIN_PAY, Mix, Urls};
use receiver::{CallbackServer, Tally};
use report::Summary;
use stats::Stats;

/// How often the resident memory is sampled.
const SAMPLE_EVERY: Duration = Duration::from_millis(250);

/// How long the run waits for the journeys under way when the time is up.
const FINISH_LIMIT: Duration = Duration::from_secs(60);

/// After the last expected callback arrived, how long to watch for duplicates.
const SETTLE: Duration = Duration::from_millis(500);

/// The arguments of `sas load`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many workers run at once, each with one request in flight.
    #[arg(long, value_name = "N", default_value_t = 32,
          value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub concurrency: u64,
    /// How long the load runs, in seconds (journeys under way then finish).
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = seconds_at_least_one)]
    pub duration: u64,
    /// Load the sandbox at URL (`sas sandbox`, on this machine: its callbacks come back to
    /// loopback) instead of starting one in-process. Needs `--keys`.
    #[arg(long, value_name = "URL", requires = "keys")]
    pub sandbox: Option<String>,
    /// The keys file of the sandbox given with `--sandbox` (its `--keys-out FILE`).
    #[arg(long, value_name = "FILE")]
    pub keys: Option<PathBuf>,
    /// How long to wait after the load for callbacks still on their way, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub drain: u64,
    /// How many finished orders the in-process sandbox keeps (`sas sandbox --history`): the
    /// least recently finished are forgotten first (once their callbacks are delivered), so its
    /// memory levels off once the run has finished this many. Raised, saying so, to at least
    /// 8 per worker, so that no order is forgotten while its journey runs. 0 keeps everything,
    /// to see the memory grow with the orders.
    #[arg(long, value_name = "N", default_value_t = HISTORY, conflicts_with = "sandbox")]
    pub history: usize,
}

/// How many finished orders the in-process sandbox keeps unless told: reached early in a run
/// (within the warm-up of a run of a minute or more), small enough that the state it keeps is
/// a few MiB.
const HISTORY: usize = 1_000;

/// The least history per worker: a journey's order, once finished, must outlive the orders the
/// other workers finish before the journey's next request, even when it waits a while.
const HISTORY_PER_WORKER: usize = 8;

/// Reads `--duration`: a whole number of seconds, at least one.
fn seconds_at_least_one(text: &str) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(0) => Err("the duration must be at least 1 second".to_owned()),
        Ok(secs) => Ok(secs),
        Err(_) => Err(format!("{text:?} is not a whole number of seconds")),
    }
}

/// Runs `sas load` and prints its figures.
///
/// # Errors
///
/// When the sandbox cannot be started or reached, or the keys read; and at the end unless
/// every request succeeded and every expected callback was handled exactly once.
pub async fn run(args: Args) -> anyhow::Result<()> {
    init_logging();
    let (base_url, keys, sandbox) = match &args.sandbox {
        Some(url) => {
            let path = args.keys.as_deref().context("--sandbox needs --keys FILE")?;
            (url.trim_end_matches('/').to_owned(), KeysFile::load(path)?, None)
        }
        None => {
            let kept = history(&args);
            if kept != args.history {
                println!(
                    "sas load: --history {} raised to {kept} ({HISTORY_PER_WORKER} per \
                     worker), so that no order is forgotten while its journey runs",
                    args.history
                );
            }
            let config = SandboxConfig::default().history(kept);
            let running = Sandbox::start(config).await?;
            (running.base_url.clone(), running.keys.clone(), Some(running))
        }
    };
    let result = load(&args, &base_url, keys, sandbox.is_some()).await;
    if let Some(running) = sandbox {
        running.shutdown().await;
    }
    let summary = result?;
    print!("{}", summary.render());
    if summary.passed() {
        Ok(())
    } else {
        let c = &summary.callbacks;
        anyhow::bail!(
            "the load run failed: {} errors, {} callbacks lost, {} duplicated, {} unexpected",
            summary.errors(),
            c.lost,
            c.duplicated,
            c.unexpected
        )
    }
}

/// The history the in-process sandbox keeps: `--history`, at least [`HISTORY_PER_WORKER`] per
/// worker (0 stays 0, everything).
fn history(args: &Args) -> usize {
    let floor = usize::try_from(args.concurrency).unwrap_or(usize::MAX);
    match args.history {
        0 => 0,
        asked => asked.max(floor.saturating_mul(HISTORY_PER_WORKER)),
    }
}

/// Logs warnings and errors to stderr unless `RUST_LOG` says otherwise (the sandbox's line per
/// request would drown the figures).
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ =
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// The run itself, against the sandbox at `base_url` whose counterpart keys are `keys`.
async fn load(
    args: &Args,
    base_url: &str,
    keys: KeysFile,
    in_process: bool,
) -> anyhow::Result<Summary> {
    let run = crate::keygen::random_hex(4)?;
    let tally = Arc::new(Tally::new(&run));
    let callbacks = CallbackServer::start(&keys, Arc::clone(&tally)).await?;
    let labels = sas_core::api::endpoints().map(|meta| meta.section);
    let stats = Arc::new(Stats::new(labels.chain([ADMIN_PAY, ADMIN_COMPLETE]))?);
    let client = Client::builder()
        .base_url(base_url)
        .keys(keys.counterpart_signing()?)
        .pool_max_idle_per_host(usize::try_from(args.concurrency).unwrap_or(usize::MAX))
        .build()?;
    let mix = Arc::new(Mix::new(
        client,
        AdminClient::new(base_url),
        keys,
        Arc::clone(&stats),
        Arc::clone(&tally),
        Urls::of(&callbacks),
    ));
    println!(
        "sas load: {} workers for {} s against the sandbox at {base_url}{}; callbacks to {}",
        args.concurrency,
        args.duration,
        if in_process { " (in-process)" } else { "" },
        callbacks.base_url
    );

    let sampler = sampler::Sampler::start(SAMPLE_EVERY, stats.requests());
    let duration = Duration::from_secs(args.duration);
    let warm_up = (duration / 5).min(Duration::from_secs(30));
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + duration;
    let mut workers = JoinSet::new();
    for worker in 0..args.concurrency {
        let mix = Arc::clone(&mix);
        workers.spawn(async move { mix.work(worker, deadline).await });
    }
    tokio::time::sleep(warm_up).await;
    let orders_at_warm_up = mix.orders.load(Ordering::Relaxed);
    let cut_off = finish(&mut workers, deadline + FINISH_LIMIT).await;
    let elapsed = started.elapsed();
    let orders_after_warm_up = mix.orders.load(Ordering::Relaxed) - orders_at_warm_up;

    let drained_in = drain(&tally, Duration::from_secs(args.drain)).await;
    let (memory, throughput) = sampler.finish(warm_up, elapsed).await;
    callbacks.shutdown().await;
    Ok(Summary {
        concurrency: args.concurrency,
        elapsed,
        journeys: mix.journeys.load(Ordering::Relaxed),
        cut_off,
        endpoints: stats.endpoints(),
        first_errors: stats.first_errors(),
        callbacks: tally.callbacks(),
        drained_in,
        memory,
        throughput,
        warm_up,
        orders_after_warm_up,
    })
}

/// Waits for the workers until `limit`, then stops the rest; returns how many were stopped.
async fn finish(workers: &mut JoinSet<()>, limit: tokio::time::Instant) -> u64 {
    while !workers.is_empty() {
        match tokio::time::timeout_at(limit, workers.join_next()).await {
            Ok(_) => {}
            Err(_) => {
                let left = workers.len() as u64;
                workers.abort_all();
                return left;
            }
        }
    }
    0
}

/// Waits until every expected callback was handled, at most `limit`, then watches a moment for
/// duplicates; how long the wait took, or `None` if callbacks were still missing at `limit`.
async fn drain(tally: &Tally, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    loop {
        if tally.callbacks().lost == 0 {
            let took = started.elapsed();
            tokio::time::sleep(SETTLE).await;
            return Some(took);
        }
        if started.elapsed() >= limit {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
