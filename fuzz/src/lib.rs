//! Fuzz targets for every parser of the SDK's incoming bytes, as plain functions: the
//! `fuzz_targets/` binaries hand them libFuzzer's inputs (`cargo fuzz run`, see `README.md`),
//! and `tests/replay.rs` runs them over the committed corpora and regression inputs.
//!
//! Each target takes any bytes and must return without panicking, whatever they hold. Where a
//! parser family has many entries, the first byte picks the entry.

mod crypto_targets;
mod http_targets;
mod json_targets;
pub mod resign;
pub mod seed;
mod spec_targets;
pub mod support;
pub mod wire;

/// `xtask spec-check`'s vendor readers, compiled from xtask's own source files (xtask is a
/// binary, and these modules need nothing else of it).
#[path = "../../xtask/src/spec_check"]
#[allow(dead_code, unused_imports, unreachable_pub)]
mod spec_check {
    pub(crate) mod rules;
    pub(crate) mod vendor;
}

/// The repository root, as the unit tests of xtask's modules compiled in here ask for it
/// (they are xtask's to run: this crate's library is not tested).
#[cfg(test)]
fn project_root() -> anyhow::Result<std::path::PathBuf> {
    Ok(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
}

pub use crypto_targets::{CIPHER_READERS, KEY_LOADERS, Reader, authorization, ciphers, keys};
pub use http_targets::{
    CALLBACKS, STATUSES, callback, callback_opens, request, request_accepts, response,
    response_reads,
};
pub use json_targets::{APP_ID, frontend, json, json_types};
pub use spec_targets::{SAS_TOML, groups, scratch_dir, spec, vendor};

/// A target body: any bytes in, a return (never a panic) out.
pub type Target = fn(&[u8]);

/// Every target, by the name of its `fuzz_targets/` binary and its corpus folder.
pub const TARGETS: [(&str, Target); 10] = [
    ("request", request),
    ("callback", callback),
    ("response", response),
    ("authorization", authorization),
    ("keys", keys),
    ("ciphers", ciphers),
    ("json", json),
    ("frontend", frontend),
    ("spec", spec),
    ("vendor", vendor),
];
