//! Large sessions are read and written on every core. These tests hold the parallel reader and
//! writer to the one-piece RON reader and writer: same `Session`, same bytes, whatever the text
//! holds and however many threads.

use jiff::Timestamp;
use ladderboard::app::sample_session;
use ladderboard::fixtures::large_session;
use ladderboard::io::session::parallel::parse::parse_in_parallel;
use ladderboard::io::session::parallel::write::session_text_on;
use ladderboard::io::session::{pretty_config, session_to_string};
use ladderboard::model::{Change, Note, Session};
use proptest::prelude::*;

fn one_piece_text(session: &Session) -> String {
    ron::ser::to_string_pretty(session, pretty_config()).expect("serialises")
}

fn one_piece_parse(text: &str) -> Session {
    ron::from_str(text).expect("parses")
}

/// The sample plus notes whose text looks like RON structure, raw strings and comments.
fn session_with_notes(texts: &[String]) -> Session {
    let mut session = sample_session();
    let people: Vec<_> = session.people.iter().map(|p| p.id.clone()).collect();
    for (i, text) in texts.iter().enumerate() {
        let note = Note {
            id: session.next_note_id(),
            person: people[i % people.len()].clone(),
            at: Timestamp::UNIX_EPOCH,
            author: "Chair \"quoted\"".to_owned(),
            text: text.clone(),
        };
        session.apply(Change::AddNote(note), "Chair", Timestamp::UNIX_EPOCH).expect("valid note");
    }
    session
}

fn assert_same_both_ways(session: &Session) {
    let text = one_piece_text(session);
    for threads in [1, 2, 3] {
        let written = session_text_on(session, &pretty_config(), threads).expect("writes");
        assert!(written == text, "the parallel writer differs from the one-piece writer on {threads} threads");
        let (read, _) = parse_in_parallel(&text, threads).expect("splits and parses");
        assert!(read == one_piece_parse(&text), "the parallel reader differs on {threads} threads");
    }
}

#[test]
fn the_sample_reads_and_writes_the_same_in_parallel() {
    assert_same_both_ways(&sample_session());
}

#[test]
fn a_large_session_reads_and_writes_the_same_in_parallel() {
    assert_same_both_ways(&large_session(1_500));
}

#[test]
fn tricky_text_does_not_confuse_the_split() {
    let tricky = [
        "ends the list ], and the item ), then opens [ and ( again",
        "a \"quoted\" word and a backslash \\ and r#\"raw\"# inside",
        "r\"looks raw\" and '(' and ')' and b'x'",
        "// not a comment\n/* nor /* this */ one */",
        "several\nlines,\n  people: [\n  ],\n  audit: [",
        "##\"# hashes ###",
        "émoji 🚀 and ünïcödé, commas, more commas",
    ];
    let texts: Vec<String> = tricky.iter().cycle().take(400).map(|t| (*t).to_owned()).collect();
    assert_same_both_ways(&session_with_notes(&texts));
}

#[test]
fn files_with_comments_split_or_fall_back_to_one_piece() {
    let text = one_piece_text(&large_session(300));
    let commented = text.replacen("  people: [", "  // the roster\n  people: /* all of them */ [", 1).replacen(
        "  audit: [",
        "  audit: [ // every change\n",
        1,
    );
    let (read, _) = parse_in_parallel(&commented, 2).expect("comments are skipped");
    assert!(read == one_piece_parse(&commented));
    // An extension attribute is left to the one-piece reader.
    assert!(parse_in_parallel(&format!("#![enable(implicit_some)]\n{text}"), 2).is_none());
    // So is damaged text: the caller then reports the one-piece reader's error.
    assert!(parse_in_parallel(&text[..text.len() / 2], 2).is_none());
}

/// A file's long lists are first looked for from the lines Ladderboard writes; lines that only
/// look like a list's items or its commas must not change what the file says.
#[test]
fn lines_that_only_look_like_a_split_are_not_trusted() {
    let text = one_piece_text(&large_session(2_000));
    // Every item's comma moved into a comment: not RON, however the lines look.
    let broken = text.replace("),\n    (", ") // ,\n    (");
    assert!(ron::from_str::<Session>(&broken).is_err());
    assert!(parse_in_parallel(&broken, 2).is_none());
    // Comments that end in a comma after the real ones: RON, read the same.
    let commented = text.replace("),\n    (", "), // see above,\n    (");
    let (read, _) = parse_in_parallel(&commented, 2).expect("parses");
    assert!(read == one_piece_parse(&commented));
}

#[test]
fn a_list_inside_a_string_is_not_taken_for_the_list() {
    let mut session = large_session(300);
    let text = one_piece_text(&session);
    let person = text.lines().find(|l| l.starts_with("    (id: ")).expect("a person's line").replacen(
        "(id: \"",
        "(id: \"FAKE",
        1,
    );
    session.title = format!("x\n  people: [\n{person},\n  ],\n  audit: [\n  ]\n");
    let text = one_piece_text(&session);
    for threads in [2, 3] {
        let (read, _) = parse_in_parallel(&text, threads).expect("parses");
        assert!(read == one_piece_parse(&text), "the title's lines were taken for the document's");
        assert_eq!(read.people.len(), 300);
    }
}

#[test]
fn saved_large_sessions_are_what_the_one_piece_writer_gives() {
    let session = large_session(5_000);
    let text = session_to_string(&session).expect("serialises");
    assert!(text == format!("{}\n", one_piece_text(&session)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_note_text_reads_and_writes_the_same(
        texts in proptest::collection::vec("[a-z\"\\\\\\[\\](){},/*#r'b\n é:]{1,40}", 60..120)
    ) {
        let texts: Vec<String> = texts.into_iter().filter(|t| !t.trim().is_empty()).collect();
        assert_same_both_ways(&session_with_notes(&texts));
    }
}

/// Every format version's fixture reads on the parallel path (split from its lines where it can be)
/// as `ron` alone reads it, and is written back as the one-piece writer writes it.
#[test]
fn every_fixture_version_reads_and_writes_the_same_in_parallel() {
    let folder = ladderboard::fixtures::fixture_path("sessions");
    let mut read = 0;
    for version in 1..=5 {
        let path = folder.join(format!("v{version}.ron"));
        let text = std::fs::read_to_string(&path).expect("fixture");
        let expected: Session = ron::from_str(&text).expect("ron reads every fixture");
        for threads in [1, 2, 3] {
            let (session, _) = parse_in_parallel(&text, threads).expect("parses");
            assert!(session == expected, "{} on {threads} threads", path.display());
            let written = session_text_on(&expected, &pretty_config(), threads).expect("writes");
            assert!(written == one_piece_text(&expected), "{} written on {threads} threads", path.display());
        }
        read += 1;
    }
    assert_eq!(read, 5);
}

#[test]
fn every_edit_of_this_change_reads_and_writes_the_same_in_parallel() {
    use ladderboard::document::{Document, Edit, Stamp};
    use ladderboard::model::{LevelId, PersonId, Placement};
    let mut doc = Document::new(session_with_notes(&["first, (draft)".to_owned()]), None);
    let stamp = Stamp { actor: "Chair \"quoted\"".into(), at: Timestamp::UNIX_EPOCH };
    let id = doc.session().notes.last().expect("note").id;
    doc.apply(Edit::EditNote { id, text: "second: [final]\n// not a comment".into() }, &stamp).expect("edited");
    let farah = PersonId::new("E2006");
    let to = Placement { level: LevelId::new("P1"), band: 1 };
    doc.apply(Edit::MoveAndRepropose { person: farah, to, target: Some(LevelId::new("P4")) }, &stamp).expect("moved");
    doc.apply(Edit::DeleteNote { id }, &stamp).expect("deleted");
    assert_same_both_ways(doc.session());
}
