//! The library's error type: every variant names the file or setting it is about.

use std::path::PathBuf;

/// Everything that can stop a run. One bad article is not an error: it becomes a
/// [`Warning`](crate::ingest::Warning) and the run goes on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input folder (or file) cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An output file cannot be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The folder holds no article that could be used.
    #[error("no usable article in {}{}", path.display(), detail)]
    NoArticles {
        /// The input folder.
        path: PathBuf,
        /// Why the files found were skipped, ready to print (may be empty).
        detail: String,
    },
    /// A configuration file (`brief.toml`) is malformed.
    #[error("{}: {message}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// What is wrong, naming the key.
        message: String,
    },
    /// A template fails to parse or render.
    #[error("template {name}: {message}")]
    Template {
        /// Template name (file name inside the templates folder).
        name: String,
        /// Tera's message, with line and column where known.
        message: String,
    },
    /// An email could not be delivered: connection refused, TLS, authentication, or the
    /// server refused the message.
    #[error("cannot send email via {server}: {message}")]
    Delivery {
        /// The SMTP server, as `smtp://host:port` (never with credentials).
        server: String,
        /// What went wrong.
        message: String,
    },
    /// An invalid option value or combination.
    #[error("{0}")]
    Usage(String),
    /// `brief check`: some briefs are older than their inputs, or missing (exit code 1).
    #[error("{stale} of {total} briefs under {} are stale or missing: run `brief build {} --all`", root.display(), root.display())]
    Stale {
        /// The root checked.
        root: PathBuf,
        /// Briefs stale or missing.
        stale: usize,
        /// Briefs checked.
        total: usize,
    },
    /// `brief build --all` / `watch`: some briefs failed (each was reported as it failed).
    #[error("{failed} of {total} briefs failed")]
    Batch {
        /// Briefs that failed.
        failed: usize,
        /// Briefs attempted.
        total: usize,
        /// Whether any failure was an output that could not be written (exit code 3).
        write: bool,
    },
    /// A manifest or brief JSON file cannot be understood.
    #[error("{}: {message}", path.display())]
    Manifest {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Watching the filesystem failed.
    #[error("cannot watch {}: {message}", path.display())]
    Watch {
        /// The folder watched.
        path: PathBuf,
        /// The watcher's message.
        message: String,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
