//! Citations built from the Brief: the templates' `cite` filter, and the labels the HTML page
//! shows for it.
//!
//! In the Markdown brief, `{{ p.citations | cite }}` writes `*(Outlet [2]; [Other](url) [4])*`.
//! In the Markdown written for the HTML page it writes a token instead, the [`Chip`] (who is
//! cited and each outlet's name, link and source number, serialised), which
//! [`html`](super::html) turns into `<span class="cite">` labels. The labels come from the
//! Brief's citations, so they do not depend on how a template words the rest, and no text
//! can pass for a citation: the token's marks are dropped from article text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use tera::{Kwargs, Value};

use super::html::{OPTIONS, neutralise};
use super::link_destination;
use super::markdown::escape;

/// Where a chip's token starts and ends in the Markdown written for the page: characters of
/// Unicode's private use area, which the Markdown escaping drops from article text.
pub const TOKEN_START: char = '\u{e000}';
/// See [`TOKEN_START`].
pub const TOKEN_END: char = '\u{e001}';

/// A citation label group, as the `cite` filter saw it in the Brief.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chip {
    /// Who is cited, shown first when present ("Rabie, unnamed").
    pub who: Option<String>,
    /// One label per citation.
    pub items: Vec<ChipItem>,
}

/// One outlet's label in a [`Chip`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChipItem {
    /// The outlet's name.
    pub outlet: String,
    /// A safe link destination for the article, or "" for none.
    pub url: String,
    /// The source's number in the list.
    pub source: u64,
}

impl Chip {
    /// The chip as a token in Markdown: its JSON in hexadecimal between [`TOKEN_START`] and
    /// [`TOKEN_END`], which Markdown leaves as one piece of text.
    pub fn token(&self) -> String {
        use std::fmt::Write as _;
        let json = serde_json::to_vec(self).unwrap_or_default();
        let mut out = String::with_capacity(json.len() * 2 + 8);
        out.push(TOKEN_START);
        for b in json {
            let _ = write!(out, "{b:02x}");
        }
        out.push(TOKEN_END);
        out
    }

    /// The chip a token's content (between the marks) stands for.
    fn from_hex(hex: &str) -> Option<Chip> {
        let bytes: Option<Vec<u8>> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
            .collect();
        serde_json::from_slice(&bytes?).ok()
    }
}

/// What the `cite` filter writes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cite {
    /// Markdown: `*(who; [Outlet](url) [2]; Other [4])*`.
    Markdown,
    /// A token the HTML page turns into labels ([`Chip`]).
    Chip,
}

/// A citation as the `cite` filter reads it from the Brief.
#[derive(Deserialize)]
struct CiteIn {
    outlet: String,
    source: u64,
    #[serde(default)]
    url: Option<String>,
}

/// `{{ citations | cite(who=..., unnamed=false, links=true) }}`: the citations of a point,
/// statement or figure, as Markdown (`*(who, unnamed; [Outlet](url) [2]; Other [4])*`) or,
/// for the HTML page, as a chip token. A value that is not a list of citations gives "".
pub(super) fn cite_filter(value: &Value, kwargs: &Kwargs, mode: Cite) -> Value {
    let cites: Vec<CiteIn> = serde_json::to_value(value)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let who = kwargs.get::<&str>("who").ok().flatten().map(str::to_string);
    let unnamed = kwargs
        .get::<bool>("unnamed")
        .ok()
        .flatten()
        .unwrap_or(false);
    let links = kwargs.get::<bool>("links").ok().flatten().unwrap_or(true);
    let who = who.map(|w| if unnamed { format!("{w}, unnamed") } else { w });
    let items: Vec<ChipItem> = cites
        .into_iter()
        .map(|c| ChipItem {
            url: c
                .url
                .as_deref()
                .filter(|_| links)
                .map(link_destination)
                .unwrap_or_default(),
            outlet: c.outlet,
            source: c.source,
        })
        .collect();
    let chip = Chip { who, items };
    match mode {
        Cite::Chip => Value::safe_string(&chip.token()),
        Cite::Markdown => {
            let mut parts: Vec<String> = chip.who.iter().map(|w| escape(w)).collect();
            for item in &chip.items {
                let outlet = escape(&item.outlet);
                parts.push(if item.url.is_empty() {
                    format!("{outlet} [{}]", item.source)
                } else {
                    format!("[{outlet}]({}) [{}]", item.url, item.source)
                });
            }
            Value::safe_string(&format!("*({})*", parts.join("; ")))
        }
    }
}

/// `text` with each chip token in it turned into its labels.
pub(super) fn chips<'a>(text: &str, out: &mut Vec<Event<'a>>) {
    let mut rest = text;
    while let Some(start) = rest.find(TOKEN_START) {
        let after = &rest[start + TOKEN_START.len_utf8()..];
        let Some(end) = after.find(TOKEN_END) else {
            break;
        };
        if start > 0 {
            out.push(Event::Text(rest[..start].to_string().into()));
        }
        if let Some(chip) = Chip::from_hex(&after[..end]) {
            chip_events(&chip, out);
        }
        rest = &after[end + TOKEN_END.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(rest.to_string().into()));
    }
}

/// A chip's events: `<span class="cite">`, the `who` label, then one `src` label per item.
fn chip_events<'a>(chip: &Chip, out: &mut Vec<Event<'a>>) {
    out.push(Event::Html("<span class=\"cite\">".into()));
    let mut first = true;
    let mut open = |class: &str, out: &mut Vec<Event<'a>>| {
        if !std::mem::take(&mut first) {
            out.push(Event::Text(" ".into()));
        }
        out.push(Event::Html(format!("<span class=\"{class}\">").into()));
    };
    if let Some(who) = chip.who.as_deref().filter(|w| !w.is_empty()) {
        open("who", out);
        out.extend(inline(&escape(who)));
        out.push(Event::Html("</span>".into()));
    }
    for item in &chip.items {
        open("src", out);
        let label = escape(&item.outlet);
        if item.url.is_empty() {
            out.extend(inline(&label));
        } else {
            out.extend(
                inline(&format!("[{label}]({})", item.url))
                    .into_iter()
                    .map(neutralise),
            );
        }
        out.push(Event::Text(" ".into()));
        let n = item.source;
        out.push(Event::Html(
            format!("<a class=\"ref\" href=\"#source-{n}\">").into(),
        ));
        out.push(Event::Text(format!("[{n}]").into()));
        out.push(Event::Html("</a>".into()));
        out.push(Event::Html("</span>".into()));
    }
    out.push(Event::Html("</span>".into()));
}

/// The inline events of a line of Markdown (no paragraph around them), neighbouring text
/// merged: a label reads as it would anywhere in the brief (smart quotes included).
fn inline(markdown: &str) -> Vec<Event<'static>> {
    let mut events: Vec<Event<'static>> = Vec::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) => match events.last_mut() {
                Some(Event::Text(prev)) => *prev = format!("{prev}{t}").into(),
                _ => events.push(Event::Text(t.into_string().into())),
            },
            other => events.push(other.into_static()),
        }
    }
    events
}
