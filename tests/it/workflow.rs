//! Issue 7: unattended use. `build ROOT --all` (incremental, parallel), `check`, `diff`,
//! `watch`, concurrent runs, interrupted writes, and the docs/automation.md recipes.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use super::{BriefTest, brief, fixtures, text};

const MANIFEST: &str = ".brief-manifest.json";

/// `inbox/day1` (two articles of the basic fixture) and `inbox/day2` (the Suez example).
fn inbox() -> BriefTest {
    let t = BriefTest::empty();
    let day1 = t.path().join("inbox/day1");
    std::fs::create_dir_all(&day1).unwrap();
    for name in ["01-northern-courier.md", "02-bay-herald.md"] {
        std::fs::copy(fixtures().join("basic/sources").join(name), day1.join(name)).unwrap();
    }
    copy_all(&suez(), &t.path().join("inbox/day2"));
    t
}

fn suez() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/suez-2021-03/sources")
}

fn copy_all(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn bytes(t: &BriefTest, rel: &str) -> Vec<u8> {
    std::fs::read(t.path().join(rel)).unwrap()
}

#[test]
fn a_new_article_rebuilds_exactly_its_brief() {
    let t = inbox();
    let out = t.run(&["build", "inbox", "--all"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout,
        "briefings/day1/brief.md\nbriefings/day1/brief.html\n\
         briefings/day2/brief.md\nbriefings/day2/brief.html\n"
    );
    assert!(
        stderr.contains("2 built, 0 up to date, 0 failed"),
        "{stderr}"
    );
    let day2 = bytes(&t, "briefings/day2/brief.md");
    let day2_manifest = bytes(&t, &format!("briefings/day2/{MANIFEST}"));

    let again = t.run(&["build", "inbox", "--all"]);
    assert_eq!(
        text(&again).0,
        "briefings/day1/brief.md (up to date)\nbriefings/day1/brief.html (up to date)\n\
         briefings/day2/brief.md (up to date)\nbriefings/day2/brief.html (up to date)\n"
    );

    std::fs::copy(
        fixtures().join("basic/sources/03-coastal-wire.txt"),
        t.path().join("inbox/day1/03-coastal-wire.txt"),
    )
    .unwrap();
    let out = t.run(&["build", "inbox", "--all"]);
    assert_eq!(
        text(&out).0,
        "briefings/day1/brief.md\nbriefings/day1/brief.html\n\
         briefings/day2/brief.md (up to date)\nbriefings/day2/brief.html (up to date)\n"
    );
    assert_eq!(bytes(&t, "briefings/day2/brief.md"), day2);
    assert_eq!(
        bytes(&t, &format!("briefings/day2/{MANIFEST}")),
        day2_manifest
    );
    let md = t.read("briefings/day1/brief.md");
    assert!(md.contains("## What's new"), "{md}");
    assert!(md.contains("(2 articles)"), "{md}");
    // Rebuilt for another reason, it still compares with the version before the new article.
    // (With three sentences none of the new article's is shown, and its one figure, "two
    // independent firms", is too minor to list: nothing would be new.)
    for args in [&["--force"][..], &["--sentences", "4"][..]] {
        let out = t.run(&[&["build", "inbox", "--all", "-q"][..], args].concat());
        assert!(out.status.success());
        assert!(t.read("briefings/day1/brief.md").contains("(2 articles)"));
    }

    // Deleting an article and changing a template are changes too; --force rebuilds all.
    std::fs::remove_file(t.path().join("inbox/day2/05-canal-post.md")).unwrap();
    let out = t.run(&["build", "inbox", "--all", "-q"]);
    assert!(out.status.success());
    // A deleted article adds nothing: "What's new" lists only what added articles give.
    assert!(!t.read("briefings/day2/brief.md").contains("## What's new"));
    std::fs::create_dir(t.path().join("tpl")).unwrap();
    std::fs::write(t.path().join("tpl/page.html.tera"), "<p>{{ title }}</p>\n").unwrap();
    let out = t.run(&["build", "inbox", "--all", "--templates", "tpl"]);
    assert_eq!(text(&out).0.matches("brief.html").count(), 2);
    let out = t.run(&["build", "inbox", "--all", "--templates", "tpl", "--force"]);
    assert!(!text(&out).0.contains("up to date"));
}

#[test]
fn single_builds_skip_when_current_and_stdout_always_renders() {
    let t = BriefTest::fixture("basic");
    assert!(t.run(&["build", "sources"]).status.success());
    let out = t.run(&["build", "sources"]);
    assert_eq!(
        text(&out).0,
        "./brief.md (up to date)\n./brief.html (up to date)\n"
    );
    let out = t.run(&["build", "sources", "--force"]);
    assert_eq!(text(&out).0, "./brief.md\n./brief.html\n");
    let out = t.run(&["build", "sources", "-o", "-"]);
    assert!(text(&out).0.starts_with("# "));
    // Another summary length is another brief.
    let out = t.run(&["build", "sources", "--sentences", "2"]);
    assert_eq!(text(&out).0, "./brief.md\n./brief.html\n");
    // No "What's new" when the content did not change.
    assert!(!t.read("brief.md").contains("What's new"));
    let manifest = t.read(MANIFEST);
    assert!(
        !manifest.contains(&*t.path().to_string_lossy()),
        "no absolute paths"
    );
}

#[test]
fn check_goes_red_then_green() {
    let t = inbox();
    let out = t.run(&["check", "inbox"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("missing: briefings/day1"), "{stdout}");
    assert!(stdout.contains("missing: briefings/day2"), "{stdout}");
    assert!(stderr.contains("2 of 2 briefs"), "{stderr}");

    assert!(t.run(&["build", "inbox", "--all", "-q"]).status.success());
    let out = t.run(&["check", "inbox"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
    assert_eq!(text(&out).0, "ok: 2 briefs up to date\n");

    std::fs::write(
        t.path().join("inbox/day2/06-late.md"),
        "# Late\n\nShips moved.\n",
    )
    .unwrap();
    std::fs::write(t.path().join("briefings/day1/brief.md"), "edited by hand\n").unwrap();
    let out = t.run(&["check", "inbox"]);
    let stdout = text(&out).0;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("stale: briefings/day1 (brief.md differs"),
        "{stdout}"
    );
    assert!(
        stdout.contains("stale: briefings/day2 (new: 06-late.md)"),
        "{stdout}"
    );

    assert!(t.run(&["build", "inbox", "--all", "-q"]).status.success());
    assert_eq!(t.run(&["check", "inbox"]).status.code(), Some(0));
    // A root brief.toml holds defaults for every story: changing it makes them stale.
    std::fs::write(
        t.path().join("inbox/brief.toml"),
        "[summary]\nsentences = 3\n",
    )
    .unwrap();
    let out = t.run(&["check", "inbox"]);
    assert_eq!(text(&out).0.matches("brief.toml changed").count(), 2);
}

#[test]
fn committed_example_is_checked_by_ci() {
    let out = brief()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "briefings"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", text(&out));
}

#[test]
fn diff_names_what_is_new() {
    let t = inbox();
    assert!(
        t.run(&["build", "inbox/day1", "-o", "old.json"])
            .status
            .success()
    );
    std::fs::copy(
        fixtures().join("basic/sources/03-coastal-wire.txt"),
        t.path().join("inbox/day1/03-coastal-wire.txt"),
    )
    .unwrap();
    assert!(t.run(&["build", "inbox/day1", "-q"]).status.success());
    let out = t.run(&["diff", "old.json", "briefings/day1"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.starts_with("What's new since the previous version (2 articles)"),
        "{stdout}"
    );
    let same = t.run(&["diff", "briefings/day1", "briefings/day1"]);
    assert_eq!(text(&same).0, "No changes.\n");
    let bad = t.run(&["diff", "inbox/day1/01-northern-courier.md", "old.json"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn concurrent_runs_on_one_root_do_not_corrupt_output() {
    let t = inbox();
    let reference = inbox();
    assert!(
        reference
            .run(&["build", "inbox", "--all", "-q"])
            .status
            .success()
    );
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
                .current_dir(t.path())
                .args(["build", "inbox", "--all", "--force", "-q"])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    for day in ["day1", "day2"] {
        for name in ["brief.md", "brief.html", MANIFEST] {
            let rel = format!("briefings/{day}/{name}");
            assert!(bytes(&t, &rel) == bytes(&reference, &rel), "{rel} differs");
        }
    }
    assert_eq!(t.run(&["check", "inbox"]).status.code(), Some(0));
}

#[test]
fn an_interrupted_write_leaves_the_previous_brief_intact() {
    let t = inbox();
    assert!(t.run(&["build", "inbox", "--all", "-q"]).status.success());
    let names = ["brief.md", "brief.html", MANIFEST];
    let before: Vec<_> = names
        .iter()
        .map(|n| bytes(&t, &format!("briefings/day2/{n}")))
        .collect();
    std::fs::write(
        t.path().join("inbox/day2/06-late.md"),
        "# Late\n\nShips moved.\n",
    )
    .unwrap();
    // The kernel stops the process (SIGXFSZ) when a file it writes passes 4 KiB: the run dies
    // in the middle of writing brief.md, as on a full disk.
    let bin = assert_cmd::cargo::cargo_bin("brief");
    let out = std::process::Command::new("bash")
        .current_dir(t.path())
        .arg("-c")
        .arg(format!(
            "ulimit -f 4; exec {} build inbox/day2",
            bin.display()
        ))
        .output()
        .unwrap();
    assert!(!out.status.success(), "{:?}", text(&out));
    for (name, old) in names.iter().zip(&before) {
        assert!(
            bytes(&t, &format!("briefings/day2/{name}")) == *old,
            "{name} changed"
        );
    }
    assert_eq!(t.run(&["check", "inbox"]).status.code(), Some(1));
    assert!(t.run(&["build", "inbox", "--all", "-q"]).status.success());
    assert_eq!(t.run(&["check", "inbox"]).status.code(), Some(0));
    let left: Vec<_> = std::fs::read_dir(t.path().join("briefings/day2"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        left.is_empty(),
        "the next build removes what the killed one left: {left:?}"
    );
}

#[test]
fn watch_rebuilds_when_an_article_arrives() {
    let t = inbox();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
        .current_dir(t.path())
        .args(["watch", "inbox", "--exit-after", "1", "--timeout", "60"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut first = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.starts_with("watching ") {
            break;
        }
        first.push(line);
    }
    assert_eq!(first.len(), 4, "initial build: {first:?}");
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(
        t.path().join("inbox/day1/04-late.md"),
        "# Bridge\n\nThe bridge reopened on Friday, the city said.\n",
    )
    .unwrap();
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(
        rest,
        ["briefings/day1/brief.md", "briefings/day1/brief.html"]
    );
    assert!(t.read("briefings/day1/brief.md").contains("04-late.md"));
}

#[test]
fn automation_doc_recipes_parse() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/automation.md"))
            .unwrap();
    let yaml: Vec<&str> = doc
        .split("```yaml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(yaml.len(), 1, "one workflow");
    let wf: serde_json::Value = serde_saphyr::from_str(yaml[0]).unwrap();
    assert!(wf["on"]["push"].is_object(), "{wf}");
    let steps = wf["jobs"]["briefs"]["steps"].as_array().unwrap();
    let runs: String = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    for cmd in [
        "brief build inbox --all",
        "brief check inbox",
        "brief email",
        "git commit",
    ] {
        assert!(runs.contains(cmd), "workflow runs {cmd}");
    }
    assert!(doc.contains("OnCalendar="), "systemd timer");
    assert!(doc.contains("ExecStart="), "systemd service");
}

#[test]
fn root_brief_toml_sets_defaults_that_a_story_overrides() {
    let t = inbox();
    std::fs::write(t.path().join("inbox/brief.toml"), "formats = [\"json\"]\n").unwrap();
    std::fs::write(
        t.path().join("inbox/day2/brief.toml"),
        "formats = [\"md\"]\n",
    )
    .unwrap();
    let out = t.run(&["build", "inbox", "--all"]);
    assert_eq!(
        text(&out).0,
        "briefings/day1/brief.json\nbriefings/day2/brief.md\n"
    );
    std::fs::copy(
        fixtures().join("basic/sources/03-coastal-wire.txt"),
        t.path().join("inbox/day1/03-coastal-wire.txt"),
    )
    .unwrap();
    assert!(t.run(&["build", "inbox", "--all", "-q"]).status.success());
    let json: serde_json::Value =
        serde_json::from_str(&t.read("briefings/day1/brief.json")).unwrap();
    assert_eq!(
        json["changes"]["previous_sources"], 2,
        "{}",
        json["changes"]
    );
    // A flag overrides both files.
    let out = t.run(&["build", "inbox", "--all", "--format", "html"]);
    assert_eq!(text(&out).0.matches("brief.html").count(), 2);
}
