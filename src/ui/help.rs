//! Help: every keyboard shortcut (F1), the file formats, and About (version, and where Ladderboard
//! writes its files). Text only; nothing here changes the session.

use crate::command::Action;
use crate::view::state::HelpPage;
use egui::{Grid, RichText, ScrollArea};

/// What the mouse does, beside the keys: the help page lists both.
const MOUSE: [(&str, &str); 9] = [
    ("Click a card or a roster row", "select the person and open their record in the panel"),
    ("Drag a card to another cell", "move them; above their level it asks for the proposal's rationale"),
    ("Ctrl+click two to four people", "compare them side by side (View → Compare)"),
    ("Click \"+N more\" in a crowded cell", "the cell's full list, searchable, each card draggable from there"),
    ("Click a column header in the roster", "sort by it (again: the other way)"),
    ("Drag an agenda row", "reorder the agenda by hand"),
    ("Hover a card, a flag or a cut name", "the whole line and what the mark means"),
    ("Drop a roster or session file on the window", "preview its import, or open it"),
    ("View → Committee", "members, attendance, recusals, budget, minutes and letter templates"),
];

/// The file formats, as the documentation describes them.
const FILE_FORMATS: &str = include_str!("../../docs/FILE_FORMATS.md");

/// Draws the help window while a page is open. `recovery` is where unsaved work is kept.
pub fn help_ui(ctx: &egui::Context, page: &mut Option<HelpPage>, recovery: Option<&std::path::Path>) {
    let Some(current) = *page else { return };
    let mut open = true;
    let title = match current {
        HelpPage::Shortcuts => "Keyboard shortcuts",
        HelpPage::FileFormats => "File formats",
        HelpPage::About => "About Ladderboard",
    };
    egui::Window::new(title)
        .id(egui::Id::unique("help"))
        .open(&mut open)
        .default_pos(super::theme::WINDOW_START)
        .default_width(520.0)
        .show(ctx, |ui| match current {
            HelpPage::Shortcuts => {
                ScrollArea::vertical().max_height(480.0).show(ui, |ui| {
                    ui.label(RichText::new("With the mouse").strong());
                    Grid::new("help-mouse").striped(true).show(ui, |ui| {
                        for (what, does) in MOUSE {
                            ui.label(what);
                            ui.label(does);
                            ui.end_row();
                        }
                    });
                    ui.add_space(8.0);
                    ui.label(RichText::new("With the keyboard").strong());
                    Grid::new("help-shortcuts").striped(true).show(ui, |ui| {
                        for action in Action::ALL {
                            ui.label(action.label());
                            let keys = [action.shortcut(), action.alternate_shortcut()]
                                .into_iter()
                                .flatten()
                                .map(|s| ctx.format_shortcut(&s))
                                .collect::<Vec<_>>()
                                .join(" or ");
                            ui.label(RichText::new(keys).monospace());
                            ui.end_row();
                        }
                    });
                });
            }
            HelpPage::FileFormats => {
                ScrollArea::vertical().max_height(480.0).show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(FILE_FORMATS).monospace().small()).wrap());
                });
            }
            HelpPage::About => {
                ui.label(RichText::new(format!("Ladderboard {}", env!("CARGO_PKG_VERSION"))).strong());
                ui.label("Promotion calibration sessions: local files only, no server, no account.");
                let recovery = recovery.map_or_else(|| "(none: autosave is off)".to_owned(), |p| p.display().to_string());
                ui.label(format!("Unsaved work is kept in: {recovery}"));
                ui.label("Sessions are written where you save them, readable by you only (0600), next to a .lock file while open.");
            }
        });
    if !open {
        *page = None;
    }
}
