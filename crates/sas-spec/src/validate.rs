//! Cross-field checks of a loaded spec: the rules of spec/README.md that one key alone cannot
//! show (path parameters, GET bodies, auth schemes, type references, duplicates, …).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Sink;
use crate::model::{
    Entry, EntryKind, Field, Format, Loc, Method, ObjectType, Part, ServedBy, Spec, TypeExpr,
};
use crate::naming;

/// The HTTP auth schemes sas-core implements, one type each in `sas_core::auth` (the
/// PascalCase of the name); a test in sas-core checks this list against its types.
pub const HTTP_AUTH_SCHEMES: [&str; 6] = [
    "tc_signature",
    "merchant_rsa",
    "pay_sig",
    "pay_sig_query",
    "payment_callback",
    "virtual_callback",
];

/// The front-end signing schemes sas-core implements (in `sas_core::frontend`).
pub const FRONTEND_AUTH_SCHEMES: [&str; 2] = ["jsapi_pay_sign", "virtual_payment_sign"];

/// Reports every rule the spec breaks.
pub(crate) fn check(spec: &Spec, sink: &Sink) {
    check_groups(spec, sink);
    check_schemes(spec, sink);
    check_envelope(spec, sink);
    check_types(spec, None, &spec.types, sink);
    check_enum_names(spec, None, sink);
    let mut sections: BTreeMap<&str, &Loc> = BTreeMap::new();
    for entry in &spec.entries {
        let loc = entry.key_loc("section");
        if let Some(first) = sections.insert(&entry.section, loc) {
            sink.error(loc.clone(), format!("section \"{}\" is also at {first}", entry.section));
        }
        check_entry(spec, entry, sink);
    }
    check_links(spec, sink);
    check_unused_types(spec, sink);
}

fn check_groups(spec: &Spec, sink: &Sink) {
    let mut seen = BTreeSet::new();
    for group in &spec.groups {
        if !naming::is_snake_identifier(&group.name) || naming::is_keyword(&group.name) {
            sink.error(
                group.loc.clone(),
                format!("group `{}` is not a snake_case name", group.name),
            );
        }
        if !seen.insert(&group.name) {
            sink.error(group.loc.clone(), format!("duplicate group `{}`", group.name));
        }
    }
}

/// Every scheme `sas.toml` declares must be one the runtime implements.
fn check_schemes(spec: &Spec, sink: &Sink) {
    for scheme in &spec.auth {
        let name = scheme.name.as_str();
        if !HTTP_AUTH_SCHEMES.contains(&name) && !FRONTEND_AUTH_SCHEMES.contains(&name) {
            sink.error(
                scheme.loc.clone(),
                format!(
                    "auth scheme `{name}` is not implemented by sas-core (it implements: {}); \
                     add its type to sas_core::auth and its name to sas_spec::HTTP_AUTH_SCHEMES",
                    HTTP_AUTH_SCHEMES
                        .iter()
                        .chain(&FRONTEND_AUTH_SCHEMES)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
}

fn check_envelope(spec: &Spec, sink: &Sink) {
    for required in ["returnCode", "returnMessage", "data", "requestId"] {
        if !spec.envelope.fields.iter().any(|field| field.name == required) {
            let loc = spec.groups.first().map(|group| group.loc.clone()).unwrap_or_default();
            sink.error(loc, format!("the envelope has no field `{required}`"));
        }
    }
}

fn check_entry(spec: &Spec, entry: &Entry, sink: &Sink) {
    if !naming::is_snake_identifier(&entry.module) || naming::is_keyword(&entry.module) {
        sink.error(
            entry.loc.clone(),
            format!("`{}` is not a snake_case module name", entry.module),
        );
    }
    check_shape(entry, sink);
    check_path(entry, sink);
    check_auth(spec, entry, sink);
    check_encrypted(entry, sink);
    for part in Part::ALL {
        check_fields(spec, entry, Some(part), entry.fields(part), sink);
    }
    check_one_of(&entry.request.one_of, &entry.request.body, entry.loc.clone(), sink);
    if let Some(response) = &entry.response {
        check_type_ref(spec, Some(entry), &response.data, &response.loc, sink);
        if matches!(response.data, TypeExpr::Function) {
            sink.error(response.loc.clone(), "a response cannot be a function");
        }
    }
    check_types(spec, Some(entry), &entry.types, sink);
    check_enum_names(spec, Some(entry), sink);
    check_rust_names(entry, sink);
    for erratum in &entry.errata {
        check_at(entry, &erratum.at, &erratum.loc, sink);
    }
    for note in &entry.notes {
        check_at(entry, &note.at, &note.loc, sink);
    }
}

/// Which keys each kind needs and forbids.
fn check_shape(entry: &Entry, sink: &Sink) {
    let kind = with_article(entry.kind);
    let needs = |present: bool, key: &str, wanted: bool| {
        // A key given with a value that did not parse is reported where it stands.
        let written = present || entry.key_locs.iter().any(|(k, _)| k == key);
        if written && !wanted {
            sink.error(entry.key_loc(key).clone(), format!("{kind} has no `{key}`"));
        } else if !written && wanted {
            sink.error(entry.loc.clone(), format!("{kind} needs `{key}`"));
        }
    };
    let (method, path, callback_of, served_by) = match entry.kind {
        EntryKind::Endpoint => (true, true, false, ServedBy::Superapp),
        EntryKind::Callback => (true, false, true, ServedBy::CallbackUrl),
        EntryKind::Frontend => (false, false, false, ServedBy::MiniProgram),
    };
    needs(entry.method.is_some(), "method", method);
    needs(entry.path.is_some(), "path", path);
    needs(entry.callback_of.is_some(), "callback_of", callback_of);
    if entry.served_by != served_by {
        sink.error(entry.loc.clone(), format!("{kind} is served by `{}`", served_by.as_str()));
    }
    let frontend = entry.kind == EntryKind::Frontend;
    let has_request = Part::ALL[..4].iter().any(|&part| !entry.fields(part).is_empty());
    if frontend && (has_request || entry.response.is_some()) {
        sink.error(entry.loc.clone(), "a frontend entry has only `params`");
    }
    if !frontend && !entry.params.is_empty() {
        let loc = entry.params.first().map_or(&entry.loc, |field| &field.loc);
        sink.error(loc.clone(), "only a frontend entry has `params`");
    }
    if !frontend && entry.response.is_none() {
        sink.error(entry.loc.clone(), format!("{kind} needs `[response]`"));
    }
    if entry.method == Some(Method::Get)
        && let Some(first) = entry.request.body.first()
    {
        sink.error(first.loc.clone(), "a GET endpoint has no body");
    }
}

/// "an endpoint", "a callback", "a frontend entry".
fn with_article(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Endpoint => "an endpoint",
        EntryKind::Callback => "a callback",
        EntryKind::Frontend => "a frontend entry",
    }
}

/// Every `{param}` of the path has a path field, and every path field is in the path.
fn check_path(entry: &Entry, sink: &Sink) {
    let Some(path) = &entry.path else {
        if let Some(first) = entry.request.path.first() {
            sink.error(first.loc.clone(), "path parameters need a `path` template");
        }
        return;
    };
    let path_loc = entry.key_loc("path");
    if !path.starts_with('/') {
        sink.error(path_loc.clone(), format!("path \"{path}\" must start with `/`"));
    }
    let params = match path_params(path) {
        Ok(params) => params,
        Err(message) => {
            sink.error(path_loc.clone(), message);
            return;
        }
    };
    for param in &params {
        if !entry.request.path.iter().any(|field| field.name == *param) {
            sink.error(
                path_loc.clone(),
                format!("path parameter `{{{param}}}` has no field in [[request.path]]"),
            );
        }
    }
    for field in &entry.request.path {
        if !params.contains(&field.name.as_str()) {
            sink.error(
                field.loc.clone(),
                format!("path field `{}` does not appear in the path \"{path}\"", field.name),
            );
        }
    }
}

/// The `{names}` of a path template, in order; an error says what is malformed.
pub fn path_params(path: &str) -> Result<Vec<&str>, String> {
    let mut params = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| format!("unclosed `{{` in path \"{path}\""))?;
        let name = &after[..close];
        if name.is_empty() || name.contains(['{', '/']) {
            return Err(format!("bad path parameter `{{{name}}}` in \"{path}\""));
        }
        params.push(name);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("unopened `}}` in path \"{path}\""));
    }
    Ok(params)
}

/// `encrypted` marks request headers of entries whose auth scheme holds the SecretKey on both
/// sides (`tc_signature`), string-typed and not set by the scheme.
fn check_encrypted(entry: &Entry, sink: &Sink) {
    for part in Part::ALL {
        for field in entry.fields(part).iter().filter(|field| field.encrypted) {
            let problem = if part != Part::Header {
                Some("only request headers are `encrypted`".to_owned())
            } else if entry.auth != "tc_signature" {
                Some(format!(
                    "`{}` is encrypted under the SecretKey, which auth scheme `{}` does not hold \
                     on both sides (use tc_signature)",
                    field.name, entry.auth
                ))
            } else if field.ty != TypeExpr::String || field.set_by_auth {
                Some(format!("`{}`: an encrypted header is a string the caller sets", field.name))
            } else {
                None
            };
            if let Some(problem) = problem {
                sink.error(field.loc.clone(), problem);
            }
        }
    }
}

fn check_auth(spec: &Spec, entry: &Entry, sink: &Sink) {
    let auth_loc = entry.key_loc("auth");
    let Some(scheme) = spec.auth_scheme(&entry.auth) else {
        let known: Vec<&str> = spec.auth.iter().map(|scheme| scheme.name.as_str()).collect();
        sink.error(
            auth_loc.clone(),
            format!("unknown auth scheme \"{}\" (known: {})", entry.auth, known.join(", ")),
        );
        return;
    };
    let (fits, wanted) = match entry.kind {
        EntryKind::Frontend => (FRONTEND_AUTH_SCHEMES.contains(&entry.auth.as_str()), "front-end"),
        _ => (HTTP_AUTH_SCHEMES.contains(&entry.auth.as_str()), "HTTP"),
    };
    if !fits {
        sink.error(
            auth_loc.clone(),
            format!("auth scheme `{}` is not an {wanted} scheme sas-core implements", entry.auth),
        );
    }
    match (&entry.sign_prefix, scheme.needs_prefix) {
        (None, true) => sink
            .error(entry.loc.clone(), format!("auth scheme `{}` needs `sign_prefix`", scheme.name)),
        (Some(_), false) => sink.error(
            auth_loc.clone(),
            format!("auth scheme `{}` takes no `sign_prefix`", scheme.name),
        ),
        (Some(prefix), true) => {
            if let Some(field) = prefix.strip_prefix('{').and_then(|p| p.strip_suffix('}'))
                && !entry.request.body.iter().any(|body| body.name == field)
            {
                sink.error(
                    entry.loc.clone(),
                    format!("sign_prefix `{prefix}` names no body field `{field}`"),
                );
            }
        }
        (None, false) => {}
    }
    for part in Part::ALL {
        for field in entry.fields(part) {
            let owned = scheme.owns(part, &field.name);
            if field.set_by_auth && !owned {
                sink.error(
                    field.loc.clone(),
                    format!(
                        "`{}` is set_by auth but scheme `{}` does not own it",
                        field.name, scheme.name
                    ),
                );
            } else if owned && !field.set_by_auth {
                sink.error(
                    field.loc.clone(),
                    format!(
                        "`{}` belongs to auth scheme `{}`: mark it set_by = \"auth\"",
                        field.name, scheme.name
                    ),
                );
            }
        }
    }
}

fn check_fields(spec: &Spec, entry: &Entry, part: Option<Part>, fields: &[Field], sink: &Sink) {
    let mut seen: BTreeMap<String, &Loc> = BTreeMap::new();
    for field in fields {
        let key = match part {
            Some(Part::Header) => field.name.to_ascii_lowercase(),
            _ => field.name.clone(),
        };
        if let Some(first) = seen.insert(key, &field.loc) {
            sink.error(
                field.loc.clone(),
                format!("duplicate field `{}` (first at {first})", field.name),
            );
        }
        check_field(spec, Some(entry), part, field, sink);
    }
}

fn check_field(spec: &Spec, entry: Option<&Entry>, part: Option<Part>, field: &Field, sink: &Sink) {
    let err = |message: String| sink.error(field.loc.clone(), message);
    if field.name.is_empty() {
        err("a field needs a non-empty `name`".to_owned());
    }
    check_type_ref(spec, entry, &field.ty, &field.loc, sink);
    let stringy = matches!(field.ty, TypeExpr::String);
    if matches!(part, Some(Part::Header | Part::Path | Part::Query)) && !stringy {
        err(format!("`{}`: headers, path and query parameters are strings", field.name));
    }
    if field.ty == TypeExpr::Function && part != Some(Part::Param) {
        err(format!("`{}`: only front-end params can be functions", field.name));
    }
    let constrained = field.min_len.is_some()
        || field.max_len.is_some()
        || field.charset.is_some()
        || field.format.is_some();
    if constrained && !stringy {
        err(format!("`{}`: length, charset and format apply to strings only", field.name));
    }
    if let (Some(min), Some(max)) = (field.min_len, field.max_len)
        && min > max
    {
        err(format!("`{}`: min_len {min} is above max_len {max}", field.name));
    }
    if !field.values.is_empty() && !stringy {
        err(format!("`{}`: values apply to strings only", field.name));
    }
    if let Some(default) = &field.default {
        if !field.values.is_empty() && !field.values.contains(default) {
            err(format!("`{}`: default \"{default}\" is not one of its values", field.name));
        }
        if !stringy {
            err(format!("`{}`: only strings take a default", field.name));
        }
    }
    if field.set_by_auth && field.default.is_some() {
        err(format!("`{}`: a field set by auth takes no default", field.name));
    }
    if field.format == Some(Format::Int) && !field.values.is_empty() {
        err(format!("`{}`: an int-format string takes no values", field.name));
    }
    check_variants(field, &err);
    if !field.accept.is_empty() {
        for accepted in &field.accept {
            check_type_ref(spec, entry, accepted, &field.loc, sink);
        }
        if field.string_or_object().is_none() {
            err(format!(
                "`{}`: accept is supported as [\"object:X\"] on a string or [\"string\"] on an object:X",
                field.name
            ));
        }
    }
    if let Some(target) = &field.decrypts_to {
        check_type_ref(spec, entry, target, &field.loc, sink);
        check_sealed_fields(spec, entry, field, sink);
        if !matches!(target, TypeExpr::Object(Some(_)))
            || !matches!(field.ty, TypeExpr::Object(Some(_)))
        {
            err(format!("`{}`: decrypts_to is an object:X on an object field", field.name));
        }
    }
    if let Some(rust) = &field.rust
        && !naming::is_snake_identifier(rust)
    {
        err(format!("`{}`: rust name `{rust}` is not a snake_case identifier", field.name));
    }
}

/// The object an encrypted resource lives in carries the AEAD parts as strings.
fn check_sealed_fields(spec: &Spec, entry: Option<&Entry>, field: &Field, sink: &Sink) {
    let Some(name) = field.ty.object_name() else { return };
    let sealed = match entry {
        Some(entry) => spec.resolve_type(entry, name),
        None => spec.types.iter().find(|ty| ty.name == name),
    };
    let Some(sealed) = sealed else { return };
    for part in ["algorithm", "ciphertext", "nonce", "associated_data", "original_type"] {
        let found = sealed.fields.iter().find(|f| f.name == part);
        if !found.is_some_and(|f| f.ty == TypeExpr::String) {
            sink.error(
                field.loc.clone(),
                format!(
                    "`{}` decrypts, so type `{name}` needs a string field `{part}`",
                    field.name
                ),
            );
        }
    }
}

/// `object:Name` and `json<Name>` must name a type the entry can see.
fn check_type_ref(spec: &Spec, entry: Option<&Entry>, ty: &TypeExpr, loc: &Loc, sink: &Sink) {
    let Some(name) = ty.object_name() else { return };
    let found = match entry {
        Some(entry) => spec.resolve_type(entry, name).is_some(),
        None => spec.types.iter().any(|shared| shared.name == name),
    };
    if !found {
        sink.error(loc.clone(), format!("unknown type `{name}` in \"{ty}\""));
    }
}

/// `variants` name each of `values` once, as PascalCase identifiers; without `variants`, the
/// names derived from the values must be such identifiers.
fn check_variants(field: &Field, err: &dyn Fn(String)) {
    if field.values.is_empty() {
        if !field.variants.is_empty() {
            err(format!("`{}`: variants name values, and it has none", field.name));
        }
        return;
    }
    if !field.variants.is_empty() && field.variants.len() != field.values.len() {
        err(format!(
            "`{}`: {} variants for {} values",
            field.name,
            field.variants.len(),
            field.values.len()
        ));
        return;
    }
    let mut seen = BTreeSet::new();
    for (value, variant) in field.values.iter().zip(naming::variant_names(field)) {
        if !naming::is_pascal_identifier(&variant) {
            err(format!(
                "`{}`: value \"{value}\" has no Rust name (derived `{variant}`); give the field \
                 `variants = [...]`",
                field.name
            ));
        } else if !seen.insert(variant.clone()) {
            err(format!("`{}`: two values are both named `{variant}` in Rust", field.name));
        }
    }
}

/// The enumerated fields whose enums a module holds: `common` (`entry` `None`) holds those of
/// the shared types, an entry module those of its request, params and local types.
pub(crate) fn module_enum_fields<'a>(
    spec: &'a Spec,
    entry: Option<&'a Entry>,
) -> Vec<(&'a Field, Option<Part>)> {
    let mut fields = Vec::new();
    match entry {
        None => {
            for ty in &spec.types {
                fields.extend(ty.fields.iter().map(|field| (field, None)));
            }
        }
        Some(entry) => {
            for part in Part::ALL {
                let outside_body = matches!(part, Part::Header | Part::Path | Part::Query);
                fields.extend(
                    entry
                        .fields(part)
                        .iter()
                        .filter(|field| !(outside_body && field.set_by_auth))
                        .map(|field| (field, Some(part))),
                );
            }
            for ty in &entry.types {
                fields.extend(ty.fields.iter().map(|field| (field, None)));
            }
        }
    }
    fields.retain(|(field, _)| field.is_enum());
    fields
}

/// Within one module, an enum name stands for one set of values and names no object type.
fn check_enum_names(spec: &Spec, entry: Option<&Entry>, sink: &Sink) {
    let mut enums: BTreeMap<String, &Field> = BTreeMap::new();
    let types: Vec<&str> = match entry {
        None => spec.types.iter().map(|ty| ty.name.as_str()).collect(),
        Some(entry) => {
            let mut names: Vec<&str> = entry.types.iter().map(|ty| ty.name.as_str()).collect();
            names.extend(spec.types.iter().map(|ty| ty.name.as_str()));
            names
        }
    };
    for (field, part) in module_enum_fields(spec, entry) {
        let name = naming::enum_name(field, part);
        if types.contains(&name.as_str()) {
            sink.error(
                field.loc.clone(),
                format!(
                    "`{}`: its enum `{name}` has the name of an object type; give it another \
                     `rust` name",
                    field.name
                ),
            );
        }
        match enums.get(&name) {
            Some(first) if first.values != field.values || first.variants != field.variants => {
                sink.error(
                    field.loc.clone(),
                    format!(
                        "`{}`: its enum `{name}` differs from the one of `{}` at {}; give it \
                         another `rust` name",
                        field.name, first.name, first.loc
                    ),
                );
            }
            Some(_) => {}
            None => {
                enums.insert(name, field);
            }
        }
    }
}

fn check_types(spec: &Spec, entry: Option<&Entry>, types: &[ObjectType], sink: &Sink) {
    let mut seen = BTreeMap::new();
    for ty in types {
        if let Some(first) = seen.insert(&ty.name, &ty.loc) {
            sink.error(ty.loc.clone(), format!("duplicate type `{}` (first at {first})", ty.name));
        }
        if ty.fields.is_empty() {
            sink.error(ty.loc.clone(), format!("type `{}` has no fields", ty.name));
        }
        let mut names: BTreeMap<String, &Loc> = BTreeMap::new();
        let mut rust_names: BTreeMap<String, &Loc> = BTreeMap::new();
        for field in &ty.fields {
            if let Some(first) = names.insert(field.name.clone(), &field.loc) {
                sink.error(
                    field.loc.clone(),
                    format!("duplicate field `{}` (first at {first})", field.name),
                );
            }
            let rust = naming::field_name(field, None);
            if let Some(first) = rust_names.insert(rust.clone(), &field.loc) {
                sink.error(
                    field.loc.clone(),
                    format!("Rust name `{rust}` is also used at {first}"),
                );
            }
            if field.set_by_auth {
                sink.error(field.loc.clone(), "only top-level fields are set by auth");
            }
            check_field(spec, entry, None, field, sink);
        }
        check_one_of(&ty.one_of, &ty.fields, ty.loc.clone(), sink);
    }
}

fn check_one_of(groups: &[Vec<String>], fields: &[Field], loc: Loc, sink: &Sink) {
    for group in groups {
        if group.len() < 2 {
            sink.error(loc.clone(), "a one_of group names at least two fields");
        }
        for name in group {
            match fields.iter().find(|field| &field.name == name) {
                None => sink.error(loc.clone(), format!("one_of names no field `{name}`")),
                Some(field) if field.required => sink.error(
                    field.loc.clone(),
                    format!("`{name}` is in a one_of group, so it is not required on its own"),
                ),
                Some(_) => {}
            }
        }
    }
}

/// The flat `Request` and the `Params` struct must not have two fields of one Rust name.
fn check_rust_names(entry: &Entry, sink: &Sink) {
    let mut seen: BTreeMap<String, &Loc> = BTreeMap::new();
    for part in Part::ALL {
        let mut wire_names = BTreeSet::new();
        for field in entry.fields(part) {
            if part != Part::Body && part != Part::Param && field.set_by_auth {
                continue;
            }
            // A repeated wire name is already reported as a duplicate field.
            if !wire_names.insert(field.name.to_ascii_lowercase()) {
                continue;
            }
            if field.ty == TypeExpr::Function {
                continue;
            }
            let rust = naming::field_name(field, Some(part));
            if let Some(first) = seen.insert(rust.clone(), &field.loc) {
                sink.error(
                    field.loc.clone(),
                    format!("Rust name `{rust}` is also used at {first}: give one a `rust` name"),
                );
            }
        }
    }
}

/// `at` paths of errata and notes must point at a kind of place the grammar knows.
fn check_at(entry: &Entry, at: &str, loc: &Loc, sink: &Sink) {
    let known_prefix = at == "method"
        || at == "path"
        || at == "entry"
        || at == "auth"
        || at == "sign_prefix"
        || at == "callback_of"
        || at == "response.data"
        || at.starts_with("response.")
        || at.starts_with("types.")
        || Part::ALL
            .iter()
            .any(|part| at == part.as_str() || at.starts_with(&format!("{}.", part.as_str())));
    if !known_prefix {
        sink.error(
            loc.clone(),
            format!("`at = \"{at}\"` names no place in entry `{}`", entry.module),
        );
    }
}

/// `triggers` names a callback whose `callback_of` names the request back.
fn check_links(spec: &Spec, sink: &Sink) {
    for entry in &spec.entries {
        if let Some(target) = &entry.triggers {
            let loc = entry.key_loc("triggers").clone();
            match spec.entry_by_section(target) {
                Some(callback) if callback.kind == EntryKind::Callback => {
                    if callback.callback_of.as_deref() != Some(entry.section.as_str()) {
                        sink.error(
                            loc,
                            format!(
                                "callback {target} does not name {} as its callback_of",
                                entry.section
                            ),
                        );
                    }
                }
                Some(_) => sink.error(loc, format!("triggers {target}, which is not a callback")),
                None => sink.error(loc, format!("triggers unknown section \"{target}\"")),
            }
        }
        if let Some(origin) = &entry.callback_of {
            let loc = entry.key_loc("callback_of").clone();
            match spec.entry_by_section(origin) {
                Some(request) if request.kind == EntryKind::Endpoint => {
                    if request.triggers.as_deref() != Some(entry.section.as_str()) {
                        sink.error(
                            loc,
                            format!("endpoint {origin} does not trigger {}", entry.section),
                        );
                    }
                }
                Some(_) => {
                    sink.error(loc, format!("callback_of {origin}, which is not an endpoint"))
                }
                None => sink.error(loc, format!("callback_of unknown section \"{origin}\"")),
            }
        }
    }
}

/// A type nobody refers to is a mistake waiting to happen.
fn check_unused_types(spec: &Spec, sink: &Sink) {
    let mut used_shared = BTreeSet::new();
    for entry in &spec.entries {
        let mut used_local = BTreeSet::new();
        for name in referenced_types(spec, entry) {
            if entry.types.iter().any(|ty| ty.name == name) {
                used_local.insert(name);
            } else {
                used_shared.insert(name);
            }
        }
        for ty in &entry.types {
            if !used_local.contains(&ty.name) {
                sink.error(ty.loc.clone(), format!("type `{}` is never used", ty.name));
            }
        }
    }
    for ty in &spec.types {
        if !used_shared.contains(&ty.name) {
            sink.error(ty.loc.clone(), format!("shared type `{}` is never used", ty.name));
        }
    }
}

/// Every type name reachable from an entry's fields, response and decrypted resources.
pub(crate) fn referenced_types(spec: &Spec, entry: &Entry) -> BTreeSet<String> {
    let mut pending: Vec<String> = Vec::new();
    let mut push_ty = |ty: &TypeExpr, pending: &mut Vec<String>| {
        if let Some(name) = ty.object_name() {
            pending.push(name.to_owned());
        }
    };
    let push_field = |field: &Field,
                      pending: &mut Vec<String>,
                      push_ty: &mut dyn FnMut(&TypeExpr, &mut Vec<String>)| {
        push_ty(&field.ty, pending);
        for accepted in &field.accept {
            push_ty(accepted, pending);
        }
        if let Some(target) = &field.decrypts_to {
            push_ty(target, pending);
        }
    };
    for part in Part::ALL {
        for field in entry.fields(part) {
            push_field(field, &mut pending, &mut push_ty);
        }
    }
    if let Some(response) = &entry.response {
        push_ty(&response.data, &mut pending);
    }
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(ty) = spec.resolve_type(entry, &name) {
            for field in &ty.fields {
                push_field(field, &mut pending, &mut push_ty);
            }
        }
    }
    seen
}
