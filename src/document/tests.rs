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

#[test]
fn a_note_is_corrected_or_deleted_by_its_author_alone_and_the_trail_keeps_every_text() {
    let mut doc = Document::new(sample_session(), None);
    doc.apply(Edit::AddNote { person: ada(), text: "Led the migraton".into() }, &stamp()).expect("noted");
    let id = doc.session().notes.last().expect("a note").id;
    let mei = Stamp { actor: "Mei".into(), ..stamp() };
    let refused = doc.apply(Edit::EditNote { id, text: "Did nothing".into() }, &mei);
    assert!(matches!(&refused, Err(EditError::NotYourNote { author }) if author == "Chair"), "{refused:?}");
    assert!(matches!(doc.apply(Edit::DeleteNote { id }, &mei), Err(EditError::NotYourNote { .. })));

    let label = doc.apply(Edit::EditNote { id, text: "Led the migration".into() }, &stamp()).expect("edited");
    assert_eq!(label, "edit note on Ada Park");
    let note = doc.session().notes.iter().find(|n| n.id == id).expect("kept");
    assert_eq!((note.text.as_str(), note.author.as_str()), ("Led the migration", "Chair"));
    let event = doc.session().audit.last().expect("event");
    assert_eq!(
        (event.action.as_str(), event.from.as_str(), event.to.as_str()),
        ("edit note", "Led the migraton", "Led the migration")
    );
    assert_eq!(event.person, Some(ada()), "the person's state is sealed anew");
    assert!(doc.session().record_breaks().is_empty(), "{:?}", doc.session().record_breaks());
    assert!(matches!(doc.apply(Edit::EditNote { id, text: "  ".into() }, &stamp()), Err(EditError::Rule(_))));

    assert_eq!(doc.apply(Edit::DeleteNote { id }, &stamp()).expect("deleted"), "delete note on Ada Park");
    assert!(doc.session().notes.iter().all(|n| n.id != id));
    let event = doc.session().audit.last().expect("event");
    assert_eq!((event.action.as_str(), event.from.as_str()), ("remove note", "Led the migration"));
    assert!(doc.session().record_breaks().is_empty(), "{:?}", doc.session().record_breaks());

    doc.apply(Edit::Undo, &stamp()).expect("undone");
    assert_eq!(doc.session().notes.iter().find(|n| n.id == id).map(|n| n.text.as_str()), Some("Led the migration"));
    doc.apply(Edit::Undo, &stamp()).expect("undone");
    assert_eq!(doc.session().notes.iter().find(|n| n.id == id).map(|n| n.text.as_str()), Some("Led the migraton"));
    assert!(doc.session().record_breaks().is_empty(), "{:?}", doc.session().record_breaks());
}

#[test]
fn a_note_edited_by_hand_after_an_audited_correction_is_restored_from_the_trail() {
    let mut doc = Document::new(sample_session(), None);
    let first = doc.session().notes.iter().find(|n| n.person == ada()).map(|n| n.id);
    doc.apply(Edit::AddNote { person: ada(), text: "Early draft".into() }, &stamp()).expect("noted");
    let id = doc.session().notes.last().expect("a note").id;
    doc.apply(Edit::AddNote { person: ada(), text: "Later note".into() }, &stamp()).expect("noted");
    doc.apply(Edit::DeleteNote { id }, &stamp()).expect("deleted");
    doc.apply(Edit::Undo, &stamp()).expect("undone: added back in its place");
    doc.apply(Edit::EditNote { id, text: "Final wording".into() }, &stamp()).expect("edited");
    let mut session = doc.session().clone();
    let held = session.notes.iter_mut().find(|n| n.id == id).expect("note");
    held.text = "Wording changed by hand".into();
    assert!(!session.record_breaks().is_empty(), "the hand edit is seen");
    let mut doc = Document::new(session, None);
    doc.apply(Edit::RestoreFromTrail { reason: "hand edit".into() }, &stamp()).expect("restored");
    let ada = ada();
    let texts: Vec<&str> = doc.session().notes_for(&ada).map(|n| n.text.as_str()).collect();
    assert!(texts.ends_with(&["Final wording", "Later note"]), "{texts:?} (first note {first:?})");
    assert!(doc.session().record_breaks().is_empty(), "{:?}", doc.session().record_breaks());
}
