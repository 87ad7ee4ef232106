//! What a figure measures, from the cue words of `measures.toml` found around it in its
//! clause, and who the sentence attributes it to.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::grammar::Parsed;
use super::lexer::{Kind, Tok};
use super::source;
use crate::text::tokens::stem;

#[derive(Debug, Deserialize)]
struct File {
    measure: Vec<Spec>,
}

#[derive(Debug, Deserialize)]
struct Spec {
    name: String,
    #[serde(default)]
    units: Vec<String>,
    all: Vec<Vec<String>>,
    #[serde(default)]
    cumulative: bool,
}

/// A measure with its cue phrases stemmed.
#[derive(Debug)]
struct Measure {
    name: String,
    units: Vec<String>,
    /// Groups of alternatives; each alternative is a sequence of stems.
    all: Vec<Vec<Vec<String>>>,
    /// Can only grow as the story develops.
    cumulative: bool,
}

/// The measure table shipped with `brief` (src/extract/measures.toml).
pub(super) const MEASURES_TOML: &str = include_str!("../measures.toml");

fn load(text: &str) -> Result<Vec<Measure>, toml::de::Error> {
    let file: File = toml::from_str(text)?;
    let phrase = |p: &String| {
        p.split_whitespace()
            .map(|w| stem(&w.to_lowercase()))
            .collect()
    };
    Ok(file
        .measure
        .into_iter()
        .map(|s| Measure {
            name: s.name,
            units: s.units,
            all: s
                .all
                .iter()
                .map(|g| g.iter().map(phrase).collect())
                .collect(),
            cumulative: s.cumulative,
        })
        .collect())
}

// A broken table must not stop the brief: figures are then simply left unmeasured (the unit
// test `measure_table_parses` guards the shipped file).
static MEASURES: LazyLock<Vec<Measure>> = LazyLock::new(|| load(MEASURES_TOML).unwrap_or_default());

/// Whether a measure is marked `cumulative` in the table.
pub(super) fn is_cumulative(name: &str) -> bool {
    MEASURES.iter().any(|m| m.name == name && m.cumulative)
}

/// The unit class a measure's `units` list refers to.
pub(super) fn unit_class(unit: Option<&str>) -> &str {
    match unit {
        None | Some("people") => "count",
        Some(
            "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades",
        ) => "time",
        Some("USD" | "EUR" | "GBP") => "money",
        Some(u) => u,
    }
}

fn is_break(t: &Tok) -> bool {
    t.kind == Kind::Punct && !matches!(t.low.as_str(), "-" | "'" | "$" | "%")
}

/// A memo of stems for one worker: the words around figures repeat, and a lookup is much
/// cheaper than the Snowball stemmer.
#[derive(Debug, Default)]
pub(super) struct Stems(HashMap<String, String>);

impl Stems {
    /// Make sure the stem of `word` is known.
    fn learn(&mut self, word: &str) {
        if !self.0.contains_key(word) {
            self.0.insert(word.to_string(), stem(word));
        }
    }

    /// The stem of a word [`learn`](Self::learn) has seen.
    fn of(&self, word: &str) -> &str {
        self.0.get(word).map_or("", String::as_str)
    }
}

/// Stems of the words near figure `k` of `figs`: up to 5 words before and 8 after, within
/// its clause and not reaching into another figure. A `"|"` separates the parts.
fn window<'s>(toks: &[Tok], figs: &[Parsed], k: usize, stems: &'s mut Stems) -> Vec<&'s str> {
    let me = &figs[k].toks;
    let owned = |i: usize| {
        figs.iter()
            .enumerate()
            .any(|(n, f)| n != k && f.toks.contains(&i))
    };
    // Token indices, `None` for a separator.
    let mut before = Vec::new();
    // "at the two ends": a definite "the N ..." names its own noun; the words before it
    // belong to another phrase.
    let definite =
        me.start > 0 && matches!(toks[me.start - 1].low.as_str(), "the" | "these" | "those");
    for i in (0..me.start).rev().filter(|_| !definite) {
        if is_break(&toks[i]) || owned(i) || before.len() == 5 {
            break;
        }
        if toks[i].kind == Kind::Word {
            before.push(Some(i));
        }
    }
    before.reverse();
    let mut picked = before;
    picked.push(None);
    picked.extend(me.clone().filter(|&i| toks[i].kind == Kind::Word).map(Some));
    picked.push(None);
    let mut n = 0;
    for (i, t) in toks.iter().enumerate().skip(me.end) {
        let stop = matches!(t.low.as_str(), "and" | "but" | "while" | "whereas");
        if is_break(t) || owned(i) || stop || n == 8 {
            break;
        }
        if t.kind == Kind::Word {
            picked.push(Some(i));
            n += 1;
        }
    }
    for &i in picked.iter().flatten() {
        stems.learn(&toks[i].low);
    }
    let stems = &*stems;
    picked
        .into_iter()
        .map(|i| i.map_or("|", |i| stems.of(&toks[i].low)))
        .collect()
}

/// The canonical measure of figure `k`, if any entry of the table matches it.
pub(super) fn measure_of(
    toks: &[Tok],
    figs: &[Parsed],
    k: usize,
    stems: &mut Stems,
) -> Option<String> {
    let fig = &figs[k];
    if fig.increment {
        return None; // "two more tugs" adds to a total; it is not one
    }
    let class = unit_class(fig.unit.as_deref());
    let win = window(toks, figs, k, stems);
    let has = |p: &Vec<String>| {
        win.windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| *a == b.as_str()))
    };
    MEASURES
        .iter()
        .find(|m| {
            (m.units.is_empty()
                || m.units
                    .iter()
                    .any(|u| u == class || Some(u.as_str()) == fig.unit.as_deref()))
                && m.all.iter().all(|group| group.iter().any(has))
        })
        .map(|m| m.name.clone())
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Who a sentence attributes what it says to: "according to X", "X said", "said X". A
/// pronoun ("he said") is returned as is; the caller resolves it to the last named source.
pub(super) fn attribution(sentence: &str) -> Option<String> {
    if let Some(group) = source::according_to(sentence) {
        return Some(sentence[group].trim().to_string());
    }
    for m in source::speech_verbs(sentence) {
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
        if !words.is_empty() && words.len() <= 10 && !aux.contains(&last.as_str()) {
            return Some(subject.to_string());
        }
    }
    source::said_by(sentence).map(|group| sentence[group].trim().to_string())
}

/// Whether an attribution is only a pronoun.
pub(super) fn is_pronoun(source: &str) -> bool {
    PRONOUNS.contains(&source.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_table_parses() {
        let table = load(MEASURES_TOML).unwrap();
        assert!(table.len() > 10);
        assert!(table.iter().any(|m| m.name == "death toll"));
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
