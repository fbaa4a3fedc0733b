//! A person's values for the roster's kept columns: one string per person, written to the session
//! file as one CSV line. A leaf: it knows nothing of people or sessions.

use compact_str::CompactString;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::fmt;

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
const SEPARATOR_BYTE: u8 = 0x1F;

/// `text` with every byte `from` turned into `to`. Both are ASCII, and an ASCII byte never occurs
/// inside a multi-byte UTF-8 sequence, so the text stays UTF-8: one pass, one exact allocation.
fn swap_ascii(text: &str, from: u8, to: u8) -> String {
    debug_assert!(from.is_ascii() && to.is_ascii());
    let bytes: Vec<u8> = text.bytes().map(|b| if b == from { to } else { b }).collect();
    String::from_utf8(bytes).unwrap_or_else(|_| text.replace(char::from(from), char::from(to).encode_utf8(&mut [0; 4])))
}

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
        // Counted over bytes (the separator is ASCII): a char search per person was a tenth of
        // `validate`'s time on a 26-column roster.
        self.joined.as_deref().map_or(0, |joined| joined.bytes().filter(|&b| b == SEPARATOR_BYTE).count() + 1)
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
        let Some(joined) = self.joined.as_deref() else {
            // No values at all, which reads back as none (one empty value is written `""`).
            return serializer.serialize_str("");
        };
        if !joined.is_empty() && !needs_quotes(joined) {
            return serializer.serialize_str(&swap_ascii(joined, SEPARATOR_BYTE, b','));
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
                if line.is_empty() {
                    return Ok(ExtraCells::new());
                }
                if !line.bytes().any(|b| b == b'"' || b == SEPARATOR_BYTE) {
                    let joined = swap_ascii(line, b',', SEPARATOR_BYTE).into_boxed_str();
                    return Ok(ExtraCells { joined: Some(joined), legacy_headers: None });
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

#[cfg(test)]
mod tests {
    use super::ExtraCells;

    fn round_trip(cells: &ExtraCells) -> ExtraCells {
        let text = ron::to_string(cells).expect("writes");
        ron::from_str(&text).expect("reads")
    }

    #[test]
    fn plain_values_keep_their_order_empties_and_characters() {
        let cells = ExtraCells::from_values(["Łódź", "", "Full time", "東京", ""]);
        assert_eq!(ron::to_string(&cells).expect("writes"), r#""Łódź,,Full time,東京,""#);
        let read = round_trip(&cells);
        assert_eq!(read, cells);
        assert_eq!(read.len(), 5);
        assert_eq!(read.iter().collect::<Vec<_>>(), ["Łódź", "", "Full time", "東京", ""]);
    }

    #[test]
    fn values_needing_quotes_or_holding_the_separator_go_through_csv() {
        let cells = ExtraCells::from_values(["a,b", "say \"hi\"", "x\u{1F}y"]);
        let read = round_trip(&cells);
        assert_eq!(read.iter().collect::<Vec<_>>(), ["a,b", "say \"hi\"", "x y"]);
        assert_eq!((ExtraCells::new().len(), round_trip(&ExtraCells::new()).len()), (0, 0));
    }
}
