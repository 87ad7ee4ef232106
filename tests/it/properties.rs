//! Property tests: the stable-toolchain stand-in for fuzzing (cargo-fuzz needs nightly).
//!
//! Each property runs `PROPTEST_CASES` cases (default below) on generated input: arbitrary
//! bytes, and "news-shaped" text built from fragments that exercise front matter, HTML,
//! bylines, dates, numbers, quotes, abbreviations, odd Unicode and markup. Run more with
//! `PROPTEST_CASES=20000 cargo test --release --test it properties`.

use brief::brief::Brief;
use brief::ingest::{self, IngestConfig, decode, from_plain};
use brief::text::{Corpus, segment};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per property: `PROPTEST_CASES` or `default`. Failures are not persisted to files:
/// a failing case is printed, shrunk, for a regression test.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

const FRAGMENTS: &[&str] = &[
    "---\n",
    "+++\n",
    "title: Talks\n",
    "outlet = \"X\"\n",
    "date: 2025-06-12\n",
    "\n",
    "\n\n",
    "<!DOCTYPE html>",
    "<html>",
    "<p>",
    "</p>",
    "<script>alert(1)</script>",
    "<h1>",
    "</h1>",
    "<meta property=\"og:site_name\" content=\"Wire\">",
    "By Jane Doe\n",
    "September 9, 2016\n",
    "The minister said ",
    "officials said on Monday. ",
    "U.S. ",
    "Mr. ",
    "Sept. ",
    "Gen. ",
    "about 12,000 people",
    "more than 3 million euros",
    "5 1/2-year",
    "half",
    "a dozen",
    "$9.6 billion",
    "40%",
    "1.5",
    "-",
    "—",
    "…",
    "...",
    "“",
    "”",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "](javascript:x)",
    "*",
    "#",
    "`",
    "|",
    "\\",
    "é",
    "€",
    "Ğ",
    "\u{feff}",
    "\u{2028}",
    "\u{200b}",
    "\r\n",
    "\t",
    "SOURCE: Wire and agencies\n",
    "Advertisement\n",
    "• ",
    "1. ",
    "GENEVA (Reuters) - ",
    "Kerry and Lavrov met in Geneva. ",
    "12",
    "0",
    "9999999999999999999",
];

/// News-shaped text: fragments and random words.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "[A-Za-z]{1,9} ",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Text a sentence-shaped summary can come from: several sentences per document.
fn article_text() -> impl Strategy<Value = String> {
    let sentence =
        prop_oneof![
        proptest::sample::select(&[
            "Kerry and Lavrov met in Geneva on Friday to discuss a ceasefire in Syria.",
            "About 12,000 residents were evacuated from villages along the Vell river.",
            "The regional water authority said the gate's arm snapped at 4 a.m. on Thursday.",
            "Officials warned that more than 3 million euros of crops could be lost this year.",
            "It is not yet known when residents will be allowed to return to their homes.",
        ][..])
        .prop_map(str::to_string),
        news_text().prop_map(|t| format!("{t}.")),
    ];
    proptest::collection::vec(sentence, 1..8).prop_map(|v| v.join(" \n"))
}

fn is_span_in(raw: &str, span: &std::ops::Range<usize>) -> bool {
    span.start <= span.end && raw.get(span.clone()).is_some()
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every block of a parsed document indexes into its raw text.
fn check_document(doc: Option<ingest::Document>) {
    if let Some(doc) = doc {
        for b in &doc.blocks {
            assert!(is_span_in(&doc.raw, &b.span), "{:?} {:?}", b.span, doc.raw);
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_bytes_decode_and_parse_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1500), html in any::<bool>()) {
        if let Ok(d) = decode::decode(&bytes, html) {
            let cfg = IngestConfig::default();
            check_document(ingest::parse_article("a.txt", d.text.clone(), &cfg).ok().flatten());
            check_document(ingest::parse_html("a.html", &d.text, &cfg).ok().flatten());
        }
    }

    #[test]
    fn news_shaped_text_parses_with_spans_inside(text in news_text()) {
        let cfg = IngestConfig::default();
        check_document(ingest::parse_article("a.md", text.clone(), &cfg).ok().flatten());
        check_document(ingest::parse_html("a.html", &text, &cfg).ok().flatten());
    }

    #[test]
    fn segmentation_spans_are_ordered_trimmed_and_inside(text in prop_oneof![any::<String>(), news_text()]) {
        let spans = segment::split_sentences(&text);
        let mut end = 0;
        for s in &spans {
            prop_assert!(is_span_in(&text, s), "{s:?}");
            prop_assert!(s.start >= end && s.start < s.end, "{spans:?}");
            let piece = &text[s.clone()];
            prop_assert_eq!(piece.trim(), piece);
            end = s.end;
        }
    }

    #[test]
    fn figures_lie_inside_their_sentence(text in news_text()) {
        let corpus = Corpus::new(vec![from_plain(0, "A", &text)]);
        for f in brief::extract::figures::extract_figures(&corpus) {
            let s = &corpus.sentences[f.sentence];
            prop_assert_eq!(f.doc, s.doc);
            prop_assert!(s.span.start <= f.span.start && f.span.end <= s.span.end, "{f:?} {s:?}");
            prop_assert!(is_span_in(&corpus.docs[f.doc].raw, &f.span));
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn an_arbitrary_file_in_a_folder_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..1500), ext in proptest::sample::select(&["txt", "md", "html"][..])) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(format!("a.{ext}")), &bytes).unwrap();
        let (docs, warnings) = ingest::ingest(dir.path(), &IngestConfig::default()).unwrap();
        // One document (perhaps with a decoding note), or one warning saying why not.
        prop_assert!(docs.len() + warnings.len() <= 2 && warnings.len() <= 1, "{warnings:?}");
        prop_assert!(docs.len() == 1 || warnings.len() == 1, "{warnings:?}");
    }

    #[test]
    fn citations_are_verbatim_and_html_has_no_article_markup(texts in proptest::collection::vec(article_text(), 1..4)) {
        let mut docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_plain(i, &format!("Outlet <b>{i}</b>"), t))
            .collect();
        ingest::duplicates::mark(&mut docs);
        let corpus = Corpus::new(docs);
        let brief = brief::brief_corpus(&corpus, &Default::default(), Vec::new(), "t");
        check_brief(&corpus, &brief)?;
        let html = brief::render::Renderer::new(None).unwrap().html(&brief, &Default::default()).unwrap();
        let lower = html.to_lowercase();
        for tag in ["<script", "<b>", "<img", "<h1>", "<p>", "<html>", "<meta", "href=\"javascript"] {
            let allowed = lower.matches(tag).count();
            let in_template = match tag { "<h1>" | "<p>" | "<html>" | "<meta" => 1, _ => 0 };
            // The page template has one <html>, <meta charset>, <h1> and maybe <p>s of its
            // own; article text must add none of the tags it tried to inject.
            if in_template == 0 {
                prop_assert_eq!(allowed, 0, "{} in {}", tag, html);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn ingested_pages_and_texts_give_verbatim_briefs(texts in proptest::collection::vec((article_text(), any::<bool>()), 1..4)) {
        let cfg = IngestConfig::default();
        let mut docs: Vec<_> = texts
            .iter()
            .enumerate()
            .filter_map(|(i, (t, html))| {
                if *html {
                    let paras: String = t.lines().map(|l| format!("<p>{l}</p>")).collect();
                    let page = format!("<html><head><meta property=\"og:site_name\" content=\"S{i}\"></head><body><nav>Home</nav><article><h1>Head {i}</h1>{paras}</article></body></html>");
                    ingest::parse_html(&format!("{i}.html"), &page, &cfg).ok().flatten()
                } else {
                    ingest::parse_article(&format!("{i}.txt"), t.clone(), &cfg).ok().flatten()
                }
            })
            .collect();
        prop_assume!(!docs.is_empty());
        ingest::duplicates::mark(&mut docs);
        let corpus = Corpus::new(docs);
        let brief = brief::brief_corpus(&corpus, &Default::default(), Vec::new(), "t");
        check_brief(&corpus, &brief)?;
    }
}

/// Every summary point, open issue, statement and figure cites spans inside its source,
/// and the shown text is the first citation's text, verbatim.
fn check_brief(corpus: &Corpus, brief: &Brief) -> Result<(), TestCaseError> {
    let raw = |source: usize| &corpus.docs[source - 1].raw;
    for p in brief.summary.iter().chain(&brief.open_issues) {
        for c in &p.citations {
            let span = c.span[0]..c.span[1];
            prop_assert!(is_span_in(raw(c.source), &span));
        }
        let c = &p.citations[0];
        prop_assert_eq!(&fold(&raw(c.source)[c.span[0]..c.span[1]]), &p.text);
    }
    for pos in &brief.positions {
        for s in &pos.statements {
            for c in &s.citations {
                prop_assert!(is_span_in(raw(c.source), &(c.span[0]..c.span[1])));
            }
        }
    }
    for g in &brief.figures {
        for v in &g.values {
            let c = &v.citation;
            prop_assert!(is_span_in(raw(c.source), &(c.span[0]..c.span[1])));
            prop_assert_eq!(&fold(&raw(c.source)[c.span[0]..c.span[1]]), &v.display);
        }
    }
    Ok(())
}
