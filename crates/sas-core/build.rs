//! Rebuilds sas-core when anything under `spec/` changes, new entry files included (the
//! `api!` macro tracks the files it reads; this catches the ones it has not read yet).
//!
//! `spec` in this crate's folder is a symbolic link to the workspace's `spec/` (the one place
//! maintainers edit); `cargo package` archives the files it points to, so the published crate
//! carries its spec.

fn main() {
    println!("cargo::rerun-if-changed=spec/sas.toml");
    println!("cargo::rerun-if-changed=spec/api");
}
