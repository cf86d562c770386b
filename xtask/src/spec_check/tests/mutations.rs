//! Mutations of the spec, each of which spec-check must report: for every entry, in memory,
//! drop a field, flip a required flag, change a type, rename a header, change the path or the
//! method, remove an erratum; and of the value rules: change, add or drop a length bound, a
//! character set, the values (and the envelope's success code), a default, a unit, a format, an
//! alias, the signing prefix, the auth scheme, the request a callback answers, and remove a note
//! that explains a sentence.
//!
//! A mutation is applied only where it is applicable: a field spec-check compares (one the
//! vendor texts describe, or one an erratum says they leave out), a required flag or a type the
//! vendor texts state, an entry with headers, a path or a method, a value rule of a field the
//! texts describe (every such field: a constraint no text states is reported too). Which ones
//! those are comes from the check of the unmutated spec, so the test cannot choose only
//! mutations it detects. Each mutation is checked against the entry it touches (all entries for
//! a shared type or the envelope), which keeps the thousands of them fast.

use std::collections::{BTreeMap, BTreeSet};

use sas_spec::{Field, Format, Loc, Method, Part, Spec, TypeExpr, Unit};

use super::*;
use crate::spec_check::report::Attr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    DropField,
    FlipRequired,
    ChangeType,
    RenameHeader,
    ChangePath,
    ChangeMethod,
    RemoveErratum,
    Length,
    Charset,
    Values,
    Default,
    Unit,
    Format,
    Alias,
    SignPrefix,
    Auth,
    CallbackOf,
    RemoveNote,
}

impl Kind {
    const ALL: [Kind; 18] = [
        Kind::DropField,
        Kind::FlipRequired,
        Kind::ChangeType,
        Kind::RenameHeader,
        Kind::ChangePath,
        Kind::ChangeMethod,
        Kind::RemoveErratum,
        Kind::Length,
        Kind::Charset,
        Kind::Values,
        Kind::Default,
        Kind::Unit,
        Kind::Format,
        Kind::Alias,
        Kind::SignPrefix,
        Kind::Auth,
        Kind::CallbackOf,
        Kind::RemoveNote,
    ];
}

/// A change of a value rule.
#[derive(Clone, Debug)]
enum Change {
    MinLen(Option<u32>),
    MaxLen(Option<u32>),
    Charset(Option<&'static str>),
    Values(Vec<String>),
    Default(Option<String>),
    Unit(Option<Unit>),
    Format(Option<Format>),
    Aliases(Vec<String>),
    SignPrefix(Option<String>),
    Auth(String),
    CallbackOf(Option<String>),
    SuccessCode(String),
}

/// A list of fields in the spec.
#[derive(Clone, Copy, Debug)]
enum List {
    /// A part of entry `.0`.
    Part(usize, Part),
    /// Local type `.1` of entry `.0`.
    EntryType(usize, usize),
    /// Shared type `.0`.
    SharedType(usize),
    /// The response envelope.
    Envelope,
}

#[derive(Clone, Copy, Debug)]
enum Target {
    Field(List, usize),
    ResponseData(usize),
    Entry(usize),
    Erratum(usize, usize),
    Note(usize, usize),
    Envelope,
}

impl Target {
    /// The entry the mutation touches, or `None` when it touches what every entry shares.
    fn entry(self) -> Option<usize> {
        match self {
            Target::Field(List::Part(entry, _) | List::EntryType(entry, _), _)
            | Target::ResponseData(entry)
            | Target::Entry(entry)
            | Target::Erratum(entry, _)
            | Target::Note(entry, _) => Some(entry),
            Target::Field(List::SharedType(_) | List::Envelope, _) | Target::Envelope => None,
        }
    }
}

#[derive(Clone, Debug)]
struct Mutation {
    kind: Kind,
    target: Target,
    /// The new value, for the value-rule kinds.
    change: Option<Change>,
    /// What was mutated, for the failure message.
    label: String,
}

fn fields(spec: &Spec, list: List) -> &[Field] {
    match list {
        List::Part(entry, part) => spec.entries[entry].fields(part),
        List::EntryType(entry, ty) => &spec.entries[entry].types[ty].fields,
        List::SharedType(ty) => &spec.types[ty].fields,
        List::Envelope => &spec.envelope.fields,
    }
}

fn fields_mut(spec: &mut Spec, list: List) -> &mut Vec<Field> {
    match list {
        List::Part(entry, part) => spec.entries[entry].fields_mut(part),
        List::EntryType(entry, ty) => &mut spec.entries[entry].types[ty].fields,
        List::SharedType(ty) => &mut spec.types[ty].fields,
        List::Envelope => &mut spec.envelope.fields,
    }
}

fn lists(spec: &Spec) -> Vec<List> {
    let mut lists = Vec::new();
    for (index, entry) in spec.entries.iter().enumerate() {
        lists.extend(Part::ALL.iter().map(|&part| List::Part(index, part)));
        lists.extend((0..entry.types.len()).map(|ty| List::EntryType(index, ty)));
    }
    lists.extend((0..spec.types.len()).map(List::SharedType));
    lists.push(List::Envelope);
    lists
}

/// A type the vendor texts never call what they call `ty`.
fn other_type(ty: &TypeExpr) -> TypeExpr {
    if ty.vendor_names().contains(&"string") { TypeExpr::Bool } else { TypeExpr::String }
}

/// Every applicable mutation of `spec`, given what the check of the unmutated spec compared.
fn mutations(spec: &Spec, compared: &BTreeSet<(Loc, Attr)>) -> Vec<Mutation> {
    let is_compared = |loc: &Loc, attr: Attr| compared.contains(&(loc.clone(), attr));
    let mut all = Vec::new();
    for list in lists(spec) {
        for (index, field) in fields(spec, list).iter().enumerate() {
            let target = Target::Field(list, index);
            let label = |kind: &str| format!("{kind} {} ({})", field.name, field.loc);
            if is_compared(&field.loc, Attr::Presence) {
                all.push(Mutation {
                    kind: Kind::DropField,
                    target,
                    change: None,
                    label: label("drop"),
                });
            }
            if is_compared(&field.loc, Attr::Required) {
                all.push(Mutation {
                    kind: Kind::FlipRequired,
                    target,
                    change: None,
                    label: label("flip required of"),
                });
            }
            if is_compared(&field.loc, Attr::Type) {
                all.push(Mutation {
                    kind: Kind::ChangeType,
                    target,
                    change: None,
                    label: label("change type of"),
                });
            }
            if matches!(list, List::Part(_, Part::Header)) {
                all.push(Mutation {
                    kind: Kind::RenameHeader,
                    target,
                    change: None,
                    label: label("rename header"),
                });
            }
        }
    }
    for (index, entry) in spec.entries.iter().enumerate() {
        if let Some(response) = &entry.response
            && is_compared(&response.loc, Attr::Type)
        {
            let label = format!("change type of {} response.data", entry.section);
            all.push(Mutation {
                kind: Kind::ChangeType,
                target: Target::ResponseData(index),
                change: None,
                label,
            });
        }
        if entry.path.is_some() {
            let label = format!("change path of {}", entry.section);
            all.push(Mutation {
                kind: Kind::ChangePath,
                target: Target::Entry(index),
                change: None,
                label,
            });
        }
        if entry.method.is_some() {
            let label = format!("change method of {}", entry.section);
            all.push(Mutation {
                kind: Kind::ChangeMethod,
                target: Target::Entry(index),
                change: None,
                label,
            });
        }
        for (k, erratum) in entry.errata.iter().enumerate() {
            let label = format!("remove erratum {} ({})", erratum.at, erratum.loc);
            all.push(Mutation {
                kind: Kind::RemoveErratum,
                target: Target::Erratum(index, k),
                change: None,
                label,
            });
        }
    }
    all
}

fn push(all: &mut Vec<Mutation>, kind: Kind, target: Target, change: Change, label: String) {
    all.push(Mutation { kind, target, change: Some(change), label });
}

/// Every applicable mutation of a value rule, given what the check of the unmutated spec
/// compared and which notes explained something.
fn value_mutations(
    spec: &Spec,
    compared: &BTreeSet<(Loc, Attr)>,
    explaining: &BTreeSet<Loc>,
) -> Vec<Mutation> {
    let is_compared = |loc: &Loc, attr: Attr| compared.contains(&(loc.clone(), attr));
    let mut all = Vec::new();

    for list in lists(spec) {
        for (index, field) in fields(spec, list).iter().enumerate() {
            let target = Target::Field(list, index);
            let mut add = |kind: Kind, change: Change, what: &str| {
                push(
                    &mut all,
                    kind,
                    target,
                    change,
                    format!("{what} of {} ({})", field.name, field.loc),
                );
            };
            // A change or an addition applies to every field the texts describe (a constraint
            // no text states is reported); dropping one applies where a text states it.
            if is_compared(&field.loc, Attr::Rules) {
                add(
                    Kind::Length,
                    Change::MaxLen(Some(field.max_len.map_or(999, |m| m + 1))),
                    "change max_len",
                );
                add(
                    Kind::Length,
                    Change::MinLen(Some(field.min_len.map_or(1, |m| m + 1))),
                    "change min_len",
                );
                let other = if field.charset.as_ref().is_some_and(|c| c.source == "0-9") {
                    "a-z"
                } else {
                    "0-9"
                };
                add(Kind::Charset, Change::Charset(Some(other)), "change charset");
                let mut values = field.values.clone();
                values.push("X-MUTATED".to_owned());
                add(Kind::Values, Change::Values(values), "add a value");
                let default =
                    field.default.as_ref().map_or("X-MUTATED".to_owned(), |d| format!("{d}-X"));
                add(Kind::Default, Change::Default(Some(default)), "change default");
                let unit = match field.unit {
                    Some(Unit::Cent) => Unit::Second,
                    Some(Unit::Second) => Unit::Millisecond,
                    Some(Unit::Millisecond) | None => Unit::Cent,
                };
                add(Kind::Unit, Change::Unit(Some(unit)), "change unit");
                let format = match field.format {
                    Some(Format::Rfc3339) => Format::Url,
                    Some(Format::Url | Format::Currency | Format::Int) | None => Format::Rfc3339,
                };
                add(Kind::Format, Change::Format(Some(format)), "change format");
            }
            if is_compared(&field.loc, Attr::Length) && field.max_len.is_some() {
                add(Kind::Length, Change::MaxLen(None), "drop max_len");
            }
            if is_compared(&field.loc, Attr::Length) && field.min_len.is_some() {
                add(Kind::Length, Change::MinLen(None), "drop min_len");
            }
            if is_compared(&field.loc, Attr::Charset) && field.charset.is_some() {
                add(Kind::Charset, Change::Charset(None), "drop charset");
            }
            if is_compared(&field.loc, Attr::Values)
                && let Some((_, rest)) = field.values.split_last()
            {
                add(Kind::Values, Change::Values(rest.to_vec()), "drop a value");
            }
            if is_compared(&field.loc, Attr::Default) && field.default.is_some() {
                add(Kind::Default, Change::Default(None), "drop default");
            }
            if is_compared(&field.loc, Attr::Unit) && field.unit.is_some() {
                add(Kind::Unit, Change::Unit(None), "drop unit");
            }
            if is_compared(&field.loc, Attr::Format) && field.format.is_some() {
                add(Kind::Format, Change::Format(None), "drop format");
            }
            if is_compared(&field.loc, Attr::Alias) {
                let mut aliases = field.aliases.clone();
                aliases.push(format!("X-Mutated-{}", field.name));
                add(Kind::Alias, Change::Aliases(aliases), "add an alias");
            }
            if is_compared(&field.loc, Attr::Spelling) {
                add(Kind::Alias, Change::Aliases(Vec::new()), "drop the aliases");
            }
        }
    }
    for (index, entry) in spec.entries.iter().enumerate() {
        let target = Target::Entry(index);
        let label = |what: &str| format!("{what} of {}", entry.section);
        if let Some(response) = &entry.response
            && is_compared(&response.loc, Attr::Rules)
        {
            let mut added = response.values.clone();
            added.push("X-MUTATED".to_owned());
            let data = Target::ResponseData(index);
            push(
                &mut all,
                Kind::Values,
                data,
                Change::Values(added),
                label("add a response.data value"),
            );
            if !response.values.is_empty() && is_compared(&response.loc, Attr::Values) {
                push(
                    &mut all,
                    Kind::Values,
                    data,
                    Change::Values(Vec::new()),
                    label("drop response.data values"),
                );
            }
        }
        if is_compared(&entry.loc, Attr::SignPrefix) {
            let changed =
                entry.sign_prefix.as_ref().map_or("X-MUTATED".to_owned(), |p| format!("{p}X"));
            push(
                &mut all,
                Kind::SignPrefix,
                target,
                Change::SignPrefix(Some(changed)),
                label("change sign_prefix"),
            );
            if entry.sign_prefix.is_some() {
                push(
                    &mut all,
                    Kind::SignPrefix,
                    target,
                    Change::SignPrefix(None),
                    label("drop sign_prefix"),
                );
            }
        }
        if is_compared(&entry.loc, Attr::Auth) {
            for scheme in spec.auth.iter().filter(|scheme| scheme.name != entry.auth) {
                let what = format!("switch auth to {}", scheme.name);
                push(&mut all, Kind::Auth, target, Change::Auth(scheme.name.clone()), label(&what));
            }
        }
        if is_compared(&entry.loc, Attr::CallbackOf) {
            let changed = Some("9.9".to_owned());
            push(
                &mut all,
                Kind::CallbackOf,
                target,
                Change::CallbackOf(changed),
                label("change callback_of"),
            );
            if entry.callback_of.is_some() {
                push(
                    &mut all,
                    Kind::CallbackOf,
                    target,
                    Change::CallbackOf(None),
                    label("drop callback_of"),
                );
            }
        }
        for (k, note) in entry.notes.iter().enumerate() {
            if explaining.contains(&note.loc) {
                let what = format!("remove note {} ({})", note.at, note.loc);
                all.push(Mutation {
                    kind: Kind::RemoveNote,
                    target: Target::Note(index, k),
                    change: None,
                    label: what,
                });
            }
        }
    }
    if spec.envelope.fields.iter().any(|f| is_compared(&f.loc, Attr::Values)) {
        let code = format!("{}1", spec.envelope.success_code);
        let label = "change the envelope's success_code".to_owned();
        all.push(Mutation {
            kind: Kind::Values,
            target: Target::Envelope,
            change: Some(Change::SuccessCode(code)),
            label,
        });
    }
    all
}

fn apply_change(spec: &mut Spec, target: Target, change: &Change) {
    match (target, change) {
        (Target::Field(list, index), change) => {
            let field = &mut fields_mut(spec, list)[index];
            match change {
                Change::MinLen(value) => field.min_len = *value,
                Change::MaxLen(value) => field.max_len = *value,
                Change::Charset(value) => {
                    field.charset = value.map(|source| sas_spec::Charset {
                        source: source.to_owned(),
                        ranges: vec![(
                            source.chars().next().unwrap_or('0'),
                            source.chars().last().unwrap_or('9'),
                        )],
                    });
                }
                Change::Values(values) => field.values.clone_from(values),
                Change::Default(value) => field.default.clone_from(value),
                Change::Unit(value) => field.unit = *value,
                Change::Format(value) => field.format = *value,
                Change::Aliases(value) => field.aliases.clone_from(value),
                other => panic!("{other:?} does not apply to a field"),
            }
        }
        (Target::ResponseData(entry), Change::Values(values)) => {
            if let Some(response) = &mut spec.entries[entry].response {
                response.values.clone_from(values);
            }
        }
        (Target::Entry(entry), change) => {
            let entry = &mut spec.entries[entry];
            match change {
                Change::SignPrefix(value) => entry.sign_prefix.clone_from(value),
                Change::Auth(value) => entry.auth.clone_from(value),
                Change::CallbackOf(value) => entry.callback_of.clone_from(value),
                other => panic!("{other:?} does not apply to an entry"),
            }
        }
        (Target::Envelope, Change::SuccessCode(code)) => {
            spec.envelope.success_code.clone_from(code)
        }
        (target, change) => panic!("{change:?} does not apply to {target:?}"),
    }
}

fn apply(spec: &mut Spec, mutation: &Mutation) {
    if let Some(change) = &mutation.change {
        apply_change(spec, mutation.target, change);
        return;
    }
    match (mutation.kind, mutation.target) {
        (Kind::DropField, Target::Field(list, index)) => {
            fields_mut(spec, list).remove(index);
        }
        (Kind::FlipRequired, Target::Field(list, index)) => {
            let field = &mut fields_mut(spec, list)[index];
            field.required = !field.required;
        }
        (Kind::ChangeType, Target::Field(list, index)) => {
            let field = &mut fields_mut(spec, list)[index];
            field.ty = other_type(&field.ty);
        }
        (Kind::ChangeType, Target::ResponseData(entry)) => {
            if let Some(response) = &mut spec.entries[entry].response {
                response.data = other_type(&response.data);
            }
        }
        (Kind::RenameHeader, Target::Field(list, index)) => {
            let field = &mut fields_mut(spec, list)[index];
            field.name = format!("X-Renamed-{}", field.name);
        }
        (Kind::ChangePath, Target::Entry(entry)) => {
            let entry = &mut spec.entries[entry];
            entry.path = entry.path.as_ref().map(|path| format!("{path}/renamed"));
        }
        (Kind::ChangeMethod, Target::Entry(entry)) => {
            let entry = &mut spec.entries[entry];
            entry.method = entry.method.map(|method| match method {
                Method::Get => Method::Post,
                Method::Post => Method::Get,
            });
        }
        (Kind::RemoveErratum, Target::Erratum(entry, index)) => {
            spec.entries[entry].errata.remove(index);
        }
        (Kind::RemoveNote, Target::Note(entry, index)) => {
            spec.entries[entry].notes.remove(index);
        }
        (kind, target) => panic!("mutation {kind:?} does not apply to {target:?}"),
    }
}

#[test]
fn every_mutation_of_the_spec_is_reported() {
    let spec = committed_spec();
    let vendor = Vendor::parse(&committed_texts());
    let baseline = diff::check(&spec, &vendor);
    assert!(baseline.is_clean(), "{}", baseline.to_text());
    let explaining: BTreeSet<Loc> =
        baseline.differences.iter().filter_map(|d| d.explained_by.clone()).collect();

    let mut counts: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut all = mutations(&spec, &baseline.compared);
    all.extend(value_mutations(&spec, &baseline.compared, &explaining));
    for mutation in all {
        let mut mutated = spec.clone();
        apply(&mut mutated, &mutation);
        let focus = mutation.target.entry();
        let report = diff::check_entries(&mutated, &vendor, |i| focus.is_none_or(|f| f == i));
        let detected = !report.is_clean();
        let count = counts.entry(mutation.kind).or_default();
        count.0 += 1;
        if detected {
            count.1 += 1;
        } else {
            missed.push(mutation.label);
        }
    }
    let applied: usize = counts.values().map(|c| c.0).sum();
    let detected: usize = counts.values().map(|c| c.1).sum();
    for (kind, (applied, detected)) in &counts {
        println!(
            "{kind:?}: {detected}/{applied} detected ({:.1}%)",
            100.0 * *detected as f64 / (*applied).max(1) as f64
        );
    }
    println!(
        "mutations detected: {detected}/{applied} ({:.1}%)",
        100.0 * detected as f64 / applied.max(1) as f64
    );
    for kind in Kind::ALL {
        assert!(counts.get(&kind).is_some_and(|c| c.0 > 0), "no {kind:?} mutation applied");
    }
    assert!(missed.is_empty(), "{} mutations not reported:\n{}", missed.len(), missed.join("\n"));
}
