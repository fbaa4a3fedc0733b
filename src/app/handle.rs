//! Applying commands after the frame. One dispatch, without wildcards, hands each group of
//! commands to its handler; edits go through `Document::apply`, the one door of the session.
#![deny(clippy::wildcard_enum_match_arm)]

use super::LadderApp;
use crate::command::{
    Action, Command, Direction, Edit, FileCommand, ImportCommand, Interrupted, PromptCommand, UnsavedChoice,
    WindowCommand,
};
use crate::document::{EditError, Stamp};
use crate::model::Track;
use crate::model::meeting::AgendaOrder;
use crate::view::{HistoryFilter, ThemeChoice};

impl LadderApp {
    /// Applies one command.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::Edit(edit) => {
                self.edit(edit);
            }
            Command::Board(board) => self.handle_board(board),
            Command::File(file) => self.handle_file(file),
            Command::Import(import) => self.handle_import(import),
            Command::Meeting(meeting) => self.handle_meeting(meeting),
            Command::Window(window) => self.handle_window(window),
            Command::Prompt(prompt) => self.handle_prompt(prompt),
            Command::Run(action) => self.run_action(action),
        }
    }

    /// Applies an edit through the document's door, stamped with the user and the time; says
    /// what happened. `true` when the session changed.
    pub(super) fn edit(&mut self, mut edit: Edit) -> bool {
        // A decision made while the room is on the candidate records the time it spent.
        // Time adds up across visits: a candidate presented again keeps the minutes already spent.
        if let Edit::Decide { person, time_spent_secs: spent @ None, .. } = &mut edit {
            let before = self.session().decisions.get(person).and_then(|d| d.time_spent_secs).unwrap_or(0);
            *spent =
                self.view.windows.presenter.as_ref().filter(|p| p.person == *person).map(|p| before + p.elapsed_secs);
        }
        let refused = edit.refused();
        let stamp = Stamp::now(&self.settings.user_name);
        match self.document.apply(edit.clone(), &stamp) {
            Ok(label) => {
                self.autosave.note_change();
                self.after_edit(&edit, &label);
                true
            }
            Err(e @ (EditError::ReadOnly(_) | EditError::Undo { .. } | EditError::Redo { .. })) => {
                self.error(e.to_string());
                false
            }
            Err(e @ (EditError::NothingToUndo | EditError::NothingToRedo)) => {
                self.info(format!("{}{}", e.to_string()[..1].to_uppercase(), &e.to_string()[1..]));
                false
            }
            Err(
                e @ (EditError::Rule(_)
                | EditError::UnknownPerson(_)
                | EditError::UnknownConflict(_)
                | EditError::UnknownNote(_)
                | EditError::NotYourNote { .. }
                | EditError::NothingToRestore),
            ) => {
                self.error(format!("{refused}: {e}"));
                false
            }
        }
    }

    /// What the window does once an edit is made.
    fn after_edit(&mut self, edit: &Edit, label: &str) {
        match edit {
            Edit::MoveAndPropose { .. } => self.view.pending = None,
            Edit::MoveAndRepropose { .. } => self.view.demotion = None,
            Edit::MoveOnAgenda { .. } => {
                self.view.windows.agenda = Some(AgendaOrder::ByHand);
                self.view.agenda_order = AgendaOrder::ByHand;
            }
            Edit::SetBlind(on) => self.info(if *on {
                "Blind mode on: names, managers, teams and e-mails show as codes"
            } else {
                "Names revealed"
            }),
            Edit::Finalize { .. } => {
                self.view.record_prompt = None;
                self.info("The record is final: nothing changes until it is reopened with a reason");
            }
            Edit::AcceptOutsideEdit { .. } => {
                self.view.record_prompt = None;
                self.info("The file as it is now is the record's base: the trail names who accepted it and why");
            }
            Edit::RestoreFromTrail { .. } => {
                // What the trail could not put back is still asked about.
                self.view.record_prompt = None;
                self.info(format!("Restored from the trail: {label}"));
                if let Some(path) = self.path().map(std::path::Path::to_path_buf) {
                    self.check_integrity(&path);
                }
            }
            Edit::ReopenRecord { .. } => {
                self.view.record_prompt = None;
                self.info("The record is reopened: changes are recorded again");
            }
            Edit::Committee(_) => self.info(format!("Recorded: {label}")),
            Edit::DeleteNote { .. } => self.info(format!("Done: {label} (Ctrl+Z brings it back; the trail keeps it)")),
            Edit::Undo => self.info(format!("Undone: {label}")),
            Edit::Redo => self.info(format!("Redone: {label}")),
            Edit::Move { person, to } => {
                self.view.demotion = None;
                if let Some(said) = below_their_level(self.session(), person, &to.level) {
                    self.info(said);
                }
            }
            Edit::Propose { .. }
            | Edit::WithdrawProposal { .. }
            | Edit::Decide { .. }
            | Edit::ReopenDecision { .. }
            | Edit::AddNote { .. }
            | Edit::EditNote { .. }
            | Edit::SetEvidence { .. }
            | Edit::SettleConflict { .. }
            | Edit::SetMark { .. }
            | Edit::SetTimeBox(_)
            | Edit::SetTargets(_) => {}
        }
    }

    fn handle_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::Open(path) => self.unless_unsaved(Interrupted::Open(path)),
            FileCommand::OpenReadOnly(path) => {
                self.view.lock_prompt = None;
                self.open_read_only(&path);
            }
            FileCommand::CancelOpen => self.view.lock_prompt = None,
            FileCommand::SaveTo(path) => self.save_to(&path),
            FileCommand::MergePrepFiles(paths) => self.unless_unsaved(Interrupted::Merge(paths)),
            FileCommand::ExportCsv { path, options } => self.export_csv(&path, options),
            FileCommand::ExportRon(path) => self.export_ron(&path),
            FileCommand::ExportHistory(path) => self.export_history(&path),
            FileCommand::ExportPacket(path) => self.export_packet(&path),
            FileCommand::ExportMinutes(path) => self.export_minutes(&path),
            FileCommand::WriteLetters(dir) => self.write_letters(&dir),
            FileCommand::SignRecord { key, passphrase, signer } => self.sign_record(&key, &passphrase, &signer),
            FileCommand::RestoreRecovery => self.restore_recovery(),
            FileCommand::DiscardRecovery => self.discard_offered_recovery(),
        }
    }

    fn handle_import(&mut self, command: ImportCommand) {
        match command {
            ImportCommand::Preview(path) => self.preview_import(&path),
            ImportCommand::Change(change) => self.change_import(change),
            ImportCommand::Confirm => self.confirm_import(),
            ImportCommand::Cancel => self.cancel_import(),
        }
    }

    fn handle_window(&mut self, command: WindowCommand) {
        match command {
            WindowCommand::FilterManager(manager) => {
                self.info(format!("Showing the people of {manager}"));
                self.view.filters.manager = Some(manager);
            }
            WindowCommand::ToggleCompare(person) => self.toggle_compare(person),
            WindowCommand::SetCompareLevel(level) => {
                if let Some(compare) = &mut self.view.windows.compare {
                    compare.level = level;
                }
            }
            WindowCommand::SetExportCsvOptions(options) => self.view.export_csv = options,
            WindowCommand::SetUserName(name) => {
                self.info(format!("Your name is {name}: it is written into every change, mark and note"));
                self.settings.user_name = name;
                self.settings.name_confirmed = true;
            }
        }
    }

    fn handle_prompt(&mut self, command: PromptCommand) {
        match command {
            PromptCommand::CancelProposal => self.view.pending = None,
            PromptCommand::CancelDemotion => self.view.demotion = None,
            PromptCommand::CancelRecord => self.view.record_prompt = None,
            PromptCommand::ConfirmPath => self.confirm_path_prompt(),
            PromptCommand::CancelPath => self.cancel_path_prompt(),
            PromptCommand::ChooseExportCsvPath(options) => {
                self.view.export_csv = None;
                self.view.last_export_csv = options;
                self.choose_export_csv_path(options);
            }
            PromptCommand::ResolveUnsaved(choice) => self.resolve_unsaved(choice),
        }
    }

    /// Carries out `action` now, or first asks what to do with unsaved changes.
    pub(super) fn unless_unsaved(&mut self, action: Interrupted) {
        if self.is_dirty() {
            self.view.unsaved_prompt = Some(action);
        } else {
            self.carry_out(action);
        }
    }

    pub(super) fn carry_out(&mut self, action: Interrupted) {
        match action {
            Interrupted::CloseWindow => {
                self.closing.confirmed = true;
                self.closing.now = true;
            }
            Interrupted::Open(path) => self.open(&path),
            Interrupted::ImportRoster(_) => self.commit_import(),
            Interrupted::Merge(paths) => self.merge_prep_files(&paths),
        }
    }

    fn resolve_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(action) = self.view.unsaved_prompt.take() else { return };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => {
                let path = self.path().map(std::path::Path::to_path_buf);
                self.clear_recovery(path.as_deref());
                self.carry_out(action);
            }
            UnsavedChoice::Save => {
                if let Some(path) = self.path().map(std::path::Path::to_path_buf) {
                    self.save_to(&path);
                } else {
                    // The dialog's answer comes in a later frame; it saves, then goes on.
                    self.ask_for_path(crate::command::DialogTarget::SaveThen(action));
                    return;
                }
                // A failed or cancelled save keeps the question open rather than losing the changes.
                if self.is_dirty() {
                    self.view.unsaved_prompt = Some(action);
                } else {
                    self.carry_out(action);
                }
            }
        }
    }

    fn run_action(&mut self, action: Action) {
        match action {
            Action::OpenItems => self.view.windows.open_items = !self.view.windows.open_items,
            Action::Fairness => {
                self.view.windows.fairness = match self.view.windows.fairness {
                    Some(_) => None,
                    None => Some(crate::view::state::FairnessState::default()),
                };
            }
            Action::FullScreen => self.view.full_screen = !self.view.full_screen,
            Action::Preferences => self.open_preferences(false),
            Action::Committee => {
                self.view.windows.committee = match self.view.windows.committee.take() {
                    Some(_) => None,
                    None => Some(crate::view::windows::CommitteeState::default()),
                };
            }
            Action::Agenda => {
                self.view.windows.agenda = match self.view.windows.agenda {
                    Some(_) => None,
                    None => Some(self.view.agenda_order),
                };
            }
            Action::ToggleBlind => {
                self.edit(Edit::SetBlind(!self.session().blind));
            }
            Action::Finalize => self.ask_finalize(),
            Action::ReopenRecord => self.ask_reopen(),
            Action::Sign => self.ask_sign(),
            Action::Shortcuts => self.view.windows.help = Some(crate::view::state::HelpPage::Shortcuts),
            Action::FileFormats => self.view.windows.help = Some(crate::view::state::HelpPage::FileFormats),
            Action::About => self.view.windows.help = Some(crate::view::state::HelpPage::About),
            Action::Quit => self.unless_unsaved(Interrupted::CloseWindow),
            Action::Compare => self.open_compare(),
            Action::History => {
                self.view.windows.history = match self.view.windows.history.take() {
                    Some(_) => None,
                    None => Some(HistoryFilter::default()),
                };
            }
            Action::NewFromRoster
            | Action::Open
            | Action::MergePrepFiles
            | Action::SaveAs
            | Action::ExportRon
            | Action::ExportHistory
            | Action::ExportPacket
            | Action::ExportMinutes
            | Action::WriteLetters => {
                self.dialog(action);
            }
            Action::ExportCsv => {
                self.view.export_csv = Some(self.view.last_export_csv);
            }
            Action::Save => match self.path().map(std::path::Path::to_path_buf) {
                Some(path) => self.save_to(&path),
                None => self.dialog(Action::SaveAs),
            },
            Action::Undo => {
                self.edit(Edit::Undo);
            }
            Action::Redo => {
                self.edit(Edit::Redo);
            }
            Action::OpenPerson => self.view.person_open = self.view.selected.is_some(),
            Action::ClosePerson => self.view.person_open = false,
            Action::ToggleTrack => {
                self.view.track = match self.view.track {
                    Track::IndividualContributor => Track::Management,
                    Track::Management => Track::IndividualContributor,
                };
            }
            Action::ToggleTheme => {
                self.settings.theme = match self.settings.theme {
                    ThemeChoice::Dark => ThemeChoice::Light,
                    ThemeChoice::Light => ThemeChoice::Dark,
                };
            }
            Action::FocusSearch => self.view.focus_search = true,
            Action::Palette => self.view.palette = Some(String::new()),
            Action::MoveCardLeft => self.move_selected_card(Direction::Left),
            Action::MoveCardRight => self.move_selected_card(Direction::Right),
            Action::MoveCardUp => self.move_selected_card(Direction::Up),
            Action::MoveCardDown => self.move_selected_card(Direction::Down),
        }
    }
}

/// What to say when a card is put below the person's own level: it is allowed (a placement is the
/// manager's view), but never silent, least of all while a proposal to go up still stands.
fn below_their_level(
    session: &crate::model::Session,
    person: &crate::model::PersonId,
    to: &crate::model::LevelId,
) -> Option<String> {
    let p = session.person(person)?;
    let ladder = &session.ladder;
    if ladder.rank(to)? >= ladder.rank(&p.level)? {
        return None;
    }
    let placed = format!("{} placed in {to}, below their level {}", p.name, p.level);
    Some(match session.proposals.get(person) {
        Some(proposal) => format!("{placed}; the proposal for {} is kept", proposal.target),
        None => placed,
    })
}

impl LadderApp {
    /// Opens File → Preferences with the name as it is; `first_start` greets a new user.
    pub fn open_preferences(&mut self, first_start: bool) {
        let name = self.settings.user_name.clone();
        self.view.windows.preferences =
            Some(crate::view::windows::PreferencesState { name, first_start, focused: false });
    }
}
