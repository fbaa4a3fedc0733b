//! A name that does not fit its space keeps the end that tells namesakes apart: "Ada Nakamura
//! 2748" in a narrow card reads "Ada Nak… 2748", not "Ada Nakamur…", which every Ada Nakamura
//! shares. The last word (a number, a surname, an initial) stays whole, and as much of the start
//! as fits comes before it (in the narrowest space, "…2748" alone); only when not even the last
//! word fits is the end cut.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Galley};
use std::sync::Arc;

/// `name` laid out in at most `rows` rows of `max_width`, cut in the middle when it must be.
#[must_use]
pub fn fit_name(
    fonts: &egui::Context,
    name: &str,
    font: &FontId,
    color: Color32,
    max_width: f32,
    rows: usize,
) -> Arc<Galley> {
    let layout = |text: &str| {
        let mut job = LayoutJob::single_section(text.to_owned(), egui::TextFormat::simple(font.clone(), color));
        job.wrap = TextWrapping {
            max_width: max_width.max(8.0),
            max_rows: rows,
            // One row is a cut, anywhere; two rows wrap between words, unless there are none.
            break_anywhere: rows == 1 || !text.contains(' '),
            overflow_character: Some('…'),
        };
        fonts.fonts_mut(|f| f.layout_job(job))
    };
    let whole = layout(name);
    if !whole.elided {
        return whole;
    }
    let Some((start, last)) = name.trim().rsplit_once(' ') else { return whole };
    let starts: Vec<usize> = start.char_indices().map(|(i, _)| i).skip(1).chain([start.len()]).collect();
    let shortened = |k: usize| format!("{}… {last}", start[..starts[k]].trim_end());
    // The longest start that fits with the last word whole.
    let (mut fits, mut over) = (None, starts.len());
    let mut low = 0;
    while low < over {
        let mid = usize::midpoint(low, over);
        if layout(&shortened(mid)).elided {
            over = mid;
        } else {
            fits = Some(mid);
            low = mid + 1;
        }
    }
    match fits {
        Some(k) => layout(&shortened(k)),
        // Not even a letter of the start fits beside the last word: the last word alone, which is
        // what tells namesakes apart, as long as it fits.
        // (On one row only: over two, a word on its own would be broken inside.)
        None if rows == 1 => Some(layout(&format!("…{last}"))).filter(|g| !g.elided).unwrap_or(whole),
        None => whole,
    }
}

#[cfg(test)]
mod tests {
    use super::fit_name;

    /// The text laid out, with "…" at its end when the galley was cut there.
    fn text_of(ctx: &egui::Context, name: &str, width: f32, rows: usize) -> String {
        let font = egui::FontId::proportional(13.0);
        let mut out = String::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {
            let galley = fit_name(ctx, name, &font, egui::Color32::WHITE, width, rows);
            out = galley.text().to_owned();
            if galley.elided {
                out.push_str(" [cut]");
            }
        });
        // Nothing is painted: the font atlas's upload is not needed.
        output.textures_delta.clear();
        out
    }

    #[test]
    fn namesakes_keep_the_end_that_tells_them_apart() {
        let ctx = egui::Context::default();
        let a = text_of(&ctx, "Ada Nakamura 2748", 90.0, 1);
        let b = text_of(&ctx, "Ada Nakamura 3016", 90.0, 1);
        assert!(a.ends_with("… 2748") && b.ends_with("… 3016"), "{a} / {b}");
        assert!(a.starts_with("Ada"), "{a}");
        assert_eq!(text_of(&ctx, "Ada Park", 200.0, 1), "Ada Park", "a name that fits is as it is");
        let one_word = text_of(&ctx, "Wolfeschlegelsteinhausenbergerdorff", 60.0, 1);
        assert!(one_word.ends_with("[cut]"), "one word is cut at its end: {one_word}");
    }
}
