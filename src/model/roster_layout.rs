//! The roster's columns, named once per session. A session keeps the imported file's columns in
//! their order (which field each gave, or none), and each person keeps only their values for the
//! columns Ladderboard does not read. Before format 4 every person repeated every header, which made
//! a 26-column roster's session several times the size of its CSV.

use super::person::Person;
use super::roster_field::Field;
use compact_str::CompactString;
use jiff::civil::Date;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

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

/// A person's values for the roster's kept columns, in the order the session names them. Held as
/// one string (values joined by U+001F, the unit separator, which no roster cell holds), so a
/// 19-column Workday report costs one allocation a person rather than one slot per value; written
/// to the session file as one CSV line (`extra: "London,Full time,CC-0042"`), as compact as the
/// roster it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraCells {
    /// `None`: no values (which is not one empty value).
    joined: Option<Box<str>>,
    /// Headers read from a format 3 file, where each value came with its header; `io::migrate`
    /// moves them to the session's columns and empties this. A boxed slice: two words in every
    /// `Person` rather than a `Vec`'s three, for a rarity.
    legacy_headers: Option<Box<[CompactString]>>,
}

/// Separates values inside `ExtraCells`.
const SEPARATOR: char = '\u{1F}';

impl ExtraCells {
    #[must_use]
    pub fn new() -> Self {
        ExtraCells::default()
    }

    /// The values, in column order. A unit separator inside a value (a control character no roster
    /// text holds) becomes a space.
    pub fn from_values<'v, I>(values: I) -> Self
    where
        I: IntoIterator<Item = &'v str>,
        I::IntoIter: Clone,
    {
        let values = values.into_iter();
        // Sized exactly (values and the separators between them), so the string becomes the box
        // without a second allocation.
        let length = values.clone().map(|v| v.len() + SEPARATOR.len_utf8()).sum::<usize>();
        let mut joined = String::with_capacity(length.saturating_sub(SEPARATOR.len_utf8()));
        let mut any = false;
        for value in values {
            if any {
                joined.push(SEPARATOR);
            }
            any = true;
            if value.contains(SEPARATOR) {
                joined.push_str(&value.replace(SEPARATOR, " "));
            } else {
                joined.push_str(value);
            }
        }
        ExtraCells { joined: any.then(|| joined.into_boxed_str()), legacy_headers: None }
    }

    /// The value of the `i`th kept column ("" when the person has none).
    #[must_use]
    pub fn get(&self, i: usize) -> &str {
        self.iter().nth(i).unwrap_or("")
    }

    /// The values in column order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.joined.as_deref().into_iter().flat_map(|joined| joined.split(SEPARATOR))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.joined.as_deref().map_or(0, |joined| joined.matches(SEPARATOR).count() + 1)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.joined.is_none()
    }

    /// The headers a format 3 file gave with these values, taken out for the migration.
    pub fn take_legacy(&mut self) -> Option<Vec<(CompactString, CompactString)>> {
        let headers = self.legacy_headers.take()?;
        let values: Vec<CompactString> = self.iter().map(CompactString::from).collect();
        self.joined = None;
        Some(headers.into_vec().into_iter().zip(values).collect())
    }
}

/// Whether a value needs CSV quoting (a comma, quote or line break in it).
fn needs_quotes(value: &str) -> bool {
    value.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

impl Serialize for ExtraCells {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Values that need no quoting are the CSV line joined by commas; building a csv writer (and
        // its 8 KiB buffer) per person tripled the save of a 10,000-person session.
        if let Some(joined) = self.joined.as_deref()
            && !joined.is_empty()
            && !needs_quotes(joined)
        {
            return serializer.serialize_str(&joined.replace(SEPARATOR, ","));
        }
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::with_capacity(self.joined.as_deref().map_or(0, str::len) + 8));
        writer.write_record(self.iter()).map_err(serde::ser::Error::custom)?;
        let mut line = writer.into_inner().map_err(|e| serde::ser::Error::custom(e.error()))?;
        line.pop(); // the terminator
        let line = String::from_utf8(line).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&line)
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
        struct ExtraVisitor;
        impl<'de> Visitor<'de> for ExtraVisitor {
            type Value = ExtraCells;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("one CSV line of values, or a list of values or (header, value) pairs")
            }
            fn visit_str<E: serde::de::Error>(self, line: &str) -> Result<ExtraCells, E> {
                // A line without quotes is its values split at the commas (the common case, and a
                // csv reader per person made loading three times slower); quoted lines go to `csv`.
                if !line.contains('"') {
                    return Ok(if line.is_empty() {
                        ExtraCells::new()
                    } else {
                        ExtraCells::from_values(line.split(','))
                    });
                }
                let mut reader =
                    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(line.as_bytes());
                let mut record = csv::StringRecord::new();
                match reader.read_record(&mut record) {
                    Ok(true) => Ok(ExtraCells::from_values(record.iter())),
                    Ok(false) => Ok(ExtraCells::new()),
                    Err(e) => Err(E::custom(format!("`extra` is not one CSV line: {e}"))),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ExtraCells, A::Error> {
                let mut values: Vec<CompactString> = Vec::new();
                let mut headers = Vec::new();
                while let Some(cell) = seq.next_element::<Cell>()? {
                    match cell {
                        Cell::Value(value) => values.push(value),
                        Cell::Pair(header, value) => {
                            headers.push(header);
                            values.push(value);
                        }
                    }
                }
                let mut extra = if values.is_empty() {
                    ExtraCells::new()
                } else {
                    ExtraCells::from_values(values.iter().map(CompactString::as_str))
                };
                if !headers.is_empty() {
                    if headers.len() != values.len() {
                        return Err(serde::de::Error::custom("`extra` mixes values with (header, value) pairs"));
                    }
                    extra.legacy_headers = Some(headers.into_boxed_slice());
                }
                Ok(extra)
            }
        }
        deserializer.deserialize_any(ExtraVisitor)
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
    use super::*;

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
