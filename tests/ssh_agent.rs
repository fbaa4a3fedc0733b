//! Signing with a key held by ssh-agent: the agent's keys are listed, one is chosen by fingerprint
//! or comment (or a `.pub` file names it, as `ssh-keygen -Y sign -f KEY.pub` does), the private key
//! never leaves the agent, and the signature verifies like one made from the key file.

use ladderboard::fixtures::{fixture_path, repo_path};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

/// An ssh-agent of its own on a socket in `dir`, holding `keys` (added with the agent protocol,
/// so no `ssh-add` is needed); stopped when dropped.
struct Agent {
    child: Child,
    socket: PathBuf,
}

impl Agent {
    fn start(dir: &Path, keys: &[&str]) -> Option<Agent> {
        let socket = dir.join("agent.sock");
        let child = Command::new("ssh-agent").arg("-D").arg("-a").arg(&socket).spawn().ok()?;
        let agent = Agent { child, socket };
        // The socket file appears at bind(), a moment before the agent listens: a loaded machine
        // refuses the first connections, so they are tried again for up to five seconds.
        let mut tries = 0;
        let mut client = loop {
            match ssh_agent_client_rs::Client::connect(&agent.socket) {
                Ok(client) => break client,
                Err(e) if tries >= 500 => panic!("agent answers: {e:?}"),
                Err(_) => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
            }
        };
        for key in keys {
            let text = std::fs::read_to_string(fixture_path("keys").join(key)).expect("key");
            let private = ssh_key::PrivateKey::from_openssh(text.trim()).expect("parses");
            client.add_identity(&private).expect("added");
        }
        Some(agent)
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ladderboard(args: &[&str], agent: Option<&Agent>) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ladderboard"));
    command.args(args).env_remove("SSH_AUTH_SOCK").env_remove("LADDERBOARD_KEY_PASSPHRASE");
    if let Some(agent) = agent {
        command.env("SSH_AUTH_SOCK", &agent.socket);
    }
    let output = command.output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn key(name: &str) -> String {
    fixture_path("keys").join(name).to_str().expect("utf8").to_owned()
}

#[test]
fn the_agents_key_signs_and_verifies_like_the_key_file() {
    let dir = tempfile::tempdir().expect("dir");
    let Some(agent) = Agent::start(dir.path(), &["chair_ed25519", "ecdsa_p256"]) else {
        ladderboard::fixtures::say_skipped(
            "signing with ssh-agent",
            "ssh-agent is not installed (.ci/run installs openssh-client)",
        );
        return;
    };
    let session = dir.path().join("committee.ron");
    std::fs::copy(repo_path("assets/sample/session.ron"), &session).expect("copy");
    let session = session.to_str().expect("utf8");

    // Two keys: the agent's choice must be named, and the message lists them.
    let (code, _, err) = ladderboard(&["sign", session, "--agent"], Some(&agent));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("holds several keys") && err.contains("chair@example.org"), "{err}");
    let (code, _, err) = ladderboard(&["sign", session, "--agent", "nobody@example.org"], Some(&agent));
    assert_eq!(code, 1);
    assert!(err.contains("holds no key \"nobody@example.org\""), "{err}");

    // By comment, and by a public key file naming the agent's key.
    let (code, out, err) = ladderboard(&["sign", session, "--agent", "chair@example.org"], Some(&agent));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("signed by chair@example.org"), "{out}");
    let public = key("ecdsa_p256.pub");
    let (code, out, err) =
        ladderboard(&["sign", session, "--key", &public, "--signer", "p256@example.org"], Some(&agent));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("signed by p256@example.org"), "{out}");

    // The P-256 key vouched for beside the test file's keys: both signatures are good.
    let allowed = dir.path().join("allowed_signers");
    let p256 = std::fs::read_to_string(&public).expect("pub");
    let listed = std::fs::read_to_string(key("allowed_signers")).expect("allowed");
    std::fs::write(&allowed, format!("{listed}p256@example.org {}", p256.trim())).expect("write");
    let (code, out, err) =
        ladderboard(&["verify", session, "--allowed-signers", allowed.to_str().expect("utf8")], None);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("signed by chair@example.org: good signature"), "{out}");
    assert!(out.contains("signed by p256@example.org: good signature"), "{out}");

    // No agent at all: said, not a crash.
    let (code, _, err) = ladderboard(&["sign", session, "--agent"], None);
    assert_eq!(code, 1);
    assert!(err.contains("no ssh-agent is running"), "{err}");
}

/// The window lists the agent's keys in File → Sign… and signs with the one chosen. The window
/// reads `SSH_AUTH_SOCK` when the question opens, so this test runs its window half in a child
/// process of this test binary with the variable set (setting it here would need `unsafe`).
#[test]
fn the_window_signs_with_a_key_the_agent_holds() {
    let dir = tempfile::tempdir().expect("dir");
    let Some(agent) = Agent::start(dir.path(), &["chair_ed25519"]) else {
        ladderboard::fixtures::say_skipped(
            "signing with ssh-agent",
            "ssh-agent is not installed (.ci/run installs openssh-client)",
        );
        return;
    };
    let output = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "window_half_of_signing_with_the_agent", "--ignored", "--nocapture"])
        .env("SSH_AUTH_SOCK", &agent.socket)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("1 passed"), "the window half ran: {said}");
}

mod ui_support;

#[test]
#[ignore = "run by the_window_signs_with_a_key_the_agent_holds, with its agent"]
fn window_half_of_signing_with_the_agent() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    if std::env::var_os("SSH_AUTH_SOCK").is_none() {
        ladderboard::fixtures::say_skipped(
            "window_half_of_signing_with_the_agent",
            "run by the_window_signs_with_a_key_the_agent_holds, which starts an agent",
        );
        return;
    }
    let mut h = ui_support::harness();
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Sign the record with an SSH key…").click();
    h.run();
    // The agent's key is offered and chosen; the key file's fields are not shown for it.
    ui_support::get_text_containing(&h, "In ssh-agent: SHA256:");
    assert!(ui_support::has_text_containing(&h, "(ssh-ed25519) chair@example.org"));
    assert!(h.query_by_label("Private key file").is_none());
    h.get_by_role_and_label(Role::Button, "Sign").click();
    h.run();
    let session = h.state().session();
    assert_eq!(session.signatures.len(), 1);
    assert_eq!(session.signatures[0].signer, "chair@example.org");
    let allowed = std::fs::read_to_string(fixture_path("keys/allowed_signers")).expect("allowed");
    let allowed =
        ladderboard::io::signing::parse_allowed_signers(&allowed, Path::new("allowed_signers")).expect("parses");
    let checks = ladderboard::io::signing::check_signatures(session, &allowed);
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
}
