//! `sas`: the sandbox superapp, the end-to-end demo, and tools that sign, verify and explain.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sas_cli::{call, demo, keygen, listen, load, sandbox, tools};

/// The SAS SDK's command: a sandbox superapp to test against, the end-to-end demo of the
/// protocol, and tools that sign, verify and explain every signature and cipher.
#[derive(Debug, Parser)]
#[command(name = "sas", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a local superapp backend that serves every endpoint for real.
    Sandbox(sandbox::Command),
    /// Walk the whole protocol on loopback: a sandbox and a merchant, every step verified.
    Demo(demo::Args),
    /// Call an endpoint by its spec name or path, signed as the spec says.
    Call(call::Args),
    /// List the endpoints, callbacks and front-end parameter sets of the spec.
    Entries(call::EntriesArgs),
    /// Sign a message with one of the protocol's schemes.
    Sign(tools::SignArgs),
    /// Verify a captured request or message, explaining a failure step by step.
    Verify(tools::VerifyArgs),
    /// Encrypt a field or a callback resource.
    Encrypt(tools::EncryptArgs),
    /// Decrypt a field or a callback resource.
    Decrypt(tools::DecryptArgs),
    /// Run a merchant callback endpoint that verifies and explains what it receives.
    Listen(listen::Args),
    /// Load a sandbox with every endpoint for a while; print throughput, latency, errors,
    /// callbacks lost or duplicated, and memory.
    Load(load::Args),
    /// Manage demo keys.
    #[command(subcommand)]
    Keys(keygen::Command),
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Sandbox(command) => sandbox::run_command(command).await,
        Command::Demo(args) => demo::run(args).await,
        Command::Call(args) => call::run(args).await,
        Command::Entries(args) => call::entries(args),
        Command::Sign(args) => tools::sign(args),
        Command::Verify(args) => tools::verify(args),
        Command::Encrypt(args) => tools::encrypt(args),
        Command::Decrypt(args) => tools::decrypt(args),
        Command::Listen(args) => listen::run(args).await,
        Command::Load(args) => load::run(args).await,
        Command::Keys(command) => keygen::run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sas: {}", sas_cli::error_text(error.as_ref()));
            ExitCode::FAILURE
        }
    }
}
