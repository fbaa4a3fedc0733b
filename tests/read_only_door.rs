//! Only `Command::Edit` changes the session, so a session open read-only is a fact of the types.
//! These tests would catch a new command or action that changes the session another way: every
//! command of every other kind, and every action, leaves a read-only session exactly as it was.

use ladderboard::app::{LadderApp, sample_session};
use ladderboard::command::{
    Action, BoardCommand, Command, Direction, Edit, FileCommand, ImportChange, ImportCommand, MeetingCommand,
    PromptCommand, UnsavedChoice, WindowCommand,
};
use ladderboard::document::OpenFile;
use ladderboard::io::session::lock::LockInfo;
use ladderboard::model::meeting::AgendaOrder;
use ladderboard::model::{LevelId, PersonId, Placement};
use ladderboard::view::ExportCsvOptions;
use std::path::Path;

fn read_only_app(dir: &Path) -> LadderApp {
    let mut app = LadderApp::with_session(sample_session(), None);
    let holder = LockInfo { user: "Mei".into(), host: "elsewhere".into(), pid: 1, since: jiff::Timestamp::now() };
    let file = OpenFile { read_only: Some(holder), ..OpenFile::new(&dir.join("committee.ron")) };
    app.document.set_file(Some(file));
    app
}

/// One command of every kind but `Edit`. The match below has no wildcard: a new kind or variant
/// does not compile until it is listed here.
fn one_of_each(dir: &Path) -> Vec<Command> {
    let ada = PersonId::new("E2001");
    let missing = dir.join("missing.ron");
    let to = Placement { level: LevelId::new("P2"), band: 0 };
    let commands: Vec<Command> = vec![
        BoardCommand::Select(Some(ada.clone())).into(),
        BoardCommand::MoveSelection(Direction::Right).into(),
        BoardCommand::MoveSelectedCard(Direction::Left).into(),
        BoardCommand::MoveCard { person: ada.clone(), to: to.clone() }.into(),
        BoardCommand::OpenCellList { level: to.level.clone(), band: 0 }.into(),
        BoardCommand::SetDensity(true).into(),
        FileCommand::Open(missing.clone()).into(),
        FileCommand::OpenReadOnly(missing.clone()).into(),
        FileCommand::CancelOpen.into(),
        FileCommand::SaveTo(dir.join("copy.ron")).into(),
        FileCommand::MergePrepFiles(vec![missing.clone(), dir.join("other.ron")]).into(),
        FileCommand::ExportCsv { path: dir.join("d.csv"), options: ExportCsvOptions::default() }.into(),
        FileCommand::ExportRon(dir.join("d.ron")).into(),
        FileCommand::ExportHistory(dir.join("h.csv")).into(),
        FileCommand::ExportPacket(dir.join("p.html")).into(),
        FileCommand::ExportMinutes(dir.join("m.html")).into(),
        FileCommand::WriteLetters(dir.join("letters")).into(),
        FileCommand::SignRecord {
            key: ladderboard::command::SigningKey::File(dir.join("no-key")),
            passphrase: String::new(),
            signer: String::new(),
        }
        .into(),
        FileCommand::RestoreRecovery.into(),
        FileCommand::DiscardRecovery.into(),
        ImportCommand::Preview(missing).into(),
        ImportCommand::Change(ImportChange::Encoding(None)).into(),
        ImportCommand::Confirm.into(),
        ImportCommand::Cancel.into(),
        MeetingCommand::SetAgendaOrder(AgendaOrder::ByHand).into(),
        MeetingCommand::Present(ada.clone()).into(),
        MeetingCommand::DecideAndNext.into(),
        MeetingCommand::NextCandidate.into(),
        MeetingCommand::EndPresentation.into(),
        WindowCommand::FilterManager("Mei Lin Zhou".into()).into(),
        WindowCommand::ToggleCompare(ada.clone()).into(),
        WindowCommand::SetCompareLevel(None).into(),
        WindowCommand::SetExportCsvOptions(None).into(),
        WindowCommand::SetUserName("Test Chair".into()).into(),
        PromptCommand::CancelProposal.into(),
        PromptCommand::CancelDemotion.into(),
        PromptCommand::CancelRecord.into(),
        PromptCommand::ConfirmPath.into(),
        PromptCommand::CancelPath.into(),
        PromptCommand::ChooseExportCsvPath(ExportCsvOptions::default()).into(),
        PromptCommand::ResolveUnsaved(UnsavedChoice::Cancel).into(),
    ];
    for command in &commands {
        listed(command);
    }
    commands
}

/// Fails to compile when a command is added without being listed in `one_of_each`.
fn listed(command: &Command) {
    match command {
        Command::Edit(_) => unreachable!("edits are the one door, tested in document::tests"),
        Command::Board(
            BoardCommand::Select(_)
            | BoardCommand::MoveSelection(_)
            | BoardCommand::MoveSelectedCard(_)
            | BoardCommand::MoveCard { .. }
            | BoardCommand::OpenCellList { .. }
            | BoardCommand::SetDensity(_),
        )
        | Command::File(
            FileCommand::Open(_)
            | FileCommand::OpenReadOnly(_)
            | FileCommand::CancelOpen
            | FileCommand::SaveTo(_)
            | FileCommand::MergePrepFiles(_)
            | FileCommand::ExportCsv { .. }
            | FileCommand::ExportRon(_)
            | FileCommand::ExportHistory(_)
            | FileCommand::ExportPacket(_)
            | FileCommand::ExportMinutes(_)
            | FileCommand::WriteLetters(_)
            | FileCommand::SignRecord { .. }
            | FileCommand::RestoreRecovery
            | FileCommand::DiscardRecovery,
        )
        | Command::Import(
            ImportCommand::Preview(_) | ImportCommand::Change(_) | ImportCommand::Confirm | ImportCommand::Cancel,
        )
        | Command::Meeting(
            MeetingCommand::SetAgendaOrder(_)
            | MeetingCommand::Present(_)
            | MeetingCommand::DecideAndNext
            | MeetingCommand::NextCandidate
            | MeetingCommand::EndPresentation,
        )
        | Command::Window(
            WindowCommand::FilterManager(_)
            | WindowCommand::ToggleCompare(_)
            | WindowCommand::SetCompareLevel(_)
            | WindowCommand::SetExportCsvOptions(_)
            | WindowCommand::SetUserName(_),
        )
        | Command::Prompt(
            PromptCommand::CancelProposal
            | PromptCommand::CancelDemotion
            | PromptCommand::CancelRecord
            | PromptCommand::ConfirmPath
            | PromptCommand::CancelPath
            | PromptCommand::ChooseExportCsvPath(_)
            | PromptCommand::ResolveUnsaved(_),
        )
        | Command::Run(_) => {}
    }
}

#[test]
fn no_command_but_an_edit_changes_a_read_only_session() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = read_only_app(dir.path());
    let before = app.session().clone();
    let revision = app.document.revision();
    for command in one_of_each(dir.path()) {
        assert!(!command.edits_session(), "{command:?}");
        app.handle(command.clone());
        assert_eq!(*app.session(), before, "{command:?} changed the session");
        assert_eq!(app.document.revision(), revision, "{command:?} moved the revision");
    }
}

#[test]
fn no_action_changes_a_read_only_session_and_edits_are_refused_at_the_door() {
    let dir = tempfile::tempdir().expect("dir");
    let mut app = read_only_app(dir.path());
    app.view.selected = Some(PersonId::new("E2001"));
    let before = app.session().clone();
    for &action in Action::ALL {
        app.handle(Command::Run(action));
        assert_eq!(*app.session(), before, "{action:?} changed a read-only session");
    }
    let edit = Command::Edit(Edit::AddNote { person: PersonId::new("E2001"), text: "x".into() });
    assert!(edit.edits_session());
    app.handle(edit);
    assert_eq!(*app.session(), before);
    let said = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(said.starts_with("Read-only: Mei"), "{said}");
    // A move that would ask for a proposal is refused before the question is asked.
    app.handle(
        BoardCommand::MoveCard { person: PersonId::new("E2001"), to: Placement { level: LevelId::new("P5"), band: 1 } }
            .into(),
    );
    assert!(app.view.pending.is_none());
}
