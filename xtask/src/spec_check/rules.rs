//! The rules a vendor text states in words, read from its description cells and section prose:
//! length limits, character sets, enumerations, fixed values, success values, defaults, units,
//! formats, signatures and their formulas, and which request a callback answers.
//!
//! The readers know the English and the Chinese phrasings both, and run on every text (a Chinese
//! cell may say `RFC3339`, an English one may quote a Chinese label). Each reader looks for its
//! anchors (`characters`, `字符`, `in cents`, `单位`, `fixed`, `固定`, `format`, `格式`…); an
//! anchor whose sentence states nothing the reader can classify is reported as [`Unclassified`],
//! never dropped.

mod callback;
mod limits;
mod lists;
mod text;
mod words;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use sas_spec::{Format, Unit};

#[cfg(test)]
use super::vendor::Document;
use super::vendor::{ColumnKind, Row, Table, Text};

pub(crate) use callback::{Reference, read_prose};

/// One rule, as the vendor states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// A length in characters: `cannot exceed 127 characters`, `6-32个字符`.
    Length {
        /// The least length, when stated.
        min: Option<u32>,
        /// The greatest length, when stated.
        max: Option<u32>,
    },
    /// The characters allowed: `numbers, uppercase and lowercase letters, _-|*`.
    Charset(Chars),
    /// The values allowed: `Valid values: email, phone`, `SUCCESS: Payment successful`…
    Values(Vec<String>),
    /// The one value the field takes: `fixed as encrypt-resource`, `固定为 …`.
    Fixed(String),
    /// The value that means success: `0 indicates success`, `成功时为 ok`.
    Success(String),
    /// The value taken when none is given: `Defaults to the official version` (resolved to
    /// `formal`), `typically: RSA`, a front-end `Default value` cell.
    Default(String),
    /// The unit of a number: `in cents`, `单位秒`.
    Unit(Unit),
    /// The format of a string; `None` for JSON (`in JSON format`), which the spec states as a
    /// `json<…>` type.
    Format(Option<Format>),
    /// The row is a signature (`Payment signature.`, `签名认证信息`): the auth scheme computes it.
    Signature,
    /// A signature formula: `to_hex(hmac_sha256(appKey,'requestVirtualPayment' + '&' + signData))`.
    Formula {
        /// What comes before `'&'`.
        prefix: Prefix,
        /// Whether it is an HMAC.
        hmac: bool,
    },
    /// The request a callback answers (`described in the section 2.1`, `in the refund request`).
    CallbackOf(Reference),
}

/// What a formula puts before `'&'`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Prefix {
    /// A quoted literal: `'requestVirtualPayment'`.
    Literal(String),
    /// A name: `uri`, `event`.
    Name(String),
}

/// What a rule is about, for the pinned counts.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum RuleKind {
    /// [`Rule::Length`].
    Length,
    /// [`Rule::Charset`].
    Charset,
    /// [`Rule::Values`].
    Values,
    /// [`Rule::Fixed`].
    Fixed,
    /// [`Rule::Success`].
    Success,
    /// [`Rule::Default`].
    Default,
    /// [`Rule::Unit`].
    Unit,
    /// [`Rule::Format`].
    Format,
    /// [`Rule::Signature`].
    Signature,
    /// [`Rule::Formula`].
    Formula,
    /// [`Rule::CallbackOf`].
    CallbackOf,
}

#[cfg(test)]
impl RuleKind {
    /// Every kind, in report order.
    pub(crate) const ALL: [RuleKind; 11] = [
        Self::Length,
        Self::Charset,
        Self::Values,
        Self::Fixed,
        Self::Success,
        Self::Default,
        Self::Unit,
        Self::Format,
        Self::Signature,
        Self::Formula,
        Self::CallbackOf,
    ];

    /// The kind's name.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Length => "length",
            Self::Charset => "charset",
            Self::Values => "values",
            Self::Fixed => "fixed",
            Self::Success => "success",
            Self::Default => "default",
            Self::Unit => "unit",
            Self::Format => "format",
            Self::Signature => "signature",
            Self::Formula => "formula",
            Self::CallbackOf => "callback_of",
        }
    }
}

#[cfg(test)]
impl Rule {
    /// The rule's kind.
    pub(crate) fn kind(&self) -> RuleKind {
        match self {
            Rule::Length { .. } => RuleKind::Length,
            Rule::Charset(_) => RuleKind::Charset,
            Rule::Values(_) => RuleKind::Values,
            Rule::Fixed(_) => RuleKind::Fixed,
            Rule::Success(_) => RuleKind::Success,
            Rule::Default(_) => RuleKind::Default,
            Rule::Unit(_) => RuleKind::Unit,
            Rule::Format(_) => RuleKind::Format,
            Rule::Signature => RuleKind::Signature,
            Rule::Formula { .. } => RuleKind::Formula,
            Rule::CallbackOf(_) => RuleKind::CallbackOf,
        }
    }
}

/// A set of ASCII characters, as a character set rule or a spec `charset` allows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Chars(pub(crate) BTreeSet<char>);

impl Chars {
    /// The characters of a spec `charset`.
    pub(crate) fn of_spec(charset: &sas_spec::Charset) -> Chars {
        Chars((' '..='~').filter(|&c| charset.contains(c)).collect())
    }

    /// Adds the inclusive range `lo..=hi`.
    pub(crate) fn add(&mut self, lo: char, hi: char) {
        self.0.extend(lo..=hi);
    }
}

impl fmt::Display for Chars {
    /// Runs of three or more written as ranges, `-` last: `*0-9A-Z_a-z|-`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chars: Vec<char> = self.0.iter().copied().filter(|&c| c != '-').collect();
        let mut i = 0;
        while let Some(&start) = chars.get(i) {
            let mut end = i;
            while chars.get(end + 1).is_some_and(|&c| u32::from(c) == u32::from(chars[end]) + 1) {
                end += 1;
            }
            if end - i >= 2 {
                write!(f, "{start}-{}", chars[end])?;
            } else {
                for c in &chars[i..=end] {
                    write!(f, "{c}")?;
                }
            }
            i = end + 1;
        }
        if self.0.contains(&'-') {
            f.write_str("-")?;
        }
        Ok(())
    }
}

/// A rule found in a vendor text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The rule.
    pub(crate) rule: Rule,
    /// The line that states it.
    pub(crate) line: u32,
    /// The sentence that states it.
    pub(crate) text: String,
}

/// A sentence that reads like a rule (it has a reader's anchor) but states none the readers can
/// classify.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unclassified {
    /// The sentence's line.
    pub(crate) line: u32,
    /// The sentence.
    pub(crate) text: String,
    /// What it seems to state (`a length`, `a format`).
    pub(crate) what: &'static str,
}

/// What one cell states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Rules {
    /// The rules found.
    pub(crate) found: Vec<Found>,
    /// The sentences that read like rules but could not be classified.
    pub(crate) unclassified: Vec<Unclassified>,
}

impl Rules {
    /// Adds what `other` states.
    pub(crate) fn extend(&mut self, other: Rules) {
        self.found.extend(other.found);
        self.unclassified.extend(other.unclassified);
    }
}

/// The rules a description cell states. `first` says whether it is the row's first description
/// cell, whose first sentence names what the row is (a signature).
///
/// The readers are pure, so what a cell's text states is read once per thread and reused (the
/// tests read thousands of altered copies of the texts, almost every cell unchanged).
pub(crate) fn read_cell(cell: &Text, first: bool) -> Rules {
    thread_local! {
        static READ: RefCell<BTreeMap<(String, bool), Rules>> = const { RefCell::new(BTreeMap::new()) };
    }
    let key = (cell.text.clone(), first);
    let cached = READ.with(|read| read.borrow().get(&key).cloned());
    let mut rules = cached.unwrap_or_else(|| {
        let rules = read_text(&Text::new(0, cell.text.clone()), first);
        READ.with(|read| read.borrow_mut().insert(key, rules.clone()));
        rules
    });
    for found in &mut rules.found {
        found.line += cell.line;
    }
    for unclassified in &mut rules.unclassified {
        unclassified.line += cell.line;
    }
    rules
}

/// Reads a cell whose first line is numbered 0.
fn read_text(cell: &Text, first: bool) -> Rules {
    let mut rules = Rules::default();
    let mut reader = text::Cell::new(cell);
    lists::read(&mut reader, &mut rules);
    limits::read(&mut reader, &mut rules);
    words::read(&mut reader, &mut rules, first);
    reader.finish(&mut rules);
    rules
}

/// The rule a front-end `Default value` cell states: none for `-` or an empty cell.
pub(crate) fn read_default_cell(cell: &Text) -> Rules {
    let value = cell.text.trim();
    let mut rules = Rules::default();
    if value.is_empty() || value == "-" {
        return rules;
    }
    let value = value.trim_matches(|c| c == '\'' || c == '"');
    if text::is_code(value) {
        rules.found.push(Found {
            rule: Rule::Default(value.to_owned()),
            line: cell.line,
            text: cell.text.clone(),
        });
    } else {
        rules.unclassified.push(Unclassified {
            line: cell.line,
            text: cell.text.clone(),
            what: "a default value",
        });
    }
    rules
}

/// What the description cells of `row` state (its `Default value` cell included).
pub(crate) fn of_row(table: &Table, row: &Row) -> Rules {
    let mut rules = Rules::default();
    let mut first = true;
    for (column, cell) in table.columns.iter().zip(&row.cells) {
        match column.kind {
            ColumnKind::Text => {
                rules.extend(read_cell(cell, first));
                first = false;
            }
            ColumnKind::Default => rules.extend(read_default_cell(cell)),
            ColumnKind::Name | ColumnKind::Type | ColumnKind::Required => {}
        }
    }
    rules
}

/// Every rule a text states: in the description cells of every row, and the callback
/// references of every section's prose.
#[cfg(test)]
pub(crate) fn of_document(doc: &Document) -> Rules {
    let mut rules = Rules::default();
    for section in &doc.sections {
        rules.extend(read_prose(section, doc));
    }
    let tables = doc.sections.iter().flat_map(|section| &section.tables).chain(&doc.loose);
    for table in tables {
        for row in &table.rows {
            rules.extend(of_row(table, row));
        }
    }
    rules
}
