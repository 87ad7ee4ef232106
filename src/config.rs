//! Settings: the folder's optional `brief.toml`, merged under the command-line flags.
//!
//! ```toml
//! title = "Geneva talks, September 2016"   # the brief's title (default: most central headline)
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
//! ```
//!
//! Unknown keys are errors naming the key, so a typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::ingest::{IngestConfig, outlet};
use crate::rank::select::{Budget, SelectConfig};

/// The name of the per-folder configuration file.
pub const FILE_NAME: &str = "brief.toml";

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
        toml::from_str(&text).map_err(|e| Error::Config {
            path,
            message: e.message().to_string(),
        })
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

/// Everything a run needs, resolved from flags and the folder's configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The article folder (or single file).
    pub input: PathBuf,
    /// Ingest settings.
    pub ingest: IngestConfig,
    /// Summary selection settings.
    pub select: SelectConfig,
    /// Title override.
    pub title: Option<String>,
}

impl Config {
    /// Resolve settings for `input`: `budget` from the flags wins over `brief.toml`.
    pub fn resolve(input: &Path, budget: Option<Budget>) -> Result<Config> {
        let folder = FolderConfig::load(input)?;
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
        let mut select = SelectConfig::default();
        if let Some(b) = budget.or(from_file) {
            select.budget = b;
        }
        Ok(Config {
            input: input.to_path_buf(),
            ingest: folder.ingest(input)?,
            select,
            title: folder.title.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_naming_the_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "[summary]\nsentense = 3\n").unwrap();
        let err = Config::resolve(dir.path(), None).unwrap_err().to_string();
        assert!(err.contains("sentense"), "{err}");
        assert!(err.contains("brief.toml"), "{err}");
    }

    #[test]
    fn flags_override_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[summary]\nwords = 99\n[outlets]\n\"a.txt\" = \"Wire\"\n",
        )
        .unwrap();
        let cfg = Config::resolve(dir.path(), None).unwrap();
        assert_eq!(cfg.select.budget, Budget::Words(99));
        assert_eq!(
            cfg.ingest.outlets,
            [("a.txt".to_string(), "Wire".to_string())]
        );
        let cfg = Config::resolve(dir.path(), Some(Budget::Sentences(2))).unwrap();
        assert_eq!(cfg.select.budget, Budget::Sentences(2));
    }
}
