//! `sas sandbox`.

/// The arguments of `sas sandbox`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `sas sandbox`.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas sandbox` is not built yet")
}
