//! Which sentences can stand alone as a summary point, and which state the event.
//!
//! A point is read without its neighbours, so a sentence that needs the one before it (it
//! opens with a lowercase word, a connective such as "But" or "However", or sits inside a
//! quotation that opens or closes in another sentence) is never a point. A sentence that
//! opens with a pronoun is allowed at a discount. Boilerplate ("was not available for
//! comment", "click here", newsletters, a spokesman announcing a meeting) is worth little.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::solve;
use crate::text::Corpus;

/// Length exponent of the lead's score (a lead may be longer than the average point).
const LEAD_EXPONENT: f64 = 0.5;

/// Connectives that tie a sentence to the one before it.
const CONNECTIVES: &[&str] = &[
    "but",
    "however",
    "and",
    "also",
    "yet",
    "so",
    "still",
    "instead",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "besides",
    "then",
    "thus",
    "therefore",
    "hence",
    "or",
    "nor",
    "meanwhile",
    "otherwise",
    "likewise",
    "similarly",
    "consequently",
    "accordingly",
    "indeed",
];

/// Pronouns and determiners that refer back: a sentence opening with one is readable only
/// with its predecessor, so it is worth half.
const REFERRING: &[&str] = &[
    "he", "she", "it", "they", "this", "these", "that", "those", "his", "her", "its", "their",
    "there", "such", "both", "we", "our", "i",
];

/// Phrases of boilerplate and page furniture (lowercase).
const BOILERPLATE: &[&str] = &[
    "available for comment",
    "reached for comment",
    "declined to comment",
    "declined comment",
    "no immediate comment",
    "did not respond to",
    "did not immediately respond",
    "did not return",
    "not immediately clear",
    "click here",
    "sign up",
    "subscribe",
    "newsletter",
    "follow us",
    "all rights reserved",
    "contributed to this report",
    "contributed reporting",
    "for more information",
    "read more",
    "this story has been",
    "first published",
    "this article",
    "press conference",
    "will hold talks",
    "are scheduled to",
    "is scheduled to",
    "will meet",
];

/// Page furniture that web crawls leave inside article text (Twitter embeds, web-archive
/// notices, reprint and subscription prompts): never news, so never a summary point.
const WEB_FURNITURE: &[&str] = &[
    "location history",
    "location information to your tweets",
    "tweet with a location",
    "wayback machine",
    "crawl data",
    "web crawl",
    "webcrawl",
    "crawls of supported",
    "these crawls",
    "breaking news alerts",
    "breaking news emails",
    "will not appear anywhere",
    "javascript is disabled",
    "enable javascript",
    "non-commercial use",
    "order reprints",
    "video has been rented",
    "feature is not available right now",
    "legacy twitter",
    "deliverable area",
    "digital access",
    "delivered weekday mornings",
    "not publicly accessible",
    "display name",
    "thank you for voting",
    "terms of service",
    "privacy policy",
    "log in to continue",
    "sign in to continue",
    "must be logged in",
];

/// Whether the sentence is page furniture of a crawled web page (a Twitter location notice,
/// a web-archive crawl note, a reprint or subscription prompt).
pub fn is_web_furniture(text: &str) -> bool {
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(WEB_FURNITURE));
    in_lowercase(&PHRASES, text)
}

/// One automaton for a list of phrases in lowercase ASCII, matching ASCII letters in
/// either case: the same answer as asking `contains` of each, in one pass over the text
/// instead of one per phrase.
fn phrases(list: &[&str]) -> AhoCorasick {
    // The lists are constants of a few dozen short phrases: building cannot fail.
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(list)
        .expect("built-in phrase list")
}

/// Whether `text.to_lowercase()` holds one of the phrases of `automaton` (built by
/// [`phrases`]), without lower-casing the text into a new string: the automaton folds
/// ASCII letters itself, and every other character lower-cases to characters outside
/// ASCII, which no phrase holds, except the Kelvin sign (to `k`) and the capital I with a
/// dot (to `i` and a combining dot); a text with either is lower-cased as before.
fn in_lowercase(automaton: &AhoCorasick, text: &str) -> bool {
    if !text.is_ascii() && text.contains(['\u{212A}', '\u{130}']) {
        automaton.is_match(&text.to_lowercase())
    } else {
        automaton.is_match(text)
    }
}

/// The first word of a text (letters and digits), after opening quotes and brackets.
fn first_word(text: &str) -> &str {
    let s = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Whether a sentence reads on its own: it opens with a capital or a digit, not with a
/// connective, and every quotation it holds opens and closes inside it.
pub fn stands_alone(text: &str) -> bool {
    let opened = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !opened.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let first = first_word(text).to_lowercase();
    !CONNECTIVES.contains(&first.as_str()) && quotes_balanced(text)
}

/// Connectives that carry meaning of their own: a sentence opening with one is never cut
/// after it (the others can be left out: "But Kerry said ..." -> "Kerry said ...").
const MEANINGFUL: &[&str] = &["instead", "otherwise", "or", "nor", "then"];

/// Where the part of a sentence that stands alone starts: 0 when the whole sentence does;
/// after a leading connective and its comma when the rest does (it then opens with a
/// capital: "But Kerry said ..." -> "Kerry said ...", never "However, the talks" -> "the
/// talks"); None otherwise. The part is a verbatim span of the sentence.
pub fn standalone_start(text: &str) -> Option<usize> {
    if stands_alone(text) {
        return Some(0);
    }
    let first = first_word(text);
    if first.is_empty() || !text.starts_with(first) {
        return None;
    }
    let lower = first.to_lowercase();
    if !CONNECTIVES.contains(&lower.as_str()) || MEANINGFUL.contains(&lower.as_str()) {
        return None;
    }
    let rest = text[first.len()..].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let start = text.len() - rest.len();
    (start > first.len() && rest.split_whitespace().count() > 1 && stands_alone(rest))
        .then_some(start)
}

/// Verbs of a trailing attribution (", officials said.").
const SAYING: &[&str] = &["said", "says", "added", "reported", "announced", "told"];

/// Words that open a clause, not an attribution: ", but he said it was wrong." is a
/// statement of its own.
const CLAUSE_OPENERS: &[&str] = &[
    "but", "and", "or", "so", "yet", "which", "who", "whom", "whose", "where", "when", "while",
    "although", "though", "because", "as", "if", "after", "before", "since", "until", "that",
    "unless", "whether", "than",
];

/// Words that may follow the verb of a trailing attribution, besides the days of the week:
/// when it was said ("today", "on Friday", "last week") or how ("in a statement").
const AFTER_SAYING: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "on",
    "last",
    "this",
    "night",
    "week",
    "month",
    "morning",
    "afternoon",
    "evening",
    "earlier",
    "later",
    "late",
    "in",
    "a",
    "an",
    "statement",
    "interview",
    "news",
    "release",
    "reporters",
];

/// Words of a trailing attribution at most (after its comma, the verb included).
const ATTRIBUTION_WORDS: usize = 8;

/// Where a sentence would end without its trailing attribution: the byte length of the
/// part before ", officials said." / ", the weather service said Friday." / ", said the
/// sheriff.", when that part is a whole statement of at least six words with no quotation
/// in the sentence. The part is a verbatim span of the sentence (it then ends without a
/// full stop). None when the sentence has no such attribution.
pub fn attribution_cut(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let body = trimmed.strip_suffix('.')?;
    // A single quotation mark opens a word (a possessive's apostrophe never does).
    let single_quote = body
        .split_whitespace()
        .any(|w| w.starts_with(['\'', '‘', '’']));
    if has_quote(text) || single_quote || body.contains(['?', '!', ';', ':', '(', ')', '‘']) {
        return None;
    }
    let comma = body.rfind(", ")?;
    let kept = &body[..comma];
    let tail: Vec<String> = body[comma + 2..]
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    if tail.is_empty()
        || tail.len() > ATTRIBUTION_WORDS
        || CLAUSE_OPENERS.contains(&tail[0].as_str())
        || kept.split_whitespace().count() < 6
        || kept.ends_with(|c: char| !c.is_alphanumeric() && c != '%')
    {
        return None;
    }
    if tail.len() > 2 && tail[0] == "according" && tail[1] == "to" {
        // "..., according to the police."
        return (!tail[2..].iter().any(|w| SAYING.contains(&w.as_str()))).then_some(comma);
    }
    let verb = tail.iter().position(|w| SAYING.contains(&w.as_str()))?;
    let before = &tail[..verb];
    let after = &tail[verb + 1..];
    let attribution = if verb == 0 {
        // "..., said the sheriff." : a short subject after the verb, no second verb.
        !after.is_empty() && after.len() <= 5 && !after.iter().any(|w| SAYING.contains(&w.as_str()))
    } else {
        // "..., the weather service said Friday.": a subject of a few words, then only
        // when and how it was said.
        before.len() <= 6
            && !before.iter().any(|w| CLAUSE_OPENERS.contains(&w.as_str()))
            && after.iter().all(|w| {
                AFTER_SAYING.contains(&w.as_str()) || crate::text::WEEKDAYS.contains(&w.as_str())
            })
    };
    attribution.then_some(comma)
}

/// Whether every curly quotation opens and closes in the text, and straight double quotes
/// come in pairs.
fn quotes_balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '“' => depth += 1,
            '”' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0 && text.matches('"').count().is_multiple_of(2)
}

/// Whether the text quotes someone directly.
pub fn has_quote(text: &str) -> bool {
    text.contains(['“', '"'])
}

/// 1 for a sentence that stands alone; 0.5 when it opens with a pronoun or a connective
/// that needs the previous sentence.
pub fn readability(text: &str) -> f64 {
    let first = first_word(text).to_lowercase();
    if REFERRING.contains(&first.as_str()) || CONNECTIVES.contains(&first.as_str()) {
        0.5
    } else {
        1.0
    }
}

/// Whether the sentence is boilerplate (comment requests, promotion, page furniture,
/// announcements of a meeting).
pub fn is_boilerplate(text: &str) -> bool {
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(BOILERPLATE));
    in_lowercase(&PHRASES, text)
}

/// The lead: among the first two sentences of running text of each article, the one whose
/// concepts weigh most (times its value), if it is no quote and no boilerplate. It states
/// the event the other sources repeat, so it comes first. Among the selected sentences
/// (`among`), one from the latest-dated article is preferred: the latest development.
///
/// With `among`, only those candidates (positions into `candidates`) are considered.
pub(super) fn lead_among(
    corpus: &Corpus,
    candidates: &[usize],
    problem: &solve::Problem,
    among: Option<&[usize]>,
) -> Option<usize> {
    let mut first_body: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, s) in corpus.sentences.iter().enumerate() {
        if s.is_body() {
            first_body.entry(s.doc).or_insert(i);
        }
    }
    let mut best: Option<(&str, f64, usize)> = None;
    for (p, &i) in candidates.iter().enumerate() {
        let s = &corpus.sentences[i];
        let text = corpus.text(&corpus.sentences[i]);
        let in_lead = first_body.get(&s.doc).is_some_and(|&f| i < f + 2);
        if !in_lead
            || among.is_some_and(|a| !a.contains(&p))
            || problem.costs[p] > problem.budget
            || has_quote(text)
            || is_boilerplate(text)
            || readability(text) < 1.0
        {
            continue;
        }
        let weight: u64 = problem.concepts[p]
            .iter()
            .map(|&c| u64::from(problem.weights[c as usize]))
            .sum();
        let score = weight as f64 * problem.values[p]
            / (problem.costs[p] as f64)
                .max(1.0)
                .powf(LEAD_EXPONENT * problem.exponent);
        // Among the selected sentences the latest development leads: a later article's
        // lead before an earlier one's (dates are `YYYY-MM-DD`; undated articles last).
        let date = match among {
            Some(_) => corpus.docs[s.doc].meta.date.as_deref().unwrap_or(""),
            None => "",
        };
        if best.is_none_or(|(d, b, _)| (date, score) > (d, b)) {
            best = Some((date, score, p));
        }
    }
    best.map(|(_, _, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_and_connectives_do_not_stand_alone() {
        assert!(stands_alone("Kerry and Lavrov met in Geneva on Friday."));
        assert!(stands_alone("“We will go,” Kerry said on Friday."));
        assert!(stands_alone("20 people died, police said."));
        assert!(!stands_alone(
            "It is not clear what changed after that,” he said."
        ));
        assert!(!stands_alone(
            "“On Thursday, it did not even look like Kerry was coming."
        ));
        assert!(!stands_alone("\"We will go, Kerry said."));
        assert!(!stands_alone("and then the talks resumed."));
        assert!(!stands_alone("However, the talks resumed."));
        assert!(!stands_alone("But Kerry said the talks would resume."));
    }

    #[test]
    fn a_leading_connective_is_dropped_only_before_a_capital() {
        fn start(t: &str) -> Option<&str> {
            standalone_start(t).map(|k| &t[k..])
        }
        assert_eq!(start("Kerry went."), Some("Kerry went."));
        assert_eq!(
            start("But Kerry said the talks would resume."),
            Some("Kerry said the talks would resume.")
        );
        assert_eq!(start("However, Lavrov left."), Some("Lavrov left."));
        assert_eq!(start("However, the talks resumed."), None);
        assert_eq!(start("Instead, Kerry left."), None);
        assert_eq!(start("But “we will go."), None);
        assert_eq!(start("and then the talks resumed."), None);
    }

    #[test]
    fn a_trailing_attribution_is_cut_to_a_verbatim_statement() {
        fn cut(t: &str) -> Option<&str> {
            attribution_cut(t).map(|k| &t[..k])
        }
        assert_eq!(
            cut("Four bodies were brought to the hospital, a spokesman said."),
            Some("Four bodies were brought to the hospital")
        );
        assert_eq!(
            cut("Flood waters had subsided by Thursday night, the weather service said Friday."),
            Some("Flood waters had subsided by Thursday night")
        );
        assert_eq!(
            cut("Relatives of the missing stayed with friends, said the Rev. Tom Smith."),
            Some("Relatives of the missing stayed with friends")
        );
        assert_eq!(
            cut("The storm killed ten people in the valley, according to the police."),
            Some("The storm killed ten people in the valley")
        );
        assert_eq!(
            cut("Jamaica's airport was closed to all flights, the agency's director said."),
            Some("Jamaica's airport was closed to all flights")
        );
        // A clause of its own, a quotation, a short statement: kept whole.
        assert_eq!(
            cut("It could 'cost as much as Dollars 40m', the insurer said."),
            None
        );
        assert_eq!(
            cut("The talks in Geneva ended early, but he said it was wrong."),
            None
        );
        assert_eq!(
            cut("The talks in Geneva ended early on Friday, he said it was wrong."),
            None
        );
        assert_eq!(cut("“The talks in Geneva ended early,” he said."), None);
        assert_eq!(cut("Two people were missing, she said."), None);
        assert_eq!(cut("Kerry and Lavrov met in Geneva on Friday."), None);
    }

    #[test]
    fn dangling_pronoun_is_penalised() {
        assert_eq!(readability("He said the weather was pleasant."), 0.5);
        assert_eq!(readability("“They will go,” she said."), 0.5);
        assert_eq!(readability("Kerry said the weather was pleasant."), 1.0);
        assert_eq!(readability("Hello, said Kerry."), 1.0);
    }

    #[test]
    fn boilerplate_is_recognised() {
        assert!(is_boilerplate("A spokesman was not available for comment."));
        assert!(is_boilerplate("Click here to sign up for our newsletter."));
        assert!(!is_boilerplate("Kerry and Lavrov met in Geneva on Friday."));
        assert!(is_web_furniture(
            "You always have the option to delete your Tweet location history."
        ));
        assert!(is_web_furniture(
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive."
        ));
        assert!(!is_web_furniture(
            "The archive was opened to historians in 1996."
        ));
        assert!(is_web_furniture("Notice: you must log in to continue."));
        assert!(!is_web_furniture(
            "The mayor said she would continue to log every complaint."
        ));
        // Capitals and text outside ASCII around the phrase.
        assert!(is_web_furniture("“ORDER REPRINTS” — Le Télégramme"));
        assert!(is_boilerplate("Ünal was not Available For Comment."));
        // The Kelvin sign lower-cases to an ASCII `k`.
        assert!(is_web_furniture("brea\u{212A}ing news alerts"));
    }

    /// The only characters outside ASCII whose lower case holds an ASCII character are the
    /// two `in_lowercase` lower-cases the text for.
    #[test]
    fn only_two_characters_lower_case_into_ascii() {
        let into_ascii: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(into_ascii, ['\u{130}', '\u{212A}']);
    }

    /// The phrase lists answer as they did when every text was lower-cased first, on
    /// random texts of phrase pieces, capitals and characters outside ASCII.
    #[test]
    fn phrase_lists_match_the_lower_cased_text() {
        let old = |list: &[&str], text: &str| {
            let lower = text.to_lowercase();
            list.iter().any(|p| lower.contains(p))
        };
        let pieces = [
            "Order ",
            "REPRINTS",
            "reprints",
            "crawl",
            " data",
            "Web",
            "\u{212A}",
            "\u{130}",
            "é",
            "ß",
            "“",
            "comment",
            "available for ",
            "AVAILABLE FOR",
            "İ",
            "ı",
            "x",
            " ",
            "ſ",
            "K",
            "k",
            "brea",
            "ing news alerts",
            " crawl",
            "WEB",
            "terms of service",
        ];
        for text in crate::testing::random_texts(&pieces, 6, 20_000, 7) {
            assert_eq!(
                is_web_furniture(&text),
                old(WEB_FURNITURE, &text),
                "{text:?}"
            );
            assert_eq!(is_boilerplate(&text), old(BOILERPLATE, &text), "{text:?}");
        }
        for list in [WEB_FURNITURE, BOILERPLATE] {
            for phrase in list {
                assert_eq!(phrase.to_ascii_lowercase(), *phrase);
                assert!(in_lowercase(&phrases(list), &phrase.to_uppercase()));
            }
        }
    }
}
