//! The committed `spec/` loads without a single diagnostic.

use std::path::Path;

#[test]
fn committed_spec_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec");
    match sas_spec::load_as(&dir, Path::new("spec")) {
        Ok(spec) => assert!(!spec.entries.is_empty()),
        Err(diagnostics) => panic!("the committed spec has problems:\n{diagnostics}"),
    }
}
