//! Which column gives which field: the user's choices first, then the best-ranked header alias.

use super::ColumnSource;
use super::columns::{Field, header_key, match_header};
use crate::io::error::Problem;
use crate::model::RosterColumn;
use std::collections::HashMap;

/// A cell without surrounding whitespace. Most cells have none, and checking the two ends first
/// skips `str::trim`'s Unicode-aware scan (measured: ~5% of a 10,000-row import). Excel's way of keeping leading zeros, `="000123"`, reads as the text inside.
pub(super) fn trim_cell(cell: &str) -> &str {
    let bytes = cell.as_bytes();
    let solid =
        |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace() && *b != b'=' && *b != b'\'');
    if solid(bytes.first()) && solid(bytes.last()) {
        return cell;
    }
    let cell = unprotect(cell.trim());
    cell.strip_prefix("=\"").and_then(|inner| inner.strip_suffix('"')).unwrap_or(cell)
}

/// A cell without the apostrophe a spreadsheet export puts before `+ - = @` so the cell is not run
/// as a formula (Ladderboard's own exports do it): `'+48 601 000 001` reads `+48 601 000 001`.
/// Removed once: `''=x` reads `'=x`.
#[must_use]
pub fn unprotect(cell: &str) -> &str {
    match cell.as_bytes() {
        [b'\'', b'+' | b'-' | b'=' | b'@' | b'\t' | b'\r', ..] => &cell[1..],
        _ => cell,
    }
}

/// Which column gives each field for these headers and choices, by the rule the import uses; for
/// the import preview, which shows the mapping even when the import cannot go on.
#[must_use]
pub fn mapped_columns(headers: &[String], chosen: &[(Field, Option<String>)]) -> Vec<ColumnSource> {
    Columns::from_headers(&csv::StringRecord::from(headers.to_vec()), chosen, 1).0.sources
}

/// Where each understood field is, and the columns kept verbatim.
pub(super) struct Columns {
    /// Column position of each field, indexed by `Field as usize`.
    pub(super) index: [Option<usize>; Field::ALL.len()],
    /// Positions of the columns kept as they were, in order.
    pub(super) extra: Vec<usize>,
    pub(super) names: Vec<String>,
    /// Which column supplied each field, and why, for the summary.
    pub(super) sources: Vec<ColumnSource>,
}

impl Columns {
    /// Maps headers to fields: the user's choices first, then the best-ranked alias per field. A
    /// dedicated level column beats a title column; the column that lost is kept as an extra column
    /// and named in the summary.
    pub(super) fn from_headers(
        headers: &csv::StringRecord,
        chosen: &[(Field, Option<String>)],
        header_line: u64,
    ) -> (Columns, Vec<Problem>) {
        let mut candidates: HashMap<Field, Vec<(usize, usize)>> = HashMap::new();
        let mut names = Vec::new();
        let mut problems = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let name = if header.trim().is_empty() { format!("column {}", i + 1) } else { header.trim().to_owned() };
            if names.contains(&name) {
                problems.push(
                    Problem::new("two columns have the same header", "rename one of them so each header is unique")
                        .at_line(header_line)
                        .in_column(name.clone()),
                );
            }
            names.push(name);
            if let Some((field, rank)) = match_header(header) {
                candidates.entry(field).or_default().push((rank, i));
            }
        }
        let mut index = [None; Field::ALL.len()];
        let mut why: HashMap<Field, String> = HashMap::new();
        for (field, list) in &mut candidates {
            list.sort_unstable();
            index[*field as usize] = Some(list[0].1);
            let others: Vec<String> = list[1..].iter().map(|&(_, i)| format!("\"{}\"", names[i])).collect();
            if !others.is_empty() {
                let kind = if field.is_title_alias(list[0].0) { "a title column; " } else { "" };
                let what = if list[1..].iter().any(|&(rank, _)| field.is_title_alias(rank))
                    && !field.is_title_alias(list[0].0)
                {
                    "a dedicated level column wins over"
                } else {
                    "preferred over"
                };
                why.insert(*field, format!("{kind}{what} {}, kept as extra", others.join(", ")));
            } else if field.is_title_alias(list[0].0) {
                why.insert(*field, "a title column: the file has no level column".to_owned());
            }
        }
        for (field, header) in chosen {
            match header {
                None => {
                    index[*field as usize] = None;
                }
                Some(header) => {
                    match names.iter().position(|n| n == header.trim() || header_key(n) == header_key(header)) {
                        Some(i) => {
                            // A column serves one field: taking it for this one frees it from another.
                            for slot in &mut index {
                                if *slot == Some(i) {
                                    *slot = None;
                                }
                            }
                            index[*field as usize] = Some(i);
                            why.insert(*field, "as chosen".to_owned());
                        }
                        None => problems.push(
                            Problem::new(
                                format!("no column is headed \"{header}\" (chosen for {})", field.display()),
                                format!("choose one of: {}", names.join(", ")),
                            )
                            .at_line(header_line),
                        ),
                    }
                }
            }
        }
        let has = |field: Field| index[field as usize].is_some();
        let mut require = |present: bool, fields: &[Field], what: &str| {
            if !present {
                let accepted: Vec<String> =
                    fields.iter().flat_map(|f| f.aliases().iter()).map(|a| format!("\"{a}\"")).collect();
                problems.push(
                    Problem::new(
                        format!("no {what} column"),
                        format!(
                            "add a header named one of: {} (or choose the column: --column {}=\"…\")",
                            accepted.join(", "),
                            fields[0].key()
                        ),
                    )
                    .at_line(header_line),
                );
            }
        };
        require(has(Field::Id), &[Field::Id], "employee id");
        let has_name = has(Field::Name) || has(Field::FirstName) || has(Field::LastName);
        require(has_name, &[Field::Name, Field::FirstName, Field::LastName], "name");
        require(has(Field::Level), &[Field::Level], "level");
        let used: Vec<usize> = index.iter().flatten().copied().collect();
        let extra = (0..names.len()).filter(|i| !used.contains(i)).collect();
        let sources = Field::ALL
            .iter()
            .filter_map(|&field| {
                let i = index[field as usize]?;
                Some(ColumnSource { field, header: names[i].clone(), note: why.remove(&field).unwrap_or_default() })
            })
            .collect();
        (Columns { index, extra, names, sources }, problems)
    }

    pub(super) fn get<'r>(&self, record: &'r csv::StringRecord, field: Field) -> &'r str {
        self.index[field as usize].and_then(|i| record.get(i)).map_or("", trim_cell)
    }

    pub(super) fn name(&self, field: Field) -> String {
        self.index[field as usize].map_or_else(|| field.display().to_owned(), |i| self.names[i].clone())
    }

    /// The file's columns in order, each with the field it gave: what the session keeps.
    pub(super) fn layout(&self) -> Vec<RosterColumn> {
        (0..self.names.len())
            .map(|i| RosterColumn {
                header: self.names[i].as_str().into(),
                field: Field::ALL.into_iter().find(|&f| self.index[f as usize] == Some(i)),
                date_format: None,
                spellings: Vec::new(),
            })
            .collect()
    }
}
