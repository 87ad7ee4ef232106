//! `brief watch ROOT`: build every brief under ROOT, then rebuild the affected briefs
//! whenever files under ROOT change (events debounced, so a burst of saves is one rebuild).
//!
//! Each round rediscovers the stories (a new day's folder is picked up) and builds them
//! incrementally: only briefs whose inputs changed are rebuilt. Writes of the briefs
//! themselves (`brief.*`, hidden files such as the manifest) do not trigger a round.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use brief::error::{Error, Result};
use brief::layout::{is_hidden, is_reserved};

use super::Options;
use super::build::build_all;

/// When a watch ends on its own (for tests and scripts); by default it runs until killed.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Limits {
    /// Stop after this many rounds that built (or failed to build) something.
    pub(crate) rounds: Option<u32>,
    /// Stop after this long.
    pub(crate) timeout: Option<Duration>,
}

/// Watch `root` and keep its briefs current. `out_base` as for `build --all`.
pub(crate) fn watch(
    root: &Path,
    out_base: Option<&Path>,
    opts: &Options,
    limits: Limits,
    out: &mut dyn Write,
) -> Result<()> {
    let err = |e: notify_debouncer_mini::notify::Error| Error::Watch {
        path: root.to_path_buf(),
        message: e.to_string(),
    };
    let start = Instant::now();
    round(root, out_base, opts, out)?;
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(300), tx).map_err(err)?;
    debouncer
        .watcher()
        .watch(root, RecursiveMode::Recursive)
        .map_err(err)?;
    if !opts.quiet {
        print(
            out,
            &format!("watching {} (Ctrl-C to stop)", root.display()),
        )?;
    }
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut rounds = 0;
    loop {
        let event = match limits.timeout {
            Some(t) => match rx.recv_timeout(t.saturating_sub(start.elapsed())) {
                Ok(e) => e,
                Err(_) => break,
            },
            None => match rx.recv() {
                Ok(e) => e,
                Err(_) => break,
            },
        };
        let events = match event {
            Ok(events) => events,
            Err(e) => {
                crate::cli::term::warn(format_args!("watching {}: {e}", root.display()));
                continue;
            }
        };
        if !events.iter().any(|e| relevant(&e.path, root, &canonical)) {
            continue;
        }
        if round(root, out_base, opts, out)? {
            rounds += 1;
            if limits.rounds.is_some_and(|n| rounds >= n) {
                break;
            }
        }
    }
    Ok(())
}

/// One incremental build of every story; true when something was built or failed. Errors
/// are printed, not returned: a half-copied article must not end the watch.
fn round(
    root: &Path,
    out_base: Option<&Path>,
    opts: &Options,
    out: &mut dyn Write,
) -> Result<bool> {
    let stories = match super::discover(root, out_base) {
        Ok(s) => s,
        Err(e) => {
            crate::cli::term::error(&e);
            return Ok(false);
        }
    };
    let mut buf = Vec::new();
    let summary = build_all(&stories, opts, &mut buf)?;
    for text in String::from_utf8_lossy(&buf).lines() {
        if !text.ends_with(super::build::UP_TO_DATE) {
            print(out, text)?;
        }
    }
    if summary.failed > 0 {
        crate::cli::term::error(format_args!(
            "{} of {} briefs failed",
            summary.failed,
            stories.len()
        ));
    }
    Ok(summary.built + summary.failed > 0)
}

/// Whether a changed path can change a brief: not the briefs' own outputs, not hidden files.
fn relevant(path: &Path, root: &Path, canonical: &Path) -> bool {
    let rel: PathBuf = path
        .strip_prefix(canonical)
        .or_else(|_| path.strip_prefix(root))
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf());
    let hidden = rel
        .components()
        .any(|c| is_hidden(&c.as_os_str().to_string_lossy()));
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned());
    let output = name.is_some_and(|n| is_reserved(&n) && n != brief::layout::CONFIG_FILE);
    !hidden && !output
}

fn print(out: &mut dyn Write, text: &str) -> Result<()> {
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: PathBuf::from("<stdout>"),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_and_hidden_files_are_not_relevant() {
        let root = Path::new("/r");
        assert!(relevant(Path::new("/r/day/a.md"), root, root));
        assert!(relevant(Path::new("/r/brief.toml"), root, root));
        assert!(!relevant(Path::new("/r/day/brief.md"), root, root));
        assert!(!relevant(
            Path::new("/r/day/.brief-manifest.json"),
            root,
            root
        ));
        assert!(!relevant(Path::new("/r/day/.brief-x.tmp"), root, root));
    }
}
