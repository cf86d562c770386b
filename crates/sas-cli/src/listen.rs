//! `sas listen`.

/// The arguments of `sas listen`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `sas listen`.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas listen` is not built yet")
}
