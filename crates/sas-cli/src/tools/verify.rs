//! `sas verify`: a captured request checked and, when it fails, explained step by step.

use std::path::PathBuf;
use std::time::Duration;

use sas_core::crypto::FreshnessWindow;
use sas_core::time::UnixTime;

use super::capture::Captured;
use super::explain::{Context, Scheme, Verdict, explain};
use super::keyring::{KeyArgs, Keyring};
use super::render::render;

/// Verify a captured request and explain a failure: the exact message built (escaped, with
/// its byte count), the header and key used, the serials known, what a correct signature
/// would have been, and the likely cause.
///
/// The request is raw HTTP (a file, or `-` for stdin; CRLF or LF line endings, as a proxy or
/// `curl -v` shows it), or `--header`s with `--body`. The scheme is inferred from the headers
/// and body, or forced with `--scheme`.
///
/// Example: `sas verify --keys keys.json captured.http`
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  sas verify --keys keys.json captured.http
  sas verify --keys keys.json - < captured.http
  sas verify --keys keys.json -H 'Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…' \\
      --method POST --url /v3/pay/transactions/jsapi --body body.json

Exits 0 when the request verifies, 1 with the explanation printed when it does not.")]
pub struct VerifyArgs {
    /// A captured raw HTTP request (`-` for stdin); without it, give --header and --body.
    #[arg(value_name = "REQUEST")]
    pub request: Option<PathBuf>,
    /// A header of the request, `Name=value` or `"Name: value"` (repeatable).
    #[arg(long = "header", short = 'H', value_name = "NAME=VALUE")]
    pub headers: Vec<String>,
    /// The body, exactly as sent (a file, or `-` for stdin).
    #[arg(long, value_name = "FILE")]
    pub body: Option<PathBuf>,
    /// The method, with --header.
    #[arg(long, default_value = "POST")]
    pub method: String,
    /// The path and query, with --header (as signed: `/v3/pay/transactions/jsapi`).
    #[arg(long, value_name = "PATH", default_value = "/")]
    pub url: String,
    /// The signature scheme, when it cannot be inferred.
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,
    /// The keys.
    #[command(flatten)]
    pub keys: KeyArgs,
    /// The time to check timestamps against, Unix seconds or milliseconds (default: now).
    #[arg(long, value_name = "UNIX", value_parser = super::parse_now)]
    pub now: Option<UnixTime>,
    /// The freshness window, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub window: u64,
    /// The mini program's appid, for `--scheme pay-sign` (it is signed but not sent).
    #[arg(long, value_name = "APPID")]
    pub app_id: Option<String>,
}

/// Runs `sas verify`: prints the explanation; fails when the request does not verify.
///
/// # Errors
///
/// An unreadable input, unknown scheme, or a request that does not verify.
pub fn run(args: VerifyArgs) -> anyhow::Result<()> {
    let captured = match &args.request {
        Some(path) => Captured::parse(&super::read_input(path)?)?,
        None => {
            let body = match &args.body {
                Some(path) => super::read_input(path)?,
                None => Vec::new(),
            };
            Captured::from_parts(&args.method, &args.url, &args.headers, body)?
        }
    };
    let keys = Keyring::load(&args.keys)?;
    let mut context = Context::new(&keys, args.now.unwrap_or_else(super::system_now));
    context.window = FreshnessWindow::new(Duration::from_secs(args.window));
    context.app_id = args.app_id.as_deref();
    let explanation = explain(&captured, args.scheme, &context)?;
    print!("{}", render(&explanation));
    match explanation.verdict {
        Verdict::Verified => Ok(()),
        Verdict::Unchecked { missing } => {
            anyhow::bail!("the request was not checked: give the {missing}")
        }
        _ => anyhow::bail!("the request does not verify"),
    }
}
