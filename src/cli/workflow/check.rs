//! `brief check ROOT`: is every brief under ROOT what `brief build ROOT --all` would write?
//!
//! Read-only: for each story, the manifest `build` would write is compared with the stored
//! one and with the files on disk. Each stale or missing brief is named with the reasons
//! (new, changed or removed articles, `brief.toml`, templates, options, tool version, an
//! output edited or deleted); any of them makes the command fail with exit code 1.

use std::io::Write;
use std::path::{Path, PathBuf};

use brief::error::{Error, Result};
use brief::layout::{self, Format, MANIFEST_FILE, output_name};
use brief::manifest;

use super::{Options, Story};
use crate::cli::settings::Settings;

/// The stories `brief check ROOT` checks. ROOT may be what was built rather than its
/// articles: a brief or edition folder (`briefings/DAY`, holding a manifest) is checked
/// against the article folder its manifest records; in a folder of built folders (the
/// archive, `briefings/`) every one holding a manifest is, beside the stories found under
/// ROOT as `build ROOT --all` finds them.
pub(crate) fn stories(root: &Path, out_base: Option<&Path>) -> Result<Vec<Story>> {
    if out_base.is_none()
        && let Some(one) = built(root)
    {
        return Ok(vec![one?]);
    }
    let found = super::discover(root, out_base);
    if out_base.is_some() {
        return found;
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter(|e| !layout::is_hidden(&e.file_name().to_string_lossy()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
    if !dirs.iter().any(|d| d.join(MANIFEST_FILE).is_file()) {
        return found;
    }
    // An archive: its built folders, and the story folders under it; not the archive
    // itself, whose index pages are no articles.
    let mut stories: Vec<Story> = found
        .unwrap_or_default()
        .into_iter()
        .filter(|s| !same(&s.input, root))
        .collect();
    for dir in dirs {
        if stories.iter().any(|s| same(&s.out_dir, &dir)) {
            continue;
        }
        if let Some(story) = built(&dir) {
            stories.push(story?);
        }
    }
    Ok(stories)
}

/// The story a built folder was built from, by its manifest; `None` without a manifest.
fn built(out_dir: &Path) -> Option<Result<Story>> {
    let m = manifest::load(out_dir)?;
    let Some(source) = m.source else {
        return Some(Err(Error::Manifest {
            path: out_dir.join(MANIFEST_FILE),
            message: "it does not record its folder of articles: build it again with this \
                      version of brief, or check the folder of articles"
                .into(),
        }));
    };
    let input = out_dir.join(source);
    // The root's brief.toml counts when the build read one.
    let root = m
        .config
        .contains_key("root")
        .then(|| crate::cli::settings::parent_root(&input))
        .flatten();
    Some(Ok(Story {
        input,
        out_dir: out_dir.to_path_buf(),
        root,
        archive: None,
    }))
}

/// What `check` found for one story: empty when current.
pub(crate) fn story_status(story: &Story, opts: &Options) -> Result<Vec<String>> {
    let settings = Settings::resolve(&story.input, story.root.as_deref(), &opts.flags)?;
    let stored = manifest::load(&story.out_dir);
    let as_edition = stored.as_ref().is_some_and(|m| m.edition.is_some());
    let expected = super::build::expected(&layout::walk(&story.input)?, &settings, as_edition)?;
    let mut why = manifest::stale_reasons(&expected, stored.as_ref(), &story.out_dir);
    why.extend(super::edition::previous_changed(
        &story.out_dir,
        stored.as_ref(),
    ));
    Ok(why)
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
