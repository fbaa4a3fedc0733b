//! A drop-down list that scales: with more than a few choices it offers a field that narrows the
//! list as you type, the list scrolls, and at most a few hundred matches are laid out at once.

use egui::{ComboBox, Ui};

/// A list offers its search field from this many choices on.
const FINDABLE: usize = 8;
/// Matches laid out at once; more are counted, and typing narrows them.
const LISTED: usize = 200;

/// A labelled drop-down of `choices` (value, text) with "All" first, searchable by typing; as wide
/// as the room beside its label allows, up to `widest`.
pub fn find_combo<T: PartialEq + Clone>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    choices: impl Iterator<Item = (T, String)>,
    widest: f32,
) {
    let choices: Vec<(T, String)> = choices.collect();
    let shown =
        value.as_ref().and_then(|v| choices.iter().find(|(c, _)| c == v)).map_or("All", |(_, text)| text.as_str());
    let label_response = ui.label(label);
    let width = (ui.available_width() - 4.0).clamp(96.0, widest.max(96.0));
    ComboBox::from_id_salt(("find-combo", label))
        .selected_text(shown)
        .width(width)
        .show_ui(ui, |ui| {
            let id = ui.make_persistent_id(("find-combo-query", label));
            let mut query: String = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_default();
            if choices.len() > FINDABLE {
                ui.horizontal(|ui| {
                    let find = ui.label(format!("Find {}", label.to_lowercase()));
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut query).hint_text("type a part of it").desired_width(140.0))
                        .labelled_by(find.id);
                    if !field.has_focus() && query.is_empty() {
                        field.request_focus();
                    }
                });
            }
            let needle = query.to_lowercase();
            let mut matches =
                choices.iter().filter(|(_, text)| needle.is_empty() || text.to_lowercase().contains(&needle));
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                ui.selectable_value(value, None, "All");
                for (choice, text) in matches.by_ref().take(LISTED) {
                    ui.selectable_value(value, Some(choice.clone()), text.as_str());
                }
                let more = matches.count();
                if more > 0 {
                    ui.label(egui::RichText::new(format!("{more} more: type to narrow")).weak());
                }
            });
            ui.data_mut(|d| d.insert_temp(id, query));
        })
        .response
        .labelled_by(label_response.id);
}
