//! The text of one cell as the readers see it: sentences, anchors found in them, and the rules
//! that classified them; plus the token helpers every reader shares.

use std::ops::Range;

use super::{Found, Rule, Rules, Unclassified};
use crate::spec_check::vendor::Text;

/// A cell being read.
pub(super) struct Cell<'a> {
    /// The cell's text.
    pub(super) text: &'a str,
    /// The text with ASCII letters lowercased (same byte offsets).
    pub(super) lower: String,
    /// The cell's first line.
    line: u32,
    /// The sentences, as byte ranges.
    pub(super) sentences: Vec<Range<usize>>,
    /// Whether a rule was found in each sentence.
    classified: Vec<bool>,
    /// The first anchor seen in each sentence, and what it announces.
    anchors: Vec<Option<&'static str>>,
    /// `code for meaning` pairs of the cell (`formal for the official version`), to resolve a
    /// default given by its meaning.
    pub(super) meanings: Vec<(String, String)>,
}

impl<'a> Cell<'a> {
    pub(super) fn new(cell: &'a Text) -> Cell<'a> {
        let text = cell.text.as_str();
        let sentences = sentences(text);
        Cell {
            text,
            lower: text.to_ascii_lowercase(),
            line: cell.line,
            classified: vec![false; sentences.len()],
            anchors: vec![None; sentences.len()],
            sentences,
            meanings: Vec::new(),
        }
    }

    /// The line of byte offset `at`.
    pub(super) fn line_of(&self, at: usize) -> u32 {
        let newlines = self.text.get(..at).unwrap_or("").matches('\n').count();
        self.line + u32::try_from(newlines).unwrap_or(0)
    }

    /// The index of the sentence holding byte offset `at`.
    pub(super) fn sentence_of(&self, at: usize) -> usize {
        self.sentences.iter().position(|range| at < range.end).unwrap_or(self.sentences.len() - 1)
    }

    /// The text of sentence `index`, trimmed.
    pub(super) fn sentence(&self, index: usize) -> &'a str {
        self.sentences
            .get(index)
            .and_then(|range| self.text.get(range.clone()))
            .unwrap_or("")
            .trim()
    }

    /// Whether sentence `index` already has a rule.
    pub(super) fn is_classified(&self, index: usize) -> bool {
        self.classified.get(index).copied().unwrap_or(true)
    }

    /// Records an anchor of something that reads like a rule (`what`) at byte offset `at`.
    pub(super) fn anchor(&mut self, at: usize, what: &'static str) {
        let index = self.sentence_of(at);
        if let Some(slot) = self.anchors.get_mut(index) {
            slot.get_or_insert(what);
        }
    }

    /// Records `rule`, stated by the text at `span`.
    pub(super) fn found(&mut self, rules: &mut Rules, rule: Rule, span: Range<usize>) {
        let first = self.sentence_of(span.start);
        let last = self.sentence_of(span.end.saturating_sub(1).max(span.start));
        for index in first..=last {
            if let Some(flag) = self.classified.get_mut(index) {
                *flag = true;
            }
        }
        let text = (first..=last).map(|i| self.sentence(i)).collect::<Vec<_>>().join("\n");
        rules.found.push(Found { rule, line: self.line_of(span.start), text });
    }

    /// Reports every sentence with an anchor and no rule.
    pub(super) fn finish(self, rules: &mut Rules) {
        for (index, what) in self.anchors.iter().enumerate() {
            let Some(what) = *what else { continue };
            if self.classified[index] {
                continue;
            }
            let start = self.sentences[index].start;
            rules.unclassified.push(Unclassified {
                line: self.line_of(start),
                text: self.sentence(index).to_owned(),
                what,
            });
        }
    }
}

/// Splits `text` into sentences: at line ends, at `。`, and at `. ` before a capital or a digit.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let cut = match c {
            '\n' | '。' => true,
            '.' => {
                let rest = &text[end..];
                rest.starts_with(' ')
                    && rest[1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_uppercase() || n.is_ascii_digit())
            }
            _ => false,
        };
        if cut {
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Whether `c` may stand in a value token.
pub(super) fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}

/// Whether `text` is one value token: `email`, `TRANSACTION.SUCCESS`, `encrypt-resource`, `1`.
pub(super) fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(is_code_char)
        && text.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `text` is a value token written in capitals: `JSAPI`, `TRANSACTION.SUCCESS`.
pub(super) fn is_upper_code(text: &str) -> bool {
    is_code(text)
        && !text.chars().any(|c| c.is_ascii_lowercase())
        && text.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// A token without the sentence punctuation that may follow it.
pub(super) fn trim_token(token: &str) -> &str {
    token.trim_end_matches(['.', '-', ',', ';', '。', '，', ')', '）'])
}

/// The token starting at byte offset `at`, after white space and a colon: its text and range.
pub(super) fn token_after(text: &str, at: usize) -> Option<(&str, Range<usize>)> {
    let rest = text.get(at..)?;
    let skipped = rest.len()
        - rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：')).len();
    let start = at + skipped;
    let len = text[start..].find(|c: char| !is_code_char(c)).unwrap_or(text.len() - start);
    let token = trim_token(&text[start..start + len]);
    (!token.is_empty()).then(|| (token, start..start + token.len()))
}

/// The token ending at byte offset `at`, before white space: its text and range.
pub(super) fn token_before(text: &str, at: usize) -> Option<(&str, Range<usize>)> {
    let head = text.get(..at)?.trim_end();
    let start = head
        .rfind(|c: char| !is_code_char(c))
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    let token = &head[start..];
    (!token.is_empty()).then_some((token, start..head.len()))
}

/// Where each of `anchors` (lowercase) occurs in `lower`, longest first at one place, never
/// overlapping: `(start, end, index of the anchor)`.
pub(super) fn find_anchors(lower: &str, anchors: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (index, anchor) in anchors.iter().enumerate() {
        for (start, _) in lower.match_indices(anchor) {
            let end = start + anchor.len();
            let ascii = anchor.is_ascii();
            let bounded = !ascii
                || (!lower[..start].ends_with(|c: char| c.is_ascii_alphanumeric())
                    && !lower[end..].starts_with(|c: char| c.is_ascii_alphabetic()));
            if bounded {
                hits.push((start, end, index));
            }
        }
    }
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for hit in hits {
        if kept.last().is_none_or(|last| hit.0 >= last.1) {
            kept.push(hit);
        }
    }
    kept
}

/// The end of the sentence holding `at`: the next `.` before white space or the end, `。`, `;`
/// or a line end.
pub(super) fn clause_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        let after = &rest[i + c.len_utf8()..];
        let stop = match c {
            '\n' | '。' | ';' | '；' => true,
            '.' => after.is_empty() || after.starts_with(char::is_whitespace),
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
    }
    at + end
}
