//! Turns a loaded spec into the Rust code of `sas_core::api`: one module per group, one module
//! per entry with its `Request`/`Response` (or `Params`) and object types, a `METADATA`
//! constant each, shared types in `common`, and the `ENTRIES` registry.
//!
//! The output refers to runtime crates only through `::sas_core` paths (`::sas_core::__private`
//! re-exports serde and serde_json), and to sibling modules only by relative paths, so it
//! compiles wherever `sas_core` is a dependency: inside sas-core (which names itself
//! `sas_core`) and in the expansion snapshot test.

mod callback;
mod docs;
mod enums;
mod example;
mod metadata;
mod parts;
mod rust_type;
mod structs;
mod validate;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{Entry, EntryKind, Spec};
use crate::naming;
use crate::validate::{module_enum_fields, referenced_types};

/// The whole `api` module body for `spec`.
pub fn expand(spec: &Spec) -> TokenStream {
    let common = expand_common(spec);
    let groups = spec.groups.iter().map(|group| {
        let name = format_ident!("{}", group.name);
        let doc = docs::doc_attrs(&group.doc);
        let entries = spec
            .entries
            .iter()
            .filter(|entry| entry.group == group.name)
            .map(|e| expand_entry(spec, e));
        quote! {
            #doc
            pub mod #name {
                #(#entries)*
            }
        }
    });
    let registry = metadata::registry(spec);
    quote! {
        #common
        #(#groups)*
        #registry
    }
}

/// The shared object types of `sas.toml`.
fn expand_common(spec: &Spec) -> TokenStream {
    let types = spec.types.iter().map(|ty| structs::object_type(spec, None, ty));
    let enums = enums::module_enums(&module_enum_fields(spec, None));
    quote! {
        /// Object types shared by several entries (`[types]` of `spec/sas.toml`), and the
        /// enumerations of their fields.
        pub mod common {
            #(#types)*
            #enums
        }
    }
}

/// One entry's module.
fn expand_entry(spec: &Spec, entry: &Entry) -> TokenStream {
    let module = format_ident!("{}", entry.module);
    let doc = docs::doc_attrs(&docs::entry_module_doc(spec, entry));
    let metadata = metadata::constant(spec, entry);
    let shared_uses = shared_type_uses(spec, entry);
    let local_types = entry.types.iter().map(|ty| structs::object_type(spec, Some(entry), ty));
    let enums = enums::module_enums(&module_enum_fields(spec, Some(entry)));
    let messages = match entry.kind {
        EntryKind::Frontend => structs::frontend_params(spec, entry),
        EntryKind::Endpoint | EntryKind::Callback => {
            let request = structs::request(spec, entry);
            let request_impl = parts::api_request_impl(entry);
            let callback_impls = callback::callback_impls(spec, entry);
            let response = structs::response(spec, entry);
            quote! { #request #request_impl #callback_impls #response }
        }
    };
    quote! {
        #doc
        pub mod #module {
            #(#shared_uses)*
            #metadata
            #messages
            #(#local_types)*
            #enums
        }
    }
}

/// `pub use` of each shared type the entry refers to (and does not shadow), and of the
/// enumerations of their fields (unless the entry makes one of that name).
fn shared_type_uses(spec: &Spec, entry: &Entry) -> Vec<TokenStream> {
    let own_enums: Vec<String> = module_enum_fields(spec, Some(entry))
        .into_iter()
        .map(|(field, part)| naming::enum_name(field, part))
        .collect();
    let mut names: Vec<String> = Vec::new();
    for name in referenced_types(spec, entry) {
        if entry.types.iter().any(|ty| ty.name == name) {
            continue;
        }
        if let Some(ty) = spec.types.iter().find(|ty| ty.name == name) {
            for field in ty.fields.iter().filter(|field| field.is_enum()) {
                let enum_name = naming::enum_name(field, None);
                if !own_enums.contains(&enum_name) && !names.contains(&enum_name) {
                    names.push(enum_name);
                }
            }
        }
        names.push(name);
    }
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let ident = format_ident!("{}", name);
            quote! { pub use super::super::common::#ident; }
        })
        .collect()
}
