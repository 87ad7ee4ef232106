//! Unattended use: many briefs under one root, incremental rebuilds, `check`, `diff`, `watch`.
//!
//! A root folder holds one story per sub-folder. `briefings/<story>/sources` is built beside
//! its `sources` folder (`briefings/<story>/brief.md`); any other folder with articles,
//! `inbox/2026-11-21`, is built into `briefings/2026-11-21/` (the same rules as a single
//! `brief build`). Each brief records a [`manifest`] of what it was built from; a brief
//! whose manifest matches is skipped, and `check` names those that do not match.

pub mod build;
pub mod changes;
pub mod check;
pub mod lock;
pub mod manifest;
pub mod watch;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::ingest::walk::ARTICLE_EXTENSIONS;
use crate::rank::select::Budget;
use crate::render::Format;

/// One brief to build: where its articles are and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The article folder.
    pub input: PathBuf,
    /// The folder brief.md and the manifest are written to.
    pub out_dir: PathBuf,
    /// The root whose `brief.toml` holds defaults, when built as part of a root.
    pub root: Option<PathBuf>,
}

/// Settings from the command line for building stories (flags win over `brief.toml`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Summary length.
    pub budget: Option<Budget>,
    /// Formats to write (default: `brief.toml`'s `formats`, else Markdown and HTML).
    pub formats: Option<Vec<Format>>,
    /// Templates folder.
    pub templates: Option<PathBuf>,
    /// Rebuild even when the manifest matches.
    pub force: bool,
    /// Print nothing but errors.
    pub quiet: bool,
}

impl Story {
    /// The story of a single `brief build INPUT [--out-dir DIR]`.
    pub fn single(input: &Path, out_dir: Option<&Path>) -> Story {
        Story {
            input: input.to_path_buf(),
            out_dir: out_dir.map_or_else(|| crate::run::default_out_dir(input), Path::to_path_buf),
            root: None,
        }
    }
}

/// The stories under `root`, sorted: `root` itself when it has a `sources` folder; else
/// each sub-folder with a `sources` folder or with articles; else `root` itself when it
/// holds articles. `out_base` replaces `briefings/` as the parent of each story's output.
pub fn discover(root: &Path, out_base: Option<&Path>) -> Result<Vec<Story>> {
    let out_for = |input: &Path| match out_base {
        Some(base) => base.join(crate::story_name(input)),
        None => crate::run::default_out_dir(input),
    };
    if root.join("sources").is_dir() {
        let input = root.join("sources");
        return Ok(vec![Story {
            out_dir: out_for(&input),
            input,
            root: None,
        }]);
    }
    let entries = std::fs::read_dir(root).map_err(|source| Error::Read {
        path: root.to_path_buf(),
        source,
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    let mut stories = Vec::new();
    for dir in dirs {
        let input = if dir.join("sources").is_dir() {
            dir.join("sources")
        } else if has_articles(&dir) {
            dir
        } else {
            continue;
        };
        stories.push(Story {
            out_dir: out_for(&input),
            input,
            root: Some(root.to_path_buf()),
        });
    }
    if stories.is_empty() && has_articles(root) {
        stories.push(Story {
            out_dir: out_for(root),
            input: root.to_path_buf(),
            root: None,
        });
    }
    if stories.is_empty() {
        return Err(Error::Usage(format!(
            "no story under {}: expected sub-folders of articles (or of sources/)",
            root.display()
        )));
    }
    Ok(stories)
}

/// Whether `dir` holds an article file (at any depth; hidden and `brief.*` files aside).
fn has_articles(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| e.ok())
        .any(|e| {
            let name = e.file_name().to_string_lossy();
            let ext = e
                .path()
                .extension()
                .map(|x| x.to_string_lossy().to_ascii_lowercase());
            e.file_type().is_file()
                && !name.starts_with("brief.")
                && ext.is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.as_str()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_under_a_root() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path();
        for f in ["a/sources/x.md", "b/y.txt", "c/brief.md", ".git/z.md"] {
            std::fs::create_dir_all(r.join(f).parent().unwrap()).unwrap();
            std::fs::write(r.join(f), "text").unwrap();
        }
        let stories = discover(r, Some(Path::new("out"))).unwrap();
        let got: Vec<_> = stories
            .iter()
            .map(|s| (s.input.clone(), s.out_dir.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (r.join("a/sources"), PathBuf::from("out/a")),
                (r.join("b"), PathBuf::from("out/b"))
            ]
        );
        let one = discover(&r.join("a"), None).unwrap();
        assert_eq!(one[0].out_dir, r.join("a"));
    }
}
