//! Saved web pages (`.html`, `.htm`): a page -> the article's plain text and its metadata,
//! the way a browser's reader mode sees it.
//!
//! `dom_smoothie` (a port of Mozilla's Readability) finds the article body and strips
//! navigation, ads, comments, scripts and styles; it also reads the title, byline, date and
//! site name from `<meta>` tags and JSON-LD (`NewsArticle`). From the extracted body we keep
//! paragraphs, subheadings, list items, quotes and preformatted blocks (figures, captions,
//! asides, forms and buttons are dropped), each with its white space folded.
//!
//! The result is plain text, the headline first and blocks separated by blank lines: that
//! text becomes [`Document::raw`](super::Document::raw) and goes through the normal cleaning,
//! so for an HTML source every span (and every cited sentence) refers to this extracted
//! text, not to the bytes of the page.

use dom_query::{Document, Selection};
use dom_smoothie::{Config, Readability, TextMode};

use crate::text::fold;

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline.
    pub title: String,
    /// `og:site_name` or the JSON-LD publisher: the outlet.
    pub site_name: Option<String>,
    /// The byline.
    pub byline: Option<String>,
    /// Publication date as the page gives it (ISO 8601 usually).
    pub published: Option<String>,
    /// `<link rel="canonical">`, else `og:url`, else the JSON-LD url.
    pub url: Option<String>,
}

/// A page reduced to its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Headline, a blank line, then the body blocks separated by blank lines.
    pub text: String,
    /// Metadata from the page's head.
    pub meta: PageMeta,
}

/// Elements whose text is one block of the article.
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dt, dd";
/// Elements inside the extracted body that are never article text.
const DROP: &str = "figure, figcaption, aside, nav, form, button, script, style, noscript, \
iframe, svg, select, textarea, footer";

/// Extract the article from a page. `Err` holds the reason when no article is found.
pub fn extract(html: &str) -> Result<Page, String> {
    // Depth bounded first: the parser's work per tag and dom_smoothie's recursion grow with it.
    let html = &*super::nesting::bound(html);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(cfg))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let article = reader
        .parse()
        .map_err(|e| format!("no article found in the page: {e}"))?;
    let body = Document::from(article.content.as_ref());
    body.select(DROP).remove();
    let mut blocks: Vec<String> = Vec::new();
    for node in body.select(BLOCKS).nodes() {
        let sel = Selection::from(*node);
        // Only innermost blocks: a <li> holding <p>s yields the <p>s.
        if sel.select(BLOCKS).exists() {
            continue;
        }
        let text = fold(&sel.text());
        if text.is_empty() {
            continue;
        }
        let prefix = if sel.is("li") {
            "• "
        } else if sel.is("h2, h3, h4, h5, h6") {
            "## "
        } else {
            ""
        };
        blocks.push(format!("{prefix}{text}"));
    }
    if blocks.is_empty() {
        // A body without block elements (text and <br>s): Readability's own text.
        blocks = article
            .text_content
            .split("\n\n")
            .map(fold)
            .filter(|b| !b.is_empty())
            .collect();
    }
    let title = fold(&article.title);
    // The headline as the page's <h1> may repeat it; keep it once, first.
    if blocks.first().is_some_and(|b| *b == title) {
        blocks.remove(0);
    }
    if blocks.is_empty() {
        return Err("no article text found in the page".into());
    }
    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    text.push_str(&blocks.join("\n\n"));
    text.push('\n');
    let page = Document::from(html);
    let url = attr(&page, "link[rel~=canonical]", "href")
        .or_else(|| attr(&page, "meta[property='og:url']", "content"))
        .or(article.url);
    let clean = |s: Option<String>| s.map(|s| fold(&s)).filter(|s| !s.is_empty());
    Ok(Page {
        text,
        meta: PageMeta {
            title,
            site_name: clean(article.site_name),
            byline: clean(article.byline),
            published: clean(article.published_time),
            url: clean(url).filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        },
    })
}

/// Whether text looks like an HTML page (for `.txt` files that are saved pages).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    doc.select(selector)
        .attr(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Dam gate fails | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<link rel="canonical" href="https://ledger.example.org/dam">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Dam gate fails","datePublished":"2025-06-12T07:40:00Z",
"author":{"@type":"Person","name":"Ines Moreau"}}</script>
<script>var tracking = "Advertisement text in a script";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam gate fails</h1>
<p>A floodgate at the Marrow reservoir failed early on Thursday, forcing the evacuation of
about 12,000 residents from villages along the river, regional officials said today.</p>
<figure><img src="x.jpg"><figcaption>The reservoir. Photo: staff</figcaption></figure>
<h2>What comes next</h2>
<ul><li>Engineers will inspect the spillway on Saturday morning before anyone returns.</li></ul>
<p>It is not yet known what caused the hydraulic arm to fail, the water authority said in
a statement on Thursday evening after a long meeting.</p></article>
<section class="comments"><p>First! This dam was always going to fail, said nobody.</p></section>
</body></html>"#;

    #[test]
    fn reader_mode_text_and_metadata() {
        let page = extract(PAGE).unwrap();
        assert!(
            page.text.starts_with("Dam gate fails\n\nA floodgate"),
            "{}",
            page.text
        );
        assert!(page.text.contains("\n\n## What comes next\n\n• Engineers"));
        for gone in ["Home", "tracking", "Photo: staff", "First!"] {
            assert!(!page.text.contains(gone), "{gone} in {}", page.text);
        }
        assert_eq!(page.meta.title, "Dam gate fails");
        assert_eq!(page.meta.site_name.as_deref(), Some("The Ledger"));
        assert_eq!(page.meta.byline.as_deref(), Some("Ines Moreau"));
        assert_eq!(page.meta.published.as_deref(), Some("2025-06-12T07:40:00Z"));
        assert_eq!(
            page.meta.url.as_deref(),
            Some("https://ledger.example.org/dam")
        );
    }

    #[test]
    fn a_page_without_an_article_is_an_error() {
        assert!(extract("").is_err());
        let nav = "<html><body><nav><a href='/'>Home</a></nav></body></html>";
        let doc = crate::ingest::parse_html("x.html", nav, &Default::default());
        assert!(!matches!(doc, Ok(Some(_))), "{doc:?}");
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("Headline <b>bold</b>"));
    }
}
