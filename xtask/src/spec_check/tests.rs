//! Tests of spec-check: the committed spec against the committed vendor texts, vendor texts
//! altered on purpose, and the spec mutated in memory.

mod altered;
mod altered_rules;
mod mutations;

use std::path::{Path, PathBuf};

use sas_spec::Spec;

use super::vendor::{Source, Vendor};
use super::{check, diff};
use crate::project_root;

/// The committed spec.
fn committed_spec() -> Spec {
    sas_spec::load_as(&project_root().expect("the workspace").join("spec"), Path::new("spec"))
        .expect("the spec loads")
}

/// The committed vendor texts, as `(source, shown name, text)`.
fn committed_texts() -> Vec<(Source, PathBuf, String)> {
    Source::ALL
        .iter()
        .map(|&source| {
            let path =
                project_root().expect("the workspace").join("spec/vendor").join(source.file_name());
            let text = std::fs::read_to_string(&path).expect("vendor text");
            (source, Path::new("spec/vendor").join(source.file_name()), text)
        })
        .collect()
}

/// The check CI runs: the committed spec agrees with the committed vendor texts, every
/// difference explained by an erratum, every erratum and note current.
#[test]
fn committed_spec_agrees_with_vendor_texts() {
    let root = project_root().expect("the workspace");
    let report = check(
        &root.join("spec"),
        Path::new("spec"),
        &root.join("spec/vendor"),
        Path::new("spec/vendor"),
    )
    .expect("spec-check runs");
    assert!(report.is_clean(), "{}", report.to_text());
    assert_eq!(report.entries, 22);
    assert!(report.differences.iter().all(|d| d.explained_by.is_some()));
    println!("{}", report.summary());
}

#[test]
fn json_report_carries_every_difference() {
    let vendor = Vendor::parse(&committed_texts());
    let report = diff::check(&committed_spec(), &vendor);
    let json = report.to_json();
    let differences = json["differences"].as_array().expect("differences");
    assert_eq!(differences.len(), report.differences.len());
    assert!(differences.iter().all(|d| d["explained_by"]["file"].is_string()));
    assert_eq!(json["summary"]["unexplained"], 0);
    assert_eq!(json["summary"]["entries"], 22);
    assert_eq!(json["summary"]["text"], report.summary());
}
