//! `sas demo`: the sandbox and a merchant with its callback endpoints, in-process on loopback,
//! walking the whole protocol with every step verified.

pub mod merchant;
pub mod report;
pub mod requests;
mod walk;

use std::time::Instant;

use report::Report;

/// The arguments of `sas demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a machine-readable record of the steps (JSON) instead of the readable walk.
    #[arg(long)]
    pub json: bool,
}

/// Runs `sas demo`: exits with an error (and the failing step's explanation) unless every
/// step verified.
///
/// # Errors
///
/// The first step that did not verify, or a sandbox that could not start.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let report = walk(args.json).await;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    match report.failure {
        None => Ok(()),
        Some(_) if !args.json => anyhow::bail!("the demo stopped at a step that did not verify"),
        Some(failure) => anyhow::bail!("the demo stopped: {failure}"),
    }
}

/// Walks the protocol and returns its record (`ok` when every step verified). Prints as it
/// goes unless `json`.
pub async fn walk(json: bool) -> Report {
    let started = Instant::now();
    let mut report = Report::new(json);
    report.say(
        "SAS protocol demo: a sandbox superapp and a merchant on loopback, every step verified.",
    );
    let result = async {
        let mut walk = walk::Walk::start().await?;
        report.base_url.clone_from(&walk.sandbox.base_url);
        report.merchant_url.clone_from(&walk.merchant.base_url);
        report.say(&format!(
            "Sandbox superapp at {} (keys generated in-process); merchant callbacks at {}.\n\
             Its console: {}/ (orders, refunds, callbacks), its cashier: {}/cashier.\n",
            walk.sandbox.base_url,
            walk.merchant.base_url,
            walk.sandbox.base_url,
            walk.sandbox.base_url
        ));
        let result = walk.run(&mut report).await;
        walk.stop().await;
        result
    }
    .await;
    report.millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    match result {
        Ok(()) => {
            report.ok = true;
            report.say(&format!(
                "\nAll {} steps verified in {:.1} s.",
                report.steps.len(),
                started.elapsed().as_secs_f64()
            ));
        }
        Err(error) => {
            let failure = format!("step {}: {error:#}", report.steps.len() + 1);
            report.say(&format!("\n✗ {failure}"));
            report.failure = Some(failure);
        }
    }
    report
}
