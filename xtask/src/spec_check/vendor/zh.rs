//! Reads the Chinese tables: pipe tables, one row per line, with no headings between them.
//!
//! Every table is loose after reading; [`super::place`] puts each in its API List section.

use std::path::PathBuf;

use super::{Column, ColumnKind, Document, Problem, Role, Row, Source, Table, Text, line_no};

/// The header cells a table may have, and what their columns hold.
const COLUMN_WORDS: &[(&str, ColumnKind)] = &[
    ("名称", ColumnKind::Name),
    ("参数名称", ColumnKind::Name),
    ("类型", ColumnKind::Type),
    ("字段类型", ColumnKind::Type),
    ("是否必须", ColumnKind::Required),
    ("描述", ColumnKind::Text),
    ("备注", ColumnKind::Text),
];

/// Reads the Chinese tables.
pub(super) fn parse(file: PathBuf, text: &str) -> Document {
    let mut doc = Document::new(Source::Zh, file, text);
    let mut current: Option<Table> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(columns) = header(line) {
            doc.loose.extend(current.take());
            current = Some(Table {
                line: line_no(index),
                caption: None,
                role: Role::Unknown,
                columns,
                rows: Vec::new(),
            });
        } else if line.contains('|') {
            match current.as_mut() {
                Some(table) => table.rows.push(row(line, line_no(index), &table.columns)),
                None => doc.problems.push(Problem {
                    line: line_no(index),
                    text: first_cell(line).to_owned(),
                    message: "table row before any header row".to_owned(),
                }),
            }
        } else {
            // Page text around the tables ("文档反馈") ends a table.
            doc.loose.extend(current.take());
        }
    }
    doc.loose.extend(current);
    doc
}

fn first_cell(line: &str) -> &str {
    line.split('|').next().unwrap_or(line).trim()
}

/// The columns of a header row, when `line` is one.
fn header(line: &str) -> Option<Vec<Column>> {
    let cells = split(line, usize::MAX);
    let columns: Option<Vec<Column>> = cells
        .iter()
        .map(|cell| {
            let kind = COLUMN_WORDS.iter().find(|(word, _)| word == cell).map(|&(_, kind)| kind)?;
            Some(Column { kind, title: (*cell).to_owned() })
        })
        .collect();
    let columns = columns?;
    (columns.len() >= 3 && columns.first().is_some_and(|c| c.kind == ColumnKind::Name))
        .then_some(columns)
}

/// The cells of a pipe row: at most `limit`, the last one keeping any further `|` (a description
/// may contain one: `_-|*`); the closing `|` is not a cell.
fn split(line: &str, limit: usize) -> Vec<&str> {
    let body = line.strip_suffix('|').unwrap_or(line);
    body.splitn(limit, '|').map(str::trim).collect()
}

/// Reads a row of a table with `columns`: a missing cell is empty, and a row that leaves out a
/// middle cell (`X-TC-Signature | 是 | |`) is read as it stands, cell by cell.
fn row(line: &str, line_no: u32, columns: &[Column]) -> Row {
    let mut cells: Vec<String> =
        split(line, columns.len()).into_iter().map(str::to_owned).collect();
    cells.resize(columns.len(), String::new());
    let cells = cells.into_iter().map(|text| Text::new(line_no, text)).collect();
    Row { line: line_no, cells, ..Row::default() }
}
