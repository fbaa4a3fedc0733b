//! A person's calibration notes: each with when and who, long ones cut (`long_text`); the user's
//! own notes can be corrected or deleted (the trail keeps what they said), and a new one added.

use super::long_text::long_text;
use super::text_area::labelled_text_area;
use crate::command::{Command, Edit};
use crate::model::{Note, Person};
use crate::view::Drafts;
use egui::{Button, RichText, Ui};

/// The `notes` on `person`, then the field for a new one. `you`: the user, whose notes are theirs
/// to change.
pub fn notes_ui(ui: &mut Ui, notes: &[&Note], person: &Person, you: &str, drafts: &mut Drafts, out: &mut Vec<Command>) {
    for &note in notes {
        ui.label(RichText::new(format!("{} · {}", note.at.strftime("%Y-%m-%d %H:%M"), note.author)).small().weak());
        match drafts.editing_note.as_mut() {
            Some((id, text)) if *id == note.id => {
                labelled_text_area(ui, "Edit note", text, "The note as it should read");
                let (id, changed) = (*id, text.trim().to_owned());
                let mut done = false;
                ui.horizontal(|ui| {
                    let can_save = !changed.is_empty() && changed != note.text;
                    if ui.add_enabled(can_save, Button::new("Save note")).clicked() {
                        out.push(Command::Edit(Edit::EditNote { id, text: changed }));
                        done = true;
                    }
                    done |= ui.button("Cancel").clicked();
                });
                if done {
                    drafts.editing_note = None;
                }
            }
            _ => {
                long_text(ui, &note.text, |t| t);
                if note.author == you {
                    ui.horizontal(|ui| {
                        if ui
                            .small_button("Edit note")
                            .on_hover_text("Correct your note; the trail keeps the old text")
                            .clicked()
                        {
                            drafts.editing_note = Some((note.id, note.text.clone()));
                        }
                        let delete = ui.small_button("Delete note");
                        if delete
                            .on_hover_text("Delete your note; the trail keeps what it said (Ctrl+Z undoes)")
                            .clicked()
                        {
                            out.push(Command::Edit(Edit::DeleteNote { id: note.id }));
                        }
                    });
                }
            }
        }
        ui.add_space(2.0);
    }
    labelled_text_area(ui, "Calibration note", &mut drafts.note, "What you observed, and where");
    let can_add = !drafts.note.trim().is_empty();
    if ui.add_enabled(can_add, Button::new("Add note")).clicked() {
        out.push(Command::Edit(Edit::AddNote { person: person.id.clone(), text: drafts.note.trim().to_owned() }));
        drafts.note.clear();
    }
}
