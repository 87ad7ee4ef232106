//! The daily edition: a folder of several stories gives a front page ranked by outlets, a
//! brief per story and the single reports; the next day's edition shows a continuing story
//! as developing, not new; the archive lists both days; labels appear only when configured;
//! a one-story folder gives exactly the brief it always gave. The articles are
//! `tests/fixtures/edition` (three stories, written for these tests) and day-two articles
//! written here.

use std::path::Path;

use super::{BriefTest, brief, copy_dir, fixtures, text};

const DAY1: &str = "2026-12-06";
const DAY2: &str = "2026-12-07";

/// A desk: `inbox/DAY1` holds the fixture, `inbox/brief.toml` asks for every format.
fn desk(toml: &str) -> BriefTest {
    let t = BriefTest::empty();
    copy_dir(
        &fixtures().join("edition"),
        &t.path().join("inbox").join(DAY1),
    );
    std::fs::write(
        t.path().join("inbox/brief.toml"),
        format!("formats = [\"md\", \"html\", \"json\"]\n{toml}"),
    )
    .unwrap();
    t
}

fn write(t: &BriefTest, rel: &str, text: &str) {
    let path = t.path().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn build_all(t: &BriefTest) -> String {
    let out = t.run(&["build", "inbox", "--all"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    stdout
}

fn front(t: &BriefTest, day: &str) -> serde_json::Value {
    serde_json::from_str(&t.read(&format!("briefings/{day}/brief.json"))).unwrap()
}

/// Day two: two new articles on the Lyon strike (in new words), the Porto articles again.
fn day_two(t: &BriefTest) {
    let dir = t.path().join("inbox").join(DAY2);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["porto-strike-post.md", "porto-strike-wire.md"] {
        std::fs::copy(fixtures().join("edition").join(f), dir.join(f)).unwrap();
    }
    write(
        t,
        &format!("inbox/{DAY2}/lyon-day2-wire.md"),
        "---\ntitle: \"Lyon rail strike enters second day\"\noutlet: Euro Wire\ndate: 2026-12-07\n---\n\n\
         The SUD-Rail strike around Lyon entered its second day on Sunday, with 160 trains \
         cancelled. Commuters at Part-Dieu station waited for buses.\n\n\
         The union said talks with management on the 6 percent raise would resume on Monday.\n",
    );
    write(
        t,
        &format!("inbox/{DAY2}/lyon-day2-courier.md"),
        "---\ntitle: \"Second day of rail strike in Lyon\"\noutlet: Rhone Courier\ndate: 2026-12-07\n---\n\n\
         Trains around Lyon stayed in their depots on Sunday as the SUD-Rail strike went into a \
         second day. The union said 160 trains were cancelled.\n\n\
         Part-Dieu station was quiet, and management said it would meet the union on Monday.\n",
    );
}

#[test]
fn a_saved_page_of_web_furniture_is_no_single_report() {
    let t = desk("");
    // A scraper saved the same sign-in notice twice (our words).
    for n in [1, 2] {
        write(
            &t,
            &format!("inbox/{DAY1}/saved-page-{n}.md"),
            "---\ntitle: \"Sign in\"\noutlet: Site\n---\n\n\
             Please enable JavaScript to read this page.\n\n\
             See our privacy policy and terms of service.\n",
        );
    }
    build_all(&t);
    let json = front(&t, DAY1);
    let reports = json["single_reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1, "{json:#}");
    assert_eq!(reports[0]["outlet"], "Sky Observer");
    let warned: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["reason"].as_str().unwrap().contains("web furniture"))
        .map(|w| w["path"].as_str().unwrap())
        .collect();
    assert_eq!(warned.len(), 2, "{json:#}");
    assert!(
        warned.iter().all(|p| p.contains("saved-page-")),
        "{warned:?}"
    );
    assert_eq!(json["stories"].as_array().unwrap().len(), 2, "{json:#}");
}

#[test]
fn a_mixed_folder_gives_a_front_page_ranked_by_outlets_story_briefs_and_single_reports() {
    let t = desk("");
    let stdout = build_all(&t);
    let day = format!("briefings/{DAY1}");
    assert!(stdout.contains(&format!("{day}/brief.md")), "{stdout}");
    let json = front(&t, DAY1);
    assert_eq!(json["kind"], "edition");
    let stories = json["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{json:#}");
    // Ranked by outlets: the Lyon strike (3 outlets) before the Porto strike (2).
    assert_eq!(stories[0]["outlets"], 3);
    assert_eq!(stories[0]["of_outlets"], 5);
    assert_eq!(stories[1]["outlets"], 2);
    assert!(stories[0]["title"].as_str().unwrap().contains("Lyon"));
    assert!(stories[1]["title"].as_str().unwrap().contains("Porto"));
    for s in stories {
        assert_eq!(s["status"], "new");
        assert_eq!(s["since"], DAY1);
        let slug = s["slug"].as_str().unwrap();
        for f in ["brief.md", "brief.html", "brief.json"] {
            assert!(
                t.path()
                    .join(&day)
                    .join("stories")
                    .join(slug)
                    .join(f)
                    .is_file()
            );
        }
        // The lead is the first sentence of the story's own brief.
        let brief: serde_json::Value =
            serde_json::from_str(&t.read(&format!("{day}/stories/{slug}/brief.json"))).unwrap();
        assert_eq!(s["lead"]["text"], brief["summary"][0]["text"]);
    }
    let reports = json["single_reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["outlet"], "Sky Observer");
    let md = t.read(&format!("{day}/brief.md"));
    assert!(md.contains("**3 of 5 outlets**, 3 articles"), "{md}");
    assert!(md.contains("## Single reports"), "{md}");
    assert!(md.contains("(stories/"), "{md}");
    assert!(!md.contains("Coverage:"), "no label is configured:\n{md}");
    let html = t.read(&format!("{day}/brief.html"));
    assert!(
        html.contains("href=\"stories/") && html.contains("/brief.html\""),
        "{html}"
    );
    // A story's brief is the brief of its articles alone.
    let lyon = t.path().join("lyon");
    for f in [
        "lyon-strike-courier.md",
        "lyon-strike-gazette.md",
        "lyon-strike-wire.md",
    ] {
        write(
            &t,
            &format!("lyon/{f}"),
            &std::fs::read_to_string(fixtures().join("edition").join(f)).unwrap(),
        );
    }
    let alone = brief()
        .args(["build", "-q", "-o", "-"])
        .arg(&lyon)
        .output()
        .unwrap();
    let slug = stories[0]["slug"].as_str().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&alone.stdout),
        t.read(&format!("{day}/stories/{slug}/brief.md"))
    );
}

#[test]
fn the_next_day_a_continuing_story_is_developing_not_new_and_the_archive_lists_both_days() {
    let t = desk("");
    build_all(&t);
    let day1 = front(&t, DAY1);
    day_two(&t);
    build_all(&t);
    let day2 = front(&t, DAY2);
    assert_eq!(day2["previous_edition"], DAY1);
    let stories = day2["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{day2:#}");
    for s in stories {
        assert_ne!(s["status"], "new", "shown as new two days running: {s:#}");
        assert_eq!(s["since"], DAY1);
        // Same story, same address.
        assert!(
            day1["stories"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["slug"] == s["slug"]
                    && d["title"].as_str().unwrap().contains(
                        if s["title"].as_str().unwrap().contains("Lyon") {
                            "Lyon"
                        } else {
                            "Porto"
                        }
                    )),
            "{s:#}"
        );
    }
    let lyon = stories
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("Lyon"))
        .unwrap();
    assert_eq!(lyon["status"], "developing");
    assert!(!lyon["changes"]["summary"].as_array().unwrap().is_empty());
    let porto = stories
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains("Porto"))
        .unwrap();
    assert_eq!(porto["status"], "continuing");
    // The comet is not in day two's folder.
    assert_eq!(day2["single_reports"].as_array().unwrap().len(), 0);
    let md = t.read(&format!("briefings/{DAY2}/brief.md"));
    assert!(md.contains(&format!("Developing (since {DAY1})")), "{md}");
    assert!(md.contains(&format!("What changed since {DAY1}")), "{md}");
    // The story page says what is new since the previous edition's brief of it.
    let slug = lyon["slug"].as_str().unwrap();
    let page = t.read(&format!("briefings/{DAY2}/stories/{slug}/brief.md"));
    assert!(page.contains("## What's new"), "{page}");
    // The archive lists both days, newest first, and links each story.
    let archive = t.read("briefings/index.md");
    let (p1, p2) = (archive.find(DAY1).unwrap(), archive.find(DAY2).unwrap());
    assert!(p2 < p1, "{archive}");
    assert!(
        archive.contains(&format!("({DAY2}/stories/{slug}/brief.md)")),
        "{archive}"
    );
    assert!(
        t.read("briefings/index.html")
            .contains(&format!("href=\"{DAY1}/brief.html\""))
    );
    // Everything is current, and a deleted story page makes the edition stale.
    let out = t.run(&["check", "inbox"]);
    assert!(out.status.success(), "{:?}", text(&out));
    std::fs::remove_file(
        t.path()
            .join(format!("briefings/{DAY2}/stories/{slug}/brief.html")),
    )
    .unwrap();
    let out = t.run(&["check", "inbox"]);
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains(&format!("stories/{slug}/brief.html missing")),
        "{stdout}"
    );
}

#[test]
fn labels_are_shown_only_when_configured() {
    let t = desk(
        "[labels.\"Euro Wire\"]\ncountry = \"Belgium\"\n\
         [labels.\"Rhone Courier\"]\ncountry = \"France\"\n\
         [labels.\"Alpine Gazette\"]\ncountry = \"France\"\n",
    );
    build_all(&t);
    let json = front(&t, DAY1);
    assert_eq!(json["labels"], serde_json::json!(["country"]));
    let lyon = &json["stories"][0];
    assert_eq!(
        lyon["coverage"][0]["values"],
        serde_json::json!([
            {"value": "Belgium", "outlets": 1, "of": 1},
            {"value": "France", "outlets": 2, "of": 2}
        ])
    );
    let porto = &json["stories"][1];
    assert_eq!(
        porto["coverage"][0]["unlabelled"], 1,
        "Atlantic Post has no label"
    );
    let md = t.read(&format!("briefings/{DAY1}/brief.md"));
    assert!(
        md.contains("Coverage: country: Belgium 1 of 1, France 2 of 2"),
        "{md}"
    );
    assert!(md.contains("France 0 of 2, not labelled 1"), "{md}");
}

#[test]
fn a_one_story_folder_gives_exactly_the_single_brief() {
    let t = BriefTest::empty();
    for input in [
        "briefings/suez-2021-03/sources",
        "tests/fixtures/basic/sources",
    ] {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(input);
        let a = t.path().join("auto");
        let b = t.path().join("single");
        for (dir, extra) in [(&a, None), (&b, Some("--single"))] {
            let mut cmd = brief();
            cmd.args(["build", "-q", "--force", "--format", "md", "--out-dir"])
                .arg(dir)
                .arg(&src);
            if let Some(flag) = extra {
                cmd.arg(flag);
            }
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{input}: {:?}", text(&out));
        }
        let auto = std::fs::read_to_string(a.join("brief.md")).unwrap();
        assert_eq!(auto, std::fs::read_to_string(b.join("brief.md")).unwrap());
        assert!(!a.join("stories").exists(), "{input}");
        assert!(!auto.contains("## Single reports"));
    }
}

#[test]
fn either_mode_can_be_forced_and_o_says_the_folder_holds_several_stories() {
    let t = BriefTest::fixture("edition");
    let out = t.run(&["build", ".", "--single", "--out-dir", "single"]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(!t.path().join("single/stories").exists());
    assert!(t.read("single/brief.md").contains("## What happened"));
    let out = t.run(&["build", ".", "-o", "one.md"]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("holds 2 stories (and 1 single report)"),
        "{stderr}"
    );
    let basic = fixtures().join("basic/sources");
    let out = brief()
        .current_dir(t.path())
        .args([
            "build",
            "--edition",
            "--format",
            "json",
            "--out-dir",
            "forced",
        ])
        .arg(&basic)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", text(&out));
    let json: serde_json::Value = serde_json::from_str(&t.read("forced/brief.json")).unwrap();
    assert_eq!(json["kind"], "edition");
    assert_eq!(json["stories"].as_array().unwrap().len(), 1);
    let out = t.run(&["build", ".", "--edition", "-o", "x.md"]);
    assert_eq!(out.status.code(), Some(2), "an edition is several files");
}

#[test]
fn the_edition_is_byte_identical_for_the_same_input_and_matches_its_schema() {
    let t = desk("");
    build_all(&t);
    let day = t.path().join("briefings").join(DAY1);
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for e in walkdir(dir) {
            files.push((
                e.strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(&e).unwrap(),
            ));
        }
        files.sort();
        files
    };
    let before = snapshot(&day);
    let out = t.run(&["build", "inbox", "--all", "--force"]);
    assert!(out.status.success());
    assert_eq!(before, snapshot(&day));

    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/edition.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    jsonschema::draft202012::meta::validate(&schema).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    day_two(&t);
    build_all(&t);
    for d in [DAY1, DAY2] {
        let json = front(&t, d);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{d}: {errors:#?}");
    }
    let mut bad = front(&t, DAY2);
    bad["stories"][0]["status"] = "breaking".into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn article_text_cannot_become_markup_on_the_front_page() {
    let t = desk("");
    let hostile = "---\ntitle: \"Lyon strike <script>alert(1)</script> [x](javascript:alert(1))\"\noutlet: \"Evil <b>Wire</b>\"\ndate: 2026-12-06\n---\n\n\
        The SUD-Rail strike in Lyon cancelled 140 trains on Saturday <img src=x onerror=alert(1)> as the union demanded a 6 percent raise at Part-Dieu.\n";
    write(&t, &format!("inbox/{DAY1}/zz-hostile.md"), hostile);
    build_all(&t);
    let html = t.read(&format!("briefings/{DAY1}/brief.html"));
    assert!(
        !html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"),
        "{html}"
    );
    assert!(!html.contains("href=\"javascript"), "{html}");
}

#[test]
fn the_emailed_front_page_links_to_the_published_story_pages() {
    let t = desk("");
    build_all(&t);
    let out = email(
        &t,
        &[
            "--date",
            "2026-12-06T07:00:00Z",
            "--base-url",
            "https://desk.example.org/briefings",
            "--eml",
            "-",
        ],
    );
    let (eml, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(eml.contains("Subject: 2026-12-06"), "{eml}");
    let decoded = eml
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    assert!(
        decoded.contains("https://desk.example.org/briefings/2026-12-06/stories/"),
        "{decoded}"
    );
    assert!(!decoded.contains("](stories/"), "{decoded}");
}

#[test]
fn the_edition_is_delivered_over_smtp_with_the_front_page_as_the_message() {
    use super::email::{SmtpSink, part};
    let Some(sink) = SmtpSink::start(&[]) else {
        return;
    };
    let t = desk("[edition]\nbase_url = \"https://desk.example.org/briefings/\"\n");
    build_all(&t);
    // The base URL comes from the day's brief.toml here (the email reads the brief folder's).
    std::fs::copy(
        t.path().join("inbox/brief.toml"),
        t.path().join(format!("briefings/{DAY1}/brief.toml")),
    )
    .unwrap();
    let out = email(&t, &["--smtp", &sink.url()]);
    assert!(out.status.success(), "{:?}", text(&out));
    let messages = sink.wait_for(1);
    assert_eq!(messages.len(), 1);
    let plain = part(&messages[0], "text/plain");
    let html = part(&messages[0], "text/html");
    assert!(
        plain.contains("1. Rail strike") && plain.contains("Single reports"),
        "{plain}"
    );
    assert!(
        html.contains("href=\"https://desk.example.org/briefings/2026-12-06/stories/"),
        "{html}"
    );
}

#[test]
fn the_previous_edition_can_be_named_and_diff_says_what_is_new_developing_and_gone() {
    let t = desk("");
    build_all(&t);
    day_two(&t);
    // Built elsewhere: no edition beside it, so only --previous says which one to compare with.
    let day1 = format!("briefings/{DAY1}");
    let today = format!("inbox/{DAY2}");
    let json_only = ["--format", "json"];
    let out = t.run(
        &[
            &[
                "build",
                &today,
                "--out-dir",
                "elsewhere/today",
                "--previous",
                &day1,
            ][..],
            &json_only,
        ]
        .concat(),
    );
    assert!(out.status.success(), "{:?}", text(&out));
    let json: serde_json::Value =
        serde_json::from_str(&t.read("elsewhere/today/brief.json")).unwrap();
    assert_eq!(json["previous_edition"], DAY1);
    let status: Vec<&str> = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["developing", "continuing"], "{json:#}");
    // Without it, the same build has nothing to compare with.
    let out = t.run(
        &[
            &["build", &today, "--out-dir", "elsewhere/alone"][..],
            &json_only,
        ]
        .concat(),
    );
    assert!(out.status.success(), "{:?}", text(&out));
    let alone: serde_json::Value =
        serde_json::from_str(&t.read("elsewhere/alone/brief.json")).unwrap();
    assert!(alone["previous_edition"].is_null());
    // The manifest file works as well as the folder; a path with no edition is an error
    // that names it, before anything is built.
    let manifest = format!("{day1}/.brief-manifest.json");
    let out = t.run(&[
        "build",
        &today,
        "--out-dir",
        "elsewhere/m",
        "--previous",
        &manifest,
    ]);
    assert!(out.status.success(), "{:?}", text(&out));
    let out = t.run(&[
        "build",
        &today,
        "--out-dir",
        "elsewhere/x",
        "--previous",
        "inbox",
    ]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("inbox") && stderr.contains("not a built edition"),
        "{stderr}"
    );
    assert!(!t.path().join("elsewhere/x").exists());
    let out = t.run(&["build", "inbox", "--all", "--previous", &day1]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--all compares each day with the day before"
    );

    // brief diff of two editions: stories new, developing (what changed), continuing, gone.
    let out = t.run(&["diff", &day1, "elsewhere/today"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.starts_with(&format!(
            "Edition today since {DAY1}: 2 stories (0 new, 1 developing, 1 continuing); 0 no \
             longer covered."
        )),
        "{stdout}"
    );
    let lyon = &stdout[stdout.find("\nDeveloping:\n").unwrap()..];
    assert!(
        lyon.contains("Lyon") && lyon.contains("      + "),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nContinuing, nothing new in its brief:\n  Porto"),
        "{stdout}"
    );
    // Backwards, day one's stories are continuing or developing and nothing is new; an
    // edition against a one-story brief compares that one story.
    let out = t.run(&["diff", "elsewhere/today", &day1]);
    assert!(text(&out).0.contains("(0 new"), "{:?}", text(&out));
    for f in ["porto-strike-post.md", "porto-strike-wire.md"] {
        write(
            &t,
            &format!("one/{f}"),
            &std::fs::read_to_string(fixtures().join("edition").join(f)).unwrap(),
        );
    }
    let out = t.run(&["build", "one", "--out-dir", "built-one"]);
    assert!(out.status.success(), "{:?}", text(&out));
    let out = t.run(&["diff", "built-one", &day1]);
    let (stdout, _) = text(&out);
    assert!(out.status.success());
    assert!(
        stdout.contains("(1 new, 0 developing, 1 continuing); 0 no longer"),
        "{stdout}"
    );
}

#[test]
fn check_takes_an_edition_folder_or_the_archive_of_editions() {
    let t = desk("");
    build_all(&t);
    day_two(&t);
    build_all(&t);
    let day1 = format!("briefings/{DAY1}");
    let out = t.run(&["check", &day1]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "ok: 1 brief up to date\n");
    let out = t.run(&["check", "briefings"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "ok: 2 briefs up to date\n");
    // An edited story page, or a new article in the day's folder, makes it stale.
    let json = front(&t, DAY1);
    let slug = json["stories"][0]["slug"].as_str().unwrap();
    let page = format!("{day1}/stories/{slug}/brief.md");
    write(&t, &page, "edited\n");
    for root in [day1.as_str(), "briefings"] {
        let out = t.run(&["check", root]);
        let (stdout, _) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{root}: {stdout}");
        assert!(stdout.contains(&format!("stale: {day1}")), "{stdout}");
        assert!(!stdout.contains(DAY2), "{stdout}");
    }
    build_all(&t);
    write(
        &t,
        &format!("inbox/{DAY2}/late.md"),
        "---\ntitle: Late news\noutlet: Late Wire\n---\n\nA late article arrived in the folder.\n",
    );
    let out = t.run(&["check", &format!("briefings/{DAY2}")]);
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("late.md"), "{stdout}");
}

#[test]
fn a_day_rebuilt_after_the_next_makes_the_next_stale() {
    let t = desk("");
    build_all(&t);
    day_two(&t);
    build_all(&t);
    let (day1, day2) = (format!("inbox/{DAY1}"), format!("inbox/{DAY2}"));
    let check = |root: &str| {
        let out = t.run(&["check", root]);
        (out.status.code(), text(&out).0)
    };
    // Rebuilding day one from the same articles changes nothing day two read of it.
    let out = t.run(&["build", &day1, "--force"]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(
        check("briefings"),
        (Some(0), "ok: 2 briefs up to date\n".into())
    );
    // A late article on day one changes its stories: day two was compared with the old ones.
    write(
        &t,
        &format!("{day1}/lyon-late.md"),
        "---\ntitle: \"Lyon strike: union sets terms\"\noutlet: Late Wire\ndate: 2026-12-06\n---\n\n\
         The SUD-Rail union said the Lyon rail strike would go on until management offered a 6 \
         percent raise. About 160 trains were cancelled around Lyon on Saturday.\n",
    );
    let out = t.run(&["build", &day1]);
    assert!(out.status.success(), "{}", text(&out).1);
    let (code, stdout) = check(&format!("briefings/{DAY2}"));
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("the previous edition, {DAY1}, was rebuilt since")),
        "{stdout}"
    );
    // Building day two again compares it with the day one there is now.
    let stdout = text(&t.run(&["build", &day2])).0;
    assert!(!stdout.contains("up to date"), "{stdout}");
    assert_eq!(
        check("briefings"),
        (Some(0), "ok: 2 briefs up to date\n".into())
    );
}

#[test]
fn the_date_line_says_when_most_articles_are_undated() {
    let t = desk("");
    // Every article but one loses its date.
    let dir = t.path().join("inbox").join(DAY1);
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.file_name().unwrap() == "lyon-strike-wire.md" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("date: 2026-12-06\n", "")).unwrap();
    }
    build_all(&t);
    let json = front(&t, DAY1);
    assert_eq!(json["dated_articles"], 1);
    let md = t.read(&format!("briefings/{DAY1}/brief.md"));
    let line = md.lines().find(|l| l.contains("articles by")).unwrap();
    assert!(
        line.contains("6 articles by 5 outlets; 1 of them dated (2026-12-06)"),
        "{line}"
    );
    // All dated: the period alone, as before.
    let t = desk("");
    build_all(&t);
    let md = t.read(&format!("briefings/{DAY1}/brief.md"));
    assert!(md.contains("6 articles by 5 outlets, 2026-12-06;"), "{md}");
}

/// `brief email briefings/DAY1 --to ... --from ... ARGS`.
fn email(t: &BriefTest, args: &[&str]) -> std::process::Output {
    let day = format!("briefings/{DAY1}");
    let mut all = vec!["email", day.as_str(), "--to", "desk@example.org"];
    all.extend(["--from", "brief@example.org"]);
    all.extend(args);
    t.run(&all)
}

/// Every file under `dir`, recursively.
fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}
