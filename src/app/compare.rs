//! Choosing who is compared side by side: Ctrl+click marks people (in the roster or on the board),
//! and the Compare action opens the window on them, or on the selected person to start with.

use super::LadderApp;
use crate::model::compare::MAX_COMPARED;
use crate::view::CompareState;

impl LadderApp {
    pub(super) fn toggle_compare(&mut self, person: crate::model::PersonId) {
        let marks = &mut self.view.windows.compare_marks;
        if let Some(at) = marks.iter().position(|p| *p == person) {
            marks.remove(at);
        } else if marks.len() >= MAX_COMPARED {
            self.info(format!("At most {MAX_COMPARED} people side by side: Ctrl+click one to take them out first."));
            return;
        } else {
            marks.push(person);
        }
        let names: Vec<String> = marks.iter().map(|id| self.document.session().name_of(id)).collect();
        match &mut self.view.windows.compare {
            Some(compare) => compare.people.clone_from(marks),
            None if names.len() >= 2 => {
                self.view.windows.compare = Some(CompareState { people: marks.clone(), level: None });
            }
            None => {}
        }
        let text = if names.is_empty() {
            "No one marked for comparison.".to_owned()
        } else {
            format!("Comparing {} (Ctrl+click to add or remove, up to {MAX_COMPARED}).", names.join(", "))
        };
        self.info(text);
    }

    /// Opens (or closes) the comparison on the marked people, or the selected one.
    pub(super) fn open_compare(&mut self) {
        if self.view.windows.compare.take().is_some() {
            return;
        }
        if self.view.windows.compare_marks.is_empty()
            && let Some(selected) = self.view.selected.clone()
        {
            self.view.windows.compare_marks.push(selected);
        }
        self.view.windows.compare = Some(CompareState { people: self.view.windows.compare_marks.clone(), level: None });
    }
}
