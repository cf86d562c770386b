//! The proc macro behind `sas_core::api`: it loads the spec, reports every spec problem at the
//! macro call, and emits the code of `sas_spec::codegen`.
//!
//! ⚠ If this is the only documentation you see, read the docs of `sas_core::api` instead: the
//! macro is used there, and its output is documented there.

#![cfg_attr(docsrs, feature(doc_cfg))]

use std::path::{Component, Path, PathBuf};

use proc_macro::TokenStream;
use quote::quote;
use syn::{LitStr, parse_macro_input};

/// Generates the API types from the spec folder at the given path, relative to the file that
/// calls the macro (like `include_str!`).
///
/// ```text
/// sas_derive::api!("../spec");
/// ```
#[proc_macro]
pub fn api(input: TokenStream) -> TokenStream {
    let path = parse_macro_input!(input as LitStr);
    expand(&path).unwrap_or_else(syn::Error::into_compile_error).into()
}

fn expand(path: &LitStr) -> syn::Result<proc_macro2::TokenStream> {
    let written = PathBuf::from(path.value());
    let dir = caller_dir().join(&written);
    let shown = shown_path(&dir, &written);
    let spec = sas_spec::load_as(&dir, &shown).map_err(|diagnostics| {
        let mut errors = diagnostics.iter().map(|d| syn::Error::new(path.span(), d.to_string()));
        let first = errors.next().unwrap_or_else(|| syn::Error::new(path.span(), "invalid spec"));
        errors.fold(first, |mut all, next| {
            all.combine(next);
            all
        })
    })?;
    let code = sas_spec::codegen::expand(&spec);
    let tracked = spec.files.iter().map(|file| {
        let file = file.to_string_lossy();
        quote! { const _: &str = include_str!(#file); }
    });
    Ok(quote! {
        #code
        #(#tracked)*
    })
}

/// The folder of the file that calls the macro, or the calling crate's root when the compiler
/// cannot tell (some IDEs).
fn caller_dir() -> PathBuf {
    let file = proc_macro::Span::call_site().local_file();
    match file.as_deref().and_then(Path::parent) {
        Some(dir) if dir.is_absolute() => dir.to_path_buf(),
        Some(dir) => std::env::current_dir().map(|cwd| cwd.join(dir)).unwrap_or_default(),
        None => std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_default(),
    }
}

/// How spec files are named in messages: relative to the compiler's working folder (the
/// workspace root under cargo) when the spec lies below it, else as written in the macro call.
fn shown_path(dir: &Path, written: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok().and_then(|cwd| cwd.canonicalize().ok());
    let canonical = dir.canonicalize().ok();
    match (cwd, canonical) {
        (Some(cwd), Some(dir)) => match dir.strip_prefix(&cwd) {
            Ok(relative) => relative.to_path_buf(),
            Err(_) => normalize(written),
        },
        _ => normalize(written),
    }
}

/// Drops `.` components, keeping the path otherwise as written.
fn normalize(path: &Path) -> PathBuf {
    path.components().filter(|c| !matches!(c, Component::CurDir)).collect()
}
