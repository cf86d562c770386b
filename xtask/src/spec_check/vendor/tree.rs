//! A section's tables as nested fields: dotted rows (`amount.total`, `goods_detail[].quantity`)
//! under their parent row, and sub-tables (`SignData:`, `GoodsInfo`, `Decrypted structure of
//! resource.ciphertext data:`) under the field they describe.

use std::collections::BTreeMap;

use super::lines::is_name_like;
use super::{ColumnKind, Problem, Role, Section, Table, Text};
use crate::spec_check::rules::Rules;
use std::rc::Rc;

/// A part of a message, as the vendor tables give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum PartKind {
    /// Request headers.
    Headers,
    /// Path parameters.
    Path,
    /// Query parameters.
    Query,
    /// The request body.
    Body,
    /// A JS API's parameters.
    Params,
    /// The response, envelope included.
    Response,
}

impl PartKind {
    fn of(role: &Role) -> Option<PartKind> {
        match role {
            Role::Headers => Some(PartKind::Headers),
            Role::Path => Some(PartKind::Path),
            Role::Query => Some(PartKind::Query),
            Role::Body => Some(PartKind::Body),
            Role::Params => Some(PartKind::Params),
            Role::Response => Some(PartKind::Response),
            Role::Nested { .. } | Role::Decrypted { .. } | Role::Unknown => None,
        }
    }
}

/// A field as a vendor row gives it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Field {
    /// The name: the last segment of a dotted name, or the whole name cell when it is not a
    /// wire name.
    pub(crate) name: String,
    /// The row's line (for a parent made up from dotted rows: its first child's line).
    pub(crate) line: u32,
    /// The type cell, when the table has a type column.
    pub(crate) ty: Option<Text>,
    /// The required cell, when the table has a required column.
    pub(crate) required: Option<Text>,
    /// The row's whole text, for notes.
    pub(crate) text: String,
    /// Whether the name cell is not a wire name (a mangled row).
    pub(crate) mangled: bool,
    /// Its fields, from dotted rows or a sub-table.
    pub(crate) children: Vec<Field>,
    /// The decrypted structure, when a table gives it.
    pub(crate) decrypted: Option<Vec<Field>>,
    /// What the row's description cells state.
    pub(crate) rules: Rc<Rules>,
    /// The index of the table the row is in, within the section.
    table: usize,
}

/// A part's fields and its tables' text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Part {
    /// The first table's header line.
    pub(crate) line: u32,
    /// Each table's whole text (caption, header, rows), for notes about the part.
    pub(crate) text: Vec<Text>,
    /// The top-level fields.
    pub(crate) fields: Vec<Field>,
}

/// A section's tables as nested fields.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tree {
    /// The parts the section has tables for.
    pub(crate) parts: BTreeMap<PartKind, Part>,
    /// Tables and rows that could not be placed.
    pub(crate) problems: Vec<Problem>,
}

/// Where a field stands in a tree.
#[derive(Clone, Debug)]
struct Place {
    part: PartKind,
    /// The steps from the part's top level.
    steps: Vec<Step>,
}

impl Tree {
    /// Builds the tree of `section`.
    pub(crate) fn of(section: &Section) -> Tree {
        let mut tree = Tree::default();
        for (index, table) in section.tables.iter().enumerate() {
            let fields = table_fields(table, index, &mut tree.problems);
            match &table.role {
                Role::Nested { field } => tree.attach(table, field, false, fields),
                Role::Decrypted { field } => tree.attach(table, field, true, fields),
                role => match PartKind::of(role) {
                    Some(kind) => {
                        let part = tree
                            .parts
                            .entry(kind)
                            .or_insert_with(|| Part { line: table.line, ..Part::default() });
                        part.text.push(Text::new(table.line, table.full_text()));
                        part.fields.extend(fields);
                    }
                    None => tree.problems.push(Problem {
                        line: table.line,
                        text: table.caption.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                        message: "table whose caption names no part of the message".to_owned(),
                    }),
                },
            }
        }
        tree
    }

    /// Puts the fields of a sub-table under the field its caption names (`target`): the most
    /// recent field whose dotted path ends with `target`'s segments, compared case-insensitively.
    fn attach(&mut self, table: &Table, target: &str, decrypted: bool, fields: Vec<Field>) {
        let segments: Vec<String> = segments(target).map(str::to_lowercase).collect();
        let mut found: Vec<(usize, Place)> = Vec::new();
        for (&part, content) in &self.parts {
            let mut matches = Vec::new();
            collect_matches(
                &content.fields,
                false,
                &segments,
                &mut Vec::new(),
                &mut Vec::new(),
                &mut matches,
            );
            found.extend(matches.into_iter().map(|(table, steps)| (table, Place { part, steps })));
        }
        let Some((_, mut place)) = found.into_iter().max_by_key(|(table, _)| *table) else {
            self.problems.push(Problem {
                line: table.line,
                text: table.caption.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                message: format!(
                    "sub-table of `{target}`, which no earlier row of the section names"
                ),
            });
            return;
        };
        if decrypted && place.steps.len() > 1 && segments.len() > 1 {
            // "Decrypted structure of resource.ciphertext": the structure belongs to the object
            // holding the ciphertext.
            place.steps.pop();
        }
        let Some(part) = self.parts.get_mut(&place.part) else { return };
        if let Some(text) = part.text.last_mut() {
            text.text.push('\n');
            text.text.push_str(&table.full_text());
        }
        let Some(field) = field_at(&mut part.fields, &place.steps) else { return };
        if decrypted {
            field.decrypted.get_or_insert_with(Vec::new).extend(fields);
        } else {
            field.children.extend(fields);
        }
    }
}

/// The segments of a dotted name, without `[]`.
fn segments(name: &str) -> impl Iterator<Item = &str> {
    name.split('.').map(|segment| segment.strip_suffix("[]").unwrap_or(segment))
}

/// A step from a field list to one of its fields: `(into decrypted, index)`.
type Step = (bool, usize);

/// Records, for every field in `fields` whose dotted path ends with `target`, the index of its
/// table and its place below `place`.
fn collect_matches(
    fields: &[Field],
    decrypted: bool,
    target: &[String],
    place: &mut Vec<Step>,
    names: &mut Vec<String>,
    found: &mut Vec<(usize, Vec<Step>)>,
) {
    for (index, field) in fields.iter().enumerate() {
        place.push((decrypted, index));
        names.push(field.name.to_lowercase());
        if names.ends_with(target) {
            found.push((field.table, place.clone()));
        }
        collect_matches(&field.children, false, target, place, names, found);
        if let Some(inner) = &field.decrypted {
            collect_matches(inner, true, target, place, names, found);
        }
        names.pop();
        place.pop();
    }
}

fn field_at<'a>(fields: &'a mut [Field], steps: &[Step]) -> Option<&'a mut Field> {
    let ((_, first), rest) = steps.split_first()?;
    let mut field = fields.get_mut(*first)?;
    for &(decrypted, index) in rest {
        field = if decrypted {
            field.decrypted.as_mut()?.get_mut(index)?
        } else {
            field.children.get_mut(index)?
        };
    }
    Some(field)
}

/// The rows of `table` as fields, dotted rows nested under their parent.
fn table_fields(table: &Table, index: usize, problems: &mut Vec<Problem>) -> Vec<Field> {
    let mut top: Vec<Field> = Vec::new();
    for row in &table.rows {
        let name = row.cells.first().map(|c| c.text.as_str()).unwrap_or_default();
        let field = Field {
            name: name.to_owned(),
            line: row.line,
            ty: table.cell(row, ColumnKind::Type).cloned(),
            required: table.cell(row, ColumnKind::Required).cloned(),
            text: row.full_text(),
            mangled: !is_name_like(name),
            table: index,
            rules: Rc::clone(&row.rules),
            ..Field::default()
        };
        if field.mangled {
            top.push(field);
            continue;
        }
        let path: Vec<&str> = segments(name).collect();
        let Some((last, parents)) = path.split_last() else { continue };
        let mut list = &mut top;
        for parent in parents {
            let position =
                list.iter().position(|f| !f.mangled && f.name == *parent).or_else(|| {
                    list.iter().position(|f| !f.mangled && f.name.eq_ignore_ascii_case(parent))
                });
            let position = position.unwrap_or_else(|| {
                list.push(Field {
                    name: (*parent).to_owned(),
                    line: row.line,
                    table: index,
                    ..Field::default()
                });
                list.len() - 1
            });
            list = &mut list[position].children;
        }
        if list.iter().any(|f| !f.mangled && f.name == *last) {
            problems.push(Problem {
                line: row.line,
                text: name.to_owned(),
                message: "a second row for the same field".to_owned(),
            });
            continue;
        }
        list.push(Field { name: (*last).to_owned(), ..field });
    }
    top
}
