//! On-disk conventions, each spelled once: what counts as an article, the `sources` folder
//! rule, the names of the files a brief writes (`brief.md`, `brief.html`, `brief.json`, the
//! manifest) and of its settings file (`brief.toml`), the output [`Format`]s, and the one
//! folder [`walk()`] that ingest reads and the manifest hashes.
//!
//! ```
//! use brief::layout::{Format, output_name, is_reserved};
//!
//! assert_eq!(output_name(Format::Html), "brief.html");
//! assert!(is_reserved("brief.toml") && !is_reserved("01-wire.md"));
//! ```

pub mod walk;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use walk::{ArticleFile, Walk, has_articles, walk};

/// The folder of articles inside a story folder: `briefings/x/sources` is built into
/// `briefings/x/`.
pub const SOURCES: &str = "sources";

/// The per-folder settings file.
pub const CONFIG_FILE: &str = "brief.toml";

/// The manifest a brief folder records what it was built from in (hidden, so never read as
/// an article).
pub const MANIFEST_FILE: &str = ".brief-manifest.json";

/// Extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "rss", "atom", "xml", "jsonl", "ndjson",
];

/// Extensions read as saved web pages.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// Output formats, with the file each is written to (`brief.<extension>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (the primary form).
    Md,
    /// A self-contained HTML page.
    Html,
    /// The Brief model as JSON.
    Json,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Format; 3] = [Format::Md, Format::Html, Format::Json];

    /// File extension (and file name stem `brief.<ext>`); also the format's name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format called `name` (`md`, `html`, `json`; also `markdown`, `htm`), any case.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format for a file name's extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path.extension()?.to_str()?)
    }
}

/// The file a format is written to in a brief folder: `brief.md`, `brief.html`, `brief.json`.
pub fn output_name(format: Format) -> String {
    format!("brief.{}", format.extension())
}

/// Whether a file name is one of a brief's own files (its settings or outputs), which are
/// never read as articles, at any depth.
pub fn is_reserved(name: &str) -> bool {
    name == CONFIG_FILE || Format::ALL.iter().any(|f| name == output_name(*f))
}

/// The archive's file name (without extension): `index.md`, `index.html`, `index.json` in
/// the folder above the built days.
pub const ARCHIVE_NAME: &str = "index";

/// Whether `path` is an archive page that `brief` wrote: an `index.md`, `index.html` or
/// `index.json` beside a folder holding a built brief or edition (its manifest). Such a page
/// is never read as an article; an `index.html` anywhere else (a saved web page) still is.
pub fn is_archive(path: &Path) -> bool {
    let is_archive_name =
        path.file_stem().is_some_and(|s| s == ARCHIVE_NAME) && Format::from_path(path).is_some();
    if !is_archive_name {
        return false;
    }
    let Some(Ok(entries)) = path.parent().map(std::fs::read_dir) else {
        return false;
    };
    entries
        .filter_map(|e| e.ok())
        .any(|e| e.path().join(MANIFEST_FILE).is_file())
}

/// Whether a file or folder name is hidden (`.git`, `.DS_Store`, the manifest): passed over
/// silently by the walk, and never a reason to rebuild.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Whether `path`'s extension makes it an article file.
pub fn is_article_path(path: &Path) -> bool {
    ARTICLE_EXTENSIONS.contains(&extension(path).as_str())
}

/// Whether `path` names a saved web page (by its extension).
pub fn is_html(path: &Path) -> bool {
    HTML_EXTENSIONS.contains(&extension(path).as_str())
}

/// The lowercased extension of `path` ("" when it has none).
pub(crate) fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether `input` is a story's `sources` folder (its brief goes beside it).
pub fn is_sources(input: &Path) -> bool {
    input.file_name().is_some_and(|n| n == SOURCES) && input.is_dir()
}

/// The article folder of a story folder: `dir/sources` when there is one, else `dir`.
pub fn story_input(dir: &Path) -> PathBuf {
    let sources = dir.join(SOURCES);
    if sources.is_dir() {
        sources
    } else {
        dir.to_path_buf()
    }
}

/// A readable story name from the input path: the folder name, or its parent's when the
/// folder is called `sources`.
pub fn story_name(input: &Path) -> String {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let canonical = input.canonicalize().unwrap_or_else(|_| input.to_path_buf());
    match name(&canonical) {
        Some(n) if n == SOURCES => canonical.parent().and_then(name).unwrap_or(n),
        Some(n) => n,
        None => "brief".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_paths() {
        assert_eq!(
            Format::from_path(Path::new("x/brief.HTML")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
        assert_eq!(Format::from_name("markdown"), Some(Format::Md));
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.extension()), Some(f));
        }
    }

    #[test]
    fn reserved_names() {
        for n in ["brief.toml", "brief.md", "brief.html", "brief.json"] {
            assert!(is_reserved(n), "{n}");
        }
        assert!(!is_reserved("brief.txt"));
    }

    #[test]
    fn an_archive_page_is_known_by_the_built_folder_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["index.md", "index.html", "index.json", "index.txt"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        // Without a built folder beside it, `index.html` is a saved page like any other.
        assert!(!is_archive(&root.join("index.html")));
        std::fs::create_dir(root.join("2026-12-07")).unwrap();
        std::fs::write(root.join("2026-12-07").join(MANIFEST_FILE), "{}").unwrap();
        for name in ["index.md", "index.html", "index.json"] {
            assert!(is_archive(&root.join(name)), "{name}");
        }
        assert!(!is_archive(&root.join("index.txt")));
        assert!(!is_archive(&root.join("2026-12-07").join("brief.md")));
    }

    #[test]
    fn story_names_and_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("suez");
        std::fs::create_dir_all(story.join(SOURCES)).unwrap();
        assert_eq!(story_name(&story.join(SOURCES)), "suez");
        assert_eq!(story_input(&story), story.join(SOURCES));
        assert!(is_sources(&story.join(SOURCES)));
        assert_eq!(story_input(&story.join(SOURCES)), story.join(SOURCES));
    }
}
