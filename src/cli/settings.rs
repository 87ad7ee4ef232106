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

/// Where `brief email INPUT` sends: its flags over the `[email]` table of the story's
/// `brief.toml` (in INPUT, or in its `sources` folder for a brief folder).
pub(crate) fn email(input: &Path, args: &EmailArgs) -> Result<EmailConfig> {
    let file = Config::resolve(&brief::layout::story_input(input))?.email;
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
    let brief = brief::build_walked(walk, &settings.cfg)?;
    finish(&renderer, brief, formats, meta)
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
