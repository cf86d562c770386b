//! The enumerations of fields with `values`: one variant per value and a hidden catch-all that
//! keeps any other value exactly as received, so a new vendor value never loses a message.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use crate::model::{Field, Part};
use crate::naming;

/// The enums of a module's enumerated fields, each generated once.
pub(super) fn module_enums(fields: &[(&Field, Option<Part>)]) -> TokenStream {
    let mut done: Vec<String> = Vec::new();
    let mut out = TokenStream::new();
    for (field, part) in fields {
        let name = naming::enum_name(field, *part);
        if done.contains(&name) {
            continue;
        }
        out.extend(enum_def(&name, field));
        done.push(name);
    }
    out
}

/// `pub enum <Name> { … }` with its conversions, `Display`, serde and a derived `Default` (when
/// the spec gives one).
fn enum_def(name: &str, field: &Field) -> TokenStream {
    let ident = format_ident!("{}", name);
    let variants: Vec<_> =
        naming::variant_names(field).iter().map(|v| format_ident!("{}", v)).collect();
    let values = &field.values;
    let listed: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    let doc = doc_attrs(&format!(
        " The values of `{}`: {}.\n\n \
         A value the spec does not list is kept, exactly as received, in a hidden catch-all \
         variant: nothing is lost, [`{name}::as_str`] gives it back and [`{name}::is_known`] \
         tells it apart. Values match exactly (they are signed as sent), so another spelling \
         is such an unknown value. A server validating a request refuses unknown values.",
        field.name,
        listed.join(", ")
    ));
    let variant_docs = values.iter().map(|value| format!(" `{value}`."));
    let default = field.default.as_ref().and_then(|d| values.iter().position(|value| value == d));
    let derive_default = default.map(|_| quote! { ::std::default::Default, });
    let variant_attrs = (0..values.len()).map(|index| {
        if default == Some(index) {
            quote! { #[default] }
        } else {
            quote! {}
        }
    });
    quote! {
        #doc
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            #derive_default
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum #ident {
            #(
                #[doc = #variant_docs]
                #variant_attrs
                #variants,
            )*
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }

        impl #ident {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #values,)*
                    Self::_Custom(value) => value.as_str(),
                }
            }

            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }

        impl ::std::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#variants,)*
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #ident {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::sas_core::__private::serde::Serialize for #ident {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
}
