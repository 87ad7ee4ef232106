//! Where output goes, and unattended use: many briefs under one root, incremental rebuilds,
//! `check`, `watch`.
//!
//! A single `brief build DIR` writes beside a folder named `sources`
//! (`briefings/<story>/sources` -> `briefings/<story>/brief.md`), else into
//! `briefings/DIR/`. A root folder holds one story per sub-folder, each built by the same
//! rules (`inbox/2026-11-21` -> `briefings/2026-11-21/`). Each brief records a
//! [manifest](brief::manifest) of what it was built from; a brief whose manifest matches is
//! skipped, and `check` names those that do not match.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod edition;
pub(crate) mod lock;
pub(crate) mod watch;

use std::path::{Path, PathBuf};

use brief::error::{Error, Result};
use brief::layout::{self, SOURCES, has_articles, is_hidden, story_name};

use super::settings::Flags;

/// One brief to build: where its articles are and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Story {
    /// The article folder.
    pub(crate) input: PathBuf,
    /// The folder brief.md and the manifest are written to.
    pub(crate) out_dir: PathBuf,
    /// The root whose `brief.toml` holds defaults, when built as part of a root.
    pub(crate) root: Option<PathBuf>,
    /// The folder of dated output folders this one sits in (`briefings/`), when its place
    /// was chosen by the layout rules or `--all`: where the previous edition is looked for
    /// and the archive written. `None` for an explicit `--out-dir` of one build.
    pub(crate) archive: Option<PathBuf>,
}

/// Settings from the command line for building stories (flags win over `brief.toml`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// What the flags set.
    pub(crate) flags: Flags,
    /// Rebuild even when the manifest matches.
    pub(crate) force: bool,
    /// Print nothing but errors.
    pub(crate) quiet: bool,
    /// `--previous PATH`: the edition to compare with, instead of the one found by name.
    pub(crate) previous: Option<PathBuf>,
}

impl Story {
    /// The story of a single `brief build INPUT [--out-dir DIR]`.
    pub(crate) fn single(input: &Path, out_dir: Option<&Path>) -> Story {
        let out = out_dir.map_or_else(|| default_out_dir(input), Path::to_path_buf);
        Story {
            archive: out_dir.is_none().then(|| parent_of(&out)).flatten(),
            input: input.to_path_buf(),
            out_dir: out,
            root: super::settings::implicit_root(input),
        }
    }
}

/// The folder an output folder sits in, when it has a named one.
fn parent_of(out_dir: &Path) -> Option<PathBuf> {
    out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
}

/// Where `build` writes by default: beside a folder named `sources`, else briefings/NAME.
pub(crate) fn default_out_dir(input: &Path) -> PathBuf {
    match input.parent() {
        Some(parent) if layout::is_sources(input) => {
            if parent.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                parent.to_path_buf()
            }
        }
        _ => PathBuf::from("briefings").join(story_name(input)),
    }
}

/// `to` as a `/`-separated path relative to the folder `from` (both must exist):
/// `briefings/DAY` -> `inbox/DAY` is `../../inbox/DAY`. `None` when a path is not UTF-8.
pub(crate) fn relative_path(from: &Path, to: &Path) -> Option<String> {
    use std::path::Component;
    let (from, to) = (from.canonicalize().ok()?, to.canonicalize().ok()?);
    let (a, b): (Vec<Component<'_>>, Vec<Component<'_>>) =
        (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = vec![".."; a.len() - common];
    for c in &b[common..] {
        parts.push(c.as_os_str().to_str()?);
    }
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

/// The stories under `root`, sorted: `root` itself when it has a `sources` folder; else
/// each sub-folder with a `sources` folder or with articles; else `root` itself when it
/// holds articles. `out_base` replaces `briefings/` as the parent of each story's output.
pub(crate) fn discover(root: &Path, out_base: Option<&Path>) -> Result<Vec<Story>> {
    let out_for = |input: &Path| match out_base {
        Some(base) => base.join(story_name(input)),
        None => default_out_dir(input),
    };
    if root.join(SOURCES).is_dir() {
        let input = root.join(SOURCES);
        let out_dir = out_for(&input);
        return Ok(vec![Story {
            archive: parent_of(&out_dir),
            out_dir,
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
        .filter(|e| !is_hidden(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    let mut stories = Vec::new();
    for dir in dirs {
        let input = if dir.join(SOURCES).is_dir() {
            dir.join(SOURCES)
        } else if has_articles(&dir) {
            dir
        } else {
            continue;
        };
        let out_dir = out_for(&input);
        stories.push(Story {
            archive: parent_of(&out_dir),
            out_dir,
            input,
            root: Some(root.to_path_buf()),
        });
    }
    if stories.is_empty() && has_articles(root) {
        let out_dir = out_for(root);
        stories.push(Story {
            archive: parent_of(&out_dir),
            out_dir,
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
        let rel = |from: &str, to: &str| relative_path(&r.join(from), &r.join(to));
        assert_eq!(rel("a", "a/sources").as_deref(), Some("sources"));
        assert_eq!(rel("c", "b").as_deref(), Some("../b"));
        assert_eq!(rel("a/sources", "b").as_deref(), Some("../../b"));
    }
}
