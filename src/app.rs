//! The eframe application: owns the session and shows it.

use crate::io::session_ron::{load_session, parse_session};
use crate::model::{Session, Track};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The sample session shipped with the app, shown on a first run.
pub const SAMPLE_SESSION_RON: &str = include_str!("../assets/sample/session.ron");

/// The sample calibration session.
#[must_use]
pub fn sample_session() -> Session {
    #[expect(clippy::expect_used, reason = "the embedded sample is validated by tests")]
    parse_session(SAMPLE_SESSION_RON.as_bytes(), Path::new("assets/sample/session.ron"))
        .expect("embedded sample is valid")
}

/// The application state.
pub struct LadderApp {
    pub session: Session,
    pub path: Option<PathBuf>,
    pub error: Option<String>,
}

impl LadderApp {
    /// An app showing `session`, saved to `path` when it has one.
    #[must_use]
    pub fn with_session(session: Session, path: Option<PathBuf>) -> Self {
        LadderApp { session, path, error: None }
    }

    /// Draws the whole window into `ui` (also used by UI tests).
    pub fn ui_for_tests(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.session.title);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for level in self.session.ladder.track_levels(Track::IndividualContributor) {
                    let names: Vec<&str> =
                        self.session.people.iter().filter(|p| p.level == level.id).map(|p| p.name.as_str()).collect();
                    ui.label(format!("{} ({}): {}", level.label(), names.len(), names.join(", ")));
                }
            });
        });
    }
}

impl eframe::App for LadderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_for_tests(ui);
    }
}

/// Opens the window on `path`, or on the sample session.
#[must_use]
pub fn run(path: Option<PathBuf>) -> ExitCode {
    let (session, error) = match &path {
        Some(p) => match load_session(p) {
            Ok(s) => (s, None),
            Err(e) => (sample_session(), Some(e.to_string())),
        },
        None => (sample_session(), None),
    };
    let mut app = LadderApp::with_session(session, path.filter(|_| error.is_none()));
    app.error = error;
    let options = eframe::NativeOptions::default();
    match eframe::run_native("Ladderboard", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::from(4)
        }
    }
}
