#![no_main]
//! Any bytes given to the session loader give a session or problems, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ladderboard::io::session::parse_session(data, std::path::Path::new("fuzz.ron"));
});
