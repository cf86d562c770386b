//! `sas demo`: the sandbox and a merchant with its callback endpoints, in-process on loopback,
//! walking the whole protocol with every step verified.

pub mod merchant;
pub mod requests;

/// The arguments of `sas demo`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `sas demo`.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas demo` is not built yet")
}
