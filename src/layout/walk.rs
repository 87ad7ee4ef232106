//! The one folder walk: the article files under a folder, recursive and sorted, and a
//! warning for every other entry that is not hidden or one of a brief's own files.
//!
//! Ingest reads what it returns and the manifest hashes exactly that, so every skip rule
//! applies to both. Symbolic links are followed (a loop is detected and skipped with a
//! warning); files that are not regular files (named pipes, sockets, devices, a link to
//! `/dev/zero`) are never opened, since reading a pipe could block forever and a device
//! never ends; a file larger than [`MAX_ARTICLE_BYTES`] is skipped when read.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{ARTICLE_EXTENSIONS, extension, is_archive, is_hidden, is_reserved};
use crate::document::Warning;
use crate::error::{Error, Result};

/// Largest file read as an article: 10 MiB. A news article is rarely over 100 KB of text
/// and a saved page rarely over 5 MB; anything bigger is a mistake (a log, a dump, a book)
/// and reading it would only slow the run down.
pub const MAX_ARTICLE_BYTES: u64 = 10 * 1024 * 1024;

/// One article file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    /// Full path to read.
    pub path: PathBuf,
    /// Path relative to the input folder, `/`-separated: the name shown to users (see
    /// [`display_name`] for names that are not UTF-8).
    pub rel: String,
}

/// What the walk found: the article files to read, in order, and the entries skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    /// Article files, sorted by path.
    pub files: Vec<ArticleFile>,
    /// Entries that are not articles (other formats, special files, link loops, unreadable
    /// folders), one warning each.
    pub warnings: Vec<Warning>,
}

/// Walk `dir` recursively in sorted order. A single file is accepted as a folder of one.
/// Hidden files and folders (`.git`, `.DS_Store`) and a brief's own files are passed over
/// silently; other non-article entries are returned as warnings naming them. Only an
/// unreadable `dir` is an error.
pub fn walk(dir: &Path) -> Result<Walk> {
    let (files, warnings) = article_files(dir)?;
    Ok(Walk { files, warnings })
}

/// Whether `dir` holds at least one article file (at any depth), by the walk's rules.
pub fn has_articles(dir: &Path) -> bool {
    walk(dir).is_ok_and(|w| !w.files.is_empty())
}

fn article_files(dir: &Path) -> Result<(Vec<ArticleFile>, Vec<Warning>)> {
    let meta = std::fs::metadata(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    if meta.is_file() {
        let rel = dir.file_name().map(display_name).unwrap_or_default();
        files.push(ArticleFile {
            path: dir.to_path_buf(),
            rel,
        });
        return Ok((files, warnings));
    }
    let root = dir.canonicalize().ok();
    let mut links = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(&e.file_name().to_string_lossy()) {
                return false;
            }
            match folder_link(e, root.as_deref()) {
                Some(reason) => {
                    links.push(Warning {
                        path: relative(dir, e.path()),
                        reason,
                    });
                    false
                }
                None => true,
            }
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| relative(dir, p)).unwrap_or_default();
                warnings.push(Warning {
                    path,
                    reason: walk_error(dir, &err),
                });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative(dir, entry.path());
        let name = entry.file_name().to_string_lossy();
        if is_reserved(&name) || rel.starts_with("brief.") || is_archive(entry.path()) {
            continue;
        }
        let reason = if !entry.file_type().is_file() {
            Some(format!("skipped: {}", special_kind(&entry.file_type())))
        } else {
            let ext = extension(entry.path());
            (!ARTICLE_EXTENSIONS.contains(&ext.as_str())).then(|| unsupported(&ext))
        };
        match reason {
            Some(reason) => warnings.push(Warning { path: rel, reason }),
            None => files.push(ArticleFile {
                path: entry.path().to_path_buf(),
                rel,
            }),
        }
    }
    warnings.extend(links);
    Ok((files, warnings))
}

/// Why a symbolic link to a folder is not followed: it leads back to a folder that holds
/// it (a loop) or into the input folder itself (every file would be read twice).
fn folder_link(e: &walkdir::DirEntry, root: Option<&Path>) -> Option<String> {
    if !(e.path_is_symlink() && e.file_type().is_dir()) {
        return None;
    }
    let (root, target) = (root?, e.path().canonicalize().ok()?);
    if root.starts_with(&target) {
        Some("skipped: symbolic link loop (points back to a folder that holds it)".into())
    } else if target.starts_with(root) {
        Some("skipped: symbolic link to a folder that is read anyway".into())
    } else {
        None
    }
}

/// Read a file, refusing one over [`MAX_ARTICLE_BYTES`]. `Err` holds the reason.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    // Read one byte past the limit, so a file that grew after the walk is caught too.
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(format!(
            "skipped: larger than {} MiB, the limit for one article",
            MAX_ARTICLE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// Why a file with extension `ext` is not read, in plain words.
fn unsupported(ext: &str) -> String {
    let kind = match ext {
        "" => return "skipped: no extension (articles are .txt, .md or .html)".into(),
        "pdf" => "a PDF document",
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "heic" | "bmp" | "tif" | "tiff" => {
            "an image"
        }
        "doc" | "docx" | "odt" | "rtf" | "pages" => "a word-processor document",
        "zip" | "gz" | "tgz" | "7z" | "rar" => "an archive",
        _ => return format!("skipped: .{ext} is not an article format (.txt, .md, .html)"),
    };
    format!("skipped: .{ext} is {kind}, not an article format (save it as .txt, .md or .html)")
}

/// What a walk error means, in plain words.
fn walk_error(dir: &Path, err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        // Named relative to the input folder, so the warning (and the manifest, which
        // hashes it) reads the same however the folder was spelled (`sources`, `./sources`).
        return match relative(dir, ancestor) {
            rel if rel.is_empty() => {
                "skipped: symbolic link loop (back to the input folder)".into()
            }
            rel => format!("skipped: symbolic link loop (back to {rel})"),
        };
    }
    match err.io_error() {
        Some(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "skipped: broken symbolic link (its target does not exist)".into()
        }
        Some(e) => format!("cannot read: {e}"),
        None => format!("cannot read: {err}"),
    }
}

/// The kind of a file that is neither a regular file nor a folder.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe, not a regular file";
        }
        if ft.is_socket() {
            return "a socket, not a regular file";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device, not a regular file";
        }
    }
    let _ = ft;
    "not a regular file"
}

/// `path` relative to `root`, with `/` separators on every platform.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| display_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file name as text, one to one: UTF-8 names as they are, except that a backslash is
/// doubled; on Unix, each byte that is not UTF-8 as `\xNN`. Two names that differ on disk
/// never read alike (the lossy form would show both as `\u{fffd}`), so their warnings,
/// citations and manifest entries stay apart.
pub fn display_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(&chunk.valid().replace('\\', "\\\\"));
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02X}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().replace('\\', "\\\\")
    }
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
        assert!(warnings[0].reason.contains("PDF"));
    }

    #[test]
    fn the_archive_of_built_days_is_not_an_article() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let day = root.join("2026-12-07");
        std::fs::create_dir_all(day.join("sources")).unwrap();
        std::fs::write(day.join("sources/a.md"), "x").unwrap();
        std::fs::write(day.join("brief.md"), "x").unwrap();
        std::fs::write(day.join(super::super::MANIFEST_FILE), "{}").unwrap();
        std::fs::write(root.join("index.md"), "x").unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        let (files, warnings) = article_files(root).unwrap();
        let rels: Vec<_> = files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["2026-12-07/sources/a.md"]);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn missing_folder_is_an_error_naming_it() {
        let err = article_files(Path::new("/no/such/folder")).unwrap_err();
        assert!(err.to_string().contains("/no/such/folder"));
    }
}
