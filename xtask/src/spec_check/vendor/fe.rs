//! Reads the front-end payment text: one section per JS API (`This API is called using
//! wx.requestPayment(Object object).`) with its parameter tables, whose empty required cells
//! stand as empty lines.

use std::path::PathBuf;

use super::lines::{Grammar, Lines};
use super::{Document, Problem, Role, Section, Source, Table, Text, line_no};

const GRAMMAR: Grammar = Grammar { blank_required: true, stop_phrases: &["Example:"] };

const CALL_PHRASE: &str = "This API is called using ";

/// Reads the front-end text.
pub(super) fn parse(file: PathBuf, text: &str) -> Document {
    let mut doc = Document::new(Source::Fe, file, text);
    let lines = Lines::new(text, GRAMMAR);
    let starts = section_starts(&lines);
    let mut current: Option<Section> = None;
    let mut at = 0;
    while at < lines.len() {
        if let Some((heading, api)) = starts.iter().find(|(heading, _)| *heading == at) {
            doc.sections.extend(current.take());
            let title = lines.get(*heading);
            current = Some(Section {
                id: api.clone(),
                title: title.to_owned(),
                line: line_no(at),
                prose: vec![Text::new(line_no(at), title)],
                ..Section::default()
            });
            at += 1;
            continue;
        }
        if let Some((columns, header_len)) = lines.header_at(at) {
            let caption = (0..at)
                .rev()
                .find(|&i| !lines.get(i).is_empty())
                .map(|i| Text::new(line_no(i), lines.get(i)));
            let first_column = columns.first().map(|c| c.title.clone()).unwrap_or_default();
            let role = Role::from_caption(caption.as_ref().map(|c| c.text.as_str()), &first_column);
            let (rows, problems, next) = lines.rows(at + header_len, &columns);
            doc.problems.extend(problems);
            let table = Table { line: line_no(at), caption, role, columns, rows };
            match current.as_mut() {
                Some(section) => {
                    if let Some(caption) = &table.caption {
                        section.prose.retain(|prose| prose.line != caption.line);
                    }
                    section.tables.push(table);
                }
                None => {
                    doc.problems.push(Problem {
                        line: table.line,
                        text: lines.get(at).to_owned(),
                        message: "table before any JS API".to_owned(),
                    });
                    doc.loose.push(table);
                }
            }
            at = next;
            continue;
        }
        let line = lines.get(at);
        if let (Some(section), false) = (current.as_mut(), line.is_empty()) {
            section.prose.push(Text::new(line_no(at), line));
        }
        at += 1;
    }
    doc.sections.extend(current);
    doc
}

/// The sections: the index of each JS API's heading (the line before its "This API is called
/// using wx.x(…)" line) and the API's name.
fn section_starts(lines: &Lines<'_>) -> Vec<(usize, String)> {
    let mut starts = Vec::new();
    for at in 0..lines.len() {
        let Some(rest) = lines.get(at).strip_prefix(CALL_PHRASE) else { continue };
        let api: String = rest
            .chars()
            .take_while(|&c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
            .collect();
        if api.is_empty() {
            continue;
        }
        let heading = (0..at).rev().find(|&i| !lines.get(i).is_empty()).unwrap_or(at);
        starts.push((heading, api));
    }
    starts
}
