//! Integration tests: drive the real `brief` binary on fixture folders.

// Tests may unwrap: a panic is a failed test with its message.
#![allow(clippy::unwrap_used)]

mod architecture;
mod browser;
mod build;
mod desk;
mod email;
mod errors;
mod example;
mod fuzz;
mod hostile;
mod kill;
mod layout;
mod properties;
mod robust;
mod safety;
mod schema;
mod shapes;
mod stories;
mod templates;
mod workflow;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A fixture copied into a temporary folder, so tests can write beside it.
pub struct BriefTest {
    dir: tempfile::TempDir,
}

impl BriefTest {
    /// Copy `tests/fixtures/<name>` into a fresh temporary folder.
    pub fn fixture(name: &str) -> BriefTest {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join(name), dir.path());
        BriefTest { dir }
    }

    /// An empty temporary folder.
    pub fn empty() -> BriefTest {
        BriefTest {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The temporary folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Run `brief` with `args` in the temporary folder.
    pub fn run(&self, args: &[&str]) -> Output {
        brief()
            .current_dir(self.path())
            .args(args)
            .output()
            .unwrap()
    }

    /// Read a file relative to the temporary folder.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }
}

/// The binary under test, with the environment cleared of anything that changes output.
pub fn brief() -> Command {
    let mut cmd = Command::cargo_bin("brief").unwrap();
    cmd.env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

/// The repository's fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Stdout and stderr as text.
pub fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
