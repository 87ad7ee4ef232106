//! Stage 1, ingest: a folder on disk -> `Vec<Document>` (+ warnings).
//!
//! Walks the folder recursively in sorted order, reads `.txt` and `.md` files, splits front
//! matter (YAML `---` or TOML `+++`), removes page furniture (navigation, ads, sign-up
//! prompts, captions, credits, source lines), turns bylines and datelines into metadata, and
//! detects the outlet. This stage and `write` are the only ones that touch the filesystem.
//!
//! Every kept piece of body text is a [`Block`] whose `span` indexes into [`Document::raw`],
//! the file's text exactly as read, so anything extracted later is a verbatim span of it.

pub mod clean;
pub mod date;
pub mod frontmatter;
pub mod outlet;
pub mod walk;

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::error::Result;

/// One article, as read and cleaned.
#[derive(Debug, Clone)]
pub struct Document {
    /// Position in the sorted walk; sentence and citation records refer to it.
    pub id: usize,
    /// Path relative to the input folder, with `/` separators.
    pub path: String,
    /// The file's text exactly as decoded: every span in the pipeline indexes into it.
    pub raw: String,
    /// Title, outlet, date, url, author.
    pub meta: Meta,
    /// Body text kept after cleaning, in reading order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The text of a span of this document.
    pub fn text(&self, span: &Range<usize>) -> &str {
        self.raw.get(span.clone()).unwrap_or("")
    }

    /// Number of words in the kept body (headline excluded).
    pub fn words(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Headline)
            .map(|b| self.text(&b.span).split_whitespace().count())
            .sum()
    }
}

/// Article metadata, from front matter or detected from the text.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Meta {
    /// Headline.
    pub title: String,
    /// Outlet name, as shown on citations.
    pub outlet: String,
    /// How the outlet was found.
    pub outlet_from: OutletFrom,
    /// Canonical URL when known.
    pub url: Option<String>,
    /// Publication date as `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// Byline author when known.
    pub author: Option<String>,
}

/// Where an article's outlet name came from, strongest first.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum OutletFrom {
    /// The article's own front matter.
    FrontMatter,
    /// The folder's `brief.toml` `[outlets]` table.
    Config,
    /// A signature found in the text ("Source: Al Jazeera", "Bloomberg Terminal").
    Signature,
    /// Nothing found: the file name stands in.
    #[default]
    FileName,
}

/// A run of kept body text: a paragraph, a headline, a bullet or a subheading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in [`Document::raw`], trimmed of surrounding white space.
    pub span: Range<usize>,
    /// What kind of unit it is.
    pub kind: BlockKind,
}

/// The kind of a body block. Only paragraphs feed the summary; every kind feeds analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's headline as it appears in the text.
    Headline,
    /// A standfirst, dek or summary line under the headline.
    Standfirst,
    /// A body paragraph.
    Paragraph,
    /// A bullet point.
    Bullet,
    /// A subheading inside the body.
    Subhead,
}

/// A file that was skipped or only partly usable, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// Path relative to the input folder (or as given).
    pub path: String,
    /// The reason, in plain words.
    pub reason: String,
}

/// Ingest settings: what the folder's `brief.toml` adds.
#[derive(Debug, Clone, Default)]
pub struct IngestConfig {
    /// File name (relative path or bare name) -> outlet name, from `brief.toml`.
    pub outlets: Vec<(String, String)>,
    /// Extra outlet signatures from `brief.toml`, tried before the built-in ones.
    pub signatures: Vec<outlet::Signature>,
}

/// Read every article under `dir` (or the single file `dir`).
///
/// Unreadable or unsupported files become warnings; only an unreadable folder is an error.
pub fn ingest(dir: &Path, cfg: &IngestConfig) -> Result<(Vec<Document>, Vec<Warning>)> {
    let (files, mut warnings) = walk::article_files(dir)?;
    let mut docs = Vec::new();
    for file in files {
        match read_article(&file, cfg) {
            Ok(Some(mut doc)) => {
                doc.id = docs.len();
                docs.push(doc);
            }
            Ok(None) => warnings.push(Warning {
                path: file.rel.clone(),
                reason: "no article text after cleaning".into(),
            }),
            Err(reason) => warnings.push(Warning {
                path: file.rel.clone(),
                reason,
            }),
        }
    }
    Ok((docs, warnings))
}

/// Read and clean one file. `Ok(None)` when nothing usable is left.
fn read_article(file: &walk::ArticleFile, cfg: &IngestConfig) -> Result<Option<Document>, String> {
    let bytes = std::fs::read(&file.path).map_err(|e| format!("cannot read: {e}"))?;
    let raw = String::from_utf8(bytes).map_err(|_| "not valid UTF-8 text".to_string())?;
    parse_article(&file.rel, raw, cfg)
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
    let cleaned = clean::clean(&raw, fm.body.clone(), !fm.meta.title.is_empty());
    let mut cleaned = cleaned;
    if cleaned.blocks.iter().all(|b| b.kind == BlockKind::Headline) {
        // A lone line that ends like a sentence is the article, not a headline.
        match cleaned.blocks.as_mut_slice() {
            [only] if clean::is_terminated(&raw[only.span.clone()]) => {
                only.kind = BlockKind::Paragraph;
            }
            _ => return Ok(None),
        }
    }
    let mut meta = fm.meta.clone();
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
    let (outlet, from) = outlet::resolve(rel, &raw, &meta, cfg);
    meta.outlet = outlet;
    meta.outlet_from = from;
    Ok(Some(Document {
        id: 0,
        path: rel.to_string(),
        raw,
        meta,
        blocks: cleaned.blocks,
    }))
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
    text[..end].split_whitespace().collect::<Vec<_>>().join(" ")
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
}
