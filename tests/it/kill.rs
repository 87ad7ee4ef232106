//! A brief and its companions change together or not at all (issue 18): the write phase is
//! killed after each of its steps (a test hook makes the process abort there, as SIGKILL
//! would), and what is left must be the previous set untouched, or a journal that `check`
//! reports and the next run completes; never a mixed set that looks current.

use std::path::Path;

use super::{BriefTest, brief};

const OLD: &str = "Canal stays shut\n\nThe canal stayed shut on Sunday, the authority said. \
About 300 ships were waiting to pass, it said.\n";
const NEW: &str = "Canal reopens\n\nThe canal reopened on Monday after the ship was freed, \
the authority said. About 400 ships were waiting to pass, it said.\n";
const OTHER: &str = "Ship freed\n\nTugs freed the ship on Monday, the operator said. The \
canal authority said 400 ships were waiting.\n";
const SET: &[&str] = &["brief.md", "brief.html", ".brief-manifest.json"];

fn set(dir: &Path) -> Vec<Option<Vec<u8>>> {
    SET.iter()
        .map(|f| std::fs::read(dir.join(f)).ok())
        .collect()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n == ".brief-journal.json")
        .collect()
}

fn story(t: &BriefTest, first: &str) -> std::path::PathBuf {
    let sources = t.path().join("story/sources");
    std::fs::create_dir_all(&sources).unwrap();
    std::fs::write(sources.join("a.txt"), first).unwrap();
    std::fs::write(sources.join("b.txt"), OTHER).unwrap();
    t.path().join("story")
}

fn build(dir: &Path, abort_after: Option<usize>) -> std::process::Output {
    let mut cmd = brief();
    cmd.arg("build").arg(dir.join("sources")).arg("--quiet");
    if let Some(n) = abort_after {
        cmd.env("BRIEF_TEST_ABORT_AFTER_STEP", n.to_string());
    }
    cmd.output().unwrap()
}

fn check(dir: &Path) -> (Option<i32>, String) {
    let out = brief().arg("check").arg(dir).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_kill_at_any_step_of_the_write_never_leaves_a_mixed_set() {
    // The set an uninterrupted rebuild writes (with its "What's new"), for comparison.
    let clean = BriefTest::empty();
    let clean_dir = story(&clean, OLD);
    assert!(build(&clean_dir, None).status.success());
    std::fs::write(clean_dir.join("sources/a.txt"), NEW).unwrap();
    assert!(build(&clean_dir, None).status.success());
    let new_set = set(&clean_dir);
    assert!(new_set.iter().all(Option::is_some));

    // 2 outputs + manifest staged, the journal, 3 renames, the journal removed: 8 steps.
    let mut interrupted = 0;
    for step in 1..=8 {
        let t = BriefTest::empty();
        let dir = story(&t, OLD);
        assert!(build(&dir, None).status.success());
        let old_set = set(&dir);
        std::fs::write(dir.join("sources/a.txt"), NEW).unwrap();

        let killed = build(&dir, Some(step));
        assert_eq!(
            killed.status.code(),
            None,
            "step {step}: the run was not aborted"
        );
        let now = set(&dir);
        let journal = dir.join(".brief-journal.json").exists();
        if journal {
            interrupted += 1;
            // A mixed set may be on disk for an instant: check names it, never calls it ok.
            let (code, out) = check(&dir);
            assert_eq!(code, Some(1), "step {step}: {out}");
            assert!(out.contains("interrupted"), "step {step}: {out}");
        } else if now != new_set {
            assert_eq!(now, old_set, "step {step}: the previous set was changed");
        }
        // The next run completes the write (or builds anew) and cleans up.
        assert!(build(&dir, None).status.success(), "step {step}");
        assert_eq!(set(&dir), new_set, "step {step}");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "step {step}");
        assert_eq!(check(&dir).0, Some(0), "step {step}");
    }
    assert_eq!(
        interrupted, 4,
        "the journal is on disk from step 4 to step 7"
    );
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_run() {
    let t = BriefTest::empty();
    let dir = story(&t, OLD);
    assert!(build(&dir, None).status.success());
    for name in [".brief-x1.tmp", ".brief-abc.tmp"] {
        std::fs::write(dir.join(name), "half a brief").unwrap();
    }
    std::fs::write(dir.join("sources/a.txt"), NEW).unwrap();
    assert!(build(&dir, None).status.success());
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}
