#![no_main]
//! Any text given to the ladder loader gives a ladder or problems, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ladderboard::io::ladder_ron::parse_ladder(text, std::path::Path::new("fuzz.ron"));
    }
});
