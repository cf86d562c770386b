//! Rebuilds sas-core when anything under `spec/` changes, new entry files included (the
//! `api!` macro tracks the files it reads; this catches the ones it has not read yet).

fn main() {
    println!("cargo::rerun-if-changed=../../spec/sas.toml");
    println!("cargo::rerun-if-changed=../../spec/api");
}
