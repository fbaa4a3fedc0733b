//! Open items: the disagreements between merged prep files, each with every value side by side,
//! the file (and author) it came from, and a button to take it. Taking a value is one undoable
//! step in the audit trail; an item left alone stays open in the saved session.

use crate::command::Command;
use crate::command::Edit;
use crate::model::{ConflictValue, Session};
use egui::{RichText, ScrollArea};

/// Draws the Open items window while it is open.
pub fn open_items_ui(ctx: &egui::Context, session: &Session, open: &mut bool, out: &mut Vec<Command>) {
    if !*open {
        return;
    }
    let count = session.conflicts.len();
    egui::Window::new(format!("Open items ({count})"))
        .default_pos(super::theme::WINDOW_START)
        .id(egui::Id::unique("open-items"))
        .open(open)
        .default_width(super::theme::DIALOG_WIDTH * 1.6)
        .show(ctx, |ui| {
            if count == 0 {
                ui.label("Nothing to settle: the prep files agree.");
                return;
            }
            ui.label(
                RichText::new(
                    "The prep files disagree about these. Until you take a value, the session holds the value marked \
                     ← held now, and the item stays open (also in the saved file).",
                )
                .weak(),
            );
            ScrollArea::vertical().show(ui, |ui| {
                for conflict in &session.conflicts {
                    let name = session.person(&conflict.person).map_or("", |p| p.name.as_str());
                    ui.separator();
                    ui.label(
                        RichText::new(format!("{name} ({}) — {}", conflict.person, conflict.subject.label())).strong(),
                    );
                    let now = session.conflict_value(&conflict.person, &conflict.subject);
                    let others: Vec<&ConflictValue> = conflict.options.iter().map(|o| &o.value).collect();
                    for (chosen, option) in conflict.options.iter().enumerate() {
                        ui.horizontal_wrapped(|ui| {
                            let take = format!("Take {}'s", option.source);
                            if ui.button(take).clicked() {
                                out.push(Command::Edit(Edit::SettleConflict { conflict: conflict.id, chosen }));
                            }
                            let held = now.as_ref() == Some(&option.value);
                            let by = if option.author.is_empty() {
                                String::new()
                            } else {
                                format!(" (by {})", option.author)
                            };
                            let text = format!("{}{by}: {}", option.source, option.value.describe(&others));
                            let text = if held { format!("{text}   ← held now") } else { text };
                            super::long_text::long_text(ui, &text, |t| t);
                        });
                    }
                }
            });
        });
}
