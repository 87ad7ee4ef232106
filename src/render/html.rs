//! Markdown -> HTML through pulldown-cmark, with raw HTML neutralised, then dressed for
//! reading: CSS classes on citations, anchors on sources, scrollable tables.
//!
//! Article text reaches the Markdown already escaped, but a user's template could still
//! contain raw HTML or links; as defence in depth, every raw HTML event is emitted as text
//! (so `<script>` shows as `&lt;script&gt;`), and links or images whose destination is not
//! http(s), mailto or a relative/fragment reference lose their destination.
//!
//! Dressing works on pulldown-cmark's events, never on strings: the only raw HTML emitted is
//! fixed tags written here (with numbers as the only variable part), and every piece of text
//! stays a text event, which pulldown-cmark escapes.
//!
//! - A citation is built from the Brief, not recognised in the Markdown: for the page, the
//!   templates' `cite` filter writes a [`Chip`](super::cite::Chip) token in place of the
//!   `*(Outlet [2]; ...)*` it writes in the Markdown brief, and the token becomes
//!   `<span class="cite">` holding one `<span class="src">` label per outlet (linked to the
//!   article when its URL is known), each number a link to the source in the list
//!   (`#source-2`). Any template that calls `cite` gets the labels, however it words the
//!   rest, and no text can pass for a citation.
//! - Items of the numbered list after a `## Sources` heading get `id="source-N"`.
//! - Tables are wrapped in `<div class="table">`, which scrolls sideways on a narrow screen
//!   instead of widening the page.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::cite::{TOKEN_START, chips};

/// The Markdown options of the page (and of the labels of a chip, so they read the same).
pub(super) const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_SMART_PUNCTUATION);

/// Render Markdown to an HTML fragment.
pub fn markdown_to_html(markdown: &str) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, OPTIONS).map(neutralise).collect();
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, escape_text(decorate(events)).into_iter());
    out
}

/// Write text ourselves, escaping `& < > " ' =` (pulldown-cmark escapes only `& < > "`), so
/// article text reads as text in any HTML context and never even looks like an attribute
/// (`onerror=` shows as `onerror&#61;`). Image alt text is left to pulldown-cmark.
fn escape_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut in_image = 0usize;
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                event
            }
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                event
            }
            Event::Text(text) if in_image == 0 => {
                let mut escaped = String::with_capacity(text.len() + 8);
                for c in text.chars() {
                    match c {
                        '&' => escaped.push_str("&amp;"),
                        '<' => escaped.push_str("&lt;"),
                        '>' => escaped.push_str("&gt;"),
                        '"' => escaped.push_str("&quot;"),
                        '\'' => escaped.push_str("&#39;"),
                        '=' => escaped.push_str("&#61;"),
                        c => escaped.push(c),
                    }
                }
                Event::InlineHtml(escaped.into())
            }
            other => other,
        })
        .collect()
}

/// Raw HTML becomes text; unsafe link and image destinations are dropped.
pub(super) fn neutralise(event: Event<'_>) -> Event<'_> {
    match event {
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
    }
}

/// A heading's anchor: its text in lower-case ASCII, words joined by `-` ("What's new" ->
/// `whats-new`, "Égypte" -> `egypte`), `-2`, `-3` ... when taken. The same brief gives the
/// same anchors, so links to a section or a story keep working across rebuilds.
fn anchor(text: &str, taken: &mut Vec<String>) -> String {
    let ascii = deunicode::deunicode(text)
        .to_lowercase()
        .replace(['\'', '\u{2019}'], "");
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let base = if words.is_empty() {
        "section".to_string()
    } else {
        words.join("-")
    };
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) || id.starts_with("source-") {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.push(id.clone());
    id
}

/// The table of contents: a link to each second-level heading, as fixed tags around text
/// events (escaped like all text) and anchors made of `[a-z0-9-]` only.
fn toc<'a>(headings: &[(String, String)]) -> Vec<Event<'a>> {
    let mut out = vec![Event::Html(
        "<nav class=\"toc\" aria-label=\"Sections\"><ul>\n".into(),
    )];
    for (id, text) in headings {
        out.push(Event::Html(format!("<li><a href=\"#{id}\">").into()));
        out.push(Event::Text(text.clone().into()));
        out.push(Event::Html("</a></li>\n".into()));
    }
    out.push(Event::Html("</ul></nav>\n".into()));
    out
}

/// Add classes, ids and wrappers (see the module docs). Input events are already neutral.
fn decorate(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    // Anchors first, so the table of contents can be written before the first section.
    let mut taken = Vec::new();
    let mut anchors = Vec::new();
    let mut sections = Vec::new();
    for (i, event) in events.iter().enumerate() {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            let text = plain_text(&events[i + 1..matching_end(&events, i)]);
            let id = anchor(&text, &mut taken);
            if *level == HeadingLevel::H2 {
                sections.push((id.clone(), text.trim().to_string()));
            }
            anchors.push(id);
        }
    }
    let mut anchors = anchors.into_iter();
    let mut toc_pending = sections.len() >= 2;
    let mut out = Vec::with_capacity(events.len() + events.len() / 4);
    let mut in_sources = false;
    let mut next_source: Option<u64> = None;
    let mut list_depth = 0usize;
    let mut i = 0;
    while i < events.len() {
        let event = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let end = matching_end(&events, i);
                let text = plain_text(&events[i + 1..end]);
                in_sources = *level == HeadingLevel::H2 && text.trim() == "Sources";
                next_source = None;
                if *level == HeadingLevel::H2 && std::mem::take(&mut toc_pending) {
                    out.extend(toc(&sections));
                }
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: anchors.next().map(CowStr::from),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
                out.extend_from_slice(&events[i + 1..=end]);
                i = end + 1;
                continue;
            }
            Event::Start(Tag::List(start)) => {
                list_depth += 1;
                if in_sources && list_depth == 1 {
                    next_source = *start;
                }
                out.push(event.clone());
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                if list_depth == 0 {
                    next_source = None;
                }
                out.push(event.clone());
            }
            Event::Start(Tag::Item) if list_depth == 1 && next_source.is_some() => {
                let n = next_source.unwrap_or_default();
                out.push(Event::Html(format!("<li id=\"source-{n}\">").into()));
                next_source = Some(n + 1);
            }
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html("<div class=\"table\">\n".into()));
                out.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                out.push(event.clone());
                out.push(Event::Html("</div>\n".into()));
            }
            Event::Text(text) if text.contains(TOKEN_START) => chips(text, &mut out),
            _ => out.push(event.clone()),
        }
        i += 1;
    }
    out
}

/// Index of the event closing the element opened at `start` (or the last event).
fn matching_end(events: &[Event<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// The text of some inline events.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
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
    use super::super::cite::{Chip, ChipItem};
    use super::*;

    #[test]
    fn sections_get_stable_anchors_and_a_table_of_contents() {
        let md = "# T\n\n*By 2.*\n\n## What's new\n\n- a\n\n## What happened\n\n\
                  ### Égypte <b>\n\n## What happened\n";
        let html = markdown_to_html(md);
        assert!(html.contains("<h2 id=\"whats-new\">"), "{html}");
        assert!(html.contains("<h3 id=\"egypte-b\">"), "{html}");
        assert!(html.contains("<h2 id=\"what-happened-2\">"), "{html}");
        let nav = &html[html.find("<nav").unwrap()..html.find("</nav>").unwrap()];
        assert!(nav.contains("<a href=\"#whats-new\">What"), "{nav}");
        assert!(html.find("<nav").unwrap() > html.find("By 2.").unwrap());
        assert!(html.find("<nav").unwrap() < html.find("<h2").unwrap());
        assert_eq!(markdown_to_html(md), html, "the same anchors every time");
    }

    #[test]
    fn raw_html_is_text() {
        let html =
            markdown_to_html("Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("onclick&#61;&quot;x()&quot;"), "{html}");
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
        assert!(html.contains("<div class=\"table\">"), "{html}");
    }

    #[test]
    fn chips_become_labels_linked_to_sources() {
        let chip = Chip {
            who: None,
            items: vec![
                ChipItem {
                    outlet: "Harbour <b>".into(),
                    url: "https://e.org/a".into(),
                    source: 2,
                },
                ChipItem {
                    outlet: "Nordic Times".into(),
                    url: String::new(),
                    source: 4,
                },
            ],
        };
        let md = format!(
            "## What happened\n\n- A ship ran aground. {}\n\n## Sources\n\n1. **A**\n2. **B**\n",
            chip.token()
        );
        let html = markdown_to_html(&md);
        assert!(
            html.contains("<h2 id=\"what-happened\">What happened</h2>"),
            "{html}"
        );
        assert!(html.contains("<li>A ship ran aground. <span class=\"cite\"><span class=\"src\"><a href=\"https://e.org/a\">Harbour &lt;b&gt;</a> <a class=\"ref\" href=\"#source-2\">[2]</a></span> <span class=\"src\">Nordic Times <a class=\"ref\" href=\"#source-4\">[4]</a></span></span></li>"), "{html}");
        assert!(html.contains("<li id=\"source-1\">"), "{html}");
        assert!(html.contains("<li id=\"source-2\">"), "{html}");
    }

    #[test]
    fn a_speaker_is_a_label_of_its_own_and_text_stays_text() {
        let chip = Chip {
            who: Some("Rabie's aide, unnamed".into()),
            items: vec![ChipItem {
                outlet: "Wire".into(),
                url: "javascript:alert(1)".into(),
                source: 1,
            }],
        };
        let html = markdown_to_html(&format!("- “We pulled it off.” {}\n", chip.token()));
        assert!(html.contains("<span class=\"cite\"><span class=\"who\">Rabie’s aide, unnamed</span> <span class=\"src\"><a href=\"\">Wire</a>"), "{html}");
        // Emphasis that only looks like a citation stays emphasis.
        let html = markdown_to_html("*Brief from 2 articles.*\n\nText *(Wire [2])* here.\n");
        assert!(html.contains("<em>Brief from 2 articles.</em>"), "{html}");
        assert!(html.contains("<em>(Wire [2])</em>"), "{html}");
        assert!(!html.contains("cite"), "{html}");
    }

    #[test]
    fn tables_are_wrapped_to_scroll() {
        let html = markdown_to_html("| a |\n|---|\n| 1 |\n");
        assert!(html.starts_with("<div class=\"table\">\n<table>"), "{html}");
        assert!(html.trim_end().ends_with("</table>\n</div>"), "{html}");
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
