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

/// Reads a row of a table with `columns`.
///
/// A row that leaves out a description keeps its required flag in the description's column
/// (`X-TC-Signature | 是 | |`); the flag is moved back to its column.
fn row(line: &str, line_no: u32, columns: &[Column]) -> Row {
    let mut cells: Vec<String> =
        split(line, columns.len()).into_iter().map(str::to_owned).collect();
    cells.resize(columns.len(), String::new());
    realign_required(&mut cells, columns);
    Row { line: line_no, cells: cells.into_iter().map(|text| Text::new(line_no, text)).collect() }
}

fn realign_required(cells: &mut [String], columns: &[Column]) {
    let Some(required) = columns.iter().position(|c| c.kind == ColumnKind::Required) else {
        return;
    };
    if is_flag(&cells[required]) {
        return;
    }
    let Some(shifted) =
        (1..required).rev().find(|&i| columns[i].kind == ColumnKind::Text && is_flag(&cells[i]))
    else {
        return;
    };
    if cells[shifted + 1..].iter().all(|cell| cell.is_empty()) {
        cells.swap(shifted, required);
    }
}

fn is_flag(cell: &str) -> bool {
    matches!(cell, "是" | "否")
}
