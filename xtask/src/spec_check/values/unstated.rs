//! What the spec gives a field that no vendor text states (a constraint, a default, a unit),
//! and spellings: a vendor spelling the spec does not accept, an alias no text uses.

use std::collections::BTreeSet;

use sas_spec::{ErratumKind, Format};

use super::{NONE, Paired, ValueCheck, bound, list};
use crate::spec_check::report::{Attr, VendorLoc};
use crate::spec_check::rules::{Chars, Rule};
use crate::spec_check::vendor::Source;

impl<'a> ValueCheck<'a, '_> {
    /// Constraints the spec gives a field that no text states for it.
    pub(super) fn unstated(&mut self, at: &str, pairs: &[&Paired<'a>], primary: Source) {
        let Some(first) = pairs.first() else { return };
        let side = &first.spec;
        let loc = side.loc;
        self.compared(loc, Attr::Rules);
        let shown = pairs.iter().find(|p| p.source == primary).unwrap_or(first);
        let vendor_loc = Some(VendorLoc { file: shown.file.clone(), line: shown.line });
        let rules: Vec<&Rule> =
            pairs.iter().flat_map(|p| p.rules.found.iter().map(|f| &f.rule)).collect();
        let any = |test: &dyn Fn(&Rule) -> bool| rules.iter().any(|rule| test(rule));
        let field = side.field;
        let values: &[String] = match (field, side.data_values) {
            (Some(field), _) => &field.values,
            (None, Some(values)) => values,
            (None, None) => &[],
        };
        let mut unstated: Vec<(ErratumKind, String)> = Vec::new();
        if let Some(field) = field {
            if field.min_len.is_some() && !any(&|r| matches!(r, Rule::Length { min: Some(_), .. }))
            {
                unstated.push((ErratumKind::Length, bound("min", field.min_len)));
            }
            if field.max_len.is_some() && !any(&|r| matches!(r, Rule::Length { max: Some(_), .. }))
            {
                unstated.push((ErratumKind::Length, bound("max", field.max_len)));
            }
            if let Some(charset) = &field.charset
                && !any(&|r| matches!(r, Rule::Charset(_)))
            {
                unstated.push((ErratumKind::Charset, Chars::of_spec(charset).to_string()));
            }
            if let Some(default) = &field.default {
                let stated = any(&|r| match r {
                    Rule::Default(value) | Rule::Fixed(value) => value == default,
                    Rule::Values(values) => values.len() == 1 && values[0] == *default,
                    _ => false,
                });
                if !stated {
                    unstated.push((ErratumKind::Default, default.clone()));
                }
            }
            if let Some(unit) = field.unit
                && !any(&|r| matches!(r, Rule::Unit(_)))
            {
                unstated.push((ErratumKind::Unit, unit.as_str().to_owned()));
            }
            if let Some(format) = field.format {
                let stated = if format == Format::Int {
                    // A string of cents: the type cell says string and the text gives a unit.
                    any(&|r| matches!(r, Rule::Unit(_)))
                        && pairs.iter().any(|p| p.vendor_type.as_deref() == Some("string"))
                } else {
                    any(&|r| matches!(r, Rule::Format(Some(_))))
                };
                if !stated {
                    unstated.push((ErratumKind::Format, format.as_str().to_owned()));
                }
            }
        }
        // `0 indicates success` of `returnCode` states the envelope's success code, not values.
        let envelope_code = at == "response.returnCode";
        let states_values = |r: &Rule| {
            matches!(r, Rule::Values(_) | Rule::Fixed(_))
                || (matches!(r, Rule::Success(_)) && !envelope_code)
        };
        if !values.is_empty() && !any(&states_values) {
            unstated.push((ErratumKind::Values, list(values)));
        }
        for (kind, spec) in unstated {
            let message = format!(
                "the spec gives `{}` the {} {spec}; no vendor text states it",
                side.name,
                kind.as_str()
            );
            self.push(primary, kind, at, NONE.to_owned(), spec, message, vendor_loc.clone(), loc);
        }
    }

    /// Spellings: each vendor spelling of the field is its name or an alias, and each alias is
    /// a spelling some vendor text uses.
    pub(super) fn aliases(
        &mut self,
        pairs: &[&Paired<'a>],
        spellings: &BTreeSet<String>,
        primary: Source,
    ) {
        let Some(first) = pairs.first() else { return };
        let side = &first.spec;
        self.compared(side.loc, Attr::Alias);
        let aliases: &[String] = side.field.map_or(&[], |f| &f.aliases);
        let same = |a: &str, b: &str| if side.headers { a.eq_ignore_ascii_case(b) } else { a == b };
        let mut reported = BTreeSet::new();
        for paired in pairs {
            let name = paired.vendor_name.as_str();
            let wire_like = crate::spec_check::vendor::is_name_like(name);
            if !wire_like || same(name, side.name) {
                continue;
            }
            if aliases.iter().any(|a| same(a, name)) {
                self.compared(side.loc, Attr::Spelling);
                continue;
            }
            if !reported.insert(name.to_owned()) {
                continue;
            }
            let message = format!(
                "the {} spells `{}` as `{name}`, which the spec does not accept (add it to `aliases`)",
                paired.source, side.name
            );
            let vendor_loc = Some(VendorLoc { file: paired.file.clone(), line: paired.line });
            self.push(
                paired.source,
                ErratumKind::Alias,
                &side.at,
                name.to_owned(),
                list(aliases),
                message,
                vendor_loc,
                side.loc,
            );
        }
        let shown = pairs.iter().find(|p| p.source == primary).unwrap_or(first);
        let row = Some(VendorLoc { file: shown.file.clone(), line: shown.line });
        for alias in aliases {
            let used = spellings.contains(alias)
                || (side.headers && spellings.contains(&alias.to_ascii_lowercase()));
            if !used {
                let message = format!(
                    "the alias `{alias}` of `{}` is a spelling no vendor text uses",
                    side.name
                );
                self.push(
                    primary,
                    ErratumKind::Alias,
                    &side.at,
                    NONE.to_owned(),
                    alias.clone(),
                    message,
                    row.clone(),
                    side.loc,
                );
            }
        }
    }
}
