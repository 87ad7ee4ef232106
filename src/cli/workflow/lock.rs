//! One writer per brief: an exclusive OS file lock held while a brief is checked, built and
//! written, so two runs on the same root never interleave their writes.
//!
//! The lock file lives in the system's temporary folder (`brief-locks-USER/`), named by a hash
//! of the output folder's canonical path, so briefing folders stay clean for committing. The
//! operating system releases the lock when the process ends, however it ends: a killed run
//! never leaves a stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use brief::error::{Error, Result};

/// An exclusive lock on a brief's output folder, released on drop.
#[derive(Debug)]
pub(crate) struct Lock {
    _file: File,
}

/// Lock `out_dir` (created if missing), waiting for another run holding it. `on_wait` is
/// called once when the lock is busy.
pub(crate) fn acquire(out_dir: &Path, on_wait: impl FnOnce()) -> Result<Lock> {
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    std::fs::create_dir_all(out_dir).map_err(err(out_dir))?;
    let canonical = out_dir.canonicalize().map_err(err(out_dir))?;
    // Per user: a folder another user created would not be writable.
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("brief-locks-{user}"));
    std::fs::create_dir_all(&dir).map_err(err(&dir))?;
    let key = brief::manifest::hash(canonical.to_string_lossy().as_bytes());
    let path = dir.join(format!("{}.lock", &key[..32]));
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(err(&path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            on_wait();
            file.lock().map_err(err(&path))?;
        }
        Err(TryLockError::Error(e)) => return Err(err(&path)(e)),
    }
    Ok(Lock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), || panic!("free")).unwrap();
        let waited = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let w = waited.clone();
        let path = dir.path().to_path_buf();
        let t = std::thread::spawn(move || {
            let _second = acquire(&path, || w.store(true, std::sync::atomic::Ordering::SeqCst));
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        drop(first);
        t.join().unwrap();
        assert!(waited.load(std::sync::atomic::Ordering::SeqCst));
    }
}
