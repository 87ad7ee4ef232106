//! Stage 3, analyze: what the sentences say about actors, positions, figures and open issues.
//!
//! Each extractor is a pure function over the [`Corpus`](crate::text::Corpus); every record it
//! returns keeps `(doc, byte span)` so the brief can cite it and tests can check it is verbatim.

pub mod entities;
pub mod figures;
pub mod framing;
pub mod issues;
pub mod quotes;
pub mod timeline;
