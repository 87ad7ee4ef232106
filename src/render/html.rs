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
//! stays a text event, which pulldown-cmark escapes. It recognises what the built-in template
//! writes:
//!
//! - A citation: emphasis ending a list item or paragraph, in parentheses, holding source
//!   numbers like `[2]` (`*(Outlet [2]; [Other](https://...) [4])*`) becomes
//!   `<span class="cite">` holding one `<span class="src">` label per outlet, each number a
//!   link to the source in the list (`#source-2`).
//! - Items of the numbered list after a `## Sources` heading get `id="source-N"`.
//! - Tables are wrapped in `<div class="table">`, which scrolls sideways on a narrow screen
//!   instead of widening the page.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Render Markdown to an HTML fragment.
pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).map(neutralise).collect();
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
fn neutralise(event: Event<'_>) -> Event<'_> {
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

/// Add classes, ids and wrappers (see the module docs). Input events are already neutral.
fn decorate(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len() + events.len() / 4);
    let mut in_sources = false;
    let mut next_source: Option<u64> = None;
    let mut list_depth = 0usize;
    let mut i = 0;
    while i < events.len() {
        let event = &events[i];
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = matching_end(&events, i);
                let text = plain_text(&events[i + 1..end]);
                in_sources = *level == HeadingLevel::H2 && text.trim() == "Sources";
                next_source = None;
                out.extend_from_slice(&events[i..=end]);
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
            Event::Start(Tag::Emphasis) => {
                let end = matching_end(&events, i);
                let last_inline = matches!(
                    events.get(end + 1),
                    Some(Event::End(TagEnd::Item | TagEnd::Paragraph)) | None
                );
                if let Some(cite) = last_inline.then(|| citation(&events[i + 1..end])).flatten() {
                    out.extend(cite);
                    i = end + 1;
                    continue;
                }
                out.push(event.clone());
            }
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

/// A citation's events as labelled spans, or None when `inner` (the events inside the
/// emphasis) is not `(... [N] ...)`.
fn citation<'a>(inner: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    // Merge neighbouring text (pulldown-cmark splits it at brackets and quotes).
    let mut merged: Vec<Event<'a>> = Vec::with_capacity(inner.len());
    for event in inner {
        match (merged.last_mut(), event) {
            (Some(Event::Text(prev)), Event::Text(t)) => {
                *prev = CowStr::from(format!("{prev}{t}"));
            }
            (_, Event::Text(_) | Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link)) => {
                merged.push(event.clone());
            }
            // Anything else (code, nested emphasis, images): not one of ours.
            _ => return None,
        }
    }
    let first = match merged.first_mut() {
        Some(Event::Text(t)) if t.starts_with('(') => t,
        _ => return None,
    };
    *first = CowStr::from(first[1..].to_string());
    let last = match merged.last_mut() {
        Some(Event::Text(t)) if t.ends_with(')') => t,
        _ => return None,
    };
    *last = CowStr::from(last[..last.len() - 1].to_string());
    if !merged
        .iter()
        .any(|e| matches!(e, Event::Text(t) if !source_refs(t).is_empty()))
    {
        return None;
    }
    // Split into items at "; " outside links.
    let mut items: Vec<Vec<Event<'a>>> = vec![Vec::new()];
    let mut in_link = false;
    for event in merged {
        match event {
            Event::Text(t) if !in_link => {
                let mut pieces = t.split("; ");
                if let Some(p) = pieces.next() {
                    push_text(items.last_mut(), p);
                }
                for p in pieces {
                    items.push(Vec::new());
                    push_text(items.last_mut(), p);
                }
            }
            other => {
                match other {
                    Event::Start(Tag::Link { .. }) => in_link = true,
                    Event::End(TagEnd::Link) => in_link = false,
                    _ => {}
                }
                if let Some(item) = items.last_mut() {
                    item.push(other);
                }
            }
        }
    }
    let mut out = vec![Event::Html("<span class=\"cite\">".into())];
    for (k, item) in items.into_iter().filter(|v| !v.is_empty()).enumerate() {
        if k > 0 {
            out.push(Event::Text(" ".into()));
        }
        let has_ref = item
            .iter()
            .any(|e| matches!(e, Event::Text(t) if !source_refs(t).is_empty()));
        out.push(Event::Html(
            if has_ref {
                "<span class=\"src\">"
            } else {
                "<span class=\"who\">"
            }
            .into(),
        ));
        for event in item {
            match event {
                Event::Text(t) => link_refs(&t, &mut out),
                other => out.push(other),
            }
        }
        out.push(Event::Html("</span>".into()));
    }
    out.push(Event::Html("</span>".into()));
    Some(out)
}

fn push_text<'a>(item: Option<&mut Vec<Event<'a>>>, text: &str) {
    if let Some(item) = item.filter(|_| !text.is_empty()) {
        item.push(Event::Text(text.to_string().into()));
    }
}

/// Byte ranges and numbers of `[N]` source references in `text`.
fn source_refs(text: &str) -> Vec<(std::ops::Range<usize>, u64)> {
    let mut refs = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|o| o + from) {
        let digits = text[open + 1..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(0);
        let close = open + 1 + digits;
        if (1..=6).contains(&digits)
            && text[close..].starts_with(']')
            && let Ok(n) = text[open + 1..close].parse()
        {
            refs.push((open..close + 1, n));
        }
        from = open + 1;
    }
    refs
}

/// Text with each `[N]` turned into a link to `#source-N`.
fn link_refs<'a>(text: &str, out: &mut Vec<Event<'a>>) {
    let mut at = 0;
    for (range, n) in source_refs(text) {
        if range.start > at {
            out.push(Event::Text(text[at..range.start].to_string().into()));
        }
        out.push(Event::Html(
            format!("<a class=\"ref\" href=\"#source-{n}\">").into(),
        ));
        out.push(Event::Text(format!("[{n}]").into()));
        out.push(Event::Html("</a>".into()));
        at = range.end;
    }
    if at < text.len() {
        out.push(Event::Text(text[at..].to_string().into()));
    }
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
    fn citations_become_labels_linked_to_sources() {
        let md = "## What happened\n\n- A ship ran aground. *([Harbour \\<b\\>](https://e.org/a) [2]; Nordic Times [4])*\n\n## Sources\n\n1. **A**\n2. **B**\n";
        let html = markdown_to_html(md);
        assert!(html.contains("<h2>What happened</h2>"), "{html}");
        assert!(html.contains("<span class=\"cite\"><span class=\"src\"><a href=\"https://e.org/a\">Harbour &lt;b&gt;</a> <a class=\"ref\" href=\"#source-2\">[2]</a></span> <span class=\"src\">Nordic Times <a class=\"ref\" href=\"#source-4\">[4]</a></span></span>"), "{html}");
        assert!(html.contains("<li id=\"source-1\">"), "{html}");
        assert!(html.contains("<li id=\"source-2\">"), "{html}");
        assert!(!html.contains("(<"), "parentheses go: {html}");
    }

    #[test]
    fn other_emphasis_stays_emphasis() {
        let html =
            markdown_to_html("*Brief from 2 articles.*\n\nText *(not a [citation])* here.\n");
        assert!(html.contains("<em>Brief from 2 articles.</em>"), "{html}");
        assert!(html.contains("<em>(not a [citation])</em>"), "{html}");
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
