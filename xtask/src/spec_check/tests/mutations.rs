//! Mutations of the spec, each of which spec-check must report: for every entry, in memory,
//! drop a field, flip a required flag, change a type, rename a header, change the path or the
//! method, remove an erratum.
//!
//! A mutation is applied only where it is applicable: a field spec-check compares (one the
//! vendor texts describe, or one an erratum says they leave out), a required flag or a type the
//! vendor texts state, an entry with headers, a path or a method. Which ones those are comes from
//! the check of the unmutated spec, so the test cannot choose only mutations it detects.

use std::collections::{BTreeMap, BTreeSet};

use sas_spec::{Field, Loc, Method, Part, Spec, TypeExpr};

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
}

#[derive(Clone, Debug)]
struct Mutation {
    kind: Kind,
    target: Target,
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
                all.push(Mutation { kind: Kind::DropField, target, label: label("drop") });
            }
            if is_compared(&field.loc, Attr::Required) {
                all.push(Mutation {
                    kind: Kind::FlipRequired,
                    target,
                    label: label("flip required of"),
                });
            }
            if is_compared(&field.loc, Attr::Type) {
                all.push(Mutation {
                    kind: Kind::ChangeType,
                    target,
                    label: label("change type of"),
                });
            }
            if matches!(list, List::Part(_, Part::Header)) {
                all.push(Mutation {
                    kind: Kind::RenameHeader,
                    target,
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
                label,
            });
        }
        if entry.path.is_some() {
            let label = format!("change path of {}", entry.section);
            all.push(Mutation { kind: Kind::ChangePath, target: Target::Entry(index), label });
        }
        if entry.method.is_some() {
            let label = format!("change method of {}", entry.section);
            all.push(Mutation { kind: Kind::ChangeMethod, target: Target::Entry(index), label });
        }
        for (k, erratum) in entry.errata.iter().enumerate() {
            let label = format!("remove erratum {} ({})", erratum.at, erratum.loc);
            all.push(Mutation {
                kind: Kind::RemoveErratum,
                target: Target::Erratum(index, k),
                label,
            });
        }
    }
    all
}

fn apply(spec: &mut Spec, mutation: &Mutation) {
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
        (kind, target) => panic!("mutation {kind:?} does not apply to {target:?}"),
    }
}

#[test]
fn every_mutation_of_the_spec_is_reported() {
    let spec = committed_spec();
    let vendor = Vendor::parse(&committed_texts());
    let baseline = diff::check(&spec, &vendor);
    assert!(baseline.is_clean(), "{}", baseline.to_text());

    let mut counts: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for mutation in mutations(&spec, &baseline.compared) {
        let mut mutated = spec.clone();
        apply(&mut mutated, &mutation);
        let detected = !diff::check(&mutated, &vendor).is_clean();
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
        println!("{kind:?}: {detected}/{applied} detected");
    }
    println!(
        "mutations detected: {detected}/{applied} ({:.1}%)",
        100.0 * detected as f64 / applied.max(1) as f64
    );
    for kind in [
        Kind::DropField,
        Kind::FlipRequired,
        Kind::ChangeType,
        Kind::RenameHeader,
        Kind::ChangePath,
        Kind::ChangeMethod,
        Kind::RemoveErratum,
    ] {
        assert!(counts.get(&kind).is_some_and(|c| c.0 > 0), "no {kind:?} mutation applied");
    }
    assert!(missed.is_empty(), "{} mutations not reported:\n{}", missed.len(), missed.join("\n"));
}
