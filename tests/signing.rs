//! Final and signed: the record's head signed with SSH keys people already have (SSHSIG in
//! namespace `ladderboard`), verified against an OpenSSH allowed signers file by Ladderboard and by
//! `ssh-keygen -Y verify` itself, and any change after a signature invalidates it.

use ladderboard::fixtures::{fixture_path, repo_path};
use ladderboard::io::session::{load_session, save_session};
use ladderboard::model::{Change, PersonId, RuleError};
use std::process::Command;

fn ladderboard(args: &[&str], passphrase: Option<&str>) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ladderboard"));
    command.args(args).env_remove("LADDERBOARD_KEY_PASSPHRASE");
    if let Some(passphrase) = passphrase {
        command.env("LADDERBOARD_KEY_PASSPHRASE", passphrase);
    }
    let output = command.output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A copy of the sample in a fresh folder, and a private copy of a test key (ssh-keygen refuses
/// keys others can read).
fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("dir");
    let session = dir.path().join("committee.ron");
    std::fs::copy(repo_path("assets/sample/session.ron"), &session).expect("copy");
    (dir, session.to_str().expect("utf8").to_owned())
}

fn key(name: &str) -> String {
    fixture_path("keys").join(name).to_str().expect("utf8").to_owned()
}

#[test]
fn signed_heads_verify_and_any_change_after_signing_breaks_them() {
    let (dir, session) = setup();
    let allowed = key("allowed_signers");
    let (code, out, err) = ladderboard(&["verify", &session, "--allowed-signers", &allowed], None);
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("not signed"), "{err}");
    let detached = dir.path().join("head.sig");
    let detached = detached.to_str().expect("utf8");
    let (code, out, err) =
        ladderboard(&["sign", &session, "--key", &key("chair_ed25519"), "--detached", detached], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("signed by chair@example.org"), "{out}");
    // The encrypted key opens with its passphrase, and not without the right one.
    let encrypted = key("member_ed25519_encrypted");
    let (code, _, err) = ladderboard(&["sign", &session, "--key", &encrypted], Some("wrong"));
    assert_eq!(code, 1);
    assert!(err.contains("passphrase does not open this key"), "{err}");
    let (code, _, err) = ladderboard(&["sign", &session, "--key", &encrypted], Some("correct horse"));
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = ladderboard(&["verify", &session, "--allowed-signers", &allowed], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("signed by chair@example.org: good signature"), "{out}");
    assert!(out.contains("signed by member@example.org: good signature"), "{out}");
    assert!(std::fs::read_to_string(detached).expect("sig").starts_with("-----BEGIN SSH SIGNATURE-----"));

    // A change after the signatures: both no longer match, and verify says so, naming each.
    let path = std::path::Path::new(&session);
    let mut loaded = load_session(path).expect("load");
    let note = ladderboard::model::Note {
        id: loaded.next_note_id(),
        person: PersonId::new("E2001"),
        at: jiff::Timestamp::now(),
        author: "Chair".into(),
        text: "after signing".into(),
    };
    loaded.apply(Change::AddNote(note), "Chair", jiff::Timestamp::now()).expect("noted");
    save_session(&loaded, path).expect("save");
    let (code, _, err) = ladderboard(&["verify", &session, "--allowed-signers", &allowed], None);
    assert_eq!(code, 1);
    assert!(err.contains("chair@example.org") && err.contains("changed after it was signed"), "{err}");
}

#[test]
fn a_signer_or_key_the_allowed_signers_file_does_not_give_is_refused() {
    let (dir, session) = setup();
    let (code, _, err) = ladderboard(&["sign", &session, "--key", &key("ecdsa_p256")], None);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = ladderboard(&["verify", &session, "--allowed-signers", &key("allowed_signers")], None);
    assert_eq!(code, 1);
    assert!(err.contains("ecdsa@example.org is not in the allowed signers file"), "{err}");
    // Signing as the chair with another key: the name is known, the key is not theirs.
    let (code, _, err) =
        ladderboard(&["sign", &session, "--key", &key("ecdsa_p256"), "--signer", "chair@example.org"], None);
    assert_eq!(code, 0, "{err}");
    let (_, _, err) = ladderboard(&["verify", &session, "--allowed-signers", &key("allowed_signers")], None);
    assert!(err.contains("a key the allowed signers file does not give chair@example.org"), "{err}");
    // A line that does not parse is named with its line.
    let broken = dir.path().join("allowed");
    std::fs::write(&broken, "# signers\nchair@example.org ssh-ed25519 not-base64\n").expect("write");
    let (code, _, err) = ladderboard(&["verify", &session, "--allowed-signers", broken.to_str().expect("utf8")], None);
    assert_eq!(code, 1);
    assert!(err.contains("line 2") && err.contains("does not parse"), "{err}");
    // A key file that is not a key.
    let (code, _, err) = ladderboard(&["sign", &session, "--key", &key("allowed_signers")], None);
    assert_eq!(code, 1);
    assert!(err.contains("not an OpenSSH private key"), "{err}");
}

#[test]
fn ssh_keygen_verifies_the_head_with_no_ladderboard_at_all() {
    if Command::new("ssh-keygen").arg("-?").output().is_err() {
        ladderboard::fixtures::say_skipped(
            "ssh_keygen_verifies_the_head",
            "ssh-keygen is not installed (.ci/run installs openssh-client)",
        );
        return;
    }
    let (dir, session) = setup();
    let sig = dir.path().join("head.sig");
    let sig = sig.to_str().expect("utf8");
    let (code, _, err) = ladderboard(&["sign", &session, "--key", &key("chair_ed25519"), "--detached", sig], None);
    assert_eq!(code, 0, "{err}");
    let (code, head, err) = ladderboard(&["head", &session], None);
    assert_eq!(code, 0, "{err}");
    assert!(head.starts_with("Ladderboard record head\n") && head.contains("signer: chair@example.org\n"), "{head}");
    let mut verify = Command::new("ssh-keygen")
        .args([
            "-Y",
            "verify",
            "-f",
            &key("allowed_signers"),
            "-I",
            "chair@example.org",
            "-n",
            "ladderboard",
            "-s",
            sig,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ssh-keygen");
    std::io::Write::write_all(&mut verify.stdin.take().expect("stdin"), head.as_bytes()).expect("head");
    let output = verify.wait_with_output().expect("ran");
    let said = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("Good \"ladderboard\" signature for chair@example.org"), "{said}");
}

#[test]
fn a_final_record_refuses_changes_until_it_is_reopened_with_a_reason() {
    let mut session = ladderboard::app::sample_session();
    let at = jiff::Timestamp::now();
    session.apply(Change::SetFinal { on: true, reason: "Committee closed".into() }, "Chair", at).expect("final");
    assert!(session.is_final());
    assert_eq!(session.record_state(), "final");
    let note = ladderboard::model::Note {
        id: session.next_note_id(),
        person: PersonId::new("E2001"),
        at,
        author: "Chair".into(),
        text: "late".into(),
    };
    assert_eq!(session.apply(Change::AddNote(note.clone()), "Chair", at).err(), Some(RuleError::Final));
    let no_reason = session.apply(Change::SetFinal { on: false, reason: " ".into() }, "Chair", at);
    assert!(matches!(no_reason, Err(RuleError::MissingRationale { .. })), "{no_reason:?}");
    session.apply(Change::SetFinal { on: false, reason: "HR found a typo".into() }, "Chair", at).expect("reopened");
    session.apply(Change::AddNote(note), "Chair", at).expect("changes again");
    assert!(session.audit.iter().any(|e| e.action == "reopen" && e.why == "HR found a typo"));
}
