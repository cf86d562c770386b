//! Reads `sas.toml` and `api/<group>/<entry>.toml` into the model, collecting every problem.

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use crate::diagnostic::{Diagnostics, Sink, SourceMap};
use crate::model::{
    AuthScheme, Caller, Charset, Entry, EntryKind, Envelope, Erratum, ErratumKind, Field, Format,
    Group, Loc, Method, Note, ObjectType, Request, Response, ServedBy, Service, Source, Spec,
    TypeExpr, Unit,
};
use crate::reader::{FileCtx, Located, TableReader};
use crate::validate;

/// Loads the spec in `dir` (the folder holding `sas.toml` and `api/`) and validates it.
///
/// Locations in the model and in diagnostics name files as `dir` joined with their path below
/// it; use [`load_as`] to show them under another prefix.
pub fn load(dir: &Path) -> Result<Spec, Diagnostics> {
    load_as(dir, dir)
}

/// Loads the spec in `dir`, naming its files `shown_as/<path below dir>` in locations.
pub fn load_as(dir: &Path, shown_as: &Path) -> Result<Spec, Diagnostics> {
    let sink = Sink::default();
    let mut files = Vec::new();
    let root = read_file(dir, shown_as, Path::new("sas.toml"), &sink, &mut files);
    let mut spec = match &root {
        Some((shown, text)) => read_root(shown, text, &sink),
        None => None,
    };
    let mut entries = Vec::new();
    if let Some(spec) = &spec {
        for group in &spec.groups {
            for relative in entry_files(dir, &group.name, &sink, shown_as) {
                if let Some((shown, text)) = read_file(dir, shown_as, &relative, &sink, &mut files)
                {
                    entries.extend(read_entry(&group.name, &shown, &text, &sink));
                }
            }
        }
        report_stray_groups(dir, shown_as, spec, &sink);
    }
    if let Some(spec) = &mut spec {
        spec.entries = entries;
        spec.files = files;
        sort_entries(spec);
        validate::check(spec, &sink);
    }
    match spec {
        Some(spec) if !sink.has_errors() => Ok(spec),
        _ => Err(sink.finish()),
    }
}

fn read_file(
    dir: &Path,
    shown_as: &Path,
    relative: &Path,
    sink: &Sink,
    files: &mut Vec<PathBuf>,
) -> Option<(PathBuf, String)> {
    let path = dir.join(relative);
    let shown = shown_as.join(relative);
    files.push(path.clone());
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((shown, text)),
        Err(err) => {
            sink.error(
                Loc { file: shown, line: 1, col: 1 },
                format!("cannot read the file: {err}"),
            );
            None
        }
    }
}

/// The `.toml` files of one group folder, sorted by name.
fn entry_files(dir: &Path, group: &str, sink: &Sink, shown_as: &Path) -> Vec<PathBuf> {
    let folder = Path::new("api").join(group);
    let read = match std::fs::read_dir(dir.join(&folder)) {
        Ok(read) => read,
        Err(err) => {
            let file = shown_as.join(&folder);
            sink.error(
                Loc { file, line: 1, col: 1 },
                format!("cannot read the group folder: {err}"),
            );
            return Vec::new();
        }
    };
    let mut names: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|item| item.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter_map(|path| path.file_name().map(|name| folder.join(name)))
        .collect();
    names.sort();
    names
}

/// Folders under `api/` that `sas.toml` does not declare.
fn report_stray_groups(dir: &Path, shown_as: &Path, spec: &Spec, sink: &Sink) {
    let Ok(read) = std::fs::read_dir(dir.join("api")) else { return };
    let mut stray: Vec<String> = read
        .filter_map(Result::ok)
        .filter(|item| item.path().is_dir())
        .filter_map(|item| item.file_name().into_string().ok())
        .filter(|name| !spec.groups.iter().any(|group| &group.name == name))
        .collect();
    stray.sort();
    for name in stray {
        let file = shown_as.join("api").join(&name);
        sink.error(
            Loc { file, line: 1, col: 1 },
            format!("the folder `{name}` is not a group declared in sas.toml"),
        );
    }
}

fn parse<'i>(ctx: &FileCtx<'_>, text: &'i str) -> toml::Spanned<DeTable<'i>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    ctx.syntax_broken.set(!errors.is_empty());
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        ctx.error(&span, format!("TOML syntax error: {}", error.message().trim_end_matches('\n')));
    }
    table
}

fn read_root(shown: &Path, text: &str, sink: &Sink) -> Option<Spec> {
    let ctx = FileCtx { map: SourceMap::new(shown, text), sink, syntax_broken: Default::default() };
    let parsed = parse(&ctx, text);
    let top = TableReader::new(&ctx, parsed.get_ref(), parsed.span(), "sas.toml");
    let service = top.table("service", "[service]").map(|table| {
        let service = Service {
            name: table.required_string("name").value,
            api_list: table.required_string("api_list").value,
        };
        table.finish();
        service
    });
    if service.is_none() {
        top.required_string("service");
    }
    let groups = top
        .tables("groups", "[[groups]]")
        .into_iter()
        .map(|table| {
            let name = table.required_string("name");
            let group =
                Group { name: name.value, doc: table.required_string("doc").value, loc: name.loc };
            table.finish();
            group
        })
        .collect();
    let auth = top
        .named_tables("auth", "an auth scheme")
        .into_iter()
        .map(|(name, table)| read_auth(name, table))
        .collect();
    let envelope = match top.table("envelope", "[envelope]") {
        Some(table) => {
            let envelope = Envelope {
                success_code: table.required_string("success_code").value,
                fields: read_fields(&table, "fields"),
            };
            table.finish();
            envelope
        }
        None => {
            top.required_string("envelope");
            Envelope { success_code: String::new(), fields: Vec::new() }
        }
    };
    let types = read_types(&top);
    let notes = read_notes(&top);
    top.finish();
    Some(Spec {
        service: service?,
        groups,
        auth,
        envelope,
        types,
        notes,
        entries: Vec::new(),
        files: Vec::new(),
    })
}

fn read_auth(name: Located<String>, table: TableReader<'_, '_>) -> AuthScheme {
    let names = |key| table.strings(key).into_iter().map(|s| s.value).collect();
    let scheme = AuthScheme {
        doc: table.required_string("doc").value,
        headers: names("headers"),
        body: names("body"),
        query: names("query"),
        params: names("params"),
        needs_prefix: table.bool("needs_prefix").unwrap_or(false),
        name: name.value,
        loc: name.loc,
    };
    table.finish();
    scheme
}

fn read_entry(group: &str, shown: &Path, text: &str, sink: &Sink) -> Option<Entry> {
    let ctx = FileCtx { map: SourceMap::new(shown, text), sink, syntax_broken: Default::default() };
    let parsed = parse(&ctx, text);
    let top = TableReader::new(&ctx, parsed.get_ref(), parsed.span(), "the entry");
    let module = shown.file_stem()?.to_string_lossy().into_owned();
    let kind = keyword(&top, "kind", parse_kind, "endpoint, callback or frontend");
    let served_by =
        keyword(&top, "served_by", parse_served_by, "superapp, callback_url or mini_program");
    let caller =
        keyword(&top, "caller", parse_caller, "sas, merchant, superapp or merchant_backend");
    let method = top.string("method").and_then(|value| {
        let method = parse_method(&value.value);
        if method.is_none() {
            sink.error(
                value.loc,
                format!("unknown method \"{}\" (expected GET or POST)", value.value),
            );
        }
        method
    });
    let key_locs = [
        "kind",
        "section",
        "title",
        "method",
        "path",
        "callback_of",
        "auth",
        "sign_prefix",
        "triggers",
    ]
    .into_iter()
    .filter_map(|key| top.value_loc(key).map(|loc| (key.to_owned(), loc)))
    .collect();
    let (request, response, params) = read_request_response(&top);
    if let Some(old) = top.string("doc") {
        sink.error(old.loc, "an entry names its vendor section with `section`, not `doc`");
    }
    let section = top.required_string("section").value;
    let title = top.required_string("title").value;
    let summary = top.required_string("summary").value;
    let path = top.string("path").map(|s| s.value);
    let callback_of = top.string("callback_of").map(|s| s.value);
    let auth = top.required_string("auth").value;
    let sign_prefix = top.string("sign_prefix").map(|s| s.value);
    let triggers = top.string("triggers").map(|s| s.value);
    let vendor_url = top.string("vendor_url").map(|s| s.value);
    let types = read_types(&top);
    let errata = read_errata(&top);
    let notes = read_notes(&top);
    top.finish();
    Some(Entry {
        group: group.to_owned(),
        module,
        kind: kind?,
        section,
        title,
        summary,
        method,
        path,
        callback_of,
        served_by: served_by?,
        caller: caller?,
        auth,
        sign_prefix,
        triggers,
        vendor_url,
        request,
        response,
        params,
        types,
        errata,
        notes,
        loc: ctx.map.start(),
        key_locs,
    })
}

/// A required key whose value is one of a closed set of words.
fn keyword<T>(
    top: &TableReader<'_, '_>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    allowed: &str,
) -> Option<T> {
    let value = top.required_string(key);
    let parsed = parse(&value.value);
    if parsed.is_none() && !value.value.is_empty() {
        top.ctx()
            .sink
            .error(value.loc, format!("unknown {key} \"{}\" (expected {allowed})", value.value));
    }
    parsed
}

fn read_request_response(top: &TableReader<'_, '_>) -> (Request, Option<Response>, Vec<Field>) {
    let request = match top.table("request", "[request]") {
        Some(table) => {
            let request = Request {
                headers: read_fields_defaulting(&table, "headers", Some(TypeExpr::String)),
                path: read_fields(&table, "path"),
                query: read_fields(&table, "query"),
                body: read_fields(&table, "body"),
                one_of: read_one_of(&table),
            };
            table.finish();
            request
        }
        None => Request::default(),
    };
    let response = top.table("response", "[response]").map(|table| {
        let data = table.required_string("data");
        let response = Response {
            data: parse_type(table.ctx(), &data),
            doc: table.required_string("doc").value,
            values: table.strings("values").into_iter().map(|s| s.value).collect(),
            secret: table.bool("secret").unwrap_or(false),
            loc: table.loc(),
        };
        table.finish();
        response
    });
    let params = read_fields(top, "params");
    (request, response, params)
}

fn read_one_of(table: &TableReader<'_, '_>) -> Vec<Vec<String>> {
    table
        .string_groups("one_of")
        .into_iter()
        .map(|group| group.into_iter().map(|s| s.value).collect())
        .collect()
}

fn read_types(top: &TableReader<'_, '_>) -> Vec<ObjectType> {
    top.named_tables("types", "an object type")
        .into_iter()
        .map(|(name, table)| {
            let ty = ObjectType {
                doc: table.required_string("doc").value,
                fields: read_fields(&table, "fields"),
                one_of: read_one_of(&table),
                name: name.value,
                loc: name.loc,
            };
            table.finish();
            ty
        })
        .collect()
}

fn read_fields(table: &TableReader<'_, '_>, key: &str) -> Vec<Field> {
    read_fields_defaulting(table, key, None)
}

fn read_fields_defaulting(
    table: &TableReader<'_, '_>,
    key: &str,
    default_type: Option<TypeExpr>,
) -> Vec<Field> {
    table
        .tables(key, "a field")
        .into_iter()
        .map(|field| {
            let read = read_field(&field, default_type.clone());
            field.finish();
            read
        })
        .collect()
}

fn read_field(table: &TableReader<'_, '_>, default_type: Option<TypeExpr>) -> Field {
    let ctx = table.ctx();
    let name = table.required_string("name");
    let ty = match (table.string("type"), default_type) {
        (Some(ty), _) => parse_type(ctx, &ty),
        (None, Some(default)) => default,
        (None, None) => parse_type(ctx, &table.required_string("type")),
    };
    let format = table.string("format").and_then(|value| {
        let format = parse_format(&value.value);
        if format.is_none() {
            ctx.sink.error(
                value.loc.clone(),
                format!(
                    "unknown format \"{}\" (expected rfc3339, currency, url or int)",
                    value.value
                ),
            );
        }
        format
    });
    let unit = table.string("unit").and_then(|value| {
        let unit = parse_unit(&value.value);
        if unit.is_none() {
            ctx.sink.error(
                value.loc.clone(),
                format!("unknown unit \"{}\" (expected cent, second or millisecond)", value.value),
            );
        }
        unit
    });
    let set_by_auth = table.string("set_by").is_some_and(|value| {
        if value.value != "auth" {
            ctx.sink
                .error(value.loc, format!("unknown set_by \"{}\" (expected auth)", value.value));
        }
        true
    });
    Field {
        ty,
        required: table.required_bool("required"),
        doc: table.required_string("doc").value,
        rust: table.string("rust").map(|s| s.value),
        aliases: table.strings("aliases").into_iter().map(|s| s.value).collect(),
        set_by_auth,
        default: table.string("default").map(|s| s.value),
        secret: table.bool("secret").unwrap_or(false),
        encrypted: table.bool("encrypted").unwrap_or(false),
        example: table.string("example").map(|s| s.value),
        min_len: table.u32("min_len"),
        max_len: table.u32("max_len"),
        charset: table.string("charset").and_then(|value| parse_charset(ctx, &value)),
        values: table.strings("values").into_iter().map(|s| s.value).collect(),
        variants: table.strings("variants").into_iter().map(|s| s.value).collect(),
        format,
        unit,
        accept: table.strings("accept").iter().map(|s| parse_type(ctx, s)).collect(),
        decrypts_to: table.string("decrypts_to").map(|s| parse_type(ctx, &s)),
        name: name.value,
        loc: name.loc,
    }
}

fn read_errata(top: &TableReader<'_, '_>) -> Vec<Erratum> {
    top.tables("errata", "an erratum")
        .into_iter()
        .filter_map(|table| {
            let kind = table.required_string("kind");
            let parsed_kind = ErratumKind::ALL.into_iter().find(|k| k.as_str() == kind.value);
            if parsed_kind.is_none() && !kind.value.is_empty() {
                let allowed: Vec<_> = ErratumKind::ALL.iter().map(|k| k.as_str()).collect();
                table.ctx().sink.error(
                    kind.loc.clone(),
                    format!(
                        "unknown erratum kind \"{}\" (expected {})",
                        kind.value,
                        allowed.join(", ")
                    ),
                );
            }
            let id = table.u32("id").unwrap_or(0);
            let source = read_source(&table, false);
            let at = table.required_string("at").value;
            let vendor = table.required_string("vendor").value;
            let chosen = table.required_string("chosen").value;
            let why = table.required_string("why").value;
            let loc = table.loc();
            table.finish();
            Some(Erratum { id, source: source?, at, kind: parsed_kind?, vendor, chosen, why, loc })
        })
        .collect()
}

fn read_notes(top: &TableReader<'_, '_>) -> Vec<Note> {
    top.tables("notes", "a note")
        .into_iter()
        .filter_map(|table| {
            let id = table.u32("id").unwrap_or(0);
            let source = read_source(&table, true);
            let at = table.required_string("at").value;
            let vendor = table.required_string("vendor").value;
            let reading = table.required_string("reading").value;
            let why = table.required_string("why").value;
            let loc = table.loc();
            table.finish();
            Some(Note { id, source: source?, at, vendor, reading, why, loc })
        })
        .collect()
}

fn read_source(table: &TableReader<'_, '_>, other_allowed: bool) -> Option<Source> {
    let value = table.required_string("source");
    let source = match value.value.as_str() {
        "en" => Some(Source::En),
        "zh" => Some(Source::Zh),
        "fe" => Some(Source::Fe),
        "other" if other_allowed => Some(Source::Other),
        _ => None,
    };
    if source.is_none() && !value.value.is_empty() {
        let allowed = if other_allowed { "en, zh, fe or other" } else { "en, zh or fe" };
        table
            .ctx()
            .sink
            .error(value.loc, format!("unknown source \"{}\" (expected {allowed})", value.value));
    }
    source
}

/// Parses a type expression; an unknown one is reported and read as `string`.
pub(crate) fn parse_type(ctx: &FileCtx<'_>, text: &Located<String>) -> TypeExpr {
    match parse_type_str(&text.value) {
        Some(ty) => ty,
        None => {
            ctx.sink.error(text.loc.clone(), format!("unknown type \"{}\"", text.value));
            TypeExpr::String
        }
    }
}

/// Parses a type expression of the spec's vocabulary (spec/README.md "Types").
pub fn parse_type_str(text: &str) -> Option<TypeExpr> {
    let text = text.trim();
    Some(match text {
        "string" => TypeExpr::String,
        "bool" => TypeExpr::Bool,
        "int" => TypeExpr::Int,
        "int64" => TypeExpr::Int64,
        "number" => TypeExpr::Number,
        "object" => TypeExpr::Object(None),
        "function" => TypeExpr::Function,
        _ => {
            if let Some(name) = text.strip_prefix("object:") {
                TypeExpr::Object(Some(type_name(name)?))
            } else if let Some(inner) = text.strip_prefix("list<").and_then(|t| t.strip_suffix('>'))
            {
                TypeExpr::List(Box::new(parse_type_str(inner)?))
            } else if let Some(name) = text.strip_prefix("json<").and_then(|t| t.strip_suffix('>'))
            {
                TypeExpr::Json(type_name(name)?)
            } else {
                return None;
            }
        }
    })
}

fn type_name(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let first = chars.next()?;
    (first.is_ascii_uppercase() && chars.all(|c| c.is_ascii_alphanumeric()))
        .then(|| name.to_owned())
}

fn parse_charset(ctx: &FileCtx<'_>, text: &Located<String>) -> Option<Charset> {
    let chars: Vec<char> = text.value.chars().collect();
    let mut ranges = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match (chars.get(i + 1), chars.get(i + 2)) {
            (Some('-'), Some(&hi)) => {
                if hi < c {
                    ctx.sink
                        .error(text.loc.clone(), format!("charset range `{c}-{hi}` is reversed"));
                    return None;
                }
                ranges.push((c, hi));
                i += 3;
            }
            _ => {
                ranges.push((c, c));
                i += 1;
            }
        }
    }
    if ranges.is_empty() {
        ctx.sink.error(text.loc.clone(), "charset is empty");
        return None;
    }
    Some(Charset { source: text.value.clone(), ranges })
}

fn parse_kind(text: &str) -> Option<EntryKind> {
    [EntryKind::Endpoint, EntryKind::Callback, EntryKind::Frontend]
        .into_iter()
        .find(|kind| kind.as_str() == text)
}

fn parse_served_by(text: &str) -> Option<ServedBy> {
    [ServedBy::Superapp, ServedBy::CallbackUrl, ServedBy::MiniProgram]
        .into_iter()
        .find(|served| served.as_str() == text)
}

fn parse_caller(text: &str) -> Option<Caller> {
    [Caller::Sas, Caller::Merchant, Caller::Superapp, Caller::MerchantBackend]
        .into_iter()
        .find(|caller| caller.as_str() == text)
}

fn parse_method(text: &str) -> Option<Method> {
    [Method::Get, Method::Post].into_iter().find(|method| method.as_str() == text)
}

fn parse_format(text: &str) -> Option<Format> {
    [Format::Rfc3339, Format::Currency, Format::Url, Format::Int]
        .into_iter()
        .find(|format| format.as_str() == text)
}

fn parse_unit(text: &str) -> Option<Unit> {
    [Unit::Cent, Unit::Second, Unit::Millisecond].into_iter().find(|unit| unit.as_str() == text)
}

/// Orders entries by declared group, then by vendor section (numerically), then by name.
fn sort_entries(spec: &mut Spec) {
    let group_rank =
        |name: &str| spec.groups.iter().position(|group| group.name == name).unwrap_or(usize::MAX);
    let ranks: Vec<usize> = spec.entries.iter().map(|entry| group_rank(&entry.group)).collect();
    let mut keyed: Vec<(usize, Entry)> = ranks.into_iter().zip(spec.entries.drain(..)).collect();
    keyed.sort_by(|(ga, a), (gb, b)| {
        ga.cmp(gb).then_with(|| section_key(&a.section).cmp(&section_key(&b.section)))
    });
    spec.entries = keyed.into_iter().map(|(_, entry)| entry).collect();
}

/// `"5.1.10"` → `[5, 1, 10]`; a non-numeric section sorts after numeric ones, by text.
fn section_key(doc: &str) -> (Vec<u32>, String) {
    let numbers: Option<Vec<u32>> = doc.split('.').map(|part| part.parse().ok()).collect();
    match numbers {
        Some(numbers) => (numbers, String::new()),
        None => (vec![u32::MAX], doc.to_owned()),
    }
}
