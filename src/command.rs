//! Every command a user can give, and the one table of their labels and shortcuts that the menus,
//! the command palette, the keyboard handler and the tests all read.
#![deny(clippy::wildcard_enum_match_arm)]

pub use crate::document::Edit;
use crate::model::{LevelId, PersonId, Placement};
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
/// Commands carry intent only: the app stamps who and when. Each group has its own handler in
/// `app/`, matched without wildcards, so a new command cannot be forgotten; only `Edit` changes
/// the session, which makes the read-only gate a fact of the types.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A change to the session, through `Document::apply`.
    Edit(Edit),
    /// The board: selection, and moving cards (which may ask for a proposal first).
    Board(BoardCommand),
    /// Opening, saving, merging, exporting and recovery.
    File(FileCommand),
    /// The roster import preview.
    Import(ImportCommand),
    /// Running the committee meeting: the agenda's order and the presenter view.
    Meeting(MeetingCommand),
    /// Windows and what they show, without changing the session.
    Window(WindowCommand),
    /// The answer to a question the window asked.
    Prompt(PromptCommand),
    /// A named action from a menu, the palette or a shortcut.
    Run(Action),
}

impl Command {
    /// Whether carrying it out changes the session (refused while the session is open read-only).
    #[must_use]
    pub fn edits_session(&self) -> bool {
        matches!(self, Command::Edit(_))
    }
}

/// The board's commands.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardCommand {
    Select(Option<PersonId>),
    MoveSelection(Direction),
    MoveSelectedCard(Direction),
    /// A card was dropped on (or moved by keyboard to) a cell. Moving above the person's level asks
    /// for a proposal rationale first.
    MoveCard {
        person: PersonId,
        to: Placement,
    },
    /// Opens the full list of a crowded cell.
    OpenCellList {
        level: LevelId,
        band: usize,
    },
    /// Shows counts and shares per cell (`true`) or the cards.
    SetDensity(bool),
}

/// Files: the work behind the file dialogs, so tests and the CLI call it directly.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    Open(PathBuf),
    /// Opens a session that someone else holds, without the right to save over it.
    OpenReadOnly(PathBuf),
    CancelOpen,
    SaveTo(PathBuf),
    /// Merges managers' prep files into a new committee session (after unsaved changes are dealt with).
    MergePrepFiles(Vec<PathBuf>),
    /// Writes the decisions to `path` as CSV or, with `options.workbook`, as an Excel workbook.
    ExportCsv {
        path: PathBuf,
        options: crate::view::ExportCsvOptions,
    },
    ExportRon(PathBuf),
    ExportHistory(PathBuf),
    /// Writes the pre-read packet as this HTML file and a Markdown file beside it.
    ExportPacket(PathBuf),
    /// The minutes, as HTML at the path and Markdown beside it.
    ExportMinutes(PathBuf),
    /// Writes a letter for every decision into this folder, from the session's templates.
    WriteLetters(PathBuf),
    /// Signs the record's head with this private key (opened with `passphrase` if it has one) as
    /// `signer` (the key's comment when empty).
    SignRecord {
        key: SigningKey,
        passphrase: String,
        signer: String,
    },
    RestoreRecovery,
    DiscardRecovery,
}

/// The key that signs: a private key file, or a key the ssh-agent holds.
#[derive(Clone, Debug, PartialEq)]
pub enum SigningKey {
    File(PathBuf),
    Agent(Box<ssh_key::PublicKey>),
}

/// The roster import preview.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportCommand {
    /// Reads a roster and shows the import preview; nothing changes until `Confirm`.
    Preview(PathBuf),
    /// A choice changed in the import preview; the preview is read again with it.
    Change(ImportChange),
    Confirm,
    Cancel,
}

/// The meeting's commands that do not change the session themselves.
#[derive(Clone, Debug, PartialEq)]
pub enum MeetingCommand {
    /// Orders the agenda window.
    SetAgendaOrder(crate::model::meeting::AgendaOrder),
    /// Puts a candidate on the shared screen (the presenter view).
    Present(PersonId),
    /// Records the decision written in the presenter view, with the time spent, and moves on.
    DecideAndNext,
    /// Moves on to the next undecided candidate without deciding.
    NextCandidate,
    /// Leaves the presenter view.
    EndPresentation,
}

/// What windows show.
#[derive(Clone, Debug, PartialEq)]
pub enum WindowCommand {
    /// Shows one manager's people on the board and in the roster (the roster's manager text).
    FilterManager(String),
    /// Adds a person to the side-by-side comparison, or takes them out (Ctrl+click).
    ToggleCompare(PersonId),
    /// Weighs the compared people against this level (`None`: the level chosen by the rule).
    SetCompareLevel(Option<LevelId>),
    /// The export dialog's choices changed (`None` closes it).
    SetExportCsvOptions(Option<crate::view::ExportCsvOptions>),
    /// The user's name, as File → Preferences saves it.
    SetUserName(String),
}

/// Answers to the window's questions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PromptCommand {
    /// The proposal prompt raised by a move was cancelled.
    CancelProposal,
    /// The question a move below a proposed person's level raises was cancelled: no move.
    CancelDemotion,
    /// The finalize, reopen or sign question was cancelled.
    CancelRecord,
    /// The typed path is confirmed, or the path field cancelled.
    ConfirmPath,
    CancelPath,
    /// Asks where to write the decisions CSV with these choices.
    ChooseExportCsvPath(crate::view::ExportCsvOptions),
    /// The answer to "save changes before …?".
    ResolveUnsaved(UnsavedChoice),
}

macro_rules! command_from {
    ($($variant:ident($inner:ty)),* $(,)?) => {
        $(impl From<$inner> for Command {
            fn from(inner: $inner) -> Self {
                Command::$variant(inner)
            }
        })*
    };
}

command_from!(
    Edit(Edit),
    Board(BoardCommand),
    File(FileCommand),
    Import(ImportCommand),
    Meeting(MeetingCommand),
    Window(WindowCommand),
    Prompt(PromptCommand),
    Run(Action),
);

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
    WriteLetters,
    Preferences,
    Finalize,
    ReopenRecord,
    Sign,
    History,
    Fairness,
    Agenda,
    Committee,
    ExportMinutes,
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
    FullScreen,
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
            Action::WriteLetters => "Write letters (one per decision)…",
            Action::Preferences => "Preferences (your name)…",
            Action::Finalize => "Finalize the record…",
            Action::ReopenRecord => "Reopen the record…",
            Action::Sign => "Sign the record with an SSH key…",
            Action::History => "History (audit trail)",
            Action::OpenItems => "Open items (disagreements between prep files)",
            Action::Agenda => "Meeting agenda",
            Action::Committee => "Committee: members, attendance, recusals, budget, minutes",
            Action::ExportMinutes => "Export minutes (Markdown and HTML)…",
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
            Action::FullScreen => "Full screen (on / off)",
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
            | Action::Committee
            | Action::ExportMinutes
            | Action::ExportPacket
            | Action::WriteLetters
            | Action::Preferences
            | Action::Finalize
            | Action::ReopenRecord
            | Action::Sign
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
            Action::FullScreen => s(Modifiers::NONE, Key::F11),
            Action::Shortcuts => s(Modifiers::NONE, Key::F1),
            Action::Quit => s(CTRL, Key::Q),
        }
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo, Ctrl+P for the palette).
    #[must_use]
    #[expect(clippy::wildcard_enum_match_arm, reason = "all but two actions have one shortcut only")]
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

    /// Whether the action changes the session (a text field's own undo and arrows come first).
    #[must_use]
    pub fn edits_session(self) -> bool {
        match self {
            Action::Undo
            | Action::Redo
            | Action::ToggleBlind
            | Action::MoveCardLeft
            | Action::MoveCardRight
            | Action::MoveCardUp
            | Action::MoveCardDown => true,
            Action::NewFromRoster
            | Action::Open
            | Action::MergePrepFiles
            | Action::Save
            | Action::SaveAs
            | Action::ExportCsv
            | Action::ExportRon
            | Action::ExportHistory
            | Action::ExportPacket
            | Action::WriteLetters
            | Action::Preferences
            | Action::Finalize
            | Action::ReopenRecord
            | Action::Sign
            | Action::History
            | Action::Fairness
            | Action::Agenda
            | Action::Committee
            | Action::ExportMinutes
            | Action::OpenItems
            | Action::Compare
            | Action::OpenPerson
            | Action::ClosePerson
            | Action::ToggleTrack
            | Action::ToggleTheme
            | Action::FocusSearch
            | Action::Palette
            | Action::FullScreen
            | Action::Shortcuts
            | Action::FileFormats
            | Action::About
            | Action::Quit => false,
        }
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
}
