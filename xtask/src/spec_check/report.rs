//! The differences spec-check found, and their text and JSON forms.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use sas_spec::{ErratumKind, Loc};
use serde_json::{Value, json};

use super::vendor::Source;

/// What a difference is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A structural difference an erratum of this kind can explain.
    Erratum(ErratumKind),
    /// An erratum that explains no difference.
    StaleErratum,
    /// A note whose vendor text no longer stands where it says.
    StaleNote,
    /// Part of a vendor text the readers could not read or place.
    Unreadable,
    /// A sentence that reads like a rule but states none the readers know (a note explains it).
    Unclassified,
}

impl Kind {
    /// The kind's name in reports.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Erratum(kind) => kind.as_str(),
            Kind::StaleErratum => "stale-erratum",
            Kind::StaleNote => "stale-note",
            Kind::Unreadable => "unreadable",
            Kind::Unclassified => "unclassified",
        }
    }
}

/// A line of a vendor text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct VendorLoc {
    /// The file as shown.
    pub(crate) file: PathBuf,
    /// 1-based line.
    pub(crate) line: u32,
}

/// One difference between the spec and a vendor text.
#[derive(Clone, Debug)]
pub(crate) struct Difference {
    /// Which vendor text.
    pub(crate) source: Source,
    /// The entry's `doc` (`"2.1"`), or the vendor section's id; empty for a whole text.
    pub(crate) entry: String,
    /// What differs.
    pub(crate) kind: Kind,
    /// Where, as an errata path (`request.body.DateTime`).
    pub(crate) at: String,
    /// What the vendor text says.
    pub(crate) vendor: String,
    /// What the spec says.
    pub(crate) spec: String,
    /// The explanation, a sentence without a trailing period.
    pub(crate) message: String,
    /// Where the vendor text says it.
    pub(crate) vendor_loc: Option<VendorLoc>,
    /// Where the spec says it.
    pub(crate) spec_loc: Option<Loc>,
    /// The erratum that explains it, if one does.
    pub(crate) explained_by: Option<Loc>,
}

/// What the comparison looked at about a spec field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Attr {
    /// Whether the vendor text has it.
    Presence,
    /// Its type, against a vendor type cell.
    Type,
    /// Its required flag, against a vendor required cell.
    Required,
    /// Its value rules as a whole: every constraint it has must be stated by a text.
    Rules,
    /// Its `min_len` and `max_len`, against the lengths the texts state.
    Length,
    /// Its `charset`.
    Charset,
    /// Its `values` (or the envelope's success code).
    Values,
    /// Its `default`.
    Default,
    /// Its `unit`.
    Unit,
    /// Its `format`.
    Format,
    /// Its `aliases`, against the spellings the texts use.
    Alias,
    /// Whether a text spells it as one of its `aliases` (so dropping them is reported).
    Spelling,
    /// An entry's `auth` (by the entry's location).
    Auth,
    /// An entry's `sign_prefix` (by the entry's location).
    SignPrefix,
    /// An entry's `callback_of` (by the entry's location).
    CallbackOf,
}

/// Everything spec-check found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Report {
    /// Every difference, explained or not, in the order found.
    pub(crate) differences: Vec<Difference>,
    /// The spec entries checked.
    pub(crate) entries: usize,
    /// Of those, the endpoints, callbacks and front-end parameter sets.
    pub(crate) kinds: [usize; 3],
    /// The vendor rows compared with a spec field.
    pub(crate) rows: usize,
    /// The errata checked.
    pub(crate) errata: usize,
    /// The notes checked (those about `en`, `zh` and `fe`).
    pub(crate) notes: usize,
    /// What was compared about which spec field (by the field's location).
    pub(crate) compared: BTreeSet<(Loc, Attr)>,
}

impl Report {
    /// The differences no erratum explains.
    pub(crate) fn unexplained(&self) -> impl Iterator<Item = &Difference> {
        self.differences.iter().filter(|d| d.explained_by.is_none())
    }

    /// Whether every difference is explained.
    pub(crate) fn is_clean(&self) -> bool {
        self.unexplained().next().is_none()
    }

    /// The spec fields compared with the vendor texts.
    fn fields(&self) -> usize {
        self.compared.iter().filter(|(_, attr)| *attr == Attr::Presence).count()
    }

    /// The last line of the report.
    pub(crate) fn summary(&self) -> String {
        let unexplained = self.unexplained().count();
        let explained = self.differences.len() - unexplained;
        let [endpoints, callbacks, frontend] = self.kinds;
        format!(
            "spec-check: {} entries ({endpoints} endpoints, {callbacks} callbacks, {frontend} \
             front-end sets), {} fields ({} vendor rows), {} errata and {} notes checked: \
             {unexplained} unexplained difference{}, {explained} explained by errata and notes",
            self.entries,
            self.fields(),
            self.rows,
            self.errata,
            self.notes,
            if unexplained == 1 { "" } else { "s" },
        )
    }

    /// The report as text: every unexplained difference, then the summary.
    pub(crate) fn to_text(&self) -> String {
        let mut out = String::new();
        for difference in self.unexplained() {
            let _ = writeln!(
                out,
                "error[{}]: {} {} {}: {}",
                difference.kind.as_str(),
                difference.source,
                if difference.entry.is_empty() { "-" } else { &difference.entry },
                difference.at,
                difference.message
            );
            if let Some(loc) = &difference.vendor_loc {
                let _ = writeln!(out, "  vendor: {}:{}", loc.file.display(), loc.line);
            }
            if let Some(loc) = &difference.spec_loc {
                let _ = writeln!(out, "  spec:   {loc}");
            }
        }
        let _ = writeln!(out, "{}", self.summary());
        out
    }

    /// The report as JSON: every difference (explained ones carry `explained_by`) and the
    /// counts.
    pub(crate) fn to_json(&self) -> Value {
        let differences: Vec<Value> = self.differences.iter().map(difference_json).collect();
        json!({
            "differences": differences,
            "summary": {
                "entries": self.entries,
                "endpoints": self.kinds[0],
                "callbacks": self.kinds[1],
                "frontend_sets": self.kinds[2],
                "fields": self.fields(),
                "vendor_rows": self.rows,
                "errata": self.errata,
                "notes": self.notes,
                "unexplained": self.unexplained().count(),
                "explained": self.differences.len() - self.unexplained().count(),
                "text": self.summary(),
            },
        })
    }
}

fn difference_json(difference: &Difference) -> Value {
    let vendor_loc = difference
        .vendor_loc
        .as_ref()
        .map(|loc| json!({ "file": loc.file.display().to_string(), "line": loc.line }));
    json!({
        "source": difference.source.as_str(),
        "entry": difference.entry,
        "kind": difference.kind.as_str(),
        "at": difference.at,
        "vendor": difference.vendor,
        "spec": difference.spec,
        "message": difference.message,
        "vendor_loc": vendor_loc,
        "spec_loc": difference.spec_loc.as_ref().map(loc_json),
        "explained_by": difference.explained_by.as_ref().map(loc_json),
    })
}

fn loc_json(loc: &Loc) -> Value {
    json!({ "file": loc.file.display().to_string(), "line": loc.line, "col": loc.col })
}
