//! The targets over the spec: sas-spec's loader over a fuzzed `sas.toml` or entry file, and
//! `xtask spec-check`'s readers of the vendor texts.
//!
//! Input of `spec`: a selector byte (even: the rest is an entry file of the group it picks,
//! beside the committed `sas.toml`; odd: the rest is `sas.toml`, with no entry files), then the
//! TOML text. Input of `vendor`: a selector byte (the text: English API List, Chinese tables,
//! front-end API), then the text.

use std::path::{Path, PathBuf};

use crate::spec_check::vendor::tree::Tree;
use crate::spec_check::vendor::{Source, Vendor};
use crate::support::pick;

/// The committed `sas.toml`.
pub const SAS_TOML: &str = include_str!("../../spec/sas.toml");

/// The spec loader over one fuzzed file.
pub fn spec(data: &[u8]) {
    let [selector, rest @ ..] = data else { return };
    let Some(dir) = scratch() else { return };
    let groups = groups();
    let entry = dir.join("api").join(pick(&groups, selector / 2).copied().unwrap_or("user"));
    let written = if selector % 2 == 0 {
        std::fs::write(dir.join("sas.toml"), SAS_TOML)
            .and_then(|()| std::fs::write(entry.join("entry.toml"), rest))
    } else {
        std::fs::write(dir.join("sas.toml"), rest)
    };
    if written.is_ok() {
        let _ = sas_spec::load(&dir);
    }
    for group in groups {
        let _ = std::fs::remove_file(dir.join("api").join(group).join("entry.toml"));
    }
}

/// The groups of the committed spec, in `ENTRIES` order.
pub fn groups() -> Vec<&'static str> {
    let mut groups: Vec<&str> = Vec::new();
    for entry in sas_core::api::ENTRIES {
        if !groups.contains(&entry.group) {
            groups.push(entry.group);
        }
    }
    groups
}

/// This thread's spec folder (`sas.toml`, `api/<group>/` for every group), made on first use.
fn scratch() -> Option<PathBuf> {
    let dir = scratch_dir();
    for group in groups() {
        std::fs::create_dir_all(dir.join("api").join(group)).ok()?;
    }
    Some(dir)
}

/// Where [`spec`] writes, per process and thread (the replay test removes it).
pub fn scratch_dir() -> PathBuf {
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    std::env::temp_dir().join(format!("sas-fuzz-spec-{}-{thread}", std::process::id()))
}

/// The vendor texts' readers over one fuzzed text, each section's tables then nested.
pub fn vendor(data: &[u8]) {
    let [selector, rest @ ..] = data else { return };
    let Some(&source) = pick(&Source::ALL, *selector) else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let file = Path::new("spec/vendor").join(source.file_name());
    let vendor = Vendor::parse(&[(source, file, text)]);
    for doc in &vendor.docs {
        for section in &doc.sections {
            let _ = Tree::of(section);
        }
    }
}
