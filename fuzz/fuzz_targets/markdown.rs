#![no_main]
//! Any text typed into a name, a rationale or a note comes out of the Markdown packet and the gap
//! letters as text: no raw `<` (HTML), and no line that starts a heading, from what was typed.
use libfuzzer_sys::fuzz_target;
use ladderboard::model::{Outcome, PersonId};

fuzz_target!(|data: &[u8]| {
    let typed = String::from_utf8_lossy(data).into_owned();
    if typed.len() > 4096 {
        return;
    }
    let mut session = ladderboard::app::sample_session();
    let id = PersonId::new("E2010");
    if let Some(person) = session.people.iter_mut().find(|p| p.id == id) {
        person.name = typed.as_str().into();
    }
    if let Some(decision) = session.decisions.get_mut(&id) {
        decision.outcome = Outcome::NotThisCycle;
        decision.new_level = None;
        decision.rationale = typed.clone();
    }
    for note in session.notes.iter_mut().filter(|n| n.person == id) {
        note.text = typed.clone();
    }
    session.reindex();
    let packet = ladderboard::io::export::packet::packet_markdown(&session);
    assert!(!packet.contains('<'), "a raw < in the Markdown packet");
    if let Some(person) = session.person(&id).cloned()
        && let Some(letter) = ladderboard::io::export::letters::letter(&session, &person)
    {
        assert!(!letter.contains('<'), "a raw < in a gap letter");
    }
});
