//! `brief check ROOT`: is every brief under ROOT what `brief build ROOT --all` would write?
//!
//! Read-only: for each story, the manifest `build` would write is compared with the stored
//! one and with the files on disk. Each stale or missing brief is named with the reasons
//! (new, changed or removed articles, `brief.toml`, templates, options, tool version, an
//! output edited or deleted); any of them makes the command fail with exit code 1.

use std::io::Write;
use std::path::Path;

use brief::error::{Error, Result};
use brief::layout::{self, Format, MANIFEST_FILE, output_name};
use brief::manifest;

use super::{Options, Story};
use crate::cli::settings::Settings;

/// What `check` found for one story: empty when current.
pub(crate) fn story_status(story: &Story, opts: &Options) -> Result<Vec<String>> {
    let settings = Settings::resolve(&story.input, story.root.as_deref(), &opts.flags)?;
    let stored = manifest::load(&story.out_dir);
    let as_edition = stored.as_ref().is_some_and(|m| m.edition.is_some());
    let expected = super::build::expected(&layout::walk(&story.input)?, &settings, as_edition)?;
    Ok(manifest::stale_reasons(
        &expected,
        stored.as_ref(),
        &story.out_dir,
    ))
}

/// Check every story; print `stale: DIR (reasons)` / `missing: DIR` for each that is not
/// current, or `ok: N briefs up to date`. Errors with [`Error::Stale`] when any is not.
pub(crate) fn check(
    root: &Path,
    stories: &[Story],
    opts: &Options,
    out: &mut dyn Write,
) -> Result<()> {
    let mut stale = 0;
    for story in stories {
        let why = story_status(story, opts)?;
        if why.is_empty() {
            continue;
        }
        stale += 1;
        let missing = !story.out_dir.join(MANIFEST_FILE).is_file()
            && !story.out_dir.join(output_name(Format::Md)).is_file();
        let text = if missing {
            format!(
                "missing: {} (from {})",
                story.out_dir.display(),
                story.input.display()
            )
        } else {
            format!("stale: {} ({})", story.out_dir.display(), why.join("; "))
        };
        writeln!(out, "{text}").map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    }
    if stale > 0 {
        return Err(Error::Stale {
            root: root.to_path_buf(),
            stale,
            total: stories.len(),
        });
    }
    if !opts.quiet {
        let n = stories.len();
        writeln!(
            out,
            "ok: {n} brief{} up to date",
            if n == 1 { "" } else { "s" }
        )
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    }
    Ok(())
}
