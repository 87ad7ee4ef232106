//! The `brief` binary: parse flags, run, print errors, exit with a documented code.
//!
//! Exit codes: 0 success; 1 `brief check` found stale or missing briefs; 2 usage or input
//! error (bad flag, unreadable or empty folder, bad brief.toml, template error); 3 output could
//! not be written; 4 email delivery failed.

mod cli;

use std::process::ExitCode;

use brief::error::Error;
use clap::{ColorChoice, CommandFactory, FromArgMatches, ValueEnum};

/// mimalloc: every stage builds many small strings and vectors, and with the system
/// allocator about a fifth of the run was `malloc` and `free` (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option id of the purge delay (`mi_option_purge_delay` in mimalloc 2's
/// `mimalloc.h`).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

unsafe extern "C" {
    /// mimalloc's `mi_option_set`, linked in with the allocator.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Keep freed memory for a second before giving it back to the system (mimalloc's default is
/// 10 ms): a build frees and allocates hundreds of MB stage after stage, and each page given
/// back cost a page fault and a page clear when it was used again (docs/performance.md).
/// `MIMALLOC_PURGE_DELAY` in the environment still decides when it is set.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: a setter of mimalloc's (the global allocator), with a valid option id.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
    // clap prints help and its own errors before our flags are known: tell it --color first.
    let color = color_flag().unwrap_or(ColorChoice::Auto);
    let matches = cli::Args::command().color(color).get_matches();
    let args = cli::Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli::term::init(args.color, args.verbose);
    let mut stdout = std::io::stdout().lock();
    match cli::run(args, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            cli::term::error(&err);
            ExitCode::from(match err {
                Error::Stale { .. } => 1,
                Error::Write { .. } | Error::Batch { write: true, .. } => 3,
                Error::Delivery { .. } => 4,
                _ => 2,
            })
        }
    }
}

/// `--color WHEN` or `--color=WHEN` from the raw arguments (the last one wins), for clap's own
/// messages; `None` when absent or not a valid choice (clap then reports it).
fn color_flag() -> Option<ColorChoice> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut found = None;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.strip_prefix("--color") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(v) = value.and_then(|v| <ColorChoice as ValueEnum>::from_str(v, true).ok()) {
            found = Some(v);
        }
    }
    found
}
