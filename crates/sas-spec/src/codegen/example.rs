//! `impl Example` for every generated struct: a valid value built from the spec (its examples,
//! defaults and first enumerated values, else values that satisfy the constraints), for tests,
//! demos and documentation.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::field_ident;
use crate::model::{Field, Format, Part, TypeExpr, Unit};
use crate::naming;

/// `impl Example for <type_name>` over its fields.
pub(super) fn example_impl(type_name: &str, fields: &[(&Field, Option<Part>)]) -> TokenStream {
    let ident = format_ident!("{}", type_name);
    let inits = fields.iter().map(|(field, part)| {
        let ident = field_ident(field, *part);
        let value = field_value(field, *part);
        quote! { #ident: #value }
    });
    quote! {
        impl ::sas_core::endpoint::Example for #ident {
            fn example() -> Self {
                Self { #(#inits),* }
            }
        }
    }
}

/// The example of a response's `data`.
pub(super) fn data_value(ty: &TypeExpr, values: &[String]) -> TokenStream {
    match (ty, values.first()) {
        (TypeExpr::String, Some(value)) => quote! { ::std::string::String::from(#value) },
        (TypeExpr::String, None) => quote! { ::std::string::String::from("example") },
        _ => type_value(ty, None),
    }
}

fn field_value(field: &Field, part: Option<Part>) -> TokenStream {
    let value = if field.is_enum() {
        let ident = format_ident!("{}", naming::enum_name(field, part));
        let text = example_string(field);
        quote! { #ident::from(#text) }
    } else if field.set_by_auth {
        quote! { ::std::string::String::new() }
    } else if let Some(name) = field.string_or_object() {
        if field.ty == TypeExpr::String {
            let text = example_string(field);
            quote! { ::sas_core::types::StringOr::String(::std::string::String::from(#text)) }
        } else {
            let ident = format_ident!("{}", name);
            quote! { ::sas_core::types::StringOr::Object(<#ident as ::sas_core::endpoint::Example>::example()) }
        }
    } else {
        type_value(&field.ty, Some(field))
    };
    if field.required {
        value
    } else {
        quote! { ::std::option::Option::Some(#value) }
    }
}

/// The example of a value of `ty`, using `field`'s constraints when given.
fn type_value(ty: &TypeExpr, field: Option<&Field>) -> TokenStream {
    match ty {
        TypeExpr::String | TypeExpr::Function => match field {
            Some(field) if field.format == Some(Format::Int) => {
                let number = example_int(field);
                quote! { #number }
            }
            Some(field) => {
                let text = example_string(field);
                quote! { ::std::string::String::from(#text) }
            }
            None => quote! { ::std::string::String::from("example") },
        },
        TypeExpr::Bool => quote! { true },
        TypeExpr::Int | TypeExpr::Int64 | TypeExpr::Number => {
            let number = field.map_or(1, example_int);
            quote! { #number }
        }
        TypeExpr::Object(None) => {
            quote! { ::sas_core::__private::serde_json::Value::Object(::std::default::Default::default()) }
        }
        TypeExpr::Object(Some(name)) => {
            let ident = format_ident!("{}", name);
            quote! { <#ident as ::sas_core::endpoint::Example>::example() }
        }
        TypeExpr::List(inner) => {
            let item = type_value(inner, None);
            quote! { ::std::vec![#item] }
        }
        TypeExpr::Json(name) => {
            let ident = format_ident!("{}", name);
            quote! { ::sas_core::__private::example_document::<#ident>() }
        }
    }
}

/// An integer: the spec's example when it is one, else a value fitting the unit.
fn example_int(field: &Field) -> i64 {
    if let Some(number) = field.example.as_deref().and_then(|e| e.parse::<i64>().ok()) {
        return number;
    }
    match field.unit {
        Some(Unit::Cent) => 100,
        Some(Unit::Second) => 1_735_293_931,
        Some(Unit::Millisecond) => 1_735_293_931_220,
        None => 1,
    }
}

/// A string that satisfies the field's constraints: its default, its first value, its example
/// when that fits, or one made from the field's name.
pub(super) fn example_string(field: &Field) -> String {
    if let Some(default) = &field.default {
        return default.clone();
    }
    if let Some(value) = field.values.first() {
        return value.clone();
    }
    match field.format {
        Some(Format::Rfc3339) => return "2026-01-02T03:04:05+08:00".to_owned(),
        Some(Format::Currency) => return "USD".to_owned(),
        Some(Format::Url) => return "https://merchant.example/sas/notify".to_owned(),
        Some(Format::Int) | None => {}
    }
    if let Some(example) = &field.example
        && fits(field, example)
    {
        return example.clone();
    }
    let allowed = |c: char| field.charset.as_ref().is_none_or(|set| set.contains(c));
    let mut text: String =
        format!("example-{}", field.name).chars().filter(|&c| allowed(c)).collect();
    let filler = field.charset.as_ref().and_then(|set| set.ranges.first()).map_or('x', |r| r.0);
    let min = field.min_len.unwrap_or(0) as usize;
    while text.chars().count() < min.max(1) {
        text.push(filler);
    }
    if let Some(max) = field.max_len {
        text = text.chars().take(max as usize).collect();
    }
    text
}

fn fits(field: &Field, text: &str) -> bool {
    let len = text.chars().count() as u64;
    field.min_len.is_none_or(|min| len >= u64::from(min))
        && field.max_len.is_none_or(|max| len <= u64::from(max))
        && field.charset.as_ref().is_none_or(|set| text.chars().all(|c| set.contains(c)))
}
