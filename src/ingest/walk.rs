//! Find the article files under a folder: recursive, sorted, `.txt` and `.md` only.

use std::path::{Path, PathBuf};

use super::Warning;
use crate::error::{Error, Result};

/// Extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Files that live beside articles and are not articles themselves.
const IGNORED_NAMES: &[&str] = &["brief.toml", "brief.md", "brief.html", "brief.json"];

/// One article file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    /// Full path to read.
    pub path: PathBuf,
    /// Path relative to the input folder, `/`-separated: the name shown to users.
    pub rel: String,
}

/// Walk `dir` recursively in sorted order. A single file is accepted as a folder of one.
/// Hidden files and folders (`.git`, `.DS_Store`) are passed over silently; other
/// non-article files are returned as warnings naming them.
pub fn article_files(dir: &Path) -> Result<(Vec<ArticleFile>, Vec<Warning>)> {
    let meta = std::fs::metadata(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    if meta.is_file() {
        let rel = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push(ArticleFile {
            path: dir.to_path_buf(),
            rel,
        });
        return Ok((files, warnings));
    }
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| relative(dir, p)).unwrap_or_default();
                warnings.push(Warning {
                    path,
                    reason: format!("cannot read: {err}"),
                });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative(dir, entry.path());
        let name = entry.file_name().to_string_lossy();
        if IGNORED_NAMES.contains(&name.as_ref()) || rel.starts_with("brief.") {
            continue;
        }
        let ext = entry
            .path()
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
            files.push(ArticleFile {
                path: entry.path().to_path_buf(),
                rel,
            });
        } else {
            let kind = if ext.is_empty() {
                "no extension".to_string()
            } else {
                format!(".{ext}")
            };
            warnings.push(Warning {
                path: rel,
                reason: format!("skipped: {kind} is not an article format (.txt, .md)"),
            });
        }
    }
    Ok((files, warnings))
}

/// `path` relative to `root`, with `/` separators on every platform.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_recursive_and_warns_on_other_kinds() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("b")).unwrap();
        std::fs::write(root.join("b/z.md"), "x").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join("c.pdf"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join("brief.toml"), "x").unwrap();
        let (files, warnings) = article_files(root).unwrap();
        let rels: Vec<_> = files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.txt", "b/z.md"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, "c.pdf");
        assert!(warnings[0].reason.contains(".pdf"));
    }

    #[test]
    fn missing_folder_is_an_error_naming_it() {
        let err = article_files(Path::new("/no/such/folder")).unwrap_err();
        assert!(err.to_string().contains("/no/such/folder"));
    }
}
