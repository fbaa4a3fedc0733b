//! Criteria side by side — the person's level and the target level, per dimension — with an
//! evidence rating and text against each target criterion.

use crate::command::Command;
use crate::command::Edit;
use crate::model::{Person, Rating, Session};
use crate::view::Drafts;
use egui::{ComboBox, RichText, TextEdit, Ui};

/// Draws the comparison grid and the evidence editors.
pub fn evidence_ui(ui: &mut Ui, session: &Session, person: &Person, drafts: &mut Drafts, out: &mut Vec<Command>) {
    let ladder = &session.ladder;
    let current = ladder.level(&person.level);
    let label = ui.label("Compare with");
    let target_text =
        drafts.target.as_ref().and_then(|t| ladder.level(t)).map_or_else(String::new, crate::model::Level::label);
    let mut chosen = drafts.target.clone();
    ComboBox::from_id_salt("compare-with")
        .selected_text(target_text)
        .show_ui(ui, |ui| {
            for level in ladder.track_levels(person.track) {
                ui.selectable_value(&mut chosen, Some(level.id.clone()), level.label());
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != drafts.target {
        drafts.set_target(session, &person.id, chosen);
    }
    let Some(target) = drafts.target.clone().and_then(|t| ladder.level(&t).cloned()) else { return };
    for dimension in &ladder.dimensions {
        ui.add_space(6.0);
        ui.label(RichText::new(&dimension.name).strong());
        let now = current.and_then(|l| l.criterion(&dimension.id)).map_or("", |c| c.text.as_str());
        let then = target.criterion(&dimension.id).map_or("", |c| c.text.as_str());
        side_by_side_ui(ui, (&format!("Now ({})", person.level), now), (&format!("Target ({})", target.id), then));
        let existing = session.evidence_for(&person.id, &target.id, &dimension.id);
        let rating = existing.and_then(|e| e.rating);
        let links = existing.map(|e| e.links.clone()).unwrap_or_default();
        let saved_text = existing.map_or("", |e| e.text.as_str()).to_owned();
        let set = |rating: Option<Rating>, text: String, links: Vec<String>| {
            Command::Edit(Edit::SetEvidence {
                person: person.id.clone(),
                level: target.id.clone(),
                dimension: dimension.id.clone(),
                rating,
                text,
                links,
            })
        };
        ui.horizontal_wrapped(|ui| {
            let rating_label = ui.label(format!("{} rating", dimension.name));
            let mut chosen = rating;
            ComboBox::from_id_salt(("rating", dimension.id.as_str()))
                .selected_text(chosen.map_or("unrated", Rating::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "unrated");
                    for r in Rating::ALL {
                        ui.selectable_value(&mut chosen, Some(r), r.label());
                    }
                })
                .response
                .labelled_by(rating_label.id);
            if chosen != rating {
                out.push(set(chosen, saved_text.clone(), links.clone()));
            }
        });
        let draft = drafts.evidence.entry(dimension.id.clone()).or_default();
        let text_label = ui.label(RichText::new(format!("{} evidence", dimension.name)).small());
        let response = ui.add(
            TextEdit::multiline(draft)
                .char_limit(crate::model::text_limits::TEXT_LIMIT / 4)
                .desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text("Evidence: what, when, a link"),
        );
        let response = response.labelled_by(text_label.id);
        let committed = response.lost_focus()
            || (response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.command));
        if committed && draft.trim() != saved_text.trim() {
            out.push(set(rating, draft.trim().to_owned(), links.clone()));
        }
        let links_draft = drafts.links.entry(dimension.id.clone()).or_insert_with(|| links.join(" "));
        let links_label = ui.label(RichText::new(format!("{} links", dimension.name)).small());
        let response = ui
            .add(
                TextEdit::singleline(links_draft)
                    .char_limit(crate::model::text_limits::TEXT_LIMIT / 4)
                    .desired_width(f32::INFINITY)
                    .hint_text("Links to documents or reviews, separated by spaces"),
            )
            .labelled_by(links_label.id);
        let parsed = parse_links(links_draft);
        if response.lost_focus() && parsed != links {
            out.push(set(rating, saved_text.clone(), parsed));
        }
    }
}

/// Links typed into one field: separated by spaces, commas or new lines; empty pieces dropped.
#[must_use]
pub fn parse_links(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Two criteria texts in equal columns, top-aligned, wrapped (not justified).
fn side_by_side_ui(ui: &mut Ui, left: (&str, &str), right: (&str, &str)) {
    ui.horizontal_top(|ui| {
        let width = ((ui.available_width() - ui.spacing().item_spacing.x) / 2.0).max(80.0);
        for (caption, text) in [left, right] {
            ui.allocate_ui_with_layout(egui::vec2(width, 0.0), egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(width);
                ui.label(RichText::new(caption).small().weak());
                super::long_text::long_text(ui, text, |t| t);
            });
        }
    });
}
