//! Writes a Workday-style 26-column roster, for measuring import size and memory at scale:
//! `cargo run --release --example workday_roster -- 50000 /tmp/workday-50k.csv`.
#![expect(clippy::print_stdout, reason = "a tool run by hand that reports what it wrote")]

use ladderboard::fixtures::workday_roster_csv;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().as_deref().unwrap_or("50000").parse()?;
    let path = args.next().unwrap_or_else(|| "workday-roster.csv".to_owned());
    let text = workday_roster_csv(count);
    std::fs::write(&path, &text)?;
    println!("wrote {count} people, {} bytes, to {path}", text.len());
    Ok(())
}
