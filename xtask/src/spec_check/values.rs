//! The comparison of the rules the vendor states in words with the spec: constraints, values,
//! defaults, units, formats, signing prefixes, auth schemes, aliases and callback wiring.
//!
//! For each entry, every vendor row paired with a spec field (in any text) brings the rules its
//! description cells state ([`super::rules`]); each rule must agree with the spec field, and
//! each constraint the spec gives a field must be stated by some text for it. The entry's
//! section prose and formulas are compared with its `callback_of`, `sign_prefix` and `auth`.
//! Errata of the value kinds explain a difference with the same source, `at`, kind, `vendor`
//! and `chosen`; a note explains a sentence that reads like a rule but states none the readers
//! know. Value errata that explain nothing are stale.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use sas_spec::{Entry, EntryKind, Erratum, ErratumKind, Field, Format, Loc, Part, Spec, TypeExpr};

use super::report::{Attr, Difference, Kind, Report, VendorLoc};
use super::rules::{Rule, Rules, Unclassified};
use super::vendor::Source;

mod stated;
mod unstated;

/// The spec side of a paired field.
#[derive(Clone, Debug)]
pub(crate) struct SpecSide<'a> {
    /// The wire name.
    pub(crate) name: &'a str,
    /// The errata path.
    pub(crate) at: String,
    /// Where the field stands.
    pub(crate) loc: &'a Loc,
    /// The field, when it is one (not the response `data`).
    pub(crate) field: Option<&'a Field>,
    /// The response `data`'s values, for `response.data`.
    pub(crate) data_values: Option<&'a [String]>,
    /// The type.
    pub(crate) ty: &'a TypeExpr,
    /// The top-level part it is in, when it is at the top level.
    pub(crate) part: Option<Part>,
    /// Whether names compare case-insensitively (headers).
    pub(crate) headers: bool,
}

/// A vendor row paired with a spec field.
#[derive(Clone, Debug)]
pub(crate) struct Paired<'a> {
    /// Which text.
    pub(crate) source: Source,
    /// The text's file as shown.
    pub(crate) file: PathBuf,
    /// The spec field.
    pub(crate) spec: SpecSide<'a>,
    /// The row's name cell.
    pub(crate) vendor_name: String,
    /// The row's line.
    pub(crate) line: u32,
    /// The row's type cell, lowercase.
    pub(crate) vendor_type: Option<String>,
    /// What the row's description cells state.
    pub(crate) rules: Rc<Rules>,
}

/// What the comparison of one entry with its texts collected for the value rules.
#[derive(Clone, Debug, Default)]
pub(crate) struct Collected<'a> {
    /// Every paired row.
    pub(crate) paired: Vec<Paired<'a>>,
    /// The rules of each text's section prose (callback references), with the text's file.
    pub(crate) prose: Vec<(Source, PathBuf, Rules)>,
    /// The texts the entry was compared with.
    pub(crate) sources: Vec<Source>,
    /// Where each text's section starts: `(source, file, heading line)`.
    pub(crate) sections: Vec<(Source, PathBuf, u32)>,
}

/// The `(none)` of a value the vendor or the spec does not give.
pub(super) const NONE: &str = "(none)";

/// Compares the value rules of `entry`. `spellings` holds every row name of every text.
pub(crate) fn check(
    spec: &Spec,
    entry: &Entry,
    collected: &Collected<'_>,
    spellings: &BTreeSet<String>,
    report: &mut Report,
) {
    let mut check = ValueCheck { spec, entry, differences: Vec::new(), report };
    let mut by_at: BTreeMap<&str, Vec<&Paired<'_>>> = BTreeMap::new();
    for paired in &collected.paired {
        by_at.entry(paired.spec.at.as_str()).or_default().push(paired);
        for unclassified in &paired.rules.unclassified {
            let (source, file, side) = (paired.source, &paired.file, &paired.spec);
            check.unclassified(source, file, &side.at, side.loc, unclassified);
        }
        for found in &paired.rules.found {
            check.rule(paired, found);
        }
    }
    let primary = if entry.kind == EntryKind::Frontend { Source::Fe } else { Source::En };
    for (at, pairs) in &by_at {
        check.unstated(at, pairs, primary);
        check.aliases(pairs, spellings, primary);
    }
    check.entry_rules(collected, primary);
    check.explain(collected);
    let mut differences = std::mem::take(&mut check.differences);
    check.report.differences.append(&mut differences);
}

pub(super) struct ValueCheck<'a, 'r> {
    pub(super) spec: &'a Spec,
    pub(super) entry: &'a Entry,
    pub(super) differences: Vec<Difference>,
    pub(super) report: &'r mut Report,
}

/// Renders a length bound.
pub(super) fn bound(word: &str, value: Option<u32>) -> String {
    value.map_or_else(|| NONE.to_owned(), |n| format!("{word} {n}"))
}

/// Renders a list of values.
pub(super) fn list(values: &[String]) -> String {
    if values.is_empty() { NONE.to_owned() } else { values.join(", ") }
}

/// Whether two value lists hold the same values.
pub(super) fn same_values(a: &[String], b: &[String]) -> bool {
    let a: BTreeSet<&String> = a.iter().collect();
    let b: BTreeSet<&String> = b.iter().collect();
    a == b
}

pub(super) fn format_name(format: Option<Format>) -> &'static str {
    format.map_or("json", Format::as_str)
}

impl<'a> ValueCheck<'a, '_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        source: Source,
        kind: ErratumKind,
        at: &str,
        vendor: String,
        spec: String,
        message: String,
        vendor_loc: Option<VendorLoc>,
        spec_loc: &Loc,
    ) {
        self.differences.push(Difference {
            source,
            entry: self.entry.section.clone(),
            kind: Kind::Erratum(kind),
            at: at.to_owned(),
            vendor,
            spec,
            message,
            vendor_loc,
            spec_loc: Some(spec_loc.clone()),
            explained_by: None,
        });
    }

    pub(super) fn compared(&mut self, loc: &Loc, attr: Attr) {
        self.report.compared.insert((loc.clone(), attr));
    }

    /// A sentence at `at` (spec `loc`) that reads like a rule but states none.
    fn unclassified(
        &mut self,
        source: Source,
        file: &Path,
        at: &str,
        loc: &Loc,
        found: &Unclassified,
    ) {
        self.differences.push(Difference {
            source,
            entry: self.entry.section.clone(),
            kind: Kind::Unclassified,
            at: at.to_owned(),
            vendor: found.text.clone(),
            spec: String::new(),
            message: format!(
                "`{}` reads like {} but states none the readers know; record the reading as a note",
                found.text, found.what
            ),
            vendor_loc: Some(VendorLoc { file: file.to_path_buf(), line: found.line }),
            spec_loc: Some(loc.clone()),
            explained_by: None,
        });
    }

    /// `callback_of` against the prose, and `sign_prefix` against the formulas.
    fn entry_rules(&mut self, collected: &Collected<'a>, primary: Source) {
        let entry = self.entry;
        if collected.sources.is_empty() {
            return;
        }
        self.compared(&entry.loc, Attr::CallbackOf);
        self.compared(&entry.loc, Attr::SignPrefix);
        let heading = collected
            .sections
            .iter()
            .find(|(source, _, _)| *source == primary)
            .or_else(|| collected.sections.first())
            .map(|(_, file, line)| VendorLoc { file: file.clone(), line: *line });
        let mut stated_callback = false;
        for (source, file, rules) in &collected.prose {
            for unclassified in &rules.unclassified {
                let loc = entry.loc.clone();
                self.unclassified(*source, file, "entry", &loc, unclassified);
            }
            for found in &rules.found {
                let Rule::CallbackOf(id) = &found.rule else { continue };
                stated_callback = true;
                if entry.callback_of.as_deref() != Some(id.as_str()) {
                    let spec = entry.callback_of.clone().unwrap_or_else(|| NONE.to_owned());
                    let message = format!(
                        "`{}` names the request {id}; the spec's callback_of is {spec}",
                        found.text
                    );
                    let vendor_loc = Some(VendorLoc { file: file.to_path_buf(), line: found.line });
                    self.push(
                        *source,
                        ErratumKind::CallbackOf,
                        "callback_of",
                        id.clone(),
                        spec,
                        message,
                        vendor_loc,
                        entry.key_loc("callback_of"),
                    );
                }
            }
        }
        if let Some(of) = &entry.callback_of
            && !stated_callback
        {
            let message = format!(
                "the spec says the callback answers {of}; no vendor text says which request it answers"
            );
            self.push(
                primary,
                ErratumKind::CallbackOf,
                "callback_of",
                NONE.to_owned(),
                of.clone(),
                message,
                heading.clone(),
                entry.key_loc("callback_of"),
            );
        }
        let formulas = collected
            .paired
            .iter()
            .any(|p| p.rules.found.iter().any(|f| matches!(f.rule, Rule::Formula { .. })));
        if let Some(prefix) = &entry.sign_prefix
            && !formulas
        {
            let message = format!("the spec signs `{prefix}&…`; no vendor text gives the formula");
            self.push(
                primary,
                ErratumKind::SignPrefix,
                "sign_prefix",
                NONE.to_owned(),
                prefix.clone(),
                message,
                heading,
                entry.key_loc("sign_prefix"),
            );
        }
    }

    /// Marks the differences value errata and notes explain, and reports the value errata that
    /// explain none.
    fn explain(&mut self, collected: &Collected<'a>) {
        let errata: Vec<&Erratum> =
            self.entry.errata.iter().filter(|e| e.kind.is_value_rule()).collect();
        let mut used = vec![false; errata.len()];
        for difference in &mut self.differences {
            match difference.kind {
                Kind::Erratum(kind) => {
                    let found = errata.iter().position(|e| {
                        e.kind == kind
                            && e.at == difference.at
                            && super::diff::is(e.source, difference.source)
                            && e.vendor == difference.vendor
                            && e.chosen == difference.spec
                    });
                    if let Some(index) = found {
                        difference.explained_by = Some(errata[index].loc.clone());
                        used[index] = true;
                    }
                }
                Kind::Unclassified => {
                    let note = self.entry.notes.iter().find(|note| {
                        super::diff::is(note.source, difference.source)
                            && note.at == difference.at
                            && (super::diff::contains(&difference.vendor, &note.vendor)
                                || super::diff::contains(&note.vendor, &difference.vendor))
                    });
                    difference.explained_by = note.map(|note| note.loc.clone());
                }
                _ => {}
            }
        }
        for (erratum, used) in errata.iter().zip(used) {
            let compared = collected.sources.iter().any(|s| super::diff::is(erratum.source, *s));
            if !used && compared {
                let why = format!(
                    "no {} difference at `{}` with vendor `{}` and chosen `{}`",
                    erratum.kind.as_str(),
                    erratum.at,
                    erratum.vendor,
                    erratum.chosen
                );
                let stale = super::diff::stale_erratum(self.entry, erratum, &why);
                let row = collected
                    .paired
                    .iter()
                    .filter(|p| super::diff::is(erratum.source, p.source))
                    .find(|p| p.spec.at == erratum.at)
                    .map(|p| (p.file.clone(), p.line));
                let heading = collected
                    .sections
                    .iter()
                    .find(|(source, _, _)| super::diff::is(erratum.source, *source))
                    .map(|(_, file, line)| (file.clone(), *line));
                let vendor_loc = row.or(heading).map(|(file, line)| VendorLoc { file, line });
                self.differences.push(Difference { vendor_loc, ..stale });
            }
        }
    }
}
