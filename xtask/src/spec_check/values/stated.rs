//! The rules a vendor row states, each against the spec field it is paired with, and a
//! signature formula against the entry's `sign_prefix` and auth scheme.

use std::path::Path;

use sas_spec::{ErratumKind, Format, TypeExpr, Unit};

use super::{NONE, Paired, ValueCheck, bound, format_name, list, same_values};
use crate::spec_check::report::{Attr, VendorLoc};
use crate::spec_check::rules::{Chars, Found, Prefix, Rule};
use crate::spec_check::vendor::Source;

impl<'a> ValueCheck<'a, '_> {
    /// One rule of a paired row against its spec field.
    pub(super) fn rule(&mut self, paired: &Paired<'a>, found: &Found) {
        let side = &paired.spec;
        let loc = side.loc;
        let at = side.at.as_str();
        let vendor_loc = Some(VendorLoc { file: paired.file.clone(), line: found.line });
        let field = side.field;
        let values: &[String] = match (field, side.data_values) {
            (Some(field), _) => &field.values,
            (None, Some(values)) => values,
            (None, None) => &[],
        };
        let default = field.and_then(|f| f.default.as_deref());
        let spec_values = || match (values.is_empty(), default) {
            (true, Some(default)) => format!("default {default}"),
            _ => list(values),
        };
        let source = paired.source;
        let sentence = found.text.replace('\n', " ");
        let says = |what: &str| format!("`{sentence}` states {what} for `{}`", side.name);
        match &found.rule {
            Rule::Length { min, max } => {
                self.compared(loc, Attr::Length);
                let spec_min = field.and_then(|f| f.min_len);
                let spec_max = field.and_then(|f| f.max_len);
                if min.is_some() && *min != spec_min {
                    let message = format!(
                        "{}; the spec {}",
                        says(&bound("min", *min)),
                        bound("min", spec_min)
                    );
                    self.push(
                        source,
                        ErratumKind::Length,
                        at,
                        bound("min", *min),
                        bound("min", spec_min),
                        message,
                        vendor_loc.clone(),
                        loc,
                    );
                }
                if max.is_some() && *max != spec_max {
                    let message = format!(
                        "{}; the spec {}",
                        says(&bound("max", *max)),
                        bound("max", spec_max)
                    );
                    self.push(
                        source,
                        ErratumKind::Length,
                        at,
                        bound("max", *max),
                        bound("max", spec_max),
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Charset(chars) => {
                self.compared(loc, Attr::Charset);
                let spec = field.and_then(|f| f.charset.as_ref()).map(Chars::of_spec);
                if spec.as_ref() != Some(chars) {
                    let spec = spec.map_or_else(|| NONE.to_owned(), |c| c.to_string());
                    let message = format!(
                        "{}; the spec `{spec}`",
                        says(&format!("the characters `{chars}`"))
                    );
                    self.push(
                        source,
                        ErratumKind::Charset,
                        at,
                        chars.to_string(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Values(vendor) => {
                self.compared(loc, Attr::Values);
                if !same_values(vendor, values) {
                    let message = format!(
                        "{}; the spec {}",
                        says(&format!("the values {}", list(vendor))),
                        list(values)
                    );
                    self.push(
                        source,
                        ErratumKind::Values,
                        at,
                        list(vendor),
                        list(values),
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Fixed(value) => {
                self.compared(loc, Attr::Values);
                let agrees = match values {
                    [only] => only == value && default.is_none_or(|d| d == value),
                    _ => false,
                };
                if !agrees {
                    let message = format!(
                        "{}; the spec {}",
                        says(&format!("the fixed value {value}")),
                        spec_values()
                    );
                    self.push(
                        source,
                        ErratumKind::Values,
                        at,
                        value.clone(),
                        spec_values(),
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Success(value) => {
                self.compared(loc, Attr::Values);
                let (agrees, spec) = if at == "response.returnCode" {
                    let code = &self.spec.envelope.success_code;
                    (code == value, code.clone())
                } else {
                    (values.len() == 1 && values[0] == *value, list(values))
                };
                if !agrees {
                    let message =
                        format!("{}; the spec {spec}", says(&format!("success as {value}")));
                    self.push(
                        source,
                        ErratumKind::Values,
                        at,
                        value.clone(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Default(value) => {
                self.compared(loc, Attr::Default);
                if default != Some(value.as_str()) {
                    let spec = default.unwrap_or(NONE).to_owned();
                    let message =
                        format!("{}; the spec {spec}", says(&format!("the default {value}")));
                    self.push(
                        source,
                        ErratumKind::Default,
                        at,
                        value.clone(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Unit(unit) => {
                self.compared(loc, Attr::Unit);
                // Cents in a string (the type cell says string): a decimal integer in a string.
                // (Timestamps in strings stay strings: signatures cover them as sent.)
                let string_typed = paired.vendor_type.as_deref() == Some("string")
                    && matches!(side.ty, TypeExpr::String)
                    && *unit == Unit::Cent;
                let spec_format = field.and_then(|f| f.format);
                if string_typed && spec_format != Some(Format::Int) {
                    self.compared(loc, Attr::Format);
                    let spec = spec_format.map_or(NONE, Format::as_str).to_owned();
                    let message = format!(
                        "{}, in a string: a decimal integer; the spec's format is {spec}",
                        says(&format!("the unit {}", unit.as_str()))
                    );
                    let (kind, vendor) = (ErratumKind::Format, "int".to_owned());
                    self.push(source, kind, at, vendor, spec, message, vendor_loc.clone(), loc);
                } else if string_typed {
                    self.compared(loc, Attr::Format);
                }
                let spec = field.and_then(|f| f.unit);
                if spec != Some(*unit) {
                    let spec = spec.map_or(NONE, |u| u.as_str()).to_owned();
                    let message = format!(
                        "{}; the spec {spec}",
                        says(&format!("the unit {}", unit.as_str()))
                    );
                    self.push(
                        source,
                        ErratumKind::Unit,
                        at,
                        unit.as_str().to_owned(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Format(format) => {
                self.compared(loc, Attr::Format);
                let (agrees, spec) = match format {
                    None => (matches!(side.ty, TypeExpr::Json(_)), side.ty.to_string()),
                    Some(_) => {
                        let spec = field.and_then(|f| f.format);
                        (spec == *format, spec.map_or(NONE, Format::as_str).to_owned())
                    }
                };
                if !agrees {
                    let name = format_name(*format);
                    let message =
                        format!("{}; the spec {spec}", says(&format!("the format {name}")));
                    self.push(
                        source,
                        ErratumKind::Format,
                        at,
                        name.to_owned(),
                        spec,
                        message,
                        vendor_loc,
                        loc,
                    );
                }
            }
            Rule::Signature => {
                self.compared(&self.entry.loc, Attr::Auth);
                let scheme = self.spec.auth_scheme(&self.entry.auth);
                // At the top level the scheme must own the name; inside a document, the field
                // is the scheme's when it is set by it.
                let owned = match side.part {
                    Some(part) => scheme.is_some_and(|scheme| scheme.owns(part, side.name)),
                    None => field.is_some_and(|f| f.set_by_auth),
                };
                if !owned {
                    let message = format!(
                        "`{}` calls `{}` a signature; the auth scheme `{}` does not own it",
                        found.text, side.name, self.entry.auth
                    );
                    self.push(
                        source,
                        ErratumKind::Auth,
                        at,
                        "signature".to_owned(),
                        self.entry.auth.clone(),
                        message,
                        vendor_loc,
                        self.entry.key_loc("auth"),
                    );
                }
            }
            Rule::Formula { prefix, hmac } => {
                self.formula(source, &paired.file, found, prefix, *hmac)
            }
            Rule::CallbackOf(_) => {}
        }
    }

    /// A signature formula against `sign_prefix` and the auth scheme.
    fn formula(&mut self, source: Source, file: &Path, found: &Found, prefix: &Prefix, hmac: bool) {
        let entry = self.entry;
        self.compared(&entry.loc, Attr::SignPrefix);
        self.compared(&entry.loc, Attr::Auth);
        let vendor_loc = Some(VendorLoc { file: file.to_path_buf(), line: found.line });
        let expected = match prefix {
            Prefix::Literal(literal) => literal.clone(),
            Prefix::Name(name) if matches!(name.as_str(), "uri" | "url" | "path") => {
                entry.path.clone().unwrap_or_else(|| name.clone())
            }
            Prefix::Name(name) => format!("{{{name}}}"),
        };
        let spec = entry.sign_prefix.clone().unwrap_or_else(|| NONE.to_owned());
        if spec != expected {
            let message =
                format!("`{}` signs `{expected}&…`; the spec's sign_prefix is {spec}", found.text);
            self.push(
                source,
                ErratumKind::SignPrefix,
                "sign_prefix",
                expected,
                spec,
                message,
                vendor_loc.clone(),
                entry.key_loc("sign_prefix"),
            );
        }
        let needs_prefix = self.spec.auth_scheme(&entry.auth).is_some_and(|s| s.needs_prefix);
        if hmac && !needs_prefix {
            let message = format!(
                "`{}` is an HMAC over `prefix&data`; the auth scheme `{}` is not",
                found.text, entry.auth
            );
            self.push(
                source,
                ErratumKind::Auth,
                "auth",
                "hmac".to_owned(),
                entry.auth.clone(),
                message,
                vendor_loc,
                entry.key_loc("auth"),
            );
        }
    }
}
