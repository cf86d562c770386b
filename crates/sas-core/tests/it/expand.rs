//! The expansion snapshot: the code the macro generates from `spec/`, formatted, committed in
//! `tests/expand/api.rs` so reviewers read generated code in diffs.
//!
//! Refresh it with `SNAPSHOTS=overwrite cargo test -p sas-core --test it expand`.

use std::path::Path;

const HEADER: &str = "\
// Generated from spec/ by sas_spec::codegen::expand; do not edit by hand.
// Refresh: SNAPSHOTS=overwrite cargo test -p sas-core --test it expand
";

#[test]
fn expansion_snapshot_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = sas_spec::load(&root.join("../../spec")).unwrap_or_else(|d| panic!("{d}"));
    let file: syn::File =
        syn::parse2(sas_spec::codegen::expand(&spec)).expect("generated code parses");
    let expanded = format!("{HEADER}\n{}", prettyplease::unparse(&file));
    let snapshot = root.join("tests/expand/api.rs");
    let committed = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if committed == expanded {
        return;
    }
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&snapshot, expanded).expect("snapshot written");
        return;
    }
    let first_difference = committed
        .lines()
        .zip(expanded.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| committed.lines().count().min(expanded.lines().count()));
    panic!(
        "{} is stale (first difference at line {}); run \
         `SNAPSHOTS=overwrite cargo test -p sas-core --test it expand` and review the diff",
        snapshot.display(),
        first_difference + 1
    );
}
