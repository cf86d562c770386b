//! The callback impls: `EncryptedCallback` for callbacks with an encrypted `resource`
//! (`decrypts_to`), `PayloadCallback` for callbacks carrying a signed document in a string.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::field_ident;
use crate::model::{Entry, EntryKind, Spec, TypeExpr};
use crate::naming;

/// The callback trait impls of `entry`'s `Request`, if it is a callback.
pub(super) fn callback_impls(spec: &Spec, entry: &Entry) -> TokenStream {
    if entry.kind != EntryKind::Callback {
        return TokenStream::new();
    }
    let mut impls = TokenStream::new();
    for field in &entry.request.body {
        if let (Some(TypeExpr::Object(Some(target))), TypeExpr::Object(Some(sealed))) =
            (&field.decrypts_to, &field.ty)
        {
            impls.extend(encrypted(spec, entry, field, target, sealed));
        }
        if let TypeExpr::Json(document) = &field.ty {
            let member = field_ident(field, Some(crate::model::Part::Body));
            let document = format_ident!("{}", document);
            impls.extend(quote! {
                impl ::sas_core::callback::PayloadCallback for Request {
                    type Payload = #document;

                    fn payload(&self) -> &::sas_core::types::JsonString<#document> {
                        &self.#member
                    }
                }
            });
        }
    }
    impls
}

fn encrypted(
    spec: &Spec,
    entry: &Entry,
    field: &crate::model::Field,
    target: &str,
    sealed: &str,
) -> TokenStream {
    let member = field_ident(field, Some(crate::model::Part::Body));
    let target = format_ident!("{}", target);
    let Some(sealed_type) = spec.resolve_type(entry, sealed) else { return TokenStream::new() };
    // Validation guarantees these string fields exist.
    let part = |name: &str| {
        sealed_type.fields.iter().find(|f| f.name == name).map(|f| {
            let ident = format_ident!("{}", naming::field_name(f, None));
            (ident, f.required)
        })
    };
    let read = |name: &str| match part(name) {
        Some((ident, true)) => quote! { self.#member.#ident.as_str() },
        Some((ident, false)) => {
            quote! { self.#member.#ident.as_ref().map_or("", |value| value.as_str()) }
        }
        None => quote! { "" },
    };
    let write = |name: &str, value: TokenStream| match part(name) {
        Some((ident, true)) => quote! { self.#member.#ident = #value; },
        Some((ident, false)) => quote! {
            self.#member.#ident = if #value.is_empty() {
                ::std::option::Option::None
            } else {
                ::std::option::Option::Some(#value)
            };
        },
        None => TokenStream::new(),
    };
    let [algorithm, ciphertext, nonce, associated_data, original_type] =
        ["algorithm", "ciphertext", "nonce", "associated_data", "original_type"].map(read);
    let set_ciphertext = write("ciphertext", quote! { ciphertext });
    let set_nonce = write("nonce", quote! { nonce });
    let set_associated_data = write("associated_data", quote! { associated_data });
    quote! {
        impl ::sas_core::callback::EncryptedCallback for Request {
            type Resource = #target;

            fn sealed(&self) -> ::sas_core::callback::Sealed<'_> {
                ::sas_core::callback::Sealed {
                    algorithm: #algorithm,
                    ciphertext: #ciphertext,
                    nonce: #nonce,
                    associated_data: #associated_data,
                    original_type: #original_type,
                }
            }

            fn set_sealed(
                &mut self,
                ciphertext: ::std::string::String,
                nonce: ::std::string::String,
                associated_data: ::std::string::String,
            ) {
                #set_ciphertext
                #set_nonce
                #set_associated_data
            }
        }
    }
}
