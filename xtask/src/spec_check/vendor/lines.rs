//! Tables that put every cell on its own line (the English API List and the front-end text).
//!
//! The header row tells the columns. Name, type, default and required cells take one line each;
//! a description cell takes as many lines as it needs. Where a description ends is found from
//! what must come next: the required flag after a description in the middle of a row, or the
//! start of the next row after the last cell. A row starts with its name followed by a type word,
//! or with a wire name followed by the rest of the row's fixed cells; an empty line, a section
//! heading, the next table's caption or header row, or a stop phrase (`Example:`) ends the table.

use super::{Column, ColumnKind, Problem, Row, Text, line_no};

/// The longest description that may stand before a required flag, in lines.
const MAX_MIDDLE_LINES: usize = 12;

/// How one text's tables differ from the others'.
#[derive(Clone, Copy, Debug)]
pub(super) struct Grammar {
    /// Whether an empty line is an empty required cell (front-end tables).
    pub(super) blank_required: bool,
    /// Lines that end a table (`Example:`).
    pub(super) stop_phrases: &'static [&'static str],
}

/// The header cells a table may have, and what their columns hold.
const COLUMN_WORDS: &[(&str, ColumnKind)] = &[
    ("Name", ColumnKind::Name),
    ("Parameter", ColumnKind::Name),
    ("Request header", ColumnKind::Name),
    ("Property", ColumnKind::Name),
    ("Type", ColumnKind::Type),
    ("Category", ColumnKind::Type),
    ("Default value", ColumnKind::Default),
    ("Required", ColumnKind::Required),
    ("Description", ColumnKind::Text),
    ("Note", ColumnKind::Text),
    ("Example", ColumnKind::Text),
];

/// The type words a type cell may hold (compared case-insensitively); `array[…]` is a type too.
const TYPE_WORDS: &[&str] = &[
    "string", "int", "int32", "int64", "integer", "long", "number", "float", "double", "bool",
    "boolean", "object", "array", "function", "any",
];

fn column_kind(word: &str) -> Option<ColumnKind> {
    COLUMN_WORDS.iter().find(|(title, _)| *title == word).map(|&(_, kind)| kind)
}

/// Whether `text` is a wire name: letters, digits, `_` and `-`, dotted paths and `[]`
/// (`TC-MerchantID`, `detail.goods_detail.quantity`, `goods_detail[].goods_name`).
pub(crate) fn is_name_like(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|segment| {
            let segment = segment.strip_suffix("[]").unwrap_or(segment);
            let mut chars = segment.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
}

/// Whether `text` is a type word (`string`, `Boolean`, `array[object]`).
pub(super) fn is_type_word(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let base = match lower.split_once('[') {
        Some((base, rest)) => {
            let Some(inner) = rest.strip_suffix(']') else { return false };
            if !inner.chars().all(|c| c.is_ascii_alphabetic()) {
                return false;
            }
            base.to_owned()
        }
        None => lower,
    };
    TYPE_WORDS.contains(&base.as_str())
}

/// Whether `text` is a section heading of the API List: `2.1 Create a mini program order`.
pub(super) fn section_heading(text: &str) -> Option<(&str, &str)> {
    let (number, title) = text.split_once(' ')?;
    let mut parts = number.split('.');
    let valid = parts.clone().count() >= 2
        && parts.all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    let title = title.trim();
    (valid && !title.is_empty()).then_some((number, title))
}

/// The reader of one text's lines.
pub(super) struct Lines<'a> {
    lines: Vec<&'a str>,
    grammar: Grammar,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str, grammar: Grammar) -> Lines<'a> {
        Lines { lines: text.lines().map(str::trim).collect(), grammar }
    }

    pub(super) fn len(&self) -> usize {
        self.lines.len()
    }

    /// The trimmed line at `index`, or `""` past the end.
    pub(super) fn get(&self, index: usize) -> &'a str {
        self.lines.get(index).copied().unwrap_or("")
    }

    fn is_blank(&self, index: usize) -> bool {
        self.get(index).is_empty()
    }

    /// The columns of the header row starting at `index`, and how many lines it takes.
    ///
    /// A header row is a name-column word followed by at least two more column words; equal
    /// neighbours (`Description`, `Description`) are one column spread over two header cells.
    pub(super) fn header_at(&self, index: usize) -> Option<(Vec<Column>, usize)> {
        if index >= self.len() || column_kind(self.get(index)) != Some(ColumnKind::Name) {
            return None;
        }
        let mut end = index + 1;
        while end < self.len() && column_kind(self.get(end)).is_some_and(|k| k != ColumnKind::Name)
        {
            end += 1;
        }
        if end - index < 3 {
            return None;
        }
        let mut columns: Vec<Column> = Vec::new();
        for i in index..end {
            let title = self.get(i);
            if columns.last().is_some_and(|last| last.title == title) {
                continue;
            }
            let kind = column_kind(title)?;
            columns.push(Column { kind, title: title.to_owned() });
        }
        Some((columns, end - index))
    }

    /// Whether the line at `index` ends a table.
    fn ends_table(&self, index: usize) -> bool {
        if index >= self.len() || self.is_blank(index) {
            return true;
        }
        let text = self.get(index);
        self.header_at(index).is_some()
            || self.header_at(index + 1).is_some()
            || section_heading(text).is_some()
            || text.starts_with("Path:")
            || text.starts_with("Method:")
            || self.grammar.stop_phrases.contains(&text)
    }

    fn is_required_word(&self, index: usize) -> bool {
        let text = self.get(index);
        text.eq_ignore_ascii_case("true")
            || text.eq_ignore_ascii_case("false")
            || (self.grammar.blank_required && index < self.len() && text.is_empty())
    }

    /// Whether the line at `index` is what a fixed column of `kind` must hold.
    fn fits(&self, kind: ColumnKind, index: usize) -> bool {
        match kind {
            ColumnKind::Type => is_type_word(self.get(index)),
            ColumnKind::Required => self.is_required_word(index),
            ColumnKind::Name | ColumnKind::Default => !self.is_blank(index),
            ColumnKind::Text => true,
        }
    }

    /// Whether a row starts at `index`.
    ///
    /// Strong start: its second column is a type and the next line is a type word, whatever the
    /// name cell says (a mangled name is still a row). Weak start: the line is a wire name and
    /// the row's fixed cells follow, with no wire name inside a description before them.
    fn row_starts(&self, index: usize, columns: &[Column]) -> bool {
        if self.ends_table(index) {
            return false;
        }
        if !has_anchor(columns) {
            return true;
        }
        if columns.get(1).is_some_and(|c| c.kind == ColumnKind::Type)
            && is_type_word(self.get(index + 1))
        {
            return true;
        }
        is_name_like(self.get(index)) && self.fixed_cells_follow(index, columns)
    }

    fn fixed_cells_follow(&self, index: usize, columns: &[Column]) -> bool {
        let mut at = index + 1;
        let last_fixed = columns.iter().rposition(|c| c.kind != ColumnKind::Text).unwrap_or(0);
        for (i, column) in columns.iter().enumerate().take(last_fixed + 1).skip(1) {
            if column.kind != ColumnKind::Text {
                if !self.fits(column.kind, at) {
                    return false;
                }
                at += 1;
                continue;
            }
            let Some(next) = columns.get(i + 1) else { return true };
            let mut taken = 0;
            while !self.fits(next.kind, at) {
                if taken == MAX_MIDDLE_LINES || self.ends_table(at) || is_name_like(self.get(at)) {
                    return false;
                }
                at += 1;
                taken += 1;
            }
        }
        true
    }

    /// Reads the rows of a table whose header row ends just before `start`.
    ///
    /// Returns the rows, the lines it could not read, and the index after the table.
    pub(super) fn rows(&self, start: usize, columns: &[Column]) -> (Vec<Row>, Vec<Problem>, usize) {
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        let mut at = start;
        while !self.ends_table(at) {
            if self.row_starts(at, columns) {
                let (row, next) = self.row(at, columns);
                rows.push(row);
                at = next;
                continue;
            }
            let first = at;
            while !self.ends_table(at) && !self.row_starts(at, columns) {
                at += 1;
            }
            problems.push(Problem {
                line: line_no(first),
                text: self.get(first).to_owned(),
                message: format!(
                    "cannot read lines {}–{} as rows of the table",
                    line_no(first),
                    line_no(at - 1)
                ),
            });
        }
        (rows, problems, at)
    }

    /// Reads the row starting at `index`; returns it and the index after it.
    fn row(&self, index: usize, columns: &[Column]) -> (Row, usize) {
        let anchored = has_anchor(columns);
        let mut cells = Vec::with_capacity(columns.len());
        let mut at = index;
        for (i, column) in columns.iter().enumerate() {
            let first = at;
            match (column.kind, columns.get(i + 1)) {
                (ColumnKind::Text, _) if !anchored => at += 1,
                (ColumnKind::Text, None) => {
                    while !self.ends_table(at) && !self.row_starts(at, columns) {
                        at += 1;
                    }
                }
                (ColumnKind::Text, Some(next)) if next.kind != ColumnKind::Text => {
                    let mut end = at;
                    while end - at < MAX_MIDDLE_LINES
                        && !self.ends_table(end)
                        && !self.fits(next.kind, end)
                    {
                        end += 1;
                    }
                    // Without the flag in reach, the description is one line and the flag
                    // cell reads whatever follows (a difference, reported later).
                    at = if self.fits(next.kind, end) { end } else { at + 1 };
                }
                _ => at += 1,
            }
            let text = (first..at).map(|i| self.get(i)).collect::<Vec<_>>().join("\n");
            let line = if first < at { line_no(first) } else { line_no(at.saturating_sub(1)) };
            cells.push(Text::new(line, text));
        }
        (Row { line: line_no(index), cells, ..Row::default() }, at)
    }
}

/// Whether the columns include a type or required column, whose cells tell where descriptions
/// end; without one, every cell is one line.
fn has_anchor(columns: &[Column]) -> bool {
    columns.iter().any(|c| matches!(c.kind, ColumnKind::Type | ColumnKind::Required))
}
