//! The `ApiRequest` impl of a `Request`: its header, path and query values by wire name, both
//! ways.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::field_ident;
use crate::model::{Entry, Field, Format, Part, TypeExpr};

/// `impl ApiRequest for Request`.
pub(super) fn api_request_impl(entry: &Entry) -> TokenStream {
    let outside = |part: Part| -> Vec<&Field> {
        entry.fields(part).iter().filter(|field| !field.set_by_auth).collect()
    };
    let headers = values(&outside(Part::Header), Part::Header);
    let path = values(&outside(Part::Path), Part::Path);
    let query = values(&outside(Part::Query), Part::Query);
    let reads: Vec<TokenStream> = [Part::Header, Part::Path, Part::Query]
        .into_iter()
        .flat_map(|part| outside(part).into_iter().map(move |field| read(field, part)))
        .collect();
    let parts_param = if reads.is_empty() {
        quote! { _parts }
    } else {
        quote! { parts }
    };
    let method = match entry.method {
        Some(method) => super::metadata::method_tokens(method),
        // Validation requires a method of every endpoint and callback.
        None => quote! { ::std::compile_error!("an endpoint or callback without a method") },
    };
    let body: Vec<&Field> = entry.request.body.iter().collect();
    let text_fields = text_fields_impl("Request", &body, Part::Body);
    let auth = format_ident!("{}", crate::naming::pascal_case(&entry.auth));
    quote! {
        #text_fields

        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &#method;
            type Response = Response;
            type Auth = ::sas_core::auth::#auth;

            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                #headers
            }

            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                #path
            }

            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                #query
            }

            fn read_parts(
                &mut self,
                #parts_param: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                #(#reads)*
                ::std::result::Result::Ok(())
            }
        }
    }
}

fn values(fields: &[&Field], part: Part) -> TokenStream {
    let required = fields.iter().filter(|field| field.required).map(|field| {
        let name = &field.name;
        let ident = field_ident(field, Some(part));
        quote! { (#name, self.#ident.as_str()) }
    });
    let optional: Vec<TokenStream> = fields
        .iter()
        .filter(|field| !field.required)
        .map(|field| {
            let name = &field.name;
            let ident = field_ident(field, Some(part));
            quote! {
                if let ::std::option::Option::Some(value) = &self.#ident {
                    values.push((#name, value.as_str()));
                }
            }
        })
        .collect();
    let required: Vec<TokenStream> = required.collect();
    let start = if required.is_empty() {
        quote! { ::std::vec::Vec::new() }
    } else {
        quote! { ::std::vec::Vec::from([#(#required),*]) }
    };
    if optional.is_empty() {
        start
    } else {
        quote! {
            let mut values = #start;
            #(#optional)*
            values
        }
    }
}

fn read(field: &Field, part: Part) -> TokenStream {
    let name = &field.name;
    let aliases = &field.aliases;
    let ident = field_ident(field, Some(part));
    let wire = format_ident!(
        "{}",
        match part {
            Part::Header => "Header",
            Part::Path => "Path",
            _ => "Query",
        }
    );
    let wire = quote! { ::sas_core::endpoint::WirePart::#wire };
    match (field.required, field.is_enum()) {
        (true, false) => quote! {
            self.#ident = ::sas_core::__private::required(parts, #wire, #name, &[#(#aliases),*])?;
        },
        (true, true) => quote! {
            self.#ident =
                ::sas_core::__private::required(parts, #wire, #name, &[#(#aliases),*])?.into();
        },
        (false, false) => quote! {
            self.#ident = parts.get(#wire, #name, &[#(#aliases),*]);
        },
        (false, true) => quote! {
            self.#ident = parts.get(#wire, #name, &[#(#aliases),*]).map(::std::convert::From::from);
        },
    }
}

/// `impl TextFields for <type_name>`: the text body fields by wire name, and the fields the
/// signer fills in.
pub(super) fn text_fields_impl(type_name: &str, fields: &[&Field], part: Part) -> TokenStream {
    let ident = format_ident!("{}", type_name);
    let reads: Vec<TokenStream> = fields
        .iter()
        .filter(|field| matches!(field.ty, TypeExpr::String | TypeExpr::Json(_)))
        .filter(|field| field.format != Some(Format::Int) && field.string_or_object().is_none())
        .map(|field| {
            let name = &field.name;
            let member = field_ident(field, Some(part));
            let value = match (&field.ty, field.required) {
                (TypeExpr::Json(_), true) => {
                    quote! { ::std::option::Option::Some(self.#member.as_str()) }
                }
                (TypeExpr::Json(_), false) => {
                    quote! { self.#member.as_ref().map(::sas_core::types::JsonString::as_str) }
                }
                (_, true) => quote! { ::std::option::Option::Some(self.#member.as_str()) },
                (_, false) if field.is_enum() => {
                    quote! { self.#member.as_ref().map(|value| value.as_str()) }
                }
                (_, false) => quote! { self.#member.as_deref() },
            };
            quote! { #name => #value, }
        })
        .collect();
    let writes: Vec<TokenStream> = fields
        .iter()
        .filter(|field| field.set_by_auth && field.ty == TypeExpr::String)
        .map(|field| {
            let name = &field.name;
            let member = field_ident(field, Some(part));
            let value = if field.required {
                quote! { value }
            } else {
                quote! { ::std::option::Option::Some(value) }
            };
            quote! { #name => { self.#member = #value; true } }
        })
        .collect();
    let name_param = |used: bool| {
        if used {
            quote! { name }
        } else {
            quote! { _name }
        }
    };
    let read_name = name_param(!reads.is_empty());
    let write_name = name_param(!writes.is_empty());
    let value_param = if writes.is_empty() {
        quote! { _value }
    } else {
        quote! { value }
    };
    let read_body = if reads.is_empty() {
        quote! { ::std::option::Option::None }
    } else {
        quote! { match #read_name { #(#reads)* _ => ::std::option::Option::None } }
    };
    let write_body = if writes.is_empty() {
        quote! { false }
    } else {
        quote! { match #write_name { #(#writes)* _ => false } }
    };
    quote! {
        impl ::sas_core::endpoint::TextFields for #ident {
            fn text(&self, #read_name: &str) -> ::std::option::Option<&str> {
                #read_body
            }

            fn set_signature(&mut self, #write_name: &str, #value_param: ::std::string::String) -> bool {
                #write_body
            }
        }
    }
}
