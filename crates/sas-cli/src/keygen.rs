//! `sas keys generate`: demo RSA key pairs, a self-signed platform certificate and the
//! symmetric keys, written with restrictive permissions.

mod generate;

use std::path::{Path, PathBuf};

use anyhow::Context;

pub use generate::{
    APPLICATION_ID, KeygenError, MCHID, MINI_APP_ID, MINI_GAME_ID, USER_IDS, generate,
};
pub(crate) use generate::{random_alphanumeric, random_hex};

use crate::keyfile::write_private;

/// `sas keys` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Generate a fresh set of demo keys: the merchant's and the payment platform's RSA-2048
    /// key pairs, a self-signed platform certificate, the SecretKey, the APIv3 key and the AppKey.
    Generate(GenerateArgs),
}

/// The arguments of `sas keys generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The directory to write into (created if missing, mode 0700). Private keys and the JSON
    /// files are written with mode 0600.
    #[arg(long, value_name = "DIR", default_value = "sas-keys")]
    pub out: PathBuf,
}

/// The files `sas keys generate` writes, relative to `--out`, and whether each is secret.
pub const FILES: [(&str, bool); 7] = [
    ("sandbox-config.json", true),
    ("keys.json", true),
    ("merchant-private-key.pem", true),
    ("merchant-public-key.pem", false),
    ("platform-private-key.pem", true),
    ("platform-public-key.pem", false),
    ("platform-certificate.pem", false),
];

/// Runs `sas keys`.
///
/// # Errors
///
/// When generation fails or a file cannot be written.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Generate(args) => {
            let written = write_generated(&args.out)?;
            println!("wrote demo keys to {}:", args.out.display());
            for (name, secret) in written {
                let note = if secret { "  (secret, mode 0600)" } else { "" };
                println!("  {name}{note}");
            }
            println!(
                "start a sandbox with them: sas sandbox --config {}",
                args.out.join("sandbox-config.json").display()
            );
            Ok(())
        }
    }
}

/// Generates keys and writes [`FILES`] into `dir`; returns what was written.
///
/// # Errors
///
/// When generation fails or a file cannot be written.
pub fn write_generated(dir: &Path) -> anyhow::Result<Vec<(&'static str, bool)>> {
    let keys = generate()?;
    create_private_dir(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let counterpart = keys.for_counterpart();
    let json = |keys: &crate::keyfile::KeysFile| -> anyhow::Result<Vec<u8>> {
        let mut bytes = serde_json::to_vec_pretty(keys)?;
        bytes.push(b'\n');
        Ok(bytes)
    };
    let platform_private = keys.platform.private_key_pem.clone().unwrap_or_default();
    let contents: [Vec<u8>; 7] = [
        json(&keys)?,
        json(&counterpart)?,
        keys.merchant.private_key_pem.clone().into_bytes(),
        keys.merchant.public_key_pem.clone().into_bytes(),
        platform_private.into_bytes(),
        keys.platform.public_key_pem.clone().into_bytes(),
        keys.platform.certificate_pem.clone().into_bytes(),
    ];
    for ((name, secret), bytes) in FILES.iter().zip(contents) {
        let path = dir.join(name);
        let result =
            if *secret { write_private(&path, &bytes) } else { std::fs::write(&path, &bytes) };
        result.with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(FILES.to_vec())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
