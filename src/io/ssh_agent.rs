//! Signing with a key held by `ssh-agent` (the agent named by `SSH_AUTH_SOCK`), as `ssh-keygen -Y
//! sign` does when given a public key: the private key never leaves the agent. The SSHSIG blob is
//! built here and only its signing is asked of the agent (`ssh-agent-client-rs`, which speaks the
//! agent protocol over the socket and uses the same `ssh-key` types).

use crate::io::error::{FileError, Problem};
use crate::io::signing::{armored, signer_name, unusable};
use crate::model::Session;
use crate::model::record_head::{RecordSignature, SIGNATURE_NAMESPACE};
use ssh_key::{HashAlg, HashAlg::Sha256, PublicKey, SshSig};
use std::path::{Path, PathBuf};

/// The agent's socket, if one is running for this user.
#[must_use]
pub fn agent_socket() -> Option<PathBuf> {
    std::env::var_os("SSH_AUTH_SOCK").filter(|s| !s.is_empty()).map(PathBuf::from)
}

/// A key as a person recognises it: type, fingerprint and comment, as `ssh-add -l` prints it.
#[must_use]
pub fn describe(key: &PublicKey) -> String {
    let comment = key.comment().trim();
    let comment = if comment.is_empty() { "no comment" } else { comment };
    format!("{} ({}) {comment}", key.fingerprint(Sha256), key.algorithm().as_str())
}

fn agent_error(socket: &Path, what: &str, e: &ssh_agent_client_rs::Error) -> FileError {
    let problem = Problem::new(
        format!("the ssh-agent {what} ({e})"),
        "check that ssh-agent runs and holds your key (ssh-add -l), or sign with a key file",
    );
    FileError::invalid(socket, vec![problem])
}

fn connect() -> Result<(PathBuf, ssh_agent_client_rs::Client), FileError> {
    let Some(socket) = agent_socket() else {
        let problem = Problem::new(
            "no ssh-agent is running for this session (SSH_AUTH_SOCK is not set)",
            "start one (eval $(ssh-agent); ssh-add), or sign with a key file",
        );
        return Err(FileError::invalid(Path::new("SSH_AUTH_SOCK"), vec![problem]));
    };
    let client =
        ssh_agent_client_rs::Client::connect(&socket).map_err(|e| agent_error(&socket, "cannot be reached", &e))?;
    Ok((socket, client))
}

/// The public keys the agent holds (certificates left out: a signature names a key).
pub fn agent_keys() -> Result<Vec<PublicKey>, FileError> {
    let (socket, mut client) = connect()?;
    let identities = client.list_all_identities().map_err(|e| agent_error(&socket, "did not list its keys", &e))?;
    Ok(identities
        .into_iter()
        .filter_map(|identity| match identity {
            ssh_agent_client_rs::Identity::PublicKey(key) => Some(key.into_owned()),
            ssh_agent_client_rs::Identity::Certificate(_) => None,
        })
        .collect())
}

/// The agent's key that `wanted` names (its fingerprint, or its comment), or its only key when
/// `wanted` is empty.
pub fn choose_agent_key(keys: &[PublicKey], wanted: &str) -> Result<PublicKey, FileError> {
    let wanted = wanted.trim();
    let listed = || keys.iter().map(describe).collect::<Vec<_>>().join("; ");
    let mut matching: Vec<&PublicKey> = keys
        .iter()
        .filter(|k| wanted.is_empty() || k.fingerprint(Sha256).to_string() == wanted || k.comment() == wanted)
        .collect();
    let place = Path::new("ssh-agent");
    match (matching.len(), wanted.is_empty()) {
        (1, _) => Ok(matching.remove(0).clone()),
        (0, true) => {
            let problem = Problem::new("the ssh-agent holds no key", "add yours with ssh-add, or sign with a key file");
            Err(FileError::invalid(place, vec![problem]))
        }
        (0, false) => {
            let problem = Problem::new(
                format!("the ssh-agent holds no key \"{wanted}\" (it holds: {})", listed()),
                "name a key by its fingerprint (SHA256:…) or comment, as ssh-add -l lists them",
            );
            Err(FileError::invalid(place, vec![problem]))
        }
        (_, _) => {
            let problem = Problem::new(
                format!("the ssh-agent holds several keys: {}", listed()),
                "say which: --agent SHA256:… (its fingerprint) or --agent COMMENT",
            );
            Err(FileError::invalid(place, vec![problem]))
        }
    }
}

/// Signs the session's head as `signer` (the key's comment when empty) with `key`, held by the agent.
pub fn sign_head_with_agent(session: &Session, key: &PublicKey, signer: &str) -> Result<RecordSignature, FileError> {
    let (socket, mut client) = connect()?;
    let signer = signer_name(signer, key.comment(), &socket)?;
    let statement = session.head_statement(&signer);
    let data =
        SshSig::signed_data(SIGNATURE_NAMESPACE, HashAlg::Sha512, statement.as_bytes()).map_err(unusable(&socket))?;
    let signature = client.sign(key, &data).map_err(|e| agent_error(&socket, "refused to sign", &e))?;
    let sshsig = SshSig::new(key.key_data().clone(), SIGNATURE_NAMESPACE, HashAlg::Sha512, signature)
        .map_err(unusable(&socket))?;
    // The agent is trusted with the key, not with the answer: check it before keeping it.
    key.verify(SIGNATURE_NAMESPACE, statement.as_bytes(), &sshsig).map_err(unusable(&socket))?;
    armored(session, signer, &sshsig, &socket)
}
