//! `cargo xtask`: project automation (the cargo-xtask pattern).

fn main() {}
