//! Entry point: parse the command line, then run a headless command or open the window.

fn main() -> std::process::ExitCode {
    ladderboard::cli::main()
}
