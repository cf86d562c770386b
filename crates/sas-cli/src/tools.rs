//! `sas sign`, `sas verify`, `sas encrypt`, `sas decrypt`: one subcommand per scheme, and
//! failures explained step by step.

/// The arguments of `sas sign`.
#[derive(Debug, clap::Args)]
pub struct SignArgs {}

/// The arguments of `sas verify`.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {}

/// The arguments of `sas encrypt`.
#[derive(Debug, clap::Args)]
pub struct EncryptArgs {}

/// The arguments of `sas decrypt`.
#[derive(Debug, clap::Args)]
pub struct DecryptArgs {}

/// Runs `sas sign`.
pub fn sign(args: SignArgs) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas sign` is not built yet")
}

/// Runs `sas verify`.
pub fn verify(args: VerifyArgs) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas verify` is not built yet")
}

/// Runs `sas encrypt`.
pub fn encrypt(args: EncryptArgs) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas encrypt` is not built yet")
}

/// Runs `sas decrypt`.
pub fn decrypt(args: DecryptArgs) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("`sas decrypt` is not built yet")
}
