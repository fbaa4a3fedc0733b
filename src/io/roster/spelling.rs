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

impl DateRule {
    /// Whether a person whose date is `date` keeps `cell` under this rule.
    fn keeps(self, date: Date, cell: &str) -> bool {
        match self {
            // A column written in ISO, or in no format Ladderboard knows, is exported in ISO.
            DateRule::Iso | DateRule::Unknown => !is_iso_text_of(date, cell),
            DateRule::Format(format) => formatted(date, format).as_deref() != Some(cell),
        }
    }

    /// The cell this rule writes for `date`: what a person who keeps no cell had.
    fn writes(self, date: Date) -> CompactString {
        match self {
            DateRule::Iso | DateRule::Unknown => compact_str::format_compact!("{date}"),
            DateRule::Format(format) => formatted(date, format).unwrap_or_default().into(),
        }
    }

    fn writes_like(self, other: DateRule) -> bool {
        match (self, other) {
            (DateRule::Format(a), DateRule::Format(b)) => a == b,
            (DateRule::Format(_), _) | (_, DateRule::Format(_)) => false,
            _ => true,
        }
    }
}

/// Per read column: how its cells were written.
#[derive(Default)]
pub(super) struct Spellings {
    /// Per field (`Field as usize`): Ladderboard's text → the file's, first met first.
    words: [Vec<(CompactString, CompactString)>; Field::ALL.len()],
    word_index: [FxHashMap<CompactString, usize>; Field::ALL.len()],
    /// Per date field: the rule its first date settled.
    date_rule: [Option<DateRule>; Field::ALL.len()],
    /// For a stretch of the file read on its own: each (person, field) whose word cell the
    /// stretch's own spelling wrote, so it can be decided again if an earlier stretch spelled it
    /// otherwise. `None` when reading in order.
    matched: Option<Vec<(u32, Field)>>,
}

impl Spellings {
    /// Spellings for a stretch of the file read on its own, to be absorbed into the one before.
    pub(super) fn for_later_stretch() -> Self {
        Spellings { matched: Some(Vec::new()), ..Spellings::default() }
    }

    /// Whether person number `at` must keep `cell` for `field`: false when the field's text is the
    /// cell, or the column's rule writes it (recording the rule when this is the first such cell).
    pub(super) fn must_keep(&mut self, at: usize, person: &Person, field: Field, cell: &str) -> bool {
        match field {
            Field::StartDate | Field::LevelSince => match date_of(person, field) {
                Some(date) => self.must_keep_date(field, date, cell),
                None => !cell.is_empty(),
            },
            Field::FirstName | Field::LastName => true,
            // A level or track is written a few ways at most: the column's first spelling of each
            // value, Ladderboard's own text included, is the rule, and any other cell is kept.
            Field::Level | Field::Track => {
                let read = read_text(person, field);
                let (words, index) = (&mut self.words[field as usize], &mut self.word_index[field as usize]);
                let keeps = if let Some(&i) = index.get(read) {
                    words[i].1 != cell
                } else {
                    index.insert(read.into(), words.len());
                    words.push((read.into(), cell.into()));
                    false
                };
                if let (false, Some(matched)) = (keeps, &mut self.matched) {
                    matched.push((u32::try_from(at).unwrap_or(u32::MAX), field));
                }
                keeps
            }
            // Names, managers and teams are read as written, in NFC: a cell written otherwise (a
            // decomposed é) is rare and kept as it was.
            Field::Id | Field::Name | Field::Manager | Field::Team => read_text(person, field) != cell,
        }
    }

    fn must_keep_date(&mut self, field: Field, date: Date, cell: &str) -> bool {
        let rule = *self.date_rule[field as usize].get_or_insert_with(|| {
            if is_iso_text_of(date, cell) {
                return DateRule::Iso;
            }
            DATE_FORMATS
                .into_iter()
                .find(|format| formatted(date, format).as_deref() == Some(cell))
                .map_or(DateRule::Unknown, DateRule::Format)
        });
        rule.keeps(date, cell)
    }

    /// Takes in the rules of a later stretch of the file read on its own (`people` are that
    /// stretch's), leaving each of those people keeping exactly the cells they would keep had the
    /// file been read in order: where this stretch met a value or date column first and spelled it
    /// otherwise, the later people's choices are made again under this stretch's rule.
    pub(super) fn absorb(&mut self, later: Spellings, people: &mut [Person]) {
        let mut respelled: [FxHashMap<&str, (&str, &str)>; Field::ALL.len()] = Default::default();
        for (f, words) in later.words.iter().enumerate() {
            for (read, cell) in words {
                if let Some(&i) = self.word_index[f].get(read)
                    && self.words[f][i].1 != *cell
                {
                    respelled[f].insert(read.as_str(), (self.words[f][i].1.as_str(), cell.as_str()));
                }
            }
        }
        let redated: [Option<(DateRule, DateRule)>; Field::ALL.len()] = std::array::from_fn(|f| {
            let (here, there) = (self.date_rule[f]?, later.date_rule[f]?);
            (!here.writes_like(there)).then_some((here, there))
        });
        if respelled.iter().any(|r| !r.is_empty()) || redated.iter().any(Option::is_some) {
            // The later stretch's own spelling wrote these cells: under this stretch's they are the person's own.
            for &(at, field) in later.matched.iter().flatten() {
                let person = &mut people[at as usize];
                if let Some(&(_, theirs)) = respelled[field as usize].get(read_text(person, field)) {
                    keep_original(person, field, theirs.into());
                }
            }
            for person in people.iter_mut() {
                redecide(person, &respelled, &redated);
            }
        }
        for (f, words) in later.words.into_iter().enumerate() {
            for (read, cell) in words {
                if !self.word_index[f].contains_key(&read) {
                    self.word_index[f].insert(read.clone(), self.words[f].len());
                    self.words[f].push((read, cell));
                }
            }
            if self.date_rule[f].is_none() {
                self.date_rule[f] = later.date_rule[f];
            }
        }
    }

    /// Writes the rules into the session's columns.
    pub(super) fn into_columns(mut self, columns: &mut [RosterColumn]) {
        for column in columns {
            let Some(field) = column.field else { continue };
            // A value written as Ladderboard writes it needs no spelling.
            column.spellings = std::mem::take(&mut self.words[field as usize]);
            column.spellings.retain(|(read, cell)| read != cell);
            if let Some(DateRule::Format(format)) = self.date_rule[field as usize] {
                column.date_format = Some(format.to_owned());
            }
        }
    }
}

/// One later person's kept cells decided again where the earlier stretch's rules differ: a kept
/// word that is the earlier spelling is dropped; a date cell (the person's own, else what the later
/// rule wrote) is kept or not by the earlier date rule.
fn redecide(
    person: &mut Person,
    respelled: &[FxHashMap<&str, (&str, &str)>; Field::ALL.len()],
    redated: &[Option<(DateRule, DateRule)>; Field::ALL.len()],
) {
    let read_words: Vec<bool> = (person.originals.iter())
        .map(|(field, cell)| {
            respelled[*field as usize].get(read_text(person, *field)).is_some_and(|&(ours, _)| ours == cell)
        })
        .collect();
    let mut drop = read_words.into_iter();
    person.originals.retain(|_| !drop.next().unwrap_or(false));
    for field in [Field::StartDate, Field::LevelSince] {
        let (Some((here, there)), Some(date)) = (redated[field as usize], date_of(person, field)) else { continue };
        let own = person.originals.iter().position(|(f, _)| *f == field);
        let cell = own.map_or_else(|| there.writes(date), |i| person.originals[i].1.clone());
        match (own, here.keeps(date, &cell)) {
            (Some(i), false) => {
                person.originals.remove(i);
            }
            (None, true) => keep_original(person, field, cell),
            _ => {}
        }
    }
}

/// The person's date for a date field.
fn date_of(person: &Person, field: Field) -> Option<Date> {
    if field == Field::StartDate { person.start_date } else { person.level_since }
}

/// Adds a kept cell in field order, where reading in order would have put it.
fn keep_original(person: &mut Person, field: Field, cell: CompactString) {
    let at =
        person.originals.iter().position(|(f, _)| (*f as usize) > field as usize).unwrap_or(person.originals.len());
    person.originals.insert(at, (field, cell));
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
