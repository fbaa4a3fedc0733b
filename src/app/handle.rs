//! Applying commands after the frame: the one place the session changes.

use super::LadderApp;
use super::history::Step;
use crate::command::{Action, Command, Direction, Interrupted, UnsavedChoice};
use crate::model::{Change, LevelId, PersonId, Placement, RuleError, Track};
use crate::view::{HistoryFilter, PendingProposal, ThemeChoice};
use jiff::Timestamp;

impl LadderApp {
    /// Applies one command.
    pub fn handle(&mut self, command: Command) {
        if command.edits_session()
            && let Some(holder) = &self.read_only
        {
            let message = format!("Read-only: {holder} has this session open. Use Save as… to work on a copy.");
            self.error(message);
            return;
        }
        match command {
            Command::SetMark { .. }
            | Command::SetAgendaOrder(_)
            | Command::MoveOnAgenda { .. }
            | Command::SetTimeBox(_)
            | Command::Present(_)
            | Command::DecideAndNext
            | Command::NextCandidate
            | Command::EndPresentation
            | Command::SetTargets(_)
            | Command::FilterManager(_) => self.handle_meeting(&command),
            Command::MoveCard { person, to } => self.move_card(&person, to),
            Command::ConfirmProposal { .. } => {
                if self.apply_intent(&command, "Not proposed") {
                    self.view.pending = None;
                }
            }
            Command::SettleConflict { .. } => {
                self.apply_intent(&command, "Not settled");
            }
            Command::MergePrepFiles(paths) => self.unless_unsaved(Interrupted::Merge(paths)),
            Command::Propose { .. }
            | Command::WithdrawProposal { .. }
            | Command::Decide { .. }
            | Command::ReopenDecision { .. }
            | Command::AddNote { .. }
            | Command::SetEvidence { .. } => {
                self.apply_intent(&command, "Not changed");
            }
            Command::CancelProposal => self.view.pending = None,
            Command::Select(person) => {
                self.view.selected = person;
            }
            Command::MoveSelection(direction) => self.move_selection(direction),
            Command::MoveSelectedCard(direction) => self.move_selected_card(direction),
            Command::ImportRoster(path) => self.preview_import(&path),
            Command::ChangeImport(change) => self.change_import(change),
            Command::ConfirmImport => self.confirm_import(),
            Command::CancelImport => self.cancel_import(),
            Command::Open(path) => self.unless_unsaved(Interrupted::Open(path)),
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(choice),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::OpenReadOnly(path) => {
                self.view.lock_prompt = None;
                self.open_read_only(&path);
            }
            Command::CancelOpen => self.view.lock_prompt = None,
            Command::DiscardRecovery => self.discard_offered_recovery(),
            Command::SaveTo(path) => self.save_to(&path),
            Command::ExportCsv { path, options } => self.export_csv(&path, options),
            Command::SetExportCsvOptions(options) => self.view.export_csv = options,
            Command::ToggleCompare(person) => self.toggle_compare(person),
            Command::OpenCellList { level, band } => {
                self.view.cell_list = Some(crate::view::CellList { level, band, query: String::new() });
            }
            Command::SetDensity(on) => self.view.density = on,
            Command::SetCompareLevel(level) => {
                if let Some(compare) = &mut self.view.compare {
                    compare.level = level;
                }
            }
            Command::ConfirmPathPrompt => self.confirm_path_prompt(),
            Command::CancelPathPrompt => self.cancel_path_prompt(),
            Command::ChooseExportCsvPath(options) => {
                self.view.export_csv = None;
                self.view.last_export_csv = options;
                self.choose_export_csv_path(options);
            }
            Command::ExportRon(path) => self.export_ron(&path),
            Command::ExportPacket(path) => self.export_packet(&path),
            Command::WriteGapLetters(dir) => self.write_gap_letters(&dir),
            Command::ExportHistory(path) => self.export_history(&path),
            Command::Run(action) => self.run_action(action),
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
                self.close_confirmed = true;
                self.close_now = true;
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
                let path = self.path.clone();
                self.clear_recovery(path.as_deref());
                self.carry_out(action);
            }
            UnsavedChoice::Save => {
                if let Some(path) = self.path.clone() {
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

    /// Applies an intent as one undoable step; on a broken rule says why, prefixed by `refused`.
    pub(super) fn apply_intent(&mut self, command: &Command, refused: &str) -> bool {
        let Some((label, changes)) = self.changes_for(command) else { return false };
        match self.apply_step(label, changes) {
            Ok(()) => true,
            Err(e) => {
                self.error(format!("{refused}: {e}"));
                false
            }
        }
    }

    fn run_action(&mut self, action: Action) {
        match action {
            Action::OpenItems => self.view.open_items = !self.view.open_items,
            Action::Fairness => {
                self.view.fairness = match self.view.fairness {
                    Some(_) => None,
                    None => Some(crate::view::state::FairnessState::default()),
                };
            }
            Action::Agenda => {
                self.view.agenda = match self.view.agenda {
                    Some(_) => None,
                    None => Some(crate::model::meeting::AgendaOrder::default()),
                };
            }
            Action::ToggleBlind => self.toggle_blind(),
            Action::Shortcuts => self.view.help = Some(crate::view::state::HelpPage::Shortcuts),
            Action::FileFormats => self.view.help = Some(crate::view::state::HelpPage::FileFormats),
            Action::About => self.view.help = Some(crate::view::state::HelpPage::About),
            Action::Quit => self.unless_unsaved(Interrupted::CloseWindow),
            Action::MergePrepFiles => self.dialog(action),
            Action::Compare => self.open_compare(),
            Action::History => {
                self.view.history = match self.view.history.take() {
                    Some(_) => None,
                    None => Some(HistoryFilter::default()),
                };
            }
            Action::NewFromRoster
            | Action::Open
            | Action::SaveAs
            | Action::ExportRon
            | Action::ExportHistory
            | Action::ExportPacket
            | Action::WriteGapLetters => {
                self.dialog(action);
            }
            Action::ExportCsv => {
                self.view.export_csv = Some(self.view.last_export_csv);
            }
            Action::Save => match self.path.clone() {
                Some(path) => self.save_to(&path),
                None => self.dialog(Action::SaveAs),
            },
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
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

    /// Applies changes as one undoable step. If any change breaks a rule, none of them stays.
    pub(super) fn apply_step(&mut self, label: String, changes: Vec<Change>) -> Result<(), RuleError> {
        let inverses = self.apply_all(&changes)?;
        self.history.push(Step { label, changes, inverses });
        Ok(())
    }

    fn apply_all(&mut self, changes: &[Change]) -> Result<Vec<Change>, RuleError> {
        let backup = (changes.len() > 1).then(|| self.session.clone());
        let actor = self.settings.user_name.clone();
        let mut inverses = Vec::with_capacity(changes.len());
        for change in changes {
            match self.session.apply(change.clone(), &actor, Timestamp::now()) {
                Ok(applied) => inverses.push(applied.inverse),
                Err(e) => {
                    if let Some(backup) = backup {
                        self.session = backup;
                    }
                    return Err(e);
                }
            }
        }
        self.session_changed();
        Ok(inverses)
    }

    fn undo(&mut self) {
        let Some(step) = self.history.pop_undo() else { return };
        let inverses: Vec<Change> = step.inverses.iter().rev().cloned().collect();
        match self.apply_all(&inverses) {
            Ok(_) => {
                self.info(format!("Undone: {}", step.label));
                self.history.push_redo(step);
            }
            Err(e) => self.error(format!("Could not undo \"{}\": {e}", step.label)),
        }
    }

    fn redo(&mut self) {
        let Some(step) = self.history.pop_redo() else { return };
        match self.apply_all(&step.changes) {
            Ok(inverses) => {
                self.info(format!("Redone: {}", step.label));
                self.history.push_undo_keep_redo(Step { inverses, ..step });
            }
            Err(e) => self.error(format!("Could not redo \"{}\": {e}", step.label)),
        }
    }

    /// A card moved to `to`: above the person's level it needs a proposal, so ask for the rationale.
    fn move_card(&mut self, person: &PersonId, to: Placement) {
        let Some(p) = self.session.person(person) else { return };
        let from = self.session.placement(p);
        if from == to {
            return;
        }
        let ladder = &self.session.ladder;
        let above = ladder.rank(&to.level) > ladder.rank(&p.level);
        let already_proposed = self.session.proposals.get(person).is_some_and(|pr| pr.target == to.level);
        self.view.selected = Some(person.clone());
        if above && !already_proposed {
            self.view.pending = Some(PendingProposal::new(person.clone(), to));
            return;
        }
        self.apply_intent(&Command::MoveCard { person: person.clone(), to }, "Not moved");
    }

    fn move_selected_card(&mut self, direction: Direction) {
        let Some(id) = self.view.selected.clone() else { return };
        let Some(person) = self.session.person(&id) else { return };
        if person.track != self.view.track {
            return;
        }
        let ladder = &self.session.ladder;
        let from = self.session.placement(person);
        let levels: Vec<&LevelId> = ladder.track_levels(person.track).map(|l| &l.id).collect();
        let Some(column) = levels.iter().position(|l| **l == from.level) else { return };
        let to = match direction {
            Direction::Left if column > 0 => Placement { level: levels[column - 1].clone(), band: from.band },
            Direction::Right if column + 1 < levels.len() => {
                Placement { level: levels[column + 1].clone(), band: from.band }
            }
            Direction::Up if from.band + 1 < ladder.bands.len() => Placement { band: from.band + 1, ..from },
            Direction::Down if from.band > 0 => Placement { band: from.band - 1, ..from },
            _ => return,
        };
        self.move_card(&id, to);
    }

    /// Arrow keys on the grid: up/down within a column, left/right to the neighbouring level.
    fn move_selection(&mut self, direction: Direction) {
        let ladder = &self.session.ladder;
        let columns: Vec<Vec<usize>> = ladder
            .track_levels(self.view.track)
            .map(|level| {
                (0..ladder.bands.len())
                    .rev()
                    .flat_map(|band| self.derived.cell(&level.id, band).iter().copied())
                    .collect()
            })
            .collect();
        let position = self.view.selected.as_ref().and_then(|id| {
            columns
                .iter()
                .enumerate()
                .find_map(|(c, col)| col.iter().position(|&i| &self.session.people[i].id == id).map(|r| (c, r)))
        });
        let next = match position {
            None => columns.iter().find_map(|c| c.first()),
            Some((c, r)) => match direction {
                Direction::Up => columns[c].get(r.saturating_sub(1)),
                Direction::Down => columns[c].get(r + 1).or_else(|| columns[c].last()),
                Direction::Left => {
                    columns[..c].iter().rev().find(|col| !col.is_empty()).and_then(|col| col.get(r.min(col.len() - 1)))
                }
                Direction::Right => {
                    columns[c + 1..].iter().find(|col| !col.is_empty()).and_then(|col| col.get(r.min(col.len() - 1)))
                }
            },
        };
        if let Some(&i) = next {
            self.view.selected = Some(self.session.people[i].id.clone());
        }
    }
}
