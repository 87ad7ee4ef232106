//! Writing results: atomically (temporary file in the same folder, then rename), so a brief
//! is never left half-written, even when the run is interrupted.
//!
//! A brief and its companions (`brief.md`, `brief.html`, `brief.json`, the manifest) change
//! together: [`write_set`] writes every file to a temporary file, then records the renames
//! to come in a journal (`.brief-journal.json`, itself written atomically), then renames the
//! files (the manifest last) and removes the journal. A run killed before the journal exists
//! leaves the previous set untouched (its temporary files are removed by the next run); one
//! killed after it is completed by the next run ([`recover`]), and `brief check` reports the
//! folder as stale until then.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Write `bytes` to `path` atomically, creating the parent folder if needed.
///
/// A symbolic link is followed, so the file it points to is replaced and the link kept. A
/// special file (`/dev/null`, `/dev/stdout`, a named pipe) is written in place: renaming over
/// it would replace the device with a regular file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_atomic(&[(path, bytes)])
}

/// Write several files so that either all are replaced or, when anything fails before the
/// renames (disk full, a killed run), none is: every file is written to a temporary file in
/// its folder first, then all are renamed into place. Same rules as [`write_atomic`].
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<()> {
    let staged = stage_all(files)?;
    for (tmp, target, path) in staged.into_iter().flatten() {
        tmp.persist(&target).map_err(|e| Error::Write {
            path: path.to_path_buf(),
            source: e.error,
        })?;
    }
    Ok(())
}

/// The journal of a set write in progress, in the output folder.
pub const JOURNAL_NAME: &str = ".brief-journal.json";

/// Test hook: abort the process after this many steps of [`write_set`] (each temporary
/// file, the journal, each rename and the journal's removal is a step), as a kill would.
#[doc(hidden)]
pub const ABORT_AFTER_ENV: &str = "BRIEF_TEST_ABORT_AFTER_STEP";

/// The renames a journal promises: (temporary file, target), relative to the folder when
/// inside it.
type Journal = Vec<(String, String)>;

/// Write `files` into `dir` so that they change together or not at all (see the module
/// doc); the caller holds the folder's lock and has run [`recover`]. Order matters: the
/// last file (the manifest) is renamed last.
pub fn write_set(dir: &Path, files: &[(&Path, &[u8])]) -> Result<()> {
    let abort_after: Option<usize> = std::env::var(ABORT_AFTER_ENV)
        .ok()
        .and_then(|v| v.parse().ok());
    let mut steps = 0;
    let mut step = || {
        steps += 1;
        if abort_after == Some(steps) {
            std::process::abort();
        }
    };
    let mut staged = Vec::new();
    for s in stage_all(files)? {
        if let Some(s) = s {
            staged.push(s);
        }
        step();
    }
    let name = |p: &Path| match p.strip_prefix(dir) {
        Ok(rel) => rel.to_string_lossy().into_owned(),
        Err(_) => p.to_string_lossy().into_owned(),
    };
    let journal: Journal = staged
        .iter()
        .map(|(tmp, target, _)| (name(tmp.path()), name(target)))
        .collect();
    let journal_path = dir.join(JOURNAL_NAME);
    let text = serde_json::to_string(&journal).map_err(|e| Error::Write {
        path: journal_path.clone(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(&journal_path, text.as_bytes())?;
    step();
    for (tmp, target, path) in staged {
        tmp.persist(&target).map_err(|e| Error::Write {
            path: path.to_path_buf(),
            source: e.error,
        })?;
        step();
    }
    std::fs::remove_file(&journal_path).map_err(|source| Error::Write {
        path: journal_path,
        source,
    })?;
    step();
    Ok(())
}

/// Finish or undo what a killed [`write_set`] left in `dir`: with a journal, rename the
/// files it lists that are still waiting and remove it; then remove stray temporary files.
/// Returns whether an interrupted write was completed. The caller holds the folder's lock.
pub fn recover(dir: &Path) -> Result<bool> {
    let journal_path = dir.join(JOURNAL_NAME);
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    let completed = match std::fs::read_to_string(&journal_path) {
        Ok(text) => {
            // A journal that does not parse was never completed: nothing was renamed.
            let journal: Journal = serde_json::from_str(&text).unwrap_or_default();
            let finished = !journal.is_empty();
            for (tmp, target) in journal {
                let (tmp, target) = (dir.join(tmp), dir.join(target));
                if tmp.is_file() {
                    std::fs::rename(&tmp, &target).map_err(err(&target))?;
                }
            }
            std::fs::remove_file(&journal_path).map_err(err(&journal_path))?;
            finished
        }
        Err(_) => false,
    };
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(completed)
}

/// A file staged by [`stage`]: (temporary file, target, path as given).
type Staged<'a> = (tempfile::NamedTempFile, PathBuf, &'a Path);

/// At most this many files are staged at once. Staging is mostly waiting for `fsync`, one
/// file after another about 4 ms on this machine's disk; waits side by side overlap (and the
/// file system commits them together): an edition's 2,500 files took 9.6 s one by one and
/// 0.6 s eight at a time. More threads than cores is the point: they wait, not compute.
const STAGE_THREADS: usize = 8;

/// [`stage`] every file, several at a time, the results in the order of `files`. On an
/// error, the first failing file's (in that order) is returned and every temporary file
/// already written is removed (dropped), as when staging one by one stopped there.
fn stage_all<'a>(files: &[(&'a Path, &[u8])]) -> Result<Vec<Option<Staged<'a>>>> {
    let threads = STAGE_THREADS.min(files.len());
    if threads <= 1 {
        return files
            .iter()
            .map(|&(path, bytes)| stage(path, bytes))
            .collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Option<Staged<'a>>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&(path, bytes)) = files.get(i) else {
                            break;
                        };
                        mine.push((i, stage(path, bytes)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(mine) => mine,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Write `bytes` to a temporary file beside `path`'s target: (file, target, path). `None`
/// for a special file, written in place.
fn stage<'a>(path: &'a Path, bytes: &[u8]) -> Result<Option<Staged<'a>>> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        std::fs::write(path, bytes).map_err(err)?;
        return Ok(None);
    }
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(err)?,
        _ => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    // A temporary file is private (0600); the result keeps the mode of the file it
    // replaces, or gets the usual 0644, so a web server or a colleague can read it.
    let mode = match std::fs::metadata(&target) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(mode) = mode {
        tmp.as_file().set_permissions(mode).map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    Ok(Some((tmp, target, path)))
}

/// Name prefix of temporary files (a run killed between write and rename leaves one behind).
pub const TEMP_PREFIX: &str = ".brief-";
/// Name suffix of temporary files.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Permissions for a new file: 0644 on Unix; elsewhere the temporary file's own are fine.
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Permissions for a new file: 0644 on Unix; elsewhere the temporary file's own are fine.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/brief.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["brief.md"]);
    }

    #[test]
    fn special_files_are_written_in_place_and_links_followed() {
        write_atomic(Path::new("/dev/null"), b"x").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null is still a device");

        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.md");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn unwritable_target_is_an_error_naming_it() {
        let err = write_atomic(Path::new("/proc/no/such/brief.md"), b"x").unwrap_err();
        assert!(err.to_string().contains("/proc/no/such/brief.md"));
    }
}
