//! Free text taken from a session (evidence, rationales, notes, comments, a trail's why), shown
//! whole only when asked. A session text may hold 64 KiB, and laying that out in a side panel on
//! every frame costs memory and pushes everything below it out of reach; so a long text shows its
//! first lines cut with "…" and a "Show all" link, which opens the whole text in a scroll area of
//! bounded height.

use egui::{Label, RichText, ScrollArea, Ui};

/// The most characters a text shows before it is cut.
pub const PREVIEW_CHARS: usize = 280;
/// The most lines a text shows before it is cut.
pub const PREVIEW_LINES: usize = 4;
/// The height of the scroll area that holds a whole long text.
const WHOLE_HEIGHT: f32 = 220.0;

/// Where a text is cut for its preview: `None` when it fits whole.
#[must_use]
pub fn preview_end(text: &str) -> Option<usize> {
    let by_chars = text.char_indices().nth(PREVIEW_CHARS).map(|(at, _)| at);
    let by_lines = text.match_indices('\n').nth(PREVIEW_LINES - 1).map(|(at, _)| at);
    match (by_chars, by_lines) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The text's first line, cut at [`PREVIEW_CHARS`] with "…": for a table row of fixed height.
#[must_use]
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let end = text[..line_end].char_indices().nth(PREVIEW_CHARS).map_or(line_end, |(at, _)| at);
    if end == text.len() { text.into() } else { format!("{}…", text[..end].trim_end()).into() }
}

/// Shows `text` in `style`, whole if it is short, else its preview and a link to the whole.
pub fn long_text(ui: &mut Ui, text: &str, style: impl Fn(RichText) -> RichText) {
    let Some(end) = preview_end(text) else {
        ui.add(Label::new(style(RichText::new(text))).wrap());
        return;
    };
    // Keyed on the text itself, so the choice follows the text, not its place in a list.
    let id = ui.scope_id().with(("long text", text));
    let mut whole = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if whole {
        ScrollArea::vertical().id_salt(id).max_height(WHOLE_HEIGHT).auto_shrink([false, true]).show(ui, |ui| {
            ui.add(Label::new(style(RichText::new(text))).wrap());
        });
        if ui.link("Show less").clicked() {
            whole = false;
        }
    } else {
        let shown = format!("{}…", text[..end].trim_end());
        ui.add(Label::new(style(RichText::new(shown))).wrap())
            .on_hover_text("Cut here: \"Show all\" gives the whole text");
        let lines = text.lines().count();
        let all = if lines > PREVIEW_LINES {
            format!("Show all {lines} lines")
        } else {
            format!("Show all {} characters", text.chars().count())
        };
        if ui.link(all).clicked() {
            whole = true;
        }
    }
    ui.data_mut(|d| d.insert_temp(id, whole));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_whole() {
        assert_eq!(preview_end("Led the migration."), None);
        assert_eq!(preview_end("one\ntwo\nthree\nfour"), None, "four lines fit");
    }

    #[test]
    fn a_long_text_is_cut_at_its_characters_on_a_character_boundary() {
        let text = "é".repeat(PREVIEW_CHARS + 1);
        let end = preview_end(&text).expect("cut");
        assert_eq!(end, PREVIEW_CHARS * 2, "a two-byte character is never split");
        assert!(text.is_char_boundary(end));
    }

    #[test]
    fn one_line_keeps_a_short_line_and_cuts_the_rest() {
        assert_eq!(one_line("moved"), "moved");
        assert_eq!(one_line("first\nsecond"), "first…");
        assert_eq!(one_line(&"x".repeat(PREVIEW_CHARS + 5)).chars().count(), PREVIEW_CHARS + 1);
    }

    #[test]
    fn many_short_lines_are_cut_after_the_last_line_shown() {
        assert_eq!(preview_end("a\nb\nc\nd\ne"), Some(7), "cut at the fourth line's end");
    }
}
