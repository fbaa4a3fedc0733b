//! The record's verbs: `head` prints the statement a signature covers, `sign` signs it with an SSH
//! key and keeps the signature in the session, `verify` checks the record and every signature.

use super::output::{out, outln};
use crate::io::error::{FileError, Problem};
use crate::io::session::lock::{LockOutcome, acquire};
use crate::io::session::save_session;
use crate::io::session::verify::load_verified;
use crate::io::signing::{check_signatures, load_private_key, parse_allowed_signers, sign_head};
use crate::io::ssh_agent::{agent_keys, choose_agent_key, sign_head_with_agent};
use std::path::{Path, PathBuf};

/// `ladderboard head SESSION [--signer ID]`.
pub fn head(path: &Path, signer: Option<&str>) -> Result<(), FileError> {
    let session = load_verified(path)?;
    let signer = match (signer, session.signatures.as_slice()) {
        (Some(signer), _) => signer.to_owned(),
        (None, [only]) => only.signer.clone(),
        (None, _) => {
            let problem = Problem::new(
                "whose statement? The head names its signer",
                "pass --signer as the allowed signers file names them (e.g. --signer chair@example.org)",
            );
            return Err(FileError::invalid(path, vec![problem]));
        }
    };
    out!("{}", session.head_statement(&signer));
    Ok(())
}

/// Which key signs: a key file (a private key, or a public key whose private half the agent
/// holds), or the agent's key named by fingerprint or comment (its only key when empty).
pub enum SignWith {
    KeyFile(PathBuf),
    Agent(String),
}

/// `ladderboard sign SESSION (--key KEY | --agent [KEY]) [--signer ID] [--detached OUT.sig]`.
pub fn sign(path: &Path, with: &SignWith, signer: &str, detached: Option<&Path>) -> Result<(), FileError> {
    // The lock first: nothing saved between reading the file and writing it back is lost.
    let lock = match acquire(path, "ladderboard sign") {
        LockOutcome::HeldBy(holder) => {
            let problem = Problem::new(format!("{holder} has it open"), "sign once they have saved and closed it");
            return Err(FileError::invalid(path, vec![problem]));
        }
        LockOutcome::Acquired(lock) => Some(lock),
        LockOutcome::Unavailable(_) => None,
    };
    let mut session = load_verified(path)?;
    let signature = match with {
        SignWith::KeyFile(key_path) => match public_key_file(key_path) {
            Some(public) => sign_head_with_agent(&session, &public, signer)?,
            None => sign_head(&session, &load_private_key(key_path, ask_passphrase)?, signer, key_path)?,
        },
        SignWith::Agent(wanted) => {
            let key = choose_agent_key(&agent_keys()?, wanted)?;
            sign_head_with_agent(&session, &key, signer)?
        }
    };
    if let Some(out) = detached {
        crate::io::atomic::write_atomic(out, signature.signature.as_bytes())?;
    }
    let who = signature.signer.clone();
    session.add_signature(signature);
    save_session(&session, path)?;
    drop(lock);
    outln!("{}: signed by {who} ({}, {} events)", path.display(), session.record_state(), session.audit.len());
    Ok(())
}

/// The public key in `path`, when it holds one (`id_ed25519.pub`) rather than a private key.
fn public_key_file(path: &Path) -> Option<ssh_key::PublicKey> {
    let text = std::fs::read_to_string(path).ok()?;
    ssh_key::PublicKey::from_openssh(text.trim()).ok()
}

/// The passphrase from `LADDERBOARD_KEY_PASSPHRASE`, else asked on the terminal (not echoed).
fn ask_passphrase() -> Option<String> {
    if let Ok(passphrase) = std::env::var("LADDERBOARD_KEY_PASSPHRASE") {
        return Some(passphrase);
    }
    rpassword::prompt_password("Passphrase for the key: ").ok()
}

/// `ladderboard verify SESSION --allowed-signers FILE`.
pub fn verify(path: &Path, allowed_path: &Path) -> Result<(), FileError> {
    let session = load_verified(path)?;
    let text = std::fs::read_to_string(allowed_path)
        .map_err(|source| FileError::Read { path: allowed_path.to_path_buf(), source })?;
    let allowed = parse_allowed_signers(&text, allowed_path)?;
    if session.signatures.is_empty() {
        let problem = Problem::new("the record is not signed", "sign it: ladderboard sign SESSION --key KEY");
        return Err(FileError::invalid(path, vec![problem]));
    }
    let checks = check_signatures(&session, &allowed);
    let problems: Vec<Problem> = checks
        .iter()
        .filter_map(|c| {
            let why = c.problem.as_ref()?;
            Some(Problem::new(format!("signature by {}: {why}", c.signer), "sign the record again as it is now"))
        })
        .collect();
    if !problems.is_empty() {
        return Err(FileError::invalid(path, problems));
    }
    outln!(
        "{}: record whole ({}, {} events, head {})",
        path.display(),
        session.record_state(),
        session.audit.len(),
        session.head_hash()
    );
    for check in checks {
        outln!("  signed by {}: good signature", check.signer);
    }
    Ok(())
}
