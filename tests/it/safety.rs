//! Hostile article text renders as inert text in every format.

use super::{BriefTest, text};

#[test]
fn hostile_articles_never_become_markup() {
    let t = BriefTest::fixture("hostile");
    let out = t.run(&["build", "sources"]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("03-bad-bytes.txt"),
        "undecodable file is a warning: {stderr}"
    );
    let html = t.read("brief.html");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(!lower.contains("<img"), "{html}");
    assert!(!lower.contains("<b>"), "{html}");
    let handler = regex::Regex::new(r"<[a-z][^>]*\son[a-z]+\s*=").unwrap();
    assert!(
        !handler.is_match(&lower),
        "an event handler inside a tag: {html}"
    );
    assert!(!lower.contains("href=\"javascript"), "{html}");
    assert!(!lower.contains("<!--"), "{html}");
    assert!(
        lower.contains("&lt;script&gt;"),
        "the text is still shown: {html}"
    );
    let md = t.read("brief.md");
    // In Markdown, article text may keep its characters only backslash-escaped.
    let bytes = md.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'<' | b'`') {
            assert!(
                i > 0 && bytes[i - 1] == b'\\',
                "unescaped {} at {i}: {md}",
                b as char
            );
        }
    }
    for (i, _) in md.match_indices("](") {
        let dest_ok = md[i + 2..].starts_with("https://") || md[i + 2..].starts_with("http://");
        assert!(
            dest_ok || bytes[i - 1] == b'\\',
            "link from article text at {i}: {md}"
        );
    }
    assert!(
        !md.chars().any(|c| c.is_control() && c != '\n'),
        "control characters removed"
    );
}
