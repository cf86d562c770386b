//! `sas sandbox`: a local superapp backend that serves every endpoint for real.
//!
//! [`Sandbox::start`] runs one in-process (tests and `sas demo` do, on `127.0.0.1:0`). Its
//! parts: `model` (the records), `orders` and `refunds` (the state machines, pure functions),
//! `store` (the storage seam and its in-memory implementation), `store_sqlite` (the same in
//! SQLite), `data` (the `--data` folder: database, keys, lock), `api` (the 15 SAS endpoints,
//! a `sas_hyper::server::Superapp`), `callbacks` (the callbacks, delivered by sas-hyper's
//! dispatcher over `outbox`), `admin` (`/sandbox/...`), `log` (one line per request), `web`
//! (the console at `/` and the cashier at `/cashier`), `served` (the router under sas-hyper's
//! `serve`, with its limits).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use sas_hyper::delivery::Schedule;

use crate::keyfile::KeysFile;

mod admin;
mod admin_client;
mod api;
mod callbacks;
mod core;
mod data;
pub mod error;
mod log;
pub mod model;
pub mod orders;
mod outbox;
pub mod refunds;
mod served;
mod start;
pub mod store;
mod store_async;
mod store_sqlite;
pub mod time;
pub mod users;
mod web;

pub use self::core::CODE_TTL;
pub use admin_client::{AdminClient, AdminError};
pub use start::{DEFAULT_HISTORY, Running, Sandbox, SandboxConfig, SharedClock};

/// The arguments of `sas sandbox`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on (loopback by default; the sandbox has no TLS and its keys are
    /// demo keys).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8480")]
    pub listen: SocketAddr,
    /// Write the keys a counterpart needs (base URL, SecretKey, APIv3 key, AppKey, the
    /// merchant's key pair, the platform's certificate, the users) to FILE as JSON, mode 0600.
    #[arg(long, value_name = "FILE")]
    pub keys_out: Option<PathBuf>,
    /// Use the keys of FILE (a `sandbox-config.json` from `sas keys generate`, holding the
    /// platform's private key) instead of generating fresh ones.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use the users of FILE (a JSON array of `{user_id, open_id, nickname, avatar, email,
    /// phone}`) instead of the built-in demo users.
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
}

/// The arguments of `sas sandbox` beside [`Args`]: where the state is kept, when callbacks
/// are tried again, and the URLs the sandbox is reached at besides its own address (the flags
/// added since 0.1.0 go here, where a new one breaks no caller).
#[derive(Debug, Default, clap::Args)]
#[non_exhaustive]
pub struct StateArgs {
    /// Keep the state in the folder DIR (created if missing) instead of in memory: users,
    /// temporary codes, orders, refunds, messages and every callback with its attempts in the
    /// SQLite database DIR/sandbox.db, and the keys (unless --config is given) in
    /// DIR/sandbox-config.json. Started again on DIR, the sandbox knows every record and
    /// delivers the callbacks still pending, also after a crash. One sandbox at a time per
    /// folder.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// The delays between callback attempts, in milliseconds, comma-separated (after the
    /// attempt that follows the last delay the callback is dead); PROTOCOL.md §4's schedule
    /// by default, 15 s, 15 s, 30 s, 3 min … 6 h (16 attempts over about 24 h).
    #[arg(long, value_name = "MS,...", value_delimiter = ',')]
    pub callback_retry_ms: Option<Vec<u64>>,
    /// How many finished orders (paid, refunded or closed) a sandbox in memory keeps, with
    /// their refunds; as many messages and twice as many delivered callbacks are kept too.
    /// The least recently finished are forgotten first; unpaid orders, refunds in progress,
    /// orders with a callback still to deliver and those callbacks never are. 10000 by
    /// default; 0 keeps everything. With --data everything is kept.
    #[arg(long, value_name = "N", conflicts_with = "data")]
    pub history: Option<usize>,
    /// Another URL the sandbox is reached at, through a proxy (`https://x.ngrok.app`): its
    /// pages and admin endpoints answer to that host too (otherwise only to the address it
    /// listens on and the loopback names for its port). Repeat for several.
    #[arg(long, value_name = "URL")]
    pub public_url: Vec<String>,
}

/// Everything `sas sandbox` takes: [`Args`] and [`StateArgs`].
#[derive(Debug, clap::Args)]
#[non_exhaustive]
pub struct Command {
    /// Where it listens, its keys and users.
    #[command(flatten)]
    pub args: Args,
    /// Where it keeps its state, its callback schedule and its public URLs.
    #[command(flatten)]
    pub state: StateArgs,
}

/// Runs `sas sandbox` until Ctrl-C.
///
/// # Errors
///
/// When the keys or users cannot be read, the address cannot be bound, or `--keys-out` cannot
/// be written.
pub async fn run(args: Args) -> anyhow::Result<()> {
    run_command(Command { args, state: StateArgs::default() }).await
}

/// Runs `sas sandbox` with every argument until Ctrl-C.
///
/// # Errors
///
/// As [`run`]; also when the data folder cannot be locked (another sandbox runs on it),
/// opened, or was written by a newer sandbox.
pub async fn run_command(command: Command) -> anyhow::Result<()> {
    let Command { args, state } = command;
    init_logging();
    // Listened for from the start: a Ctrl-C while the sandbox starts stops it gracefully too.
    let interrupted = interrupted()?;
    let mut config = SandboxConfig::default().listen(args.listen);
    if let Some(path) = &args.config {
        config = config.keys(KeysFile::load(path)?);
    }
    for url in &state.public_url {
        config = config.public_url(url);
    }
    if let Some(path) = &args.users {
        config = config.users(users::load_profiles(path)?);
    }
    if let Some(dir) = &state.data {
        config = config.data(dir);
    }
    if let Some(orders) = state.history {
        config = config.history(orders);
    }
    if let Some(delays) = &state.callback_retry_ms {
        config = config.schedule(Schedule::new(delays.iter().map(|&ms| Duration::from_millis(ms))));
    }
    let running = Sandbox::start(config).await?;
    if let Some(path) = &args.keys_out {
        running.keys.save(path)?;
    }
    print_banner(&running, args.keys_out.as_deref(), state.data.as_deref());
    interrupted.await;
    eprintln!("stopping…");
    running.shutdown().await;
    Ok(())
}

/// Ctrl-C (SIGINT), listened for from this call on.
#[cfg(unix)]
fn interrupted() -> anyhow::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut signal = signal(SignalKind::interrupt()).context("cannot listen for Ctrl-C")?;
    Ok(async move {
        signal.recv().await;
    })
}

/// Ctrl-C, listened for once awaited.
#[cfg(not(unix))]
fn interrupted() -> anyhow::Result<impl Future<Output = ()>> {
    Ok(async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot wait for Ctrl-C");
        }
    })
}

/// Logs to stderr, `info` unless `RUST_LOG` says otherwise.
pub(crate) fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A subscriber set earlier (by a test, say) stays.
    let _ =
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

fn print_banner(
    running: &Running,
    keys_out: Option<&std::path::Path>,
    data: Option<&std::path::Path>,
) {
    let base = &running.base_url;
    println!("SAS sandbox superapp listening on {base}");
    println!("  console: {base}/   cashier: {base}/cashier");
    match keys_out {
        Some(path) => println!(
            "  keys for counterparts: {} (sas call … --keys {})",
            path.display(),
            path.display()
        ),
        None => println!("  (add --keys-out FILE to write the keys your code needs)"),
    }
    match data {
        Some(dir) => println!("  state kept in {} (restart on it to resume)", dir.display()),
        None => println!("  state in memory (add --data DIR to keep it across restarts)"),
    }
    println!(
        "  merchant {}  application {}  mini program {}  mini game {}",
        running.keys.merchant.mchid,
        running.keys.application_id,
        running.keys.mini_app_id,
        running.keys.mini_game_id
    );
    for user in &running.keys.users {
        println!("  user {}  openid {}", user.user_id, user.open_id);
    }
    println!(
        "  pay an order:      curl -X POST {base}/sandbox/orders/OUT_TRADE_NO/pay -d '{{\"result\":\"SUCCESS\"}}'"
    );
    println!(
        "  complete a refund: curl -X POST {base}/sandbox/refunds/OUT_REFUND_NO/complete -d '{{\"status\":\"SUCCESS\"}}'"
    );
    println!("  watch callbacks:   curl {base}/sandbox/deliveries");
    println!("Ctrl-C stops it.");
}
