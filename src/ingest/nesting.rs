//! Bound how deeply a page nests before an HTML parser sees it.
//!
//! The HTML parser (html5ever, through dom_query) scans its stack of open elements on many
//! tags, so 100,000 nested `<div>`s cost time quadratic in the depth; and dom_smoothie walks
//! the tree recursively, so 30,000 unclosed `<b>`s overflow a thread's stack. Real pages nest
//! a few dozen levels. [`bound`] copies the page and leaves out every start tag that would
//! open an element deeper than [`MAX_DEPTH`], with its end tag; inline formatting tags
//! (`<b>`, `<i>`, `<font>`, ...), which the parser re-opens after every block when left
//! unclosed, are kept only while at most [`MAX_FORMATTING`] of them are open. Text is never
//! left out: a too-deep element's text joins its nearest kept ancestor.
//!
//! This is a tokenizer-level approximation of HTML tree building, linear in the page's size:
//! it knows void elements, raw-text elements (`<script>`, `<style>`, ...), comments, quoted
//! attribute values, self-closing tags inside `<svg>` and `<math>`, and the end tags a new
//! `<p>`, `<li>`, `<dt>`, `<dd>`, `<tr>`, `<td>`, `<th>` or `<option>` implies. Where it
//! guesses wrong it only overestimates depth, so at worst a deep part of a page is flattened.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// Deepest element kept (html5ever's and dom_smoothie's work per tag grows with it).
pub const MAX_DEPTH: usize = 256;
/// Most inline formatting elements open at once.
pub const MAX_FORMATTING: usize = 32;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
];
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];
/// Start tags that close an open `<p>` (html5ever closes it when one is in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];
/// Elements that stop the search for an element to close implicitly.
const SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "th", "template",
    "svg", "math",
];

/// The page with its nesting bounded (borrowed unchanged when nothing is left out).
pub fn bound(html: &str) -> Cow<'_, str> {
    let mut state = State::default();
    let out = state.run(html);
    if state.dropped_any {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

#[derive(Default)]
struct State {
    stack: Vec<String>,
    /// How many of each name are on `stack` (a quick "is it open?").
    open: FxHashMap<String, usize>,
    /// Start tags left out, by name: their end tags are left out too.
    dropped: FxHashMap<String, usize>,
    formatting: usize,
    foreign: usize,
    dropped_any: bool,
}

impl State {
    fn run(&mut self, html: &str) -> String {
        let lower = html.to_ascii_lowercase();
        let mut out = String::with_capacity(html.len());
        let mut i = 0;
        while let Some(off) = html[i..].find('<') {
            let lt = i + off;
            out.push_str(&html[i..lt]);
            let rest = &lower[lt..];
            let end = if let Some(comment) = rest.strip_prefix("<!--") {
                comment.find("-->").map_or(html.len(), |e| lt + 4 + e + 3)
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                rest.find('>').map_or(html.len(), |e| lt + e + 1)
            } else {
                match self.tag(html, &lower, lt, &mut out) {
                    Some(next) => {
                        i = next;
                        continue;
                    }
                    None => lt + 1,
                }
            };
            out.push_str(&html[lt..end]);
            i = end;
        }
        out.push_str(&html[i..]);
        out
    }

    /// Handle the tag at `lt`: copy it (and a raw-text element's text) or leave it out, and
    /// return where to go on; `None` when `<` does not open a tag.
    fn tag(&mut self, html: &str, lower: &str, lt: usize, out: &mut String) -> Option<usize> {
        let bytes = html.as_bytes();
        let close = bytes.get(lt + 1) == Some(&b'/');
        let from = lt + 1 + usize::from(close);
        if !bytes.get(from).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_end = lower[from..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .map_or(html.len(), |e| from + e);
        let Some(tag_end) = tag_end(bytes, name_end) else {
            // The page ends inside the tag: the parser drops it; copy it as it is.
            out.push_str(&html[lt..]);
            return Some(html.len());
        };
        let name = &lower[from..name_end];
        let self_closing = bytes[tag_end - 2] == b'/';
        let keep = if close {
            self.end_tag(name)
        } else {
            self.start_tag(name, self_closing)
        };
        if !keep {
            self.dropped_any = true;
            // Never let the text on both sides join into a new tag ("<" + "b>").
            if out.ends_with('<') {
                out.push(' ');
            }
            return Some(tag_end);
        }
        out.push_str(&html[lt..tag_end]);
        if close || !RAW_TEXT.contains(&name) {
            return Some(tag_end);
        }
        // A script's or a style's text is not markup: copy it up to its end tag.
        let body_end = lower[tag_end..]
            .find(&format!("</{name}"))
            .map_or(html.len(), |e| tag_end + e);
        out.push_str(&html[tag_end..body_end]);
        Some(body_end)
    }

    /// Whether to keep a start tag.
    fn start_tag(&mut self, name: &str, self_closing: bool) -> bool {
        if VOID.contains(&name) || (self_closing && self.foreign > 0) {
            return true;
        }
        self.implied_end(name);
        let formatting = FORMATTING.contains(&name);
        // A raw-text element holds no markup: it may go one level deeper.
        let deep = self.stack.len() >= MAX_DEPTH && !RAW_TEXT.contains(&name);
        if deep || (formatting && self.formatting >= MAX_FORMATTING) {
            *self.dropped.entry(name.to_string()).or_default() += 1;
            return false;
        }
        if formatting {
            self.formatting += 1;
        }
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        self.push(name);
        true
    }

    /// Whether to keep an end tag.
    fn end_tag(&mut self, name: &str) -> bool {
        if let Some(n) = self.dropped.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            return false;
        }
        if FORMATTING.contains(&name) {
            self.formatting = self.formatting.saturating_sub(1);
        }
        if self.open.get(name).is_some_and(|&n| n > 0) {
            self.pop_to(name, &[]);
        }
        true
    }

    /// Close what a start tag closes implicitly: an open `<p>`, a previous `<li>`, ...
    fn implied_end(&mut self, name: &str) {
        if CLOSES_P.contains(&name) {
            self.pop_to("p", SCOPE);
        }
        let (same, stop): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "tr" => (&["tr"], &["table"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "option" => (&["option"], &["select"]),
            "a" => (&["a"], &[]),
            _ => return,
        };
        for s in same {
            self.pop_to(s, stop);
        }
    }

    /// Pop up to and including the innermost open `name`, unless an element of `stop` (or
    /// of [`SCOPE`]) is found first.
    fn pop_to(&mut self, name: &str, stop: &[&str]) {
        if self.open.get(name).is_none_or(|&n| n == 0) {
            return;
        }
        let Some(at) = self
            .stack
            .iter()
            .rposition(|e| e == name || stop.contains(&e.as_str()) || SCOPE.contains(&e.as_str()))
        else {
            return;
        };
        if self.stack[at] != name {
            return;
        }
        for e in self.stack.drain(at..) {
            if let Some(n) = self.open.get_mut(&e) {
                *n -= 1;
            }
            if matches!(e.as_str(), "svg" | "math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
    }

    fn push(&mut self, name: &str) {
        *self.open.entry(name.to_string()).or_default() += 1;
        self.stack.push(name.to_string());
    }
}

/// The byte after the `>` that ends a tag whose name ends at `from`, skipping quoted
/// attribute values; `None` when the page ends inside the tag.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let mut after_eq = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some(i + 1),
            b'"' | b'\'' if after_eq => {
                let close = bytes[i + 1..].iter().position(|&c| c == b)?;
                i += close + 2;
                after_eq = false;
                continue;
            }
            b'=' => after_eq = true,
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<!doctype html><html><head><title>a < b</title><script>if (a<b) {x='<div>'}\
                    </script></head><body><p>One<p>Two<ul><li>a<li>b</ul><svg><path/><path/>\
                    </svg><!-- <div> --><a href='x>y'>link</a><img src=x><br/></body></html>";
        assert!(matches!(bound(page), Cow::Borrowed(_)));
        let many_paragraphs = "<p>unclosed paragraph".repeat(5_000);
        assert!(matches!(bound(&many_paragraphs), Cow::Borrowed(_)));
        let many_items = format!("<ul>{}</ul>", "<li>item".repeat(5_000));
        assert!(matches!(bound(&many_items), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let n = 10_000;
        let page = format!(
            "{}<p>deep text</p>{}after",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = bound(&page);
        assert!(out.contains("<p>deep text</p>") || out.contains("deep text"));
        assert!(out.ends_with("after"));
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
    }

    #[test]
    fn unclosed_formatting_is_cut() {
        let page = format!("<p>start</p>{}<p>end</p>", "<b>".repeat(30_000));
        let out = bound(&page);
        assert_eq!(out.matches("<b>").count(), MAX_FORMATTING);
        assert!(out.contains("<p>start</p>") && out.contains("end"));
    }

    #[test]
    fn a_dropped_tag_never_makes_a_new_one() {
        let page = format!("{}<<b>script>alert(1)", "<div>".repeat(MAX_DEPTH));
        assert!(!bound(&page).contains("<script>"));
    }

    #[test]
    fn a_page_ending_inside_a_tag_or_a_comment_is_copied() {
        for page in ["<div class='x", "<!-- open", "<p>a</", "<", "a <3 b", "<!x"] {
            assert_eq!(bound(page), page);
        }
    }
}
