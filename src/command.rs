//! Every command a user can give, and the one table of their labels and shortcuts that the menus,
//! the command palette, the keyboard handler and the tests all read.

use crate::model::{Change, LevelId, PersonId, Placement};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A direction on the grid. Up means a stronger band, right a higher level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// Something to do, emitted by the UI during a frame and applied by the app after it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Changes to the session, undone together as one step named `label`.
    Apply {
        label: String,
        changes: Vec<Change>,
    },
    /// A card was dropped on (or moved by keyboard to) a cell. Moving above the person's level asks
    /// for a proposal rationale first.
    MoveCard {
        person: PersonId,
        to: Placement,
    },
    /// Confirms the proposal prompt raised by a move.
    ConfirmProposal {
        person: PersonId,
        to: Placement,
        target: LevelId,
        rationale: String,
    },
    CancelProposal,
    Select(Option<PersonId>),
    MoveSelection(Direction),
    MoveSelectedCard(Direction),
    ImportRoster(PathBuf),
    Open(PathBuf),
    SaveTo(PathBuf),
    ExportCsv(PathBuf),
    ExportRon(PathBuf),
    ExportHistory(PathBuf),
    Run(Action),
    /// Opens a session that someone else holds, without the right to save over it.
    OpenReadOnly(PathBuf),
    CancelOpen,
    RestoreRecovery,
    DiscardRecovery,
    /// The answer to "save changes before …?".
    ResolveUnsaved(UnsavedChoice),
}

/// What to do with unsaved changes before closing the window or opening another session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// What was about to happen when unsaved changes stopped it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Interrupted {
    CloseWindow,
    Open(PathBuf),
    ImportRoster(PathBuf),
}

/// A named, user-facing action: one entry in menus and the palette, maybe with a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    NewFromRoster,
    Open,
    Save,
    SaveAs,
    ExportCsv,
    ExportRon,
    ExportHistory,
    History,
    Undo,
    Redo,
    OpenPerson,
    ClosePerson,
    ToggleTrack,
    ToggleTheme,
    FocusSearch,
    Palette,
    MoveCardLeft,
    MoveCardRight,
    MoveCardUp,
    MoveCardDown,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Action {
    /// Every action, in palette order.
    pub const ALL: [Action; 20] = [
        Action::NewFromRoster,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::ExportCsv,
        Action::ExportRon,
        Action::ExportHistory,
        Action::History,
        Action::Undo,
        Action::Redo,
        Action::OpenPerson,
        Action::ClosePerson,
        Action::ToggleTrack,
        Action::ToggleTheme,
        Action::FocusSearch,
        Action::Palette,
        Action::MoveCardLeft,
        Action::MoveCardRight,
        Action::MoveCardUp,
        Action::MoveCardDown,
    ];

    /// The words in menus and the palette.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Action::NewFromRoster => "New from roster CSV…",
            Action::Open => "Open session…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::ExportCsv => "Export decisions CSV…",
            Action::ExportRon => "Export RON…",
            Action::ExportHistory => "Export history CSV…",
            Action::History => "History (audit trail)",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::OpenPerson => "Open selected person",
            Action::ClosePerson => "Close person panel",
            Action::ToggleTrack => "Switch track (IC / management)",
            Action::ToggleTheme => "Switch light / dark theme",
            Action::FocusSearch => "Search people",
            Action::Palette => "Command palette",
            Action::MoveCardLeft => "Move card one level down",
            Action::MoveCardRight => "Move card one level up",
            Action::MoveCardUp => "Move card to a stronger band",
            Action::MoveCardDown => "Move card to a weaker band",
        }
    }

    /// The main keyboard shortcut.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let s = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Action::NewFromRoster => s(CTRL, Key::N),
            Action::Open => s(CTRL, Key::O),
            Action::Save => s(CTRL, Key::S),
            Action::SaveAs => s(CTRL_SHIFT, Key::S),
            Action::ExportCsv => s(CTRL, Key::E),
            Action::ExportRon => s(CTRL_SHIFT, Key::E),
            Action::ExportHistory => None,
            Action::History => s(CTRL, Key::H),
            Action::Undo => s(CTRL, Key::Z),
            Action::Redo => s(CTRL_SHIFT, Key::Z),
            Action::OpenPerson => s(Modifiers::NONE, Key::Enter),
            Action::ClosePerson => s(Modifiers::NONE, Key::Escape),
            Action::ToggleTrack => s(CTRL, Key::M),
            Action::ToggleTheme => s(CTRL_SHIFT, Key::T),
            Action::FocusSearch => s(CTRL, Key::F),
            Action::Palette => s(CTRL, Key::K),
            Action::MoveCardLeft => s(CTRL, Key::ArrowLeft),
            Action::MoveCardRight => s(CTRL, Key::ArrowRight),
            Action::MoveCardUp => s(CTRL, Key::ArrowUp),
            Action::MoveCardDown => s(CTRL, Key::ArrowDown),
        }
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo, Ctrl+P for the palette).
    #[must_use]
    pub fn alternate_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => Some(KeyboardShortcut::new(CTRL, Key::Y)),
            Action::Palette => Some(KeyboardShortcut::new(CTRL, Key::P)),
            _ => None,
        }
    }

    /// The shortcut as text for menus ("Ctrl+S").
    #[must_use]
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut().map(|s| ctx.format_shortcut(&s)).unwrap_or_default()
    }

    /// Whether the shortcut should fire while a text field has focus (plain keys should not).
    #[must_use]
    pub fn works_while_typing(self) -> bool {
        // Text fields keep their own undo and caret movement; everything else with Ctrl still works.
        self.shortcut().is_some_and(|s| s.modifiers.command) && !self.edits_session()
    }

    /// Whether the action changes the session (refused while it is open read-only).
    #[must_use]
    pub fn edits_session(self) -> bool {
        matches!(
            self,
            Action::Undo
                | Action::Redo
                | Action::MoveCardLeft
                | Action::MoveCardRight
                | Action::MoveCardUp
                | Action::MoveCardDown
        )
    }
}
