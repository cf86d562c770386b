//! Rustdoc text for generated items, written from the spec.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Entry, EntryKind, Field, Format, Part, Spec, TypeExpr, Unit};

/// The module documentation of an entry.
pub(super) fn entry_module_doc(spec: &Spec, entry: &Entry) -> String {
    let method = entry.method.map_or("", |m| m.as_str());
    let headline = match entry.kind {
        EntryKind::Endpoint => {
            format!("`{method} {}`: {}", entry.path.as_deref().unwrap_or(""), entry.summary)
        }
        EntryKind::Callback => format!(
            "`{method}` to the `TC-Payment-Callback` URL of {}: {}",
            entry.callback_of.as_deref().unwrap_or("?"),
            entry.summary
        ),
        EntryKind::Frontend => format!("`{}` parameters: {}", entry.section, entry.summary),
    };
    let page = entry.vendor_url.as_deref().unwrap_or(&spec.service.api_list);
    let source = match entry.kind {
        EntryKind::Frontend => format!("[Front-end payment API, \"{}\"]({page})", entry.title),
        _ => format!("[API List {}, \"{}\"]({page})", entry.section, entry.title),
    };
    let served = match entry.served_by {
        crate::model::ServedBy::Superapp => "the superapp backend",
        crate::model::ServedBy::CallbackUrl => "the owner of the callback URL",
        crate::model::ServedBy::MiniProgram => "the mini program front end",
    };
    let caller = match entry.caller {
        crate::model::Caller::Sas => "SAS",
        crate::model::Caller::Merchant => "a merchant backend, through SAS",
        crate::model::Caller::Superapp => "the superapp backend",
        crate::model::Caller::MerchantBackend => "the merchant backend",
    };
    let mut doc = format!(
        " {headline}\n\n {source}. Served by {served}; sent by {caller}; authenticated by `{}`.",
        entry.auth
    );
    if let Some(scheme) = spec.auth_scheme(&entry.auth) {
        doc.push_str(&format!("\n\n {}", scheme.doc));
    }
    if let Some(callback) = entry.triggers.as_deref().and_then(|s| spec.entry_by_section(s)) {
        doc.push_str(&format!(
            "\n\n The superapp reports the result with the callback [`crate::api::{}::{}`] ({}).",
            callback.group, callback.module, callback.section
        ));
    }
    doc
}

/// A field's documentation: its meaning, then where it travels and its constraints.
pub(super) fn field_doc(field: &Field, part: Option<Part>) -> String {
    let mut doc = format!(" {}", field.doc);
    let wire = match part {
        Some(Part::Header) => format!("header `{}`", field.name),
        Some(Part::Path) => format!("path parameter `{{{}}}`", field.name),
        Some(Part::Query) => format!("query parameter `{}`", field.name),
        Some(Part::Body) => format!("body field `{}`", field.name),
        Some(Part::Param) => format!("parameter `{}`", field.name),
        None => format!("`{}`", field.name),
    };
    let mut facts = vec![format!("Wire: {wire}")];
    if !field.required {
        facts.push("optional".to_owned());
    }
    if !field.aliases.is_empty() {
        let aliases: Vec<String> = field.aliases.iter().map(|a| format!("`{a}`")).collect();
        facts.push(format!("also accepted as {}", aliases.join(", ")));
    }
    facts.extend(constraint_facts(field));
    if field.set_by_auth {
        facts.push("computed by the signer".to_owned());
    }
    if let Some(default) = &field.default {
        facts.push(format!("starts as `{default}`"));
    }
    doc.push_str(&format!("\n\n {}.", facts.join("; ")));
    if let Some(example) = &field.example {
        doc.push_str(&format!("\n\n Example: `{example}`."));
    }
    doc
}

fn constraint_facts(field: &Field) -> Vec<String> {
    let mut facts = Vec::new();
    match (field.min_len, field.max_len) {
        (Some(min), Some(max)) => facts.push(format!("{min} to {max} characters")),
        (None, Some(max)) => facts.push(format!("at most {max} characters")),
        (Some(min), None) => facts.push(format!("at least {min} characters")),
        (None, None) => {}
    }
    if let Some(charset) = &field.charset {
        facts.push(format!("characters from `{}`", charset.source));
    }
    if !field.values.is_empty() {
        let values: Vec<String> = field.values.iter().map(|v| format!("`{v}`")).collect();
        facts.push(format!("one of {}", values.join(", ")));
    }
    match field.format {
        Some(Format::Rfc3339) => facts.push("an RFC 3339 date-time".to_owned()),
        Some(Format::Currency) => facts.push("an ISO 4217 currency code".to_owned()),
        Some(Format::Url) => facts.push("an absolute URL".to_owned()),
        Some(Format::Int) => facts.push("a decimal integer sent as a string".to_owned()),
        None => {}
    }
    match field.unit {
        Some(Unit::Cent) => facts.push("in cents".to_owned()),
        Some(Unit::Second) => facts.push("in seconds".to_owned()),
        Some(Unit::Millisecond) => facts.push("in milliseconds".to_owned()),
        None => {}
    }
    if let TypeExpr::Json(name) = &field.ty {
        facts.push(format!("a JSON `{name}` document inside a string"));
    }
    facts
}

/// `#[doc = …]` attributes, one per line of `text`, so the generated code reads as `///` lines.
/// Each non-empty line starts with one space, as `///` comments do.
pub(super) fn doc_attrs(text: &str) -> TokenStream {
    let lines = text.split('\n').map(|line| {
        let line = if line.is_empty() || line.starts_with(' ') {
            line.to_owned()
        } else {
            format!(" {line}")
        };
        quote! { #[doc = #line] }
    });
    quote! { #(#lines)* }
}
