//! Tests of the rule readers: phrasings of both languages, unclassified anchors, and the pinned
//! counts of rules each committed text states.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::spec_check::vendor::{Source, Vendor};

fn committed() -> Vendor {
    let root = crate::project_root().expect("the workspace");
    Vendor::load(&root.join("spec/vendor"), Path::new("spec/vendor")).expect("vendor texts")
}

#[test]
fn dump() {
    let vendor = committed();
    for doc in &vendor.docs {
        let rules = of_document(doc);
        for found in &rules.found {
            println!(
                "{} {} {:?}   <<{}>>",
                doc.source,
                found.line,
                found.rule,
                found.text.replace('\n', " | ")
            );
        }
        for u in &rules.unclassified {
            println!("{} {} UNCLASSIFIED {}   <<{}>>", doc.source, u.line, u.what, u.text);
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for found in &rules.found {
            *counts.entry(found.rule.kind().as_str()).or_default() += 1;
        }
        println!("{}: {:?} unclassified {}", doc.source, counts, rules.unclassified.len());
    }
}
