//! A reader over one parsed TOML table that records every problem instead of stopping at the
//! first: wrong value types, missing keys and unknown keys all become diagnostics.

use std::cell::RefCell;
use std::collections::BTreeSet;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Sink, SourceMap};
use crate::model::Loc;

/// What every reader of one file shares.
#[derive(Debug)]
pub(crate) struct FileCtx<'a> {
    pub(crate) map: SourceMap<'a>,
    pub(crate) sink: &'a Sink,
    /// Set when the TOML did not parse: missing keys are then a symptom, not news.
    pub(crate) syntax_broken: std::cell::Cell<bool>,
}

impl FileCtx<'_> {
    pub(crate) fn loc(&self, span: &std::ops::Range<usize>) -> Loc {
        self.map.loc(span.start)
    }

    pub(crate) fn error(&self, span: &std::ops::Range<usize>, message: impl Into<String>) {
        self.sink.error(self.loc(span), message);
    }
}

/// A string read from the spec, with where it stands.
#[derive(Clone, Debug)]
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) loc: Loc,
}

/// Reads the keys of one table; [`TableReader::finish`] reports the keys nobody asked for.
pub(crate) struct TableReader<'a, 'i> {
    ctx: &'a FileCtx<'a>,
    table: &'a DeTable<'i>,
    span: std::ops::Range<usize>,
    /// What the table is called in messages (`[request]`, `field`, …).
    what: &'a str,
    used: RefCell<BTreeSet<String>>,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub(crate) fn new(
        ctx: &'a FileCtx<'a>,
        table: &'a DeTable<'i>,
        span: std::ops::Range<usize>,
        what: &'a str,
    ) -> Self {
        Self { ctx, table, span, what, used: RefCell::new(BTreeSet::new()) }
    }

    /// Where the table starts.
    pub(crate) fn loc(&self) -> Loc {
        self.ctx.loc(&self.span)
    }

    pub(crate) fn ctx(&self) -> &'a FileCtx<'a> {
        self.ctx
    }

    fn raw(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.used.borrow_mut().insert(key.to_owned());
        self.table.get(key)
    }

    /// Where the value of `key` stands, if present.
    pub(crate) fn value_loc(&self, key: &str) -> Option<Loc> {
        self.table.get(key).map(|value| self.ctx.loc(&value.span()))
    }

    fn wrong_type(&self, key: &str, value: &Spanned<DeValue<'i>>, expected: &str) {
        self.ctx.error(
            &value.span(),
            format!("`{key}` must be {expected}, found {}", value.get_ref().type_str()),
        );
    }

    fn missing(&self, key: &str) {
        if self.ctx.syntax_broken.get() {
            return;
        }
        self.ctx.error(&self.span, format!("{} is missing the key `{key}`", self.what));
    }

    /// An optional string.
    pub(crate) fn string(&self, key: &str) -> Option<Located<String>> {
        let value = self.raw(key)?;
        match value.get_ref().as_str() {
            Some(s) => Some(Located { value: s.to_owned(), loc: self.ctx.loc(&value.span()) }),
            None => {
                self.wrong_type(key, value, "a string");
                None
            }
        }
    }

    /// A required string; a missing one is reported and read as empty.
    pub(crate) fn required_string(&self, key: &str) -> Located<String> {
        if self.table.get(key).is_none() {
            self.raw(key);
            self.missing(key);
        }
        self.string(key).unwrap_or_else(|| Located { value: String::new(), loc: self.loc() })
    }

    /// An optional boolean.
    pub(crate) fn bool(&self, key: &str) -> Option<bool> {
        let value = self.raw(key)?;
        let found = value.get_ref().as_bool();
        if found.is_none() {
            self.wrong_type(key, value, "true or false");
        }
        found
    }

    /// A required boolean; a missing one is reported and read as false.
    pub(crate) fn required_bool(&self, key: &str) -> bool {
        if self.table.get(key).is_none() {
            self.raw(key);
            self.missing(key);
        }
        self.bool(key).unwrap_or(false)
    }

    /// An optional non-negative integer that fits in `u32`.
    pub(crate) fn u32(&self, key: &str) -> Option<u32> {
        let value = self.raw(key)?;
        let parsed = value.get_ref().as_integer().and_then(|int| {
            let digits: String = int.as_str().chars().filter(|c| *c != '_').collect();
            u32::from_str_radix(&digits, int.radix()).ok()
        });
        if parsed.is_none() {
            self.wrong_type(key, value, "a non-negative integer");
        }
        parsed
    }

    /// An optional array of strings (absent reads as empty).
    pub(crate) fn strings(&self, key: &str) -> Vec<Located<String>> {
        let Some(value) = self.raw(key) else { return Vec::new() };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "an array of strings");
            return Vec::new();
        };
        array
            .iter()
            .filter_map(|item| match item.get_ref().as_str() {
                Some(s) => Some(Located { value: s.to_owned(), loc: self.ctx.loc(&item.span()) }),
                None => {
                    self.wrong_type(key, item, "a string");
                    None
                }
            })
            .collect()
    }

    /// An optional array of arrays of strings (`one_of`).
    pub(crate) fn string_groups(&self, key: &str) -> Vec<Vec<Located<String>>> {
        let Some(value) = self.raw(key) else { return Vec::new() };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "an array of arrays of strings");
            return Vec::new();
        };
        array
            .iter()
            .filter_map(|group| {
                let Some(items) = group.get_ref().as_array() else {
                    self.wrong_type(key, group, "an array of strings");
                    return None;
                };
                Some(
                    items
                        .iter()
                        .filter_map(|item| match item.get_ref().as_str() {
                            Some(s) => Some(Located {
                                value: s.to_owned(),
                                loc: self.ctx.loc(&item.span()),
                            }),
                            None => {
                                self.wrong_type(key, item, "a string");
                                None
                            }
                        })
                        .collect(),
                )
            })
            .collect()
    }

    /// An optional sub-table.
    pub(crate) fn table(&self, key: &str, what: &'a str) -> Option<TableReader<'a, 'i>> {
        let value = self.raw(key)?;
        match value.get_ref().as_table() {
            Some(table) => Some(TableReader::new(self.ctx, table, value.span(), what)),
            None => {
                self.wrong_type(key, value, "a table");
                None
            }
        }
    }

    /// An optional array of tables (absent reads as empty).
    pub(crate) fn tables(&self, key: &str, what: &'a str) -> Vec<TableReader<'a, 'i>> {
        let Some(value) = self.raw(key) else { return Vec::new() };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "an array of tables");
            return Vec::new();
        };
        array
            .iter()
            .filter_map(|item| match item.get_ref().as_table() {
                Some(table) => Some(TableReader::new(self.ctx, table, item.span(), what)),
                None => {
                    self.wrong_type(key, item, "a table");
                    None
                }
            })
            .collect()
    }

    /// The entries of a table whose keys are names (`[auth.<name>]`, `[types.<Name>]`), in file
    /// order.
    pub(crate) fn named_tables(
        &self,
        key: &str,
        what: &'a str,
    ) -> Vec<(Located<String>, TableReader<'a, 'i>)> {
        let Some(value) = self.raw(key) else { return Vec::new() };
        let Some(table) = value.get_ref().as_table() else {
            self.wrong_type(key, value, "a table");
            return Vec::new();
        };
        let mut named: Vec<_> = table
            .iter()
            .filter_map(|(name, item)| match item.get_ref().as_table() {
                Some(inner) => Some((
                    Located { value: name.get_ref().to_string(), loc: self.ctx.loc(&name.span()) },
                    TableReader::new(self.ctx, inner, item.span(), what),
                )),
                None => {
                    self.wrong_type(name.get_ref(), item, "a table");
                    None
                }
            })
            .collect();
        named.sort_by(|a, b| a.0.loc.cmp(&b.0.loc));
        named
    }

    /// Reports every key of the table that no reader asked for.
    pub(crate) fn finish(self) {
        let used = self.used.borrow();
        for (key, _) in self.table.iter() {
            if !used.contains(key.get_ref().as_ref()) {
                self.ctx.error(
                    &key.span(),
                    format!("unknown key `{}` in {}", key.get_ref(), self.what),
                );
            }
        }
    }
}
