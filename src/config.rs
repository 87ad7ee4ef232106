//! Settings from files: the folder's optional `brief.toml` (over the root's, over the
//! defaults), resolved into a [`Config`]. The command line's flags are laid over it by the
//! binary, in one place; the library never sees a flag.
//!
//! ```toml
//! title = "Geneva talks, September 2016"   # the brief's title (default: most central headline)
//! formats = ["md", "html"]                 # what `build` writes (md, html, json)
//! templates = "my-templates"               # relative to this file's folder
//!
//! [outlets]                                # file name -> outlet, when detection is not enough
//! "003_ba1aaded70d261dc.txt" = "Daily Sabah"
//!
//! [[signature]]                            # extra outlet signatures: a line pattern -> outlet
//! outlet = "Harbour Ledger"
//! pattern = "^Harbour Ledger: news that"
//!
//! [summary]
//! sentences = 6                            # or: words = 150
//!
//! [email]                                  # for `brief email`; no secrets here
//! to = ["desk@example.org"]
//! from = "brief@example.org"
//! subject = "Morning brief"
//! smtp = "smtps://smtp.example.org:465"    # credentials: BRIEF_SMTP_USER / BRIEF_SMTP_PASSWORD
//!
//! [edition]                                # a folder of several stories (docs/edition.md)
//! mode = "auto"                            # or "edition" / "single" to force either
//! base_url = "https://desk.example.org/briefings/"  # for links in the emailed front page
//!
//! [labels."Harbour Ledger"]                # describe outlets: any label, any value
//! country = "Netherlands"
//! leaning = "centre-right"
//! ```
//!
//! A `brief.toml` at the
//! root given to `build --all`, `check` and `watch` holds defaults for every story under it,
//! and so does the one in the folder above a story built on its own (`brief build inbox/DAY`
//! reads `inbox/brief.toml`); the story's own file wins key by key. Unknown keys are errors naming the key, so a typo
//! never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::Settings;
use crate::ingest::{IngestConfig, outlet};
use crate::layout::{CONFIG_FILE as FILE_NAME, Format};
use crate::rank::select::Budget;

/// A folder's `brief.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FolderConfig {
    /// Title override.
    pub title: Option<String>,
    /// File name -> outlet name.
    #[serde(default)]
    pub outlets: BTreeMap<String, String>,
    /// Extra outlet signatures.
    #[serde(default)]
    pub signature: Vec<SignatureEntry>,
    /// Summary length.
    #[serde(default)]
    pub summary: SummaryConfig,
    /// Output formats `build` writes by default: "md", "html", "json".
    pub formats: Option<Vec<String>>,
    /// Templates folder (relative paths are resolved against the file's folder on load).
    pub templates: Option<PathBuf>,
    /// Email settings for `brief email`.
    #[serde(default)]
    pub email: EmailConfig,
    /// The daily edition: one brief per story when the folder holds several.
    #[serde(default)]
    pub edition: EditionConfig,
    /// Outlet name -> label -> value (`country = "UK"`), shown as each story's coverage.
    #[serde(default)]
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
}

/// Whether a folder is briefed as one story or as an edition of several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditionMode {
    /// An edition when story detection finds several stories told by several articles.
    #[default]
    Auto,
    /// Always an edition (front page + a brief per story).
    Edition,
    /// Always one brief of every article (the brief of a one-story folder).
    Single,
}

/// The `[edition]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionConfig {
    /// One story or an edition (default: decided from the articles).
    pub mode: Option<EditionMode>,
    /// Where the briefings folder is published: the emailed front page links to
    /// `BASE/DAY/stories/SLUG/brief.html`.
    pub base_url: Option<String>,
}

/// The `[email]` table: who the daily brief goes to, and through which server. Credentials
/// never go here: `brief email` reads them from `BRIEF_SMTP_USER` / `BRIEF_SMTP_PASSWORD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailConfig {
    /// Recipients' addresses.
    #[serde(default)]
    pub to: Vec<String>,
    /// Sender address.
    pub from: Option<String>,
    /// Subject line.
    pub subject: Option<String>,
    /// SMTP server URL (`smtp://host:25`, `smtps://host:465`), without user or password.
    pub smtp: Option<String>,
}

impl EmailConfig {
    /// `self`, with each setting it lacks taken from `defaults`.
    fn or(self, defaults: EmailConfig) -> EmailConfig {
        EmailConfig {
            to: if self.to.is_empty() {
                defaults.to
            } else {
                self.to
            },
            from: self.from.or(defaults.from),
            subject: self.subject.or(defaults.subject),
            smtp: self.smtp.or(defaults.smtp),
        }
    }
}

/// One `[[signature]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureEntry {
    /// Outlet name.
    pub outlet: String,
    /// Case-insensitive regular expression matched against single lines.
    pub pattern: String,
}

/// The `[summary]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryConfig {
    /// Number of summary sentences.
    pub sentences: Option<usize>,
    /// Summary length in words.
    pub words: Option<usize>,
}

impl FolderConfig {
    /// Read `brief.toml` from `dir` when present (a missing file is the default config).
    pub fn load(dir: &Path) -> Result<FolderConfig> {
        let path = dir.join(FILE_NAME);
        if !dir.is_dir() || !path.is_file() {
            return Ok(FolderConfig::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let mut cfg: FolderConfig = toml::from_str(&text).map_err(|e| Error::Config {
            path: path.clone(),
            message: e.message().to_string(),
        })?;
        if let Some(t) = cfg.templates.take() {
            cfg.templates = Some(if t.is_relative() { dir.join(t) } else { t });
        }
        if let Some(url) = &cfg.email.smtp
            && let Err(why) = crate::render::email::SmtpServer::parse_url(url)
        {
            return Err(Error::Config {
                path,
                message: format!("[email] smtp: {why}"),
            });
        }
        Ok(cfg)
    }

    /// `self` (a story's file) over `defaults` (the root's file): the story wins key by key;
    /// outlet maps are merged and signatures added.
    pub fn over(mut self, defaults: FolderConfig) -> FolderConfig {
        for (k, v) in defaults.outlets {
            self.outlets.entry(k).or_insert(v);
        }
        self.signature.extend(defaults.signature);
        if self.summary.sentences.is_none() && self.summary.words.is_none() {
            self.summary = defaults.summary;
        }
        FolderConfig {
            title: self.title.or(defaults.title),
            outlets: self.outlets,
            signature: self.signature,
            summary: self.summary,
            formats: self.formats.or(defaults.formats),
            templates: self.templates.or(defaults.templates),
            email: self.email.or(defaults.email),
            edition: EditionConfig {
                mode: self.edition.mode.or(defaults.edition.mode),
                base_url: self.edition.base_url.or(defaults.edition.base_url),
            },
            labels: {
                let mut labels = defaults.labels;
                labels.extend(self.labels);
                labels
            },
        }
    }

    /// Ingest settings: the outlet map and compiled signatures.
    pub fn ingest(&self, dir: &Path) -> Result<IngestConfig> {
        let mut signatures = Vec::new();
        for s in &self.signature {
            let sig = outlet::compile(&s.outlet, &s.pattern).map_err(|e| Error::Config {
                path: dir.join(FILE_NAME),
                message: format!("signature pattern for {}: {e}", s.outlet),
            })?;
            signatures.push(sig);
        }
        Ok(IngestConfig {
            outlets: self
                .outlets
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            signatures,
        })
    }
}

/// Everything a run needs, resolved from the folder's configuration (the binary lays the
/// flags over it).
#[derive(Debug, Clone)]
pub struct Config {
    /// The article folder (or single file).
    pub input: PathBuf,
    /// Ingest settings.
    pub ingest: IngestConfig,
    /// What the analysis stages read: summary selection and section limits.
    pub analysis: Settings,
    /// Title override.
    pub title: Option<String>,
    /// Formats `build` writes by default, from `brief.toml` (flags override).
    pub formats: Option<Vec<Format>>,
    /// Templates folder from `brief.toml` (flags override).
    pub templates: Option<PathBuf>,
    /// Email settings from `brief.toml`.
    pub email: EmailConfig,
    /// The `brief.toml` files read, story's first: their content is part of a brief's inputs.
    pub files: Vec<PathBuf>,
    /// The `[edition]` table.
    pub edition: EditionConfig,
    /// Outlet labels from `[labels]`: outlet -> label -> value.
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
}

impl Config {
    /// The settings of `input`: its `brief.toml` over the defaults.
    pub fn resolve(input: &Path) -> Result<Config> {
        Config::resolve_in(input, None)
    }

    /// Like [`Config::resolve`], with `root`'s `brief.toml` (when given) as defaults under
    /// the story's own.
    pub fn resolve_in(input: &Path, root: Option<&Path>) -> Result<Config> {
        let mut folder = FolderConfig::load(input)?;
        let mut files: Vec<PathBuf> = vec![input.join(FILE_NAME)];
        if let Some(root) = root.filter(|r| *r != input) {
            folder = folder.over(FolderConfig::load(root)?);
            files.push(root.join(FILE_NAME));
        }
        files.retain(|f| f.is_file());
        let formats = match &folder.formats {
            None => None,
            Some(names) => Some(parse_formats(names, &files)?),
        };
        let from_file = match (folder.summary.sentences, folder.summary.words) {
            (Some(_), Some(_)) => {
                return Err(Error::Config {
                    path: input.join(FILE_NAME),
                    message: "[summary] sets both sentences and words; keep one".into(),
                });
            }
            (Some(n), None) => Some(Budget::Sentences(n)),
            (None, Some(n)) => Some(Budget::Words(n)),
            (None, None) => None,
        };
        let mut analysis = Settings::default();
        if let Some(b) = from_file {
            analysis.select.budget = b;
        }
        Ok(Config {
            input: input.to_path_buf(),
            ingest: folder.ingest(input)?,
            analysis,
            title: folder.title.clone(),
            formats,
            templates: folder.templates.clone(),
            email: folder.email.clone(),
            files,
            edition: folder.edition.clone(),
            labels: folder.labels.clone(),
        })
    }
}

/// `formats = [...]` names -> formats; an unknown name is an error naming it.
fn parse_formats(names: &[String], files: &[PathBuf]) -> Result<Vec<Format>> {
    let path = files
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from(FILE_NAME));
    if names.is_empty() {
        return Err(Error::Config {
            path,
            message: "formats is empty: list one or more of md, html, json".into(),
        });
    }
    let mut formats = Vec::new();
    for name in names {
        let format = Format::from_name(name).ok_or_else(|| Error::Config {
            path: path.clone(),
            message: format!("formats: unknown format `{name}` (use md, html or json)"),
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    Ok(formats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_naming_the_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "[summary]\nsentense = 3\n").unwrap();
        let err = Config::resolve(dir.path()).unwrap_err().to_string();
        assert!(err.contains("sentense"), "{err}");
        assert!(err.contains("brief.toml"), "{err}");
    }

    #[test]
    fn the_file_sets_length_and_outlets() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[summary]\nwords = 99\n[outlets]\n\"a.txt\" = \"Wire\"\n",
        )
        .unwrap();
        let cfg = Config::resolve(dir.path()).unwrap();
        assert_eq!(cfg.analysis.select.budget, Budget::Words(99));
        assert_eq!(
            cfg.ingest.outlets,
            [("a.txt".to_string(), "Wire".to_string())]
        );
    }

    #[test]
    fn root_defaults_sit_under_the_story_file() {
        let root = tempfile::tempdir().unwrap();
        let story = root.path().join("day");
        std::fs::create_dir(&story).unwrap();
        std::fs::write(
            root.path().join(FILE_NAME),
            "formats = [\"md\", \"json\"]\ntemplates = \"tpl\"\n[summary]\nwords = 80\n\
             [email]\nto = [\"desk@example.org\"]\nsmtp = \"smtp://localhost:2525\"\n",
        )
        .unwrap();
        std::fs::write(story.join(FILE_NAME), "[email]\nsubject = \"Day\"\n").unwrap();
        let cfg = Config::resolve_in(&story, Some(root.path())).unwrap();
        assert_eq!(cfg.analysis.select.budget, Budget::Words(80));
        assert_eq!(cfg.formats, Some(vec![Format::Md, Format::Json]));
        assert_eq!(cfg.templates, Some(root.path().join("tpl")));
        assert_eq!(cfg.email.to, ["desk@example.org"]);
        assert_eq!(cfg.email.subject.as_deref(), Some("Day"));
        assert_eq!(cfg.files.len(), 2);
    }

    #[test]
    fn bad_formats_and_smtp_credentials_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "formats = [\"pdf\"]\n").unwrap();
        let err = Config::resolve(dir.path()).unwrap_err().to_string();
        assert!(err.contains("pdf"), "{err}");
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[email]\nsmtp = \"smtp://me:secret@host\"\n",
        )
        .unwrap();
        let err = Config::resolve(dir.path()).unwrap_err().to_string();
        assert!(err.contains("BRIEF_SMTP_PASSWORD"), "{err}");
        assert!(!err.contains("secret"), "the password is not echoed: {err}");
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[email]\nsmtp = \"http://mail.example.org\"\n",
        )
        .unwrap();
        let err = Config::resolve(dir.path()).unwrap_err().to_string();
        assert!(err.contains("smtps://HOST"), "{err}");
        std::fs::write(dir.path().join(FILE_NAME), "[email]\ncc = []\n").unwrap();
        let err = Config::resolve(dir.path()).unwrap_err().to_string();
        assert!(err.contains("cc"), "{err}");
    }
}
