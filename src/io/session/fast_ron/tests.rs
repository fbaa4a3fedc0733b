use super::from_str;
use crate::model::Session;
use proptest::prelude::*;

/// The same session, as text: `Session` has no `==`, and its RON is its whole content.
fn text_of(session: &Session) -> String {
    ron::to_string(session).expect("writes")
}

/// The fast reader's answer agrees with `ron`'s: the same value, or a refusal (then `ron` reads).
fn agrees(text: &str) -> bool {
    match from_str::<Session>(text) {
        Ok(fast) => ron::from_str::<Session>(text).is_ok_and(|slow| text_of(&fast) == text_of(&slow)),
        Err(_) => true,
    }
}

#[test]
fn every_fixture_session_reads_as_ron_reads_it_and_the_current_ones_fast() {
    let folder = crate::fixtures::fixture_path("sessions");
    let mut fast = 0;
    for entry in std::fs::read_dir(folder).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        assert!(agrees(&text), "{}", path.display());
        fast += usize::from(from_str::<Session>(&text).is_ok());
    }
    let sample = crate::app::SAMPLE_SESSION_RON;
    let read: Session = from_str(sample).expect("the sample, as Ladderboard writes it, reads fast");
    assert_eq!(text_of(&read), text_of(&ron::from_str(sample).expect("ron")));
    assert!(fast >= 1);
}

#[test]
fn a_large_session_with_every_kind_of_text_reads_the_same() {
    let mut session = crate::fixtures::large_session(300);
    session.title =
        "Quotes \" and \\ backslashes, 'apostrophes', tabs\t, new\nlines, \u{0} and \u{1f600} — Łucja".into();
    let written = crate::io::session::session_to_string(&session).expect("writes");
    let read: Session = from_str(&written).expect("reads fast");
    assert_eq!(text_of(&read), text_of(&session));
}

#[test]
fn forms_it_does_not_read_are_refused_not_misread() {
    assert_eq!(from_str::<String>(r###"r##"a "# b"##"###).expect("raw"), "a \"# b");
    for text in ["'c'", "0x1F", "1_000", "/* block */ 1", "Some(1) trailing", "\"\\x41\"", "\"unclosed"] {
        assert!(from_str::<ron::Value>(text).is_err(), "{text}");
    }
    assert_eq!(
        from_str::<Vec<Option<u32>>>("[Some(1), None, // a comment\n Some(3),]").expect("reads"),
        vec![Some(1), None, Some(3)]
    );
    assert_eq!(from_str::<String>(r#""a\u{e9}\n\"b\"""#).expect("reads"), "aé\n\"b\"");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// A hand edit anywhere in a saved session — a character replaced, inserted or removed — is
    /// either read exactly as `ron` reads it, or refused (and `ron` then has the last word).
    #[test]
    fn any_edit_of_a_saved_session_reads_as_ron_reads_it_or_is_refused(
        at in 0usize..40_000,
        byte in prop::sample::select(b"(),:[]{}\"\\ 0123456789.-+eE_rSNa#/\n'".to_vec()),
        how in 0u8..3,
    ) {
        let sample = crate::app::SAMPLE_SESSION_RON;
        let mut bytes = sample.as_bytes().to_vec();
        let at = at % bytes.len();
        match how {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => { bytes.remove(at); }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            prop_assert!(agrees(&text));
        }
    }

    /// Any string survives writing and reading.
    #[test]
    fn any_string_reads_back(text in "\\PC*|[\"'\\\\\n\t\r\u{0}-\u{1f}\u{7f}-\u{ff}\u{300}\u{1f600}a-z ]*") {
        let written = ron::to_string(&text).expect("writes");
        prop_assert_eq!(from_str::<String>(&written).expect("reads"), text.clone());
        // As a session writes it: raw strings, nothing escaped.
        let config = crate::io::session::ron::pretty_config();
        let written = ron::ser::to_string_pretty(&vec![text.clone()], config).expect("writes");
        prop_assert_eq!(from_str::<Vec<String>>(&written).expect("reads"), vec![text]);
    }
}

#[test]
fn a_lists_items_read_in_place_as_the_whole_list_would() {
    let items = "Some(1), None ,\n Some(3)";
    let read = super::items_from_str::<Option<u8>>(items).expect("reads");
    assert_eq!(read.items, vec![Some(1), None, Some(3)]);
    assert_eq!(
        &items[..read.last_item_end],
        items.trim_end().trim_end_matches(',').trim_end(),
        "ends after the last item"
    );
    assert_eq!(super::items_from_str::<u8>("").expect("empty").items, Vec::<u8>::new());
    assert!(super::items_from_str::<u8>("1 2").is_err());
    let trailing = super::items_from_str::<u8>("1, // two\n").expect("a trailing comma");
    assert_eq!((trailing.items, trailing.last_item_end), (vec![1], 1));
}

/// The long texts the reader finds on its way are the ones the walk over the read value finds.
#[test]
fn the_long_texts_found_while_reading_are_the_walks() {
    use crate::model::text_limits::long_texts;
    let sample = crate::app::SAMPLE_SESSION_RON;
    let text = sample
        .replacen("title: \"Engineering calibration — sample\"", &format!("title: \"{}\"", "T".repeat(2000)), 1)
        .replacen("why: \"\"", &format!("why: r#\"{}\"\"#", "\"w".repeat(40_000)), 1)
        .replacen("name: \"Scope of impact\"", &format!("name: \"{}\"", "\\n".repeat(1200)), 1);
    let (session, found): (Session, _) = super::from_str_checked(&text).expect("reads");
    let walked = long_texts(&session, 100);
    assert_eq!(found.len(), 3, "{found:?} {walked:?}");
    assert_eq!(found, walked);
}

#[test]
fn a_field_the_session_does_not_keep_is_read_whole_or_refused() {
    let sample = crate::app::SAMPLE_SESSION_RON;
    let with = |field: &str| sample.replacen("\n  title:", &format!("\n  {field}\n  title:"), 1);
    // Lists, maps, strings and options are read and dropped, as `ron` drops them.
    let kept = with("later: [1, \"two\", Some([3])], extra: {\"a\": None},");
    assert!(from_str::<Session>(&kept).is_ok(), "read fast");
    assert!(agrees(&kept));
    // Damaged values are refused, as `ron` refuses them: never read as if they were whole.
    for damaged in ["junk: [1 2),", "junk: (],", "junk: [1, 2,,],"] {
        let text = with(damaged);
        assert!(from_str::<Session>(&text).is_err(), "{damaged}");
        assert!(ron::from_str::<Session>(&text).is_err(), "{damaged}");
    }
}
