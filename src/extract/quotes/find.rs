//! Finding statements in one document: direct quotes per paragraph (straight or curly
//! marks, attribution after, before, or shared with a neighbouring quote part), and
//! reported speech per sentence ("X said that ...", "..., X said", "according to X",
//! stance verbs "X wants / backs / opposes ...").

use std::ops::Range;

use super::StatementKind;
use crate::extract::entities::gazetteer::GAZETTEER;
use crate::extract::speech as pattern;
use crate::ingest::Document;

/// A statement before speaker resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raw {
    /// Quote or paraphrase.
    pub(crate) kind: StatementKind,
    /// The statement text (verbatim span of the raw text).
    pub(crate) span: Range<usize>,
    /// The speaker phrase as written; `None` for a quote part that shares the attribution of
    /// the quote before it (filled in by the caller).
    pub(crate) speaker: Option<Range<usize>>,
    /// Reporting verb, lemmatised.
    pub(crate) verb: String,
}

/// Stance verbs: their object, not a clause, is the position.
const STANCE: &[&str] = &[
    "wants",
    "backs",
    "supports",
    "opposes",
    "believes",
    "calls for",
    "called for",
];

/// Lemma of a reporting verb ("warned" -> "warn", "told" -> "tell").
pub(crate) fn lemma(verb: &str) -> String {
    let v = verb
        .split_whitespace()
        .next()
        .unwrap_or(verb)
        .to_lowercase();
    match v.as_str() {
        "said" | "says" | "was" | "were" => "say".into(),
        "told" | "tells" => "tell".into(),
        "believes" => "believe".into(),
        "denied" | "denies" => "deny".into(),
        "claimed" | "claims" => "claim".into(),
        "stressed" | "stresses" => "stress".into(),
        "announced" | "announces" => "announce".into(),
        "argued" | "argues" => "argue".into(),
        "noted" | "notes" => "note".into(),
        "urged" | "urges" => "urge".into(),
        "opposes" | "opposed" => "oppose".into(),
        "calls" | "called" => "call for".into(),
        "wrote" | "writes" => "write".into(),
        "admitted" | "admits" => "admit".into(),
        "acknowledged" | "acknowledges" => "acknowledge".into(),
        "conceded" | "concedes" => "concede".into(),
        "declared" | "declares" => "declare".into(),
        "replied" => "reply".into(),
        "chided" => "chide".into(),
        "reiterated" => "reiterate".into(),
        "testified" => "testify".into(),
        "pledged" => "pledge".into(),
        "promised" => "promise".into(),
        "continued" => "continue".into(),
        _ => v
            .strip_suffix("ed")
            .or_else(|| v.strip_suffix('s'))
            .unwrap_or(&v)
            .to_string(),
    }
}

/// Quotes of a paragraph: (inside the marks, including the marks), curly pairs and
/// straight marks taken in pairs. Byte ranges relative to `text`.
pub(crate) fn quote_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some((i, '”')),
            ('"', None) => open = Some((i, '"')),
            ('”', Some((s, '”'))) | ('"', Some((s, '"'))) => {
                let mark = if c == '"' { 1 } else { '“'.len_utf8() };
                out.push((s + mark..i, s..i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Find quotes in the paragraphs of `doc`, with attributions where the text gives them.
pub(crate) fn quotes(doc: &Document, paragraphs: &[Range<usize>]) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    for para in paragraphs {
        let text = doc.text(para);
        let spans = quote_spans(text);
        let mut parts: Vec<Raw> = Vec::new();
        // A paragraph that opens a quote and does not close it continues a quotation into
        // the next paragraph (news style): all of it is quoted, attribution left to the caller.
        let opened = text.trim_start().starts_with(['“', '"']);
        if spans.is_empty() && opened {
            let lead = text.len() - text.trim_start().len();
            let mark = text[lead..].chars().next().map_or(1, char::len_utf8);
            let inner = trim_span(text, lead + mark..text.len());
            if text[inner.clone()].split_whitespace().count() >= 4 {
                out.push(Raw {
                    kind: StatementKind::Quote,
                    span: para.start + inner.start..para.start + inner.end,
                    speaker: None,
                    verb: "say".into(),
                });
            }
            continue;
        }
        for (k, (q, outer)) in spans.iter().enumerate() {
            let inner = trim_span(text, q.clone());
            if text[inner.clone()].split_whitespace().count() < 4 {
                continue;
            }
            let after_start = outer.end;
            let after_end = spans.get(k + 1).map_or(text.len(), |n| n.1.start);
            let after = text.get(after_start..after_end).unwrap_or("");
            let before_start = if k == 0 { 0 } else { spans[k - 1].1.end };
            let before = text.get(before_start..outer.start).unwrap_or("");
            let at = |base: usize, r: Range<usize>| Some(base + r.start..base + r.end);
            let (speaker, verb) = if let Some((v, spk)) = pattern::verb_then_speaker(after) {
                (at(after_start, spk), after[v].to_string())
            } else if let Some((spk, v)) = pattern::speaker_then_verb(after)
                .filter(|(spk, _)| after[spk.clone()].split_whitespace().count() <= 12)
            {
                (at(after_start, spk), after[v].to_string())
            } else if let Some((start, spk, verb)) = (!before.contains(['.', '!', '?']) || k == 0)
                .then(|| pattern::speaker_before(before))
                .flatten()
            {
                let clause_start = before.rfind(['.', '!', '?']).map_or(0, |i| i + 1); // ASCII marks
                if clause_start > 0 && clause_start > start {
                    (None, String::new())
                } else {
                    (at(before_start, spk), verb.to_string())
                }
            } else {
                (None, String::new())
            };
            parts.push(Raw {
                kind: StatementKind::Quote,
                span: para.start + inner.start..para.start + inner.end,
                speaker: speaker.map(|r| para.start + r.start..para.start + r.end),
                verb: if verb.is_empty() {
                    "say".into()
                } else {
                    lemma(&verb)
                },
            });
        }
        // A part without attribution shares the next part's ("“A” by it “B,” he said"), or
        // the previous one's.
        for k in (0..parts.len()).rev() {
            if parts[k].speaker.is_none()
                && let Some(next) = parts.get(k + 1).cloned()
            {
                parts[k].speaker = next.speaker;
                parts[k].verb = next.verb;
            }
        }
        out.extend(parts);
    }
    out
}

/// Trim blanks and trailing commas inside a quote (still a verbatim span).
fn trim_span(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', ' ']);
    r.start + lead..r.start + lead + t.len()
}

/// Reported speech in one sentence (`span` in the document). Quotes are left to [`quotes`].
pub(crate) fn reported(doc: &Document, span: &Range<usize>) -> Vec<Raw> {
    let text = doc.text(span);
    let at = |r: Range<usize>| span.start + r.start..span.start + r.end;
    let mut out = Vec::new();
    let para = |kind_clause: Range<usize>, spk: Range<usize>, verb: &str| Raw {
        kind: StatementKind::Paraphrase,
        span: at(trim_clause(text, kind_clause)),
        speaker: Some(at(spk)),
        verb: lemma(verb),
    };
    if let Some((spk, clause)) = pattern::according_before(text) {
        out.push(para(clause, spk, "say"));
        return out;
    }
    if let Some((clause, spk)) = pattern::according_after(text) {
        out.push(para(clause, spk, "say"));
        return out;
    }
    // The trailing attribution is only taken in a sentence without quotation marks.
    if !text.contains(['“', '"'])
        && let Some((clause, spk, verb)) = pattern::trailing(text)
    {
        let spk = trim_subject(text, spk);
        if plausible_subject(&text[spk.clone()]) {
            out.push(para(clause, spk, verb));
            return out;
        }
    }
    for m in pattern::speech_verbs(text) {
        let verb = &text[m.clone()];
        let left = &text[..m.start];
        // Verbs after a quote are the quote's attribution, handled by `quotes`.
        if left.contains(['“', '”', '"']) {
            continue;
        }
        let Some(subject) = subject_before(text, m.start) else {
            continue;
        };
        if !plausible_subject(&text[subject.clone()]) {
            continue;
        }
        let mut rest = m.end;
        if verb.starts_with("told") {
            // "told reporters that", "told a gathering of governors that": skip the object.
            let tail = &text[rest..];
            match tail.find(" that ") {
                Some(i) if i < 60 => rest += i + 6,
                _ => rest += tail.find(',').filter(|&i| i < 40).map_or(0, |i| i + 1),
            }
        }
        let tail = &text[rest..];
        rest += pattern::adverbials_end(tail);
        let tail = &text[rest..];
        if let Some(t) = tail.strip_prefix("that ") {
            rest = text.len() - t.len();
        } else if pattern::THAT_VERBS.contains(&verb) {
            // "Toyota recalled 1 million cars": no speech without "that".
            continue;
        }
        let mut clause = trim_clause(text, rest..text.len());
        if STANCE.contains(&verb) {
            // "supports Assad, whom Washington believes ...": the object ends at a relative.
            let object = &text[clause.clone()];
            if let Some(i) = [", whom ", ", who ", ", which "]
                .iter()
                .filter_map(|c| object.find(c))
                .min()
            {
                clause.end = clause.start + i;
            }
        }
        let clause_text = &text[clause.clone()];
        if clause_text.starts_with(['“', '"']) || clause_text.split_whitespace().count() < 3 {
            continue;
        }
        out.push(para(clause, subject, verb));
        break;
    }
    out
}

/// The subject right before a verb at `verb`: the clause after the last comma, hopping back
/// over an apposition ("Faysal Itani, an analyst with ..., predicted").
fn subject_before(text: &str, verb: usize) -> Option<Range<usize>> {
    let left = &text[..verb];
    let mut bounds: Vec<usize> = vec![0];
    for (i, c) in left.char_indices() {
        if matches!(c, ',' | ';' | ':') {
            bounds.push(i + 1);
        }
    }
    let mut end = verb;
    for &start in bounds.iter().rev().take(3) {
        let seg = trim_subject(text, start..end);
        let t = &text[seg.clone()];
        let first = t.split(' ').next().unwrap_or("");
        let apposition = t.is_empty()
            || t.starts_with(|c: char| c.is_lowercase())
                && end < verb
                && (matches!(first, "a" | "an" | "the")
                    || first.ends_with("ing")
                    || GAZETTEER.role_words.contains(first));
        if !apposition {
            return Some(seg);
        }
        end = start.saturating_sub(1);
    }
    None
}

/// Drop leading conjunctions and adverbs and trailing auxiliaries from a subject.
fn trim_subject(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let mut t = s.trim();
    for p in [
        "However ", "But ", "And ", "but ", "and ", "while ", "whom ", "who ",
    ] {
        t = t.strip_prefix(p).unwrap_or(t);
    }
    let start = r.start + lead + (s.trim().len() - t.len());
    loop {
        let before = t;
        for aux in [
            " has",
            " have",
            " had",
            " also",
            " earlier",
            " repeatedly",
            " again",
            " reportedly",
            " still",
        ] {
            t = t.strip_suffix(aux).unwrap_or(t);
        }
        if t == before {
            break;
        }
    }
    start..start + t.len()
}

/// A subject can speak: short, and a name, a pronoun or a speaker noun.
fn plausible_subject(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    let lower = s.to_lowercase();
    let opener = [
        "even", "after", "before", "with", "when", "if", "as", "since", "under", "in", "on", "at",
        "for", "from", "by", "during", "though", "although", "because", "unless", "until",
        "without", "what", "how", "why", "that", "this", "whose", "which", "who", "where",
    ];
    if opener.contains(&words[0].to_lowercase().as_str()) || words[0].starts_with('(') {
        return false;
    }
    // "served with Quayle", "helped train ...": a verb phrase, not a subject.
    let w0 = words[0];
    if w0.starts_with(char::is_lowercase) && (w0.ends_with("ed") || w0.ends_with("ing")) {
        return false;
    }
    let last = words[words.len() - 1].to_lowercase();
    if [
        "could", "would", "will", "can", "not", "did", "may", "might", "must", "should", "to",
    ]
    .contains(&last.as_str())
    {
        return false;
    }
    let pronoun = matches!(lower.as_str(), "he" | "she" | "they" | "it");
    let noun = [
        "official",
        "spokes",
        "source",
        "diplomat",
        "department",
        "ministry",
        "minister",
        "president",
        "analyst",
        "envoy",
        "government",
    ]
    .iter()
    .any(|n| lower.contains(n));
    let named = words.iter().any(|w| w.starts_with(char::is_uppercase));
    pronoun || noun || named
}

/// Trim blanks and the final period of a clause.
fn trim_clause(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches(['.', ' ']);
    r.start + lead..r.start + lead + t.len()
}
