//! Cleaning: separate the article from the page furniture copied with it.
//!
//! Works line by line over the body. Furniture (navigation, ads, sign-up prompts, outlet
//! self-promotion, source lines, captions and credits, wire slugs) is dropped; bylines and
//! datelines become metadata; the rest becomes [`Block`]s: the headline, a standfirst,
//! paragraphs, bullets and subheadings. Unterminated lines inside the body (subheads,
//! related-article links, uncredited captions) are kept as subheads: they feed analysis but
//! never the summary. Patterns live in `furniture.txt` and `outlets.toml`, not in code.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta::Regex as Set;

use crate::pattern;

use super::{Block, BlockKind, outlet};

/// An unterminated line this long is a paragraph missing its final stop, not a subhead.
const LONG_UNTERMINATED: usize = 20;

/// A first line longer than this is the article's first paragraph, not its headline.
const HEADLINE_MAX_WORDS: usize = 25;

/// What cleaning found in a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Kept blocks, in order.
    pub blocks: Vec<Block>,
    /// The headline text, when a headline block was found.
    pub title: Option<String>,
    /// Author from a byline ("By Staff Reporter" -> "Staff Reporter").
    pub byline: Option<String>,
    /// Date from a dateline, as `YYYY-MM-DD`.
    pub dateline: Option<String>,
}

const FURNITURE: &str = include_str!("furniture.txt");

// Patterns come from a file compiled into the binary; one set compiles faster than thirty
// regexes. They are ASCII patterns matched in ASCII mode over the line's bytes (`\b`, `\s`,
// `.` and case-insensitivity by ASCII rules): a third of the Unicode set's compile time
// and smaller automata to build while matching; built without a literal prefilter
// ([`crate::pattern`]), which halves the rest. A bad pattern empties the set rather than
// panicking (the unit test `every_furniture_pattern_compiles` keeps the file clean).
static FURNITURE_PATTERNS: LazyLock<Option<Set>> = LazyLock::new(|| furniture_set().ok());

/// Build the furniture set now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&FURNITURE_PATTERNS);
}

fn furniture_set() -> Result<Set, Box<regex_automata::meta::BuildError>> {
    let patterns: Vec<&str> = FURNITURE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    pattern::ascii_set(&patterns)
}

#[allow(clippy::unwrap_used)] // constant pattern
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|written by|words by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|al-\S+))*)(?:[,|]\s.*)?$").unwrap()
});
#[allow(clippy::unwrap_used)] // constant pattern
static CREDIT_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    // Unbounded repeats with a length check in code: bounded repeats of Unicode classes
    // compile into huge automata (30 ms at start-up for `[\w ...]{1,50}`).
    Regex::new(
        r"(?:\s/\s*\p{Lu}[^/\[\]()]*|[\[(]\s*(?i:photo:?\s*|file:?\s*)?\p{Lu}[^\[\]()]*[\])])\s*$",
    )
    .unwrap()
});
/// Longest credit ("/ TRT World and Agencies", "[Reuters]") recognised, in bytes.
const MAX_CREDIT: usize = 60;
#[allow(clippy::unwrap_used)] // constant pattern
static CAPTION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(a |this )?(file )?(photo|picture|image)( shows| taken)?\b|^pictured:|^in this (photo|picture|image)").unwrap()
});
/// A wire dateline opening a paragraph: "ISMAILIA:", "GENEVA (Reuters) -", "BEIRUT, Lebanon —".
#[allow(clippy::unwrap_used)] // constant pattern
static DATELINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{Lu} .'’-]+(?:,\s*\p{Lu}[\p{L}\p{N} .]+)?\s*(?:\([^)]+\))?\s*(?::|[—–]|\s-)\s+",
    )
    .unwrap()
});
/// Longest wire dateline ("BEIRUT, Lebanon (Reuters) —") recognised, in bytes.
const MAX_DATELINE: usize = 50;
#[allow(clippy::unwrap_used)] // constant pattern
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•·▪◦‣*–-]|\d{1,2}[.)])\s+").unwrap());
#[allow(clippy::unwrap_used)] // constant pattern
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}\s+").unwrap());

/// Whether a trimmed line is page furniture: a built-in pattern (only on lines of at most
/// `FURNITURE_MAX_WORDS` words: a long line that starts with "Source:" is article text) or an
/// outlet signature.
pub fn is_furniture(line: &str) -> bool {
    let short = line.split_whitespace().count() <= FURNITURE_MAX_WORDS;
    (short
        && FURNITURE_PATTERNS
            .as_ref()
            .is_some_and(|set| set.is_match(line.as_bytes())))
        || outlet::is_signature_line(line)
}

/// Longest line that furniture patterns may remove, in words.
pub const FURNITURE_MAX_WORDS: usize = 40;

/// Whether a line ends a sentence: terminal punctuation, possibly inside closing quotes.
pub fn is_terminated(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A photo caption or credit line: a credit at the end ("... / TRT World and Agencies",
/// "... `[Reuters]`", "... (AFP)") after unterminated text, or a "File photo" opening.
pub fn is_caption(line: &str) -> bool {
    // Cheap tests first: most lines can match neither pattern, and a pattern no line
    // reaches is never compiled (a third of a small run's start-up was compiling patterns).
    if may_open_caption(line)
        && CAPTION_PREFIX.is_match(line)
        && line.split_whitespace().count() < 40
    {
        return true;
    }
    // A credit holds a slash or ends with a bracket.
    if !line.contains('/') && !line.trim_end().ends_with([')', ']']) {
        return false;
    }
    match CREDIT_SUFFIX.find(line) {
        Some(m) if m.len() <= MAX_CREDIT => {
            let before = line[..m.start()].trim_end();
            !before.is_empty()
                && (!is_terminated(before) || m.as_str().trim_start().starts_with('/'))
        }
        _ => false,
    }
}

/// Whether a line may match [`CAPTION_PREFIX`]: it opens, in either case, with "pictured:",
/// "in this ", or "photo", "picture" or "image" after "a " or "this " and "file ". Read on
/// the line's first bytes when they are ASCII (the pattern's words hold an `s`, which the
/// long s matches case-insensitively); any other line is left to the pattern.
fn may_open_caption(line: &str) -> bool {
    let head = &line.as_bytes()[..line.len().min(24)];
    if !head.is_ascii() {
        return true;
    }
    let starts =
        |s: &[u8], p: &str| s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts(head, "pictured:") || starts(head, "in this ") {
        return true;
    }
    let mut rest = head;
    if let Some(p) = ["a ", "this "].into_iter().find(|p| starts(rest, p)) {
        rest = &rest[p.len()..];
    }
    if starts(rest, "file ") {
        rest = &rest["file ".len()..];
    }
    ["photo", "picture", "image"]
        .iter()
        .any(|p| starts(rest, p))
}

/// Whether a paragraph's first `MAX_DATELINE` bytes hold the first byte of a dateline's
/// separator (":", "-", or the lead byte of "—" and "–"): a match of [`DATELINE_PREFIX`]
/// short enough to be cut ends after one.
fn may_hold_dateline(text: &str) -> bool {
    text.as_bytes()[..text.len().min(MAX_DATELINE)]
        .iter()
        .any(|&b| matches!(b, b':' | b'-' | 0xE2))
}

/// A wire slug in capitals, such as `SWITZERLAND-GENEVA-U.S.-RUSSIA-TRUCE IN SYRIA- Name`.
pub fn is_wire_slug(line: &str) -> bool {
    let upper_part = match line.find(|c: char| c.is_lowercase()) {
        Some(i) => &line[..i],
        None => line,
    };
    let seps = upper_part.matches(['-', '/']).count();
    let caps = upper_part.chars().filter(|c| c.is_uppercase()).count();
    upper_part.len() * 10 >= line.len() * 6 && seps >= 2 && caps >= 6
}

/// Clean the body `body` of `raw`. `has_title` says the front matter already gave a title,
/// so the first line is a headline only if it looks like one (short and unterminated).
pub fn clean(raw: &str, body: Range<usize>, has_title: bool) -> Cleaned {
    let mut out = Cleaned::default();
    let mut pos = body.start;
    let mut prev_blank = true;
    for line in raw[body.clone()].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            prev_blank = true;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = start + lead..start + lead + trimmed.len();
        let was_blank = std::mem::replace(&mut prev_blank, false);
        classify(raw, span, was_blank, has_title, &mut out);
    }
    out
}

fn classify(raw: &str, span: Range<usize>, after_blank: bool, has_title: bool, out: &mut Cleaned) {
    let text = &raw[span.clone()];
    if let Some(author) = byline(text) {
        out.byline.get_or_insert(author);
        return;
    }
    if text.split_whitespace().count() <= 8
        && let Some(date) = super::date::parse(text)
    {
        out.dateline.get_or_insert(date);
        return;
    }
    if is_furniture(text) || is_caption(text) || is_wire_slug(text) {
        return;
    }
    let first = text.chars().next().unwrap_or(' ');
    let bullet =
        matches!(first, '•' | '·' | '▪' | '◦' | '‣' | '*' | '–' | '-') || first.is_numeric();
    let marker = match first {
        '_' => wire_list_marker(text),
        _ => bullet.then(|| BULLET.find(text).map(|m| m.end())).flatten(),
    };
    if let Some(end) = marker {
        out.blocks.push(Block {
            span: span.start + end..span.end,
            kind: BlockKind::Bullet,
        });
        return;
    }
    let (span, heading) = match (first == '#').then(|| MD_HEADING.find(text)).flatten() {
        Some(m) => (span.start + m.end()..span.end, true),
        None => (span, false),
    };
    let text = &raw[span.clone()];
    // A hard-wrapped paragraph: continue the previous block.
    if !after_blank
        && !heading
        && let Some(last) = out.blocks.last_mut()
        && matches!(last.kind, BlockKind::Paragraph | BlockKind::Subhead)
        && !is_terminated(&raw[last.span.clone()])
        && text.starts_with(|c: char| c.is_lowercase())
    {
        last.span.end = span.end;
        last.kind = BlockKind::Paragraph;
        return;
    }
    // A wire dateline is metadata, not part of the first sentence.
    // The pattern is compiled and run only where its match could be used: the dateline's
    // separator (":", a dash or a hyphen) starts within its first `MAX_DATELINE` bytes.
    let upper = text.chars().next().is_some_and(char::is_uppercase);
    let dateline = (upper && !heading && out.title.is_some() && may_hold_dateline(text))
        .then(|| DATELINE_PREFIX.find(text))
        .flatten();
    let (span, text) = match dateline {
        Some(m) if m.end() <= MAX_DATELINE => (span.start + m.end()..span.end, &text[m.end()..]),
        _ => (span, text),
    };
    let words = text.split_whitespace().count();
    let kind = if out.title.is_none()
        && out.blocks.is_empty()
        && (heading || (words <= HEADLINE_MAX_WORDS && (!has_title || !is_terminated(text))))
    {
        out.title = Some(text.to_string());
        BlockKind::Headline
    } else if out.blocks.len() == 1 && out.blocks[0].kind == BlockKind::Headline && !heading {
        BlockKind::Standfirst
    } else if heading || (!is_terminated(text) && words < LONG_UNTERMINATED) {
        BlockKind::Subhead
    } else {
        BlockKind::Paragraph
    };
    out.blocks.push(Block { span, kind });
}

/// The length of a wire list marker: AP sets list items (a chronology, a state-by-state
/// round-up) as lines opening with an underscore ("_Alabama: Seventeen people ...",
/// "_ \"Cat's Eye,\" a story ..."). None unless the item opens with a capital, a digit or
/// a quote.
fn wire_list_marker(text: &str) -> Option<usize> {
    let rest = text.trim_start_matches('_').trim_start();
    rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“'))
        .then(|| text.len() - rest.len())
}

fn byline(text: &str) -> Option<String> {
    // The pattern opens with "by", "written by" or "words by".
    if text.split_whitespace().count() > 10 || !text.starts_with(['b', 'B', 'w', 'W']) {
        return None;
    }
    BYLINE.captures(text).map(|c| c[1].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The screen before the caption pattern never hides a match: on openings of every
    /// shape and random strings of the pattern's pieces.
    #[test]
    fn caption_screen_passes_every_match() {
        let pieces = [
            "a ",
            "A ",
            "this ",
            "THIS ",
            "thiſ ",
            "file ",
            "File ",
            "photo",
            "PHOTO",
            "picture",
            "image",
            "pictured:",
            "in this ",
            "In This ",
            " shows",
            " taken",
            "The ",
            "é",
            "x",
            "\u{212A}",
            " ",
            "Pictures",
        ];
        for text in crate::testing::random_texts(&pieces, 4, 30_000, 5) {
            if CAPTION_PREFIX.is_match(&text) {
                assert!(may_open_caption(&text), "{text:?}");
            }
        }
        assert!(may_open_caption("A file photo shows the port."));
        assert!(may_open_caption("thiſ photo"));
        assert!(!may_open_caption("The port reopened on Monday."));
        assert!(!may_open_caption("In Taltal, crews worked."));
        assert!(!may_open_caption("A spokesman said."));
    }

    fn kinds(raw: &str, has_title: bool) -> Vec<(BlockKind, String)> {
        clean(raw, 0..raw.len(), has_title)
            .blocks
            .iter()
            .map(|b| (b.kind, raw[b.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn every_furniture_pattern_compiles() {
        let set = furniture_set();
        assert!(set.is_ok(), "{set:?}");
        let n = FURNITURE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(set.map(|s| s.pattern_len()).unwrap_or(0), n);
    }

    #[test]
    fn furniture_is_dropped_and_metadata_kept() {
        let raw = "Skip to main content\n\nTalks resume in Geneva\nThe two sides meet again.\n\
A file photo of the delegates. / Wire and Agencies\nBy Staff Reporter\nSeptember 9, 2016\n\n\
The ministers met on Friday.\n\nAdvertisement\n\nShare\n\nStay informed with our newsletters\n\n\
For a QuickTake explaining the talks, click here.\n\nSign up to get the latest alerts\n\n\
Delegates arrive at the hotel [Reuters]\n\nOfficials briefed reporters (AFP)\n\n\
SWITZERLAND-GENEVA-TALKS- Jane Doe\n\nThey spoke for an hour.\n\nSOURCE:Wire and agencies\n";
        let c = clean(raw, 0..raw.len(), false);
        assert_eq!(c.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(c.byline.as_deref(), Some("Staff Reporter"));
        assert_eq!(c.dateline.as_deref(), Some("2016-09-09"));
        assert_eq!(
            kinds(raw, false),
            [
                (BlockKind::Headline, "Talks resume in Geneva".into()),
                (BlockKind::Standfirst, "The two sides meet again.".into()),
                (BlockKind::Paragraph, "The ministers met on Friday.".into()),
                (BlockKind::Paragraph, "They spoke for an hour.".into()),
            ]
        );
    }

    #[test]
    fn wire_underscore_items_are_list_items() {
        let raw = "Tornadoes hit the South\n\nTornadoes killed 20 people on Wednesday.\n\n\
_Alabama: Seventeen people were killed in Huntsville.\n\n_ \"Cat's Eye,\" a novel.\n\n\
_underscored words stay text.\n";
        assert_eq!(
            kinds(raw, false),
            [
                (BlockKind::Headline, "Tornadoes hit the South".into()),
                (
                    BlockKind::Standfirst,
                    "Tornadoes killed 20 people on Wednesday.".into()
                ),
                (
                    BlockKind::Bullet,
                    "Alabama: Seventeen people were killed in Huntsville.".into()
                ),
                (BlockKind::Bullet, "\"Cat's Eye,\" a novel.".into()),
                (BlockKind::Paragraph, "_underscored words stay text.".into()),
            ]
        );
    }

    #[test]
    fn bullets_subheads_and_wrapped_paragraphs() {
        let raw = "Headline here\n\n  • First point\n  • Second point\n\nThe minister said the talks\nwould go on.\n\nAleppo key issue\n\n## Background\n\nIt began in 2011.\n";
        assert_eq!(
            kinds(raw, false),
            [
                (BlockKind::Headline, "Headline here".into()),
                (BlockKind::Bullet, "First point".into()),
                (BlockKind::Bullet, "Second point".into()),
                (
                    BlockKind::Paragraph,
                    "The minister said the talks\nwould go on.".into()
                ),
                (BlockKind::Subhead, "Aleppo key issue".into()),
                (BlockKind::Subhead, "Background".into()),
                (BlockKind::Paragraph, "It began in 2011.".into()),
            ]
        );
    }

    #[test]
    fn long_unterminated_line_is_a_paragraph() {
        let raw = "Headline\n\nStandfirst.\n\n\"Any agreement has to open the roads into the city before the first snow of winter sets in,\" a senior official told reporters\n";
        assert_eq!(kinds(raw, false)[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_long_first_line_is_a_paragraph_not_a_headline() {
        let raw = format!("{}.\nSecond line.\n", ["word"; 40].join(" "));
        let c = clean(&raw, 0..raw.len(), false);
        assert_eq!(c.title, None);
        assert_eq!(c.blocks[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_long_line_starting_like_furniture_is_kept() {
        let line = format!(
            "Source: wikimedia commons. {}.",
            ["more text"; 30].join(" ")
        );
        assert!(!is_furniture(&line));
        assert!(is_furniture("Source: Al Jazeera and news agencies"));
    }

    /// The separator screen never hides a dateline short enough to cut.
    #[test]
    fn dateline_screen_passes_every_short_match() {
        let pieces = [
            "GENEVA",
            " ",
            ": ",
            " - ",
            " — ",
            " – ",
            "(Reuters)",
            ", Lebanon",
            "Talks began ",
            "X",
            "É",
            "’",
            ".",
            "-",
        ];
        for text in crate::testing::random_texts(&pieces, 6, 30_000, 9) {
            if DATELINE_PREFIX
                .find(&text)
                .is_some_and(|m| m.end() <= MAX_DATELINE)
            {
                assert!(may_hold_dateline(&text), "{text:?}");
            }
        }
        assert!(!may_hold_dateline(
            "At least 20 people were killed, officials said."
        ));
    }

    #[test]
    fn wire_datelines_are_cut_from_the_first_sentence() {
        let raw = "Headline\n\nISMAILIA: Crews worked on Friday.\n\nGENEVA (Reuters) - Talks began.\n\nBEIRUT, Lebanon — It rained.\n\nSUEZ, March 29: Ships moved.\n\nUS officials said: no.\n";
        let texts: Vec<String> = kinds(raw, false).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            [
                "Headline",
                "Crews worked on Friday.",
                "Talks began.",
                "It rained.",
                "Ships moved.",
                "US officials said: no."
            ]
        );
    }

    #[test]
    fn with_a_front_matter_title_the_first_paragraph_stays_a_paragraph() {
        let raw = "The ministers met on Friday in Geneva.\n\nThey spoke for an hour.\n";
        assert_eq!(kinds(raw, true)[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn captions_and_slugs() {
        assert!(is_caption("Kerry steps from his plane in Geneva (AFP)"));
        assert!(is_caption(
            "A file photo of a meeting. / TRT World and Agencies"
        ));
        assert!(!is_caption("The talks ended with no deal (AFP)."));
        assert!(is_wire_slug(
            "SWITZERLAND-GENEVA-U.S.-RUSSIA-TRUCE IN SYRIA- Sergey Lavrov"
        ));
        assert!(is_wire_slug("EGYPT-SUEZ/SHIP-REFLOAT"));
        assert!(!is_wire_slug("U.S.-Russian talks stall in Geneva"));
    }
}
