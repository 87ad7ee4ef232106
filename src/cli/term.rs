//! Messages on stderr, the way ripgrep, fd and bat do it: `error:` and `warning:` in colour
//! on a terminal (`--color auto`, the default), never when `NO_COLOR` is set or the output
//! is a pipe, always with `--color always`; and what `-v` adds.

use std::fmt::Display;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Style};
use clap::ColorChoice;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

static COLOR: AtomicBool = AtomicBool::new(false);
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Whether `auto` means colour here: stderr is a terminal, `NO_COLOR` is unset or empty, and
/// `TERM` is not `dumb`.
pub(crate) fn auto_color() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// Set once, from the parsed flags, before anything is printed.
pub(crate) fn init(color: ColorChoice, verbose: bool) {
    let on = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => auto_color(),
    };
    COLOR.store(on, Ordering::Relaxed);
    VERBOSE.store(verbose, Ordering::Relaxed);
}

/// Whether `-v` was given.
pub(crate) fn verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

fn label(text: &str, color: AnsiColor) -> String {
    if COLOR.load(Ordering::Relaxed) {
        let style = Style::new().bold().fg_color(Some(color.into()));
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

/// `error: MESSAGE`.
pub(crate) fn error(message: impl Display) {
    eprintln!("{} {message}", label("error:", AnsiColor::Red));
}

/// `warning: MESSAGE`.
pub(crate) fn warn(message: impl Display) {
    eprintln!("{} {message}", label("warning:", AnsiColor::Yellow));
}

/// A line for `-v` only.
pub(crate) fn info(message: impl Display) {
    if verbose() {
        eprintln!("{} {message}", label("info:", AnsiColor::Cyan));
    }
}

/// A spinner on stderr while one brief is built, shown only on a terminal (indicatif draws
/// nothing to a pipe or a file) and never with `-q`; `finish_and_clear` removes it.
pub(crate) fn spinner(quiet: bool, input: &std::path::Path, articles: usize) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        bar.set_style(style);
    }
    let s = if articles == 1 { "" } else { "s" };
    bar.set_message(format!(
        "building the brief of {} ({articles} file{s})",
        input.display()
    ));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
