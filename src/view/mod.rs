//! What the user is looking at, shared by the screens (`ui/`) that read and edit it and the app
//! (`app/`) that owns it: selection, filters, drafts, pending prompts, the status message, and the
//! views derived from the session. Nothing here touches the session or a file.

pub mod cache;
pub mod context;
pub mod derived;
pub mod drafts;
pub mod import_preview;
pub mod prompts;
pub mod state;
pub mod windows;

pub use cache::Caches;
pub use context::ViewContext;
pub use derived::Derived;
pub use drafts::{Drafts, UnsentText};
pub use import_preview::{ImportPreview, MappedField, PreviewRow};
pub use state::{
    CellList, CompareState, ExportCsvOptions, Filters, HistoryFilter, LockPrompt, PathPrompt, PathPromptKind,
    PendingDemotion, PendingProposal, RecordPrompt, RecoveryOffer, SignPrompt, SortColumn, StatusMessage, ThemeChoice,
    ViewState,
};
