//! `impl Validate` for every generated struct: the spec's constraints, checked field by field.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::field_ident;
use crate::model::{Field, Format, Part, TypeExpr};

/// The body of a `validate` method over `fields` (with where each travels), and the one-of
/// groups of the body or object.
pub(super) fn validate_impl(
    type_name: &str,
    fields: &[(&Field, Option<Part>)],
    one_of: &[Vec<String>],
) -> TokenStream {
    let ident = format_ident!("{}", type_name);
    let checks: Vec<TokenStream> =
        fields.iter().filter_map(|(field, part)| field_check(field, *part)).collect();
    let groups: Vec<TokenStream> = one_of
        .iter()
        .map(|group| {
            let present = group.iter().map(|name| {
                let field = fields.iter().find(|(f, _)| &f.name == name);
                match field {
                    Some((field, part)) => {
                        let ident = field_ident(field, *part);
                        quote! { self.#ident.is_some() }
                    }
                    None => quote! { false },
                }
            });
            quote! { validator.one_of(&[#(#group),*], &[#(#present),*]); }
        })
        .collect();
    let param = if checks.is_empty() && groups.is_empty() {
        quote! { _validator }
    } else {
        quote! { validator }
    };
    quote! {
        impl ::sas_core::validate::Validate for #ident {
            fn validate(&self, #param: &mut ::sas_core::validate::Validator) {
                #(#checks)*
                #(#groups)*
            }
        }
    }
}

/// The check of one field, if the spec constrains it.
fn field_check(field: &Field, part: Option<Part>) -> Option<TokenStream> {
    if field.ty == TypeExpr::Function || (field.set_by_auth && part != Some(Part::Body)) {
        return None;
    }
    let ident = field_ident(field, part);
    let name = &field.name;
    if field.string_or_object().is_some() || nested_object(&field.ty) {
        return Some(quote! { validator.nested(#name, &self.#ident); });
    }
    if field.ty != TypeExpr::String || field.format == Some(Format::Int) {
        return None;
    }
    let rules = str_rules(field)?;
    Some(if field.required {
        quote! { validator.string(#name, self.#ident.as_str(), #rules); }
    } else {
        quote! {
            if let ::std::option::Option::Some(value) = &self.#ident {
                validator.string(#name, value.as_str(), #rules);
            }
        }
    })
}

/// Whether values of `ty` are generated structs (or lists of them) that validate themselves.
fn nested_object(ty: &TypeExpr) -> bool {
    match ty {
        TypeExpr::Object(Some(_)) => true,
        TypeExpr::List(inner) => nested_object(inner),
        _ => false,
    }
}

/// `&StrRules { … }` for a string field, or `None` when nothing constrains it.
fn str_rules(field: &Field) -> Option<TokenStream> {
    let format = match field.format {
        Some(Format::Rfc3339) => Some(quote! { Rfc3339 }),
        Some(Format::Currency) => Some(quote! { Currency }),
        Some(Format::Url) => Some(quote! { Url }),
        Some(Format::Int) | None => None,
    };
    let constrained = field.min_len.is_some()
        || field.max_len.is_some()
        || field.charset.is_some()
        || !field.values.is_empty()
        || format.is_some();
    if !constrained {
        return None;
    }
    let option_u32 = |value: Option<u32>| match value {
        Some(value) => quote! { ::std::option::Option::Some(#value) },
        None => quote! { ::std::option::Option::None },
    };
    let min_len = option_u32(field.min_len);
    let max_len = option_u32(field.max_len);
    let ranges = field.charset.iter().flat_map(|charset| &charset.ranges).map(|(lo, hi)| {
        quote! { (#lo, #hi) }
    });
    let values = &field.values;
    let format = match format {
        Some(format) => {
            quote! { ::std::option::Option::Some(::sas_core::validate::Format::#format) }
        }
        None => quote! { ::std::option::Option::None },
    };
    Some(quote! {
        &::sas_core::validate::StrRules {
            min_len: #min_len,
            max_len: #max_len,
            charset: &[#(#ranges),*],
            values: &[#(#values),*],
            format: #format,
        }
    })
}
