//! The `sas` command's library: a sandbox superapp, the end-to-end demo, and tools that sign,
//! verify and explain. The binary (`src/main.rs`) is a thin clap front over these modules.
//!
//! | Module | Subcommand | What it does |
//! |---|---|---|
//! | [`keyfile`] | (shared) | the keys file `sas sandbox --keys-out` writes and the other commands read |
//! | [`sandbox`] | `sas sandbox` | a local superapp backend serving every endpoint for real |
//! | [`demo`] | `sas demo` | the sandbox and a merchant in-process, walking the whole protocol |
//! | [`call`] | `sas call`, `sas entries` | call any endpoint by its spec name, signed as the spec says |
//! | [`tools`] | `sas sign`, `verify`, `encrypt`, `decrypt` | one subcommand per scheme; failures explained step by step |
//! | [`listen`] | `sas listen` | a merchant callback endpoint that verifies and explains what it receives |
//! | [`keygen`] | `sas keys generate` | demo key pairs, a platform certificate and symmetric keys |
//! | [`load`] | `sas load` | a bounded load run on loopback: every endpoint, latency, errors, callbacks, memory |

pub mod call;
pub mod demo;
pub mod keyfile;
pub mod keygen;
pub mod listen;
pub mod load;
pub mod sandbox;
pub mod tools;
