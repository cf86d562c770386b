//! Enumerations and single values: lists of allowed values in their several shapes, fixed
//! values, the value that means success, and defaults.
//!
//! Shapes of an enumeration, English and Chinese:
//! - an intro (`Valid values:`, `possible values:`, `有效值:`, `枚举值:`) and a list;
//! - lines or tokens `CODE: meaning` (`SUCCESS: Payment successful`, `JSAPI:小程序支付`);
//! - numbered lines after a label (`Refund source:` `1. …` `2. …`);
//! - pairs `meaning - CODE` (`Payment success - TRANSACTION.SUCCESS`, `支付成功-TRANSACTION.SUCCESS`);
//! - pairs `code for meaning` / `code 为 meaning` (`formal for the official version`);
//! - `Label: A, B, C`, `A/B/C`, `A / B`, `标签A、B、C`, and a template `PREFIX. {{Label}}` that
//!   prefixes the list labelled so.

use std::ops::Range;

use super::text::{
    Cell, clause_end, find_anchors, is_code, is_upper_code, token_after, token_before, trim_token,
};
use super::{Rule, Rules};

/// Intros of an enumeration.
const INTROS: &[&str] = &[
    "valid values",
    "possible values",
    "allowed values",
    "optional values",
    "enumerated values",
    "enumeration values",
    "value range",
    "one of the following values",
    "有效值",
    "枚举值",
    "可选值",
    "取值范围",
    "取值",
];

/// Anchors of a fixed value, the value following them.
const FIXED: &[&str] = &[
    "is fixed as",
    "is fixed to",
    "fixed as",
    "fixed value",
    "fixed to",
    "fixed at",
    "is fixed",
    "currently",
    "固定为",
    "固定值",
    "目前为",
    "固定",
];

/// Anchors of the value meaning success: `(anchor, whether the value follows it)`.
const SUCCESS: &[(&str, bool)] = &[
    ("indicates success", false),
    ("means success", false),
    ("for success", false),
    ("on success", true),
    ("表示成功", false),
    ("成功时为", true),
    ("成功时返回", true),
];

/// Anchors of a default; the value follows them.
const DEFAULTS: &[&str] = &[
    "defaults to",
    "default value is",
    "default value:",
    "default is",
    "default:",
    "typically:",
    "typically",
    "默认值为",
    "默认为",
    "默认值",
    "默认",
];

/// List separators, longest first.
const SEPARATORS: &[&str] = &[" / ", ", ", "/", "、", "，", ",", " or ", "或"];

pub(super) fn read(cell: &mut Cell<'_>, rules: &mut Rules) {
    code_lines(cell, rules);
    numbered_lines(cell, rules);
    intros(cell, rules);
    dash_pairs(cell, rules);
    meaning_lists(cell, rules);
    labelled_lists(cell, rules);
    only_supported(cell, rules);
    fixed(cell, rules);
    success(cell, rules);
    defaults(cell, rules);
}

/// Line starts and ends, as byte ranges without the newline.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push(start..start + line.len());
        start += line.len() + 1;
    }
    out
}

/// `CODE:` at the start of `line`: the code.
fn leading_code(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let end = line.find([':', '：'])?;
    let code = line[..end].trim();
    is_upper_code(code).then_some(code)
}

fn ends_with_colon(line: &str) -> bool {
    line.trim_end().ends_with([':', '：'])
}

/// Blocks of lines `CODE: meaning`, after an intro line ending in a colon, or making up the
/// whole cell, or two lines or more.
fn code_lines(cell: &mut Cell<'_>, rules: &mut Rules) {
    let lines = lines(cell.text);
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && leading_code(&cell.text[lines[j].clone()]).is_some() {
            j += 1;
        }
        if j == i {
            i += 1;
            continue;
        }
        let intro = i > 0 && ends_with_colon(&cell.text[lines[i - 1].clone()]);
        let whole = i == 0 && j == lines.len();
        if intro || whole || j - i >= 2 {
            let codes: Vec<String> = (i..j)
                .filter_map(|k| leading_code(&cell.text[lines[k].clone()]))
                .map(str::to_owned)
                .collect();
            let start = if intro { lines[i - 1].start } else { lines[i].start };
            cell.found(rules, Rule::Values(codes), start..lines[j - 1].end);
        }
        i = j;
    }
}

/// `1. …` lines, two or more, after a line ending in a colon.
fn numbered_lines(cell: &mut Cell<'_>, rules: &mut Rules) {
    let lines = lines(cell.text);
    let number = |line: &str| {
        let line = line.trim_start();
        let digits = line.find(|c: char| !c.is_ascii_digit())?;
        let rest = &line[digits..];
        (digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with('、')))
            .then(|| line[..digits].to_owned())
    };
    let mut i = 1;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && number(&cell.text[lines[j].clone()]).is_some() {
            j += 1;
        }
        if j - i >= 2 && ends_with_colon(&cell.text[lines[i - 1].clone()]) {
            let values = (i..j).filter_map(|k| number(&cell.text[lines[k].clone()])).collect();
            cell.found(rules, Rule::Values(values), lines[i - 1].start..lines[j - 1].end);
            i = j;
        } else {
            i = j.max(i + 1);
        }
    }
}

/// The items of a list in `text`: split at the first separator it has.
fn split_list(text: &str) -> Vec<&str> {
    for separator in SEPARATORS {
        if text.contains(separator) {
            return text.split(separator).map(|item| trim_token(item.trim())).collect();
        }
    }
    vec![trim_token(text.trim())]
}

/// `Valid values: email, phone`, `枚举值: SUCCESS:支付成功 REFUND:转入退款`.
fn intros(cell: &mut Cell<'_>, rules: &mut Rules) {
    for (start, end, _) in find_anchors(&cell.lower, INTROS) {
        cell.anchor(start, "an enumeration");
        if cell.is_classified(cell.sentence_of(start)) {
            continue;
        }
        let stop = clause_end(cell.text, end);
        let rest = cell.text[end..stop].trim_start_matches([':', '：', ' ', '为', '是']);
        let inline: Vec<String> = rest
            .split_whitespace()
            .filter_map(|word| leading_code(word).filter(|_| word.contains([':', '：'])))
            .map(str::to_owned)
            .collect();
        if !inline.is_empty() {
            cell.found(rules, Rule::Values(inline), start..stop);
            continue;
        }
        let items = split_list(rest);
        if !rest.trim().is_empty() && items.iter().all(|item| is_code(item)) {
            let values = items.into_iter().map(str::to_owned).collect();
            cell.found(rules, Rule::Values(values), start..stop);
        }
    }
}

/// `meaning - CODE` pairs, two or more in the cell.
fn dash_pairs(cell: &mut Cell<'_>, rules: &mut Rules) {
    let text = cell.text;
    let mut codes = Vec::new();
    let mut span: Option<Range<usize>> = None;
    for (at, _) in text.match_indices('-') {
        let glued = text[..at].ends_with(|c: char| c.is_ascii_alphanumeric());
        let starts = text[..at].trim_end().is_empty();
        if glued || starts {
            continue;
        }
        let Some((code, range)) = token_after(text, at + 1) else { continue };
        if !is_upper_code(code) || text[at + 1..range.start].contains('\n') {
            continue;
        }
        codes.push(code.to_owned());
        let start = span.as_ref().map_or(at, |s| s.start);
        span = Some(start..range.end);
    }
    match (codes.len(), span) {
        (2.., Some(span)) => cell.found(rules, Rule::Values(codes), span),
        (1, Some(span)) => cell.anchor(span.start, "an enumeration"),
        _ => {}
    }
}

/// The part of a sentence after its last colon.
fn after_colon(sentence: &str) -> &str {
    sentence.rfind([':', '：']).map_or(sentence, |i| {
        let colon = sentence[i..].chars().next().map_or(1, char::len_utf8);
        &sentence[i + colon..]
    })
}

/// `code for meaning, code for meaning` and `code 为 meaning;code 为 meaning`.
fn meaning_lists(cell: &mut Cell<'_>, rules: &mut Rules) {
    for index in 0..cell.sentences.len() {
        let range = cell.sentences[index].clone();
        let sentence = &cell.text[range.clone()];
        let mut pairs = Vec::new();
        for item in after_colon(sentence).split([',', ';', '；', '，']) {
            let item = item.trim().trim_end_matches(['.', '。']);
            let pair = [" for ", " 为 ", "为"].iter().find_map(|word| {
                let (code, meaning) = item.split_once(word)?;
                let code = code.trim();
                (is_code(code) && !meaning.trim().is_empty())
                    .then(|| (code.to_owned(), meaning.trim().to_owned()))
            });
            match pair {
                Some(pair) => pairs.push(pair),
                None if pairs.len() >= 2 => break,
                None => pairs.clear(),
            }
        }
        if pairs.len() >= 2 {
            let values = pairs.iter().map(|(code, _)| code.clone()).collect();
            cell.meanings.extend(pairs);
            cell.found(rules, Rule::Values(values), range);
        }
    }
}

/// `PREFIX. {{Label}}`: the prefix and the label.
fn template(cell: &Cell<'_>) -> Option<(String, String, usize)> {
    let open = cell.text.find("{{")?;
    let close = open + cell.text[open..].find("}}")?;
    let label = cell.text[open + 2..close].trim().to_lowercase();
    let (prefix, _) = token_before(cell.text, open)?;
    Some((prefix.to_owned(), label, open))
}

/// `Label: A, B, C`, `A / B / C`, `标签A、B、C`.
fn labelled_lists(cell: &mut Cell<'_>, rules: &mut Rules) {
    let template = template(cell);
    for index in 0..cell.sentences.len() {
        if cell.is_classified(index) {
            continue;
        }
        let range = cell.sentences[index].clone();
        let sentence = cell.text[range.clone()].trim();
        if sentence.contains(['{', '"', '=']) {
            // A sample (`'{"offerId":"123",…}'`) or a formula, not a list.
            continue;
        }
        let (label, rest) = match sentence.find([':', '：']) {
            Some(i) => {
                let colon = sentence[i..].chars().next().map_or(1, char::len_utf8);
                (Some(sentence[..i].trim()), &sentence[i + colon..])
            }
            None => (None, sentence),
        };
        let mut items = split_list(rest);
        if items.len() < 2 {
            continue;
        }
        if label.is_none() {
            // Without a label only `/` and `、` lists count; the first item may carry a Chinese
            // label glued to it.
            if !rest.contains(['/', '、']) {
                continue;
            }
            if let Some(first) = items.first_mut() {
                *first = first.trim_start_matches(|c: char| !c.is_ascii());
            }
        }
        if items.iter().all(|item| is_code(item)) {
            let mut values: Vec<String> = items.iter().map(|item| (*item).to_owned()).collect();
            let mut start = range.start;
            if let (Some((prefix, wanted, at)), Some(label)) = (&template, label)
                && label.to_lowercase() == *wanted
            {
                values = values.iter().map(|value| format!("{prefix}{value}")).collect();
                start = start.min(*at);
            }
            cell.found(rules, Rule::Values(values), start..range.end);
        } else if label.is_some_and(|label| {
            label.split_whitespace().count() <= 4
                && label.chars().count() <= 24
                && !label.contains(';')
        }) && !sentence.contains(['(', '（'])
            && items.iter().all(|item| item.split_whitespace().count() <= 3)
        {
            cell.anchor(range.start, "an enumeration");
        }
    }
}

/// `Only short_series_goods is supported`, `Only A and B are supported`, `仅支持A、B`.
fn only_supported(cell: &mut Cell<'_>, rules: &mut Rules) {
    for (start, end, index) in find_anchors(&cell.lower, &["only", "仅支持", "只支持"]) {
        let stop = clause_end(cell.text, end);
        let clause = &cell.lower[end..stop];
        let list = if index == 0 {
            let Some(at) = clause.find(" supported") else { continue };
            let list = clause[..at].trim_end();
            let Some(list) = list.strip_suffix(" is").or_else(|| list.strip_suffix(" are")) else {
                continue;
            };
            &cell.text[end..end + list.len()]
        } else {
            &cell.text[end..stop]
        };
        cell.anchor(start, "an enumeration");
        let items: Vec<&str> = list
            .split(" and ")
            .flat_map(split_list)
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .collect();
        if !items.is_empty() && items.iter().all(|item| is_code(item)) {
            let values = items.into_iter().map(str::to_owned).collect();
            cell.found(rules, Rule::Values(values), start..stop);
        }
    }
}

/// Whether the token `code` at `range` reads as a value rather than an English word: it has a
/// capital, a digit or punctuation, or it ends the sentence.
fn value_like(text: &str, code: &str, range: &Range<usize>) -> bool {
    code.chars().any(|c| !c.is_ascii_lowercase())
        || text[range.end..].trim_start_matches(['.', '。']).trim_start().is_empty()
        || text[range.end..].starts_with(['.', '。', '\n', ',', '，', ';'])
}

/// `fixed as encrypt-resource`, `Fixed value: AEAD_AES_256_GCM`, `固定为: …`.
fn fixed(cell: &mut Cell<'_>, rules: &mut Rules) {
    for (start, end, _) in find_anchors(&cell.lower, FIXED) {
        cell.anchor(start, "a fixed value");
        let text = cell.text;
        match token_after(text, end) {
            Some((code, range)) if value_like(text, code, &range) => {
                cell.found(rules, Rule::Fixed(code.to_owned()), start..range.end);
            }
            _ => {}
        }
    }
}

/// `0 indicates success`, `成功时为 ok`.
fn success(cell: &mut Cell<'_>, rules: &mut Rules) {
    let anchors: Vec<&str> = SUCCESS.iter().map(|(anchor, _)| *anchor).collect();
    for (start, end, index) in find_anchors(&cell.lower, &anchors) {
        cell.anchor(start, "a success value");
        let found = if SUCCESS[index].1 {
            token_after(cell.text, end)
        } else {
            token_before(cell.text, start)
        };
        if let Some((code, range)) = found {
            let span = range.start.min(start)..range.end.max(end);
            cell.found(rules, Rule::Success(code.to_owned()), span);
        }
    }
}

/// Lowercase, without `the` and punctuation: how a default's meaning is matched.
fn normalize(text: &str) -> String {
    let text = text.trim().trim_matches(|c: char| c.is_ascii_punctuation() || c == '。').trim();
    let lower = text.to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).trim().to_owned()
}

/// `Defaults to the official version` (resolved through the cell's meanings), `typically: RSA`,
/// `默认为正式版`.
fn defaults(cell: &mut Cell<'_>, rules: &mut Rules) {
    for (start, end, _) in find_anchors(&cell.lower, DEFAULTS) {
        cell.anchor(start, "a default value");
        let stop = clause_end(cell.text, end);
        let said = cell.text[end..stop].trim().trim_start_matches([':', '：']).trim();
        let said = trim_token(said);
        let value = if is_code(said) {
            Some(said.to_owned())
        } else {
            let wanted = normalize(said);
            cell.meanings
                .iter()
                .find(|(_, meaning)| normalize(meaning) == wanted)
                .map(|(code, _)| code.clone())
        };
        if let Some(value) = value {
            cell.found(rules, Rule::Default(value), start..stop);
        }
    }
}
