//! Issue 13: one folder walk for ingest and the manifest, so a folder holding special
//! entries builds within seconds, with one warning per bad entry; and the regressions found
//! on the way.

use std::time::{Duration, Instant};

use super::{BriefTest, brief, text};

/// A `brief build` that must finish quickly (a FIFO once made it hang forever).
fn build_within(t: &BriefTest, args: &[&str], secs: u64) -> std::process::Output {
    let started = Instant::now();
    let out = brief()
        .current_dir(t.path())
        .args(args)
        .timeout(Duration::from_secs(secs))
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(secs),
        "brief {args:?} did not finish within {secs} s"
    );
    out
}

fn warnings_about<'a>(stderr: &'a str, name: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning: ") && l.contains(name))
        .collect()
}

#[cfg(unix)]
#[test]
fn special_entries_get_one_warning_each_and_the_build_finishes() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{PermissionsExt, symlink};

    let t = BriefTest::fixture("basic");
    let src = t.path().join("sources");
    let fifo = src.join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    let _socket = std::os::unix::net::UnixListener::bind(src.join("socket.md")).unwrap();
    symlink("/dev/zero", src.join("zero.txt")).unwrap();
    symlink(&src, src.join("loop")).unwrap();
    let unreadable = src.join("locked.md");
    std::fs::write(&unreadable, "Locked away.\n").unwrap();
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file: only then is the locked file an article like the others.
    let can_read_locked = std::fs::read(&unreadable).is_ok();
    // A sub-folder that is a link to a folder outside: read like any sub-folder.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("04-linked-gazette.md"),
        "---\ntitle: Harbour reopens\noutlet: Linked Gazette\n---\n\n\
         The harbour reopened on Friday after the storm, officials said.\n",
    )
    .unwrap();
    symlink(outside.path(), src.join("linked")).unwrap();
    // Two names that are not UTF-8 and would both read "caf\u{fffd}.md".
    let latin = |byte: u8| {
        src.join(std::ffi::OsStr::from_bytes(&[
            b'c', b'a', b'f', byte, b'.', b'm', b'd',
        ]))
    };
    std::fs::write(
        latin(0xE9),
        "The ferry service resumed on Saturday morning.\n",
    )
    .unwrap();
    std::fs::write(
        latin(0xE8),
        "Fishermen returned to the harbour on Sunday.\n",
    )
    .unwrap();

    let out = build_within(&t, &["build", "sources"], 30);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("brief.md"), "{stdout}");
    for (name, reason) in [
        ("pipe.md", "named pipe"),
        ("socket.md", "socket"),
        ("zero.txt", "device"),
        ("loop", "loop"),
    ] {
        let lines = warnings_about(&stderr, name);
        assert_eq!(lines.len(), 1, "one warning for {name}: {stderr}");
        assert!(lines[0].contains(reason), "{}", lines[0]);
    }
    assert_eq!(
        warnings_about(&stderr, "locked.md").len(),
        usize::from(!can_read_locked),
        "{stderr}"
    );
    assert!(warnings_about(&stderr, "linked").is_empty(), "{stderr}");
    assert!(warnings_about(&stderr, "caf").is_empty(), "{stderr}");
    let md = t.read("brief.md");
    assert!(md.contains("linked/04-linked-gazette.md"), "{md}");
    assert!(
        md.contains(r"caf\\xE9.md") && md.contains(r"caf\\xE8.md"),
        "{md}"
    );

    // Nothing changed: up to date, with no file read but the articles.
    let again = build_within(&t, &["build", "sources"], 30);
    assert!(
        text(&again).0.contains("(up to date)"),
        "{:?}",
        text(&again)
    );
    // An edit to one of the two look-alike names is noticed.
    std::fs::write(latin(0xE8), "Fishermen stayed home on Sunday.\n").unwrap();
    let edited = build_within(&t, &["build", "sources"], 30);
    let (stdout, stderr) = text(&edited);
    assert!(edited.status.success(), "{stderr}");
    assert!(!stdout.contains("(up to date)"), "{stdout}");
    let check = build_within(&t, &["check", "."], 30);
    assert!(check.status.success(), "{:?}", text(&check));
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// Issue 13: "calls for" was shown as "*call fors*" and ranked with plain statements.
#[test]
fn calls_for_reads_as_a_want() {
    let t = BriefTest::empty();
    let write = |name: &str, outlet: &str, body: &str| {
        let path = t.path().join("sources").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let front = format!("---\ntitle: Port talks\noutlet: {outlet}\n---\n\n");
        std::fs::write(&path, front + body).unwrap();
    };
    write(
        "01-wire.md",
        "Wire",
        "Mayor Ana Lopez said the port would stay closed until Monday.\n\n\
         Mayor Ana Lopez calls for an inquiry into the collapse of the pier.\n",
    );
    write(
        "02-post.md",
        "Post",
        "The port stayed closed on Friday after the pier collapsed, the mayor said.\n",
    );
    let out = brief()
        .current_dir(t.path())
        .args(["build", "sources", "-o", "-"])
        .output()
        .unwrap();
    let (md, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(!md.contains("call fors"), "{md}");
    let section = md.split("## Who wants what").nth(1).unwrap_or_default();
    let calls = section.find("*calls for*");
    assert!(calls.is_some(), "{md}");
    // A want comes before what the same actor merely said.
    if let Some(says) = section.find("*says*") {
        assert!(calls < Some(says), "{section}");
    }
}
