//! The one door: edits stamped and applied as steps, refused while read-only, undone and redone.

use super::{Document, Edit, EditError, OpenFile, Stamp};
use crate::app::sample_session;
use crate::io::session::lock::LockInfo;
use crate::model::{LevelId, PersonId, Placement};

fn stamp() -> Stamp {
    Stamp { actor: "Chair".into(), at: "2026-12-01T10:00:00Z".parse().expect("time") }
}

fn ada() -> PersonId {
    PersonId::new("E2001")
}

#[test]
fn an_edit_is_stamped_named_and_moves_the_revision() {
    let mut doc = Document::new(sample_session(), None);
    let before = doc.revision();
    let label = doc.apply(Edit::AddNote { person: ada(), text: "Led the migration".into() }, &stamp()).expect("noted");
    assert_eq!(label, "add note on Ada Park");
    assert_eq!(doc.revision(), before + 1);
    assert!(doc.is_dirty());
    let note = doc.session().notes.last().expect("a note");
    assert_eq!((note.author.as_str(), note.at), ("Chair", stamp().at));
    assert_eq!(doc.session().audit.last().expect("event").actor, "Chair");
    assert_eq!(doc.history().undo_label(), Some("add note on Ada Park"));
}

#[test]
fn a_step_is_all_or_nothing_and_a_refused_edit_changes_nothing() {
    let mut doc = Document::new(sample_session(), None);
    let events = doc.session().audit.len();
    let revision = doc.revision();
    // The placement is fine, the proposal is not (no rationale): neither stays.
    let to = Placement { level: LevelId::new("P4"), band: 1 };
    let refused = doc.apply(Edit::MoveAndPropose { person: ada(), to, rationale: String::new() }, &stamp());
    assert!(matches!(refused, Err(EditError::Rule(_))), "{refused:?}");
    assert_eq!(doc.session().audit.len(), events);
    assert_eq!(doc.revision(), revision);
    assert_eq!(doc.history().undo_label(), None);
    let unknown = doc.apply(Edit::WithdrawProposal { person: PersonId::new("nobody") }, &stamp());
    assert!(matches!(&unknown, Err(EditError::UnknownPerson(id)) if id.as_str() == "nobody"), "{unknown:?}");
}

#[test]
fn undo_and_redo_walk_the_steps_and_record_each_walk() {
    let mut doc = Document::new(sample_session(), None);
    let level = |d: &Document| d.session().placement(d.session().person(&ada()).expect("Ada")).level;
    let start = level(&doc);
    let to = Placement { level: LevelId::new("P2"), band: 0 };
    doc.apply(Edit::Move { person: ada(), to }, &stamp()).expect("moved");
    assert_eq!(level(&doc), LevelId::new("P2"));
    assert_eq!(doc.apply(Edit::Undo, &stamp()).expect("undone"), "move Ada Park P3 solid → P2 developing");
    assert_eq!(level(&doc), start);
    doc.apply(Edit::Redo, &stamp()).expect("redone");
    assert_eq!(level(&doc), LevelId::new("P2"));
    assert_eq!(doc.session().audit.len(), sample_session().audit.len() + 3, "each walk is on the record");
    assert!(matches!(doc.apply(Edit::Redo, &stamp()), Err(EditError::NothingToRedo)));
}

#[test]
fn a_read_only_document_refuses_every_edit_at_the_door() {
    let dir = tempfile::tempdir().expect("dir");
    let mut doc = Document::new(sample_session(), None);
    let holder = LockInfo { user: "Mei".into(), host: "h".into(), pid: 1, since: stamp().at };
    doc.set_file(Some(OpenFile { read_only: Some(holder), ..OpenFile::new(&dir.path().join("s.ron")) }));
    for edit in [Edit::AddNote { person: ada(), text: "x".into() }, Edit::SetBlind(true), Edit::Undo] {
        let refused = doc.apply(edit, &stamp());
        assert!(matches!(refused, Err(EditError::ReadOnly(_))), "{refused:?}");
    }
    assert_eq!(doc.session().audit.len(), sample_session().audit.len());
}

#[test]
fn blind_mode_is_an_edit_and_the_screens_get_the_blinded_copy() {
    let mut doc = Document::new(sample_session(), None);
    doc.apply(Edit::SetBlind(true), &stamp()).expect("blind");
    assert!(doc.shown().people.iter().all(|p| p.name.starts_with("Candidate ") || p.name.starts_with("Manager ")));
    assert!(!doc.blind_text("Ada Park was moved".into()).contains("Ada"));
    doc.apply(Edit::SetBlind(false), &stamp()).expect("revealed");
    assert!(doc.shown().people.iter().any(|p| p.name == "Ada Park"));
}
