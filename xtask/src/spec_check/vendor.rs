//! The vendor texts as read: sections, tables and rows with their line numbers, before any
//! comparison with the spec.
//!
//! Each text has its own reader ([`en`], [`zh`], [`fe`]); they all produce the same neutral
//! [`Document`], and [`tree`] turns a section's tables into nested fields.

mod en;
mod fe;
mod lines;
mod place;
pub(crate) mod tree;
mod zh;

pub(crate) use lines::is_name_like;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::Context;

use super::rules::{self, Rules};

/// Which vendor text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Source {
    /// The English API List.
    En,
    /// The Chinese tables of the API List.
    Zh,
    /// The front-end JS payment API.
    Fe,
}

impl Source {
    /// Every source, in report order.
    pub(crate) const ALL: [Source; 3] = [Source::En, Source::Zh, Source::Fe];

    /// The spelling in errata and notes.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh",
            Self::Fe => "fe",
        }
    }

    /// The file name under `spec/vendor/`.
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            Self::En => "api-list.en.txt",
            Self::Zh => "api-list.zh.txt",
            Self::Fe => "frontend-payment.en.txt",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The three vendor texts, read.
#[derive(Clone, Debug)]
pub(crate) struct Vendor {
    /// The documents, in [`Source::ALL`] order.
    pub(crate) docs: Vec<Document>,
    /// Every segment of every row name of every text, as written and lowercased (for header
    /// names): the spellings an alias may take.
    pub(crate) spellings: BTreeSet<String>,
}

/// The spellings of `docs`' row names (see [`Vendor::spellings`]).
fn spellings(docs: &[Document]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for doc in docs {
        let tables = doc.sections.iter().flat_map(|section| &section.tables).chain(&doc.loose);
        for name in tables.flat_map(|table| table.names()) {
            for segment in name.split('.') {
                let segment = segment.strip_suffix("[]").unwrap_or(segment);
                names.insert(segment.to_owned());
                names.insert(segment.to_ascii_lowercase());
            }
        }
    }
    names
}

impl Vendor {
    /// Reads the three texts in `dir`, naming them `shown_as/<file>` in reports.
    pub(crate) fn load(dir: &Path, shown_as: &Path) -> anyhow::Result<Vendor> {
        let mut texts = Vec::new();
        for source in Source::ALL {
            let path = dir.join(source.file_name());
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read the vendor text {}", path.display()))?;
            texts.push((source, shown_as.join(source.file_name()), text));
        }
        Ok(Vendor::parse(&texts))
    }

    /// Reads the three texts given as `(source, shown name, text)`.
    pub(crate) fn parse(texts: &[(Source, PathBuf, String)]) -> Vendor {
        let text_of = |wanted: Source| {
            texts
                .iter()
                .find(|(source, _, _)| *source == wanted)
                .map(|(_, file, text)| (file.clone(), text.as_str()))
                .unwrap_or_default()
        };
        let (en_file, en_text) = text_of(Source::En);
        let (zh_file, zh_text) = text_of(Source::Zh);
        let (fe_file, fe_text) = text_of(Source::Fe);
        let en = en::parse(en_file, en_text);
        let zh = place::place(zh::parse(zh_file, zh_text), &en);
        let fe = fe::parse(fe_file, fe_text);
        let mut docs = vec![en, zh, fe];
        for doc in &mut docs {
            let tables = doc.sections.iter_mut().flat_map(|s| &mut s.tables).chain(&mut doc.loose);
            for table in tables {
                let read: Vec<Rules> =
                    table.rows.iter().map(|row| rules::of_row(table, row)).collect();
                for (row, read) in table.rows.iter_mut().zip(read) {
                    row.rules = Rc::new(read);
                }
            }
        }
        let spellings = spellings(&docs);
        Vendor { docs, spellings }
    }

    /// The document of `source`.
    pub(crate) fn doc(&self, source: Source) -> Option<&Document> {
        self.docs.iter().find(|doc| doc.source == source)
    }
}

/// One vendor text, read into sections and tables.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    /// Which text.
    pub(crate) source: Source,
    /// The file as shown in reports.
    pub(crate) file: PathBuf,
    /// The text's lines, for notes about the whole text.
    pub(crate) lines: Vec<String>,
    /// Top-level group headings ("2. Mini program payment APIs"), English API List only.
    pub(crate) groups: Vec<Text>,
    /// The sections, in document order.
    pub(crate) sections: Vec<Section>,
    /// Tables that belong to no section (Chinese tables that could not be placed).
    pub(crate) loose: Vec<Table>,
    /// Lines the reader could not make sense of.
    pub(crate) problems: Vec<Problem>,
}

impl Document {
    /// An empty document of `source`.
    pub(crate) fn new(source: Source, file: PathBuf, text: &str) -> Document {
        Document {
            source,
            file,
            lines: text.lines().map(str::to_owned).collect(),
            groups: Vec::new(),
            sections: Vec::new(),
            loose: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// The section `id` (`"2.1"`, `"wx.requestPayment"`).
    pub(crate) fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// Every table, placed or not.
    #[cfg(test)]
    pub(crate) fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|section| &section.tables).chain(&self.loose)
    }
}

/// A line (or several joined by `\n`) of a vendor text, with the number of its first line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Text {
    /// 1-based line number.
    pub(crate) line: u32,
    /// The text, trimmed; the lines of a multi-line cell joined by `\n`.
    pub(crate) text: String,
}

impl Text {
    /// A text at `line`.
    pub(crate) fn new(line: u32, text: impl Into<String>) -> Text {
        Text { line, text: text.into() }
    }
}

/// A numbered section of the API List, or one JS API of the front-end text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Section {
    /// `"2.1"`, `"5.1.3"`, or `"wx.requestPayment"`.
    pub(crate) id: String,
    /// The heading's text after the number.
    pub(crate) title: String,
    /// The heading's line.
    pub(crate) line: u32,
    /// The `Path:` line's value.
    pub(crate) path: Option<Text>,
    /// The `Method:` line's value.
    pub(crate) method: Option<Text>,
    /// Every line of the section that is not a table: heading, descriptions, examples.
    pub(crate) prose: Vec<Text>,
    /// The tables, in document order.
    pub(crate) tables: Vec<Table>,
}

/// What a table describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Request headers.
    Headers,
    /// Path parameters.
    Path,
    /// Query parameters.
    Query,
    /// The request body.
    Body,
    /// The properties of a JS API's object parameter.
    Params,
    /// The response, envelope included.
    Response,
    /// The fields of the object, or of the JSON document in the string, named `field`.
    Nested {
        /// The field's name as the caption gives it (`Amount`, `payload`, `GoodsInfo`).
        field: String,
    },
    /// The decrypted structure of the encrypted field named `field` (`resource.ciphertext`).
    Decrypted {
        /// The encrypted field's name as the caption gives it.
        field: String,
    },
    /// A table whose caption says nothing the reader knows.
    Unknown,
}

impl Role {
    /// The role a caption (the line before a header row) announces.
    ///
    /// `first_column` is the title of the table's first column, which names headers tables on
    /// its own (`Request header`).
    pub(crate) fn from_caption(caption: Option<&str>, first_column: &str) -> Role {
        let Some(caption) = caption else {
            return Role::from_first_column(first_column);
        };
        let trimmed = caption.trim().trim_end_matches([':', '.', '：']).trim();
        let lower = trimmed.to_lowercase();
        match lower.as_str() {
            "headers" | "header" | "request headers" => return Role::Headers,
            "body" | "request body" | "request parameters" => return Role::Body,
            "path" | "path parameters" => return Role::Path,
            "query" | "query parameters" => return Role::Query,
            "response" | "response parameters" => return Role::Response,
            _ => {}
        }
        if lower.starts_with("request header") {
            return Role::Headers;
        }
        if lower.starts_with("parameter and description") {
            return Role::Params;
        }
        if let Some(field) = strip_affixes(trimmed, "Decrypted structure of ", " data") {
            return Role::Decrypted { field: field.to_owned() };
        }
        let nested = strip_affixes(trimmed, "", " field description")
            .or_else(|| strip_affixes(trimmed, "Parsed ", " data structure"))
            .or_else(|| strip_affixes(trimmed, "", " parameter"))
            .or_else(|| strip_affixes(trimmed, "", " parameters"))
            .unwrap_or(trimmed);
        if is_name_like(nested) {
            return Role::Nested { field: nested.to_owned() };
        }
        match Role::from_first_column(first_column) {
            Role::Unknown => Role::Unknown,
            role => role,
        }
    }

    fn from_first_column(first_column: &str) -> Role {
        if first_column.eq_ignore_ascii_case("Request header") {
            Role::Headers
        } else {
            Role::Unknown
        }
    }
}

/// `text` without `prefix` and `suffix` (compared case-insensitively), when it has both and
/// something is left.
fn strip_affixes<'a>(text: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    let tail_start = text.len().checked_sub(suffix.len())?;
    let tail = text.get(tail_start..)?;
    if !head.eq_ignore_ascii_case(prefix) || !tail.eq_ignore_ascii_case(suffix) {
        return None;
    }
    let middle = text.get(prefix.len()..tail_start)?.trim();
    (!middle.is_empty()).then_some(middle)
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// The wire name (`Name`, `Parameter`, `Property`, `名称`).
    Name,
    /// The type (`Type`, `Category`, `类型`).
    Type,
    /// A default value (front-end tables).
    Default,
    /// The required flag (`Required`, `是否必须`).
    Required,
    /// Free text (`Description`, `Note`, `Example`, `备注`).
    Text,
}

/// A column of a table's header row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Column {
    /// What it holds.
    pub(crate) kind: ColumnKind,
    /// The header cell, verbatim.
    pub(crate) title: String,
}

/// A table: a header row and its rows.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    /// The header row's (first) line.
    pub(crate) line: u32,
    /// The line before the header row that names the table, if any.
    pub(crate) caption: Option<Text>,
    /// What the table describes.
    pub(crate) role: Role,
    /// The columns.
    pub(crate) columns: Vec<Column>,
    /// The rows, in order.
    pub(crate) rows: Vec<Row>,
}

impl Table {
    /// The index of the first column of `kind`.
    pub(crate) fn column(&self, kind: ColumnKind) -> Option<usize> {
        self.columns.iter().position(|column| column.kind == kind)
    }

    /// The cell of `row` in the first column of `kind`.
    pub(crate) fn cell<'a>(&self, row: &'a Row, kind: ColumnKind) -> Option<&'a Text> {
        row.cells.get(self.column(kind)?)
    }

    /// The name cells of the rows, trimmed.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.rows.iter().filter_map(|row| row.cells.first()).map(|cell| cell.text.as_str())
    }

    /// The table's whole text: caption, header row and rows.
    pub(crate) fn full_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(caption) = &self.caption {
            parts.push(&caption.text);
        }
        parts.extend(self.columns.iter().map(|column| column.title.as_str()));
        for row in &self.rows {
            parts.extend(row.cells.iter().map(|cell| cell.text.as_str()));
        }
        parts.join("\n")
    }
}

/// A table row: one cell per column (an empty text for a missing cell).
#[derive(Clone, Debug, Default)]
pub(crate) struct Row {
    /// The row's first line.
    pub(crate) line: u32,
    /// The cells, one per column of the table.
    pub(crate) cells: Vec<Text>,
    /// What its description cells state, read once when the text is read.
    pub(crate) rules: Rc<Rules>,
}

impl Row {
    /// The row's whole text, cells joined by `\n`.
    pub(crate) fn full_text(&self) -> String {
        self.cells.iter().map(|cell| cell.text.as_str()).collect::<Vec<_>>().join("\n")
    }
}

/// A place in a vendor text the reader could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The line.
    pub(crate) line: u32,
    /// The text at that line (for a row: its first cell).
    pub(crate) text: String,
    /// What is wrong, without a trailing period.
    pub(crate) message: String,
}

/// The required flag a cell states: `Some(true)` for `True`/`是`, `Some(false)` for
/// `False`/`否` and for an empty cell, `None` when the cell says something else.
pub(crate) fn required_flag(cell: &str) -> Option<bool> {
    match cell.trim() {
        "" | "否" => Some(false),
        "是" => Some(true),
        other if other.eq_ignore_ascii_case("true") => Some(true),
        other if other.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// Converts a 0-based line index to the 1-based line number reports use.
pub(crate) fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}
