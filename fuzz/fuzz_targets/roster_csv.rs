#![no_main]
//! Any bytes given to the roster importer give people or problems, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ladder = ladderboard::io::ladder_ron::default_ladder();
    let _ = ladderboard::io::roster::parse_roster(data, std::path::Path::new("fuzz.csv"), &ladder);
});
