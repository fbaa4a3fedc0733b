//! Every command a user can give, and the one table of their labels and shortcuts that the menus,
//! the command palette, the keyboard handler and the tests all read.

use crate::model::{DimensionId, LevelId, Outcome, PersonId, Placement, Rating};
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

/// Something the user chose, emitted by the UI during a frame and carried out by the app after it.
/// Commands carry intent only: the app stamps who, when and ids, and names the undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Propose `target` for `person`, with the case for it.
    Propose {
        person: PersonId,
        target: LevelId,
        rationale: String,
    },
    WithdrawProposal {
        person: PersonId,
    },
    /// Record the committee's decision; `new_level` only for outcomes that change the level.
    Decide {
        person: PersonId,
        outcome: Outcome,
        new_level: Option<LevelId>,
        rationale: String,
    },
    ReopenDecision {
        person: PersonId,
    },
    AddNote {
        person: PersonId,
        text: String,
    },
    /// Set the rating, text and links recorded against one criterion of `level`.
    SetEvidence {
        person: PersonId,
        level: LevelId,
        dimension: DimensionId,
        rating: Option<Rating>,
        text: String,
        links: Vec<String>,
    },
    /// A card was dropped on (or moved by keyboard to) a cell. Moving above the person's level asks
    /// for a proposal rationale first.
    MoveCard {
        person: PersonId,
        to: Placement,
    },
    /// Confirms the proposal prompt raised by a move: places the card and proposes its level.
    ConfirmProposal {
        person: PersonId,
        to: Placement,
        rationale: String,
    },
    CancelProposal,
    Select(Option<PersonId>),
    MoveSelection(Direction),
    MoveSelectedCard(Direction),
    /// Reads a roster and shows the import preview; nothing changes until `ConfirmImport`.
    ImportRoster(PathBuf),
    /// Merges managers' prep files into a new committee session (after unsaved changes are dealt with).
    MergePrepFiles(Vec<PathBuf>),
    /// Writes the pre-read packet as this HTML file and a Markdown file beside it.
    ExportPacket(PathBuf),
    /// Writes a gap letter for every "not this cycle" decision into this folder.
    WriteGapLetters(PathBuf),
    /// Settles an open disagreement between prep files with one of its values.
    SettleConflict {
        conflict: u64,
        chosen: usize,
    },
    /// The user's pre-read mark on a candidate (`None` clears it); the app stamps the member and time.
    SetMark {
        person: PersonId,
        vote: Option<crate::model::meeting::Vote>,
        comment: String,
    },
    /// The chair's target share per band; `None` goes back to the default.
    SetTargets(Option<crate::model::fairness::BandTargets>),
    /// Shows one manager's people on the board and in the roster (the roster's manager text).
    FilterManager(String),
    /// Orders the agenda window.
    SetAgendaOrder(crate::model::meeting::AgendaOrder),
    /// Moves a candidate to `to` in the agenda's order by hand.
    MoveOnAgenda {
        person: PersonId,
        to: usize,
    },
    /// Minutes per candidate.
    SetTimeBox(u32),
    /// Puts a candidate on the shared screen (the presenter view).
    Present(PersonId),
    /// Records the decision written in the presenter view, with the time spent, and moves on.
    DecideAndNext,
    /// Moves on to the next undecided candidate without deciding.
    NextCandidate,
    /// Leaves the presenter view.
    EndPresentation,
    /// A choice changed in the import preview; the preview is read again with it.
    ChangeImport(ImportChange),
    ConfirmImport,
    CancelImport,
    Open(PathBuf),
    SaveTo(PathBuf),
    /// Writes the decisions to `path` as CSV or, with `options.workbook`, as an Excel workbook.
    ExportCsv {
        path: PathBuf,
        options: crate::view::ExportCsvOptions,
    },
    /// Opens the full list of a crowded cell.
    OpenCellList {
        level: crate::model::LevelId,
        band: usize,
    },
    /// Shows counts and shares per cell (`true`) or the cards.
    SetDensity(bool),
    /// Adds a person to the side-by-side comparison, or takes them out (Ctrl+click).
    ToggleCompare(PersonId),
    /// Weighs the compared people against this level (`None`: the level chosen by the rule).
    SetCompareLevel(Option<crate::model::LevelId>),
    /// The typed path is confirmed, or the path field cancelled.
    ConfirmPathPrompt,
    CancelPathPrompt,
    /// The export dialog's choices changed (`None` closes it).
    SetExportCsvOptions(Option<crate::view::ExportCsvOptions>),
    /// Asks where to write the decisions CSV with these choices.
    ChooseExportCsvPath(crate::view::ExportCsvOptions),
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

/// A choice the user made in the import preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportChange {
    /// Decode as this encoding (a WHATWG label); `None`: detect.
    Encoding(Option<String>),
    /// Take the field from the column with this header; `None`: from no column.
    Column(crate::model::Field, Option<String>),
    /// Read level codes with this ladder scheme; `None`: the ladder's own names and aliases.
    LevelScheme(Option<String>),
    /// Read this sheet of a workbook; `None`: the one with a roster header.
    Sheet(Option<String>),
}

/// What a chosen path is for: an action's file, the decisions export, or the save that the
/// unsaved-changes question asked for before going on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogTarget {
    Action(Action),
    ExportCsv(crate::view::ExportCsvOptions),
    SaveThen(Interrupted),
}

/// What was about to happen when unsaved changes stopped it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Interrupted {
    CloseWindow,
    Open(PathBuf),
    /// Replacing the session with the previewed roster.
    ImportRoster(PathBuf),
    /// Replacing the session with the merge of these prep files.
    Merge(Vec<PathBuf>),
}

impl Command {
    /// Whether carrying it out changes the session (refused while the session is open read-only).
    #[must_use]
    pub fn edits_session(&self) -> bool {
        match self {
            Command::Propose { .. }
            | Command::WithdrawProposal { .. }
            | Command::Decide { .. }
            | Command::ReopenDecision { .. }
            | Command::AddNote { .. }
            | Command::SetEvidence { .. }
            | Command::SettleConflict { .. }
            | Command::SetMark { .. }
            | Command::MoveOnAgenda { .. }
            | Command::SetTimeBox(_)
            | Command::SetTargets(_)
            | Command::DecideAndNext
            | Command::MoveCard { .. }
            | Command::ConfirmProposal { .. }
            | Command::MoveSelectedCard(_) => true,
            Command::Run(action) => action.edits_session(),
            _ => false,
        }
    }
}

/// A named, user-facing action: one entry in menus and the palette, maybe with a shortcut.
/// `Action::ALL` is derived from the variants, so a new action is listed (and its shortcut read).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum Action {
    NewFromRoster,
    Open,
    MergePrepFiles,
    Save,
    SaveAs,
    ExportCsv,
    ExportRon,
    ExportHistory,
    ExportPacket,
    WriteGapLetters,
    History,
    Fairness,
    Agenda,
    OpenItems,
    Compare,
    Undo,
    Redo,
    OpenPerson,
    ClosePerson,
    ToggleTrack,
    ToggleTheme,
    ToggleBlind,
    FocusSearch,
    Palette,
    MoveCardLeft,
    MoveCardRight,
    MoveCardUp,
    MoveCardDown,
    Shortcuts,
    FileFormats,
    About,
    Quit,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Action {
    /// Every action, in palette order (the order of the variants).
    pub const ALL: &'static [Action] = <Action as strum::VariantArray>::VARIANTS;

    /// The words in menus and the palette.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Action::NewFromRoster => "New from roster (CSV or Excel)…",
            Action::Open => "Open session…",
            Action::MergePrepFiles => "Merge prep files…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::ExportCsv => "Export decisions (CSV or Excel)…",
            Action::ExportRon => "Export RON…",
            Action::ExportHistory => "Export history CSV…",
            Action::ExportPacket => "Export pre-read packet (HTML and Markdown)…",
            Action::WriteGapLetters => "Write gap letters…",
            Action::History => "History (audit trail)",
            Action::OpenItems => "Open items (disagreements between prep files)",
            Action::Agenda => "Meeting agenda",
            Action::Compare => "Compare people side by side (Ctrl+click to choose)",
            Action::Fairness => "Fairness: distribution, managers, evidence coverage",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::OpenPerson => "Open selected person",
            Action::ClosePerson => "Close person panel",
            Action::ToggleTrack => "Switch track (IC / management)",
            Action::ToggleTheme => "Switch light / dark theme",
            Action::ToggleBlind => "Blind mode: names as codes (on / off)",
            Action::FocusSearch => "Search people",
            Action::Palette => "Command palette",
            Action::MoveCardLeft => "Move card one level down",
            Action::MoveCardRight => "Move card one level up",
            Action::MoveCardUp => "Move card to a stronger band",
            Action::MoveCardDown => "Move card to a weaker band",
            Action::Shortcuts => "Keyboard shortcuts",
            Action::FileFormats => "File formats",
            Action::About => "About Ladderboard",
            Action::Quit => "Quit",
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
            Action::ExportHistory
            | Action::MergePrepFiles
            | Action::OpenItems
            | Action::ExportPacket
            | Action::WriteGapLetters
            | Action::FileFormats
            | Action::About => None,
            Action::History => s(CTRL, Key::H),
            Action::Agenda => s(CTRL, Key::G),
            Action::Compare => s(CTRL_SHIFT, Key::C),
            Action::Fairness => s(CTRL, Key::R),
            Action::Undo => s(CTRL, Key::Z),
            Action::Redo => s(CTRL_SHIFT, Key::Z),
            Action::OpenPerson => s(Modifiers::NONE, Key::Enter),
            Action::ClosePerson => s(Modifiers::NONE, Key::Escape),
            Action::ToggleTrack => s(CTRL, Key::M),
            Action::ToggleTheme => s(CTRL_SHIFT, Key::T),
            Action::ToggleBlind => s(CTRL_SHIFT, Key::B),
            Action::FocusSearch => s(CTRL, Key::F),
            Action::Palette => s(CTRL, Key::K),
            Action::MoveCardLeft => s(CTRL, Key::ArrowLeft),
            Action::MoveCardRight => s(CTRL, Key::ArrowRight),
            Action::MoveCardUp => s(CTRL, Key::ArrowUp),
            Action::MoveCardDown => s(CTRL, Key::ArrowDown),
            Action::Shortcuts => s(Modifiers::NONE, Key::F1),
            Action::Quit => s(CTRL, Key::Q),
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
                | Action::ToggleBlind
                | Action::MoveCardLeft
                | Action::MoveCardRight
                | Action::MoveCardUp
                | Action::MoveCardDown
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_action_is_listed_once_with_its_own_label_and_shortcut() {
        let labels: HashSet<&str> = Action::ALL.iter().map(|a| a.label()).collect();
        assert_eq!(labels.len(), Action::ALL.len(), "labels are unique");
        let shortcuts: Vec<KeyboardShortcut> =
            Action::ALL.iter().flat_map(|a| [a.shortcut(), a.alternate_shortcut()]).flatten().collect();
        let distinct: HashSet<(bool, bool, bool, Key)> = shortcuts
            .iter()
            .map(|s| (s.modifiers.command, s.modifiers.shift, s.modifiers.alt, s.logical_key))
            .collect();
        assert_eq!(distinct.len(), shortcuts.len(), "no two actions share a shortcut");
        assert!(Action::ALL.contains(&Action::MoveCardDown) && Action::ALL.contains(&Action::NewFromRoster));
    }

    #[test]
    fn commands_that_change_the_session_are_known_as_edits() {
        let person = PersonId::from("E1");
        assert!(Command::AddNote { person: person.clone(), text: "x".into() }.edits_session());
        assert!(Command::Run(Action::Undo).edits_session());
        assert!(!Command::Select(Some(person)).edits_session());
        assert!(!Command::Run(Action::Save).edits_session());
    }
}
