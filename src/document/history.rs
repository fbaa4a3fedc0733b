//! Undo and redo as lists of changes: each step keeps what it did and how to take it back.

use crate::model::Change;

/// One undoable step: the changes made and their inverses, in the order they were applied.
#[derive(Clone, Debug)]
pub struct Step {
    pub label: String,
    pub changes: Vec<Change>,
    pub inverses: Vec<Change>,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a new step; a new change clears what could be redone.
    pub fn push(&mut self, step: Step) {
        self.undo.push(step);
        self.redo.clear();
    }

    /// The step that Undo would take back.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The step that Redo would make again.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Takes the newest step to undo.
    pub fn pop_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    /// Takes the newest step to redo.
    pub fn pop_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    /// Puts back a step that was undone, so it can be redone.
    pub fn push_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// Puts back a step that was redone, without clearing the redo stack.
    pub fn push_undo_keep_redo(&mut self, step: Step) {
        self.undo.push(step);
    }

    /// Forgets everything (a different session was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
