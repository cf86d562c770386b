//! Writes the seed inputs of every target (or of those named) under `corpus/<target>/`, or
//! under the folder given with `--out`: `cargo run -p sas-fuzz --features seed --example seed`.

use std::path::{Path, PathBuf};

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = root.join("fuzz/corpus");
    let mut wanted = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--out" {
            out = PathBuf::from(
                args.next().ok_or_else(|| anyhow::format_err!("--out needs a folder"))?,
            );
        } else {
            wanted.push(arg);
        }
    }
    for (target, _) in sas_fuzz::TARGETS {
        if !wanted.is_empty() && !wanted.iter().any(|name| name == target) {
            continue;
        }
        let dir = out.join(target);
        std::fs::create_dir_all(&dir)?;
        let seeds = sas_fuzz::seed::seeds(target, &root)?;
        for (name, bytes) in &seeds {
            std::fs::write(dir.join(format!("seed-{name}")), bytes)?;
        }
        println!("{target}: {} seeds in {}", seeds.len(), dir.display());
    }
    Ok(())
}
