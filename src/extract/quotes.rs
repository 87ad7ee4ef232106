//! Positions: direct quotes and reported speech, attributed to actors.
//!
//! Method: [`find`] scans each paragraph for quotation marks (curly, or straight in pairs)
//! and attaches the attribution after the quote ("..., he said", "said a spokesman"), before
//! it ("X told reporters: ...") or shared with the neighbouring part of a split quote; then
//! each sentence for reported speech ("X said (that) ...", "..., X said", "according to X",
//! stance verbs "wants / backs / opposes / urged / warned / believes"). [`speaker`] resolves
//! the speaker phrase to an actor (names inside it, pronouns to the last speaker, unnamed
//! sources as anonymous but credited to the state or body they name, "the spokesman" to the
//! latest actor with that role). Statements carried by several outlets are merged by word
//! overlap ([`crate::text::tokens::overlap`]) into one [`Statement`] with one occurrence
//! per outlet.

pub mod find;
pub mod merge;
pub mod speaker;
pub mod stance;

use std::ops::Range;

use rayon::prelude::*;

use schemars::JsonSchema;
use serde::Serialize;

use self::find::Raw;
use self::merge::merge;
use self::speaker::{Resolved, doc_mentions, resolve};
use super::entities::Actor;
use crate::ingest::BlockKind;
use crate::text::Corpus;

/// Word overlap above which two statements from different outlets are the same statement.
const SAME_STATEMENT: f64 = 0.6;
/// Lower overlap that suffices when both are credited to the same actor (or both to
/// unnamed sources).
const SAME_SPEAKER_STATEMENT: f64 = 0.4;

/// Direct quote or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// Words inside quotation marks.
    Quote,
    /// Reported speech: "X said that ...", "according to X", "X wants ...".
    Paraphrase,
}

/// Where a statement appears: one outlet's copy of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Document index.
    pub doc: usize,
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range of the statement's text (the quote, or the reported clause) in the raw text.
    pub span: Range<usize>,
}

/// One statement, possibly carried by several outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Index into the actors list, when the speaker was resolved to an actor.
    pub actor: Option<usize>,
    /// The speaker as the text names it ("a senior US official", "Lavrov").
    pub speaker: String,
    /// Quote or paraphrase.
    pub kind: StatementKind,
    /// The reporting verb, lemmatised ("say", "warn", "want").
    pub verb: String,
    /// The speaker is unnamed ("a senior official").
    pub anonymous: bool,
    /// Every outlet's copy, first one first; the first is the one shown.
    pub occurrences: Vec<Occurrence>,
    /// Ranking score (centrality of its sentences, support across outlets).
    pub score: f64,
}

/// The positions slice (see [`crate::extract`]): [`extract_statements`] of the view's actors.
pub fn analyse(view: &super::View<'_>, _settings: &super::Settings) -> Vec<Statement> {
    extract_statements(view.corpus, view.actors, &view.scores.centrality)
}

/// Find statements, merged across outlets, best first. `centrality` is indexed like
/// [`Corpus::sentences`].
pub fn extract_statements(corpus: &Corpus, actors: &[Actor], centrality: &[f64]) -> Vec<Statement> {
    // Documents are independent: find their statements in parallel, then concatenate them
    // in document order, as a sequential loop would.
    let mentions = doc_mentions(actors, corpus.docs.len());
    let all: Vec<Statement> = corpus
        .docs
        .par_iter()
        .map(|doc| doc_statements(corpus, actors, &mentions[doc.id], doc.id))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    let mut merged = merge(corpus, actors, all);
    let outlets = corpus.outlet_count().max(1) as f64;
    for s in &mut merged {
        let cent: f64 = s
            .occurrences
            .iter()
            .map(|o| centrality.get(o.sentence).copied().unwrap_or(0.0))
            .sum::<f64>()
            / s.occurrences.len().max(1) as f64;
        let spread = s.occurrences.len() as f64 / outlets;
        let who = s.actor.map_or(0.0, |i| actors[i].salience);
        s.score = 0.45 * cent + 0.35 * spread + 0.2 * who;
    }
    merged.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then_with(|| {
            let (x, y) = (&a.occurrences[0], &b.occurrences[0]);
            (x.doc, x.span.start).cmp(&(y.doc, y.span.start))
        })
    });
    merged
}

/// Statements of one document, in text order, speakers resolved.
fn doc_statements(
    corpus: &Corpus,
    actors: &[Actor],
    mentions: &[(usize, usize, usize)],
    doc_id: usize,
) -> Vec<Statement> {
    let doc = &corpus.docs[doc_id];
    let sentences: Vec<usize> = corpus
        .doc_sentences(doc_id)
        .filter(|&i| corpus.sentences[i].kind != BlockKind::Headline)
        .collect();
    let paragraphs: Vec<Range<usize>> = doc
        .blocks
        .iter()
        // Subheads too: an unterminated quote paragraph can be taken for one.
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Standfirst | BlockKind::Subhead
            )
        })
        .map(|b| b.span.clone())
        .collect();
    let mut raws = find::quotes(doc, &paragraphs);
    let quote_spans: Vec<Range<usize>> = raws.iter().map(|r| r.span.clone()).collect();
    for &i in sentences.iter().filter(|&&i| corpus.sentences[i].is_body()) {
        let s = &corpus.sentences[i];
        for r in find::reported(doc, &s.span) {
            // A partial quote inside a reported clause belongs to the paraphrase.
            raws.retain(|q| !(q.span.start >= r.span.start && q.span.end <= r.span.end));
            raws.push(r);
        }
    }
    raws.sort_by_key(|r| (r.span.start, r.span.end));
    let mut last: Option<Resolved> = None;
    // The last attributed quote: its paragraph, speaker phrase and resolution.
    let mut last_quote: Option<(usize, String, Resolved)> = None;
    let paragraph_of = |at: usize| paragraphs.iter().position(|p| p.contains(&at));
    let sentence_of = |at: usize| {
        sentences
            .iter()
            .copied()
            .find(|&i| corpus.sentences[i].span.contains(&at))
    };
    let mut out = Vec::new();
    for r in raws {
        let Some(full) = r.speaker.clone() else {
            // A quote opening its paragraph with no attribution continues the quote of the
            // paragraph before (or of its own paragraph): the same speaker.
            let para = paragraph_of(r.span.start);
            let opens = para.is_some_and(|p| {
                doc.raw
                    .get(paragraphs[p].start..r.span.start)
                    .is_some_and(|t| t.trim_start_matches([' ', '“', '"', '\'']).is_empty())
            });
            if let (StatementKind::Quote, true, Some(p), Some((lp, phrase, res))) =
                (r.kind, opens, para, last_quote.as_ref())
                && (*lp == p || *lp + 1 == p)
                && let Some(sentence) = sentence_of(r.span.start)
            {
                let (phrase, res) = (phrase.clone(), res.clone());
                out.push(statement(r, phrase.clone(), &res, doc_id, sentence));
                last_quote = Some((p, phrase, res));
            }
            continue;
        };
        let phrase = clean_speaker(doc.text(&full));
        // Resolve on the cleaned phrase only: "officials travelling with Kerry" is not Kerry.
        let lead = doc.text(&full).len() - doc.text(&full).trim_start().len();
        let sp = full.start + lead..full.start + lead + phrase.len();
        let mut res = resolve(phrase, &sp, actors, mentions, last.as_ref(), &quote_spans);
        // "an official" after "senior US officials said": the same pool of sources.
        if res.anonymous
            && res.actor.is_none()
            && let Some(prev) = last.as_ref().filter(|l| l.anonymous)
        {
            res.actor = prev.actor;
        }
        // "'The minister stressed the need for talks,' the agency said": the
        // relayed words are the named person's position, not the relaying outlet's.
        if let Some((name, actor, verb, rest)) = relayed(doc, &r.span, actors, mentions)
            .filter(|&(_, actor, _, _)| res.actor != Some(actor))
        {
            let speaker = doc.text(&name).to_string();
            let res = Resolved {
                actor: Some(actor),
                anonymous: false,
            };
            let r = Raw {
                kind: StatementKind::Paraphrase,
                span: rest,
                speaker: Some(name),
                verb,
            };
            if let Some(sentence) = sentence_of(r.span.start) {
                out.push(statement(r, speaker, &res, doc_id, sentence));
            }
            continue;
        }
        if res.actor.is_none() && !res.anonymous {
            continue;
        }
        last = Some(res.clone());
        if r.kind == StatementKind::Quote
            && let Some(p) = paragraph_of(r.span.start)
        {
            last_quote = Some((p, phrase.to_string(), res.clone()));
        }
        let Some(sentence) = sentence_of(r.span.start) else {
            continue;
        };
        out.push(statement(r, phrase.to_string(), &res, doc_id, sentence));
    }
    out
}

/// A statement that opens with a named person and a reporting verb ("Hartwell stressed the
/// need for ...", "Hartwell said that ..."): the person's mention, actor, the verb's lemma
/// and the words reported after the verb (and "that"), when at least three remain.
fn relayed(
    doc: &crate::document::Document,
    span: &Range<usize>,
    actors: &[Actor],
    mentions: &[(usize, usize, usize)],
) -> Option<(Range<usize>, usize, String, Range<usize>)> {
    let text = doc.text(span);
    let lead = text.len() - text.trim_start_matches([' ', '“', '"', '‘', '\'']).len();
    let at = span.start + lead;
    let &(start, end, actor) = mentions.iter().find(|m| m.0 == at && m.1 <= span.end)?;
    if actors.get(actor)?.kind != super::entities::ActorKind::Person {
        return None;
    }
    let after = doc.raw.get(end..span.end)?;
    let rest = after.strip_prefix(' ')?;
    let verb_len = rest.find(' ')?;
    let verb = &rest[..verb_len];
    // Past tense only: "Hartwell stresses" opening a quote is the quoted speaker's own present.
    // Not "told", whose object comes first ("Trump told him directly, ...").
    if !(verb.ends_with("ed") || verb == "said") {
        return None;
    }
    if !crate::extract::speech::SPEECH_VERBS.contains(&verb) {
        return None;
    }
    let mut from = end + 1 + verb_len + 1;
    if doc.raw.get(from..span.end)?.starts_with("that ") {
        from += "that ".len();
    }
    let words = doc.raw.get(from..span.end)?.split_whitespace().count();
    (words >= 3).then(|| (start..end, actor, find::lemma(verb), from..span.end))
}

/// The statement `r` makes, said by `speaker` resolved to `res`, in one sentence.
fn statement(r: Raw, speaker: String, res: &Resolved, doc: usize, sentence: usize) -> Statement {
    Statement {
        actor: res.actor,
        speaker,
        kind: r.kind,
        verb: r.verb,
        anonymous: res.anonymous,
        occurrences: vec![Occurrence {
            doc,
            sentence,
            span: r.span,
        }],
        score: 0.0,
    }
}

/// The speaker phrase without what follows the speaker itself ("a senior US official quoted
/// by the AFP news agency" -> "a senior US official").
fn clean_speaker(s: &str) -> &str {
    let mut t = s.trim();
    for cut in [" quoted by", " in a ", " on ", " travelling with", " who "] {
        if let Some(i) = t.find(cut) {
            t = &t[..i];
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::extract_actors;
    use crate::ingest::from_plain;

    fn run(texts: &[(&str, &str)]) -> (Corpus, Vec<Actor>, Vec<Statement>) {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, (o, t))| from_plain(i, o, t))
            .collect();
        let corpus = Corpus::new(docs);
        let actors = extract_actors(&corpus);
        let cent = vec![0.5; corpus.sentences.len()];
        let statements = extract_statements(&corpus, &actors, &cent);
        (corpus, actors, statements)
    }

    fn text<'a>(c: &'a Corpus, s: &Statement) -> &'a str {
        c.docs[s.occurrences[0].doc].text(&s.occurrences[0].span)
    }

    fn by<'a>(actors: &[Actor], st: &'a [Statement], name: &str) -> Vec<&'a Statement> {
        st.iter()
            .filter(|s| s.actor.is_some_and(|i| actors[i].name == name))
            .collect()
    }

    #[test]
    fn quote_split_around_he_said() {
        let (c, actors, st) = run(&[(
            "A",
            "Russian Foreign Minister Sergei Lavrov spoke in Geneva.\n“The Kurds must stay part of Syria,” he said, “and the talks will go on next week.”",
        )]);
        let lavrov = by(&actors, &st, "Sergei Lavrov");
        let texts: Vec<&str> = lavrov.iter().map(|s| text(&c, s)).collect();
        assert!(
            texts.contains(&"The Kurds must stay part of Syria"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"and the talks will go on next week."),
            "{texts:?}"
        );
        assert!(
            lavrov
                .iter()
                .all(|s| s.kind == StatementKind::Quote && s.speaker == "he")
        );
    }

    #[test]
    fn straight_quotes_and_speaker_after_verb() {
        let (c, actors, st) = run(&[(
            "A",
            "\"We are close to a deal on Aleppo,\" said John Kerry, the US secretary of state.",
        )]);
        let kerry = by(&actors, &st, "John Kerry");
        assert_eq!(kerry.len(), 1);
        assert_eq!(text(&c, kerry[0]), "We are close to a deal on Aleppo");
        assert_eq!(kerry[0].verb, "say");
    }

    #[test]
    fn reported_speech_patterns() {
        let (c, actors, st) = run(&[(
            "A",
            "Washington wants firm guarantees from Russia to end the blockade.\nRussia insisted that the summit would go ahead.\nThe fighting has cost 12,000 lives, according to the United Nations.\nTroops entered the valley on Friday, the Syrian Observatory for Human Rights said.",
        )]);
        let us = by(&actors, &st, "United States");
        assert_eq!(us.len(), 1);
        assert_eq!(
            (us[0].verb.as_str(), text(&c, us[0])),
            ("want", "firm guarantees from Russia to end the blockade")
        );
        let ru = by(&actors, &st, "Russia");
        assert_eq!(text(&c, ru[0]), "the summit would go ahead");
        assert_eq!(ru[0].verb, "insist");
        let un = by(&actors, &st, "United Nations");
        assert_eq!(text(&c, un[0]), "The fighting has cost 12,000 lives");
        let sohr = by(&actors, &st, "Syrian Observatory for Human Rights");
        assert_eq!(text(&c, sohr[0]), "Troops entered the valley on Friday");
        assert!(st.iter().all(|s| s.kind == StatementKind::Paraphrase));
    }

    #[test]
    fn pronouns_and_roles_resolve_to_the_last_speaker() {
        let (_, actors, st) = run(&[(
            "A",
            "Faysal Itani, an analyst with the Atlantic Council, predicted a deal soon.\n“Making it stick on the ground is a different question,” he said.\nThe Turkish President Recep Tayyip Erdoğan met Putin.\nThe Turkish President told mayors that any settlement needed Turkey's approval.",
        )]);
        assert_eq!(by(&actors, &st, "Faysal Itani").len(), 2);
        let erdogan = by(&actors, &st, "Recep Tayyip Erdoğan");
        assert_eq!(erdogan.len(), 1);
        assert_eq!(erdogan[0].verb, "tell");
    }

    #[test]
    fn anonymous_sources_are_kept_and_credited_to_their_state() {
        let (_, actors, st) = run(&[(
            "A",
            "US Secretary of State John Kerry flew in.\n“We want a clear promise that the blockade ends,” a senior US official told reporters.",
        )]);
        let us = by(&actors, &st, "United States");
        assert_eq!(us.len(), 1);
        assert!(us[0].anonymous);
        assert_eq!(us[0].speaker, "a senior US official");
    }

    #[test]
    fn one_statement_per_story_across_outlets() {
        let q = "The meeting builds on last week's calls and will concentrate on a truce and aid convoys";
        let (c, actors, st) = run(&[
            (
                "TRT",
                &format!("Kerry meets Lavrov.\n\"{q},\" said a State Department spokesman."),
            ),
            (
                "AJ",
                &format!(
                    "Kerry meets Lavrov.\n“{q},” spokesman John Kirby said in a written statement."
                ),
            ),
            (
                "BB",
                &format!("Kerry meets Lavrov.\n“{q},” the department said in a statement."),
            ),
        ]);
        let merged: Vec<&Statement> = st
            .iter()
            .filter(|s| text(&c, s).starts_with("The meeting builds"))
            .collect();
        assert_eq!(merged.len(), 1);
        let s = merged[0];
        let outlets: Vec<&str> = s
            .occurrences
            .iter()
            .map(|o| c.docs[o.doc].meta.outlet.as_str())
            .collect();
        assert_eq!(outlets, ["TRT", "AJ", "BB"]);
        let actor = &actors[s.actor.unwrap_or(usize::MAX).min(actors.len() - 1)];
        assert_eq!(actor.name, "State Department");
        assert_eq!(actor.parent.as_deref(), Some("United States"));
        for o in &s.occurrences {
            assert_eq!(
                c.docs[o.doc].text(&o.span),
                q,
                "occurrence spans are verbatim quote text"
            );
        }
    }

    #[test]
    fn stance_objects_stop_at_relative_clauses() {
        let (c, actors, st) = run(&[(
            "A",
            "Moscow supports Syrian leader Bashar al-Assad, whom Washington believes must go.",
        )]);
        let ru = by(&actors, &st, "Russia");
        assert_eq!(ru.len(), 1);
        assert_eq!(
            (ru[0].verb.as_str(), text(&c, ru[0])),
            ("support", "Syrian leader Bashar al-Assad")
        );
    }

    #[test]
    fn unnamed_sources_share_the_pool_of_the_last_one() {
        let (_, actors, st) = run(&[(
            "A",
            "Senior US officials said Kerry would not have travelled without some hope of progress.
“We have settled several points already,” an official was quoted as saying.",
        )]);
        let us = by(&actors, &st, "United States");
        assert_eq!(us.len(), 2);
        assert!(us.iter().all(|s| s.anonymous));
    }

    #[test]
    fn a_possessive_names_whose_speaker_not_the_speaker() {
        let (_, actors, st) = run(&[(
            "A",
            "Actress Tara Reid entered a clinic.\n“We appreciate your respect for her privacy,” Reid's rep told the magazine.",
        )]);
        assert!(by(&actors, &st, "Tara Reid").is_empty(), "{st:?}");
    }

    #[test]
    fn a_quote_paragraph_without_attribution_continues_the_last_quote() {
        let (c, actors, st) = run(&[(
            "A",
            "Attorney General Wally Oppal spoke on Wednesday.\n“I've always taken the position that it is a valid offence,” Oppal said.\n“And if someone says that it's contrary to their religion, let a judge decide.”\n“This has been a very complex issue for many years.",
        )]);
        let texts: Vec<&str> = by(&actors, &st, "Wally Oppal")
            .iter()
            .map(|s| text(&c, s))
            .collect();
        assert!(
            texts.iter().any(|t| t.starts_with("And if someone says")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("This has been a very complex")),
            "{texts:?}"
        );
    }

    #[test]
    fn short_scare_quotes_are_not_statements() {
        let (_, _, st) = run(&[(
            "A",
            "Kerry delayed his trip over “technical” differences, officials said.",
        )]);
        assert!(st.iter().all(|s| s.kind == StatementKind::Paraphrase));
    }

    #[test]
    fn a_definite_role_resolves_to_the_actor_holding_it() {
        let (c, actors, st) = run(&[(
            "A",
            "State Department spokesman Mark Toner spoke on Thursday.\nThe spokesman said the meeting was not yet confirmed by both sides.",
        )]);
        let toner = by(&actors, &st, "Mark Toner");
        assert_eq!(toner.len(), 1);
        assert!(!toner[0].anonymous);
        assert_eq!(
            text(&c, toner[0]),
            "the meeting was not yet confirmed by both sides"
        );
    }

    #[test]
    fn relayed_words_are_the_named_persons() {
        let (c, actors, st) = run(&[(
            "A",
            "Prime Minister Lena Hartwell spoke to the governors.\n\n“Hartwell stressed the need to reopen the northern bridge before the winter,” the Coastal Gazette said.",
        )]);
        let hartwell = by(&actors, &st, "Lena Hartwell");
        assert_eq!(hartwell.len(), 1, "{st:?}");
        assert_eq!(
            text(&c, hartwell[0]),
            "the need to reopen the northern bridge before the winter"
        );
        assert_eq!(hartwell[0].verb, "stress");
        assert_eq!(hartwell[0].kind, StatementKind::Paraphrase);
        assert!(by(&actors, &st, "Coastal Gazette").is_empty());
    }
}
