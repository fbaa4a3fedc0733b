//! Matching what a roster writes for a level ("P3", "Senior", "senior software engineer", "L5", "E5")
//! to a level on the ladder. A company's own codes ("IC5") count only through the scheme the user
//! names (`LevelScheme`); without one, a code some scheme defines is refused with its candidates.

use super::ids::LevelId;
use super::ladder::{Ladder, LevelScheme};
use std::collections::HashMap;

/// Words that job titles add around the level name and that say nothing about the level.
const FILLER_WORDS: &[&str] = &[
    "software",
    "engineer",
    "engineering",
    "developer",
    "swe",
    "sde",
    "backend",
    "frontend",
    "fullstack",
    "full-stack",
    "platform",
    "systems",
    "of",
];

/// A lookup from every id, title and alias of a ladder (normalised) to its level.
#[derive(Clone, Debug)]
pub struct LevelMatcher {
    names: HashMap<String, LevelId>,
}

impl LevelMatcher {
    /// Indexes every id, title and alias of the ladder.
    #[must_use]
    pub fn new(ladder: &Ladder) -> Self {
        Self::with_scheme(ladder, None)
    }

    /// Indexes the ladder's names and, first, the codes of one company's scheme, which win over an
    /// alias spelled the same.
    #[must_use]
    pub fn with_scheme(ladder: &Ladder, scheme: Option<&LevelScheme>) -> Self {
        let mut names = HashMap::new();
        for (code, level) in scheme.map_or(&[][..], |s| s.codes.as_slice()) {
            names.insert(code.clone(), level.clone());
            names.insert(normalise(code), level.clone());
        }
        for level in &ladder.levels {
            let all = std::iter::once(level.id.as_str())
                .chain(std::iter::once(level.title.as_str()))
                .chain(level.aliases.iter().map(String::as_str));
            for name in all {
                // The raw spelling too, so the common exact case needs no allocation when matching.
                names.entry(name.to_owned()).or_insert_with(|| level.id.clone());
                names.entry(normalise(name)).or_insert_with(|| level.id.clone());
            }
        }
        LevelMatcher { names }
    }

    /// The level a roster value names, matched case-insensitively by id, title or alias, then with
    /// job-title filler words ("software engineer") removed.
    #[must_use]
    pub fn find(&self, value: &str) -> Option<&LevelId> {
        if let Some(found) = self.names.get(value) {
            return Some(found);
        }
        let key = normalise(value);
        if let Some(found) = self.names.get(&key) {
            return Some(found);
        }
        let stripped: Vec<&str> = key.split(' ').filter(|w| !FILLER_WORDS.contains(w)).collect();
        if !stripped.is_empty()
            && let Some(found) = self.names.get(&stripped.join(" "))
        {
            return Some(found);
        }
        self.find_by_parts(value).or_else(|| self.find_as_labelled(value))
    }

    /// "P5 Staff": a level's id and title as Ladderboard labels it (and its exports write it),
    /// read back when both name the same level.
    fn find_as_labelled(&self, value: &str) -> Option<&LevelId> {
        let (head, rest) = value.trim().split_once(char::is_whitespace)?;
        let id = self.names.get(&normalise(head))?;
        (self.names.get(&normalise(rest)) == Some(id)).then_some(id)
    }

    /// "P3 - Senior", "Senior (L5)", "IC3 | Senior": each part names a level; use it when they agree.
    fn find_by_parts(&self, value: &str) -> Option<&LevelId> {
        let mut found: Option<&LevelId> = None;
        for (_, level) in self.named_parts(value) {
            if found.is_some_and(|f| f != level) {
                return None; // the parts disagree: better to ask than to guess
            }
            found = Some(level);
        }
        found
    }

    /// Two parts of `value` that name different levels ("L3 - Senior": L3 is P1, Senior is P3), to
    /// tell the user why a value that looks like a level was refused.
    #[must_use]
    pub fn disagreement<'v>(&self, value: &'v str) -> Option<[(&'v str, &LevelId); 2]> {
        let mut parts = self.named_parts(value);
        let first = parts.next()?;
        let other = parts.find(|(_, level)| *level != first.1)?;
        Some([first, other])
    }

    /// The parts of `value` (split at `-`, `(`, `|` …) that name a level on their own.
    fn named_parts<'v>(&self, value: &'v str) -> impl Iterator<Item = (&'v str, &LevelId)> {
        split_parts(value).filter_map(|part| self.names.get(&normalise(part)).map(|level| (part.trim(), level)))
    }
}

/// The parts of a level cell: split at `(`, `)`, `|`, `:`, `/`, `,`, `–`, and at `-` only with a space
/// beside it, so "P4 - Senior-plus" is "P4" and "Senior-plus" but "Senior-plus" stays whole.
fn split_parts(value: &str) -> impl Iterator<Item = &str> {
    let bytes = value.as_bytes();
    let mut cuts = Vec::new();
    for (i, c) in value.char_indices() {
        let spaced = |j: Option<usize>| j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_whitespace);
        let cut = matches!(c, '(' | ')' | '|' | ':' | '/' | ',' | '–')
            || (c == '-' && (spaced(i.checked_sub(1)) || spaced(Some(i + 1)) || i == 0 || i + 1 == bytes.len()));
        if cut {
            cuts.push((i, i + c.len_utf8()));
        }
    }
    let mut start = 0;
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    for (from, to) in cuts {
        parts.push(&value[start..from]);
        start = to;
    }
    parts.push(&value[start..]);
    parts.into_iter()
}

/// Lower case, punctuation to spaces, single spaces.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | ')' | '_' | '.')) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_as_ladderboard_labels_it_is_read_back() {
        let ladder = crate::io::ladder_ron::default_ladder();
        let matcher = LevelMatcher::new(&ladder);
        assert_eq!(matcher.find("P5 Staff").map(LevelId::as_str), Some("P5"));
        assert_eq!(matcher.find("P4 Senior-plus").map(LevelId::as_str), Some("P4"));
        assert_eq!(matcher.find("P5 Senior"), None, "an id and a title that disagree are not guessed");
    }
}
