//! Length limits and character sets.
//!
//! A length is anchored on a number before `character(s)` or `字符` (`127 characters`,
//! `6-32 characters`, `128字符`, `6-32个字符`); the words around it say which bound it is
//! (`cannot exceed`, `up to`, `limit`, `at least`, `不能超过`, `以内`, `至少`). A character set
//! follows `can only include`, `composed of`, `只能是`, `由…组成`, as a list of classes (`numbers`,
//! `uppercase and lowercase letters`, `数字`, `大小写字母`, `下划线`) and literal punctuation.

use super::text::{Cell, find_anchors};
use super::{Chars, Rule, Rules};

/// Words before a single number that make it the greatest length.
const MAX_BEFORE: &[&str] = &[
    "exceed",
    "up to",
    "at most",
    "no more than",
    "not more than",
    "no longer than",
    "not longer than",
    "maximum",
    "max",
    "limit",
    "within",
    "less than or equal to",
    "不能超过",
    "不得超过",
    "不可超过",
    "不超过",
    "不大于",
    "最多",
    "最长",
    "限制在",
    "小于等于",
];

/// Words after a single number that make it the greatest length.
const MAX_AFTER: &[&str] =
    &["以内", "内", "以下", " or less", " or fewer", " at most", " max", " maximum"];

/// Words before a single number that make it the least length.
const MIN_BEFORE: &[&str] = &[
    "at least",
    "minimum",
    "no less than",
    "no fewer than",
    "not less than",
    "no shorter than",
    "至少",
    "最少",
    "最短",
    "不少于",
    "不得少于",
    "不小于",
    "大于等于",
];

/// Words after a single number that make it the least length.
const MIN_AFTER: &[&str] = &["以上", " or more", " at least", " minimum"];

/// Words before a single number that make it the exact length.
const EXACT_BEFORE: &[&str] = &["exactly", "fixed length of", "固定长度", "固定为"];

/// How far before the number the bound words may stand, in bytes.
const REACH: usize = 48;

pub(super) fn read(cell: &mut Cell<'_>, rules: &mut Rules) {
    lengths(cell, rules);
    charsets(cell, rules);
}

/// The number ending at byte `end` of `text` (digits only): its value and start.
fn number_before(text: &str, end: usize) -> Option<(u32, usize)> {
    let head = &text[..end];
    let start = head.len() - head.chars().rev().take_while(char::is_ascii_digit).count();
    head[start..].parse().ok().map(|n| (n, start))
}

fn lengths(cell: &mut Cell<'_>, rules: &mut Rules) {
    let text = cell.text;
    let lower = cell.lower.clone();
    for (start, end, _) in find_anchors(&lower, &["characters", "character", "字符"]) {
        // Back over `个` and spaces to the number.
        let head = lower[..start].trim_end_matches([' ', '个']);
        let Some((last, last_start)) = number_before(head, head.len()) else { continue };
        cell.anchor(start, "a length");
        let before_last = head[..last_start].trim_end();
        let range_first = [" and ", " to ", "-", "–", "~", "至"].iter().find_map(|joint| {
            let before = before_last
                .strip_suffix(joint.trim())
                .or_else(|| before_last.strip_suffix(joint))?;
            let before = before.trim_end();
            number_before(before, before.len())
        });
        let rule = match range_first {
            Some((first, _)) => Some(Rule::Length { min: Some(first), max: Some(last) }),
            None => {
                let window_start = before_last.len().saturating_sub(REACH);
                let window_start = (window_start..=before_last.len())
                    .find(|&i| before_last.is_char_boundary(i))
                    .unwrap_or(before_last.len());
                let window = &before_last[window_start..];
                let after = &lower[end..];
                if EXACT_BEFORE.iter().any(|w| window.contains(w)) {
                    Some(Rule::Length { min: Some(last), max: Some(last) })
                } else if MIN_BEFORE.iter().any(|w| window.contains(w))
                    || MIN_AFTER.iter().any(|w| after.starts_with(w))
                {
                    Some(Rule::Length { min: Some(last), max: None })
                } else if MAX_BEFORE.iter().any(|w| window.contains(w))
                    || MAX_AFTER.iter().any(|w| after.starts_with(w))
                {
                    Some(Rule::Length { min: None, max: Some(last) })
                } else {
                    None
                }
            }
        };
        if let Some(rule) = rule {
            let from = head.len().saturating_sub(REACH).min(last_start);
            let from =
                (from..=last_start).find(|&i| text.is_char_boundary(i)).unwrap_or(last_start);
            cell.found(rules, rule, from..end);
        }
    }
}

/// Anchors of a character set: the list follows them.
const CHARSET_AFTER: &[&str] = &[
    "can only include",
    "can only contain",
    "may only contain",
    "can only consist of",
    "only include",
    "only contain",
    "composed of",
    "consisting of",
    "consists of",
    "made up of",
    "只能是",
    "只能包含",
    "只能为",
    "只能由",
];

/// Character classes by name, longest first within a language.
const CLASSES: &[(&str, &[(char, char)])] = &[
    ("uppercase and lowercase letters", &[('A', 'Z'), ('a', 'z')]),
    ("upper and lower case letters", &[('A', 'Z'), ('a', 'z')]),
    ("upper- and lowercase letters", &[('A', 'Z'), ('a', 'z')]),
    ("uppercase letters", &[('A', 'Z')]),
    ("capital letters", &[('A', 'Z')]),
    ("lowercase letters", &[('a', 'z')]),
    ("english letters", &[('A', 'Z'), ('a', 'z')]),
    ("letters", &[('A', 'Z'), ('a', 'z')]),
    ("numbers", &[('0', '9')]),
    ("digits", &[('0', '9')]),
    ("numerals", &[('0', '9')]),
    ("hyphens", &[('-', '-')]),
    ("hyphen", &[('-', '-')]),
    ("dashes", &[('-', '-')]),
    ("underscores", &[('_', '_')]),
    ("underscore", &[('_', '_')]),
    ("asterisks", &[('*', '*')]),
    ("vertical bars", &[('|', '|')]),
    ("periods", &[('.', '.')]),
    ("dots", &[('.', '.')]),
    ("大小写字母", &[('A', 'Z'), ('a', 'z')]),
    ("大写字母", &[('A', 'Z')]),
    ("小写字母", &[('a', 'z')]),
    ("英文字母", &[('A', 'Z'), ('a', 'z')]),
    ("字母", &[('A', 'Z'), ('a', 'z')]),
    ("数字", &[('0', '9')]),
    ("中划线", &[('-', '-')]),
    ("连字符", &[('-', '-')]),
    ("横线", &[('-', '-')]),
    ("下划线", &[('_', '_')]),
    ("星号", &[('*', '*')]),
    ("竖线", &[('|', '|')]),
    ("点号", &[('.', '.')]),
];

/// Words that qualify a class without changing it.
const QUALIFIERS: &[&str] = &[
    "half-width ",
    "half width ",
    "ascii ",
    "and ",
    "or ",
    "半角的",
    "半角",
    "英文的",
    "和",
    "及",
    "与",
    "或",
];

/// Reads one list item into `chars`; returns whether it held at least one class or character.
fn item(mut item: &str, chars: &mut Chars) -> bool {
    let mut any = false;
    loop {
        item = item.trim_start();
        if let Some(rest) = QUALIFIERS.iter().find_map(|q| item.strip_prefix(q)) {
            item = rest;
            continue;
        }
        if let Some((name, ranges)) = CLASSES.iter().find(|(name, _)| item.starts_with(name)) {
            for &(lo, hi) in *ranges {
                chars.add(lo, hi);
            }
            item = &item[name.len()..];
            any = true;
            continue;
        }
        match item.chars().next() {
            Some(c) if c.is_ascii_punctuation() && !matches!(c, ',' | '.' | '(' | ')' | ':') => {
                chars.add(c, c);
                item = &item[1..];
                any = true;
            }
            _ => return any,
        }
    }
}

fn charsets(cell: &mut Cell<'_>, rules: &mut Rules) {
    let lower = cell.lower.clone();
    let mut anchors = find_anchors(&lower, CHARSET_AFTER);
    // `由…组成`: the list stands between the two.
    for (start, _) in lower.match_indices("组成") {
        if let Some(from) = lower[..start].rfind('由') {
            anchors.push((from, from + '由'.len_utf8(), usize::MAX));
        }
    }
    for (start, end, index) in anchors {
        cell.anchor(start, "a character set");
        let mut rest = &lower[end..];
        if index == usize::MAX {
            rest = &rest[..rest.find("组成").unwrap_or(rest.len())];
            rest = rest.trim_end_matches("中的一种或几种").trim_end_matches("中的一种或多种");
        }
        if let Some(colon) = rest.find("the following:") {
            rest = &rest[colon + "the following:".len()..];
        }
        let stop = rest.find(['.', '。', ';', '\n', '且', '(']).unwrap_or(rest.len());
        // A `.` inside the literal punctuation would end the list early; none of the texts
        // lists it.
        let list = &rest[..stop];
        let mut chars = Chars::default();
        let mut read = false;
        for part in list.split([',', '、', '，']) {
            if !item(part, &mut chars) {
                break;
            }
            read = true;
        }
        if read {
            let span_end = end + stop.min(rest.len());
            cell.found(rules, Rule::Charset(chars), start..span_end.min(cell.text.len()));
        }
    }
}
