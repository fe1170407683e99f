use std::process::ExitCode;

fn main() -> ExitCode {
    briefing::cli::run()
}
