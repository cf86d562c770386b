//! The comparison: every spec entry against its section in each vendor text, then errata and
//! notes against what was found.
//!
//! The English API List and the front-end text are compared in full: a spec field the text does
//! not have is `absent`. The Chinese tables cover less (no 1.1 header table, no decrypted
//! structures, no sections after 4.2), so a part, a decrypted structure or a document inside a
//! string is compared only where the Chinese text has its table.

use std::collections::BTreeMap;
use std::rc::Rc;

use sas_spec::{Entry, EntryKind, Erratum, ErratumKind, Spec, TypeExpr};

use super::align::align;
use super::report::{Attr, Difference, Kind, Report, VendorLoc};
use super::values::{self, Collected, Paired, SpecSide};
use super::vendor::tree::{Field, PartKind, Tree};
use super::vendor::{Document, Section, Source, Vendor, required_flag};
use super::view::{self, SpecField, part_at};

/// Compares `spec` with `vendor`.
pub(crate) fn check(spec: &Spec, vendor: &Vendor) -> Report {
    check_entries(spec, vendor, |_| true)
}

/// Compares the entries of `spec` for which `wanted(index)` holds with `vendor`, and the
/// service-wide parts (the mutation tests check only the entry a mutation touches).
pub(crate) fn check_entries(
    spec: &Spec,
    vendor: &Vendor,
    wanted: impl Fn(usize) -> bool,
) -> Report {
    let mut report = Report::default();
    for (index, entry) in spec.entries.iter().enumerate() {
        if !wanted(index) {
            continue;
        }
        report.entries += 1;
        report.kinds[match entry.kind {
            EntryKind::Endpoint => 0,
            EntryKind::Callback => 1,
            EntryKind::Frontend => 2,
        }] += 1;
        report.errata += entry.errata.len();
        report.notes += entry.notes.iter().filter(|n| to_source(n.source).is_some()).count();
        let sources: &[Source] = match entry.kind {
            EntryKind::Frontend => &[Source::Fe],
            EntryKind::Endpoint | EntryKind::Callback => &[Source::En, Source::Zh],
        };
        let mut collected = Collected::default();
        for &source in sources {
            if let Some(doc) = vendor.doc(source) {
                EntryCheck::new(spec, entry, doc, &mut report, &mut collected).run();
            }
        }
        values::check(spec, entry, &collected, &vendor.spellings, &mut report);
        for erratum in entry.errata.iter().filter(|e| !sources.iter().any(|s| is(e.source, *s))) {
            report.differences.push(stale_erratum(entry, erratum, "the entry is not in that text"));
        }
    }
    for doc in &vendor.docs {
        unlisted_sections(spec, doc, &mut report);
        for problem in &doc.problems {
            report.differences.push(Difference {
                source: doc.source,
                entry: String::new(),
                kind: Kind::Unreadable,
                at: String::new(),
                vendor: problem.text.clone(),
                spec: String::new(),
                message: format!("{}: `{}`", problem.message, problem.text),
                vendor_loc: Some(VendorLoc { file: doc.file.clone(), line: problem.line }),
                spec_loc: None,
                explained_by: None,
            });
        }
    }
    service_notes(spec, vendor, &mut report);
    report
}

fn to_source(source: sas_spec::Source) -> Option<Source> {
    match source {
        sas_spec::Source::En => Some(Source::En),
        sas_spec::Source::Zh => Some(Source::Zh),
        sas_spec::Source::Fe => Some(Source::Fe),
        sas_spec::Source::Other => None,
    }
}

pub(crate) fn is(source: sas_spec::Source, vendor: Source) -> bool {
    to_source(source) == Some(vendor)
}

pub(crate) fn stale_erratum(entry: &Entry, erratum: &Erratum, why: &str) -> Difference {
    Difference {
        source: to_source(erratum.source).unwrap_or(Source::En),
        entry: entry.section.clone(),
        kind: Kind::StaleErratum,
        at: erratum.at.clone(),
        vendor: erratum.vendor.clone(),
        spec: erratum.chosen.clone(),
        message: format!(
            "the erratum ({} `{}`) explains no difference: {why}",
            erratum.kind.as_str(),
            erratum.vendor
        ),
        vendor_loc: None,
        spec_loc: Some(erratum.loc.clone()),
        explained_by: None,
    }
}

/// Sections of `doc` that describe an API (a method, or tables) but no spec entry names.
fn unlisted_sections(spec: &Spec, doc: &Document, report: &mut Report) {
    for section in &doc.sections {
        if section.method.is_none() && section.tables.is_empty() {
            continue;
        }
        if spec.entry_by_section(&section.id).is_some() {
            continue;
        }
        report.differences.push(Difference {
            source: doc.source,
            entry: section.id.clone(),
            kind: Kind::Erratum(ErratumKind::Unlisted),
            at: "entry".to_owned(),
            vendor: format!("{} {}", section.id, section.title),
            spec: String::new(),
            message: format!("the section `{} {}` has no spec entry", section.id, section.title),
            vendor_loc: Some(VendorLoc { file: doc.file.clone(), line: section.line }),
            spec_loc: None,
            explained_by: None,
        });
    }
}

/// Notes of `sas.toml`: their vendor text must still stand somewhere in that vendor text.
fn service_notes(spec: &Spec, vendor: &Vendor, report: &mut Report) {
    for note in &spec.notes {
        let Some(source) = to_source(note.source) else { continue };
        report.notes += 1;
        let Some(doc) = vendor.doc(source) else { continue };
        if !contains(&doc.lines.join("\n"), &note.vendor) {
            report.differences.push(Difference {
                source,
                entry: String::new(),
                kind: Kind::StaleNote,
                at: note.at.clone(),
                vendor: note.vendor.clone(),
                spec: note.reading.clone(),
                message: format!(
                    "the note's text `{}` is no longer in the vendor text",
                    note.vendor
                ),
                vendor_loc: None,
                spec_loc: Some(note.loc.clone()),
                explained_by: None,
            });
        }
    }
}

/// Whether `haystack` contains `needle`, runs of white space counting as one space.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    let squeeze = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    squeeze(haystack).contains(&squeeze(needle))
}

/// One entry against one vendor text.
struct EntryCheck<'a, 'r> {
    spec: &'a Spec,
    entry: &'a Entry,
    doc: &'a Document,
    source: Source,
    errata: Vec<&'a Erratum>,
    used: Vec<bool>,
    differences: Vec<Difference>,
    /// The vendor text found at each errata path, for the notes.
    seen: BTreeMap<String, Vec<(u32, String)>>,
    report: &'r mut Report,
    /// What the value rules need: paired rows and section prose.
    collected: &'r mut Collected<'a>,
}

impl<'a, 'r> EntryCheck<'a, 'r> {
    fn new(
        spec: &'a Spec,
        entry: &'a Entry,
        doc: &'a Document,
        report: &'r mut Report,
        collected: &'r mut Collected<'a>,
    ) -> Self {
        // Value rules have their own comparison ([`values`]).
        let errata: Vec<&Erratum> = entry
            .errata
            .iter()
            .filter(|e| is(e.source, doc.source) && !e.kind.is_value_rule())
            .collect();
        EntryCheck {
            spec,
            entry,
            doc,
            source: doc.source,
            used: vec![false; errata.len()],
            errata,
            differences: Vec::new(),
            seen: BTreeMap::new(),
            report,
            collected,
        }
    }

    fn run(mut self) {
        match self.doc.section(&self.entry.section) {
            Some(section) => self.section(section),
            // The Chinese tables stop at 4.2; an entry they do not have is not compared.
            None if self.source == Source::Zh => {}
            None => {
                let message = format!(
                    "the spec has entry {}; the {} does not",
                    self.entry.section,
                    name(self.source)
                );
                let difference = Difference {
                    spec: self.entry.section.clone(),
                    spec_loc: Some(self.entry.loc.clone()),
                    ..self.difference(ErratumKind::Absent, "entry", message)
                };
                self.differences.push(difference);
            }
        }
        self.explain();
        for (erratum, used) in self.errata.iter().zip(&self.used) {
            if !used {
                let why = format!(
                    "the {} shows no {} difference at `{}`",
                    name(self.source),
                    erratum.kind.as_str(),
                    erratum.at
                );
                let stale = stale_erratum(self.entry, erratum, &why);
                let stale = Difference { vendor_loc: self.seen_at(&erratum.at), ..stale };
                self.differences.push(stale);
            }
        }
        self.notes();
        self.report.differences.append(&mut self.differences);
    }

    fn vendor_loc(&self, line: u32) -> Option<VendorLoc> {
        Some(VendorLoc { file: self.doc.file.clone(), line })
    }

    /// A difference of `kind` at `at`, to be completed with the values and locations.
    fn difference(&self, kind: ErratumKind, at: &str, message: String) -> Difference {
        Difference {
            source: self.source,
            entry: self.entry.section.clone(),
            kind: Kind::Erratum(kind),
            at: at.to_owned(),
            vendor: String::new(),
            spec: String::new(),
            message,
            vendor_loc: None,
            spec_loc: None,
            explained_by: None,
        }
    }

    fn see(&mut self, at: &str, line: u32, text: String) {
        self.seen.entry(at.to_owned()).or_default().push((line, text));
    }

    /// Where the vendor text has the element at `at`, if it has one.
    fn seen_at(&self, at: &str) -> Option<VendorLoc> {
        let (line, _) = self.seen.get(at)?.first()?;
        self.vendor_loc(*line)
    }

    fn section(&mut self, section: &'a Section) {
        self.collected.sources.push(self.source);
        self.collected.sections.push((self.source, self.doc.file.clone(), section.line));
        let prose = super::rules::read_prose(section, self.doc);
        self.collected.prose.push((self.source, self.doc.file.clone(), prose));
        let mut whole: Vec<String> = section.prose.iter().map(|p| p.text.clone()).collect();
        whole.extend(section.tables.iter().map(|t| t.full_text()));
        self.see("entry", section.line, whole.join("\n"));
        if self.source == Source::En {
            self.method(section);
            self.path(section);
        }
        let tree = Tree::of(section);
        for problem in &tree.problems {
            self.differences.push(Difference {
                source: self.source,
                entry: self.entry.section.clone(),
                kind: Kind::Unreadable,
                at: String::new(),
                vendor: problem.text.clone(),
                spec: String::new(),
                message: format!("{}: `{}`", problem.message, problem.text),
                vendor_loc: self.vendor_loc(problem.line),
                spec_loc: None,
                explained_by: None,
            });
        }
        let spec_parts = view::parts(self.spec, self.entry);
        let mut kinds: Vec<PartKind> =
            tree.parts.keys().chain(spec_parts.keys()).copied().collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let spec_fields = spec_parts.get(&kind).map_or(&[][..], Vec::as_slice);
            let at = part_at(kind);
            match tree.parts.get(&kind) {
                Some(part) => {
                    for text in &part.text {
                        self.see(at, text.line, text.text.clone());
                    }
                    self.fields(
                        &part.fields,
                        spec_fields,
                        at,
                        kind == PartKind::Headers,
                        part.line,
                    );
                }
                // The Chinese text leaves out whole tables; what it leaves out is not compared.
                None if self.source == Source::Zh => {}
                None => self.fields(&[], spec_fields, at, kind == PartKind::Headers, section.line),
            }
        }
    }

    fn method(&mut self, section: &Section) {
        let spec = self.entry.method.map(|m| m.as_str()).unwrap_or_default();
        let (vendor, line) = match &section.method {
            Some(method) => {
                self.see("method", method.line, method.text.clone());
                (method.text.as_str(), method.line)
            }
            None => ("", section.line),
        };
        if !vendor.eq_ignore_ascii_case(spec) {
            let message =
                format!("the {} says method `{vendor}`, the spec `{spec}`", name(self.source));
            let difference = Difference {
                vendor: vendor.to_owned(),
                spec: spec.to_owned(),
                vendor_loc: self.vendor_loc(line),
                spec_loc: Some(self.entry.key_loc("method").clone()),
                ..self.difference(ErratumKind::Method, "method", message)
            };
            self.differences.push(difference);
        }
    }

    fn path(&mut self, section: &Section) {
        let spec_path = self.entry.path.as_deref();
        let (vendor, line) = match &section.path {
            Some(path) => {
                self.see("path", path.line, path.text.clone());
                (path.text.as_str(), path.line)
            }
            None => ("", section.line),
        };
        let spec = match (spec_path, &self.entry.callback_of) {
            (Some(path), _) => path.to_owned(),
            (None, Some(of)) => format!("(the callback URL of {of})"),
            (None, None) => String::new(),
        };
        let agrees = if vendor.starts_with('/') || vendor.is_empty() {
            spec_path == Some(vendor) || (vendor.is_empty() && spec_path.is_none())
        } else {
            // A callback: "TC-Payment-Callback, described in the section 2.1".
            spec_path.is_none()
                && referenced_section(vendor)
                    .is_none_or(|of| self.entry.callback_of.as_deref() == Some(of))
        };
        if !agrees {
            let message =
                format!("the {} says path `{vendor}`, the spec `{spec}`", name(self.source));
            let key = if spec_path.is_some() { "path" } else { "callback_of" };
            let difference = Difference {
                vendor: vendor.to_owned(),
                spec,
                vendor_loc: self.vendor_loc(line),
                spec_loc: Some(self.entry.key_loc(key).clone()),
                ..self.difference(ErratumKind::Path, "path", message)
            };
            self.differences.push(difference);
        }
    }

    /// Compares a list of vendor fields with a list of spec fields. `prefix` is the errata path
    /// of the list (`request.body`, `types.Amount`); `line` is where the vendor gives the list.
    fn fields(
        &mut self,
        vendor: &[Field],
        spec: &[SpecField<'a>],
        prefix: &str,
        headers: bool,
        line: u32,
    ) {
        let alignment = align(vendor, spec, &self.errata, &mut self.used, headers);
        for &(vi, si) in &alignment.pairs {
            self.pair(&vendor[vi], &spec[si], headers);
        }
        for &vi in &alignment.vendor_only {
            let field = &vendor[vi];
            let at = format!("{prefix}.{}", field.name);
            self.see(&at, field.line, field.text.clone());
            let (kind, at, message) = if field.mangled {
                let message = format!("the row `{}` cannot be read as a field", field.name);
                (ErratumKind::Mangled, prefix.to_owned(), message)
            } else {
                let message =
                    format!("the {} has `{}`; the spec does not", name(self.source), field.name);
                (ErratumKind::Unlisted, at, message)
            };
            let spec_loc = spec.first().map_or(&self.entry.loc, |f| f.loc).clone();
            let difference = Difference {
                vendor: field.name.clone(),
                vendor_loc: self.vendor_loc(field.line),
                spec_loc: Some(spec_loc),
                ..self.difference(kind, &at, message)
            };
            self.differences.push(difference);
        }
        for &si in &alignment.spec_only {
            let field = &spec[si];
            self.report.compared.insert((field.loc.clone(), Attr::Presence));
            let message =
                format!("the spec has `{}`; the {} does not", field.name, name(self.source));
            let difference = Difference {
                spec: field.name.to_owned(),
                vendor_loc: self.vendor_loc(line),
                spec_loc: Some(field.loc.clone()),
                ..self.difference(ErratumKind::Absent, &field.at, message)
            };
            self.differences.push(difference);
        }
    }

    fn pair(&mut self, vendor: &Field, spec: &SpecField<'a>, headers: bool) {
        self.report.rows += 1;
        self.collected.paired.push(Paired {
            source: self.source,
            file: self.doc.file.clone(),
            spec: SpecSide {
                name: spec.name,
                at: spec.at.clone(),
                loc: spec.loc,
                field: spec.field,
                data_values: spec.data_values,
                ty: spec.ty,
                part: spec.part,
                headers,
            },
            vendor_name: vendor.name.clone(),
            line: vendor.line,
            vendor_type: vendor.ty.as_ref().map(|t| t.text.trim().to_lowercase()),
            rules: Rc::clone(&vendor.rules),
        });
        self.report.compared.insert((spec.loc.clone(), Attr::Presence));
        self.see(&spec.at, vendor.line, vendor.text.clone());
        if let Some(ty) = vendor.ty.as_ref().filter(|t| !t.text.trim().is_empty()) {
            self.report.compared.insert((spec.loc.clone(), Attr::Type));
            let word = ty.text.trim().to_lowercase();
            if !spec.ty.vendor_names().contains(&word.as_str()) {
                let message = format!(
                    "the {} types `{}` as `{}`, the spec as `{}`",
                    name(self.source),
                    spec.name,
                    ty.text.trim(),
                    spec.ty
                );
                let difference = Difference {
                    vendor: ty.text.trim().to_owned(),
                    spec: spec.ty.to_string(),
                    vendor_loc: self.vendor_loc(ty.line),
                    spec_loc: Some(spec.loc.clone()),
                    ..self.difference(ErratumKind::Type, &spec.at, message)
                };
                self.differences.push(difference);
            }
        }
        if let Some(cell) = &vendor.required {
            match required_flag(&cell.text) {
                Some(flag) => {
                    self.report.compared.insert((spec.loc.clone(), Attr::Required));
                    if flag != spec.required {
                        let says = |flag: bool| if flag { "required" } else { "not required" };
                        let message = format!(
                            "the {} marks `{}` {}, the spec {}",
                            name(self.source),
                            spec.name,
                            says(flag),
                            says(spec.required)
                        );
                        let shown = if cell.text.is_empty() { "(empty)" } else { &cell.text };
                        let difference = Difference {
                            vendor: shown.to_owned(),
                            spec: spec.required.to_string(),
                            vendor_loc: self.vendor_loc(cell.line),
                            spec_loc: Some(spec.loc.clone()),
                            ..self.difference(ErratumKind::Required, &spec.at, message)
                        };
                        self.differences.push(difference);
                    }
                }
                None => {
                    let message = format!(
                        "the required cell `{}` of `{}` is neither true nor false",
                        cell.text, vendor.name
                    );
                    let difference = Difference {
                        vendor: vendor.name.clone(),
                        vendor_loc: self.vendor_loc(cell.line),
                        spec_loc: Some(spec.loc.clone()),
                        ..self.difference(ErratumKind::Mangled, &spec.at, message)
                    };
                    self.differences.push(difference);
                }
            }
        }
        let in_string = matches!(spec.ty, TypeExpr::Json(_));
        match &spec.children {
            // A document inside a string has its own table; the Chinese text may leave it out.
            Some(_) if in_string && self.source == Source::Zh && vendor.children.is_empty() => {}
            Some(children) => {
                self.fields(&vendor.children, &children.fields, &children.at, false, vendor.line)
            }
            None => self.fields(&vendor.children, &[], &spec.at, false, vendor.line),
        }
        match (&spec.decrypted, &vendor.decrypted) {
            (Some(children), Some(decrypted)) => {
                self.fields(decrypted, &children.fields, &children.at, false, vendor.line)
            }
            (Some(_), None) if self.source == Source::Zh => {}
            (Some(children), None) => {
                self.fields(&[], &children.fields, &children.at, false, vendor.line)
            }
            (None, Some(decrypted)) => self.fields(decrypted, &[], &spec.at, false, vendor.line),
            (None, None) => {}
        }
    }

    /// Marks each difference an erratum explains: same vendor text, `at` and kind, and for a
    /// type, method or path also the same vendor and spec values.
    fn explain(&mut self) {
        for difference in &mut self.differences {
            let Kind::Erratum(kind) = difference.kind else { continue };
            let found = self.errata.iter().position(|erratum| {
                erratum.kind == kind
                    && erratum.at == difference.at
                    && match kind {
                        ErratumKind::Type | ErratumKind::Method => {
                            erratum.vendor.eq_ignore_ascii_case(&difference.vendor)
                                && erratum.chosen.eq_ignore_ascii_case(&difference.spec)
                        }
                        ErratumKind::Path => {
                            erratum.vendor == difference.vendor && erratum.chosen == difference.spec
                        }
                        ErratumKind::Mangled => erratum.vendor == difference.vendor,
                        _ => true,
                    }
            });
            if let Some(index) = found {
                difference.explained_by = Some(self.errata[index].loc.clone());
                self.used[index] = true;
            }
        }
    }

    /// Each note about this vendor text must quote text that still stands where it says.
    fn notes(&mut self) {
        for note in self.entry.notes.iter().filter(|n| is(n.source, self.source)) {
            let texts = self.seen.get(&note.at);
            if texts.is_some_and(|texts| texts.iter().any(|(_, text)| contains(text, &note.vendor)))
            {
                continue;
            }
            let message = match texts {
                Some(_) => {
                    format!("the note's text `{}` no longer stands at `{}`", note.vendor, note.at)
                }
                None => {
                    format!("the {} has nothing at `{}` for the note", name(self.source), note.at)
                }
            };
            self.differences.push(Difference {
                source: self.source,
                entry: self.entry.section.clone(),
                kind: Kind::StaleNote,
                at: note.at.clone(),
                vendor: note.vendor.clone(),
                spec: note.reading.clone(),
                message,
                vendor_loc: self.seen_at(&note.at),
                spec_loc: Some(note.loc.clone()),
                explained_by: None,
            });
        }
    }
}

/// "section 2.1" in a callback's path line.
fn referenced_section(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once("section ")?;
    let number = rest.split(|c: char| !(c.is_ascii_digit() || c == '.')).next()?;
    let number = number.trim_end_matches('.');
    (!number.is_empty()).then_some(number)
}

/// How reports name a vendor text.
fn name(source: Source) -> &'static str {
    match source {
        Source::En => "English API List",
        Source::Zh => "Chinese API List",
        Source::Fe => "front-end text",
    }
}
