//! How the file wrote the cells Ladderboard reads, so an export can write them back as HR had them
//! (issue 15's round trip). The rule is stored once per column where the column is consistent (a
//! date format such as `%m/%d/%Y`; a spelling per value such as `P3` ↔ `P3 - Senior`), and a person
//! keeps their own cell only where it departs from the column's rule. Storing each person's
//! original cells made a 26-column roster's session twice the size of its CSV.

use crate::model::roster_layout::{formatted, read_text};
use crate::model::{Field, Person, RosterColumn};
use compact_str::CompactString;
use jiff::civil::Date;
use rustc_hash::FxHashMap;

/// Date formats HR exports write, tried in order on a column's first date that is not ISO.
const DATE_FORMATS: [&str; 18] = [
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%-m/%-d/%Y",
    "%-d/%-m/%Y",
    "%d.%m.%Y",
    "%-d.%-m.%Y",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d.%m.%y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%-m/%-d/%y",
    "%b %d, %Y",
    "%b %-d, %Y",
    "%d %b %Y",
    "%-d %b %Y",
    "%Y.%m.%d",
];

/// How a date column writes its dates, settled by its first date.
#[derive(Clone, Copy)]
enum DateRule {
    Iso,
    Format(&'static str),
    /// In no format Ladderboard knows: each such cell is kept with its person.
    Unknown,
}

/// Per read column: how its cells were written.
#[derive(Default)]
pub(super) struct Spellings {
    /// Per field (`Field as usize`): Ladderboard's text → the file's, first met first.
    words: [Vec<(CompactString, CompactString)>; Field::ALL.len()],
    word_index: [FxHashMap<CompactString, usize>; Field::ALL.len()],
    /// Per date field: the rule its first date settled.
    date_rule: [Option<DateRule>; Field::ALL.len()],
}

impl Spellings {
    /// Whether the person must keep `cell` for `field`: false when the field's text is the cell, or
    /// the column's rule writes it (recording the rule when this is the first such cell).
    pub(super) fn must_keep(&mut self, person: &Person, field: Field, cell: &str) -> bool {
        match field {
            Field::StartDate | Field::LevelSince => {
                let date = if field == Field::StartDate { person.start_date } else { person.level_since };
                match date {
                    Some(date) => self.must_keep_date(field, date, cell),
                    None => !cell.is_empty(),
                }
            }
            Field::FirstName | Field::LastName => true,
            _ => {
                let read = read_text(person, field);
                if read == cell {
                    return false;
                }
                let (words, index) = (&mut self.words[field as usize], &mut self.word_index[field as usize]);
                if let Some(&i) = index.get(read) {
                    return words[i].1 != cell;
                }
                index.insert(read.into(), words.len());
                words.push((read.into(), cell.into()));
                false
            }
        }
    }

    fn must_keep_date(&mut self, field: Field, date: Date, cell: &str) -> bool {
        let iso = is_iso_text_of(date, cell);
        let rule = *self.date_rule[field as usize].get_or_insert_with(|| {
            if iso {
                return DateRule::Iso;
            }
            DATE_FORMATS
                .into_iter()
                .find(|format| formatted(date, format).as_deref() == Some(cell))
                .map_or(DateRule::Unknown, DateRule::Format)
        });
        match rule {
            // A column written in ISO, or in no format Ladderboard knows, is exported in ISO.
            DateRule::Iso | DateRule::Unknown => !iso,
            DateRule::Format(format) => formatted(date, format).as_deref() != Some(cell),
        }
    }

    /// Writes the rules into the session's columns.
    pub(super) fn into_columns(mut self, columns: &mut [RosterColumn]) {
        for column in columns {
            let Some(field) = column.field else { continue };
            column.spellings = std::mem::take(&mut self.words[field as usize]);
            if let Some(DateRule::Format(format)) = self.date_rule[field as usize] {
                column.date_format = Some(format.to_owned());
            }
        }
    }
}

/// Whether `cell` is `date` written as ISO 8601 (`2024-03-31`), compared digit by digit: formatting
/// every date of a large roster to compare it cost more than the rest of the import.
fn is_iso_text_of(date: Date, cell: &str) -> bool {
    let b = cell.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i32> {
        b.get(range)?.iter().try_fold(0i32, |n, &d| d.is_ascii_digit().then(|| n * 10 + i32::from(d - b'0')))
    };
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && number(0..4) == Some(i32::from(date.year()))
        && number(5..7) == Some(i32::from(date.month()))
        && number(8..10) == Some(i32::from(date.day()))
}

#[cfg(test)]
mod tests {
    use super::is_iso_text_of;
    use jiff::civil::date;

    #[test]
    fn iso_text_is_told_apart_from_other_spellings() {
        let d = date(2024, 3, 5);
        assert!(is_iso_text_of(d, "2024-03-05"));
        for other in ["2024-3-05", "03/05/2024", "2024-03-06", "2024/03/05", "2024-03-0x", ""] {
            assert!(!is_iso_text_of(d, other), "{other}");
        }
    }
}
