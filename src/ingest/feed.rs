//! Saved RSS and Atom feeds (`.rss`, `.atom`, `.xml`): each item is an article. Parsed with
//! `feed-rs` (RSS 0.9x/1.0/2.0, Atom, JSON Feed). The full text comes from
//! `content:encoded` (RSS) or `<content>` (Atom) when the feed carries it, else from the
//! item's description or summary; HTML in it is reduced to its paragraphs. The item's
//! title, link, date and author become its metadata and the feed's title its outlet.
//!
//! An item's path is the file's path and its position, `world.rss#3` (1-based): stable for
//! a saved file, and what `brief stories` lists.

use dom_query::{Document, Selection};

use super::Meta;
use crate::text::fold;

/// One item of a feed or one line of a JSON Lines file, ready to become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// `file#n`.
    pub rel: String,
    /// Body paragraphs separated by blank lines.
    pub text: String,
    /// Title, url, date, author (outlet in `outlet` below).
    pub meta: Meta,
    /// The publisher's name, when the source gives one.
    pub outlet: Option<String>,
}

/// Elements whose text is one paragraph of an item.
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";
/// Elements that are never article text.
const DROP: &str = "figure, figcaption, aside, nav, form, button, script, style, noscript, \
iframe, svg, footer";

/// Whether the bytes are a feed document: XML whose root is `rss`, `feed` or `rdf:RDF`.
pub fn looks_like_feed(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
}

/// The items of a feed. `Err` holds the reason when the file is not a feed.
pub fn items(rel: &str, text: &str) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::parse(text.as_bytes())
        .map_err(|e| format!("not a readable RSS or Atom feed: {e}"))?;
    let outlet = feed
        .title
        .as_ref()
        .map(|t| fold(&t.content))
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (n, entry) in feed.entries.iter().enumerate() {
        let full = entry.content.as_ref().and_then(|c| c.body.as_deref());
        let summary = entry.summary.as_ref().map(|s| s.content.as_str());
        let body = full
            .map(paragraphs)
            .filter(|p| !p.is_empty())
            .or_else(|| summary.map(paragraphs))
            .unwrap_or_default();
        if body.is_empty() {
            continue;
        }
        let title = entry
            .title
            .as_ref()
            .map(|t| fold(&plain(&t.content)))
            .unwrap_or_default();
        let date = entry.published.or(entry.updated);
        let meta = Meta {
            title,
            url: entry
                .links
                .first()
                .map(|l| l.href.clone())
                .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
            date: date.map(|d| d.format("%Y-%m-%d").to_string()),
            author: entry
                .authors
                .first()
                .and_then(|a| a.name.as_deref())
                .map(fold)
                .filter(|a| !a.is_empty()),
            ..Meta::default()
        };
        out.push(Item {
            rel: format!("{rel}#{}", n + 1),
            text: body.join("\n\n") + "\n",
            meta,
            outlet: outlet.clone(),
        });
    }
    Ok(out)
}

/// The text of an HTML fragment (or plain text), one entry per paragraph, white space folded.
pub fn paragraphs(html: &str) -> Vec<String> {
    if !html.contains('<') {
        return html
            .split("\n\n")
            .map(fold)
            .filter(|p| !p.is_empty())
            .collect();
    }
    let doc = Document::fragment(html);
    doc.select(DROP).remove();
    let mut blocks = Vec::new();
    for node in doc.select(BLOCKS).nodes() {
        let sel = Selection::from(*node);
        // Only innermost blocks: a <li> holding <p>s yields the <p>s.
        if sel.select(BLOCKS).exists() {
            continue;
        }
        let text = fold(&sel.text());
        if !text.is_empty() {
            blocks.push(text);
        }
    }
    if blocks.is_empty() {
        // Text and <br>s only.
        let text = fold(&doc.select("body").text());
        let text = if text.is_empty() {
            fold(&doc.root().text())
        } else {
            text
        };
        if !text.is_empty() {
            blocks.push(text);
        }
    }
    blocks
}

/// The text of a title that may hold markup.
fn plain(s: &str) -> String {
    if s.contains('<') {
        Document::fragment(s).root().text().to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Times</title><link>https://harbour.example.org</link>
<item><title>Ferry strike ends</title><link>https://harbour.example.org/ferry</link>
<pubDate>Sun, 06 Dec 2026 08:30:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Ferry crews ended their strike on Sunday after a pay deal.</p>
<figure><figcaption>Photo: staff</figcaption></figure><p>Sailings resume on Monday.</p>]]></content:encoded>
</item>
<item><title>Market opens</title><description>The winter market opened on the quay.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>urn:vp</id>
<updated>2026-12-05T10:00:00Z</updated>
<entry><title>Bridge reopens</title><id>urn:vp:1</id><updated>2026-12-05T10:00:00Z</updated>
<link href="https://valley.example.org/bridge"/><author><name>Ana Silva</name></author>
<content type="html">&lt;p&gt;The old bridge reopened on Saturday after repairs.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items_take_full_text_from_content_encoded() {
        assert!(looks_like_feed(RSS));
        let items = items("harbour.rss", RSS).unwrap();
        assert_eq!(items.len(), 2, "the item with no text is skipped");
        assert_eq!(items[0].rel, "harbour.rss#1");
        assert_eq!(
            items[0].text,
            "Ferry crews ended their strike on Sunday after a pay deal.\n\nSailings resume on Monday.\n"
        );
        assert_eq!(items[0].meta.title, "Ferry strike ends");
        assert_eq!(items[0].meta.date.as_deref(), Some("2026-12-06"));
        assert_eq!(
            items[0].meta.url.as_deref(),
            Some("https://harbour.example.org/ferry")
        );
        assert_eq!(items[0].outlet.as_deref(), Some("Harbour Times"));
        assert_eq!(items[1].rel, "harbour.rss#2");
        assert_eq!(items[1].text, "The winter market opened on the quay.\n");
    }

    #[test]
    fn atom_entries() {
        assert!(looks_like_feed(ATOM));
        let items = items("valley.atom", ATOM).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0].text,
            "The old bridge reopened on Saturday after repairs.\n"
        );
        assert_eq!(items[0].meta.author.as_deref(), Some("Ana Silva"));
        assert_eq!(items[0].meta.date.as_deref(), Some("2026-12-05"));
    }

    #[test]
    fn not_a_feed_is_a_reason() {
        assert!(!looks_like_feed("<html><body>x</body></html>"));
        assert!(items("x.xml", "<note>hello</note>").is_err());
    }
}
