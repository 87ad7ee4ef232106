//! Build the [`Brief`] from the corpus and the analysis.

use std::ops::Range;

use super::*;
use crate::extract::entities;
use crate::ingest::BlockKind;
use crate::text::fold;

/// Assemble the brief. `fallback_title` names the story when no headline is found.
pub fn assemble(
    corpus: &Corpus,
    analysis: &Analysis,
    centrality: &[f64],
    warnings: Vec<Warning>,
    fallback_title: &str,
    limits: &Limits,
) -> Brief {
    let cite = |doc: usize, span: &Range<usize>| citation(corpus, doc, span);
    let point = |sentences: &[usize]| {
        // One citation per article: the first sentence cited from it.
        let mut citations: Vec<Citation> = Vec::new();
        for &i in sentences {
            let c = cite(corpus.sentences[i].doc, &corpus.sentences[i].span);
            if !citations.iter().any(|d| d.source == c.source) {
                citations.push(c);
            }
        }
        Point {
            text: fold(corpus.text(&corpus.sentences[sentences[0]])),
            support: distinct(citations.iter().map(|c| c.outlet.as_str())),
            citations,
        }
    };
    let is_setting = |a: &&Actor| a.kind == ActorKind::Place && !entities::is_state(&a.name);
    let places: Vec<String> = analysis
        .actors
        .iter()
        .filter(is_setting)
        .take(limits.places)
        .map(|a| a.name.clone())
        .collect();
    let actors: Vec<ActorEntry> = analysis
        .actors
        .iter()
        .filter(|a| !is_setting(a))
        .take(limits.actors)
        .map(|a| ActorEntry {
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            kind: a.kind,
            role: a.role.clone(),
            mentions: a.mentions.len(),
            outlets: a.outlets.clone(),
            salience: round(a.salience),
        })
        .collect();
    Brief {
        schema_version: SCHEMA_VERSION,
        title: title(corpus, centrality).unwrap_or_else(|| fallback_title.to_string()),
        period: period(corpus),
        generated_from: Counts {
            sources: corpus.docs.len(),
            outlets: corpus.outlet_count(),
        },
        summary: analysis
            .summary
            .iter()
            .map(|p| point(&p.sentences))
            .collect(),
        actors,
        places,
        positions: positions(corpus, analysis, limits),
        open_issues: analysis
            .issues
            .iter()
            .filter(|i| !i.sentences.is_empty())
            .take(limits.issues)
            .map(|i| point(&i.sentences))
            .collect(),
        figures: figures(corpus, analysis),
        sources: sources(corpus),
        warnings,
        changes: None,
    }
}

/// Third person singular of an English verb: say -> says, stress -> stresses, deny -> denies.
fn third_person(verb: &str) -> String {
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

fn citation(corpus: &Corpus, doc: usize, span: &Range<usize>) -> Citation {
    let d = &corpus.docs[doc];
    Citation {
        outlet: d.meta.outlet.clone(),
        source: doc + 1,
        doc: d.path.clone(),
        span: [span.start, span.end],
        url: d.meta.url.clone(),
        date: d.meta.date.clone(),
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> usize {
    let mut v: Vec<&str> = items.collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// The most central headline, so the brief is named after what most outlets lead with.
fn title(corpus: &Corpus, centrality: &[f64]) -> Option<String> {
    corpus
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == BlockKind::Headline)
        .max_by(|(a, _), (b, _)| {
            let ca = centrality.get(*a).copied().unwrap_or(0.0);
            let cb = centrality.get(*b).copied().unwrap_or(0.0);
            ca.total_cmp(&cb).then(b.cmp(a))
        })
        .map(|(_, s)| fold(corpus.text(s)))
        .or_else(|| {
            corpus
                .docs
                .iter()
                .map(|d| d.meta.title.clone())
                .find(|t| !t.is_empty())
        })
}

fn period(corpus: &Corpus) -> Option<Period> {
    let mut dates: Vec<&String> = corpus
        .docs
        .iter()
        .filter_map(|d| d.meta.date.as_ref())
        .collect();
    dates.sort();
    Some(Period {
        first: (*dates.first()?).clone(),
        last: (*dates.last()?).clone(),
    })
}

/// Verbs that say what an actor wants: within an actor, these statements come first, so a
/// reader sees at a glance what each side is after; then what it backs, opposes or warns of.
const WANT_VERBS: &[&str] = &[
    "want", "seek", "demand", "urge", "call", "propose", "push", "press", "ask", "expect", "hope",
];
const STANCE_VERBS: &[&str] = &["insist", "oppose", "reject", "support", "back", "warn"];

/// 0 for a want, 1 for another stance, 2 for anything else said.
fn stance_rank(verb: &str) -> u8 {
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
/// speakers by their best statement. Within an actor: wants, other stances, the rest.
fn positions(corpus: &Corpus, analysis: &Analysis, limits: &Limits) -> Vec<Position> {
    use crate::extract::quotes::stance::is_stance;
    let mut by_actor: std::collections::BTreeMap<usize, Vec<(u8, StatementEntry)>> =
        std::collections::BTreeMap::new();
    let mut unresolved: Vec<(String, Vec<(u8, StatementEntry)>)> = Vec::new();
    for st in &analysis.statements {
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
        match st.actor.filter(|&a| a < analysis.actors.len()) {
            Some(a) => by_actor.entry(a).or_default().push((stance, entry)),
            None => match unresolved.iter().position(|(s, _)| *s == st.speaker) {
                Some(k) => unresolved[k].1.push((stance, entry)),
                None => unresolved.push((st.speaker.clone(), vec![(stance, entry)])),
            },
        }
    }
    // Actors are in salience order, so the map's key order is the actors' rank.
    let named = by_actor.into_iter().map(|(a, entries)| {
        let actor = &analysis.actors[a];
        (actor.name.clone(), actor.role.clone(), entries)
    });
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
        match out.iter_mut().find(|p| p.actor == actor) {
            Some(p) if p.statements.len() < limits.statements => p
                .statements
                .extend(entries.into_iter().map(|(_, e)| e).take(limits.statements)),
            Some(_) => {}
            None => out.push(Position {
                actor,
                role,
                statements: entries
                    .into_iter()
                    .take(limits.statements)
                    .map(|(_, e)| e)
                    .collect(),
            }),
        }
    }
    for p in &mut out {
        p.statements.truncate(limits.statements);
    }
    out
}

fn figures(corpus: &Corpus, analysis: &Analysis) -> Vec<FigureGroup> {
    analysis
        .comparisons
        .iter()
        .map(|c| {
            let values: Vec<FigureEntry> = c
                .figures
                .iter()
                .filter_map(|&i| analysis.figures.get(i))
                .map(|f| {
                    let doc = &corpus.docs[f.doc];
                    FigureEntry {
                        display: fold(doc.text(&f.span)),
                        value: f.value,
                        qualifier: f.qualifier.clone(),
                        unit: f.unit.clone(),
                        outlet: doc.meta.outlet.clone(),
                        date: doc.meta.date.clone(),
                        attributed_to: f.attributed_to.clone(),
                        context: fold(corpus.text(&corpus.sentences[f.sentence])),
                        citation: citation(corpus, f.doc, &f.span),
                    }
                })
                .collect();
            let values = one_per_outlet_and_value(values);
            FigureGroup {
                measure: c.measure.clone(),
                agree: c.agree,
                revision: c.revision,
                single_source: distinct(values.iter().map(|v| v.outlet.as_str())) < 2,
                values,
            }
        })
        .collect()
}

/// An outlet that states the same value twice is listed once, with an attribution if either
/// copy has one.
fn one_per_outlet_and_value(values: Vec<FigureEntry>) -> Vec<FigureEntry> {
    let mut out: Vec<FigureEntry> = Vec::new();
    for v in values {
        match out
            .iter_mut()
            .find(|o| o.outlet == v.outlet && o.value == v.value && o.unit == v.unit)
        {
            Some(o) if o.attributed_to.is_none() && v.attributed_to.is_some() => *o = v,
            Some(_) => {}
            None => out.push(v),
        }
    }
    out
}

fn sources(corpus: &Corpus) -> Vec<Source> {
    corpus
        .docs
        .iter()
        .map(|d| Source {
            number: d.id + 1,
            outlet: d.meta.outlet.clone(),
            outlet_from: d.meta.outlet_from,
            title: d.meta.title.clone(),
            path: d.path.clone(),
            url: d.meta.url.clone(),
            date: d.meta.date.clone(),
            author: d.meta.author.clone(),
            words: d.words(),
            duplicate_of: d.duplicate_of.map(|original| original + 1),
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
        ] {
            assert_eq!(third_person(v), want);
        }
    }
}
