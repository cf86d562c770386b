//! The `METADATA` constant of each entry and the `ENTRIES` registry.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs;
use crate::model::{Caller, Entry, EntryKind, Field, Method, Part, ServedBy, Spec, TypeExpr};
use crate::naming;

/// `pub const METADATA: Metadata = …;` for one entry.
pub(super) fn constant(spec: &Spec, entry: &Entry) -> TokenStream {
    let section = &entry.section;
    let title = &entry.title;
    let summary = &entry.summary;
    let group = &entry.group;
    let module = &entry.module;
    let kind = format_ident!(
        "{}",
        match entry.kind {
            EntryKind::Endpoint => "Endpoint",
            EntryKind::Callback => "Callback",
            EntryKind::Frontend => "Frontend",
        }
    );
    let served_by = format_ident!(
        "{}",
        match entry.served_by {
            ServedBy::Superapp => "Superapp",
            ServedBy::CallbackUrl => "CallbackUrl",
            ServedBy::MiniProgram => "MiniProgram",
        }
    );
    let caller = format_ident!(
        "{}",
        match entry.caller {
            Caller::Sas => "Sas",
            Caller::Merchant => "Merchant",
            Caller::Superapp => "Superapp",
            Caller::MerchantBackend => "MerchantBackend",
        }
    );
    let auth = format_ident!("{}", naming::pascal_case(&entry.auth));
    let method = match entry.method {
        Some(method) => {
            let method = method_tokens(method);
            quote! { ::std::option::Option::Some(#method) }
        }
        None => quote! { ::std::option::Option::None },
    };
    let path = option_str(entry.path.as_deref());
    let sign_prefix = option_str(entry.sign_prefix.as_deref());
    let triggers = option_str(entry.triggers.as_deref());
    let callback_of = option_str(entry.callback_of.as_deref());
    let [headers, path_params, query, body, params] =
        Part::ALL.map(|part| field_metas(entry.fields(part), part));
    let _ = spec;
    quote! {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: #section,
            title: #title,
            summary: #summary,
            group: #group,
            module: #module,
            kind: ::sas_core::endpoint::EntryKind::#kind,
            method: #method,
            path: #path,
            served_by: ::sas_core::endpoint::ServedBy::#served_by,
            caller: ::sas_core::endpoint::Caller::#caller,
            auth: ::sas_core::endpoint::AuthKind::#auth,
            sign_prefix: #sign_prefix,
            triggers: #triggers,
            callback_of: #callback_of,
            headers: #headers,
            path_params: #path_params,
            query: #query,
            body: #body,
            params: #params,
        };
    }
}

/// `::sas_core::__private::http::Method::POST` and the like.
pub(super) fn method_tokens(method: Method) -> TokenStream {
    let name = format_ident!("{}", method.as_str());
    quote! { ::sas_core::__private::http::Method::#name }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => quote! { ::std::option::Option::Some(#value) },
        None => quote! { ::std::option::Option::None },
    }
}

fn field_metas(fields: &[Field], part: Part) -> TokenStream {
    let metas = fields.iter().filter(|field| field.ty != TypeExpr::Function).map(|field| {
        let name = &field.name;
        let outside_struct = field.set_by_auth && !matches!(part, Part::Body | Part::Param);
        let rust_name = if outside_struct {
            String::new()
        } else {
            naming::field_name(field, Some(part)).trim_start_matches("r#").to_owned()
        };
        let required = field.required;
        let set_by_auth = field.set_by_auth;
        let aliases = &field.aliases;
        let secret = field.secret;
        let encrypted = field.encrypted;
        quote! {
            ::sas_core::endpoint::FieldMeta {
                name: #name,
                rust_name: #rust_name,
                required: #required,
                set_by_auth: #set_by_auth,
                aliases: &[#(#aliases),*],
                secret: #secret,
                encrypted: #encrypted,
            }
        }
    });
    quote! { &[#(#metas),*] }
}

/// `pub static ENTRIES: &[&Metadata]`, every entry in spec order.
pub(super) fn registry(spec: &Spec) -> TokenStream {
    let items = spec.entries.iter().map(|entry| {
        let group = format_ident!("{}", entry.group);
        let module = format_ident!("{}", entry.module);
        quote! { &#group::#module::METADATA }
    });
    let count = spec.entries.len();
    let doc = docs::doc_attrs(&format!(
        " Every entry of the spec ({count}): the endpoints, callbacks and front-end parameter \
         sets, grouped as the API List groups them.\n\n \
         [`endpoints`], [`callbacks`] and [`frontend_sets`] give one kind each."
    ));
    let entries = spec.entries.iter().map(|entry| {
        let kind = format_ident!("{}", entry.kind.as_str());
        let group = format_ident!("{}", entry.group);
        let module = format_ident!("{}", entry.module);
        quote! { #kind #group #module; }
    });
    quote! {
        #doc
        pub static ENTRIES: &[&::sas_core::endpoint::Metadata] = &[#(#items),*];

        /// Calls `$callback! { kind group module; … }` with every entry of the spec, in the
        /// order of `ENTRIES` (`kind` is `endpoint`, `callback` or `frontend`): typed code over
        /// every entry, so a new entry is covered without new code.
        #[macro_export]
        macro_rules! for_each_entry {
            ($callback:ident) => {
                $callback! { #(#entries)* }
            };
        }
    }
}
