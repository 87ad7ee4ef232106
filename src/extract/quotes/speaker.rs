//! Speaker resolution: from the speaker phrase to an actor.
//!
//! In order: a named actor inside the phrase (a person before an organisation before a
//! place); a pronoun ("he", "they") -> the document's last speaker; an unnamed source ("a
//! senior US official") -> anonymous, credited to the organisation or state it names; a
//! definite description ("the spokesman", "the department", "the Turkish President") -> the
//! latest actor before it in the document whose role or name ends with those words.

use std::ops::Range;

use super::super::entities::{Actor, ActorKind};

/// Words that make a speaker phrase an unnamed source.
const ANONYMOUS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "insider",
    "insiders",
    "person",
    "rep",
    "representative",
    "publicist",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "friend",
];

/// Head nouns of a description of a company ("the software giant").
const COMPANY_NOUNS: &[&str] = &[
    "giant",
    "company",
    "firm",
    "maker",
    "carmaker",
    "automaker",
    "manufacturer",
    "retailer",
    "conglomerate",
    "corporation",
    "airline",
    "carrier",
    "insurer",
    "lender",
    "bank",
    "studio",
    "chain",
    "startup",
    "operator",
    "broadcaster",
    "network",
];

/// The resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    /// Actor index.
    pub(crate) actor: Option<usize>,
    /// Unnamed source.
    pub(crate) anonymous: bool,
}

/// Actor mentions of every document: (start, end, actor index), in text order, indexed by
/// document. One pass over the actors, instead of one per document.
pub(crate) fn doc_mentions(actors: &[Actor], docs: usize) -> Vec<Vec<(usize, usize, usize)>> {
    let mut by_doc: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); docs];
    for (i, a) in actors.iter().enumerate() {
        for m in &a.mentions {
            if let Some(v) = by_doc.get_mut(m.doc) {
                v.push((m.span.start, m.span.end, i));
            }
        }
    }
    by_doc.iter_mut().for_each(|v| v.sort_unstable());
    by_doc
}

/// Resolve `phrase` (at `span` in the document) given the document's mentions, the last
/// speaker so far, and the spans of quotes (mentions inside quotes are not antecedents).
pub(crate) fn resolve(
    phrase: &str,
    span: &Range<usize>,
    actors: &[Actor],
    mentions: &[(usize, usize, usize)],
    last: Option<&Resolved>,
    quotes: &[Range<usize>],
) -> Resolved {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    // Names after "in", "at", "from" locate the speaker, they are not the speaker
    // ("port operators in the Mediterranean").
    let located = |s: usize| {
        let pre = phrase
            .get(..s.saturating_sub(span.start))
            .unwrap_or("")
            .trim_end();
        pre.ends_with(" in")
            || pre.ends_with(" at")
            || pre.ends_with(" from")
            || pre.ends_with(" the") && {
                let p = pre.trim_end_matches(" the");
                p.ends_with(" in") || p.ends_with(" at") || p.ends_with(" from")
            }
    };
    // A possessive names whose speaker it is, not the speaker ("Reid's rep", "Mr. Trump's
    // lawyer"), unless nothing follows it.
    let owner = |e: usize| {
        let rest = phrase.get(e.saturating_sub(span.start)..).unwrap_or("");
        ["'s ", "’s ", "' ", "’ "]
            .iter()
            .any(|p| rest.starts_with(p) && !rest[p.len()..].trim().is_empty())
    };
    let inside: Vec<usize> = mentions
        .iter()
        .filter(|(s, e, _)| *s >= span.start && *e <= span.end && !located(*s) && !owner(*e))
        .map(|m| m.2)
        .collect();
    let pick = |kind: ActorKind| inside.iter().copied().find(|&i| actors[i].kind == kind);
    let anonymous = words.iter().any(|w| ANONYMOUS.contains(w));
    let people: std::collections::BTreeSet<usize> = inside
        .iter()
        .copied()
        .filter(|&i| actors[i].kind == ActorKind::Person)
        .collect();
    if people.len() > 1 {
        // "both Kerry and Lavrov say": a joint position, not one actor's.
        return Resolved {
            actor: None,
            anonymous: false,
        };
    }
    if let Some(p) = pick(ActorKind::Person) {
        return Resolved {
            actor: Some(p),
            anonymous: false,
        };
    }
    let outside_quotes = |(s, _, _): &&(usize, usize, usize)| {
        *s < span.start && !quotes.iter().any(|q| q.contains(s))
    };
    if matches!(words.as_slice(), ["he"] | ["she"] | ["they"] | ["it"]) {
        if let Some(l) = last {
            return l.clone();
        }
        // No speaker yet: the latest person named before the pronoun ("he said" after Lavrov).
        let person = mentions
            .iter()
            .filter(outside_quotes)
            .rev()
            .find(|(_, _, i)| actors[*i].kind == ActorKind::Person)
            .map(|m| m.2);
        return Resolved {
            actor: person,
            anonymous: false,
        };
    }
    // "the US software giant", "the German carmaker": a description of a company names the
    // company last mentioned, not the place that qualifies it.
    if words.first() == Some(&"the")
        && words.last().is_some_and(|w| COMPANY_NOUNS.contains(w))
        && let Some(&(_, _, i)) = mentions
            .iter()
            .filter(outside_quotes)
            .rev()
            .find(|(_, _, i)| actors[*i].kind == ActorKind::Organisation)
    {
        return Resolved {
            actor: Some(i),
            anonymous: false,
        };
    }
    // "California prosecutors said": the group speaks, the place only says whose it is.
    let org = pick(ActorKind::Organisation)
        .or_else(|| pick(ActorKind::Group))
        .or_else(|| pick(ActorKind::Place));
    if org.is_some() {
        return Resolved {
            actor: org,
            anonymous,
        };
    }
    if let Some(rest) = lower.strip_prefix("the ") {
        let fits = |i: usize| {
            let a = &actors[i];
            let role = a.role.as_deref().unwrap_or("").to_lowercase();
            role.ends_with(rest) || a.name.to_lowercase().ends_with(rest)
        };
        // The latest fitting actor in this document, else the most salient in the corpus.
        let hit = mentions
            .iter()
            .filter(outside_quotes)
            .rev()
            .map(|m| m.2)
            .find(|&i| fits(i));
        if let Some(i) = hit.or_else(|| (0..actors.len()).find(|&i| fits(i))) {
            return Resolved {
                actor: Some(i),
                anonymous: false,
            };
        }
    }
    Resolved {
        actor: None,
        anonymous,
    }
}
