//! What every panel reads and none may change, handed to each one frame by frame (as rerun's
//! viewer hands its `ViewerContext`): the session as shown (blinded while blind mode is on), the
//! views derived from it, today's date, who is at the keyboard, and who holds the file when it is
//! open read-only. Screens never read the clock or the settings themselves.

use super::derived::Derived;
use crate::io::session::lock::LockInfo;
use crate::model::Session;

/// The read-only context of one frame.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    pub session: &'a Session,
    pub derived: &'a Derived,
    /// The selected person's notes and trail events, found once per revision.
    pub person_record: &'a super::cache::PersonRecord,
    pub today: jiff::civil::Date,
    /// The user's name as the audit trail writes it (a pre-read mark is theirs).
    pub you: &'a str,
    pub read_only: Option<&'a LockInfo>,
}
