//! The committed expansion snapshot (`tests/expand/api.rs`) compiles on its own, against
//! `sas_core` as a dependency, and describes the same entries as the macro's output.
//!
//! This is a test target of its own so the snapshot can be refreshed (by the `it` tests) even
//! when a change to the generator leaves the old snapshot unable to compile.

#[allow(unused, missing_docs, unreachable_pub)]
#[rustfmt::skip]
#[path = "expand/api.rs"]
mod snapshot;

#[test]
fn snapshot_registry_equals_the_generated_one() {
    assert_eq!(snapshot::ENTRIES.len(), sas_core::api::ENTRIES.len());
    for (from_snapshot, generated) in snapshot::ENTRIES.iter().zip(sas_core::api::ENTRIES) {
        assert_eq!(from_snapshot, generated);
    }
}

#[test]
fn snapshot_types_behave_like_the_generated_ones() {
    let ours = snapshot::user::check_user::Request::new("o", "m", "u");
    let theirs = sas_core::api::user::check_user::Request::new("o", "m", "u");
    assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
}
