//! Settings are resolved here, and only here: flags over `brief.toml` (the story's over the
//! root's) over the defaults. Then the one path from a folder to rendered text.

use std::path::{Path, PathBuf};

use brief::brief::Brief;
use brief::config::{Config, EditionMode, EmailConfig};
use brief::error::Result;
use brief::layout::{Format, Walk};
use brief::rank::select::Budget;
use brief::render::{Meta, Renderer};

use super::args::{EmailArgs, LengthArgs};

/// The flags that change what is built or written; `None` leaves `brief.toml` in charge.
#[derive(Debug, Clone, Default)]
pub(crate) struct Flags {
    /// Summary length.
    pub(crate) budget: Option<Budget>,
    /// Weight of entity salience in sentence value (`summarize`).
    pub(crate) salience_weight: Option<f64>,
    /// Weight of centrality in sentence value (`summarize`).
    pub(crate) centrality_weight: Option<f64>,
    /// Formats to write.
    pub(crate) formats: Option<Vec<Format>>,
    /// Templates folder.
    pub(crate) templates: Option<PathBuf>,
    /// `--edition` / `--single`.
    pub(crate) mode: Option<EditionMode>,
}

impl Flags {
    /// The length flags (`--sentences`, `--words`, and `--bytes` where a command has it).
    pub(crate) fn with_length(length: &LengthArgs, bytes: Option<usize>) -> Flags {
        let budget = match (bytes, length.sentences, length.words) {
            (Some(n), _, _) => Some(Budget::Bytes(n)),
            (None, Some(n), _) => Some(Budget::Sentences(n as usize)),
            (None, None, Some(n)) => Some(Budget::Words(n as usize)),
            (None, None, None) => None,
        };
        Flags {
            budget,
            ..Flags::default()
        }
    }
}

/// A story's resolved settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// The library's configuration, flags applied.
    pub(crate) cfg: Config,
    /// Formats to write (default: `brief.toml`'s `formats`, else Markdown and HTML).
    pub(crate) formats: Vec<Format>,
    /// Templates folder, when not the built-in templates.
    pub(crate) templates: Option<PathBuf>,
    /// One story or an edition: flags over `[edition] mode` over auto.
    pub(crate) mode: EditionMode,
}

impl Settings {
    /// Resolve the settings of the articles in `input` (under `root`'s `brief.toml`, when
    /// built as part of a root).
    pub(crate) fn resolve(input: &Path, root: Option<&Path>, flags: &Flags) -> Result<Settings> {
        let mut cfg = Config::resolve_in(input, root)?;
        let select = &mut cfg.analysis.select;
        if let Some(b) = flags.budget {
            select.budget = b;
        }
        if let Some(w) = flags.salience_weight {
            select.salience_weight = w;
        }
        if let Some(w) = flags.centrality_weight {
            select.centrality_weight = w;
        }
        let formats = flags
            .formats
            .clone()
            .or_else(|| cfg.formats.clone())
            .unwrap_or_else(|| vec![Format::Md, Format::Html]);
        let templates = flags.templates.clone().or_else(|| cfg.templates.clone());
        let mode = flags.mode.or(cfg.edition.mode).unwrap_or_default();
        if let Some(dir) = &templates {
            brief::render::check_templates_dir(dir)?;
        }
        Ok(Settings {
            cfg,
            formats,
            templates,
            mode,
        })
    }

    /// The templates these settings render with.
    pub(crate) fn renderer(&self) -> Result<Renderer> {
        Renderer::new(self.templates.as_deref())
    }
}

/// The article folder whose settings `brief email INPUT` and `build` read, and the root above it.
///
/// INPUT is a folder of articles, a story folder holding `sources/`, or a brief folder
/// (`briefings/DAY`, whose manifest records where its articles are, e.g. `inbox/DAY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryFolders {
    /// The article folder: its `brief.toml` wins over the root's.
    pub(crate) story: PathBuf,
    /// The folder above it (`inbox/` for `inbox/DAY`, `briefings/` for
    /// `briefings/x/sources`), whose `brief.toml` holds the defaults.
    pub(crate) root: Option<PathBuf>,
}

impl StoryFolders {
    /// Find the article folder of INPUT and its root.
    pub(crate) fn of(input: &Path) -> StoryFolders {
        let recorded = || {
            let source = brief::manifest::load(input)?.source?;
            Some(input.join(source)).filter(|p| p.is_dir())
        };
        let story = if input.join(brief::layout::SOURCES).is_dir() {
            input.join(brief::layout::SOURCES)
        } else {
            recorded().unwrap_or_else(|| input.to_path_buf())
        };
        let root = parent_root(&story);
        StoryFolders { story, root }
    }
}

/// The root above a story's article folder: its parent, or for a `sources` folder the
/// parent of the story folder. `None` at the top of the file system.
pub(crate) fn parent_root(story: &Path) -> Option<PathBuf> {
    let canonical = story.canonicalize().ok()?;
    let dir = if brief::layout::is_sources(&canonical) {
        canonical.parent()?
    } else {
        canonical.as_path()
    };
    dir.parent().map(Path::to_path_buf)
}

/// The root whose `brief.toml` holds defaults for a story built on its own
/// (`brief build inbox/DAY`): the folder above it ([`parent_root`]), when it has a
/// `brief.toml`. The same file `--all`, `check` and `watch` read from the root they are given.
pub(crate) fn implicit_root(input: &Path) -> Option<PathBuf> {
    parent_root(input).filter(|root| root.join(brief::layout::CONFIG_FILE).is_file())
}

/// Where `brief email INPUT` sends, in this order: the flags, then the `[email]` table of
/// the story's `brief.toml` (the article folder of INPUT, see [`StoryFolders`]), then that
/// of the root above it (`inbox/brief.toml` for `inbox/DAY` or `briefings/DAY`).
pub(crate) fn email(input: &Path, args: &EmailArgs) -> Result<EmailConfig> {
    let folders = StoryFolders::of(input);
    let file = Config::resolve_in(&folders.story, folders.root.as_deref())?.email;
    Ok(EmailConfig {
        to: if args.to.is_empty() {
            file.to
        } else {
            args.to.clone()
        },
        from: args.from.clone().or(file.from),
        subject: args.subject.clone().or(file.subject),
        smtp: args.smtp.clone().or(file.smtp),
    })
}

/// A brief and its text in each format asked for.
pub(crate) struct Rendered {
    /// The brief (its warnings are printed by the caller).
    pub(crate) brief: Brief,
    /// Each format's text, in the order asked for.
    pub(crate) texts: Vec<(Format, String)>,
}

/// The one path from a folder to rendered text, for every command that renders (`build -o`,
/// `build` into a folder, `--all`, `watch`, `email`): load the templates (so an error in them
/// shows before the slow part), build the brief from the walk, then `meta` (what changed,
/// known only once the brief is) and each format's text.
pub(crate) fn render(
    settings: &Settings,
    walk: &Walk,
    formats: &[Format],
    meta: impl FnOnce(&Brief) -> Meta,
) -> Result<Rendered> {
    let renderer = settings.renderer()?;
    log_inputs(settings, walk);
    let brief = brief::build_walked(walk, &settings.cfg)?;
    finish(&renderer, brief, formats, meta)
}

/// With `-v`: the settings, templates and files a build reads, and the entries it skips.
pub(crate) fn log_inputs(settings: &Settings, walk: &Walk) {
    if super::term::verbose() {
        let input = settings.cfg.input.display();
        for file in &settings.cfg.files {
            super::term::info(format_args!("settings: {}", file.display()));
        }
        if let Some(dir) = &settings.templates {
            super::term::info(format_args!("templates: {}", dir.display()));
        }
        for file in &walk.files {
            super::term::info(format_args!("read: {} (in {input})", file.rel));
        }
        for w in &walk.warnings {
            super::term::info(format_args!(
                "skipped: {} (in {input}): {}",
                w.path, w.reason
            ));
        }
    }
}

/// [`render`] for documents already read (the one-story case of a folder whose stories
/// were looked at first): the same brief and texts.
pub(crate) fn render_documents(
    settings: &Settings,
    docs: Vec<brief::ingest::Document>,
    warnings: Vec<brief::ingest::Warning>,
    formats: &[Format],
    meta: impl FnOnce(&Brief) -> Meta,
) -> Result<Rendered> {
    let renderer = settings.renderer()?;
    let brief = brief::brief_documents(docs, warnings, &settings.cfg);
    finish(&renderer, brief, formats, meta)
}

/// The texts of a brief in each format, `meta` known once the brief is.
fn finish(
    renderer: &Renderer,
    brief: Brief,
    formats: &[Format],
    meta: impl FnOnce(&Brief) -> Meta,
) -> Result<Rendered> {
    let meta = meta(&brief);
    let texts = formats
        .iter()
        .map(|&f| Ok((f, renderer.render(&brief, f, &meta)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Rendered { brief, texts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("brief.toml"),
            "formats = [\"json\"]\n[summary]\nwords = 99\n",
        )
        .unwrap();
        let s = Settings::resolve(dir.path(), None, &Flags::default()).unwrap();
        assert_eq!(s.cfg.analysis.select.budget, Budget::Words(99));
        assert_eq!(s.formats, [Format::Json]);
        let flags = Flags {
            budget: Some(Budget::Sentences(2)),
            formats: Some(vec![Format::Md]),
            ..Flags::default()
        };
        let s = Settings::resolve(dir.path(), None, &flags).unwrap();
        assert_eq!(s.cfg.analysis.select.budget, Budget::Sentences(2));
        assert_eq!(s.formats, [Format::Md]);
        let empty = tempfile::tempdir().unwrap();
        let s = Settings::resolve(empty.path(), None, &Flags::default()).unwrap();
        assert_eq!(s.formats, [Format::Md, Format::Html]);
    }
}
