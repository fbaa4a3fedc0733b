use super::{push_ron_line, ron_text};
use crate::model::{Change, Session};
use proptest::prelude::*;

fn same<T: serde::Serialize + ?Sized>(value: &T) {
    assert_eq!(ron_text(value), ron::to_string(value).ok());
}

/// `push_ron_line` writes what `ron` writes for a list item of a session file, or leaves it to `ron`.
fn same_line<T: serde::Serialize + ?Sized>(value: &T) {
    let config = crate::io::session::pretty_config().depth_limit(0);
    let mut text = String::from("before ");
    if push_ron_line(&mut text, value) {
        assert_eq!(Some(&text[7..]), ron::ser::to_string_pretty(value, config).ok().as_deref());
    } else {
        assert_eq!(text, "before ", "a refused value leaves the text as it was");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// The same texts in a session file's one-line style: raw strings with any run of `#`.
    #[test]
    fn any_string_is_written_in_a_line_as_ron_writes_it(text in "\\PC*|[\"'\\\\#\n\t\r\u{0}-\u{1f}\u{7f}\u{300}\u{1f600}a-z ]*") {
        same_line(&text);
        same_line(&(text.clone(), Some(text.as_str()), vec![text.as_str(), ""], std::collections::BTreeMap::from([(text.as_str(), 1)])));
    }

    /// Any text at all: quotes, backslashes, control characters, accents, combining marks,
    /// right-to-left text, emoji.
    #[test]
    fn any_string_is_written_as_ron_writes_it(text in "\\PC*|[\"'\\\\\n\t\r\u{0}-\u{1f}\u{7f}-\u{ff}\u{300}\u{5d0}\u{200b}\u{feff}\u{1f600}a-z ]*") {
        same(&text);
        same(&(text.clone(), Some(text.as_str()), vec![text.as_str(), ""]));
    }
}

#[test]
fn every_event_and_state_of_every_fixture_session_is_written_as_ron_writes_it() {
    let folder = crate::fixtures::fixture_path("sessions");
    let mut events = 0;
    for entry in std::fs::read_dir(folder).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(session) = crate::io::session::load_session(&path) else { continue };
        for event in &session.audit {
            same_line(event);
            same(&event.change);
            same(&(event.seq, &event.at, &event.actor, &event.person, &event.action, &event.from, &event.to));
            events += 1;
        }
        session.evidence.iter().for_each(same_line);
        session.notes.iter().for_each(same_line);
        for person in &session.people {
            same_line(person);
            same(person);
            same(&session.placements.get(&person.id));
            same(&session.proposals.get(&person.id));
            same(&session.decisions.get(&person.id));
            same(session.evidence_of(&person.id));
        }
        same(&session.meeting);
        same(&session.marks);
        same(&session.conflicts);
        same(&session.ladder);
        same(&session.roster_columns);
        same(&session.band_targets);
    }
    assert!(events > 100, "the fixtures hold events: {events}");
}

#[test]
fn floats_and_other_forms_are_written_as_ron_writes_them() {
    same(&Change::SetTargets(None));
    same(&(1.5_f64, 'x', -3_i64, u64::MAX, true, ()));
    for x in [0.0, -0.0, 1.0, 0.1, 1e300, -2.5e-310, f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        same(&x);
        #[allow(clippy::cast_possible_truncation)]
        same(&(x as f32));
    }
    same(&std::collections::BTreeMap::from([("a", 1), ("b", 2)]));
    same(&(0_u8..3));
    same_line(&(0_u8..3));
    same_line(&(1.5_f64, 'x', -3_i64, u64::MAX, true, (), None::<u8>, Change::SetTargets(None)));
    for x in [0.0, -0.0, 1e300, f64::NAN, -f64::NAN, f64::NEG_INFINITY] {
        same_line(&[x]);
    }
    let sample: Session = crate::io::session::parse_session(
        crate::app::SAMPLE_SESSION_RON.as_bytes(),
        std::path::Path::new("sample.ron"),
    )
    .expect("sample");
    same(&sample.without_lists());
    same(&sample);
}
