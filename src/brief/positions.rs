//! The positions section: who wants what, each actor's statements (quotes and reported
//! speech), wants first.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::{Citation, citation};
use crate::extract::Limits;
use crate::extract::entities::Actor;
use crate::extract::quotes::stance::is_stance;
use crate::extract::quotes::{Statement, StatementKind};
use crate::text::{Corpus, fold};

/// An actor's statements.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Position {
    /// Actor name (or the speaker as written, when unresolved).
    pub actor: String,
    /// The actor's role, when known.
    pub role: Option<String>,
    /// Statements, most central first.
    pub statements: Vec<StatementEntry>,
}

/// One statement.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct StatementEntry {
    /// The quote (without quotation marks) or the reported clause, verbatim.
    pub text: String,
    /// quote or paraphrase.
    pub kind: StatementKind,
    /// Reporting verb, base form ("say", "warn", "want").
    pub verb: String,
    /// The verb as it reads after a singular subject ("says", "warns", "wants").
    pub verb_form: String,
    /// The speaker as the text names them.
    pub speaker: String,
    /// The speaker is unnamed.
    pub anonymous: bool,
    /// Every outlet carrying it.
    pub citations: Vec<Citation>,
}

/// Third person singular of an English verb: say -> says, stress -> stresses, deny -> denies.
fn third_person(verb: &str) -> String {
    // A phrasal verb inflects its verb, not its particle: call for -> calls for (issue 13).
    if let Some((head, particle)) = verb.split_once(' ') {
        return format!("{} {particle}", third_person(head));
    }
    let irregular = [
        ("be", "is"),
        ("have", "has"),
        ("do", "does"),
        ("go", "goes"),
    ];
    if let Some((_, form)) = irregular.iter().find(|(v, _)| *v == verb) {
        return (*form).to_string();
    }
    if verb.ends_with(['s', 'x', 'z', 'o']) || verb.ends_with("sh") || verb.ends_with("ch") {
        return format!("{verb}es");
    }
    if let Some(stem) = verb.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    format!("{verb}s")
}

/// Verbs that say what an actor wants: within an actor, these statements come first, so a
/// reader sees at a glance what each side is after; then what it backs, opposes or warns of.
const WANT_VERBS: &[&str] = &[
    "want", "seek", "demand", "urge", "call", "propose", "push", "press", "ask", "expect", "hope",
];
const STANCE_VERBS: &[&str] = &["insist", "oppose", "reject", "support", "back", "warn"];

/// 0 for a want, 1 for another stance, 2 for anything else said.
fn stance_rank(verb: &str) -> u8 {
    // A phrasal verb ranks by its verb: "call for" is a want, as "call" is.
    let verb = verb.split(' ').next().unwrap_or(verb);
    if WANT_VERBS.contains(&verb) {
        0
    } else if STANCE_VERBS.contains(&verb) {
        1
    } else {
        2
    }
}

/// Who wants what: the stances (not the reported facts, see
/// [`is_stance`](crate::extract::quotes::stance::is_stance)) of the most salient actors
/// that take one, so every key actor that is quoted has a position; then unresolved
/// speakers by their best statement. Within an actor: wants, other stances, the rest,
/// each in score order.
pub(super) fn section(
    corpus: &Corpus,
    statements: &[Statement],
    actors: &[Actor],
    limits: &Limits,
) -> Vec<Position> {
    let mut by_actor: BTreeMap<usize, Vec<(u8, StatementEntry)>> = BTreeMap::new();
    let mut unresolved: Vec<(String, Vec<(u8, StatementEntry)>)> = Vec::new();
    for st in statements {
        let first = &st.occurrences[0];
        let raw = corpus.docs[first.doc].text(&first.span);
        if !is_stance(st.kind, &st.verb, raw) {
            continue;
        }
        let entry = StatementEntry {
            text: fold(raw),
            kind: st.kind,
            verb: st.verb.clone(),
            verb_form: third_person(&st.verb),
            speaker: st.speaker.clone(),
            anonymous: st.anonymous,
            citations: st
                .occurrences
                .iter()
                .map(|o| citation(corpus, o.doc, &o.span))
                .collect(),
        };
        let stance = stance_rank(&st.verb);
        match st.actor.filter(|&a| a < actors.len()) {
            Some(a) => by_actor.entry(a).or_default().push((stance, entry)),
            None => match unresolved.iter().position(|(s, _)| *s == st.speaker) {
                Some(k) => unresolved[k].1.push((stance, entry)),
                None => unresolved.push((st.speaker.clone(), vec![(stance, entry)])),
            },
        }
    }
    // Actors come in salience order, so the map's key order is their rank.
    let named = by_actor
        .into_iter()
        .map(|(a, entries)| (actors[a].name.clone(), actors[a].role.clone(), entries));
    let unnamed = unresolved
        .into_iter()
        .map(|(speaker, entries)| (speaker, None, entries));
    let mut out: Vec<Position> = Vec::new();
    for (actor, role, mut entries) in named.chain(unnamed) {
        if out.len() >= limits.positions {
            break;
        }
        // Stable: wants, then other stances, then the rest, each still in score order.
        entries.sort_by_key(|(stance, _)| *stance);
        let entries = entries.into_iter().map(|(_, e)| e);
        match out.iter_mut().find(|p| p.actor == actor) {
            Some(p) => p.statements.extend(entries),
            None => out.push(Position {
                actor,
                role,
                statements: entries.collect(),
            }),
        }
    }
    for p in &mut out {
        p.statements.truncate(limits.statements);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wants_come_before_other_stances_and_plain_statements() {
        assert!(stance_rank("want") < stance_rank("support"));
        assert!(stance_rank("support") < stance_rank("say"));
    }

    #[test]
    fn third_person_forms() {
        for (v, want) in [
            ("say", "says"),
            ("stress", "stresses"),
            ("deny", "denies"),
            ("want", "wants"),
            ("have", "has"),
            ("urge", "urges"),
            ("push", "pushes"),
            ("call for", "calls for"),
        ] {
            assert_eq!(third_person(v), want);
        }
    }

    /// Issue 15: a reported fact is no position, and the most salient quoted actor comes
    /// first even when a lesser actor's statement scores higher.
    #[test]
    fn positions_are_stances_of_the_key_actors_first() {
        use crate::extract::entities::extract_actors;
        use crate::extract::quotes::extract_statements;
        use crate::ingest::from_plain;
        let docs = vec![
            from_plain(
                0,
                "A",
                "President Anna Berg met Governor Carl Lind on Monday. Berg said the plan must be scrapped. Berg wants a new vote.",
            ),
            from_plain(
                1,
                "B",
                "President Anna Berg spoke in the capital. The roads were closed on Friday, Governor Carl Lind said.",
            ),
        ];
        let corpus = Corpus::new(docs);
        let actors = extract_actors(&corpus);
        let cent = vec![0.5; corpus.sentences.len()];
        let st = extract_statements(&corpus, &actors, &cent);
        let got = section(&corpus, &st, &actors, &Limits::default());
        let names: Vec<&str> = got.iter().map(|p| p.actor.as_str()).collect();
        assert_eq!(names.first(), Some(&"Anna Berg"), "{got:?}");
        // "The roads were closed on Friday" is a fact Lind reports, not his position.
        assert!(!names.contains(&"Carl Lind"), "{got:?}");
    }

    /// Issue 13: the lemma of "calls for" is "call for"; it printed as "*call fors*" and
    /// ranked with plain statements instead of with the wants.
    #[test]
    fn call_for_reads_calls_for_and_is_a_want() {
        assert_eq!(third_person("call for"), "calls for");
        assert_eq!(stance_rank("call for"), stance_rank("want"));
        assert!(stance_rank("call for") < stance_rank("say"));
    }
}
