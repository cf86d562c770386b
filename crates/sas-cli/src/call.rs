//! `sas call` (any endpoint by its spec name, signed as the spec says) and `sas entries`.

/// The arguments of `sas call`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The arguments of `sas entries`.
#[derive(Debug, clap::Args)]
pub struct EntriesArgs {}

/// Runs `sas call`.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas call` is not built yet")
}

/// Runs `sas entries`.
pub fn entries(args: EntriesArgs) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas entries` is not built yet")
}
