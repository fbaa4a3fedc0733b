//! Hebrew and Arabic lines in the order a reader expects. egui shapes each word of a right-to-left
//! script right to left, but lays the words of a line out left to right, so "דנה לוי · צוות"
//! would read "לוי" before "דנה" and the team before the manager. The Unicode bidirectional
//! algorithm (`unicode-bidi`) gives the line's runs in display order; within a right-to-left run
//! the words are put in reverse, each word left as written for egui to shape. Painted text only:
//! labels for screen readers and tests keep the logical order.

use std::borrow::Cow;
use unicode_bidi::BidiInfo;

/// Whether `text` holds a right-to-left letter at all (the fast way out for most names).
fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// Whether the line reads right to left: its first strong letter is Hebrew or Arabic.
#[must_use]
pub fn reads_right_to_left(text: &str) -> bool {
    has_rtl(text) && BidiInfo::new(text, None).paragraphs.first().is_some_and(|p| p.level.is_rtl())
}

/// `text` with its words in display order, for egui to lay out left to right.
#[must_use]
pub fn display_order(text: &str) -> Cow<'_, str> {
    if !has_rtl(text) || text.contains(['\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let info = BidiInfo::new(text, None);
    let Some(paragraph) = info.paragraphs.first() else { return Cow::Borrowed(text) };
    let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
    let mut out = String::with_capacity(text.len());
    for run in runs {
        let part = &text[run.clone()];
        if levels[run.start].is_rtl() {
            for word in words(part).rev() {
                out.push_str(word);
            }
        } else {
            out.push_str(part);
        }
    }
    Cow::Owned(out)
}

/// The words of `text` and the spaces between them, each a piece of its own, in order.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (at, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|was| was != space) {
            pieces.push(&text[start..at]);
            start = at;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces.into_iter()
}

/// How many characters to keep from the end of `text` (painted after a leading "…") for it to fit
/// `max_width`, given `width` of a candidate: a right-to-left line is cut at its visual left, which
/// is where it ends. `None` when the whole fits.
pub fn keep_from_end(text: &str, max_width: f32, width: impl Fn(&str) -> f32) -> Option<usize> {
    if width(text) <= max_width {
        return None;
    }
    let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    // The most characters kept (the earliest start) whose "…" + rest fits.
    let (mut low, mut high) = (0, starts.len());
    while low < high {
        let mid = usize::midpoint(low, high);
        if width(&format!("…{}", &text[starts[mid]..])) <= max_width {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(starts.len() - low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_left_as_it_is() {
        assert!(matches!(display_order("Ada Park · Payments"), Cow::Borrowed(_)));
        assert!(!reads_right_to_left("Ada Park"));
    }

    #[test]
    fn hebrew_words_are_put_in_reverse_for_egui_to_shape_each() {
        assert!(reads_right_to_left("דנה לוי"));
        assert_eq!(display_order("דנה לוי"), "לוי דנה");
        // Manager then team, as written: the team is painted on the left.
        assert_eq!(display_order("דנה לוי · צוות תשלומים"), "תשלומים צוות · לוי דנה");
    }

    #[test]
    fn latin_and_numbers_inside_a_hebrew_line_keep_their_own_order() {
        assert_eq!(display_order("יוסי כהן 2748"), "2748 כהן יוסי");
        assert_eq!(display_order("צוות Payments EU"), "Payments EU צוות");
        // A Latin line with a Hebrew name inside: the line stays left to right.
        assert!(!reads_right_to_left("Team דנה לוי"));
        assert_eq!(display_order("Team דנה לוי"), "Team לוי דנה");
    }

    #[test]
    fn a_line_too_long_keeps_as_much_of_its_end_as_fits() {
        let width = |s: &str| s.chars().count() as f32;
        assert_eq!(keep_from_end("abcdef", 6.0, width), None);
        assert_eq!(keep_from_end("abcdef", 4.0, width), Some(3), "…def");
        assert_eq!(keep_from_end("abcdef", 0.5, width), Some(0), "not even …: nothing kept");
    }
}
