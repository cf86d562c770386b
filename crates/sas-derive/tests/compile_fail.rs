//! Broken specs fail to compile, each with its message at its file:line:col
//! (`ui/<case>.rs` reads `ui/spec/<case>/`; the expected output is `ui/<case>.stderr`).
//!
//! Refresh the expected output with `TRYBUILD=overwrite cargo test -p sas-derive`.

#[test]
fn broken_specs_are_reported_with_their_location() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
