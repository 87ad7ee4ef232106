//! Stances and reported facts: "Russia wants guarantees", "Kerry warned that ..." and a
//! quote in the speaker's own words say where the speaker stands; "the fighting has cost
//! 12,000 lives, according to the UN" or "the ship was refloated, the authority said" only
//! report a fact through a source.
//!
//! Rule: quotes are stances. A paraphrase is a stance when its verb takes a side (want,
//! urge, warn, insist, reject, call for, ...) or when its clause does (a modal of
//! obligation or intent, a verb of wanting or refusing, a negated "will"); a paraphrase
//! with a neutral verb (say, tell, add, confirm, announce, report, "according to") and a
//! neutral clause is a reported fact; after say, tell, add and the like, a hedged or negated
//! clause ("could take weeks", "not the main reason") is an assessment, so a stance.

use super::StatementKind;

/// Reporting verbs (lemmas) that take a side.
const STANCE_VERBS: &[&str] = &[
    "want",
    "urge",
    "warn",
    "insist",
    "reject",
    "oppose",
    "support",
    "back",
    "call for",
    "demand",
    "deny",
    "believe",
    "argue",
    "claim",
    "predict",
    "stress",
    "seek",
    "vow",
    "threaten",
    "promise",
    "hope",
    "propose",
    "accuse",
    "criticise",
    "criticize",
    "refuse",
];

/// Words in a reported clause that make it a stance ("the US must ...", "it would not
/// accept ...").
const STANCE_WORDS: &[&str] = &[
    "should",
    "must",
    "need",
    "needs",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "refuse",
    "refuses",
    "refused",
    "reject",
    "rejects",
    "rejected",
    "oppose",
    "opposes",
    "won't",
    "won’t",
    "never",
    "ready",
    "willing",
    "determined",
    "committed",
    "demand",
    "demands",
    "urge",
    "urged",
    "agree",
    "agrees",
    "disagree",
    "wrong",
    "right",
];

/// Whether a statement states where its speaker stands (true) or reports a fact (false).
pub fn is_stance(kind: StatementKind, verb: &str, text: &str) -> bool {
    if kind == StatementKind::Quote || STANCE_VERBS.contains(&verb) {
        return true;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    // A hedged or negated claim in the speaker's voice is an assessment ("freeing it could
    // take weeks", "the winds were not the main reason"); verbs that only relay news
    // (announce, confirm, report, "according to") keep it a fact.
    let relays = matches!(verb, "announce" | "confirm" | "report" | "accord");
    let assessment = !relays
        && words
            .iter()
            .any(|w| matches!(*w, "could" | "would" | "may" | "might" | "not"));
    assessment
        || words.iter().any(|w| STANCE_WORDS.contains(w))
        || words
            .windows(2)
            .any(|p| matches!(p, ["will" | "would" | "could", "not"]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatementKind::{Paraphrase, Quote};

    #[test]
    fn stances_and_facts() {
        let table: &[(StatementKind, &str, &str, bool)] = &[
            (Quote, "say", "It was a mess", true),
            (Paraphrase, "want", "firm guarantees from Russia", true),
            (Paraphrase, "warn", "the truce could collapse", true),
            (Paraphrase, "call for", "an immediate ceasefire", true),
            (Paraphrase, "say", "the US must lift the sanctions", true),
            (Paraphrase, "say", "Moscow would not accept the plan", true),
            (
                Paraphrase,
                "accord",
                "The fighting has cost 12,000 lives",
                false,
            ),
            (
                Paraphrase,
                "say",
                "Troops entered the valley on Friday",
                false,
            ),
            (
                Paraphrase,
                "confirm",
                "the ship was refloated on Monday",
                false,
            ),
            (
                Paraphrase,
                "announce",
                "the talks would resume next week",
                false,
            ),
        ];
        for &(kind, verb, text, want) in table {
            assert_eq!(is_stance(kind, verb, text), want, "{verb}: {text}");
        }
    }
}
