//! Frame cost of the full window, headless (egui `Context::run_ui` + tessellation), with 100, 1,000
//! and 10,000 people, and the frame right after a drag-and-drop move at 10,000.
//! Run: `cargo bench --bench board`. Prints ms per frame (median), the ratio t(10k)/t(100),
//! resident memory with 10,000 people open, and the time from an empty process to the first frame.
#![expect(clippy::print_stdout, reason = "a benchmark prints its results")]

use ladderboard::app::{LadderApp, sample_session};
use ladderboard::command::Command;
use ladderboard::command::{BoardCommand, MeetingCommand};
use ladderboard::fixtures::large_session;
use ladderboard::model::fairness::Group;
use ladderboard::model::fairness::figures::Figures;
use ladderboard::model::fairness::outcomes::Outcomes;
use ladderboard::model::{Change, Placement, Proposal, Track};
use std::time::{Duration, Instant};

const FRAMES: usize = 60;

fn raw_input(frame: usize) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    }
}

/// One full frame: layout, paint and tessellation.
fn frame(ctx: &egui::Context, app: &mut LadderApp, n: usize) -> Duration {
    let start = Instant::now();
    let mut output = ctx.run_ui(raw_input(n), |ui| app.ui_for_tests(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    std::hint::black_box(primitives);
    output.textures_delta.clear();
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn steady_frame(people: usize) -> (Duration, LadderApp, egui::Context) {
    let ctx = egui::Context::default();
    let mut app = LadderApp::with_session(large_session(people), None);
    for n in 0..5 {
        frame(&ctx, &mut app, n); // warm-up: fonts, first layout
    }
    let times = (0..FRAMES).map(|n| frame(&ctx, &mut app, n + 5)).collect();
    (median(times), app, ctx)
}

fn resident_mb() -> Option<f64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: f64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096.0 / (1024.0 * 1024.0))
}

fn main() {
    let start = Instant::now();
    let ctx = egui::Context::default();
    let mut sample = LadderApp::with_session(sample_session(), None);
    frame(&ctx, &mut sample, 0);
    let first_frame = start.elapsed();
    drop(sample);

    let mut results = Vec::new();
    for people in [100, 1_000, 10_000] {
        let (t, app, ctx) = steady_frame(people);
        results.push((people, t));
        if people == 10_000 {
            let rss = resident_mb();
            let mut app = app;
            let moves: Vec<Duration> = (0..20)
                .map(|i| {
                    let person = app.session().people[i * 7].clone();
                    let band = (app.session().placement(&person).band + 1) % app.session().ladder.bands.len();
                    let to = Placement { level: app.session().placement(&person).level, band };
                    app.queue(Command::Board(BoardCommand::MoveCard { person: person.id.clone(), to }));
                    frame(&ctx, &mut app, 100 + i); // applies the move at the end of this frame
                    frame(&ctx, &mut app, 200 + i) // the frame that shows it
                })
                .collect();
            println!("frame after a move at 10000 people: {:8.3} ms (median of 20)", ms(median(moves)));
            if let Some(rss) = rss {
                println!("resident memory with 10000 people open: {rss:.0} MB (target <= 150)");
            }
        }
    }
    for (people, t) in &results {
        println!("full window frame, {people:>6} people: {:8.3} ms (median of {FRAMES})", ms(*t));
    }
    let ratio = results[2].1.as_secs_f64() / results[0].1.as_secs_f64();
    println!("t(10k) / t(100): {ratio:.2} (target <= 1.5; 10k target <= 2 ms)");
    println!("start to first frame on the sample (headless, no window): {:.1} ms (target <= 500)", ms(first_frame));
    committee_and_fairness();
    the_whole_company();
}

/// Issue 27's window figures at 100,000 people: a steady frame of the board, and the frames while
/// an autosave of the whole session is written (on its own thread).
fn the_whole_company() {
    let (t, mut app, ctx) = steady_frame(100_000);
    println!("full window frame, 100000 people: {:8.3} ms (median of {FRAMES}; target <= 2)", ms(t));
    let dir = tempfile::tempdir().expect("tempdir");
    opening_the_company(&app, dir.path());
    app.enable_recovery(dir.path().to_path_buf());
    let person = app.session().people[3].id.clone();
    app.queue(Command::Edit(ladderboard::document::edit::Edit::AddNote { person, text: "Autosaved".into() }));
    frame(&ctx, &mut app, 1_000);
    std::thread::sleep(ladderboard::app::autosave::AUTOSAVE_DELAY + Duration::from_millis(100));
    let mut during = Vec::new();
    let started = Instant::now();
    for n in 0..2_000 {
        during.push(frame(&ctx, &mut app, 1_001 + n));
        if n > 0 && !app.autosave_running() {
            break;
        }
    }
    let write = started.elapsed();
    let slowest = during.iter().max().copied().unwrap_or_default();
    println!(
        "frames while autosave writes 100000 people ({:.0} ms on its thread): slowest {:8.3} ms, median {:8.3} ms of {} (target <= 16)",
        ms(write),
        ms(slowest),
        ms(median(during.clone())),
        during.len()
    );
}

/// Proposes the first `count` IC people one level up, as managers would before a meeting.
fn with_proposals(mut session: ladderboard::model::Session, count: usize) -> ladderboard::model::Session {
    let at = jiff::Timestamp::UNIX_EPOCH;
    let people: Vec<_> = session.people.iter().take(count * 2).map(|p| (p.id.clone(), p.level.clone())).collect();
    let mut proposed = 0;
    for (id, level) in people {
        let Some(target) = session.ladder.next_level(&level).map(|l| l.id.clone()) else { continue };
        let proposal = Proposal { target, rationale: "ready".into(), proposer: "M".into(), proposed_at: at };
        if session.apply(Change::Propose { person: id, proposal: Some(proposal) }, "M", at).is_ok() {
            proposed += 1;
        }
        if proposed == count {
            break;
        }
    }
    session
}

/// The day time in level is counted to, fixed so runs compare.
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 30);

/// Issue 11 and 12's figures: the agenda and the presenter view, the fairness figures and the
/// window with their charts, at 10,000 people, and the figures at 100,000.
fn committee_and_fairness() {
    let session = with_proposals(large_session(10_000), 500);
    println!(
        "fairness figures (with before/after, time in level) recomputed at 10000 people: {:8.3} ms (median of 20; target <= 5)",
        ms(fairness_recompute(&session, 20))
    );
    let ctx = egui::Context::default();
    let mut app = LadderApp::with_session(session, None);
    for (label, setup) in [
        ("fairness window with its charts open", 0),
        ("meeting agenda open (500 candidates)", 1),
        ("density view", 3),
        ("crowded cell's list open", 4),
        ("comparison of 4 people open", 5),
        ("presenter view", 2),
    ] {
        app.view.windows.fairness = None;
        app.view.windows.agenda = None;
        app.view.density = false;
        app.view.windows.cell_list = None;
        app.view.windows.compare = None;
        match setup {
            0 => app.view.windows.fairness = Some(ladderboard::view::state::FairnessState::default()),
            1 => app.view.windows.agenda = Some(ladderboard::model::meeting::AgendaOrder::Disagreement),
            3 => app.view.density = true,
            4 => {
                let first = &app.session().people[0];
                let placement = app.session().placement(first);
                app.view.windows.cell_list = Some(ladderboard::view::CellList {
                    level: placement.level,
                    band: placement.band,
                    query: String::new(),
                });
            }
            5 => {
                let people = app.session().people.iter().take(4).map(|p| p.id.clone()).collect();
                app.view.windows.compare = Some(ladderboard::view::CompareState { people, level: None });
            }
            _ => {
                let first = app.session().proposals.keys().next().cloned().expect("a candidate");
                app.queue(Command::Meeting(MeetingCommand::Present(first)));
            }
        }
        for n in 0..5 {
            frame(&ctx, &mut app, n);
        }
        let times = (0..FRAMES).map(|n| frame(&ctx, &mut app, n + 5)).collect();
        println!("frame, {label}, 10000 people: {:8.3} ms (median of {FRAMES}; target <= 2)", ms(median(times)));
    }
    let big = large_session(100_000);
    println!(
        "fairness figures recomputed at 100000 people: {:8.3} ms (median of 5; target <= 50)",
        ms(fairness_recompute(&big, 5))
    );
}

/// The median time to recompute every fairness figure (what a change costs), over `runs`.
fn fairness_recompute(session: &ladderboard::model::Session, runs: usize) -> Duration {
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(Figures::compute(session, Track::IndividualContributor, &Group::Everyone));
            std::hint::black_box(Outcomes::compute(session, Track::IndividualContributor, TODAY));
            start.elapsed()
        })
        .collect();
    median(times)
}

/// From the file to the first frame, headless, as the window opens a session: load (the record's
/// checks included), the window's state, its first full frame. Memory is the process's after it.
fn opening_the_company(open: &LadderApp, dir: &std::path::Path) {
    let file = dir.join("company.ron");
    ladderboard::io::session::save_session(open.session(), &file).expect("save");
    let started = Instant::now();
    let session = ladderboard::io::session::load_session(&file).expect("load");
    assert!(session.record_breaks().is_empty(), "the record holds");
    let mut app = LadderApp::with_session(session, Some(&file));
    let ctx = egui::Context::default();
    frame(&ctx, &mut app, 0);
    let opened = started.elapsed();
    println!(
        "100000 people from the file to the first frame (headless): {:8.1} ms (target <= 500); resident memory of the process with two such windows: {} MB",
        ms(opened),
        resident_mb().map_or_else(|| "?".to_owned(), |mb| format!("{mb:.0}"))
    );
}
