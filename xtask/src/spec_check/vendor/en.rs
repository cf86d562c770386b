//! Reads the English API List: numbered sections with `Path:` and `Method:` lines and their
//! cell-per-line tables, each named by the line before its header row.

use std::path::PathBuf;

use super::lines::{Grammar, Lines, section_heading};
use super::{Document, Problem, Role, Section, Source, Table, Text, line_no};

const GRAMMAR: Grammar = Grammar { blank_required: false, stop_phrases: &[] };

/// Reads the API List text.
pub(super) fn parse(file: PathBuf, text: &str) -> Document {
    let mut doc = Document::new(Source::En, file, text);
    let lines = Lines::new(text, GRAMMAR);
    let mut current: Option<Section> = None;
    let mut at = 0;
    while at < lines.len() {
        let line = lines.get(at);
        if let Some((columns, header_len)) = lines.header_at(at) {
            let caption = caption_before(&lines, at, current.as_ref());
            if let (Some(section), Some(caption)) = (current.as_mut(), &caption) {
                section.prose.retain(|prose| prose.line != caption.line);
            }
            let first_column = columns.first().map(|c| c.title.clone()).unwrap_or_default();
            let role = Role::from_caption(caption.as_ref().map(|c| c.text.as_str()), &first_column);
            let (rows, problems, next) = lines.rows(at + header_len, &columns);
            doc.problems.extend(problems);
            let table = Table { line: line_no(at), caption, role, columns, rows };
            match current.as_mut() {
                Some(section) => section.tables.push(table),
                None => {
                    doc.problems.push(Problem {
                        line: table.line,
                        text: line.to_owned(),
                        message: "table outside any numbered section".to_owned(),
                    });
                    doc.loose.push(table);
                }
            }
            at = next;
            continue;
        }
        if let Some((number, title)) = section_heading(line) {
            doc.sections.extend(current.take());
            current = Some(Section {
                id: number.to_owned(),
                title: title.to_owned(),
                line: line_no(at),
                prose: vec![Text::new(line_no(at), line)],
                ..Section::default()
            });
        } else if group_heading(line) {
            doc.sections.extend(current.take());
            doc.groups.push(Text::new(line_no(at), line));
        } else if let Some(section) = current.as_mut() {
            read_prose_line(section, line, line_no(at));
        }
        at += 1;
    }
    doc.sections.extend(current);
    doc
}

/// Records a line of a section outside its tables: `Path:`, `Method:` or prose.
fn read_prose_line(section: &mut Section, line: &str, line_no: u32) {
    if line.is_empty() {
        return;
    }
    if let Some(path) = line.strip_prefix("Path:") {
        section.path = Some(Text::new(line_no, path.trim()));
    } else if let Some(method) = line.strip_prefix("Method:") {
        section.method = Some(Text::new(line_no, method.trim()));
    }
    section.prose.push(Text::new(line_no, line));
}

/// The caption of the table whose header row is at `header`: the nearest non-empty line before
/// it, unless that line is a section heading, a `Path:`/`Method:` line or part of an earlier
/// table.
fn caption_before(lines: &Lines<'_>, header: usize, section: Option<&Section>) -> Option<Text> {
    let index = (0..header).rev().find(|&i| !lines.get(i).is_empty())?;
    let text = lines.get(index);
    let line = line_no(index);
    let in_table = section.is_some_and(|section| {
        section.tables.iter().any(|table| table.rows.iter().any(|row| row_covers(row, line)))
    });
    let structural = section_heading(text).is_some()
        || group_heading(text)
        || text.starts_with("Path:")
        || text.starts_with("Method:");
    (!in_table && !structural).then(|| Text::new(line, text))
}

fn row_covers(row: &super::Row, line: u32) -> bool {
    row.cells.iter().any(|cell| {
        let lines = u32::try_from(cell.text.lines().count().max(1)).unwrap_or(1);
        cell.line <= line && line < cell.line + lines
    })
}

/// Whether `line` is a top-level group heading: `2. Mini program payment APIs`.
fn group_heading(line: &str) -> bool {
    let Some((number, title)) = line.split_once(". ") else { return false };
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && title.chars().next().is_some_and(char::is_uppercase)
}
