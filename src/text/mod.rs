//! Stage 2, segment: documents -> sentences with byte spans into each document's raw text.
//!
//! ```
//! use brief::ingest::from_plain;
//! use brief::text::Corpus;
//!
//! let doc = from_plain(0, "Wire", "U.S. Secretary of State John Kerry met Lavrov. They talked.");
//! let corpus = Corpus::new(vec![doc]);
//! assert_eq!(corpus.sentences.len(), 2);
//! assert_eq!(corpus.text(&corpus.sentences[0]), "U.S. Secretary of State John Kerry met Lavrov.");
//! ```

pub mod chars;
mod lists;
pub mod segment;
pub mod tokens;

use std::ops::Range;

use rayon::prelude::*;

use crate::document::{BlockKind, Document};

/// The days of the week, lower-case: capitalised in text, but times, not names.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Fold runs of white space (line breaks of hard-wrapped text included) into single spaces,
/// trimmed: how a verbatim span is shown.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One sentence (or headline, bullet, subhead unit) of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its document in [`Corpus::docs`].
    pub doc: usize,
    /// Byte range in that document's `raw` text.
    pub span: Range<usize>,
    /// The kind of block it came from.
    pub kind: BlockKind,
    /// Index of that block in the document.
    pub block: usize,
    /// Position among the document's sentences (0 = first).
    pub position: usize,
}

impl Sentence {
    /// Whether it may appear in the summary: a sentence of running text, not a headline,
    /// subhead or bullet fragment.
    pub fn is_body(&self) -> bool {
        matches!(self.kind, BlockKind::Paragraph | BlockKind::Standfirst)
    }
}

/// The documents and their sentences: what every analysis stage reads.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Documents in walk order; `docs[i].id == i`.
    pub docs: Vec<Document>,
    /// All sentences, document by document, in reading order.
    pub sentences: Vec<Sentence>,
}

impl Corpus {
    /// Segment every document's blocks into sentences.
    pub fn new(mut docs: Vec<Document>) -> Self {
        for (i, doc) in docs.iter_mut().enumerate() {
            doc.id = i;
        }
        // Documents are segmented side by side and concatenated in document order.
        let per_doc: Vec<Vec<Sentence>> = docs.par_iter().map(segment_document).collect();
        let sentences = per_doc.concat();
        Corpus { docs, sentences }
    }

    /// The indices of document `doc`'s sentences: sentences are stored document by document,
    /// so the run is found by two binary searches, not a scan.
    pub fn doc_sentences(&self, doc: usize) -> std::ops::Range<usize> {
        let start = self.sentences.partition_point(|s| s.doc < doc);
        let end = self.sentences.partition_point(|s| s.doc <= doc);
        start..end
    }

    /// The verbatim text of a sentence.
    pub fn text(&self, s: &Sentence) -> &str {
        self.docs[s.doc].text(&s.span)
    }

    /// The outlet of a sentence's document.
    pub fn outlet(&self, s: &Sentence) -> &str {
        &self.docs[s.doc].meta.outlet
    }

    /// Number of distinct outlets.
    pub fn outlet_count(&self) -> usize {
        let mut outlets: Vec<&str> = self.docs.iter().map(|d| d.meta.outlet.as_str()).collect();
        outlets.sort_unstable();
        outlets.dedup();
        outlets.len()
    }
}

/// The sentences of one document, in reading order.
fn segment_document(doc: &Document) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut position = 0;
    for (b, block) in doc.blocks.iter().enumerate() {
        let spans = match block.kind {
            // Headlines, subheads and bullets are units of their own.
            BlockKind::Headline | BlockKind::Subhead | BlockKind::Bullet => {
                vec![block.span.clone()]
            }
            BlockKind::Paragraph | BlockKind::Standfirst => {
                segment::split_sentences(doc.text(&block.span))
                    .into_iter()
                    .map(|r| block.span.start + r.start..block.span.start + r.end)
                    .collect()
            }
        };
        for span in spans {
            sentences.push(Sentence {
                doc: doc.id,
                span,
                kind: block.kind,
                block: b,
                position,
            });
            position += 1;
        }
    }
    sentences
}
