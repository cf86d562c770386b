//! `sas demo`.

/// The arguments of `sas demo`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `sas demo`.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas demo` is not built yet")
}
