//! Bad input: clear messages naming the file, the right exit code, never a panic.

use super::{BriefTest, text};

#[test]
fn missing_folder_exits_2_naming_it() {
    let t = BriefTest::empty();
    let out = t.run(&["build", "no-such-folder"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn folder_without_articles_exits_2_listing_what_was_skipped() {
    let t = BriefTest::empty();
    std::fs::create_dir(t.path().join("in")).unwrap();
    std::fs::write(t.path().join("in/scan.pdf"), b"%PDF-1.4").unwrap();
    let out = t.run(&["build", "in"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("no usable article"), "{stderr}");
    assert!(stderr.contains("scan.pdf"), "{stderr}");
}

#[test]
fn one_bad_article_is_a_warning_not_an_abort() {
    let t = BriefTest::fixture("basic");
    std::fs::write(
        t.path().join("sources/04-broken.md"),
        "---\ntitle: [unclosed\n---\nBody text here.\n",
    )
    .unwrap();
    std::fs::write(t.path().join("sources/05-binary.txt"), b"\xff\xfe\x00\x01").unwrap();
    std::fs::write(t.path().join("sources/photo.jpg"), b"\xff\xd8").unwrap();
    let out = t.run(&["build", "sources"]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: 04-broken.md: YAML front matter"),
        "{stderr}"
    );
    assert!(stderr.contains("warning: 05-binary.txt"), "{stderr}");
    assert!(stderr.contains("warning: photo.jpg"), "{stderr}");
    let md = t.read("brief.md");
    assert!(
        md.contains("04-broken.md"),
        "skipped files are listed in the brief"
    );
}

#[test]
fn unwritable_output_exits_3_and_keeps_the_previous_brief() {
    let t = BriefTest::fixture("basic");
    assert!(t.run(&["build", "sources"]).status.success());
    let before = t.read("brief.md");
    // A directory where the file should go makes the rename fail.
    let out = t.run(&["build", "sources", "-o", "sources"]);
    assert_eq!(out.status.code(), Some(2), "no extension: usage error");
    std::fs::create_dir(t.path().join("x.md")).unwrap();
    let out = t.run(&["build", "sources", "-o", "x.md"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("x.md"), "{stderr}");
    assert_eq!(t.read("brief.md"), before);
}

#[test]
fn bad_brief_toml_names_the_key() {
    let t = BriefTest::fixture("basic");
    std::fs::write(
        t.path().join("sources/brief.toml"),
        "[sumary]\nwords = 10\n",
    )
    .unwrap();
    let out = t.run(&["build", "sources"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("brief.toml") && stderr.contains("sumary"),
        "{stderr}"
    );
}

#[test]
fn brief_toml_maps_outlets() {
    let t = BriefTest::fixture("basic");
    std::fs::write(
        t.path().join("sources/brief.toml"),
        "[outlets]\n\"03-coastal-wire.txt\" = \"Mapped Wire\"\n",
    )
    .unwrap();
    let out = t.run(&["build", "sources", "-o", "-", "--format", "json"]);
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(brief["sources"][2]["outlet"], "Mapped Wire");
    assert_eq!(brief["sources"][2]["outlet_from"], "config");
}

#[test]
fn conflicting_length_flags_are_a_usage_error() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["build", "sources", "--sentences", "2", "--words", "10"]);
    assert_eq!(out.status.code(), Some(2));
}
