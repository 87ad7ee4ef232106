//! The positions section: who wants what, each actor's statements (quotes and reported
//! speech), wants first.

use serde::Serialize;

use super::{Citation, citation};
use crate::extract::Limits;
use crate::extract::entities::Actor;
use crate::extract::quotes::{Statement, StatementKind};
use crate::text::{Corpus, fold};

/// An actor's statements.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Position {
    /// Actor name (or the speaker as written, when unresolved).
    pub actor: String,
    /// The actor's role, when known.
    pub role: Option<String>,
    /// Statements, most central first.
    pub statements: Vec<StatementEntry>,
}

/// One statement.
#[derive(Debug, Clone, Serialize, PartialEq)]
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

/// Who wants what: statements grouped by actor, actors in the order of their best statement.
pub(super) fn section(
    corpus: &Corpus,
    statements: &[Statement],
    actors: &[Actor],
    limits: &Limits,
) -> Vec<Position> {
    // Actors in the order of their best statement; statements in score order.
    let mut out: Vec<(Position, Vec<(u8, StatementEntry)>)> = Vec::new();
    for st in statements {
        let (name, role) = match st.actor.and_then(|a| actors.get(a)) {
            Some(a) => (a.name.clone(), a.role.clone()),
            None => (st.speaker.clone(), None),
        };
        let entry = StatementEntry {
            text: fold(corpus.docs[st.occurrences[0].doc].text(&st.occurrences[0].span)),
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
        match out.iter().position(|(p, _)| p.actor == name) {
            Some(k) => out[k].1.push((stance, entry)),
            None if out.len() < limits.positions => out.push((
                Position {
                    actor: name,
                    role,
                    statements: Vec::new(),
                },
                vec![(stance, entry)],
            )),
            None => {}
        }
    }
    out.into_iter()
        .map(|(mut position, mut entries)| {
            // Stable: wants, then other stances, then the rest, each still in score order.
            entries.sort_by_key(|(stance, _)| *stance);
            position.statements = entries
                .into_iter()
                .take(limits.statements)
                .map(|(_, e)| e)
                .collect();
            position
        })
        .collect()
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

    /// Issue 13: the lemma of "calls for" is "call for"; it printed as "*call fors*" and
    /// ranked with plain statements instead of with the wants.
    #[test]
    fn call_for_reads_calls_for_and_is_a_want() {
        assert_eq!(third_person("call for"), "calls for");
        assert_eq!(stance_rank("call for"), stance_rank("want"));
        assert!(stance_rank("call for") < stance_rank("say"));
    }
}
