//! Which request a callback answers, from its section's prose: `described in the section 2.1`,
//! `见 2.1 节`, or `in the refund request`, resolved to the section whose title names a refund
//! request, the nearest one before the callback in the same group.

use super::text::Cell;
use super::{Found, Rule, Rules, Unclassified};
use crate::spec_check::vendor::{Document, Section};

/// A section a callback refers to.
pub(crate) type Reference = String;

/// The callback references in the prose of `section` of `doc`.
pub(crate) fn read_prose(section: &Section, doc: &Document) -> Rules {
    let mut rules = Rules::default();
    for prose in &section.prose {
        let cell = Cell::new(prose);
        let lower = cell.lower.as_str();
        for (at, _) in lower.match_indices("section ").chain(lower.match_indices('§')) {
            let rest = lower[at..].trim_start_matches("section ").trim_start_matches('§');
            if let Some(id) = section_number(rest) {
                rules.found.push(found(&cell, at, id));
            }
        }
        for (at, _) in lower.match_indices('节') {
            let head = lower[..at].trim_end();
            let start = head.len()
                - head.chars().rev().take_while(|c| c.is_ascii_digit() || *c == '.').count();
            if let Some(id) = section_number(&head[start..]) {
                rules.found.push(found(&cell, at, id));
            }
        }
        for (at, _) in lower.match_indices(" request") {
            let Some(the) = lower[..at].rfind("in the ").or_else(|| lower[..at].rfind("of the "))
            else {
                continue;
            };
            let words: Vec<&str> = lower[the + "in the ".len()..at].split_whitespace().collect();
            if words.is_empty()
                || words.len() > 3
                || lower[at + 8..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                continue;
            }
            match resolve(&words, section, doc) {
                Some(id) => rules.found.push(found(&cell, at, id)),
                None => rules.unclassified.push(Unclassified {
                    line: prose.line,
                    text: prose.text.clone(),
                    what: "the request a callback answers",
                }),
            }
        }
    }
    rules
}

fn found(cell: &Cell<'_>, at: usize, id: String) -> Found {
    Found { rule: Rule::CallbackOf(id), line: cell.line_of(at), text: cell.text.trim().to_owned() }
}

/// `2.1` at the start of `text` (two numbers or more), without a trailing period.
fn section_number(text: &str) -> Option<String> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let number = text[..end].trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    (parts.len() >= 2 && parts.iter().all(|p| !p.is_empty())).then(|| number.to_owned())
}

/// A word without a plural `s`.
fn stem(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// The section before `current` whose title has every word of `words` and `request`, sharing
/// the longest number prefix with it.
fn resolve(words: &[&str], current: &Section, doc: &Document) -> Option<String> {
    let position = doc.sections.iter().position(|s| s.id == current.id)?;
    let mut wanted: Vec<&str> = words.iter().map(|w| stem(w)).collect();
    wanted.push("request");
    let shared =
        |id: &str| id.split('.').zip(current.id.split('.')).take_while(|(a, b)| a == b).count();
    doc.sections[..position]
        .iter()
        .filter(|section| {
            let title = section.title.to_lowercase();
            let title_words: Vec<&str> = title.split_whitespace().map(stem).collect();
            wanted.iter().all(|w| title_words.contains(w))
        })
        .max_by_key(|section| shared(&section.id))
        .map(|section| section.id.clone())
}
