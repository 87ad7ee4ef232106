//! The article model every stage shares: a [`Document`] with its [`Meta`] and body
//! [`Block`]s, and the [`Warning`] recorded for a file that could not be used.
//!
//! It sits below every stage: [`ingest`](crate::ingest) makes documents,
//! [`text`](crate::text) segments them, and nothing here imports a stage.

use std::ops::Range;

use schemars::JsonSchema;
use serde::Serialize;

/// One article, as read and cleaned.
#[derive(Debug, Clone)]
pub struct Document {
    /// Position in the sorted walk; sentence and citation records refer to it.
    pub id: usize,
    /// Path relative to the input folder, with `/` separators.
    pub path: String,
    /// The file's text exactly as decoded (for an HTML page, the article text extracted
    /// from it): every span in the pipeline indexes into it.
    pub raw: String,
    /// Title, outlet, date, url, author.
    pub meta: Meta,
    /// Body text kept after cleaning, in reading order.
    pub blocks: Vec<Block>,
    /// When this article is a copy (the same file saved twice, or a syndicated wire story),
    /// the index of the original in the document list; set by [`duplicates::mark`](crate::ingest::duplicates::mark).
    pub duplicate_of: Option<usize>,
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
#[derive(Debug, Clone, Copy, Default, Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum OutletFrom {
    /// The article's own front matter.
    FrontMatter,
    /// The folder's `brief.toml` `[outlets]` table.
    Config,
    /// A saved web page's own metadata (`og:site_name`, the JSON-LD publisher, else the
    /// canonical URL's host). Weaker than `brief.toml`, so a user can correct a publisher's
    /// site name.
    PageMeta,
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
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// Path relative to the input folder (or as given).
    pub path: String,
    /// The reason, in plain words.
    pub reason: String,
}
