//! The roster's columns, named once per session. A session keeps the imported file's columns in
//! their order (which field each gave, or none), and each person keeps only their values for the
//! columns Ladderboard does not read. Before format 4 every person repeated every header, which made
//! a 26-column roster's session several times the size of its CSV.

use super::person::Person;
use super::roster_field::Field;
use compact_str::CompactString;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use std::fmt;

/// One column of the imported roster, in the file's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterColumn {
    pub header: CompactString,
    /// The field this column gave, or `None` for a column kept as it was (location, cost centre…).
    #[serde(default)]
    pub field: Option<Field>,
}

impl RosterColumn {
    /// A column Ladderboard does not read.
    #[must_use]
    pub fn kept(header: impl Into<CompactString>) -> Self {
        RosterColumn { header: header.into(), field: None }
    }
}

/// A person's values for the roster's kept columns, in the order the session names them. The
/// first two sit inside the `Person`, so the usual one or two extra columns cost no allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraCells {
    values: SmallVec<[CompactString; 2]>,
    /// Headers read from a format 3 file, where each value came with its header; `io::migrate`
    /// moves them to the session's columns and empties this.
    /// A boxed slice: two words in every `Person` rather than a `Vec`'s three, for a format-3 rarity.
    legacy_headers: Option<Box<[CompactString]>>,
}

impl ExtraCells {
    #[must_use]
    pub fn new() -> Self {
        ExtraCells::default()
    }

    #[must_use]
    pub fn with_capacity(capacity: usize) -> Self {
        ExtraCells { values: SmallVec::with_capacity(capacity), legacy_headers: None }
    }

    pub fn push(&mut self, value: CompactString) {
        self.values.push(value);
    }

    /// The value of the `i`th kept column ("" when the person has none).
    #[must_use]
    pub fn get(&self, i: usize) -> &str {
        self.values.get(i).map_or("", CompactString::as_str)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The headers a format 3 file gave with these values, taken out for the migration.
    pub fn take_legacy(&mut self) -> Option<Vec<(CompactString, CompactString)>> {
        let headers = self.legacy_headers.take()?;
        Some(headers.into_vec().into_iter().zip(std::mem::take(&mut self.values)).collect())
    }
}

impl Serialize for ExtraCells {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.values.len()))?;
        for value in &self.values {
            seq.serialize_element(value)?;
        }
        seq.end()
    }
}

/// An item of `extra`: a value (format 4) or a (header, value) pair (formats 1–3).
enum Cell {
    Value(CompactString),
    Pair(CompactString, CompactString),
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a (header, value) pair")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::Value(v.into()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
                let header = seq.next_element()?.ok_or_else(|| serde::de::Error::invalid_length(0, &self))?;
                let value = seq.next_element()?.ok_or_else(|| serde::de::Error::invalid_length(1, &self))?;
                Ok(Cell::Pair(header, value))
            }
        }
        deserializer.deserialize_any(CellVisitor)
    }
}

impl<'de> Deserialize<'de> for ExtraCells {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let cells: Vec<Cell> = Vec::deserialize(deserializer)?;
        let mut extra = ExtraCells::with_capacity(cells.len());
        let mut headers = Vec::new();
        for cell in cells {
            match cell {
                Cell::Value(value) => extra.values.push(value),
                Cell::Pair(header, value) => {
                    headers.push(header);
                    extra.values.push(value);
                }
            }
        }
        if !headers.is_empty() {
            if headers.len() != extra.values.len() {
                return Err(serde::de::Error::custom("`extra` mixes values with (header, value) pairs"));
            }
            extra.legacy_headers = Some(headers.into_boxed_slice());
        }
        Ok(extra)
    }
}

/// A person's value under the kept column headed `header`, if the roster has one.
#[must_use]
pub fn kept_value<'a>(columns: &[RosterColumn], person: &'a Person, header: &str) -> Option<&'a str> {
    let i = columns.iter().filter(|c| c.field.is_none()).position(|c| c.header == header)?;
    Some(person.extra.get(i))
}

/// How Ladderboard writes a field it read, to compare with the cell it came from: a person keeps
/// the cell's original text only where this differs (a level code `E5` read as `P3`, a date
/// `15-Jan-19`). `None` for a field that cannot be written back on its own (first and last name).
#[must_use]
pub fn field_text(person: &Person, field: Field) -> Option<String> {
    Some(match field {
        Field::Id => person.id.as_str().to_owned(),
        Field::Name => person.name.to_string(),
        Field::Manager => person.manager.to_string(),
        Field::Team => person.team.to_string(),
        Field::Level => person.level.as_str().to_owned(),
        Field::Track => person.track.label().to_owned(),
        Field::StartDate => person.start_date.map(|d| d.to_string()).unwrap_or_default(),
        Field::LevelSince => person.level_since.map(|d| d.to_string()).unwrap_or_default(),
        Field::FirstName | Field::LastName => return None,
    })
}

/// A person's cell in one roster column, as the file had it: the original text where the person
/// kept it, else the field as Ladderboard read it, else the kept column's value.
#[must_use]
pub fn cell_text(person: &Person, column: &RosterColumn, kept_index: Option<usize>) -> String {
    match column.field {
        Some(field) => {
            person.original(field).map(str::to_owned).or_else(|| field_text(person, field)).unwrap_or_default()
        }
        None => kept_index.map_or_else(String::new, |i| person.extra.get(i).to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_4_values_and_format_3_pairs_both_read() {
        let new: ExtraCells = ron::from_str(r#"["Lisbon", "Full-time"]"#).expect("format 4");
        assert_eq!((new.get(0), new.get(1), new.get(2)), ("Lisbon", "Full-time", ""));
        assert_eq!(ron::to_string(&new).expect("writes"), r#"["Lisbon","Full-time"]"#);

        let mut old: ExtraCells =
            ron::from_str(r#"[("Location", "Lisbon"), ("Type", "Full-time")]"#).expect("format 3");
        let pairs = old.take_legacy().expect("pairs");
        assert_eq!(pairs, vec![("Location".into(), "Lisbon".into()), ("Type".into(), "Full-time".into())]);
        assert!(old.is_empty());
    }

    #[test]
    fn mixed_forms_are_refused() {
        assert!(ron::from_str::<ExtraCells>(r#"["Lisbon", ("Type", "Full-time")]"#).is_err());
    }
}
