//! The generated structs: object types, `Request`, `Response` and front-end `Params`, each with
//! `new(required…)` (or a `…Init` struct naming more than three required fields) and a `Debug`
//! that redacts secrets.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{self, doc_attrs};
use super::example::{data_value, example_impl};
use super::rust_type::{
    field_ident, field_type, new_param_converts, new_param_type, serde_attrs, type_tokens,
};
use super::validate::validate_impl;
use crate::model::{Entry, Field, ObjectType, Part, Spec, TypeExpr};

/// A field of a generated struct, with where it travels.
struct Member<'a> {
    field: &'a Field,
    part: Option<Part>,
}

impl Member<'_> {
    /// Whether serde skips it (header, path and query values travel outside the body).
    fn outside_body(&self) -> bool {
        matches!(self.part, Some(Part::Header | Part::Path | Part::Query))
    }

    /// Whether `new()` takes it as a parameter.
    fn in_new(&self) -> bool {
        self.field.required && self.field.default.is_none() && !self.field.set_by_auth
    }
}

/// The struct attributes every generated message and object type carries.
fn serde_struct_attrs() -> TokenStream {
    quote! {
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
    }
}

/// A struct with its constructor, `Debug`, `Validate` and `Example`.
fn message_struct(
    name: &str,
    doc: &str,
    members: &[Member<'_>],
    one_of: &[Vec<String>],
) -> TokenStream {
    let ident = format_ident!("{}", name);
    let attrs = serde_struct_attrs();
    let fields = members.iter().map(|member| {
        let ident = field_ident(member.field, member.part);
        let ty = field_type(member.field, member.part);
        let doc = doc_attrs(&docs::field_doc(member.field, member.part));
        let serde = if member.outside_body() {
            quote! { #[serde(skip)] }
        } else {
            serde_attrs(member.field, &ident)
        };
        quote! {
            #doc
            #serde
            pub #ident: #ty,
        }
    });
    let required = members.iter().filter(|member| member.in_new()).count();
    let how = if required > MAX_NEW_PARAMS {
        format!("\n\n Build it from [`{name}Init`], which names its required fields.")
    } else if required == 0 {
        format!("\n\n Build it with `{name}::new()` (or `Default`) and set the fields you need.")
    } else {
        format!("\n\n Build it with [`{name}::new`] and set the optional fields after.")
    };
    let doc = doc_attrs(&format!("{doc}{how}"));
    let constructor = constructor(name, members);
    let debug = debug_impl(name, members);
    let pairs: Vec<_> = members.iter().map(|member| (member.field, member.part)).collect();
    let validate = validate_impl(name, &pairs, one_of);
    let example = example_impl(name, &pairs);
    quote! {
        #doc
        #attrs
        pub struct #ident {
            #(#fields)*
        }
        #constructor
        #debug
        #validate
        #example
    }
}

/// The most required fields `new()` takes as positional arguments; a struct with more is built
/// from its `…Init` struct, whose fields are named, so two values of one type cannot be swapped.
const MAX_NEW_PARAMS: usize = 3;

/// The value a member starts with when the caller does not give it.
fn starting_value(member: &Member<'_>) -> TokenStream {
    if member.field.default.is_some() && member.field.is_enum() {
        if member.field.required {
            quote! { ::std::default::Default::default() }
        } else {
            quote! { ::std::option::Option::Some(::std::default::Default::default()) }
        }
    } else if let Some(default) = &member.field.default {
        if member.field.required {
            quote! { ::std::string::String::from(#default) }
        } else {
            quote! { ::std::option::Option::Some(::std::string::String::from(#default)) }
        }
    } else if member.field.required {
        quote! { ::std::string::String::new() }
    } else {
        quote! { ::std::option::Option::None }
    }
}

/// `ident` when the value is the parameter of the same name, else `ident: value`.
fn init_field(ident: &Ident, value: Option<TokenStream>) -> TokenStream {
    match value {
        None => quote! { #ident },
        Some(value) => quote! { #ident: #value },
    }
}

/// `new(required…)` for up to [`MAX_NEW_PARAMS`] required fields, else the `…Init` struct and
/// its `From`.
fn constructor(name: &str, members: &[Member<'_>]) -> TokenStream {
    let required = members.iter().filter(|member| member.in_new()).count();
    if required > MAX_NEW_PARAMS {
        return init_struct(name, members);
    }
    let ident = format_ident!("{}", name);
    let params = members.iter().filter(|m| m.in_new()).map(|member| {
        let ident = field_ident(member.field, member.part);
        let ty = new_param_type(member.field, member.part);
        quote! { #ident: #ty }
    });
    let inits = members.iter().map(|member| {
        let ident = field_ident(member.field, member.part);
        let value = if member.in_new() {
            new_param_converts(member.field).then(|| quote! { #ident.into() })
        } else {
            Some(starting_value(member))
        };
        init_field(&ident, value)
    });
    let (doc, default) = if required == 0 {
        let doc = format!(" Builds the `{name}` with every field empty or at its spec default.");
        let default = quote! {
            impl ::std::default::Default for #ident {
                fn default() -> Self {
                    Self::new()
                }
            }
        };
        (doc, default)
    } else {
        let doc = format!(
            " Builds the `{name}` from its required fields; the others start empty or at their \
             spec default."
        );
        (doc, quote! {})
    };
    quote! {
        impl #ident {
            #[doc = #doc]
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits),* }
            }
        }
        #default
    }
}

/// `pub struct <Name>Init { required fields }` and `impl From<<Name>Init> for <Name>`: text
/// fields are borrowed (`&str`), everything else is taken by value.
fn init_struct(name: &str, members: &[Member<'_>]) -> TokenStream {
    let ident = format_ident!("{}", name);
    let init = format_ident!("{}Init", name);
    let borrows = members.iter().any(|member| member.in_new() && new_param_converts(member.field));
    let lifetime = if borrows {
        quote! { <'a> }
    } else {
        quote! {}
    };
    let any_lifetime = if borrows {
        quote! { <'_> }
    } else {
        quote! {}
    };
    let fields = members.iter().filter(|m| m.in_new()).map(|member| {
        let ident = field_ident(member.field, member.part);
        let ty = if new_param_converts(member.field) {
            quote! { &'a str }
        } else {
            field_type(member.field, member.part)
        };
        let doc = doc_attrs(&format!(" {}", member.field.doc));
        quote! {
            #doc
            pub #ident: #ty,
        }
    });
    let names = members.iter().filter(|m| m.in_new()).map(|member| {
        let ident = field_ident(member.field, member.part);
        quote! { #ident }
    });
    let inits = members.iter().map(|member| {
        let ident = field_ident(member.field, member.part);
        let value = if member.in_new() {
            new_param_converts(member.field).then(|| quote! { #ident.to_owned() })
        } else {
            Some(starting_value(member))
        };
        init_field(&ident, value)
    });
    let doc = doc_attrs(&format!(
        " The required fields of a [`{name}`], by name: `{name}::from({name}Init {{ … }})`.\n\n \
         The optional fields start empty and the defaulted ones at their default; set them on \
         the `{name}` afterwards."
    ));
    quote! {
        #doc
        pub struct #init #lifetime {
            #(#fields)*
        }

        impl ::std::convert::From<#init #any_lifetime> for #ident {
            fn from(init: #init #any_lifetime) -> Self {
                let #init { #(#names),* } = init;
                Self { #(#inits),* }
            }
        }
    }
}

/// `Debug` that prints `<redacted>` for secret fields.
fn debug_impl(name: &str, members: &[Member<'_>]) -> TokenStream {
    let ident = format_ident!("{}", name);
    let fields = members.iter().map(|member| {
        let ident = field_ident(member.field, member.part);
        let label = ident.to_string();
        let label = label.trim_start_matches("r#");
        if member.field.secret {
            quote! { .field(#label, &::sas_core::__private::Redacted) }
        } else {
            quote! { .field(#label, &self.#ident) }
        }
    });
    quote! {
        impl ::std::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name)
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// An object type of the spec.
pub(super) fn object_type(_spec: &Spec, _entry: Option<&Entry>, ty: &ObjectType) -> TokenStream {
    let members: Vec<Member<'_>> =
        ty.fields.iter().map(|field| Member { field, part: None }).collect();
    message_struct(&ty.name, &format!(" {}", ty.doc), &members, &ty.one_of)
}

/// The fields of the flat `Request`: headers, path, query and body, minus what the auth scheme
/// carries outside the body.
fn request_members(entry: &Entry) -> Vec<Member<'_>> {
    [Part::Header, Part::Path, Part::Query, Part::Body]
        .into_iter()
        .flat_map(|part| {
            entry.fields(part).iter().map(move |field| Member { field, part: Some(part) })
        })
        .filter(|member| !(member.outside_body() && member.field.set_by_auth))
        .collect()
}

/// The `Request` of an endpoint or callback.
pub(super) fn request(_spec: &Spec, entry: &Entry) -> TokenStream {
    let members = request_members(entry);
    let what = match entry.kind {
        crate::model::EntryKind::Callback => "The callback as the superapp delivers it",
        _ => "The request",
    };
    let doc = format!(
        " {what}: its header, path and query values and its JSON body.\n\n \
         Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other \
         parts."
    );
    message_struct("Request", &doc, &members, &entry.request.one_of)
}

/// The `Response`: the `data` of the envelope, serialised as that value alone.
pub(super) fn response(_spec: &Spec, entry: &Entry) -> TokenStream {
    let Some(response) = &entry.response else { return TokenStream::new() };
    let data = type_tokens(&response.data);
    let (data, with) = match response.data {
        TypeExpr::Int | TypeExpr::Int64 | TypeExpr::Number => (
            quote! { i64 },
            Some(quote! { #[serde(with = "::sas_core::__private::lenient::int")] }),
        ),
        _ => (data, None),
    };
    let mut data_doc = format!(" {}", response.doc);
    if !response.values.is_empty() {
        let values: Vec<String> = response.values.iter().map(|v| format!("`{v}`")).collect();
        data_doc.push_str(&format!("\n\n One of {}.", values.join(", ")));
    }
    let example = data_value(&response.data, &response.values);
    let validate = if matches!(response.data, TypeExpr::Object(Some(_))) {
        quote! {
            impl ::sas_core::validate::Validate for Response {
                fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                    validator.nested("data", &self.data);
                }
            }
        }
    } else {
        quote! {
            impl ::sas_core::validate::Validate for Response {
                fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
            }
        }
    };
    let data_doc = doc_attrs(&data_doc);
    let attrs = serde_struct_attrs();
    let debug_data = if response.secret {
        quote! { &::sas_core::__private::Redacted }
    } else {
        quote! { &self.data }
    };
    quote! {
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #attrs
        #[serde(transparent)]
        pub struct Response {
            #data_doc
            #with
            pub data: #data,
        }

        impl Response {
            /// A response carrying `data`.
            pub fn new(data: #data) -> Self {
                Self { data }
            }
        }

        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", #debug_data).finish()
            }
        }

        #validate

        impl ::sas_core::endpoint::ApiResponse for Response {}

        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self { data: #example }
            }
        }
    }
}

/// The `Params` object of a front-end set, with its `FrontendParams` impl.
pub(super) fn frontend_params(_spec: &Spec, entry: &Entry) -> TokenStream {
    let members: Vec<Member<'_>> = entry
        .params
        .iter()
        .filter(|field| field.ty != TypeExpr::Function)
        .map(|field| Member { field, part: Some(Part::Param) })
        .collect();
    let doc = format!(
        " The object the merchant backend hands its front end for `{}`; JS callbacks \
         (`success`, `fail`, `complete`) are the front end's own.",
        entry.section
    );
    let params = message_struct("Params", &doc, &members, &[]);
    let fields: Vec<&Field> = members.iter().map(|member| member.field).collect();
    let text_fields = super::parts::text_fields_impl("Params", &fields, Part::Param);
    quote! {
        #params
        #text_fields
        impl ::sas_core::endpoint::FrontendParams for Params {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
        }
    }
}
