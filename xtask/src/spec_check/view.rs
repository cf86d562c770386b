//! The spec side of the comparison: an entry's parts as trees of fields, object types resolved,
//! each field with the `at` path errata and notes use for it.

use std::collections::BTreeMap;

use sas_spec::{Entry, Field, Loc, Part, Spec, TypeExpr};

use super::vendor::tree::PartKind;

/// How deep object types nest before the view stops resolving them (a type that contains
/// itself would never end).
const MAX_DEPTH: usize = 8;

/// A spec field as the comparison sees it.
#[derive(Clone, Debug)]
pub(crate) struct SpecField<'a> {
    /// The wire name.
    pub(crate) name: &'a str,
    /// The type.
    pub(crate) ty: &'a TypeExpr,
    /// Whether it is required.
    pub(crate) required: bool,
    /// Where it stands in the spec.
    pub(crate) loc: &'a Loc,
    /// Its errata path: `request.body.amount`, `types.Amount.total`, `response.data`.
    pub(crate) at: String,
    /// The fields of its object type (or of the document in the string), when it names one.
    pub(crate) children: Option<Children<'a>>,
    /// The fields of the type its encrypted value decrypts to.
    pub(crate) decrypted: Option<Children<'a>>,
    /// The field itself (none for the response `data`).
    pub(crate) field: Option<&'a Field>,
    /// The values of the response `data`, for `response.data`.
    pub(crate) data_values: Option<&'a [String]>,
    /// The top-level part the field is in, for fields at the top level.
    pub(crate) part: Option<Part>,
}

/// The fields of an object type.
#[derive(Clone, Debug)]
pub(crate) struct Children<'a> {
    /// The errata path of the type: `types.Amount`.
    pub(crate) at: String,
    /// Its fields.
    pub(crate) fields: Vec<SpecField<'a>>,
}

/// The errata path of a part: `request.headers`, `params`, `response`.
pub(crate) fn part_at(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Headers => Part::Header.as_str(),
        PartKind::Path => Part::Path.as_str(),
        PartKind::Query => Part::Query.as_str(),
        PartKind::Body => Part::Body.as_str(),
        PartKind::Params => Part::Param.as_str(),
        PartKind::Response => "response",
    }
}

/// The fields of every part `entry` has, envelope included in the response.
pub(crate) fn parts<'a>(
    spec: &'a Spec,
    entry: &'a Entry,
) -> BTreeMap<PartKind, Vec<SpecField<'a>>> {
    let mut parts = BTreeMap::new();
    let request = [
        (PartKind::Headers, Part::Header),
        (PartKind::Path, Part::Path),
        (PartKind::Query, Part::Query),
        (PartKind::Body, Part::Body),
        (PartKind::Params, Part::Param),
    ];
    for (kind, part) in request {
        let fields = entry.fields(part);
        if !fields.is_empty() {
            let prefix = part_at(kind);
            let view = fields
                .iter()
                .map(|f| SpecField { part: Some(part), ..field(spec, entry, f, prefix, 0) })
                .collect();
            parts.insert(kind, view);
        }
    }
    if let Some(response) = &entry.response {
        let fields = spec
            .envelope
            .fields
            .iter()
            .map(|envelope| {
                if envelope.name == "data" {
                    SpecField {
                        name: &envelope.name,
                        ty: &response.data,
                        required: envelope.required,
                        loc: &response.loc,
                        at: "response.data".to_owned(),
                        children: children(spec, entry, &response.data, 0),
                        decrypted: None,
                        field: None,
                        data_values: Some(&response.values),
                        part: None,
                    }
                } else {
                    field(spec, entry, envelope, "response", 0)
                }
            })
            .collect();
        parts.insert(PartKind::Response, fields);
    }
    parts
}

fn field<'a>(
    spec: &'a Spec,
    entry: &'a Entry,
    field: &'a Field,
    prefix: &str,
    depth: usize,
) -> SpecField<'a> {
    SpecField {
        name: &field.name,
        ty: &field.ty,
        required: field.required,
        loc: &field.loc,
        at: format!("{prefix}.{}", field.name),
        children: children(spec, entry, &field.ty, depth),
        decrypted: field.decrypts_to.as_ref().and_then(|ty| children(spec, entry, ty, depth)),
        field: Some(field),
        data_values: None,
        part: None,
    }
}

fn children<'a>(
    spec: &'a Spec,
    entry: &'a Entry,
    ty: &TypeExpr,
    depth: usize,
) -> Option<Children<'a>> {
    if depth >= MAX_DEPTH {
        return None;
    }
    let object = spec.resolve_type(entry, ty.object_name()?)?;
    let at = format!("types.{}", object.name);
    let fields = object.fields.iter().map(|f| field(spec, entry, f, &at, depth + 1)).collect();
    Some(Children { at, fields })
}
