//! Standard output that never panics: `println!` panics when the reader has gone (`… | head -1`)
//! or the disk is full (`> /dev/full`). Every line the CLI prints goes through `out!`/`outln!`,
//! which hand back a `FileError` instead; `main` ends quietly on a closed pipe and says a failed
//! write (exit 3).

use crate::io::error::FileError;
use std::io::Write as _;
use std::path::PathBuf;

/// Writes to standard output, as `print!` would.
pub fn write_out(args: std::fmt::Arguments<'_>) -> Result<(), FileError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_fmt(args)
        .and_then(|()| stdout.flush())
        .map_err(|source| FileError::Write { path: standard_output(), source })
}

/// How the errors name standard output.
#[must_use]
pub fn standard_output() -> PathBuf {
    PathBuf::from("standard output")
}

/// Whether `error` is the reader of standard output having gone: not a failure of the command.
#[must_use]
pub fn is_closed_pipe(error: &FileError) -> bool {
    matches!(error, FileError::Write { path, source } if *path == standard_output() && source.kind() == std::io::ErrorKind::BrokenPipe)
}

/// `print!` that returns a `FileError` from the enclosing function instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!($($arg)*))?
    };
}

/// `println!` that returns a `FileError` from the enclosing function instead of panicking.
macro_rules! outln {
    () => {
        $crate::cli::output::write_out(format_args!("\n"))?
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*)))?
    };
}

pub(crate) use {out, outln};
