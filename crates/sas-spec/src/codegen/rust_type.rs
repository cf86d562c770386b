//! The Rust type of a field and the serde attributes that give it its exact wire form.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Field, Format, Part, TypeExpr};
use crate::naming;

/// The Rust identifier of a field.
pub(super) fn field_ident(field: &Field, part: Option<Part>) -> Ident {
    let name = naming::field_name(field, part);
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(&name, Span::call_site()),
    }
}

/// How an integer travels.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum IntWire {
    /// Not an integer (or inside a list): plain serde.
    None,
    /// A JSON number, accepted as a number or a numeric string.
    Number,
    /// A string of digits, accepted as a number or a string.
    String,
}

/// The type of a value before `Option` is applied.
/// `part` is where the field travels (`None` in object types): it decides an enum's name.
pub(super) fn value_type(field: &Field, part: Option<Part>) -> (TokenStream, IntWire) {
    if let Some(name) = field.string_or_object() {
        let ident = format_ident!("{}", name);
        return (quote! { ::sas_core::types::StringOr<#ident> }, IntWire::None);
    }
    if field.is_enum() {
        let ident = format_ident!("{}", naming::enum_name(field, part));
        return (quote! { #ident }, IntWire::None);
    }
    match (&field.ty, field.format) {
        (TypeExpr::String, Some(Format::Int)) => (quote! { i64 }, IntWire::String),
        (TypeExpr::Int | TypeExpr::Int64 | TypeExpr::Number, _) => {
            (quote! { i64 }, IntWire::Number)
        }
        (ty, _) => (type_tokens(ty), IntWire::None),
    }
}

/// The Rust type of a type expression, without lenient handling.
pub(super) fn type_tokens(ty: &TypeExpr) -> TokenStream {
    match ty {
        TypeExpr::String | TypeExpr::Function => quote! { ::std::string::String },
        TypeExpr::Bool => quote! { bool },
        TypeExpr::Int | TypeExpr::Int64 | TypeExpr::Number => quote! { i64 },
        TypeExpr::Object(None) => quote! { ::sas_core::__private::serde_json::Value },
        TypeExpr::Object(Some(name)) => {
            let ident = format_ident!("{}", name);
            quote! { #ident }
        }
        TypeExpr::List(inner) => {
            let inner = type_tokens(inner);
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeExpr::Json(name) => {
            let ident = format_ident!("{}", name);
            quote! { ::sas_core::types::JsonString<#ident> }
        }
    }
}

/// The field's full type: `Option<…>` when it is not required.
pub(super) fn field_type(field: &Field, part: Option<Part>) -> TokenStream {
    let (value, _) = value_type(field, part);
    if field.required {
        value
    } else {
        quote! { ::std::option::Option<#value> }
    }
}

/// The serde attributes of a body, param or object field whose Rust name is `ident`: a
/// `rename` only where the wire name differs.
pub(super) fn serde_attrs(field: &Field, ident: &Ident) -> TokenStream {
    let name = &field.name;
    let rename = (ident.to_string().trim_start_matches("r#") != name.as_str())
        .then(|| quote! { #[serde(rename = #name)] });
    let aliases = field.aliases.iter().map(|alias| quote! { #[serde(alias = #alias)] });
    let (_, wire) = value_type(field, None);
    let with = match (wire, field.required) {
        (IntWire::None, _) => None,
        (IntWire::Number, true) => Some("::sas_core::__private::lenient::int"),
        (IntWire::Number, false) => Some("::sas_core::__private::lenient::opt_int"),
        (IntWire::String, true) => Some("::sas_core::__private::lenient::int_string"),
        (IntWire::String, false) => Some("::sas_core::__private::lenient::opt_int_string"),
    };
    let with = with.map(|path| quote! { #[serde(with = #path)] });
    let optional = if !field.required {
        Some(quote! { #[serde(default, skip_serializing_if = "::std::option::Option::is_none")] })
    } else if field.set_by_auth {
        // A missing signature reads as empty, so the auth check reports it by name.
        Some(quote! { #[serde(default)] })
    } else {
        None
    };
    quote! {
        #rename
        #(#aliases)*
        #with
        #optional
    }
}

/// The parameter type `new()` takes for a required field: strings as `impl Into<String>`.
pub(super) fn new_param_type(field: &Field, part: Option<Part>) -> TokenStream {
    let (value, _) = value_type(field, part);
    if new_param_converts(field) {
        quote! { impl ::std::convert::Into<::std::string::String> }
    } else {
        value
    }
}

/// Whether `new()` converts the parameter with `.into()`.
pub(super) fn new_param_converts(field: &Field) -> bool {
    let (_, wire) = value_type(field, None);
    matches!(field.ty, TypeExpr::String)
        && wire == IntWire::None
        && field.string_or_object().is_none()
        && !field.is_enum()
}
