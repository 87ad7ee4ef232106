//! The `brief` binary: parse flags, run, print errors, exit with a documented code.
//!
//! Exit codes: 0 success; 1 `brief check` found stale or missing briefs; 2 usage or input
//! error (bad flag, unreadable or empty folder, bad brief.toml, template error); 3 output could
//! not be written; 4 email delivery failed.

mod cli;

use std::process::ExitCode;

use brief::error::Error;
use clap::Parser;

/// mimalloc: every stage builds many small strings and vectors, and with the system
/// allocator about a fifth of the run was `malloc` and `free` (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let mut stdout = std::io::stdout().lock();
    match cli::run(args, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(match err {
                Error::Stale { .. } => 1,
                Error::Write { .. } | Error::Batch { write: true, .. } => 3,
                Error::Delivery { .. } => 4,
                _ => 2,
            })
        }
    }
}
