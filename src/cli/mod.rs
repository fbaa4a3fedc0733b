//! The command line: open the window, or run a headless command (import, export, validate, ladder).

use crate::io::FileError;
use crate::io::export::csv::{CsvColumns, export_decisions_csv};
use crate::io::export::ron::export_decision_ron;
use crate::io::ladder_ron::{load_ladder, parse_ladder};
use crate::io::roster::columns::Field;
use crate::io::roster::decode::encoding_named;
use crate::io::roster::{ImportOptions, read_roster_with};
use crate::io::session::merge::{MergeChoices, conflict_problems, merge_files};
mod output;
mod record;

use output::{out, outln};

use crate::io::session::verify::load_verified;
use crate::io::session::{load_session, save_session};
use crate::model::wording::counted;
use crate::model::{Ladder, Track};
use clap::{Parser, Subcommand};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_CODES: &str = "Exit codes:
  0  success
  1  the input has problems (each is printed with file, line and column); nothing was written
  2  the command line is wrong
  3  a file could not be read or written (missing, permission denied, disk full)
  4  the window could not be opened";

/// Ladderboard: engineering promotion calibration on a career-ladder grid. Local files only.
#[derive(Debug, Parser)]
#[command(name = "ladderboard", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// Session file to open in the window. Without it, the most recent session opens, or the sample.
    pub session: Option<PathBuf>,
    /// Colour theme for the window (remembered for next time).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--theme` values.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

/// Headless commands.
/// What the user decides instead of the importer's rules.
#[derive(Debug, Default, clap::Args)]
#[expect(clippy::doc_markdown, reason = "the doc comments are clap's help text, shown as written")]
pub struct ImportChoices {
    /// Read the roster in this encoding instead of detecting it (shift_jis, windows-1250, gbk, euc-kr …).
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Take a field from a named column: --column level="Job Level - Primary Position" (fields: id, name,
    /// first_name, last_name, manager, team, level, track, start_date, level_since); empty for none.
    #[arg(long = "column", value_name = "FIELD=HEADER")]
    columns: Vec<String>,
    /// Read company level codes by the ladder's scheme of this name (e.g. Meta: IC5 = E5 = P3).
    #[arg(long, value_name = "NAME")]
    level_scheme: Option<String>,
    /// For a workbook (.xlsx, .xls, .ods): the sheet to read, when more than one holds a roster.
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

impl ImportChoices {
    /// The import options these choices name, or the problem with one of them.
    fn options(&self) -> Result<ImportOptions, crate::io::Problem> {
        let mut options = ImportOptions {
            level_scheme: self.level_scheme.clone(),
            sheet: self.sheet.clone(),
            ..ImportOptions::default()
        };
        if let Some(name) = &self.encoding {
            options.encoding = Some(encoding_named(name).ok_or_else(|| {
                crate::io::Problem::new(
                    format!("unknown encoding \"{name}\""),
                    "name a WHATWG encoding label such as utf-8, shift_jis, windows-1250, windows-1252, gbk or euc-kr",
                )
            })?);
        }
        for choice in &self.columns {
            let (field, header) = choice.split_once('=').unwrap_or((choice, ""));
            let field = Field::from_key(field).ok_or_else(|| {
                let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
                crate::io::Problem::new(
                    format!("--column {choice}: unknown field"),
                    format!("use one of: {}", keys.join(", ")),
                )
            })?;
            let header = header.trim().trim_matches('"');
            options.columns.push((field, (!header.is_empty()).then(|| header.to_owned())));
        }
        Ok(options)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a session from a roster CSV exported by an HR system.
    Import {
        /// The roster: CSV or TSV (UTF-8, UTF-16 or a legacy code page, detected; `,` `;` or tab), or a
        /// workbook (.xlsx, .xls, .ods).
        roster: PathBuf,
        #[command(flatten)]
        choices: ImportChoices,
        /// A ladder file to use instead of the built-in engineering ladder.
        #[arg(long)]
        ladder: Option<PathBuf>,
        /// Where to write the new session.
        #[arg(short, long)]
        output: PathBuf,
        /// Session title (defaults to the roster's file name).
        #[arg(long)]
        title: Option<String>,
        /// Review cycle, e.g. "2026 H2".
        #[arg(long, default_value = "")]
        cycle: String,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Merge managers' prep files (sessions of one ladder) into one committee session. People are
    /// matched by id; every disagreement is listed (person, what, each value and its file) and the
    /// merge fails with exit 1 unless --prefer or --keep-open says what to do. Inputs are never written.
    Merge {
        /// The prep files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the committee session.
        #[arg(short, long)]
        output: PathBuf,
        /// Session title (defaults to the output's file name).
        #[arg(long)]
        title: Option<String>,
        /// Settle every disagreement this file has a value in with that value.
        #[arg(long, value_name = "FILE", conflicts_with = "keep_open")]
        prefer: Option<PathBuf>,
        /// Write the session with disagreements left open, to settle in the window.
        #[arg(long)]
        keep_open: bool,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the committee's pre-read packet: every candidate with the target criteria, evidence,
    /// rationale and pre-read tally, as Markdown and/or one self-contained HTML file.
    Packet {
        session: PathBuf,
        #[command(flatten)]
        out: DocumentOutputs,
    },
    /// Print the fairness figures as Markdown: the distribution per level against the target, each
    /// manager against the organisation at the same levels, the evidence coverage of open proposals,
    /// before / after per manager and level, and time in level per team. Blind mode is respected.
    Report {
        session: PathBuf,
        /// The track to report (`ic` or `management`).
        #[arg(long, default_value = "ic")]
        track: String,
        /// Print one CSV table (section, group, level, measure, value) instead.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Print JSON instead, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Write the meeting's minutes: attendance, recusals, each decision with its outcome, reasons,
    /// time spent and the members present, the budget used, action items and what is still open.
    Minutes {
        session: PathBuf,
        #[command(flatten)]
        out: DocumentOutputs,
    },
    /// Write a letter (Markdown) for every decision into a folder, from the session's templates:
    /// promotions, level adjustments, holds and "not this cycle" alike.
    Letters {
        session: PathBuf,
        /// The folder to write the letters into (created if needed).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Export a session's decisions as CSV (for HR systems) and/or the full record as RON.
    Export {
        session: PathBuf,
        /// Write one row per person with the decision.
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<PathBuf>,
        /// Write the same rows as an Excel workbook (text cells as text, never formulas; a frozen,
        /// filtered header row).
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
        /// Write the full decision record.
        #[arg(long, value_name = "OUT.ron")]
        ron: Option<PathBuf>,
        /// Start each CSV or workbook row with the roster's own columns, in its order and with its values
        /// (level codes as HR wrote them), then the decision columns: HR's file handed back.
        #[arg(long)]
        with_roster_columns: bool,
        /// Replace output files that exist.
        #[arg(long)]
        force: bool,
    },
    /// Check a roster (.csv/.tsv/.txt), session or ladder (.ron) and print every problem.
    Validate {
        file: PathBuf,
        /// Ladder to check a roster against (default: the built-in ladder).
        #[arg(long)]
        ladder: Option<PathBuf>,
        #[command(flatten)]
        choices: ImportChoices,
    },
    /// Print a ladder as a table.
    Ladder {
        #[arg(long)]
        ladder: Option<PathBuf>,
    },
    /// Print the record's head: the exact text a signature covers (for `ssh-keygen -Y verify`).
    Head {
        session: PathBuf,
        /// Whose statement to print (default: the one signer, when the session has one signature).
        #[arg(long)]
        signer: Option<String>,
    },
    /// Sign the record's head with an SSH private key (SSHSIG, namespace "ladderboard") and keep
    /// the signature in the session. A key with a passphrase asks for it (or reads
    /// `LADDERBOARD_KEY_PASSPHRASE`); the key and passphrase are never written anywhere.
    Sign {
        session: PathBuf,
        /// The OpenSSH private key (e.g. `~/.ssh/id_ed25519`); a public key (`.pub`) signs with
        /// the ssh-agent's copy of its private key, as `ssh-keygen -Y sign -f KEY.pub` does.
        #[arg(long, required_unless_present = "agent", conflicts_with = "agent")]
        key: Option<PathBuf>,
        /// Sign with a key held by ssh-agent (`SSH_AUTH_SOCK`): its only key, or the one named by
        /// fingerprint (`SHA256:…`) or comment, as `ssh-add -l` lists them.
        #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "FINGERPRINT|COMMENT")]
        agent: Option<String>,
        /// Who signs, as the allowed signers file names them (default: the key's comment).
        #[arg(long, default_value = "")]
        signer: String,
        /// Also write the armored signature to this file, as `ssh-keygen -Y sign` would.
        #[arg(long, value_name = "OUT.sig")]
        detached: Option<PathBuf>,
    },
    /// Check the record (trail, people, document) and every signature against an OpenSSH allowed
    /// signers file: exit 0 when all hold, 1 naming each signer and why not.
    Verify {
        session: PathBuf,
        #[arg(long, value_name = "FILE")]
        allowed_signers: PathBuf,
    },
}

/// Runs the CLI and returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => {
            // A path that is not there (or a mistyped command) is said here, not after a window opens.
            if let Some(path) = &cli.session
                && !path.exists()
            {
                let source =
                    std::io::Error::new(std::io::ErrorKind::NotFound, "no such file (to run a command, see --help)");
                let error = FileError::Read { path: path.clone(), source };
                eprintln!("error: {error}");
                return ExitCode::from(exit_code(&error));
            }
            let theme = cli.theme.map(|t| match t {
                ThemeArg::Light => crate::view::ThemeChoice::Light,
                ThemeArg::Dark => crate::view::ThemeChoice::Dark,
            });
            return crate::app::run(cli.session, theme);
        }
        Some(command) => run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of standard output went away (`ladderboard report S.ron | head -1`): done.
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(exit_code(&error))
        }
    }
}

/// The documented exit code for an error.
#[must_use]
pub fn exit_code(error: &FileError) -> u8 {
    match error {
        FileError::Invalid(_) | FileError::TooNew { .. } => 1,
        FileError::Read { .. } | FileError::Write { .. } => 3,
    }
}

fn run(command: Command) -> Result<(), FileError> {
    match command {
        Command::Merge { .. }
        | Command::Packet { .. }
        | Command::Minutes { .. }
        | Command::Report { .. }
        | Command::Letters { .. } => run_committee(command),
        Command::Head { session, signer } => record::head(&session, signer.as_deref()),
        Command::Sign { session, key, agent, signer, detached } => {
            let with = match (key, agent) {
                (Some(key), _) => record::SignWith::KeyFile(key),
                (None, agent) => record::SignWith::Agent(agent.unwrap_or_default()),
            };
            record::sign(&session, &with, &signer, detached.as_deref())
        }
        Command::Verify { session, allowed_signers } => record::verify(&session, &allowed_signers),
        Command::Import { roster, choices, ladder, output, title, cycle, force } => {
            let options = choices.options().map_err(|p| FileError::invalid(&roster, vec![p]))?;
            refuse_output(&output, &[&roster], force)?;
            let ladder = load_ladder(ladder.as_deref())?;
            let imported = read_roster_with(&roster, &ladder, &options)?;
            let title = title.unwrap_or_else(|| file_stem(&roster));
            let count_people = imported.people.len();
            let summary = imported.summary();
            let source = imported.source_label();
            let actor = crate::app::settings::default_user_name();
            let session = imported.into_session(title, &cycle, ladder, &roster, &actor, jiff::Timestamp::now());
            save_session(&session, &output)?;
            outln!("imported {} ({source}) into {}", counted(count_people, "person", "people"), output.display());
            for line in summary {
                outln!("  {line}");
            }
            Ok(())
        }
        Command::Export { session, csv, xlsx, ron, with_roster_columns, force } => {
            for output in csv.iter().chain(xlsx.iter()).chain(ron.iter()) {
                refuse_output(output, &[&session], force)?;
            }
            if csv.is_none() && xlsx.is_none() && ron.is_none() {
                return Err(FileError::invalid(
                    &session,
                    vec![crate::io::Problem::new(
                        "nothing to export",
                        "add --csv OUT.csv, --xlsx OUT.xlsx and/or --ron OUT.ron",
                    )],
                ));
            }
            if with_roster_columns && csv.is_none() && xlsx.is_none() {
                return Err(FileError::invalid(
                    &session,
                    vec![crate::io::Problem::new(
                        "--with-roster-columns shapes the CSV or workbook export, and neither was asked for",
                        "add --csv OUT.csv or --xlsx OUT.xlsx",
                    )],
                ));
            }
            let loaded = as_shown(load_verified(&session)?, &session);
            if !loaded.conflicts.is_empty() {
                outln!(
                    "note: {} between merged prep files; each holds the value the merge kept until it is settled",
                    counted(loaded.conflicts.len(), "open disagreement", "open disagreements")
                );
            }
            let columns = if with_roster_columns { CsvColumns::WithRoster } else { CsvColumns::Decisions };
            if let Some(path) = &csv {
                export_decisions_csv(&loaded, path, columns)?;
                outln!("wrote {}", path.display());
            }
            if let Some(path) = &xlsx {
                crate::io::export::xlsx::export_decisions_xlsx(&loaded, path, columns)?;
                outln!("wrote {}", path.display());
            }
            if with_roster_columns && loaded.roster_columns.is_empty() {
                outln!(
                    "  note: this session does not record its roster's columns (saved by an older Ladderboard, or not imported from a file); the export has Ladderboard's own columns"
                );
            }
            if let Some(path) = ron {
                export_decision_ron(&loaded, &path, jiff::Timestamp::now())?;
                outln!("wrote {}", path.display());
            }
            Ok(())
        }
        Command::Validate { file, ladder, choices } => validate(&file, ladder.as_deref(), &choices),
        Command::Ladder { ladder } => {
            out!("{}", ladder_table(&load_ladder(ladder.as_deref())?));
            Ok(())
        }
    }
}

fn validate(file: &Path, ladder: Option<&Path>, choices: &ImportChoices) -> Result<(), FileError> {
    let bytes = std::fs::read(file).map_err(|source| FileError::Read { path: file.to_path_buf(), source })?;
    let kind = crate::io::FileKind::of(&bytes);
    if !kind.is_ron_document() {
        let ladder = load_ladder(ladder)?;
        let options = choices.options().map_err(|p| FileError::invalid(file, vec![p]))?;
        let roster = crate::io::roster::parse_roster_with(&bytes, file, &ladder, &options)?;
        outln!("{}: roster OK, {} people", file.display(), roster.people.len());
        for line in roster.summary() {
            outln!("  {line}");
        }
        return Ok(());
    }
    if kind == crate::io::FileKind::Session {
        let session = load_session(file)?;
        let problems = crate::io::session::verify::record_problems(&session);
        if !problems.is_empty() {
            return Err(FileError::invalid(file, problems));
        }
        outln!(
            "{}: session OK, {}, {} audit events",
            file.display(),
            counted(session.people.len(), "person", "people"),
            session.audit.len()
        );
        if let Some(events) = crate::io::session::migrate::events_taken_on_trust(&session) {
            outln!(
                "  events 1–{events} predate sealing (a format 1 file): they were taken on trust when it was first read, and nothing proves they were not edited before"
            );
        }
        if !session.is_fully_sealed() {
            outln!(
                "  saved by an older Ladderboard: its state is not yet wholly bound to the audit trail; opening and saving it in the window takes it as the base"
            );
        }
        if !session.conflicts.is_empty() {
            outln!(
                "  {} between merged prep files (settle them in the window: Open items)",
                counted(session.conflicts.len(), "open disagreement", "open disagreements")
            );
        }
    } else {
        let ladder = parse_ladder(&String::from_utf8_lossy(&bytes), file)?;
        outln!("{}: ladder OK, {} levels", file.display(), ladder.levels.len());
    }
    Ok(())
}

/// The committee's verbs: merging prep files, the pre-read packet, the minutes, the fairness
/// report, letters.
fn run_committee(command: Command) -> Result<(), FileError> {
    match command {
        Command::Merge { files, output, title, prefer, keep_open, force } => {
            let inputs: Vec<&PathBuf> = files.iter().collect();
            refuse_output(&output, &inputs, force)?;
            if let Some(prefer) = &prefer
                && !files.iter().any(|f| same_file(f, prefer))
            {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                let problem = crate::io::Problem::new(
                    format!("--prefer {} is not one of the files to merge", prefer.display()),
                    format!("name one of: {}", names.join(", ")),
                );
                return Err(FileError::invalid(prefer, vec![problem]));
            }
            let title = title.unwrap_or_else(|| file_stem(&output));
            let actor = crate::app::settings::default_user_name();
            let choices =
                MergeChoices { title: &title, actor: &actor, at: jiff::Timestamp::now(), prefer: prefer.as_deref() };
            let (session, warnings) = merge_files(&files, &choices)?;
            for warning in &warnings {
                eprintln!("warning: {warning}");
            }
            if !session.conflicts.is_empty() && !keep_open {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                let merge = PathBuf::from(format!("merge of {}", names.join(" + ")));
                return Err(FileError::invalid(&merge, conflict_problems(&session)));
            }
            save_session(&session, &output)?;
            outln!(
                "merged {}: {}, {} open, into {}",
                counted(files.len(), "file", "files"),
                counted(session.people.len(), "person", "people"),
                counted(session.conflicts.len(), "disagreement", "disagreements"),
                output.display()
            );
            for problem in conflict_problems(&session) {
                outln!("  open: {}", problem.message);
            }
            Ok(())
        }
        Command::Packet { session, out } => two_documents(&session, &out, crate::io::export::packet::write_packet),
        Command::Minutes { session, out } => two_documents(&session, &out, crate::io::export::minutes::write_minutes),
        Command::Report { session, track, csv, json } => {
            let Some(track) = Track::parse(&track) else {
                let problem = crate::io::Problem::new(
                    format!("unknown track \"{track}\""),
                    "use --track ic or --track management",
                );
                return Err(FileError::invalid(&session, vec![problem]));
            };
            let loaded = as_shown(load_verified(&session)?, &session);
            let figures = crate::model::fairness::figures::Figures::compute(
                &loaded,
                track,
                &crate::model::fairness::Group::Everyone,
            );
            let outcomes =
                crate::model::fairness::outcomes::Outcomes::compute(&loaded, track, jiff::Zoned::now().date());
            let failed =
                |e: String| FileError::Write { path: "standard output".into(), source: std::io::Error::other(e) };
            if json {
                let text = crate::io::export::report::report_json(&loaded, track.label(), &figures, &outcomes)
                    .map_err(|e| failed(e.to_string()))?;
                outln!("{text}");
            } else if csv {
                let bytes = crate::io::export::report::report_csv(&loaded, &figures, &outcomes)
                    .map_err(|e| failed(e.to_string()))?;
                out!("{}", String::from_utf8_lossy(&bytes));
            } else {
                out!("{}", crate::io::export::report::report_markdown(&loaded, &figures, &outcomes));
            }
            Ok(())
        }
        Command::Letters { session, output } => letters(&session, &output),
        // `run` sends only the committee's verbs here.
        Command::Import { .. }
        | Command::Export { .. }
        | Command::Validate { .. }
        | Command::Ladder { .. }
        | Command::Head { .. }
        | Command::Sign { .. }
        | Command::Verify { .. } => Ok(()),
    }
}

/// Where a document goes: Markdown and/or HTML.
#[derive(clap::Args, Debug)]
pub struct DocumentOutputs {
    #[arg(long, value_name = "OUT.md")]
    md: Option<PathBuf>,
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Replace output files that exist.
    #[arg(long)]
    force: bool,
}

/// Writes a document as Markdown and/or HTML (`write_packet`, `write_minutes`).
type WriteDocument = fn(&crate::model::Session, Option<&Path>, Option<&Path>) -> Result<(), FileError>;

/// A document written as Markdown and/or HTML (`packet`, `minutes`), never over an input.
fn two_documents(session: &Path, out: &DocumentOutputs, write: WriteDocument) -> Result<(), FileError> {
    let (md, html, force) = (out.md.as_deref(), out.html.as_deref(), out.force);
    let session_buf = session.to_path_buf();
    for output in md.iter().chain(html.iter()) {
        refuse_output(output, &[&session_buf], force)?;
    }
    if md.is_none() && html.is_none() {
        let problem = crate::io::Problem::new("nothing to write", "add --md OUT.md and/or --html OUT.html");
        return Err(FileError::invalid(session, vec![problem]));
    }
    let loaded = as_shown(load_verified(session)?, session);
    write(&loaded, md, html)?;
    for path in md.iter().chain(html.iter()) {
        outln!("wrote {}", path.display());
    }
    Ok(())
}

/// `ladderboard letters SESSION -o DIR`.
fn letters(session: &Path, output: &Path) -> Result<(), FileError> {
    let loaded = as_shown(load_verified(session)?, session);
    if loaded.decisions.is_empty() {
        outln!("no decisions in {}: no letters to write", session.display());
        return Ok(());
    }
    let written = crate::io::export::letters::write_letters(&loaded, output)?;
    outln!("wrote {} into {}", counted(written.len(), "letter", "letters"), output.display());
    for path in written {
        outln!("  {}", path.display());
    }
    Ok(())
}

/// The session as its window shows it: blinded while blind mode is on (and said so), for exports.
fn as_shown(session: crate::model::Session, path: &Path) -> crate::model::Session {
    if !session.blind {
        return session;
    }
    // On standard error: standard output may be data (`report --json`) a script reads.
    eprintln!("blind mode is on in {}: names, managers, teams and e-mails are exported as codes", path.display());
    crate::model::blind::Blinding::new(&session).apply_for_export(&session)
}

/// Whether two paths name one file (compared as given when either does not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Refuses an output that is one of the inputs (never, even with `--force`) or that exists
/// (unless `--force`).
fn refuse_output(output: &Path, inputs: &[&PathBuf], force: bool) -> Result<(), FileError> {
    if inputs.iter().any(|input| same_file(input, output)) {
        let problem = crate::io::Problem::new(
            "the output is one of the input files",
            "write to a new file: Ladderboard never writes over the file it reads",
        );
        return Err(FileError::invalid(output, vec![problem]));
    }
    refuse_overwrite(output, force)
}

/// Refuses to replace an existing file unless `--force` says so.
fn refuse_overwrite(output: &Path, force: bool) -> Result<(), FileError> {
    if output.exists() && !force {
        return Err(FileError::Write {
            path: output.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "the file exists; pass --force to replace it",
            ),
        });
    }
    Ok(())
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(|| "Calibration".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// The ladder as plain text: a table of levels, then the criteria per level.
#[must_use]
pub fn ladder_table(ladder: &Ladder) -> String {
    let mut rows =
        vec![["level".to_owned(), "track".to_owned(), "title".to_owned(), "years".to_owned(), "equivalent".to_owned()]];
    for track in Track::ALL {
        for level in ladder.track_levels(track) {
            let equivalents: Vec<String> = ladder.equivalents(&level.id).iter().map(ToString::to_string).collect();
            rows.push([
                level.id.to_string(),
                track.label().to_owned(),
                level.title.clone(),
                level.typical_years.map(|y| y.to_string()).unwrap_or_default(),
                equivalents.join(", "),
            ]);
        }
    }
    let widths: Vec<usize> = (0..5).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = format!("{} — bands: {}\n\n", ladder.name, ladder.bands.join(" / "));
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  "));
            out.push('\n');
        }
    }
    for level in &ladder.levels {
        let _ = writeln!(out, "\n{} — {}", level.label(), level.summary);
        if !level.aliases.is_empty() {
            let _ = writeln!(out, "  also known as: {}", level.aliases.join(", "));
        }
        for criterion in &level.criteria {
            let name = ladder.dimension(&criterion.dimension).map_or(criterion.dimension.as_str(), |d| d.name.as_str());
            let _ = writeln!(out, "  {name}: {}", criterion.text);
        }
    }
    out
}
