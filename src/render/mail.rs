//! The brief's two email parts, made for mail clients rather than browsers.
//!
//! - [`html_part`]: the HTML page with its stylesheet made mail-safe and inlined. Gmail and
//!   Outlook ignore CSS custom properties (`var(--accent)`) and selectors such as `:has()`,
//!   and Gmail drops a `<style>` it cannot parse, so the page would arrive unstyled. Here the
//!   variables are replaced by their values, rules no mail client applies (`:has()`,
//!   `::marker`, `:target`, `:hover`, `@media print`, `@page`) are dropped, and every rule is
//!   copied into the `style` attribute of the elements it matches by
//!   [css-inline](https://docs.rs/css-inline). The cleaned `<style>` stays in the head, for
//!   the clients that read it (the phone layout's media query). Outlook for Windows, which
//!   ignores `max-width`, gets a fixed-width "ghost table" around `<main>` in conditional
//!   comments only it reads.
//! - [`text_part`]: the Markdown brief as plain text for a terminal mail reader: no Markdown
//!   escapes or link syntax, headings underlined, paragraphs and list items wrapped at 72
//!   columns, tables as aligned columns, and the sources with their addresses.
//!
//! Both work on any page or Markdown brief, the user's templates included.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::error::{Error, Result};

/// Width of the plain-text part.
const WIDTH: usize = 72;

/// The HTML page as a mail client should get it (see the module docs).
pub fn html_part(page: &str) -> Result<String> {
    let mut html = String::with_capacity(page.len() * 2);
    let mut rest = page;
    while let Some(start) = find_ci(rest, "<style") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = find_ci(&rest[open_end..], "</style>").map(|i| open_end + i) else {
            break;
        };
        html.push_str(&rest[..open_end]);
        html.push_str(&mail_css(&rest[open_end..close]));
        rest = &rest[close..];
    }
    html.push_str(rest);
    let inliner = css_inline::CSSInliner::options()
        .keep_style_tags(true)
        .load_remote_stylesheets(false)
        .build();
    let inlined = inliner
        .inline(&html)
        .map_err(|e| Error::Usage(format!("cannot inline the page's CSS for email: {e}")))?;
    Ok(outlook_width(&inlined))
}

/// Column width of the page in Outlook for Windows, in pixels (the page's 46rem).
const OUTLOOK_WIDTH: u32 = 736;

/// Hold the page's `<main>` to a centred column in Outlook for Windows, whose Word engine
/// ignores `max-width`: the usual "ghost table", a fixed-width table inside conditional
/// comments that only Outlook reads. Other clients see the comments only. A page without
/// `<main>` (a user's template) is left as it is.
fn outlook_width(html: &str) -> String {
    let Some(open) = find_ci(html, "<main") else {
        return html.to_string();
    };
    let Some(close) = find_ci(&html[open..], "</main>").map(|i| open + i + "</main>".len()) else {
        return html.to_string();
    };
    format!(
        "{}<!--[if mso]><table role=\"presentation\" width=\"{OUTLOOK_WIDTH}\" align=\"center\" \
         cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td><![endif]-->{}\
         <!--[if mso]></td></tr></table><![endif]-->{}",
        &html[..open],
        &html[open..close],
        &html[close..]
    )
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A top-level piece of a stylesheet: `selector { declarations }` or `@rule ... { ... }`.
struct Rule<'a> {
    prelude: &'a str,
    block: &'a str,
}

/// Split CSS into top-level rules (comments dropped; a statement without a block, such as
/// `@import`, is dropped too: mail clients do not load anything).
fn rules(css: &str) -> Vec<Rule<'_>> {
    let mut out = Vec::new();
    let bytes = css.as_bytes();
    let (mut i, mut start, mut depth, mut open) = (0, 0, 0usize, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = css[i + 2..].find("*/").map_or(css.len(), |e| i + 2 + e + 2);
                if depth == 0 {
                    start = end;
                }
                i = end;
                continue;
            }
            b'{' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(Rule {
                        prelude: css[start..open].trim(),
                        block: &css[open + 1..i],
                    });
                    start = i + 1;
                }
            }
            b';' if depth == 0 => start = i + 1,
            _ => {}
        }
        i += 1;
    }
    out
}

/// Selectors no mail client applies, or that only make sense in a browser.
/// `*` is dropped too: inlined, it would put a `style` on every element of the message.
fn unsupported(selector: &str) -> bool {
    selector == "*"
        || [":has(", "::", ":target", ":hover", ":focus", ":root"]
            .iter()
            .any(|s| selector.contains(s))
}

/// The stylesheet without custom properties or rules mail clients ignore (see module docs).
pub fn mail_css(css: &str) -> String {
    let all = rules(css);
    // Custom properties, from any rule; later ones win, as in a browser for :root.
    let mut vars: Vec<(String, String)> = Vec::new();
    for rule in &all {
        for decl in rule.block.split(';') {
            if let Some((name, value)) = decl.split_once(':')
                && name.trim().starts_with("--")
            {
                vars.retain(|(n, _)| n != name.trim());
                vars.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
    }
    let mut out = String::with_capacity(css.len());
    write_rules(&all, &vars, &mut out);
    out
}

fn write_rules(rules: &[Rule<'_>], vars: &[(String, String)], out: &mut String) {
    for rule in rules {
        let prelude = rule.prelude;
        if let Some(at) = prelude.strip_prefix('@') {
            if at.starts_with("media") && !at.contains("print") {
                out.push_str(prelude);
                out.push_str(" {\n");
                write_rules(&self::rules(rule.block), vars, out);
                out.push_str("}\n");
            }
            continue;
        }
        let selectors: Vec<&str> = prelude
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty() && !unsupported(s))
            .collect();
        let decls: Vec<String> = rule
            .block
            .split(';')
            .map(str::trim)
            .filter(|d| !d.is_empty() && !d.starts_with("--"))
            .map(|d| substitute(d, vars))
            .collect();
        if selectors.is_empty() || decls.is_empty() {
            continue;
        }
        out.push_str(&selectors.join(", "));
        out.push_str(" { ");
        out.push_str(&decls.join("; "));
        out.push_str("; }\n");
    }
}

/// `var(--name)` and `var(--name, fallback)` replaced by the value (or the fallback).
fn substitute(decl: &str, vars: &[(String, String)]) -> String {
    let mut out = String::with_capacity(decl.len());
    let mut rest = decl;
    while let Some(i) = rest.find("var(") {
        out.push_str(&rest[..i]);
        let inner = &rest[i + 4..];
        let Some(close) = inner.find(')') else {
            out.push_str(&rest[i..]);
            return out;
        };
        let (name, fallback) = match inner[..close].split_once(',') {
            Some((n, f)) => (n.trim(), Some(f.trim())),
            None => (inner[..close].trim(), None),
        };
        let value = vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .or(fallback)
            .unwrap_or("inherit");
        out.push_str(value);
        rest = &inner[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The Markdown brief as plain text for a terminal mail reader (see the module docs).
pub fn text_part(markdown: &str) -> String {
    let mut w = TextWriter::default();
    for event in Parser::new_ext(markdown, super::html::OPTIONS) {
        w.event(event);
    }
    w.flush_block();
    let mut out = w.out.trim_end().to_string();
    out.push('\n');
    out
}

/// Builds the plain text block by block: text gathers in `line` until the block ends.
#[derive(Default)]
struct TextWriter {
    out: String,
    /// The current block's text.
    line: String,
    /// List stack: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The prefix of the current list item (`- `, `12. `), pending its first line.
    item: Option<String>,
    heading: Option<HeadingLevel>,
    in_sources: bool,
    link: Option<String>,
    table: Vec<Vec<String>>,
    in_table: bool,
}

impl TextWriter {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush_block();
                self.heading = Some(level);
            }
            Event::End(TagEnd::Heading(level)) => {
                let text = std::mem::take(&mut self.line);
                let text = text.trim();
                self.in_sources = level == HeadingLevel::H2 && text == "Sources";
                let rule = match level {
                    HeadingLevel::H1 => Some('='),
                    HeadingLevel::H2 => Some('-'),
                    _ => None,
                };
                self.blank_line();
                for l in textwrap::wrap(text, WIDTH) {
                    self.out.push_str(&l);
                    self.out.push('\n');
                }
                if let Some(c) = rule {
                    let width = textwrap::core::display_width(text).min(WIDTH);
                    self.out.extend(std::iter::repeat_n(c, width));
                    self.out.push('\n');
                }
                self.heading = None;
            }
            Event::Start(Tag::Paragraph) if self.item.is_none() => self.flush_block(),
            Event::End(TagEnd::Paragraph) if self.item.is_none() || !self.line.is_empty() => {
                self.flush_block();
            }
            Event::Start(Tag::List(start)) => {
                self.flush_block();
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush_block();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.flush_block();
                let prefix = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                self.item = Some(prefix);
            }
            Event::End(TagEnd::Item) => {
                self.flush_block();
                self.item = None;
            }
            Event::Start(Tag::Link { dest_url, .. }) => self.link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                // Addresses only in the sources list; elsewhere the [n] points there.
                if let Some(url) = self.link.take().filter(|_| self.in_sources) {
                    self.line.push_str(&format!(" <{url}>"));
                }
            }
            Event::Start(Tag::Table(_)) => {
                self.flush_block();
                self.in_table = true;
            }
            Event::End(TagEnd::Table) => {
                self.in_table = false;
                let rows = std::mem::take(&mut self.table);
                self.blank_line();
                self.out.push_str(&table_text(&rows));
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => self.table.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                if let Some(row) = self.table.last_mut() {
                    row.push(String::new());
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.push(&t)
            }
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::Rule => {
                self.flush_block();
                self.blank_line();
                self.out.push_str(&"-".repeat(WIDTH));
                self.out.push('\n');
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        if self.in_table {
            if let Some(cell) = self.table.last_mut().and_then(|r| r.last_mut()) {
                cell.push_str(text);
            }
        } else {
            self.line.push_str(text);
        }
    }

    fn blank_line(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// Write the gathered text as a wrapped paragraph or list item.
    fn flush_block(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || self.heading.is_some() {
            self.line = if self.heading.is_some() {
                text
            } else {
                String::new()
            };
            return;
        }
        let depth = self.lists.len().saturating_sub(1) * 2;
        let (first, rest) = match self.item.take() {
            Some(prefix) => {
                let first = format!("{}{prefix}", " ".repeat(depth));
                let rest = " ".repeat(first.len());
                // Later paragraphs of the same item keep the item's indent.
                self.item = Some(String::new());
                (first, rest)
            }
            None if self.lists.is_empty() => {
                self.blank_line();
                (String::new(), String::new())
            }
            None => {
                let indent = " ".repeat(depth + 2);
                (indent.clone(), indent)
            }
        };
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(&first)
            .subsequent_indent(&rest)
            .break_words(false);
        for l in textwrap::wrap(&text, options) {
            self.out.push_str(&l);
            self.out.push('\n');
        }
    }
}

/// Rows as aligned columns when they fit in the width, else one indented block per row.
fn table_text(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: &Vec<String>, c: usize| r.get(c).map_or("", |s| s.trim()).to_string();
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .map(|r| textwrap::core::display_width(&cell(r, c)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    if widths.iter().sum::<usize>() + 2 * cols.saturating_sub(1) <= WIDTH {
        for (i, row) in rows.iter().enumerate() {
            let mut line = String::new();
            for (c, w) in widths.iter().enumerate() {
                let text = cell(row, c);
                line.push_str(&text);
                if c + 1 < cols {
                    let pad = w - textwrap::core::display_width(&text) + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            if i == 0 {
                let total = widths.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
                out.push_str(&"-".repeat(total));
                out.push('\n');
            }
        }
    } else if let Some((head, body)) = rows.split_first() {
        for row in body {
            let parts: Vec<String> = (0..cols)
                .filter(|&c| !cell(row, c).is_empty())
                .map(|c| format!("{}: {}", cell(head, c), cell(row, c)))
                .collect();
            let options = textwrap::Options::new(WIDTH)
                .initial_indent("- ")
                .subsequent_indent("  ");
            for l in textwrap::wrap(&parts.join("; "), options) {
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_resolved_and_unsupported_rules_dropped() {
        let css = ":root { --accent: #8a1c1c; --sans: system-ui, sans-serif; }\n\
                   /* note */ h2 { color: var(--accent); font: 700 1rem var(--sans); }\n\
                   table:has(th) { table-layout: fixed; } li::marker { color: red; }\n\
                   a, a:hover { color: var(--missing, blue); }\n\
                   @media (max-width: 480px) { h1 { font-size: 1.4rem; } }\n\
                   @media print { @page { margin: 1cm; } body { font-size: 10pt; } }";
        let out = mail_css(css);
        assert!(!out.contains("var("), "{out}");
        assert!(!out.contains(":has(") && !out.contains("::marker"), "{out}");
        assert!(!out.contains("print") && !out.contains("@page"), "{out}");
        assert!(out.contains("h2 { color: #8a1c1c; font: 700 1rem system-ui, sans-serif; }"));
        assert!(out.contains("a { color: blue; }"), "{out}");
        assert!(out.contains("@media (max-width: 480px) {\nh1 { font-size: 1.4rem; }\n}"));
    }

    #[test]
    fn the_page_gets_inline_styles() {
        let page = "<html><head><style>:root { --c: #123456; } p { color: var(--c); }</style>\
                    </head><body><p>Hi</p></body></html>";
        let out = html_part(page).unwrap();
        assert!(out.contains("<p style=\"color: #123456;\">Hi</p>"), "{out}");
    }

    #[test]
    fn outlook_gets_a_fixed_width_column_around_main() {
        let page = "<html><head></head><body><header>x</header><main><p>Hi</p></main>\
                    </body></html>";
        let out = html_part(page).unwrap();
        let ghost = out.find("<!--[if mso]><table role=\"presentation\" width=\"736\"");
        let main = out.find("<main");
        let end = out.find("</main><!--[if mso]></td></tr></table><![endif]-->");
        assert!(ghost.is_some() && ghost < main && main < end, "{out}");
        // No <main>: nothing added.
        let plain = html_part("<html><body><p>Hi</p></body></html>").unwrap();
        assert!(!plain.contains("mso"), "{plain}");
    }

    #[test]
    fn plain_text_has_no_markdown_syntax_and_wraps() {
        let md = "# A \\*title\\*\n\n*Brief from 2 articles.*\n\n## What happened\n\n\
                  - A long sentence that goes on and on, well past the width of a terminal mail \
                  reader, so that it has to wrap. *([Wire](https://example.org/a) [1])*\n\n\
                  | Outlet | Figure |\n|---|---|\n| Wire [1] | 11 |\n\n## Sources\n\n\
                  1. **Wire**: [Ship stuck](https://example.org/a), 2021-03-25\n";
        let text = text_part(md);
        assert!(text.starts_with("A *title*\n=========\n"), "{text}");
        assert!(!text.contains("](") && !text.contains("**"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH), "{text}");
        assert!(
            text.contains("terminal\n  mail reader"),
            "hanging indent: {text}"
        );
        assert!(text.contains("(Wire [1])"), "{text}");
        assert!(text.contains("Outlet    Figure\n"), "{text}");
        assert!(
            text.contains("1. Wire: Ship stuck <https://example.org/a>, 2021-03-25"),
            "{text}"
        );
    }
}
