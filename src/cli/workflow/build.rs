//! Build briefs incrementally: skip a brief whose manifest matches its inputs, else build,
//! write the outputs and the manifest as one set (`brief::output::write_set`). A folder of
//! several stories is built as an edition (`super::edition`). Stories are built one after
//! the other, in order (a day's edition is compared with the day before's); each build
//! works in parallel inside.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use brief::changes::{Snapshot, diff, from_articles, new_articles};
use brief::config::EditionMode;
use brief::edition::{Mode, decide};
use brief::error::{Error, Result};
use brief::ingest::Warning;
use brief::layout::{self, MANIFEST_FILE, output_name};
use brief::manifest::{self, Manifest};
use brief::render::Meta;
use brief::stories::{StoryConfig, detect};

use super::{Options, Story};
use crate::cli::settings::{self, Settings};

/// What happened to one story.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Built: the files written, and the warnings about single articles.
    Built {
        /// Paths written (not the manifest).
        written: Vec<PathBuf>,
        /// Articles skipped and why.
        warnings: Vec<Warning>,
    },
    /// Skipped: the manifest matches the inputs; the brief's files, as they are.
    UpToDate {
        /// The current files.
        files: Vec<PathBuf>,
    },
}

/// How a current brief's files are listed: `briefings/x/brief.md (up to date)`.
pub(crate) const UP_TO_DATE: &str = "(up to date)";

/// Build one story unless its manifest says it is current (or `opts.force`). A build that
/// fails leaves no folder behind that it created (`brief build /tmp/typo` leaves no
/// `briefings/typo/`).
pub(crate) fn build_story(story: &Story, opts: &Options) -> Result<Outcome> {
    let created = first_missing(&story.out_dir);
    let result = build_story_in(story, opts);
    if result.is_err()
        && let Some(top) = created
    {
        // Only empty folders go: remove_dir refuses a folder that holds anything.
        for dir in story.out_dir.ancestors() {
            if std::fs::remove_dir(dir).is_err() || dir == top {
                break;
            }
        }
    }
    result
}

/// The outermost of `dir` and its ancestors that does not exist yet.
fn first_missing(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .last()
        .map(Path::to_path_buf)
}

fn build_story_in(story: &Story, opts: &Options) -> Result<Outcome> {
    // The patterns a brief compiles on first use are built on the other core from the start
    // (once per process; the pipeline waits for any it reaches first). A folder found up to
    // date below exits without waiting for them.
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        std::thread::spawn(brief::warm_up);
    });
    let settings = Settings::resolve(&story.input, story.root.as_deref(), &opts.flags)?;
    let _lock = super::lock::acquire(&story.out_dir, || {
        if !opts.quiet {
            eprintln!(
                "waiting for another brief run on {}",
                story.out_dir.display()
            );
        }
    })?;
    // Finish a write a killed run left half done, or remove its temporary files.
    brief::output::recover(&story.out_dir)?;
    // One walk: the manifest hashes what it found, and the brief reads the same files.
    let walk = layout::walk(&story.input)?;
    let stored = manifest::load(&story.out_dir);
    let was_edition = stored.as_ref().is_some_and(|m| m.edition.is_some());
    let mut expected = expected(&walk, &settings, was_edition)?;
    // `--previous PATH`: read it first (a wrong path is an error before the slow part); an
    // edition compared with another edition than the one named is rebuilt.
    let named_previous = match &opts.previous {
        Some(path) => Some(super::edition::load_record(path)?),
        None => None,
    };
    let same_previous = named_previous.as_ref().is_none_or(|p| {
        stored
            .as_ref()
            .and_then(|m| m.edition.as_ref())
            .is_some_and(|e| e.previous.as_deref() == Some(p.name.as_str()))
    });
    // Without `--previous`, an edition whose previous day was rebuilt since is rebuilt.
    let same_previous = same_previous
        && (named_previous.is_some()
            || super::edition::previous_changed(&story.out_dir, stored.as_ref()).is_none());
    if !opts.force
        && same_previous
        && manifest::stale_reasons(&expected, stored.as_ref(), &story.out_dir).is_empty()
    {
        let files = match &stored {
            Some(m) if was_edition => m.outputs.keys().map(|n| story.out_dir.join(n)).collect(),
            _ => settings
                .formats
                .iter()
                .map(|f| story.out_dir.join(output_name(*f)))
                .collect(),
        };
        return Ok(Outcome::UpToDate { files });
    }
    // An edition, or the one brief of the folder: decided on the articles' stories.
    settings::log_inputs(&settings, &walk);
    let (docs, warnings) = brief::load_documents(&walk, &settings.cfg)?;
    let stories = match settings.mode {
        EditionMode::Single => Vec::new(),
        _ => detect(&docs, &StoryConfig::default()),
    };
    if decide(&docs, &stories, settings.mode).mode == Mode::Edition {
        let outcome = super::edition::build(
            story,
            &settings,
            &docs,
            warnings,
            &stories,
            stored,
            expected,
            named_previous,
        )?;
        super::edition::write_archive(story, &settings)?;
        return Ok(outcome);
    }
    if let Some(p) = named_previous.filter(|_| !opts.quiet) {
        crate::cli::term::warn(format_args!(
            "{} is one story: --previous {} applies to editions, and its brief's What's new \
             is measured against its own last build",
            story.input.display(),
            p.name
        ));
    }
    super::edition::strip_templates(&mut expected);
    let previous = stored.and_then(|m| baseline(m, &expected.inputs));
    let mut content = None;
    let settings::Rendered { brief, texts } =
        settings::render_documents(&settings, docs, warnings, &settings.formats, |brief| {
            let mut snapshot = Snapshot::of(brief);
            snapshot.articles = expected.inputs.clone();
            // News is only what comes from the articles added or changed since `previous`.
            let changes = previous.as_ref().and_then(|p| {
                let changes = diff(p, &snapshot)?;
                match new_articles(p, &snapshot) {
                    Some(fresh) => from_articles(changes, brief, &fresh),
                    None => Some(changes),
                }
            });
            content = Some(snapshot);
            Meta { changes }
        })?;
    let mut files = Vec::new();
    for (format, text) in texts {
        let name = output_name(format);
        expected
            .outputs
            .insert(name.clone(), manifest::hash(text.as_bytes()));
        files.push((story.out_dir.join(name), text));
    }
    expected.content = content;
    expected.source = super::relative_path(&story.out_dir, &story.input);
    expected.previous = previous;
    let written = write_together(&story.out_dir, &files, &expected)?;
    if was_edition {
        super::edition::remove_stale_stories(&story.out_dir, &[]);
    }
    super::edition::write_archive(story, &settings)?;
    Ok(Outcome::Built {
        written,
        warnings: brief.warnings,
    })
}

/// The manifest a story built now with `settings` would have; `as_edition` adds the
/// edition's templates (an edition's manifest hashes them too).
pub(crate) fn expected(
    walk: &layout::Walk,
    settings: &Settings,
    as_edition: bool,
) -> Result<Manifest> {
    let mut m = manifest::expected(
        walk,
        &settings.cfg,
        &settings.formats,
        settings.templates.as_deref(),
    )?;
    if settings.mode != EditionMode::Auto {
        let mode = if settings.mode == EditionMode::Single {
            "single"
        } else {
            "edition"
        };
        m.options.insert("mode".into(), mode.into());
    }
    if as_edition {
        super::edition::hash_templates(&mut m, settings)?;
    }
    Ok(m)
}

/// Write the brief's files and then its manifest as one set ([`crate::output::write_set`]):
/// a run that is stopped or fails while writing (disk full, killed) leaves the previous
/// brief whole, or a journal the next run completes; never a mix of the two.
pub(crate) fn write_together(
    dir: &Path,
    files: &[(PathBuf, String)],
    manifest: &Manifest,
) -> Result<Vec<PathBuf>> {
    let manifest_path = dir.join(MANIFEST_FILE);
    let manifest_text = manifest::to_text(&manifest_path, manifest)?;
    let staged: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_path(), t.as_bytes()))
        .chain([(manifest_path.as_path(), manifest_text.as_bytes())])
        .collect();
    brief::output::write_set(dir, &staged)?;
    Ok(files.iter().map(|(p, _)| p.clone()).collect())
}

/// The version "What's new" compares against: when articles were added, changed or removed,
/// the brief being replaced; otherwise (a forced rebuild, new options, templates or code) the
/// one that brief compared against, so only new articles ever make news.
fn baseline(stored: Manifest, inputs: &BTreeMap<String, String>) -> Option<Snapshot> {
    if stored.inputs == *inputs {
        stored.previous
    } else {
        stored.content
    }
}

/// Build every story in parallel (a progress bar on a terminal), then report in order:
/// the paths written, the current paths marked `(up to date)`, or the error. Errors do not stop the other stories.
pub(crate) fn build_all(stories: &[Story], opts: &Options, out: &mut dyn Write) -> Result<Summary> {
    // Many stories: a bar of briefs; one: a spinner (both only on a terminal).
    let bar = match stories {
        [one] => crate::cli::term::spinner(opts.quiet, &one.input, count_hint(&one.input)),
        _ => {
            let target = if opts.quiet {
                ProgressDrawTarget::hidden()
            } else {
                ProgressDrawTarget::stderr()
            };
            let bar = ProgressBar::with_draw_target(Some(stories.len() as u64), target);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {pos}/{len} briefs {wide_msg}")
            {
                bar.set_style(style);
            }
            bar
        }
    };
    // One after the other, in order: a day's edition is compared with the day before's,
    // which must be built first. Each build runs its own work in parallel.
    let results: Vec<Result<Outcome>> = stories
        .iter()
        .map(|story| {
            let result = build_story(story, opts);
            if stories.len() > 1 {
                bar.set_message(story.out_dir.display().to_string());
                bar.inc(1);
            }
            result
        })
        .collect();
    bar.finish_and_clear();
    let mut summary = Summary::default();
    for (story, result) in stories.iter().zip(results) {
        report(
            story,
            result,
            opts.quiet,
            stories.len() > 1,
            out,
            &mut summary,
        )?;
    }
    Ok(summary)
}

/// The number of entries directly in `dir`, for the spinner's message (0 when unreadable).
fn count_hint(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

/// Counts of a batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Summary {
    /// Briefs built.
    pub(crate) built: usize,
    /// Briefs skipped as current.
    pub(crate) current: usize,
    /// Briefs that failed.
    pub(crate) failed: usize,
    /// Whether a failure was an output that could not be written.
    pub(crate) write_failed: bool,
}

impl Summary {
    /// Ok when nothing failed, else [`Error::Batch`]. (A single-story build returns its own
    /// error before this, so `build DIR` keeps its exit codes.)
    pub(crate) fn into_result(self) -> Result<()> {
        if self.failed == 0 {
            return Ok(());
        }
        Err(Error::Batch {
            failed: self.failed,
            total: self.built + self.current + self.failed,
            write: self.write_failed,
        })
    }
}

fn report(
    story: &Story,
    result: Result<Outcome>,
    quiet: bool,
    many: bool,
    out: &mut dyn Write,
    summary: &mut Summary,
) -> Result<()> {
    match result {
        Ok(Outcome::Built { written, warnings }) => {
            summary.built += 1;
            if quiet {
                return Ok(());
            }
            for w in warnings {
                let prefix = if many {
                    label(&story.input) + "/"
                } else {
                    String::new()
                };
                crate::cli::term::warn(format_args!("{prefix}{}: {}", w.path, w.reason));
            }
            for path in written {
                line(out, &path.display().to_string())?;
            }
        }
        Ok(Outcome::UpToDate { files }) => {
            summary.current += 1;
            if !quiet {
                for path in files {
                    line(out, &format!("{} {UP_TO_DATE}", path.display()))?;
                }
            }
        }
        Err(e) => {
            summary.failed += 1;
            summary.write_failed |= matches!(e, Error::Write { .. });
            if !many {
                return Err(e);
            }
            crate::cli::term::error(format_args!("{}: {e}", label(&story.input)));
        }
    }
    Ok(())
}

fn label(path: &Path) -> String {
    path.display().to_string()
}

fn line(out: &mut dyn Write, text: &str) -> Result<()> {
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}
