//! The expansion snapshot: the code the macro generates from `spec/`, formatted, committed in
//! `tests/expand/api.rs` so reviewers read generated code in diffs.
//!
//! Refresh it with `SNAPSHOTS=overwrite cargo test -p sas-core --test it expand`.

use std::path::Path;

const HEADER: &str = "\
// Generated from spec/ by sas_spec::codegen::expand; do not edit by hand.
// Refresh: SNAPSHOTS=overwrite cargo test -p sas-core --test it expand
";

#[test]
fn expansion_snapshot_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = sas_spec::load(&root.join("../../spec")).unwrap_or_else(|d| panic!("{d}"));
    let file: syn::File =
        syn::parse2(sas_spec::codegen::expand(&spec)).expect("generated code parses");
    let expanded = format!("{HEADER}\n{}", prettyplease::unparse(&file));
    let snapshot = root.join("tests/expand/api.rs");
    let committed = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if committed == expanded {
        return;
    }
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&snapshot, expanded).expect("snapshot written");
        return;
    }
    let first_difference = committed
        .lines()
        .zip(expanded.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| committed.lines().count().min(expanded.lines().count()));
    panic!(
        "{} is stale (first difference at line {}); run \
         `SNAPSHOTS=overwrite cargo test -p sas-core --test it expand` and review the diff",
        snapshot.display(),
        first_difference + 1
    );
}

/// The generated items of the spec, parsed.
fn generated() -> syn::File {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = sas_spec::load(&root.join("../../spec")).unwrap_or_else(|d| panic!("{d}"));
    syn::parse2(sas_spec::codegen::expand(&spec)).expect("generated code parses")
}

/// Every item of `items`, modules opened.
fn all_items(items: &[syn::Item]) -> Vec<&syn::Item> {
    let mut all = Vec::new();
    for item in items {
        all.push(item);
        if let syn::Item::Mod(module) = item
            && let Some((_, inner)) = &module.content
        {
            all.extend(all_items(inner));
        }
    }
    all
}

fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
    .unwrap_or_default()
}

#[test]
fn no_generated_constructor_takes_more_than_three_positional_arguments() {
    let file = generated();
    let mut inits = 0;
    for item in all_items(&file.items) {
        if let syn::Item::Impl(block) = item {
            for member in &block.items {
                if let syn::ImplItem::Fn(function) = member
                    && function.sig.ident == "new"
                {
                    let count = function.sig.inputs.len();
                    assert!(count <= 3, "{}::new takes {count}", type_name(&block.self_ty));
                }
            }
        }
        if let syn::Item::Struct(item) = item
            && item.ident.to_string().ends_with("Init")
        {
            inits += 1;
            assert!(
                matches!(item.fields, syn::Fields::Named(_)),
                "{} names its fields",
                item.ident
            );
        }
    }
    // create_jsapi_order::Request, with its 12 required fields, is one of them.
    assert!(inits >= 14, "{inits} Init structs");
}

#[test]
fn generated_code_reads_like_hand_written_code() {
    let file = generated();
    let expanded = prettyplease::unparse(&file);
    assert!(!expanded.contains("/**"), "block doc comments");
    assert!(!expanded.contains("#[allow"), "lint allows");
    // A `rename` names a wire name that differs from the field it stands on.
    let mut rename = None;
    for line in expanded.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("#[serde(rename = \"") {
            rename = name.strip_suffix("\")]").map(str::to_owned);
        } else if let Some(field) = line.strip_prefix("pub ").and_then(|l| l.split_once(':')) {
            let field = field.0.trim_start_matches("r#");
            assert_ne!(rename.take().as_deref(), Some(field), "redundant rename");
        }
    }
    // No `x: x` in struct expressions.
    for line in expanded.lines().map(str::trim) {
        if let Some((field, value)) = line.trim_end_matches(',').split_once(": ")
            && field == value
            && !field.contains(' ')
        {
            panic!("redundant `{line}`");
        }
    }
}

#[test]
fn every_entry_module_links_its_vendor_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = sas_spec::load(&root.join("../../spec")).unwrap_or_else(|d| panic!("{d}"));
    let expanded = prettyplease::unparse(&generated());
    for entry in &spec.entries {
        let page = entry.vendor_url.as_deref().unwrap_or(&spec.service.api_list);
        let link = format!("{}\"]({page})", entry.title);
        assert!(expanded.contains(&link), "{} lacks {link}", entry.module);
    }
}
