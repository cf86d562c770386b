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

use sas_spec::{
    Entry, EntryKind, Erratum, ErratumKind, Field, Format, Loc, Part, Spec, TypeExpr, Unit,
};

use super::report::{Attr, Difference, Kind, Report, VendorLoc};
use super::rules::{Chars, Found, Prefix, Rule, Rules, Unclassified};
use super::vendor::Source;

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
const NONE: &str = "(none)";

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
            check.unclassified(paired.source, &paired.file, &paired.spec.at, unclassified);
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

struct ValueCheck<'a, 'r> {
    spec: &'a Spec,
    entry: &'a Entry,
    differences: Vec<Difference>,
    report: &'r mut Report,
}

/// Renders a length bound.
fn bound(word: &str, value: Option<u32>) -> String {
    value.map_or_else(|| NONE.to_owned(), |n| format!("{word} {n}"))
}

/// Renders a list of values.
fn list(values: &[String]) -> String {
    if values.is_empty() { NONE.to_owned() } else { values.join(", ") }
}

/// Whether two value lists hold the same values.
fn same_values(a: &[String], b: &[String]) -> bool {
    let a: BTreeSet<&String> = a.iter().collect();
    let b: BTreeSet<&String> = b.iter().collect();
    a == b
}

fn format_name(format: Option<Format>) -> &'static str {
    format.map_or("json", Format::as_str)
}

impl<'a> ValueCheck<'a, '_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
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
            entry: self.entry.doc.clone(),
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

    fn compared(&mut self, loc: &Loc, attr: Attr) {
        self.report.compared.insert((loc.clone(), attr));
    }

    fn unclassified(&mut self, source: Source, file: &Path, at: &str, found: &Unclassified) {
        self.differences.push(Difference {
            source,
            entry: self.entry.doc.clone(),
            kind: Kind::Unclassified,
            at: at.to_owned(),
            vendor: found.text.clone(),
            spec: String::new(),
            message: format!(
                "`{}` reads like {} but states none the readers know; record the reading as a note",
                found.text, found.what
            ),
            vendor_loc: Some(VendorLoc { file: file.to_path_buf(), line: found.line }),
            spec_loc: Some(self.entry.loc.clone()),
            explained_by: None,
        });
    }

    /// One rule of a paired row against its spec field.
    fn rule(&mut self, paired: &Paired<'a>, found: &Found) {
        let side = &paired.spec;
        let loc = side.loc;
        let at = side.at.as_str();
        let vendor_loc = Some(VendorLoc { file: paired.file.clone(), line: found.line });
        let field = side.field;
        let values: &[String] = match (field, side.data_values) {
            (Some(field), _) => &field.values,
            (None, Some(values)) => values,
            (None, None) => &[],
        };
        let default = field.and_then(|f| f.default.as_deref());
        let spec_values = || match (values.is_empty(), default) {
            (true, Some(default)) => format!("default {default}"),
            _ => list(values),
        };
        let source = paired.source;
        let sentence = found.text.replace('\n', " ");
        let says = |what: &str| format!("`{sentence}` states {what} for `{}`", side.name);
        match &found.rule {
            Rule::Length { min, max } => {
                self.compared(loc, Attr::Length);
                let spec_min = field.and_then(|f| f.min_len);
                let spec_max = field.and_then(|f| f.max_len);
                if min.is_some() && *min != spec_min {
                    let message = format!(
                        "{}; the spec {}",
                        says(&bound("min", *min)),
                        bound("min", spec_min)
                    );
                    self.push(
                        source,
                        ErratumKind::Length,
                        at,
                        bound("min", *min),
                        bound("min", spec_min),
                        message,
                        vendor_loc.clone(),
                        loc,
                    );
                }
                if max.is_some() && *max != spec_max {
                    let message = format!(
                        "{}; the spec {}",
                        says(&bound("max", *max)),
                        bound("max", spec_max)
                    );
                    self.push(
                        source,
                        ErratumKind::Length,
                        at,
                        bound("max", *max),
                        bound("max", spec_max),
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Charset(chars) => {
                self.compared(loc, Attr::Charset);
                let spec = field.and_then(|f| f.charset.as_ref()).map(Chars::of_spec);
                if spec.as_ref() != Some(chars) {
                    let spec = spec.map_or_else(|| NONE.to_owned(), |c| c.to_string());
                    let message = format!(
                        "{}; the spec `{spec}`",
                        says(&format!("the characters `{chars}`"))
                    );
                    self.push(
                        source,
                        ErratumKind::Charset,
                        at,
                        chars.to_string(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Values(vendor) => {
                self.compared(loc, Attr::Values);
                if !same_values(vendor, values) {
                    let message = format!(
                        "{}; the spec {}",
                        says(&format!("the values {}", list(vendor))),
                        list(values)
                    );
                    self.push(
                        source,
                        ErratumKind::Values,
                        at,
                        list(vendor),
                        list(values),
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Fixed(value) => {
                self.compared(loc, Attr::Values);
                let agrees = match values {
                    [only] => only == value && default.is_none_or(|d| d == value),
                    _ => false,
                };
                if !agrees {
                    let message = format!(
                        "{}; the spec {}",
                        says(&format!("the fixed value {value}")),
                        spec_values()
                    );
                    self.push(
                        source,
                        ErratumKind::Values,
                        at,
                        value.clone(),
                        spec_values(),
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Success(value) => {
                self.compared(loc, Attr::Values);
                let (agrees, spec) = if at == "response.returnCode" {
                    let code = &self.spec.envelope.success_code;
                    (code == value, code.clone())
                } else {
                    (values.len() == 1 && values[0] == *value, list(values))
                };
                if !agrees {
                    let message =
                        format!("{}; the spec {spec}", says(&format!("success as {value}")));
                    self.push(
                        source,
                        ErratumKind::Values,
                        at,
                        value.clone(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Default(value) => {
                self.compared(loc, Attr::Default);
                if default != Some(value.as_str()) {
                    let spec = default.unwrap_or(NONE).to_owned();
                    let message =
                        format!("{}; the spec {spec}", says(&format!("the default {value}")));
                    self.push(
                        source,
                        ErratumKind::Default,
                        at,
                        value.clone(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Unit(unit) => {
                self.compared(loc, Attr::Unit);
                // Cents in a string (the type cell says string): a decimal integer in a string.
                // (Timestamps in strings stay strings: signatures cover them as sent.)
                let string_typed = paired.vendor_type.as_deref() == Some("string")
                    && matches!(side.ty, TypeExpr::String)
                    && *unit == Unit::Cent;
                let spec_format = field.and_then(|f| f.format);
                if string_typed && spec_format != Some(Format::Int) {
                    self.compared(loc, Attr::Format);
                    let spec = spec_format.map_or(NONE, Format::as_str).to_owned();
                    let message = format!(
                        "{}, in a string: a decimal integer; the spec's format is {spec}",
                        says(&format!("the unit {}", unit.as_str()))
                    );
                    let (kind, vendor) = (ErratumKind::Format, "int".to_owned());
                    self.push(source, kind, at, vendor, spec, message, vendor_loc.clone(), loc);
                } else if string_typed {
                    self.compared(loc, Attr::Format);
                }
                let spec = field.and_then(|f| f.unit);
                if spec != Some(*unit) {
                    let spec = spec.map_or(NONE, |u| u.as_str()).to_owned();
                    let message = format!(
                        "{}; the spec {spec}",
                        says(&format!("the unit {}", unit.as_str()))
                    );
                    self.push(
                        source,
                        ErratumKind::Unit,
                        at,
                        unit.as_str().to_owned(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Format(format) => {
                self.compared(loc, Attr::Format);
                let (agrees, spec) = match format {
                    None => (matches!(side.ty, TypeExpr::Json(_)), side.ty.to_string()),
                    Some(_) => {
                        let spec = field.and_then(|f| f.format);
                        (spec == *format, spec.map_or(NONE, Format::as_str).to_owned())
                    }
                };
                if !agrees {
                    let name = format_name(*format);
                    let message =
                        format!("{}; the spec {spec}", says(&format!("the format {name}")));
                    self.push(
                        source,
                        ErratumKind::Format,
                        at,
                        name.to_owned(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Signature => {
                self.compared(&self.entry.loc, Attr::Auth);
                let scheme = self.spec.auth_scheme(&self.entry.auth);
                // At the top level the scheme must own the name; inside a document, the field
                // is the scheme's when it is set by it.
                let owned = match side.part {
                    Some(part) => scheme.is_some_and(|scheme| scheme.owns(part, side.name)),
                    None => field.is_some_and(|f| f.set_by_auth),
                };
                if !owned {
                    let message = format!(
                        "`{}` calls `{}` a signature; the auth scheme `{}` does not own it",
                        found.text, side.name, self.entry.auth
                    );
                    self.push(
                        source,
                        ErratumKind::Auth,
                        at,
                        "signature".to_owned(),
                        self.entry.auth.clone(),
                        message,
                        vendor_loc,
                        self.entry.key_loc("auth"),
                    );
                }
            }
            Rule::Formula { prefix, hmac } => {
                self.formula(source, &paired.file, found, prefix, *hmac)
            }
            Rule::CallbackOf(_) => {}
        }
    }

    /// A signature formula against `sign_prefix` and the auth scheme.
    fn formula(&mut self, source: Source, file: &Path, found: &Found, prefix: &Prefix, hmac: bool) {
        let entry = self.entry;
        self.compared(&entry.loc, Attr::SignPrefix);
        self.compared(&entry.loc, Attr::Auth);
        let vendor_loc = Some(VendorLoc { file: file.to_path_buf(), line: found.line });
        let expected = match prefix {
            Prefix::Literal(literal) => literal.clone(),
            Prefix::Name(name) if matches!(name.as_str(), "uri" | "url" | "path") => {
                entry.path.clone().unwrap_or_else(|| name.clone())
            }
            Prefix::Name(name) => format!("{{{name}}}"),
        };
        let spec = entry.sign_prefix.clone().unwrap_or_else(|| NONE.to_owned());
        if spec != expected {
            let message =
                format!("`{}` signs `{expected}&…`; the spec's sign_prefix is {spec}", found.text);
            self.push(
                source,
                ErratumKind::SignPrefix,
                "sign_prefix",
                expected,
                spec,
                message,
                vendor_loc.clone(),
                entry.key_loc("sign_prefix"),
            );
        }
        let needs_prefix = self.spec.auth_scheme(&entry.auth).is_some_and(|s| s.needs_prefix);
        if hmac && !needs_prefix {
            let message = format!(
                "`{}` is an HMAC over `prefix&data`; the auth scheme `{}` is not",
                found.text, entry.auth
            );
            self.push(
                source,
                ErratumKind::Auth,
                "auth",
                "hmac".to_owned(),
                entry.auth.clone(),
                message,
                vendor_loc,
                entry.key_loc("auth"),
            );
        }
    }

    /// Constraints the spec gives a field that no text states for it.
    fn unstated(&mut self, at: &str, pairs: &[&Paired<'a>], primary: Source) {
        let Some(first) = pairs.first() else { return };
        let side = &first.spec;
        let loc = side.loc;
        self.compared(loc, Attr::Rules);
        let shown = pairs.iter().find(|p| p.source == primary).unwrap_or(first);
        let vendor_loc = Some(VendorLoc { file: shown.file.clone(), line: shown.line });
        let rules: Vec<&Rule> =
            pairs.iter().flat_map(|p| p.rules.found.iter().map(|f| &f.rule)).collect();
        let any = |test: &dyn Fn(&Rule) -> bool| rules.iter().any(|rule| test(rule));
        let field = side.field;
        let values: &[String] = match (field, side.data_values) {
            (Some(field), _) => &field.values,
            (None, Some(values)) => values,
            (None, None) => &[],
        };
        let mut unstated: Vec<(ErratumKind, String)> = Vec::new();
        if let Some(field) = field {
            if field.min_len.is_some() && !any(&|r| matches!(r, Rule::Length { min: Some(_), .. }))
            {
                unstated.push((ErratumKind::Length, bound("min", field.min_len)));
            }
            if field.max_len.is_some() && !any(&|r| matches!(r, Rule::Length { max: Some(_), .. }))
            {
                unstated.push((ErratumKind::Length, bound("max", field.max_len)));
            }
            if let Some(charset) = &field.charset
                && !any(&|r| matches!(r, Rule::Charset(_)))
            {
                unstated.push((ErratumKind::Charset, Chars::of_spec(charset).to_string()));
            }
            if let Some(default) = &field.default {
                let stated = any(&|r| match r {
                    Rule::Default(value) | Rule::Fixed(value) => value == default,
                    Rule::Values(values) => values.len() == 1 && values[0] == *default,
                    _ => false,
                });
                if !stated {
                    unstated.push((ErratumKind::Default, default.clone()));
                }
            }
            if let Some(unit) = field.unit
                && !any(&|r| matches!(r, Rule::Unit(_)))
            {
                unstated.push((ErratumKind::Unit, unit.as_str().to_owned()));
            }
            if let Some(format) = field.format {
                let stated = if format == Format::Int {
                    // A string of cents: the type cell says string and the text gives a unit.
                    any(&|r| matches!(r, Rule::Unit(_)))
                        && pairs.iter().any(|p| p.vendor_type.as_deref() == Some("string"))
                } else {
                    any(&|r| matches!(r, Rule::Format(Some(_))))
                };
                if !stated {
                    unstated.push((ErratumKind::Format, format.as_str().to_owned()));
                }
            }
        }
        // `0 indicates success` of `returnCode` states the envelope's success code, not values.
        let envelope_code = at == "response.returnCode";
        let states_values = |r: &Rule| {
            matches!(r, Rule::Values(_) | Rule::Fixed(_))
                || (matches!(r, Rule::Success(_)) && !envelope_code)
        };
        if !values.is_empty() && !any(&states_values) {
            unstated.push((ErratumKind::Values, list(values)));
        }
        for (kind, spec) in unstated {
            let message = format!(
                "the spec gives `{}` the {} {spec}; no vendor text states it",
                side.name,
                kind.as_str()
            );
            self.push(primary, kind, at, NONE.to_owned(), spec, message, vendor_loc.clone(), loc);
        }
    }

    /// Spellings: each vendor spelling of the field is its name or an alias, and each alias is
    /// a spelling some vendor text uses.
    fn aliases(&mut self, pairs: &[&Paired<'a>], spellings: &BTreeSet<String>, primary: Source) {
        let Some(first) = pairs.first() else { return };
        let side = &first.spec;
        self.compared(side.loc, Attr::Alias);
        let aliases: &[String] = side.field.map_or(&[], |f| &f.aliases);
        let same = |a: &str, b: &str| if side.headers { a.eq_ignore_ascii_case(b) } else { a == b };
        let mut reported = BTreeSet::new();
        for paired in pairs {
            let name = paired.vendor_name.as_str();
            let wire_like = super::vendor::is_name_like(name);
            if !wire_like || same(name, side.name) {
                continue;
            }
            if aliases.iter().any(|a| same(a, name)) {
                self.compared(side.loc, Attr::Spelling);
                continue;
            }
            if !reported.insert(name.to_owned()) {
                continue;
            }
            let message = format!(
                "the {} spells `{}` as `{name}`, which the spec does not accept (add it to `aliases`)",
                paired.source, side.name
            );
            let vendor_loc = Some(VendorLoc { file: paired.file.clone(), line: paired.line });
            self.push(
                paired.source,
                ErratumKind::Alias,
                &side.at,
                name.to_owned(),
                list(aliases),
                message,
                vendor_loc,
                side.loc,
            );
        }
        let shown = pairs.iter().find(|p| p.source == primary).unwrap_or(first);
        let row = Some(VendorLoc { file: shown.file.clone(), line: shown.line });
        for alias in aliases {
            let used = spellings.contains(alias)
                || (side.headers && spellings.contains(&alias.to_ascii_lowercase()));
            if !used {
                let message = format!(
                    "the alias `{alias}` of `{}` is a spelling no vendor text uses",
                    side.name
                );
                self.push(
                    primary,
                    ErratumKind::Alias,
                    &side.at,
                    NONE.to_owned(),
                    alias.clone(),
                    message,
                    row.clone(),
                    side.loc,
                );
            }
        }
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
                self.unclassified(*source, file, "entry", unclassified);
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
