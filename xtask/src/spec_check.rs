//! `cargo xtask spec-check`: compares the spec with the vendor's own documentation tables.
//!
//! The vendor texts under `spec/vendor/` are read into sections and tables ([`vendor`]), each
//! spec entry is compared with its section ([`diff`], pairing rows and fields with [`align`]),
//! and every difference no erratum explains is reported at once ([`report`]), with the vendor
//! file:line and the spec file:line:col.

mod align;
mod diff;
mod report;
mod rules;
mod values;
mod vendor;
mod view;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::format_err;

use crate::flags::{Format, SpecCheck};
use crate::{output, project_root};

pub(crate) use report::Report;

/// Runs spec-check with `flags`: prints the report and fails when a difference is unexplained.
pub(crate) fn run(flags: &SpecCheck) -> anyhow::Result<ExitCode> {
    let root = project_root()?;
    let (vendor_dir, shown) = match &flags.vendor {
        Some(dir) => (dir.clone(), dir.clone()),
        None => (root.join("spec/vendor"), PathBuf::from("spec/vendor")),
    };
    let report = check(&root.join("spec"), Path::new("spec"), &vendor_dir, &shown)?;
    match flags.format {
        Format::Text => output::print(&report.to_text())?,
        Format::Json => output::println(&serde_json::to_string_pretty(&report.to_json())?)?,
    }
    Ok(if report.is_clean() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Loads the spec in `spec_dir` and the vendor texts in `vendor_dir` and compares them; files
/// are named below `spec_shown` and `vendor_shown` in the report.
pub(crate) fn check(
    spec_dir: &Path,
    spec_shown: &Path,
    vendor_dir: &Path,
    vendor_shown: &Path,
) -> anyhow::Result<Report> {
    let spec = sas_spec::load_as(spec_dir, spec_shown)
        .map_err(|diagnostics| format_err!("the spec does not load:\n{diagnostics}"))?;
    let vendor = vendor::Vendor::load(vendor_dir, vendor_shown)?;
    Ok(diff::check(&spec, &vendor))
}
