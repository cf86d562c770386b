//! `sas listen`: a merchant callback endpoint for developers building a callback sender. Every
//! POST, on any path, is verified as `sas verify` does (the scheme inferred from its headers and
//! body), decrypted or read, printed, and answered as a merchant would: the acknowledging
//! envelope when it verifies, 401 with the explanation printed when it does not, or 500 for the
//! first N deliveries (`--fail-first N`) to exercise the sender's retries.
//!
//! | Module | What it holds |
//! |---|---|
//! | [`service`] | the [`Listener`] service: one delivery in, one answer and one [`Delivery`] record out |
//! | [`entry`] | which callback a verified delivery is, and the answer that acknowledges it |

pub mod entry;
pub mod service;

use std::net::SocketAddr;
use std::time::Duration;

use sas_core::time::UnixTime;
use sas_hyper::server::{ServeConfig, serve};

pub use service::{Delivery, ListenConfig, Listener};

use crate::tools::keyring::{KeyArgs, Keyring};

/// Run a merchant callback endpoint that verifies, decrypts, prints and explains every
/// callback it receives, and answers as a merchant would.
///
/// Example: `sas listen --keys keys.json --fail-first 2`, then point your sender's
/// `TC-Payment-Callback` at `http://127.0.0.1:8090/notify`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each delivery prints one line (number, method, path, status, what it was or \
why it was refused), then the decrypted resource or signed payload, or the explanation of the \
failure as `sas verify` gives it. Answers: the acknowledging envelope (200, returnCode \"0\") \
when it verifies, 401 when it does not, 500 for the first --fail-first deliveries."
)]
pub struct Args {
    /// The address to listen on (loopback by default).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8090")]
    pub listen: SocketAddr,
    /// The keys (the platform's public key, the APIv3 key, the AppKey; the SecretKey too to
    /// check `TC-Signature`).
    #[command(flatten)]
    pub keys: KeyArgs,
    /// Answer 500 to the first N deliveries, to test the sender's retries.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub fail_first: usize,
    /// The freshness window, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub window: u64,
    /// A fixed time to check timestamps against, Unix seconds or milliseconds (default: the
    /// system clock).
    #[arg(long, value_name = "UNIX", value_parser = crate::tools::parse_now)]
    pub now: Option<UnixTime>,
}

/// Runs `sas listen` until the process is stopped.
///
/// # Errors
///
/// Keys that cannot be loaded, or an address that cannot be bound.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let keys = Keyring::load(&args.keys)?;
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    let config = ListenConfig {
        keys,
        fail_first: args.fail_first,
        now: args.now,
        window: Duration::from_secs(args.window),
        print: true,
    };
    let listening = Listener::new(config);
    let running = serve(listener, listening, ServeConfig::default())?;
    eprintln!(
        "sas listen: callbacks to http://{}/ (any path){}; stop with Ctrl-C",
        running.local_addr(),
        if args.fail_first > 0 {
            format!(", failing the first {} deliveries", args.fail_first)
        } else {
            String::new()
        }
    );
    running.wait().await;
    Ok(())
}
