#![no_main]
//! A saved session edited by hand: the fuzzer's bytes are put into the sample at a place it
//! chooses (inserted, or replacing a run, or repeated into a long text). The loader gives a session
//! or problems, never a panic; where it gives a session, the fast reader and `ron` agree on it;
//! and the record's checks run on it without a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else { return };
    let Some((&at, bytes)) = rest.split_first() else { return };
    let sample = ladderboard::app::SAMPLE_SESSION_RON.as_bytes();
    let at = usize::from(at) * sample.len() / 256;
    let mut edited = sample[..at].to_vec();
    match how % 3 {
        0 => edited.extend_from_slice(bytes),
        1 => {
            // A long text: the bytes repeated past a text's limit.
            for _ in 0..(70_000 / bytes.len().max(1)).min(70_000) {
                edited.extend_from_slice(bytes);
            }
        }
        _ => {
            edited.extend_from_slice(bytes);
            let skip = (at + bytes.len()).min(sample.len());
            edited.extend_from_slice(&sample[skip..]);
            return check(&edited);
        }
    }
    edited.extend_from_slice(&sample[at..]);
    check(&edited);
});

fn check(text: &[u8]) {
    if let Ok(session) = ladderboard::io::session::parse_session(text, std::path::Path::new("fuzz.ron")) {
        let _ = session.record_breaks();
        let _ = session.restoration();
    }
    if let Ok(text) = std::str::from_utf8(text)
        && let Ok(fast) = ladderboard::io::session::fast_ron::from_str::<ladderboard::model::Session>(text)
    {
        let slow: ladderboard::model::Session = ron::from_str(text).expect("what the fast reader reads, ron reads");
        assert_eq!(ron::to_string(&fast).ok(), ron::to_string(&slow).ok(), "the fast reader and ron agree");
    }
}
