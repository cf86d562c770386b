//! `cargo xtask spec-check`: compares the spec with the vendor's own documentation tables.

// The comparison with the spec model is being added; until then only the readers run.
#![allow(dead_code)]

mod vendor;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::flags::SpecCheck;
use crate::project_root;

/// Runs spec-check with `flags`.
pub(crate) fn run(flags: &SpecCheck) -> anyhow::Result<ExitCode> {
    let root = project_root();
    let vendor_dir = flags.vendor.clone().unwrap_or_else(|| root.join("spec/vendor"));
    let shown = flags.vendor.clone().unwrap_or_else(|| PathBuf::from("spec/vendor"));
    let vendor = vendor::Vendor::load(&vendor_dir, &shown)?;
    let mut problems = 0;
    for doc in &vendor.docs {
        let tables = doc.tables().count();
        let rows: usize = doc.tables().map(|t| t.rows.len()).sum();
        println!(
            "{}: {} sections, {tables} tables, {rows} rows",
            doc.file.display(),
            doc.sections.len()
        );
        for problem in &doc.problems {
            println!(
                "{}:{}: {}: {}",
                doc.file.display(),
                problem.line,
                problem.message,
                problem.text
            );
            problems += 1;
        }
    }
    Ok(if problems == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
