//! Templates: user overrides, export, and errors that name the file and line.

use super::{BriefTest, text};

#[test]
fn export_then_override() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["templates", "export", "tpl"]);
    assert!(out.status.success());
    assert!(t.path().join("tpl/brief.md.tera").is_file());
    assert!(t.path().join("tpl/page.html.tera").is_file());
    assert!(t.path().join("tpl/partials/figures.md.tera").is_file());
    // Exporting again refuses to overwrite without --force.
    assert_eq!(
        t.run(&["templates", "export", "tpl"]).status.code(),
        Some(2)
    );
    assert!(
        t.run(&["templates", "export", "tpl", "--force"])
            .status
            .success()
    );

    std::fs::write(
        t.path().join("tpl/brief.md.tera"),
        "# {{ title }}\n{% for p in summary %}* {{ p.text }}\n{% endfor %}",
    )
    .unwrap();
    let out = t.run(&["build", "sources", "--templates", "tpl", "-o", "-"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("# "), "{stdout}");
    assert!(
        !stdout.contains("## Sources"),
        "the user's template replaced the built-in one"
    );
}

#[test]
fn template_error_names_file_and_line() {
    let t = BriefTest::fixture("basic");
    std::fs::create_dir(t.path().join("tpl")).unwrap();
    std::fs::write(
        t.path().join("tpl/brief.md.tera"),
        "# {{ title }}\n\n{% for p in summary %}\n",
    )
    .unwrap();
    let out = t.run(&["build", "sources", "--templates", "tpl"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("brief.md.tera"), "{stderr}");
    assert!(
        stderr.contains("tpl/brief.md.tera"),
        "the user's file is named: {stderr}"
    );
    assert!(
        stderr.contains("brief.md.tera:4:1"),
        "line and column: {stderr}"
    );
}

/// Issue 13: the HTML page's citation labels come from the Brief (the `cite` filter), so a
/// partial that puts them elsewhere keeps them, and text that only looks like a citation
/// stays text.
#[test]
fn a_partial_override_keeps_citation_labels_built_from_the_brief() {
    let t = BriefTest::fixture("basic");
    std::fs::create_dir_all(t.path().join("tpl/partials")).unwrap();
    std::fs::write(
        t.path().join("tpl/partials/summary.md.tera"),
        "## In short\n\n{% for p in summary -%}\n1. {{ p.citations | cite }}: {{ p.text }} \
         *(see [1])*\n{% endfor %}\n",
    )
    .unwrap();
    let out = t.run(&["build", "sources", "--templates", "tpl", "-o", "brief.html"]);
    assert!(out.status.success(), "{:?}", text(&out));
    let html = t.read("brief.html");
    let section = html
        .split("<h2 id=\"in-short\">In short</h2>")
        .nth(1)
        .unwrap();
    let section = section.split("<h2").next().unwrap();
    assert!(
        section.contains("<li><span class=\"cite\"><span class=\"src\">"),
        "{section}"
    );
    assert!(
        section.contains("<a class=\"ref\" href=\"#source-"),
        "{section}"
    );
    assert!(section.contains("<em>(see [1])</em>"), "{section}");
    // The rest of the brief is the built-in template's, labels included.
    assert!(html.contains(">Who wants what</h2>"), "{html}");
    let md = t.run(&["build", "sources", "--templates", "tpl", "-o", "-"]);
    let (md, _) = text(&md);
    assert!(md.contains("## In short\n\n1. *("), "{md}");
}
