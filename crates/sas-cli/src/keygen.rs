//! `sas keys generate`: demo RSA key pairs, a self-signed platform certificate and the
//! symmetric keys, written with restrictive permissions.

/// `sas keys` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Generate demo keys.
    Generate(GenerateArgs),
}

/// The arguments of `sas keys generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {}

/// Runs `sas keys`.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Generate(args) => {
            let _ = args;
            anyhow::bail!("`sas keys generate` is not built yet")
        }
    }
}
