//! Stage 1, ingest: a folder on disk -> `Vec<Document>` (+ warnings).
//!
//! Reads the files of the one folder walk ([`layout::walk()`](crate::layout::walk()): recursive,
//! sorted, `.txt`, `.md`, saved `.html` pages, RSS/Atom feeds ([`feed`]) and JSON Lines
//! ([`jsonl`]), whose items are articles each), decodes them ([`decode`]: UTF-8, UTF-16, legacy single-byte encodings), reduces a
//! page to its article ([`html`]), splits front matter (YAML `---` or TOML `+++`), removes
//! page furniture (navigation, ads, sign-up prompts, captions, credits, source lines), turns
//! bylines and datelines into metadata, and detects the outlet. Files that are not articles
//! (binary, empty, too large, special files) are skipped with a [`Warning`] each. This stage
//! and `write` are the only ones that touch the filesystem; [`duplicates`] then marks copies.
//!
//! Every kept piece of body text is a [`Block`] whose `span` indexes into [`Document::raw`]:
//! the file's decoded text (for an HTML page, the article text extracted from it), so
//! anything extracted later is a verbatim span of it.

pub mod clean;
pub mod date;
pub mod decode;
pub mod duplicates;
pub mod feed;
pub mod frontmatter;
pub mod html;
pub mod jsonl;
pub mod nesting;
pub mod outlet;

use std::path::Path;

use rayon::prelude::*;

pub use crate::document::{Block, BlockKind, Document, Meta, OutletFrom, Warning};
use crate::error::Result;
use crate::layout::{self, ArticleFile, Walk};

/// Ingest settings: what the folder's `brief.toml` adds.
#[derive(Debug, Clone, Default)]
pub struct IngestConfig {
    /// File name (relative path or bare name) -> outlet name, from `brief.toml`.
    pub outlets: Vec<(String, String)>,
    /// Extra outlet signatures from `brief.toml`, tried before the built-in ones.
    pub signatures: Vec<outlet::Signature>,
}

/// Read every article under `dir` (or the single file `dir`): [`read`] over the
/// [`walk`](crate::layout::walk()) of `dir`.
///
/// Unreadable or unsupported files become warnings; only an unreadable folder is an error.
pub fn ingest(dir: &Path, cfg: &IngestConfig) -> Result<(Vec<Document>, Vec<Warning>)> {
    Ok(read(&layout::walk(dir)?, cfg))
}

/// Read, decode and clean the article files a walk found; the walk's warnings come first,
/// then one per file that could not be used.
pub fn read(walk: &Walk, cfg: &IngestConfig) -> (Vec<Document>, Vec<Warning>) {
    let (files, mut warnings) = (&walk.files, walk.warnings.clone());
    // Files are read and cleaned side by side; results are taken in walk order, so ids and
    // warnings are the same as a sequential run's.
    let read: Vec<_> = files
        .par_iter()
        .map(|file| read_article(file, cfg))
        .collect();
    let mut docs = Vec::new();
    for (file, result) in files.iter().zip(read) {
        let warn = |reason: String| Warning {
            path: file.rel.clone(),
            reason,
        };
        // One warning per file: a decoding note joins the reason a file was skipped.
        match result {
            Ok((found, note)) if !found.is_empty() => {
                warnings.extend(note.map(warn));
                for mut doc in found {
                    doc.id = docs.len();
                    docs.push(doc);
                }
            }
            Ok((_, note)) => {
                let reason = "no article text after cleaning".to_string();
                warnings.push(warn(with_note(reason, note)));
            }
            Err(reason) => warnings.push(warn(reason)),
        }
    }
    (docs, warnings)
}

/// Read, decode and clean one file: its documents (none when nothing usable is left; a
/// feed or JSON Lines file holds many) and a note about its decoding, if any.
fn read_article(
    file: &ArticleFile,
    cfg: &IngestConfig,
) -> Result<(Vec<Document>, Option<String>), String> {
    let bytes = layout::walk::read_limited(&file.path)?;
    let page = layout::is_html(&file.path);
    let decoded = decode::decode(&bytes, page)?;
    let note = decoded.note;
    match layout::extension(&file.path).as_str() {
        "jsonl" | "ndjson" => {
            let (items, bad) = jsonl::items(&file.rel, &decoded.text);
            let note = [note, bad]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; ");
            return Ok((from_items(items, cfg), (!note.is_empty()).then_some(note)));
        }
        "rss" | "atom" | "xml" => {
            let items =
                feed::items(&file.rel, &decoded.text).map_err(|e| with_note(e, note.clone()))?;
            return Ok((from_items(items, cfg), note));
        }
        _ if !page && feed::looks_like_feed(&decoded.text) => {
            if let Ok(items) = feed::items(&file.rel, &decoded.text) {
                return Ok((from_items(items, cfg), note));
            }
        }
        _ => {}
    }
    let doc = if page || html::looks_like_html(&decoded.text) {
        parse_html(&file.rel, &decoded.text, cfg)
    } else {
        parse_article(&file.rel, decoded.text, cfg)
    };
    match doc {
        Ok(doc) => Ok((doc.into_iter().collect(), note)),
        Err(reason) => Err(with_note(reason, note)),
    }
}

/// Documents from feed items or JSON lines: the item's metadata first, the source's
/// publisher as the outlet unless `brief.toml` names one.
fn from_items(items: Vec<feed::Item>, cfg: &IngestConfig) -> Vec<Document> {
    items
        .into_iter()
        .filter_map(|item| {
            let end = item.text.len();
            let has_title = !item.meta.title.is_empty();
            let mut doc = document(&item.rel, item.text, 0..end, item.meta, has_title, cfg)?;
            if let Some(outlet) = item.outlet
                && doc.meta.outlet_from > OutletFrom::PageMeta
            {
                doc.meta.outlet = outlet;
                doc.meta.outlet_from = OutletFrom::PageMeta;
            }
            Some(doc)
        })
        .collect()
}

fn with_note(reason: String, note: Option<String>) -> String {
    match note {
        Some(note) => format!("{reason} ({note})"),
        None => reason,
    }
}

/// Turn a file's text into a [`Document`]: front matter, cleaning, metadata, outlet.
/// Pure: used by [`ingest`] and by tests. `Ok(None)` when no body text is left; `Err` with
/// the reason when the file cannot be used.
pub fn parse_article(
    rel: &str,
    raw: String,
    cfg: &IngestConfig,
) -> Result<Option<Document>, String> {
    let fm = frontmatter::split(&raw)?;
    let has_title = !fm.meta.title.is_empty();
    within_budget(document(rel, raw, fm.body, fm.meta, has_title, cfg))
}

/// Most words one article may hold: about 40 times a long news feature. Each stage is linear
/// or n log n in an article's size (sentences are cut at [`MAX_SENTENCE_BYTES`]), but a few
/// analyses compare the figures or names of a story pairwise; this keeps their work bounded
/// whatever a file holds (docs/robustness.md).
///
/// [`MAX_SENTENCE_BYTES`]: crate::text::segment::MAX_SENTENCE_BYTES
pub const MAX_ARTICLE_WORDS: usize = 200_000;

/// The document, or the reason it is too long to analyse.
fn within_budget(doc: Option<Document>) -> Result<Option<Document>, String> {
    match doc {
        Some(doc) if doc.words() > MAX_ARTICLE_WORDS => Err(format!(
            "skipped: {} words, more than the {MAX_ARTICLE_WORDS} one article may hold \
             (a book, a data dump or a generated file, not a news article)",
            doc.words()
        )),
        doc => Ok(doc),
    }
}

/// Turn a saved web page into a [`Document`] whose `raw` is the article text extracted from
/// the page (see [`html`]): spans index into that text. Page metadata (site name, byline,
/// date, canonical URL) comes first; what cleaning finds in the text fills the gaps.
pub fn parse_html(rel: &str, page: &str, cfg: &IngestConfig) -> Result<Option<Document>, String> {
    let page = html::extract(page)?;
    let site = page
        .meta
        .site_name
        .or_else(|| page.meta.url.as_deref().and_then(host));
    let given = Meta {
        title: page.meta.title,
        url: page.meta.url,
        date: page.meta.published.as_deref().and_then(date::parse),
        author: page.meta.byline,
        ..Meta::default()
    };
    let end = page.text.len();
    let mut doc = within_budget(document(rel, page.text, 0..end, given, false, cfg))?;
    if let Some((doc, site)) = doc.as_mut().zip(site)
        && doc.meta.outlet_from > OutletFrom::PageMeta
    {
        doc.meta.outlet = site;
        doc.meta.outlet_from = OutletFrom::PageMeta;
    }
    Ok(doc)
}

/// The host of an http(s) URL without `www.`: an outlet name of last resort for a page.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

/// Clean `raw[body]` and complete the metadata `given` by the file. `None` when no body text
/// is left.
fn document(
    rel: &str,
    raw: String,
    body: std::ops::Range<usize>,
    given: Meta,
    has_title: bool,
    cfg: &IngestConfig,
) -> Option<Document> {
    let mut cleaned = clean::clean(&raw, body, has_title);
    if cleaned.blocks.iter().all(|b| b.kind == BlockKind::Headline) {
        // A lone line that ends like a sentence is the article, not a headline.
        match cleaned.blocks.as_mut_slice() {
            [only] if clean::is_terminated(&raw[only.span.clone()]) => {
                only.kind = BlockKind::Paragraph;
            }
            _ => return None,
        }
    }
    let mut meta = given;
    if meta.title.is_empty() {
        meta.title = cleaned
            .title
            .clone()
            .unwrap_or_else(|| first_sentence(&raw, &cleaned.blocks));
    }
    if meta.author.is_none() {
        meta.author = cleaned.byline.clone();
    }
    if meta.date.is_none() {
        meta.date = cleaned.dateline.clone();
    }
    if meta.date.is_none() {
        meta.date = date::from_path(rel);
    }
    let (outlet, from) = outlet::resolve(rel, &raw, &meta, cfg);
    meta.outlet = outlet;
    meta.outlet_from = from;
    Some(Document {
        id: 0,
        path: rel.to_string(),
        raw,
        meta,
        blocks: cleaned.blocks,
        duplicate_of: None,
    })
}

/// The first sentence of the first block: the title of an article without a headline.
fn first_sentence(raw: &str, blocks: &[Block]) -> String {
    let Some(block) = blocks.first() else {
        return String::new();
    };
    let text = &raw[block.span.clone()];
    let end = crate::text::segment::split_sentences(text)
        .first()
        .map_or(text.len(), |r| r.end);
    crate::text::fold(&text[..end])
}

/// Build a document straight from text, with no cleaning: one paragraph per non-empty line.
/// Used by tests and by `brief` callers that already hold clean text.
pub fn from_plain(id: usize, outlet: &str, text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            blocks.push(Block {
                span: start..start + trimmed.len(),
                kind: BlockKind::Paragraph,
            });
        }
        pos += line.len();
    }
    Document {
        id,
        path: format!("{outlet}.txt"),
        raw: text.to_string(),
        meta: Meta {
            title: String::new(),
            outlet: outlet.to_string(),
            outlet_from: OutletFrom::FrontMatter,
            ..Meta::default()
        },
        blocks,
        duplicate_of: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_sentence_is_an_article_and_a_lone_headline_is_not() {
        let cfg = IngestConfig::default();
        let doc = parse_article(
            "a.txt",
            "One short sentence about Kerry in Geneva.\n".into(),
            &cfg,
        )
        .unwrap()
        .unwrap();
        assert_eq!(doc.blocks[0].kind, BlockKind::Paragraph);
        assert!(
            parse_article("b.txt", "Talks in Geneva\n".into(), &cfg)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn url_host_as_outlet_of_last_resort() {
        assert_eq!(
            host("https://www.example.org:8080/a/b?c").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            host("http://user@news.example.com").as_deref(),
            Some("news.example.com")
        );
        assert_eq!(host("not a url"), None);
        assert_eq!(host("https:///path"), None);
    }
}
