//! Templates: user overrides, export, and errors that name the file and line.

use super::{BriefTest, text};

#[test]
fn export_then_override() {
    let t = BriefTest::fixture("basic");
    let out = t.run(&["templates", "export", "tpl"]);
    assert!(out.status.success());
    assert!(t.path().join("tpl/brief.md.tera").is_file());
    assert!(t.path().join("tpl/page.html.tera").is_file());
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
