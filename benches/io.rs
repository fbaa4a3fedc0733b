//! File-format benchmarks at 10,000 people: roster import against the raw `csv` parse of the same
//! bytes (the floor), session save and load, and the decisions CSV export.
//! Run: `cargo bench --bench io`. Prints divan's table, then medians and the ratios the targets name.
#![expect(clippy::print_stdout, clippy::expect_used, reason = "a benchmark prints its results")]

mod common;
use common::{median, ms};

use ladderboard::fixtures::{large_session, roster_csv};
use ladderboard::io::export::csv::{CsvColumns, decisions_csv};
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::parse_roster;
use ladderboard::io::session::parallel::split::top_level_lists;
use ladderboard::io::session::{load_session, save_session, session_to_string};
use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

const PEOPLE: usize = 10_000;
static ROSTER: LazyLock<String> = LazyLock::new(|| roster_csv(PEOPLE));

fn main() {
    divan::main();
    summary();
    wide_roster();
    committee_files();
    record_checks();
}

/// Issue 22's figure: validating and verifying a 10,000-person session with 50,000 events and three
/// signatures, in process, beside the plain load of the same file.
fn record_checks() {
    use ladderboard::io::signing::{check_signatures, load_private_key, parse_allowed_signers, sign_head};
    use ladderboard::model::{Change, Placement};
    let mut session = large_session(PEOPLE);
    let at = jiff::Timestamp::UNIX_EPOCH;
    let ids: Vec<_> = session.people.iter().map(|p| (p.id.clone(), p.level.clone())).collect();
    for band in [0, 2, 0, 1] {
        for (id, level) in &ids {
            let placement = Some(Placement { level: level.clone(), band });
            session.apply(Change::Place { person: id.clone(), placement }, "Manager", at).expect("placed");
        }
    }
    session.apply(Change::SetFinal { on: true, reason: "closed".into() }, "Chair", at).expect("final");
    let keys = ladderboard::fixtures::fixture_path("keys");
    for (file, passphrase) in
        [("chair_ed25519", None), ("member_ed25519_encrypted", Some("correct horse")), ("ecdsa_p256", None)]
    {
        let key = load_private_key(&keys.join(file), || passphrase.map(str::to_owned)).expect("key");
        let signature = sign_head(&session, &key, "", &keys.join(file)).expect("signed");
        session.add_signature(signature);
    }
    let allowed_path = keys.join("allowed_signers");
    let allowed = parse_allowed_signers(&std::fs::read_to_string(&allowed_path).expect("read"), &allowed_path)
        .expect("allowed signers");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("final.ron");
    save_session(&session, &path).expect("save");
    let plain = median(7, || {
        divan::black_box(load_session(&path).expect("load"));
    });
    let checked = median(7, || {
        let loaded = load_session(&path).expect("load");
        assert!(loaded.record_breaks().is_empty());
        divan::black_box(check_signatures(&loaded, &allowed));
    });
    let digest = median(21, || {
        divan::black_box(session.document_digest());
    });
    let loaded = load_session(&path).expect("load");
    let chain = median(7, || {
        divan::black_box(loaded.audit_breaks());
    });
    let states = median(7, || {
        divan::black_box(loaded.state_breaks());
    });
    let signatures = median(7, || {
        divan::black_box(check_signatures(&loaded, &allowed));
    });
    println!(
        "
the record at {PEOPLE} people, {} events, 3 signatures:",
        session.audit.len()
    );
    println!("  plain load                   {:8.2} ms", ms(plain));
    println!("  load + validate + verify     {:8.2} ms  (target <= 150)", ms(checked));
    println!("  document digest (whole seal) {:8.2} ms  (once per load and per document-level edit)", ms(digest));
    println!(
        "  of which: hash chain {:.2} ms, people's states {:.2} ms, 3 signatures {:.2} ms",
        ms(chain),
        ms(states),
        ms(signatures)
    );
}

/// Issue 11's file figures: merging 20 managers' prep files totalling 10,000 people (reading
/// included), and writing the HTML pre-read packet for 500 candidates.
fn committee_files() {
    use ladderboard::io::session::merge::{MergeChoices, merge_files};
    use ladderboard::model::{Change, Proposal};
    let whole = large_session(PEOPLE);
    let dir = tempfile::tempdir().expect("tempdir");
    let per_file = PEOPLE / 20;
    let files = (0..20).map(|i| whole.people[i * per_file..(i + 1) * per_file].to_vec()).collect();
    let paths = common::write_prep_files(dir.path(), &whole, files);
    let choices = MergeChoices { title: "Committee", actor: "Chair", at: jiff::Timestamp::UNIX_EPOCH, prefer: None };
    let merge = median(5, || {
        divan::black_box(merge_files(&paths, &choices).expect("merges"));
    });
    let mut candidates = large_session(1_000);
    let at = jiff::Timestamp::UNIX_EPOCH;
    let people: Vec<_> = candidates.people.iter().map(|p| (p.id.clone(), p.level.clone())).collect();
    let mut proposed = 0;
    for (id, level) in people {
        let Some(target) = candidates.ladder.next_level(&level).map(|l| l.id.clone()) else { continue };
        let proposal = Proposal { target, rationale: "ready".into(), proposer: "M".into(), proposed_at: at };
        if proposed < 500 && candidates.apply(Change::Propose { person: id, proposal: Some(proposal) }, "M", at).is_ok()
        {
            proposed += 1;
        }
    }
    let html_path = dir.path().join("packet.html");
    let packet = median(9, || {
        ladderboard::io::export::packet::write_packet(&candidates, None, Some(&html_path)).expect("written");
    });
    println!("\ncommittee files:");
    println!("  merge 20 prep files, {PEOPLE} people (reading included): {:8.2} ms (target <= 300)", ms(merge));
    println!("  HTML pre-read packet, {proposed} candidates:              {:8.2} ms (target <= 200)", ms(packet));
}

/// Issue 15's size and memory targets: a 26-column, 50,000-person Workday-style roster imported by
/// the real binary (`ladderboard import`), its session's size against the CSV's, and the whole
/// process's peak resident memory as `/usr/bin/time` reports it.
fn wide_roster() {
    const WIDE: usize = 50_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv, session) = (dir.path().join("workday.csv"), dir.path().join("workday.ron"));
    std::fs::write(&csv, ladderboard::fixtures::workday_roster_csv(WIDE)).expect("write roster");
    let binary = env!("CARGO_BIN_EXE_ladderboard");
    let args = ["import", csv.to_str().expect("utf8"), "-o", session.to_str().expect("utf8")];
    let timed = std::process::Command::new("/usr/bin/time").arg("-f").arg("%M").arg(binary).args(args).output();
    let peak_kib = match &timed {
        Ok(out) if out.status.success() => {
            String::from_utf8_lossy(&out.stderr).lines().last().and_then(|l| l.trim().parse::<u64>().ok())
        }
        _ => {
            let out = std::process::Command::new(binary).args(args).output().expect("runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            None
        }
    };
    let csv_size = std::fs::metadata(&csv).map_or(0, |m| m.len());
    let session_size = std::fs::metadata(&session).map_or(0, |m| m.len());
    println!("\n{WIDE} people × 26 columns (Workday-style), `ladderboard import`:");
    println!("  roster CSV         {:8.1} MB", mb(csv_size));
    #[expect(clippy::cast_precision_loss, reason = "file sizes far below 2^52")]
    let ratio = session_size as f64 / csv_size as f64;
    println!("  session file       {:8.1} MB  ({ratio:.2} x the CSV; target <= 1.5)", mb(session_size));
    match peak_kib {
        Some(kib) => println!("  import peak RSS    {:8.1} MB  (whole process; target <= 80)", mb(kib * 1024)),
        None => println!("  import peak RSS    (needs /usr/bin/time)"),
    }
}

#[expect(clippy::cast_precision_loss, reason = "sizes far below 2^52")]
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

/// The benchmark roster as an Excel workbook, as HR would send it: ids as numbers, dates as
/// formatted date cells, the rest as text.
fn roster_workbook(csv_bytes: &[u8]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let mut reader = csv::Reader::from_reader(csv_bytes);
    let headers = reader.headers().expect("headers").clone();
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string(0, u16::try_from(col).expect("col"), header).expect("cell");
    }
    for (row, record) in reader.records().enumerate() {
        let record = record.expect("valid");
        let row = u32::try_from(row + 1).expect("row");
        for (col, cell) in record.iter().enumerate() {
            let col = u16::try_from(col).expect("col");
            if let Ok(number) = cell.parse::<f64>() {
                sheet.write_number(row, col, number).expect("cell");
            } else if let Ok(day) = cell.parse::<jiff::civil::Date>() {
                let serial = f64::from((day - jiff::civil::date(1899, 12, 30)).get_days());
                sheet.write_number_with_format(row, col, serial, &date).expect("cell");
            } else {
                sheet.write_string(row, col, cell).expect("cell");
            }
        }
    }
    book.save_to_buffer().expect("workbook")
}

fn raw_parse(bytes: &[u8]) -> usize {
    let mut reader = csv::Reader::from_reader(bytes);
    reader.records().map(|r| r.expect("valid").len()).sum()
}

#[divan::bench(sample_count = 30)]
fn csv_raw_parse_10k() -> usize {
    raw_parse(divan::black_box(ROSTER.as_bytes()))
}

#[divan::bench(sample_count = 30)]
fn roster_import_10k(bencher: divan::Bencher) {
    let ladder = default_ladder();
    bencher.bench(|| parse_roster(divan::black_box(ROSTER.as_bytes()), Path::new("r.csv"), &ladder).expect("valid"));
}

#[divan::bench(sample_count = 10)]
fn session_save_load_10k(bencher: divan::Bencher) {
    let session = large_session(PEOPLE);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    bencher.bench(|| {
        save_session(&session, &path).expect("save");
        load_session(&path).expect("load")
    });
}

#[divan::bench(sample_count = 30)]
fn decisions_csv_export_10k(bencher: divan::Bencher) {
    let session = large_session(PEOPLE);
    bencher.bench(|| decisions_csv(&session, CsvColumns::Decisions).expect("csv"));
}

/// The session's four long lists as ron's own `RawValue`s, one per item: the alternative to the
/// hand-written splitter that issue 10 asked to measure.
#[derive(serde::Deserialize)]
#[expect(dead_code, reason = "only the split matters: the items are what a parallel parse would take")]
struct RawLists<'a> {
    #[serde(borrow)]
    people: Vec<&'a ron::value::RawValue>,
    #[serde(borrow)]
    evidence: Vec<&'a ron::value::RawValue>,
    #[serde(borrow)]
    notes: Vec<&'a ron::value::RawValue>,
    #[serde(borrow)]
    audit: Vec<&'a ron::value::RawValue>,
}

const LIST_NAMES: [&str; 4] = ["people", "evidence", "notes", "audit"];

fn middle(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The figures the targets are stated in.
fn summary() {
    let bytes = ROSTER.as_bytes();
    let ladder = default_ladder();
    // Raw parse and import alternate, so a slower or faster stretch of the machine touches both.
    let (mut raw, mut import) = (Vec::new(), Vec::new());
    for _ in 0..51 {
        raw.push(median(1, || {
            divan::black_box(raw_parse(bytes));
        }));
        import.push(median(1, || {
            divan::black_box(parse_roster(bytes, Path::new("r.csv"), &ladder).expect("valid"));
        }));
    }
    let (raw, import) = (middle(raw), middle(import));
    let workbook = roster_workbook(bytes);
    let xlsx_import = median(9, || {
        divan::black_box(parse_roster(&workbook, Path::new("r.xlsx"), &ladder).expect("valid"));
    });
    let session = large_session(PEOPLE);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let save = median(9, || save_session(&session, &path).expect("save"));
    let load = median(9, || {
        divan::black_box(load_session(&path).expect("load"));
    });
    let export = median(21, || {
        divan::black_box(decisions_csv(&session, CsvColumns::Decisions).expect("csv"));
    });
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let text = session_to_string(&session).expect("text");
    let lexer = median(21, || {
        divan::black_box(top_level_lists(&text, &LIST_NAMES).expect("splits"));
    });
    let raw_value = median(21, || {
        divan::black_box(ron::from_str::<RawLists<'_>>(&text).expect("splits"));
    });
    println!("\nsummary at {PEOPLE} people (median):");
    println!("  raw csv parse      {:8.2} ms  ({} KiB)", ms(raw), bytes.len() / 1024);
    println!("  roster import      {:8.2} ms  (target <= 2.61: 1.5 x the 1.74 ms when issue 15 was filed)", ms(import));
    println!("  import / raw       {:8.2} x", import.as_secs_f64() / raw.as_secs_f64());
    println!(
        "  roster import xlsx {:8.2} ms  ({} KiB workbook; target <= 150)",
        ms(xlsx_import),
        workbook.len() / 1024
    );
    println!("  session save       {:8.2} ms  ({} KiB on disk)", ms(save), size / 1024);
    println!("  session load       {:8.2} ms", ms(load));
    println!("  save + load        {:8.2} ms  (target <= 100)", ms(save + load));
    println!("  decisions CSV      {:8.2} ms", ms(export));
    let export_xlsx = median(5, || {
        divan::black_box(ladderboard::io::export::xlsx::decisions_xlsx(&session, CsvColumns::Decisions).expect("xlsx"));
    });
    println!("  decisions xlsx     {:8.2} ms", ms(export_xlsx));
    println!(
        "  split for parallel load: hand lexer {:.2} ms, ron RawValue {:.2} ms ({:.0} % of save + load)",
        ms(lexer),
        ms(raw_value),
        100.0 * (raw_value.as_secs_f64() - lexer.as_secs_f64()) / (save + load).as_secs_f64()
    );
}
