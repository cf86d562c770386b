//! Units, formats, signatures and signature formulas.
//!
//! - A unit: `in cents`, `in seconds`, `(unit: millisecond)`, `单位为分`, `单位:分`, `单位秒`,
//!   `时间戳秒`, `毫秒级`; a unit the spec has no word for (`in yuan`, `单位元`) is unclassified.
//! - A format: `RFC3339`, `RFC 3339`, `ISO 4217`, `URL`, `JSON`; the words `format`, `formatted`,
//!   `格式` with none of those in their sentence are unclassified.
//! - A signature: the first sentence of a row's first description names it (`Payment
//!   signature.`, `The signature for …`, `签名认证信息`), not one that only mentions signing
//!   (`Timestamp for signature verification`).
//! - A formula: `to_hex(hmac_sha256(appKey,'requestVirtualPayment' + '&' + signData))`: what
//!   comes before `'&'`.

use sas_spec::{Format, Unit};

use super::text::{Cell, find_anchors, is_code};
use super::{Prefix, Rule, Rules};

/// English unit words after `in ` (or `unit: `), and the unit each names (`None`: a unit the
/// spec has no word for).
const EN_UNITS: &[(&str, Option<Unit>)] = &[
    ("milliseconds", Some(Unit::Millisecond)),
    ("millisecond", Some(Unit::Millisecond)),
    ("ms", Some(Unit::Millisecond)),
    ("seconds", Some(Unit::Second)),
    ("second", Some(Unit::Second)),
    ("cents", Some(Unit::Cent)),
    ("cent", Some(Unit::Cent)),
    ("minutes", None),
    ("hours", None),
    ("days", None),
    ("yuan", None),
    ("dollars", None),
];

/// Chinese unit words after `单位` (and `为`, `:`), and the unit each names.
const ZH_UNITS: &[(&str, Option<Unit>)] = &[
    ("毫秒", Some(Unit::Millisecond)),
    ("秒", Some(Unit::Second)),
    ("分钟", None),
    ("分", Some(Unit::Cent)),
    ("元", None),
    ("小时", None),
    ("天", None),
];

/// Known formats, by the words that name them.
const FORMATS: &[(&str, Option<Format>)] = &[
    ("rfc3339", Some(Format::Rfc3339)),
    ("rfc 3339", Some(Format::Rfc3339)),
    ("iso 4217", Some(Format::Currency)),
    ("iso4217", Some(Format::Currency)),
    ("url", Some(Format::Url)),
    ("json", None),
];

pub(super) fn read(cell: &mut Cell<'_>, rules: &mut Rules, first: bool) {
    units(cell, rules);
    formats(cell, rules);
    formulas(cell, rules);
    if first {
        signature(cell, rules);
    }
}

fn units(cell: &mut Cell<'_>, rules: &mut Rules) {
    let lower = cell.lower.clone();
    for (start, end, _) in find_anchors(&lower, &["in", "unit:", "unit is", "units of", "(unit:"]) {
        let rest = lower[end..].trim_start();
        let Some((word, unit)) = EN_UNITS.iter().find(|(word, _)| {
            rest.starts_with(word)
                && !rest[word.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        }) else {
            continue;
        };
        cell.anchor(start, "a unit");
        if let Some(unit) = unit {
            let stop = end + (lower[end..].len() - rest.len()) + word.len();
            cell.found(rules, Rule::Unit(*unit), start..stop);
        }
    }
    for (start, _) in lower.match_indices('级') {
        // `秒级`, `毫秒级`: the unit stands before.
        let head = &lower[..start];
        let Some((word, unit)) = ZH_UNITS.iter().find(|(word, _)| head.ends_with(word)) else {
            continue;
        };
        cell.anchor(start, "a unit");
        if let Some(unit) = unit {
            cell.found(rules, Rule::Unit(*unit), start - word.len()..start + '级'.len_utf8());
        }
    }
    for anchor in ["单位", "时间戳"] {
        for (start, _) in lower.match_indices(anchor) {
            let rest = &lower[start + anchor.len()..];
            let trimmed = rest.trim_start_matches([' ', '为', '是', ':', '：', '(', '（']);
            match ZH_UNITS.iter().find(|(word, _)| trimmed.starts_with(word)) {
                Some((word, unit)) => {
                    cell.anchor(start, "a unit");
                    if let Some(unit) = unit {
                        let stop = start + anchor.len() + (rest.len() - trimmed.len()) + word.len();
                        cell.found(rules, Rule::Unit(*unit), start..stop);
                    }
                }
                // `时间戳` alone names no unit; `单位` alone reads like one.
                None if anchor == "单位" => cell.anchor(start, "a unit"),
                None => {}
            }
        }
    }
}

fn formats(cell: &mut Cell<'_>, rules: &mut Rules) {
    let lower = cell.lower.clone();
    let names: Vec<&str> = FORMATS.iter().map(|(name, _)| *name).collect();
    for (start, end, index) in find_anchors(&lower, &names) {
        cell.found(rules, Rule::Format(FORMATS[index].1), start..end);
    }
    for (start, _, _) in find_anchors(&lower, &["format", "formatted", "格式"]) {
        cell.anchor(start, "a format");
    }
}

/// `'…'` or `"…"` around `text`: the inside.
fn quoted(text: &str) -> Option<&str> {
    let text = text.trim();
    ['\'', '"'].iter().find_map(|q| text.strip_prefix(*q)?.strip_suffix(*q))
}

fn formulas(cell: &mut Cell<'_>, rules: &mut Rules) {
    let lower = cell.lower.clone();
    for (start, _, _) in find_anchors(&lower, &["hmac"]) {
        cell.anchor(start, "a signature formula");
        let text = cell.text;
        let Some(open) = text[start..].find('(').map(|i| start + i) else { continue };
        let mut depth = 0usize;
        let mut close = None;
        for (i, c) in text[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        let arguments = &text[open + 1..close];
        let Some((_, message)) = arguments.split_once(',') else { continue };
        let parts: Vec<&str> = message.split('+').map(str::trim).collect();
        let Some(amp) = parts.iter().position(|part| quoted(part) == Some("&")) else { continue };
        let Some(before) = amp.checked_sub(1).and_then(|i| parts.get(i)) else { continue };
        let prefix = match quoted(before) {
            Some(literal) => Prefix::Literal(literal.to_owned()),
            None if is_code(before) => Prefix::Name((*before).to_owned()),
            None => continue,
        };
        let hmac = lower[start..].starts_with("hmac");
        cell.found(rules, Rule::Formula { prefix, hmac }, start..close + 1);
    }
}

/// Words that, standing before `signature`, make the sentence about something else.
const NOT_HEAD: &[&str] =
    &["for", "of", "to", "in", "with", "by", "on", "from", "verify", "verifying"];

/// Words that, following `signature`, make the phrase name something else.
const NOT_SIGNATURE: &[&str] = &["algorithm", "type", "method", "mode", "version", "key", "scheme"];

fn signature(cell: &mut Cell<'_>, rules: &mut Rules) {
    let Some(range) = cell.sentences.first().cloned() else { return };
    let sentence = &cell.lower[range.clone()];
    let clause = sentence.split([',', ';', '(', '，', '；']).next().unwrap_or("");
    let is_signature = if let Some(at) = clause.find("签名") {
        !["算法", "类型", "方式", "方法", "密钥"]
            .iter()
            .any(|w| clause[at + "签名".len()..].starts_with(w))
    } else {
        let words: Vec<&str> = clause
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation() && c != '-'))
            .filter(|w| !matches!(*w, "the" | "a" | "an"))
            .collect();
        words
            .iter()
            .position(|w| w.ends_with("signature") || w.ends_with("signatures"))
            .is_some_and(|at| {
                at <= 2
                    && !words[..at].iter().any(|w| NOT_HEAD.contains(w))
                    && !words.get(at + 1).is_some_and(|next| NOT_SIGNATURE.contains(next))
            })
    };
    if is_signature {
        cell.found(rules, Rule::Signature, range);
    }
}
