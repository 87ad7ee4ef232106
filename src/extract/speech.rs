//! Hand-written matchers for the attribution patterns of reported speech, used by
//! [`quotes::find`](crate::extract::quotes::find) (statements) and by the entity ranking
//! (a mention followed by a speech verb is a speaker). Shared here so neither extractor
//! imports the other's internals.
//!
//! Each function returns exactly what the regular expression quoted in its documentation
//! captured, under the `regex` crate's leftmost-first semantics (the first match a
//! backtracking engine finds); `speech/tests.rs` runs both side by side on tricky and
//! random strings. The expressions were cheap to match but expensive to build: bounded
//! repeats of Unicode classes (`[^,.;“”"]{1,90}?`) compiled into large automata, more
//! instructions than the rest of a ten-article run. Here a bounded lazy repeat is a loop
//! over at most that many characters, and the candidate verbs are found first, so most
//! sentences are rejected after a few byte comparisons.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::text::chars::is_word;

/// A searcher for one word, built once: `finder(word).find_iter(s)` finds what
/// `s.match_indices(word)` finds (leftmost, not overlapping), without building a new
/// searcher for every sentence.
fn finder(word: &str) -> AhoCorasick {
    // One short constant word: building cannot fail.
    AhoCorasick::new([word]).expect("built-in word")
}

/// Where `word` occurs in `s`, as `s.match_indices(word)` (a searcher built once).
fn occurrences<'a>(word: &'a AhoCorasick, s: &'a str) -> impl Iterator<Item = usize> + 'a {
    word.find_iter(s).map(|m| m.start())
}

/// Reporting and stance verbs, in the order of the old alternation (first match wins):
/// [`REPORTING`], then [`THAT_VERBS`], then [`COMMITMENTS`].
pub(crate) static SPEECH_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| [REPORTING, THAT_VERBS, COMMITMENTS].concat());

/// The verbs of [`SPEECH_VERBS`] before [`THAT_VERBS`].
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "warned",
    "warns",
    "urged",
    "urges",
    "insisted",
    "insists",
    "stressed",
    "stresses",
    "believes",
    "wants",
    "backs",
    "supports",
    "opposes",
    "predicted",
    "predicts",
    "argued",
    "argues",
    "claimed",
    "claims",
    "denied",
    "denies",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "called for",
    "calls for",
    "was quoted as saying",
    "were quoted as saying",
];

/// The verbs of [`SPEECH_VERBS`] after [`THAT_VERBS`].
const COMMITMENTS: &[&str] = &["vowed", "vows", "pledged", "promised"];

/// Verbs of [`SPEECH_VERBS`] that report speech only before "that" ("Toyota recalled 1
/// million cars", "she wrote a book" report nothing; "he wrote that ..." does). After a
/// quote they always attribute it.
pub(crate) const THAT_VERBS: &[&str] = &[
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "recalled",
    "recalls",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "conceded",
    "concedes",
    "declared",
    "declares",
    "replied",
    "responded",
    "chided",
    "cautioned",
    "reiterated",
    "testified",
    "complained",
    "suggested",
    "suggests",
];

/// Verbs right after a quote, before the speaker ("..., said John Kerry").
const VERB_FIRST: &[&str] = &[
    "said",
    "says",
    "added",
    "explained",
    "noted",
    "insisted",
    "warned",
    "wrote",
    "tweeted",
    "recalled",
    "replied",
    "continued",
    "declared",
    "admitted",
    "acknowledged",
    "stressed",
    "asked",
];

/// Verbs ending the text before a quote ("Kerry told reporters: ...").
const BEFORE_VERBS: &[&str] = &[
    "said", "says", "added", "told", "warned", "insisted", "wrote", "tweeted", "declared",
];

/// Verbs closing a sentence of reported speech ("..., the ministry said.").
const TRAILING_VERBS: &[&str] = &["said", "says", "added", "reported"];

/// Verbs after an actor mention that make it the speaker (entity salience).
const SPEAKING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "warned",
    "added",
    "stressed",
    "insisted",
    "urged",
    "wants",
    "believes",
    "announced",
    "predicted",
    "wrote",
    "tweeted",
    "admitted",
    "acknowledged",
];

/// [`SPEECH_VERBS`] by first byte, each list in the order of the whole.
static SPEECH_BY_FIRST: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 128];
    for v in SPEECH_VERBS.iter() {
        table[usize::from(v.as_bytes()[0] & 0x7f)].push(*v);
    }
    table
});

/// Characters of a speaker phrase: `[^,.;“”"]`.
fn is_speaker_char(c: char) -> bool {
    !matches!(c, ',' | '.' | ';' | '“' | '”' | '"')
}

/// The character at byte `i`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// Whether the character before byte `i` is a word character.
fn word_before(s: &str, i: usize) -> bool {
    s.get(..i)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word)
}

/// [`word_before`] with an ASCII fast path (`i > 0`).
fn prev_is_word(s: &str, i: usize) -> bool {
    let b = s.as_bytes()[i - 1];
    if b.is_ascii() {
        b.is_ascii_alphanumeric() || b == b'_'
    } else {
        word_before(s, i)
    }
}

/// End of the run of characters satisfying `keep` from `i`, at most `max` of them.
fn run_end(s: &str, i: usize, max: usize, keep: impl Fn(char) -> bool) -> usize {
    let rest = &s[i..];
    let n = rest
        .char_indices()
        .take(max)
        .find(|&(_, c)| !keep(c))
        .map_or_else(
            || rest.chars().take(max).map(char::len_utf8).sum(),
            |(j, _)| j,
        );
    i + n
}

/// Start of the run of characters satisfying `keep` that ends at `i`.
fn run_start(s: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    let head = &s[..i];
    head.char_indices()
        .rev()
        .find(|&(_, c)| !keep(c))
        .map_or(0, |(j, c)| j + c.len_utf8())
}

/// End of the white space (`\s*`) at `i`.
fn skip_ws(s: &str, i: usize) -> usize {
    run_end(s, i, usize::MAX, char::is_whitespace)
}

/// Where a `\s+` starting at `i` may end, longest first (the order a greedy repeat tries).
fn ws_ends(s: &str, i: usize) -> Vec<usize> {
    let mut ends: Vec<usize> = s[i..]
        .char_indices()
        .take_while(|&(_, c)| c.is_whitespace())
        .map(|(j, c)| i + j + c.len_utf8())
        .collect();
    ends.reverse();
    ends
}

/// The position `n` characters before `i` (or 0).
fn chars_back(s: &str, i: usize, n: usize) -> usize {
    s[..i]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(i, |(j, _)| j)
}

/// The first of `alts` at `i`; with `boundary`, only one followed by a word boundary
/// (every alternative ends in a letter, so: no word character after it).
fn alt_at(s: &str, i: usize, alts: &[&'static str], boundary: bool) -> Option<&'static str> {
    let rest = s.get(i..)?;
    let first = *rest.as_bytes().first()?;
    alts.iter().copied().find(|a| {
        a.as_bytes()[0] == first
            && rest.starts_with(a)
            && !(boundary && char_at(rest, a.len()).is_some_and(is_word))
    })
}

/// Matches of `\b(?:SPEECH_VERBS)\b`, left to right, as `find_iter` gives them.
pub(crate) fn speech_verbs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let bytes = text.as_bytes();
        let mut i = pos;
        while i < bytes.len() {
            // Every verb starts with an ASCII lowercase letter, always a character boundary;
            // only the verbs starting with this letter can match here.
            if bytes[i].is_ascii_lowercase()
                && let Some(alts) = SPEECH_BY_FIRST.get(usize::from(bytes[i]))
                && !alts.is_empty()
                && !(i > 0 && prev_is_word(text, i))
                && let Some(v) = alt_at(text, i, alts, true)
            {
                pos = i + v.len();
                return Some(i..pos);
            }
            i += 1;
        }
        pos = bytes.len();
        None
    })
}

/// `^\s*[,.]?\s*` then a verb of `alts`: the position of the verb, which the prefix fixes
/// (it holds only blanks and one mark, the verb starts with a letter).
fn verb_after_opening(s: &str, alts: &[&'static str]) -> Option<(usize, &'static str)> {
    let mut i = skip_ws(s, 0);
    if s[i..].starts_with([',', '.']) {
        i = skip_ws(s, i + 1);
    }
    alt_at(s, i, alts, false).map(|v| (i, v))
}

/// `^\s*[,.]?\s*(?P<verb>VERB_FIRST)\s+(?P<spk>(?:(?:[A-Z][a-z]{0,3}\.|\([a-z.]+\))\s+)*[^,.;“”"]{1,90})`:
/// (verb, speaker).
pub(crate) fn verb_then_speaker(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    let (at, verb) = verb_after_opening(s, VERB_FIRST)?;
    let verb = at..at + verb.len();
    ws_ends(s, verb.end)
        .into_iter()
        .find_map(|p| titled_speaker(s, p).map(|e| p..e))
        .map(|spk| (verb, spk))
}

/// End of `(?:(?:[A-Z][a-z]{0,3}\.|\([a-z.]+\))\s+)*[^,.;“”"]{1,90}` at `pos`: titles
/// ("Dr.", "(r.)") as often as they come, then up to 90 speaker characters; backtracks as
/// the regex does when nothing follows the last title.
fn titled_speaker(s: &str, pos: usize) -> Option<usize> {
    if let Some(q) = title(s, pos)
        && let Some(e) = ws_ends(s, q).into_iter().find_map(|p| titled_speaker(s, p))
    {
        return Some(e);
    }
    let e = run_end(s, pos, 90, is_speaker_char);
    (e > pos).then_some(e)
}

/// End of `[A-Z][a-z]{0,3}\.` or `\([a-z.]+\)` at `pos`. Neither can backtrack: the
/// character after the repeat must be the closing one, which the repeat cannot take.
fn title(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    match *b.get(pos)? {
        b'A'..=b'Z' => {
            let n = b[pos + 1..]
                .iter()
                .take(3)
                .take_while(|c| c.is_ascii_lowercase())
                .count();
            (b.get(pos + 1 + n) == Some(&b'.')).then_some(pos + n + 2)
        }
        b'(' => {
            let n = b[pos + 1..]
                .iter()
                .take_while(|&&c| c.is_ascii_lowercase() || c == b'.')
                .count();
            (n > 0 && b.get(pos + 1 + n) == Some(&b')')).then_some(pos + n + 2)
        }
        _ => None,
    }
}

/// `^\s*[,.]?\s*(?P<spk>[^,.;“”"]{1,90}?)\s+(?:has |have |had |also )*(?P<verb>SPEECH_VERBS)\b`:
/// (speaker, verb).
pub(crate) fn speaker_then_verb(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    // Where the speaker may start, in the order the greedy prefix tries: after all leading
    // blanks (and a mark and the blanks after it), then ever fewer.
    let lead = ws_ends(s, 0);
    let lead_end = lead.first().copied().unwrap_or(0);
    let mut starts: Vec<usize> = Vec::new();
    if s[lead_end..].starts_with([',', '.']) {
        starts.extend(ws_ends(s, lead_end + 1));
        starts.push(lead_end + 1);
    }
    starts.extend(lead);
    starts.push(0);
    for p in starts {
        // The lazy speaker: shortest first, at most 90 characters.
        for (n, (j, c)) in s[p..].char_indices().enumerate() {
            if n == 90 || !is_speaker_char(c) {
                break;
            }
            let e = p + j + c.len_utf8();
            if let Some(v) = verb_after_speaker(s, e) {
                return Some((p..e, v));
            }
        }
    }
    None
}

/// `\s+(?:has |have |had |also )*(?P<verb>SPEECH_VERBS)\b` at `e`: the verb. The blanks and
/// auxiliaries are taken whole: no verb starts with a blank or an auxiliary.
fn verb_after_speaker(s: &str, e: usize) -> Option<Range<usize>> {
    let mut q = skip_ws(s, e);
    if q == e {
        return None;
    }
    while let Some(aux) = ["has ", "have ", "had ", "also "]
        .iter()
        .find(|a| s[q..].starts_with(**a))
    {
        q += aux.len();
    }
    alt_at(s, q, &SPEECH_VERBS, true).map(|v| q..q + v.len())
}

/// `(?P<spk>[^,.;“”"]{1,90}?)\s+(?P<verb>BEFORE_VERBS, told as told(?:\s+[\w ]{1,40}?)?)\s*[:,]?\s*$`
/// (unanchored at the start): (start of the match, speaker, first word of the verb).
pub(crate) fn speaker_before(s: &str) -> Option<(usize, Range<usize>, &'static str)> {
    // The tail `\s*[:,]?\s*$` matches from `tail` on, and nowhere before.
    let trimmed = s.trim_end();
    let tail = trimmed
        .strip_suffix([':', ','])
        .map_or(trimmed, str::trim_end)
        .len();
    // Verbs that reach the end: the plain ones end where the tail starts; "told" may have an
    // object of up to 40 word characters and spaces after blanks.
    let mut verbs: Vec<(usize, &'static str)> = BEFORE_VERBS
        .iter()
        .filter(|v| **v != "told" && s[..tail].ends_with(**v))
        .map(|v| (tail - v.len(), *v))
        .collect();
    static TOLD: LazyLock<AhoCorasick> = LazyLock::new(|| finder("told"));
    for v in occurrences(&TOLD, s) {
        if told_reaches(s, v + 4, tail) {
            verbs.push((v, "told"));
        }
    }
    // The leftmost start over all verbs; for that start, the shortest speaker. For one verb,
    // the speaker ends in the blanks before it; the start is as far back as speaker
    // characters and the 90-character limit allow.
    let mut best: Option<(usize, usize, &'static str)> = None;
    for (v, word) in verbs {
        let r = run_start(s, v, char::is_whitespace);
        if r == v {
            continue;
        }
        let l = run_start(s, r, is_speaker_char);
        let first = s[r..v]
            .char_indices()
            .map(|(j, _)| r + j)
            .map(|e| (l.max(chars_back(s, e, 90)), e))
            .find(|(start, e)| start < e);
        if let Some((start, e)) = first
            && best.is_none_or(|(bs, be, _)| (start, e) < (bs, be))
        {
            best = Some((start, e, word));
        }
    }
    best.map(|(start, e, word)| (start, start..e, word))
}

/// Whether `(?:\s+[\w ]{1,40}?)?` from `at` (after "told") can end at or after `tail`.
fn told_reaches(s: &str, at: usize, tail: usize) -> bool {
    if at >= tail {
        return true;
    }
    ws_ends(s, at).into_iter().any(|start| {
        let reach = run_end(s, start, 40, |c| c == ' ' || is_word(c));
        reach > start && reach >= tail
    })
}

/// `^(?:\s*(?:[,:]|(?:on \w+|late on \w+|in a (?:written )?statement|in separate statements|in an interview|earlier|also|on the phone|to reporters)\b))*\s*`:
/// the end of the match. Every repetition is taken as soon as one alternative matches,
/// since the match cannot fail afterwards.
pub(crate) fn adverbials_end(s: &str) -> usize {
    let mut pos = 0;
    loop {
        let p = skip_ws(s, pos);
        match adverbial_at(s, p) {
            Some(e) => pos = e,
            None => return p,
        }
    }
}

/// One adverbial at `p`, alternatives in the regex's order.
fn adverbial_at(s: &str, p: usize) -> Option<usize> {
    let rest = &s[p..];
    if rest.starts_with([',', ':']) {
        return Some(p + 1);
    }
    // `on \w+`: the greedy word run always ends at a boundary.
    let word_after = |prefix: &str| {
        rest.starts_with(prefix).then(|| {
            let start = p + prefix.len();
            run_end(s, start, usize::MAX, is_word)
        })
    };
    if let Some(e) = word_after("on ").filter(|&e| e > p + 3) {
        return Some(e);
    }
    if let Some(e) = word_after("late on ").filter(|&e| e > p + 8) {
        return Some(e);
    }
    const PHRASES: &[&str] = &[
        "in a written statement",
        "in a statement",
        "in separate statements",
        "in an interview",
        "earlier",
        "also",
        "on the phone",
        "to reporters",
    ];
    alt_at(s, p, PHRASES, true).map(|a| p + a.len())
}

/// `^(?P<clause>[^“”"].+?),\s*(?P<spk>[^,“”"]{2,80}?)\s+(?P<verb>said|says|added|reported)(?:\s+(?:on \w+|in a (?:written )?statement|late on \w+))?\s*[.!]?$`:
/// (clause, speaker, verb).
pub(crate) fn trailing(s: &str) -> Option<(Range<usize>, Range<usize>, &'static str)> {
    // The tail `\s*[.!]?$` matches from `tail` on, and nowhere before.
    let tail = s.strip_suffix(['.', '!']).unwrap_or(s).trim_end().len();
    // Verbs that reach the end, directly or through one adverbial; each with the blanks
    // before it, where the speaker may end.
    let mut verbs: Vec<(Range<usize>, &'static str)> = Vec::new();
    static FINDERS: LazyLock<Vec<AhoCorasick>> =
        LazyLock::new(|| TRAILING_VERBS.iter().map(|w| finder(w)).collect());
    for (word, found) in TRAILING_VERBS.iter().zip(FINDERS.iter()) {
        for v in occurrences(found, s) {
            let r = run_start(s, v, char::is_whitespace);
            if r < v && trailing_tail(s, v + word.len(), tail) {
                verbs.push((r..v, word));
            }
        }
    }
    if verbs.is_empty() {
        return None;
    }
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '“' | '”' | '"') {
        return None;
    }
    // The lazy clause: at least one character after the first, no line break.
    for (n, (comma, c)) in chars.enumerate() {
        if n > 0
            && c == ','
            && let Some((spk, verb)) = trailing_speaker(s, comma + 1, &verbs)
        {
            return Some((0..comma, spk, verb));
        }
        if c == '\n' {
            break;
        }
    }
    None
}

/// After the clause's comma: `\s*` (longest first) then the lazy `[^,“”"]{2,80}?` speaker,
/// which must end in the blanks before one of `verbs`.
fn trailing_speaker(
    s: &str,
    after: usize,
    verbs: &[(Range<usize>, &'static str)],
) -> Option<(Range<usize>, &'static str)> {
    let mut starts = ws_ends(s, after);
    starts.push(after);
    for p in starts {
        for (n, (j, c)) in s[p..].char_indices().enumerate() {
            if n == 80 || matches!(c, ',' | '“' | '”' | '"') {
                break;
            }
            let e = p + j + c.len_utf8();
            if n >= 1
                && let Some((_, verb)) = verbs.iter().find(|(blanks, _)| blanks.contains(&e))
            {
                return Some((p..e, verb));
            }
        }
    }
    None
}

/// Whether `(?:\s+(?:on \w+|in a (?:written )?statement|late on \w+))?` from `at` can end at
/// or after `tail`.
fn trailing_tail(s: &str, at: usize, tail: usize) -> bool {
    if at >= tail {
        return true;
    }
    let q = skip_ws(s, at);
    if q == at {
        return false;
    }
    let rest = &s[q..];
    let word_run = |prefix: &str| {
        rest.starts_with(prefix).then(|| {
            let start = q + prefix.len();
            let e = run_end(s, start, usize::MAX, is_word);
            e > start && e >= tail
        }) == Some(true)
    };
    let phrase = |p: &str| rest.starts_with(p) && q + p.len() >= tail;
    word_run("on ")
        || word_run("late on ")
        || phrase("in a written statement")
        || phrase("in a statement")
}

/// `^(?P<clause>.+?),?\s+according to (?P<spk>[^,.]+)`: (clause, speaker).
pub(crate) fn according_after(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    static ACCORDING: LazyLock<AhoCorasick> = LazyLock::new(|| finder("according to "));
    for a in occurrences(&ACCORDING, s) {
        let m = "according to ";
        let spk = a + m.len()..run_end(s, a + m.len(), usize::MAX, |c| !matches!(c, ',' | '.'));
        let r = run_start(s, a, char::is_whitespace);
        if spk.is_empty() || r == a {
            continue;
        }
        // The lazy clause ends at the earliest of: a comma right before the blanks, the
        // blanks' start, a later blank (a clause has at least one character).
        let clause_end = if r > 1 && s.as_bytes()[r - 1] == b',' {
            r - 1
        } else if r > 0 {
            r
        } else {
            match ws_ends(s, r).into_iter().rev().find(|&e| e < a) {
                Some(e) => e,
                None => continue,
            }
        };
        // `.` does not match a line break; later clauses would hold it too.
        if s[..clause_end].contains('\n') {
            return None;
        }
        return Some((0..clause_end, spk));
    }
    None
}

/// `^According to (?P<spk>[^,]+),\s*(?P<clause>.+)$`: (speaker, clause).
pub(crate) fn according_before(s: &str) -> Option<(Range<usize>, Range<usize>)> {
    let rest = s.strip_prefix("According to ")?;
    let start = s.len() - rest.len();
    let comma = start + rest.find(',')?;
    if comma == start {
        return None;
    }
    // `\s*` longest first; the clause runs to the end without a line break.
    let mut starts = ws_ends(s, comma + 1);
    starts.push(comma + 1);
    starts
        .into_iter()
        .find(|&j| j < s.len() && !s[j..].contains('\n'))
        .map(|j| (start..comma, j..s.len()))
}

/// `^(?:,[^,]{0,80},)?\s+(?:has |had |also )?(?:SPEAKING_VERBS)\b`: whether
/// the text after a mention makes it the speaker.
pub(crate) fn speech_after(s: &str) -> bool {
    let start = if let Some(rest) = s.strip_prefix(',') {
        // An apposition of at most 80 characters between commas.
        match rest.char_indices().take(81).find(|&(_, c)| c == ',') {
            Some((j, _)) => 1 + j + 1,
            None => return false,
        }
    } else {
        0
    };
    let q = skip_ws(s, start);
    if q == start {
        return false;
    }
    let aux = ["has ", "had ", "also "]
        .iter()
        .find(|a| s[q..].starts_with(**a))
        .map_or(0, |a| a.len());
    alt_at(s, q + aux, SPEAKING_VERBS, true).is_some()
        || (aux > 0 && alt_at(s, q, SPEAKING_VERBS, true).is_some())
}

#[cfg(test)]
mod tests;
