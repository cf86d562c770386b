//! The `ApiRequest` impl of a `Request`: its header, path and query values by wire name, both
//! ways.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::field_ident;
use crate::model::{Entry, Field, Part};

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
    quote! {
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            type Response = Response;

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
    if fields.is_empty() {
        return quote! { ::std::vec::Vec::new() };
    }
    let capacity = fields.len();
    let pushes = fields.iter().map(|field| {
        let name = &field.name;
        let ident = field_ident(field, Some(part));
        if field.required {
            quote! { values.push((#name, self.#ident.as_str())); }
        } else {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#ident {
                    values.push((#name, value.as_str()));
                }
            }
        }
    });
    quote! {
        let mut values = ::std::vec::Vec::with_capacity(#capacity);
        #(#pushes)*
        values
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
    if field.required {
        quote! {
            self.#ident = ::sas_core::__private::required(parts, #wire, #name, &[#(#aliases),*])?;
        }
    } else {
        quote! {
            self.#ident = parts.get(#wire, #name, &[#(#aliases),*]);
        }
    }
}
