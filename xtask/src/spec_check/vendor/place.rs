//! Places the Chinese tables, which carry no headings, in the English API List's sections.
//!
//! Both texts list the same tables in the same order, so the placement is an order-keeping
//! alignment of the two table sequences that maximises the field names they share (Dice
//! coefficient of the lowercased names). A Chinese table that shares no name with any English
//! table it could align with stays loose, and is reported.

use std::collections::BTreeSet;

use super::{Document, Problem, Section, Table};

/// Scores are Dice coefficients scaled to integers, so the alignment is exact.
const SCALE: u64 = 1_000_000;

/// Moves the loose tables of `zh` into sections named after the English sections they align
/// with, taking the English table's role and caption.
pub(super) fn place(mut zh: Document, en: &Document) -> Document {
    let en_tables: Vec<(usize, &Table)> = en
        .sections
        .iter()
        .enumerate()
        .flat_map(|(index, section)| section.tables.iter().map(move |table| (index, table)))
        .collect();
    let zh_tables = std::mem::take(&mut zh.loose);
    let zh_names: Vec<BTreeSet<String>> = zh_tables.iter().map(names).collect();
    let en_names: Vec<BTreeSet<String>> = en_tables.iter().map(|(_, t)| names(t)).collect();
    let pairs = align(&zh_names, &en_names);

    let mut placed: Vec<Option<usize>> = vec![None; zh_tables.len()];
    for (zh_index, en_index) in pairs {
        placed[zh_index] = Some(en_index);
    }
    for (table, target) in zh_tables.into_iter().zip(placed) {
        let Some((section_index, en_table)) = target.and_then(|i| en_tables.get(i)) else {
            zh.problems.push(Problem {
                line: table.line,
                text: table.names().collect::<Vec<_>>().join(", "),
                message: "table fits no API List section: no English table in its place shares \
                          a field name with it"
                    .to_owned(),
            });
            zh.loose.push(table);
            continue;
        };
        let en_section = &en.sections[*section_index];
        let mut table = table;
        table.role = en_table.role.clone();
        if zh.sections.last().is_none_or(|s| s.id != en_section.id) {
            zh.sections.push(Section {
                id: en_section.id.clone(),
                title: en_section.title.clone(),
                line: table.line,
                ..Section::default()
            });
        }
        if let Some(section) = zh.sections.last_mut() {
            section.tables.push(table);
        }
    }
    zh
}

fn names(table: &Table) -> BTreeSet<String> {
    table.names().map(str::to_lowercase).collect()
}

fn score(a: &BTreeSet<String>, b: &BTreeSet<String>) -> u64 {
    let common = a.intersection(b).count() as u64;
    let total = (a.len() + b.len()) as u64;
    if common == 0 || total == 0 { 0 } else { 2 * common * SCALE / total }
}

/// The order-keeping pairing of `left` and `right` with the greatest total score; pairs of
/// score 0 are never made. Returns `(left index, right index)` pairs in order.
fn align(left: &[BTreeSet<String>], right: &[BTreeSet<String>]) -> Vec<(usize, usize)> {
    let (n, m) = (left.len(), right.len());
    let scores: Vec<Vec<u64>> =
        left.iter().map(|l| right.iter().map(|r| score(l, r)).collect()).collect();
    // best[i][j]: the best total for left[..i] and right[..j].
    let mut best = vec![vec![0u64; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let s = scores[i - 1][j - 1];
            let diagonal = if s > 0 { best[i - 1][j - 1] + s } else { 0 };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(diagonal);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let s = scores[i - 1][j - 1];
        if best[i][j] == best[i][j - 1] {
            // Among equally good placements, the earliest: a table that fits several places
            // (every response table looks alike) stays next to the tables before it.
            j -= 1;
        } else if s > 0 && best[i][j] == best[i - 1][j - 1] + s {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else {
            i -= 1;
        }
    }
    pairs.reverse();
    pairs
}
