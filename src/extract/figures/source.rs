//! The three attribution patterns of [`attribution`](super::measure::attribution), matched
//! by hand: compiling them took about 2.3 M instructions, more than the rest of a small
//! run's figure extraction. Each matcher gives what its pattern gives, or `None` when the
//! answer turns on whether a character next to a match is a word character for the regex
//! crate's Unicode `\b` and that is not certain without its tables; the caller then runs
//! the pattern itself.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::MONTHS;
use crate::text::WEEKDAYS;
use crate::text::chars::word_char;

#[allow(clippy::unwrap_used)] // constant pattern
static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\baccording to ([^,.;:"“”()]+)"#).unwrap());
#[allow(clippy::unwrap_used)] // constant pattern
static SAID_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b(?:said|says)\s+((?:the|a|an)\s+[^,.;"“”]+|(?:Mr|Ms|Mrs|Dr)\.\s+[A-Z][^,.;"“”]+|[A-Z][^,.;"“”]+)"#)
        .unwrap()
});
#[allow(clippy::unwrap_used)] // constant pattern
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(said|says|told|estimated|reported|announced|added)\b").unwrap()
});

/// Whether the character before `pos` is a word character (`false` at the start).
fn word_before(s: &str, pos: usize) -> Option<bool> {
    s[..pos].chars().next_back().map_or(Some(false), word_char)
}

/// Whether the character at `pos` is a word character (`false` at the end).
fn word_at(s: &str, pos: usize) -> Option<bool> {
    s[pos..].chars().next().map_or(Some(false), word_char)
}

/// The end of the run from `from` on of characters that are not in `stop`.
fn run_end(s: &str, from: usize, stop: &[char]) -> usize {
    s[from..].find(stop).map_or(s.len(), |k| from + k)
}

/// `(?i)\baccording to ([^,.;:"“”()]+)`: the group's range in the first match.
pub(super) fn according_to(s: &str) -> Option<Range<usize>> {
    by_hand_according(s).unwrap_or_else(|| {
        ACCORDING
            .captures(s)
            .and_then(|c| c.get(1))
            .map(|m| m.range())
    })
}

fn by_hand_according(s: &str) -> Option<Option<Range<usize>>> {
    const LEAD: &str = "according to ";
    // Case-insensitive: none of these letters has a non-ASCII case variant.
    let lower = s.to_ascii_lowercase();
    for (p, _) in lower.match_indices(LEAD) {
        if word_before(s, p)? {
            continue; // no \b before "according"
        }
        let from = p + LEAD.len();
        let end = run_end(s, from, &[',', '.', ';', ':', '"', '“', '”', '(', ')']);
        if end > from {
            return Some(Some(from..end));
        }
    }
    Some(None)
}

/// `\b(said|says|told|estimated|reported|announced|added)\b`: every match, in order.
pub(super) fn speech_verbs(s: &str) -> Vec<Range<usize>> {
    by_hand_speech(s).unwrap_or_else(|| SPEECH.find_iter(s).map(|m| m.range()).collect())
}

fn by_hand_speech(s: &str) -> Option<Vec<Range<usize>>> {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "estimated",
        "reported",
        "announced",
        "added",
    ];
    let mut out = Vec::new();
    for verb in VERBS {
        for (p, _) in s.match_indices(verb) {
            let end = p + verb.len();
            // Whole words only: matches of different verbs then never overlap.
            if !word_before(s, p)? && !word_at(s, end)? {
                out.push(p..end);
            }
        }
    }
    out.sort_unstable_by_key(|r| r.start);
    Some(out)
}

/// `\b(?:said|says)\s+((?:the|a|an)\s+[^,.;"“”]+|(?:Mr|Ms|Mrs|Dr)\.\s+[A-Z][^,.;"“”]+|[A-Z][^,.;"“”]+)`:
/// the group's range in the first match.
pub(super) fn said_by(s: &str) -> Option<Range<usize>> {
    by_hand_said_by(s).unwrap_or_else(|| {
        SAID_BY
            .captures(s)
            .and_then(|c| c.get(1))
            .map(|m| m.range())
    })
}

fn by_hand_said_by(s: &str) -> Option<Option<Range<usize>>> {
    let mut starts: Vec<usize> = ["said", "says"]
        .iter()
        .flat_map(|w| s.match_indices(w).map(|(p, _)| p))
        .collect();
    starts.sort_unstable();
    for p in starts {
        if word_before(s, p)? {
            continue;
        }
        if let Some(group) = said_by_at(s, p + 4) {
            return Some(Some(group));
        }
    }
    Some(None)
}

/// The rest of `SAID_BY` after "said" ending at `from`, alternatives in order.
fn said_by_at(s: &str, from: usize) -> Option<Range<usize>> {
    const STOP: &[char] = &[',', '.', ';', '"', '“', '”'];
    let ws_end = |at: usize| {
        s[at..]
            .find(|c: char| !c.is_whitespace())
            .map_or(s.len(), |k| at + k)
    };
    let k = ws_end(from);
    if k == from {
        return None; // \s+ needs one
    }
    let rest = &s[k..];
    // (the|a|an)\s+[^...]+: the class takes white space too, so after the first white
    // space character any character not in STOP will do.
    for article in ["the", "a", "an"] {
        let Some(after) = rest.strip_prefix(article) else {
            continue;
        };
        let mut chars = after.chars();
        if chars.next().is_some_and(char::is_whitespace)
            && chars.next().is_some_and(|c| !STOP.contains(&c))
        {
            let first = k + article.len() + after.chars().next().map_or(0, char::len_utf8);
            return Some(k..run_end(s, first, STOP));
        }
    }
    // (Mr|Ms|Mrs|Dr)\.\s+[A-Z][^...]+
    for title in ["Mr.", "Ms.", "Mrs.", "Dr."] {
        if rest.starts_with(title) {
            let name = ws_end(k + title.len());
            if name > k + title.len()
                && let Some(end) = capital_run(s, name, STOP)
            {
                return Some(k..end);
            }
        }
    }
    // [A-Z][^...]+
    capital_run(s, k, STOP).map(|end| k..end)
}

/// `[A-Z][^...]+` at `at`: the end of the match.
fn capital_run(s: &str, at: usize, stop: &[char]) -> Option<usize> {
    if !s[at..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let end = run_end(s, at + 1, stop);
    (end > at + 1).then_some(end)
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Who a sentence attributes what it says to: "according to X", "X said", "said X". A
/// pronoun ("he said") is returned as is; the caller resolves it to the last named source.
pub(super) fn attribution(sentence: &str) -> Option<String> {
    if let Some(who) = according_to(sentence).and_then(|group| source_name(&sentence[group])) {
        return Some(who);
    }
    for m in speech_verbs(sentence) {
        let head = &sentence[..m.start];
        let from = head
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ',' | ';' | '"' | '“' | '”' | '('))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let mut subject = head[from..].trim();
        for lead in ["But ", "but ", "and ", "And ", "However ", "however "] {
            subject = subject.strip_prefix(lead).unwrap_or(subject);
        }
        for cut in [" who ", " which ", " that "] {
            if let Some(p) = subject.find(cut) {
                subject = &subject[..p];
            }
        }
        // "Peter Berdowski, chief executive of Boskalis, whose unit ..., told": the
        // relative clause is not the speaker; the name opening the sentence is.
        let lower_start = subject.chars().next().is_some_and(char::is_lowercase)
            && !subject.starts_with("the ")
            && !subject.starts_with("a ")
            && !subject.starts_with("an ");
        if lower_start {
            let opening = sentence.split(',').next().unwrap_or("").trim();
            if opening.len() < subject.len() + m.start
                && opening.chars().next().is_some_and(char::is_uppercase)
                && opening.split_whitespace().count() <= 5
            {
                subject = opening;
            } else {
                continue;
            }
        }
        let words: Vec<&str> = subject.split_whitespace().collect();
        let aux = [
            "has", "have", "had", "not", "was", "is", "were", "be", "been", "could", "would",
        ];
        let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        if !words.is_empty()
            && words.len() <= 10
            && !aux.contains(&last.as_str())
            && let Some(who) = source_name(subject)
        {
            return Some(who);
        }
    }
    said_by(sentence)
        .and_then(|group| source_name(&sentence[group]))
        .filter(|who| !names_a_time(who))
}

/// An attribution as a source's name: cut at a dash that opens another clause ("police- -
/// the women were shot ..." -> "police"), and `None` for sources that name no one
/// ("reports", "media reports", "sources").
fn source_name(group: &str) -> Option<String> {
    let mut who = group;
    for dash in ["- -", " - ", "--", "\u{2014}", "\u{2013}"] {
        if let Some(p) = who.find(dash) {
            who = &who[..p];
        }
    }
    let who = who.trim().trim_end_matches(['-', ' ']);
    let mut core = who.to_lowercase();
    for lead in [
        "the ",
        "some ",
        "unconfirmed ",
        "early ",
        "initial ",
        "local ",
        "news ",
        "media ",
        "press ",
    ] {
        if let Some(rest) = core.strip_prefix(lead) {
            core = rest.to_string();
        }
    }
    let vague = matches!(
        core.as_str(),
        "report" | "reports" | "source" | "sources" | "a source" | "a report" | "media"
    );
    (!who.is_empty() && !vague).then(|| who.to_string())
}

/// Words that open a time, not a speaker, after "said": "police said Friday" (and the days
/// of [`WEEKDAYS`] and months of [`MONTHS`]).
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "last",
    "earlier",
    "later",
    "on",
    "in",
    "at",
];

/// Whether what follows "said" opens with a time ("Friday", "on Monday", "Sept. 8").
fn names_a_time(who: &str) -> bool {
    let first = who
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    [TIME_WORDS, WEEKDAYS, MONTHS]
        .iter()
        .any(|list| list.contains(&first.as_str()))
}

/// Whether an attribution is only a pronoun.
pub(super) fn is_pronoun(source: &str) -> bool {
    PRONOUNS.contains(&source.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRICKY: &[&str] = &[
        "According to the UN, 400,000 died.",
        "ACCORDING TO officials: 5",
        "Not according to, but according to him.",
        "Disaccording to x",
        "\u{e9}according to x",
        "\u{3042}according to x",
        "according to",
        "according to ",
        "according to \u{201c}",
        "according tom (x)",
        "He said the toll rose.",
        "He said the",
        "He said the ",
        "He said the  ",
        "He said the  ,",
        "He said the ,",
        "said an official",
        "said a, b",
        "said a  b",
        "said Mr. Smith, then",
        "said Mrs. Jones",
        "said Mr. smith",
        "said Mr Smith",
        "said Dr.Who",
        "said M",
        "said Mo",
        "unsaid The thing; says Tom",
        "said\u{a0}The thing",
        "said\u{3042} Tom",
        "saidTom says Tom",
        "it was reported and announced, he added; they told us what she estimated",
        "reportedly told\u{e9} told\u{301} told",
        "said\u{2019}s says",
        "",
    ];

    #[test]
    fn hand_matchers_agree_with_the_patterns() {
        for s in TRICKY {
            let want = ACCORDING
                .captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.range());
            assert_eq!(according_to(s), want, "{s:?}");
            let want: Vec<_> = SPEECH.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(speech_verbs(s), want, "{s:?}");
            let want = SAID_BY
                .captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.range());
            assert_eq!(said_by(s), want, "{s:?}");
        }
    }

    #[test]
    fn according_to_has_no_other_case_variants() {
        #[allow(clippy::unwrap_used)] // constant pattern
        let re = Regex::new(r"(?i)^[acordingt ]$").unwrap();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let ascii = "acordingt ".contains(c.to_ascii_lowercase());
            assert_eq!(re.is_match(&c.to_string()), ascii, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn attribution_patterns() {
        let cases = [
            (
                "The conflict claimed 400,000 lives, according to the UN special envoy.",
                Some("the UN special envoy"),
            ),
            (
                "Rebels retook a district, the Syrian Observatory for Human Rights said on Thursday.",
                Some("the Syrian Observatory for Human Rights"),
            ),
            ("Mr. Rabie said 11 tugboats were used.", Some("Mr. Rabie")),
            (
                "Hiller then shot the three victims, according to police- - the women were shot upstairs.",
                Some("police"),
            ),
            (
                "Seven died, according to officials \u{2014} the toll could rise.",
                Some("officials"),
            ),
            ("According to reports, a woman shot two co-workers.", None),
            ("According to media reports, 40 boats sank.", None),
            ("Sources said 40 boats sank.", None),
            (
                "A worker who had been suspended killed two of them, police said Friday.",
                None,
            ),
            ("Two died, said Sept. 8 reports.", None),
            (
                "\"Progress is slow,\" said a State Department spokesman.",
                Some("a State Department spokesman"),
            ),
            ("He said the canal was losing $14 million.", Some("He")),
            ("The authority has not said when.", None),
            ("Ships waited for days.", None),
        ];
        for (s, want) in cases {
            assert_eq!(attribution(s).as_deref(), want, "{s}");
        }
    }
}
