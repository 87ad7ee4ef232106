//! `brief build` and `brief summarize` on a small three-outlet fixture.

use super::{BriefTest, text};

#[test]
fn build_writes_markdown_and_html_beside_sources_and_prints_the_paths() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["build", "sources"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "./brief.md\n./brief.html\n");
    let md = t.read("brief.md");
    for section in [
        "## What happened",
        "## Who matters",
        "## Who wants what",
        "## What is unresolved",
        "## Where the outlets disagree",
        "## Sources",
    ] {
        assert!(md.contains(section), "missing {section}:\n{md}");
    }
    let html = t.read("brief.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(">What happened</h2>"), "{html}");
}

#[test]
fn shared_sentence_is_cited_to_every_outlet_carrying_it() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["build", "sources", "-o", "-", "--format", "json"]);
    assert!(out.status.success());
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let point = brief["summary"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["text"]
                .as_str()
                .unwrap()
                .contains("found a crack in its main steel span")
        })
        .expect("the closure sentence is in the summary");
    assert_eq!(point["support"], 3);
    let outlets: Vec<&str> = point["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["outlet"].as_str().unwrap())
        .collect();
    assert!(outlets.contains(&"Northern Courier") && outlets.contains(&"Bay Herald"));
    assert!(
        outlets.contains(&"Coastal Wire"),
        "outlet detected from SOURCE line: {outlets:?}"
    );
}

#[test]
fn metadata_comes_from_front_matter_and_from_bylines_and_datelines() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["build", "sources", "-o", "brief.json"]);
    assert!(out.status.success());
    let brief: serde_json::Value = serde_json::from_str(&t.read("brief.json")).unwrap();
    assert_eq!(brief["schema_version"], 1);
    let sources = brief["sources"].as_array().unwrap();
    assert_eq!(sources[0]["outlet"], "Northern Courier");
    assert_eq!(sources[0]["outlet_from"], "front_matter");
    assert_eq!(sources[1]["date"], "2025-04-02", "TOML date");
    assert_eq!(sources[2]["outlet"], "Coastal Wire");
    assert_eq!(sources[2]["outlet_from"], "signature");
    assert_eq!(sources[2]["title"], "Bridge closure snarls harbour traffic");
    assert_eq!(sources[2]["author"], "Staff Reporter");
    assert_eq!(sources[2]["date"], "2025-04-03");
    assert_eq!(brief["period"]["first"], "2025-04-02");
    assert_eq!(brief["period"]["last"], "2025-04-03");
    let md = serde_json::to_string(&brief).unwrap();
    assert!(!md.contains("Advertisement"), "furniture removed");
    assert!(!md.contains("SOURCE:"), "source line removed");
}

#[test]
fn every_cited_span_is_verbatim_source_text() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["build", "sources", "-o", "-", "--format", "json"]);
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut checked = 0;
    for p in brief["summary"].as_array().unwrap() {
        for c in p["citations"].as_array().unwrap() {
            let raw = t.read(&format!("sources/{}", c["doc"].as_str().unwrap()));
            let [s, e] = [
                c["span"][0].as_u64().unwrap() as usize,
                c["span"][1].as_u64().unwrap() as usize,
            ];
            let span = &raw[s..e];
            if c == &p["citations"][0] {
                let folded: Vec<&str> = span.split_whitespace().collect();
                assert_eq!(folded.join(" "), p["text"].as_str().unwrap());
            }
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

#[test]
fn output_is_byte_identical_across_runs() {
    let t = BriefTest::fixture("basic");
    let a = t.run(&["build", "sources", "-o", "-", "--format", "html"]);
    let b = t.run(&["build", "sources", "-o", "-", "--format", "html"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let j1 = t.run(&["build", "sources", "-o", "-", "--format", "json"]);
    let j2 = t.run(&["build", "sources", "-o", "-", "--format", "json"]);
    assert_eq!(j1.stdout, j2.stdout);
}

#[test]
fn summary_length_flags() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&[
        "build",
        "sources",
        "-o",
        "-",
        "--format",
        "json",
        "--sentences",
        "2",
    ]);
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(brief["summary"].as_array().unwrap().len(), 2);

    let out = t.run(&["summarize", "sources", "--words", "30"]);
    let (stdout, _) = text(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    let last = lines.last().unwrap().split_whitespace().count();
    // Whole sentences within the budget, then at most one sentence of which at least half
    // fits (the scorer cuts the rest).
    let before = words - last;
    assert!(
        before <= 30 && (words <= 30 || 2 * (30 - before) >= last),
        "{stdout}"
    );
}

#[test]
fn summarize_prints_only_sentences() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["summarize", "sources", "--sentences", "3"]);
    let (stdout, _) = text(&out);
    assert!(out.status.success());
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    for line in stdout.lines() {
        assert!(line.ends_with('.') || line.ends_with('"'), "{line}");
        assert!(!line.starts_with('#') && !line.starts_with('-'), "{line}");
    }
}

#[test]
fn out_dir_and_single_format() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&[
        "build",
        "sources",
        "--out-dir",
        "out",
        "--format",
        "json",
        "-q",
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "quiet");
    assert!(t.path().join("out/brief.json").is_file());
    assert!(!t.path().join("out/brief.md").exists());
}

#[test]
fn a_folder_not_named_sources_goes_to_briefings() {
    let t = BriefTest::fixture("basic");
    std::fs::rename(t.path().join("sources"), t.path().join("2025-04-02")).unwrap();
    let out = t.run(&["build", "2025-04-02"]);
    let (stdout, _) = text(&out);
    assert_eq!(
        stdout,
        "briefings/2025-04-02/brief.md\nbriefings/2025-04-02/brief.html\n"
    );
}

#[test]
fn help_explains_every_subcommand() {
    let t = BriefTest::empty();
    let (top, _) = text(&t.run(&["--help"]));
    for sub in ["build", "summarize", "sentences", "entities", "templates"] {
        assert!(top.contains(sub), "{top}");
    }
    let (build, _) = text(&t.run(&["build", "--help"]));
    for flag in [
        "--output",
        "--format",
        "--sentences",
        "--words",
        "--templates",
        "--out-dir",
    ] {
        assert!(build.contains(flag), "{build}");
    }
}

#[test]
fn sentences_command_splits_stdin() {
    let out = super::brief()
        .arg("sentences")
        .write_stdin("U.S. Secretary of State John Kerry met Lavrov. They met on Sept. 9 at 10 a.m. in Geneva.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "U.S. Secretary of State John Kerry met Lavrov.\nThey met on Sept. 9 at 10 a.m. in Geneva.\n"
    );
}

#[test]
fn entities_command_prints_typed_spans() {
    let text =
        "US Secretary of State John Kerry met Russia's foreign minister Sergei Lavrov in Geneva.";
    let out = super::brief()
        .args(["entities", "--json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let found: Vec<(String, String)> = lines
        .iter()
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_string(),
                v["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("John Kerry".into(), "PER".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("Sergei Lavrov".into(), "PER".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("Geneva".into(), "LOC".into())),
        "{found:?}"
    );
    for v in &lines {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            v["text"].as_str().unwrap(),
            "offsets are byte spans of the input"
        );
    }
}
