//! Questions the window asks and waits on: a proposal's rationale, a path, a session someone
//! else holds, a recovery file to restore, the decisions export's choices.

use crate::io::session::lock::LockInfo;
use crate::model::{PersonId, Placement};
use std::path::PathBuf;

/// A move above a person's level waiting for its proposal rationale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingProposal {
    pub person: PersonId,
    pub to: Placement,
    pub rationale: String,
    /// The rationale box has been given the keyboard once, so typing starts there.
    pub focused: bool,
}

impl PendingProposal {
    /// A prompt for moving `person` to `to`, with an empty rationale.
    #[must_use]
    pub fn new(person: PersonId, to: Placement) -> Self {
        PendingProposal { person, to, rationale: String::new(), focused: false }
    }
}

/// A move below the level of someone with a proposal, waiting for what becomes of the proposal:
/// kept, withdrawn, or changed to `change_to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingDemotion {
    pub person: PersonId,
    pub to: Placement,
    /// The level the proposal would change to, as chosen in the prompt.
    pub change_to: Option<crate::model::LevelId>,
}

/// A recovery file found on start, offered to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryOffer {
    pub file: PathBuf,
    /// The session file the changes belong to; `None` for a session never saved.
    pub session_path: Option<PathBuf>,
    pub unsaved_changes: usize,
    pub last_change: String,
    pub written_at: String,
}

/// What a path is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPromptKind {
    Open,
    OpenMany,
    Save,
    Folder,
}

/// The path field, shown where no file dialog can be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPrompt {
    pub title: String,
    pub kind: PathPromptKind,
    /// The path as typed (one per line for several files).
    pub text: String,
    /// Why the field, not the system's dialog.
    pub why: String,
    /// What is wrong with the path typed, if anything.
    pub problem: String,
    /// An existing file the user was asked about: confirming the same path again replaces it.
    pub confirmed_replace: Option<PathBuf>,
    /// The field has been given the keyboard focus once, as it opened.
    pub focused: bool,
    pub target: crate::command::DialogTarget,
}

/// A session someone else holds open, waiting for "Open read-only" or Cancel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockPrompt {
    pub path: PathBuf,
    pub holder: LockInfo,
}

/// The decisions-CSV export dialog's choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportCsvOptions {
    /// Put the roster's own columns, in its order, before the decision columns.
    pub with_roster_columns: bool,
    /// Write an Excel workbook (`.xlsx`) instead of CSV.
    pub workbook: bool,
}

/// A question about the record itself, waiting for its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordPrompt {
    /// Make the record final, with a note for the trail.
    Finalize { note: String },
    /// Reopen a final record: the reason is required.
    Reopen { reason: String },
    /// Sign the head (`SignPrompt`).
    Sign(Box<SignPrompt>),
    /// The file was changed outside Ladderboard: each change, and why it is accepted, if it is.
    /// `restorable` and `kept`: what the trail can put back, and what it cannot.
    OutsideEdit { changes: Vec<String>, reason: String, restorable: Vec<String>, kept: Vec<String> },
}

/// Signing the head: which key (a file, or one the ssh-agent holds), its passphrase (kept only
/// while the question is open), as whom, and what went wrong the last time.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SignPrompt {
    pub key: String,
    pub passphrase: String,
    pub signer: String,
    pub problem: String,
    /// The ssh-agent's keys when the question was asked, and the one chosen (`None`: the file).
    pub agent_keys: Vec<ssh_key::PublicKey>,
    pub use_agent: Option<usize>,
}
