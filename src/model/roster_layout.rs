//! The roster's columns, named once per session. A session keeps the imported file's columns in
//! their order (which field each gave, or none), and each person keeps only their values for the
//! columns Ladderboard does not read. Before format 4 every person repeated every header, which made
//! a 26-column roster's session several times the size of its CSV.

use super::person::Person;
use super::roster_field::Field;
use compact_str::CompactString;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// One column of the imported roster, in the file's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterColumn {
    pub header: CompactString,
    /// The field this column gave, or `None` for a column kept as it was (location, cost centre…).
    #[serde(default)]
    pub field: Option<Field>,
    /// For a date column, the strftime format its cells were written in (`%m/%d/%Y`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<String>,
    /// How the column wrote values Ladderboard reads differently: (Ladderboard's text, the file's),
    /// e.g. `("P3", "P3 - Senior")`. A person whose cell departs from these keeps it in `originals`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<(CompactString, CompactString)>,
}

impl RosterColumn {
    /// A column Ladderboard does not read.
    #[must_use]
    pub fn kept(header: impl Into<CompactString>) -> Self {
        RosterColumn { header: header.into(), field: None, date_format: None, spellings: Vec::new() }
    }
}

/// A person's value under the kept column headed `header`, if the roster has one.
#[must_use]
pub fn kept_value<'a>(columns: &[RosterColumn], person: &'a Person, header: &str) -> Option<&'a str> {
    let i = columns.iter().filter(|c| c.field.is_none()).position(|c| c.header == header)?;
    Some(person.extra.get(i))
}

/// How Ladderboard writes a field it read. `None` for a field that cannot be written back on its
/// own (first and last name, which the name joins).
#[must_use]
pub fn field_text(person: &Person, field: Field) -> Option<String> {
    Some(match field {
        Field::StartDate => person.start_date.map(|d| d.to_string()).unwrap_or_default(),
        Field::LevelSince => person.level_since.map(|d| d.to_string()).unwrap_or_default(),
        Field::FirstName | Field::LastName => return None,
        _ => read_text(person, field).to_owned(),
    })
}

/// A text field as Ladderboard holds it, without allocating ("" for dates and the name's parts,
/// which are not held as text).
#[must_use]
pub fn read_text(person: &Person, field: Field) -> &str {
    match field {
        Field::Id => person.id.as_str(),
        Field::Name => &person.name,
        Field::Manager => &person.manager,
        Field::Team => &person.team,
        Field::Level => person.level.as_str(),
        Field::Track => person.track.label(),
        Field::FirstName | Field::LastName | Field::StartDate | Field::LevelSince => "",
    }
}

/// `date` in a strftime `format` (`%m/%d/%Y`).
#[must_use]
pub fn formatted(date: Date, format: &str) -> Option<String> {
    let mut out = String::with_capacity(12);
    jiff::fmt::strtime::BrokenDownTime::from(date).format(format, &mut out).ok()?;
    Some(out)
}

/// Writes people's rows as the imported roster had them: every column in the file's order, a read
/// cell as the file wrote it (the person's own original, else the column's spelling or date
/// format, else Ladderboard's text), a kept column's value as it was.
pub struct RosterRows<'s> {
    columns: &'s [RosterColumn],
    /// Per column, its spellings by Ladderboard's text.
    spellings: Vec<HashMap<&'s str, &'s str>>,
}

impl<'s> RosterRows<'s> {
    #[must_use]
    pub fn new(columns: &'s [RosterColumn]) -> Self {
        let spellings = columns
            .iter()
            .map(|c| c.spellings.iter().map(|(read, file)| (read.as_str(), file.as_str())).collect())
            .collect();
        RosterRows { columns, spellings }
    }

    /// The person's cells, one per column.
    pub fn row<'p>(&'p self, person: &'p Person) -> impl Iterator<Item = Cow<'p, str>> + 'p {
        let mut kept = person.extra.iter();
        (0..self.columns.len()).map(move |i| match self.columns[i].field {
            None => Cow::Borrowed(kept.next().unwrap_or("")),
            Some(field) => self.read_cell(person, i, field),
        })
    }

    /// The cell that gave `field`, as the file wrote it; `None` when no column gave it.
    #[must_use]
    pub fn cell<'p>(&'p self, person: &'p Person, field: Field) -> Option<Cow<'p, str>> {
        let i = self.columns.iter().position(|c| c.field == Some(field))?;
        Some(self.read_cell(person, i, field))
    }

    fn read_cell<'p>(&'p self, person: &'p Person, i: usize, field: Field) -> Cow<'p, str> {
        if let Some(original) = person.original(field) {
            return Cow::Borrowed(original);
        }
        let date = match field {
            Field::StartDate => person.start_date,
            Field::LevelSince => person.level_since,
            _ => None,
        };
        if let (Some(date), Some(format)) = (date, self.columns[i].date_format.as_deref())
            && let Some(text) = formatted(date, format)
        {
            return Cow::Owned(text);
        }
        let text = field_text(person, field).unwrap_or_default();
        match self.spellings[i].get(text.as_str()) {
            Some(file) => Cow::Borrowed(*file),
            None => Cow::Owned(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ExtraCells;

    #[test]
    fn format_4_values_and_format_3_pairs_both_read() {
        let new: ExtraCells = ron::from_str(r#""Lisbon,Full-time""#).expect("format 4");
        assert_eq!((new.get(0), new.get(1), new.get(2), new.len()), ("Lisbon", "Full-time", "", 2));
        assert_eq!(ron::to_string(&new).expect("writes"), r#""Lisbon,Full-time""#);
        let list: ExtraCells = ron::from_str(r#"["Lisbon", "Full-time"]"#).expect("a list");
        assert_eq!(list, new);

        let mut old: ExtraCells =
            ron::from_str(r#"[("Location", "Lisbon"), ("Type", "Full-time")]"#).expect("format 3");
        let pairs = old.take_legacy().expect("pairs");
        assert_eq!(pairs, vec![("Location".into(), "Lisbon".into()), ("Type".into(), "Full-time".into())]);
        assert!(old.is_empty());
    }

    #[test]
    fn values_with_commas_quotes_and_empties_survive_the_csv_line() {
        let cells = ExtraCells::from_values(["Acme, Ltd", "27\" monitor", "", "Łódź"]);
        let text = ron::to_string(&cells).expect("writes");
        let back: ExtraCells = ron::from_str(&text).expect("reads");
        assert_eq!(back, cells);
        assert_eq!(back.iter().collect::<Vec<_>>(), ["Acme, Ltd", "27\" monitor", "", "Łódź"]);
        // One empty value is not no values.
        let one_empty = ExtraCells::from_values([""]);
        assert_eq!((one_empty.len(), ExtraCells::new().len()), (1, 0));
        let back: ExtraCells = ron::from_str(&ron::to_string(&one_empty).expect("writes")).expect("reads");
        assert_eq!(back.len(), 1);
    }

    #[test]
    fn mixed_forms_are_refused() {
        assert!(ron::from_str::<ExtraCells>(r#"["Lisbon", ("Type", "Full-time")]"#).is_err());
    }
}
