//! Issue 19: fitting a news desk's tools. Email settings found where docs/automation.md puts
//! them, mistyped flags that fail, failed builds that leave nothing behind, and the CLI
//! conventions (completions, man page, --color, -v, help that matches the README).

use std::path::Path;

use super::{BriefTest, brief, fixtures, text};

/// `inbox/day1` with the basic fixture's articles, and `inbox/brief.toml` holding `toml`.
fn inbox_with(toml: &str) -> BriefTest {
    let t = BriefTest::empty();
    let day = t.path().join("inbox/day1");
    std::fs::create_dir_all(&day).unwrap();
    for e in std::fs::read_dir(fixtures().join("basic/sources")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), day.join(e.file_name())).unwrap();
    }
    std::fs::write(t.path().join("inbox/brief.toml"), toml).unwrap();
    t
}

const ROOT_EMAIL: &str = "[email]\nto = [\"desk@example.org\"]\nfrom = \"brief@example.org\"\n\
                          subject = \"Morning brief\"\n";

/// The headers of `brief email INPUT --eml -` run in `t`, or the error.
fn eml(t: &BriefTest, args: &[&str]) -> Result<String, String> {
    let mut all = vec!["email"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--date", "2025-04-03", "--eml", "-"]);
    let out = t.run(&all);
    let (stdout, stderr) = text(&out);
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(stderr)
    }
}

#[test]
fn email_settings_in_the_inbox_root_reach_a_brief_folder() {
    // docs/automation.md: settings in inbox/brief.toml, briefs in briefings/DAY.
    let t = inbox_with(ROOT_EMAIL);
    let out = t.run(&["build", "inbox", "--all", "-q"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let eml = eml(&t, &["briefings/day1"]).unwrap();
    assert!(eml.contains("To: desk@example.org"), "{eml}");
    assert!(eml.contains("From: brief@example.org"), "{eml}");
    assert!(eml.contains("Subject: Morning brief"), "{eml}");
}

#[test]
fn email_settings_in_the_inbox_root_reach_an_article_folder() {
    let t = inbox_with(ROOT_EMAIL);
    let eml = eml(&t, &["inbox/day1"]).unwrap();
    assert!(eml.contains("To: desk@example.org"), "{eml}");
    assert!(eml.contains("Subject: Morning brief"), "{eml}");
}

#[test]
fn a_day_built_on_its_own_reads_the_inbox_root_settings() {
    // `brief build inbox/DAY` uses inbox/brief.toml, as `--all`, `check` and `email` do.
    let t = inbox_with("title = \"Desk title from the root\"\n[summary]\nsentences = 2\n");
    let out = t.run(&["build", "inbox/day1", "-q", "--format", "json", "-o", "-"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["title"], "Desk title from the root");
    assert_eq!(json["summary"].as_array().unwrap().len(), 2);
    // Built into briefings/day1, then checked from the root: the same settings, up to date.
    assert!(t.run(&["build", "inbox/day1", "-q"]).status.success());
    let md = std::fs::read_to_string(t.path().join("briefings/day1/brief.md")).unwrap();
    assert!(md.contains("Desk title from the root"), "{md}");
    let check = t.run(&["check", "inbox"]);
    assert!(check.status.success(), "{}", text(&check).1);
    // The story's own file wins over the root's.
    std::fs::write(
        t.path().join("inbox/day1/brief.toml"),
        "title = \"The day's own title\"\n",
    )
    .unwrap();
    let out = t.run(&["build", "inbox/day1", "-q", "--format", "json", "-o", "-"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["title"], "The day's own title");
    assert_eq!(json["summary"].as_array().unwrap().len(), 2);
}

#[test]
fn email_settings_story_over_root_and_flags_over_both() {
    let t = inbox_with(ROOT_EMAIL);
    std::fs::write(
        t.path().join("inbox/day1/brief.toml"),
        "[email]\nsubject = \"Day one\"\n",
    )
    .unwrap();
    assert!(t.run(&["build", "inbox", "--all", "-q"]).status.success());
    for input in ["inbox/day1", "briefings/day1"] {
        let eml = eml(&t, &[input]).unwrap();
        assert!(eml.contains("Subject: Day one"), "{input}: {eml}");
        assert!(eml.contains("To: desk@example.org"), "{input}: {eml}");
        let eml = self::eml(&t, &[input, "--subject", "Flag", "--to", "x@example.org"]).unwrap();
        assert!(eml.contains("Subject: Flag"), "{input}: {eml}");
        assert!(eml.contains("To: x@example.org"), "{input}: {eml}");
    }
}

#[test]
fn email_settings_of_a_sources_layout_come_from_the_story_and_the_folder_above() {
    // briefings/x/sources -> briefings/x: the root is briefings/.
    let t = BriefTest::empty();
    let story = t.path().join("briefings/x");
    super::copy_dir(&fixtures().join("basic/sources"), &story.join("sources"));
    std::fs::write(t.path().join("briefings/brief.toml"), ROOT_EMAIL).unwrap();
    assert!(
        t.run(&["build", "briefings/x/sources", "-q"])
            .status
            .success()
    );
    let eml = eml(&t, &["briefings/x"]).unwrap();
    assert!(eml.contains("To: desk@example.org"), "{eml}");
    std::fs::write(
        story.join("sources/brief.toml"),
        "[email]\nto = [\"story@example.org\"]\n",
    )
    .unwrap();
    let eml = self::eml(&t, &["briefings/x"]).unwrap();
    assert!(eml.contains("To: story@example.org"), "{eml}");
    assert!(eml.contains("From: brief@example.org"), "{eml}");
}

#[test]
fn a_mistyped_templates_folder_is_an_error() {
    let t = BriefTest::fixture("basic");
    std::fs::write(t.path().join("a-file"), "x").unwrap();
    std::fs::create_dir(t.path().join("empty")).unwrap();
    for (dir, why) in [
        ("missing", "no such folder"),
        ("a-file", "not a folder"),
        ("empty", "holds none of the template files"),
    ] {
        for args in [
            vec!["build", "sources", "--templates", dir],
            vec!["build", "sources", "--templates", dir, "-o", "-"],
        ] {
            let out = t.run(&args);
            let (_, stderr) = text(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains(why) && stderr.contains(dir), "{stderr}");
        }
    }
    // The same from brief.toml.
    std::fs::write(
        t.path().join("sources/brief.toml"),
        "templates = \"nope\"\n",
    )
    .unwrap();
    let out = t.run(&["build", "sources"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("no such folder"), "{}", text(&out).1);
}

#[test]
fn a_failed_build_leaves_no_folder_behind() {
    let t = BriefTest::empty();
    let out = t.run(&["build", "typo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !t.path().join("briefings").exists(),
        "briefings/ left behind"
    );
    // An existing briefings/ stays, and so does a brief folder that was there.
    std::fs::create_dir_all(t.path().join("briefings/kept")).unwrap();
    std::fs::create_dir(t.path().join("empty")).unwrap();
    let out = t.run(&["build", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(t.path().join("briefings/kept").is_dir());
    assert!(!t.path().join("briefings/empty").exists());
}

/// The commands and flags of the README's usage block: (subcommand, flags).
fn readme_usage() -> Vec<(String, Vec<String>)> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("## Usage").unwrap();
    let block = &readme[start..];
    let block = &block[block.find("```sh").unwrap() + 5..];
    let block = &block[..block.find("```").unwrap()];
    block
        .lines()
        .filter_map(|line| {
            let code = line.split(" #").next().unwrap_or("").trim();
            let mut words = code.split_whitespace();
            (words.next()? == "brief").then_some(())?;
            let rest: Vec<&str> = words.collect();
            let sub = rest.first().filter(|w| !w.starts_with('-'))?.to_string();
            let flags = rest
                .iter()
                .flat_map(|w| w.trim_matches(['[', ']']).split('|'))
                .filter(|w| w.starts_with('-') && *w != "-")
                .map(|w| w.split('=').next().unwrap_or(w).to_string())
                .collect();
            Some((sub, flags))
        })
        .collect()
}

#[test]
fn readme_usage_block_matches_help() {
    let usage = readme_usage();
    assert!(usage.len() >= 10, "usage block not found: {usage:?}");
    let top = text(&brief().arg("--help").output().unwrap()).0;
    let mut subcommands: Vec<&str> = Vec::new();
    for (sub, flags) in &usage {
        assert!(
            top.lines()
                .any(|l| l.trim_start().starts_with(&format!("{sub} "))),
            "README's `brief {sub}` is not in `brief --help`:\n{top}"
        );
        let help = text(&brief().args([sub.as_str(), "--help"]).output().unwrap()).0;
        for flag in flags {
            assert!(
                help.contains(&format!("{flag} ")) || help.contains(&format!("{flag},")),
                "README's `brief {sub} {flag}` is not in `brief {sub} --help`:\n{help}"
            );
        }
        subcommands.push(sub);
    }
    // And every command of `brief --help` is in the README's usage block.
    let commands = top
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap();
    for line in commands.lines() {
        let Some(name) = line.split_whitespace().next() else {
            continue;
        };
        if line.starts_with("  ") && !line.starts_with("   ") && name != "help" {
            assert!(
                subcommands.contains(&name),
                "`brief {name}` is missing from the README's usage block"
            );
        }
    }
}

#[test]
fn build_help_names_every_input_kind() {
    let help = text(&brief().args(["build", "--help"]).output().unwrap()).0;
    for kind in [".txt", ".md", ".html", ".rss", ".jsonl"] {
        assert!(
            help.contains(kind),
            "build --help does not name {kind}:\n{help}"
        );
    }
}

#[test]
fn completions_for_each_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = brief().args(["completions", shell]).output().unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{shell}: {stderr}");
        for word in ["build", "email", "out-dir"] {
            assert!(stdout.contains(word), "{shell} completions lack {word}");
        }
    }
    let out = brief().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_every_command() {
    let out = brief().arg("manpage").output().unwrap();
    let (man, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(man.starts_with(".ie") || man.contains(".TH brief"), "{man}");
    for word in ["BRIEF BUILD", "BRIEF EMAIL", "\\-\\-color", "EXIT STATUS"] {
        assert!(man.contains(word), "man page lacks {word}");
    }
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let t = BriefTest::empty();
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = brief();
        cmd.current_dir(t.path()).args(args);
        if !no_color {
            cmd.env_remove("NO_COLOR");
        }
        text(&cmd.output().unwrap()).1
    };
    let esc = '\u{1b}';
    // Not a terminal: auto means no colour.
    assert!(!run(&["build", "typo"], false).contains(esc));
    let always = run(&["--color", "always", "build", "typo"], false);
    assert!(
        always.contains(esc) && always.contains("error"),
        "{always:?}"
    );
    assert!(!run(&["--color", "never", "build", "typo"], false).contains(esc));
    // NO_COLOR turns off `auto`, not an explicit `always`.
    assert!(run(&["--color", "always", "build", "typo"], true).contains(esc));
    let out = t.run(&["--color", "sometimes", "build", "typo"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn verbose_says_what_was_read_and_skipped() {
    let t = BriefTest::fixture("basic");
    std::fs::write(t.path().join("sources/scan.pdf"), b"%PDF-1.4\n").unwrap();
    let out = t.run(&["build", "sources", "-v", "-o", "-"]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("read: 01-northern-courier.md"), "{stderr}");
    assert!(stderr.contains("skipped: scan.pdf"), "{stderr}");
    // Without -v, the skipped file is one warning and nothing is said about the rest.
    let (_, quiet) = text(&t.run(&["build", "sources", "-o", "-"]));
    assert!(!quiet.contains("read:"), "{quiet}");
}

/// The `run` script of the step `id` of the GitHub Actions workflow in docs/automation.md.
fn workflow_step(id: &str) -> String {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/automation.md"))
            .unwrap();
    let yaml = doc
        .split("```yaml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let wf: serde_json::Value = serde_saphyr::from_str(yaml).unwrap();
    let steps = wf["jobs"]["briefs"]["steps"].as_array().unwrap();
    let step = steps.iter().find(|s| s["id"] == id).unwrap();
    step["run"].as_str().unwrap().to_string()
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Add the files of `from` to `clone`'s `inbox/DAY`, commit and push them.
fn push_articles(clone: &Path, from: &Path, day: &str, names: &[&str]) {
    let dir = clone.join("inbox").join(day);
    std::fs::create_dir_all(&dir).unwrap();
    for name in names {
        std::fs::copy(from.join(name), dir.join(name)).unwrap();
    }
    git(clone, &["add", "inbox"]);
    git(
        clone,
        &["commit", "-q", "-m", &format!("Articles for {day}")],
    );
    git(clone, &["push", "-q", "origin", "HEAD:main"]);
}

#[test]
fn actions_recipe_survives_two_pushes_close_together() {
    let git_ok = std::process::Command::new("git").arg("--version").output();
    if git_ok.is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set, so git must be installed"
        );
        eprintln!("SKIPPED: no git");
        println!("SKIPPED: no git");
        return;
    }
    let script = workflow_step("commit");
    let t = BriefTest::empty();
    let root = t.path();
    // `brief` on PATH, as the workflow installs it.
    let bin = root.join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_brief"), bin.join("brief")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    git(root, &["init", "-q", "--bare", "-b", "main", "remote.git"]);
    git(root, &["clone", "-q", "remote.git", "editor"]);
    let editor = root.join("editor");
    let basic = fixtures().join("basic/sources");
    let suez = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/suez-2021-03/sources");
    let suez_names: Vec<String> = std::fs::read_dir(&suez)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") || n.ends_with(".txt"))
        .collect();
    let suez_names: Vec<&str> = suez_names.iter().map(String::as_str).collect();
    // Push 1: day1. The first job's checkout is this commit.
    push_articles(
        &editor,
        &basic,
        "day1",
        &["01-northern-courier.md", "02-bay-herald.md"],
    );
    git(root, &["clone", "-q", "remote.git", "job1"]);
    // Push 2, close behind: day2 and one more day1 article. The second job sees both.
    push_articles(&editor, &suez, "day2", &suez_names);
    push_articles(&editor, &basic, "day1", &["03-coastal-wire.txt"]);
    git(root, &["clone", "-q", "remote.git", "job2"]);
    // Both jobs at once, as GitHub runs a step: bash -eo pipefail.
    let run = |job: &str| {
        let dir = root.join(job);
        std::process::Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
            .current_dir(&dir)
            .env("PATH", &path)
            .env("GITHUB_OUTPUT", root.join(format!("{job}.out")))
            .env("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
            .env("GITHUB_REF_NAME", "main")
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (run("job1"), run("job2"));
    for (job, child) in [("job1", a), ("job2", b)] {
        let out = child.wait_with_output().unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{job} failed:\n{stdout}\n{stderr}");
        if job == "job1" {
            // Its checkout was behind the remote from the start: its first push was refused.
            assert!(stdout.contains("push 1 rejected"), "{stdout}\n{stderr}");
        }
    }
    // Every article commit is still there, and a fresh clone's briefs are all current.
    git(root, &["clone", "-q", "remote.git", "fresh"]);
    let fresh = root.join("fresh");
    let log = git(&fresh, &["log", "--format=%s"]);
    assert_eq!(log.matches("Articles for").count(), 3, "{log}");
    assert!(log.contains("Rebuild briefs for 0123456"), "{log}");
    let check = brief()
        .current_dir(&fresh)
        .args(["check", "inbox"])
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check).1);
    let md = std::fs::read_to_string(fresh.join("briefings/day1/brief.md")).unwrap();
    assert!(
        md.contains("3 articles"),
        "day1 has all three articles:\n{md}"
    );
}
