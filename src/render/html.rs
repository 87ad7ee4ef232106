//! Markdown -> HTML through pulldown-cmark, with raw HTML neutralised.
//!
//! Article text reaches the Markdown already escaped, but a user's template could still
//! contain raw HTML or links; as defence in depth, every raw HTML event is emitted as text
//! (so `<script>` shows as `&lt;script&gt;`), and links or images whose destination is not
//! http(s), mailto or a relative/fragment reference lose their destination.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Render Markdown to an HTML fragment.
pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION;
    let parser = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

/// Whether a URL is safe to link to: http(s), mailto, or scheme-less (relative, fragment).
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let first_sep = lower.find(['/', '?', '#']);
    match scheme_end {
        Some(i) if first_sep.is_none_or(|s| i < s) => {
            lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("mailto:")
        }
        _ => true,
    }
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    if is_safe_url(&url) {
        url
    } else {
        CowStr::Borrowed("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        let html =
            markdown_to_html("Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_lose_their_destination() {
        let html = markdown_to_html(
            "[a](javascript:alert(1)) [b](https://example.org/x) [c](data:text/html,x)",
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("href=\"https://example.org/x\""), "{html}");
    }

    #[test]
    fn tables_render() {
        let html = markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn url_safety() {
        assert!(is_safe_url("https://example.org/a:b"));
        assert!(is_safe_url("#sources"));
        assert!(is_safe_url("a/b.html"));
        assert!(!is_safe_url(" JavaScript:alert(1)"));
        assert!(!is_safe_url("vbscript:x"));
    }
}
