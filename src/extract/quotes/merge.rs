//! Cross-outlet merging: one statement per story, one occurrence per outlet.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::{Occurrence, SAME_SPEAKER_STATEMENT, SAME_STATEMENT, Statement};
use crate::extract::entities::{Actor, ActorKind};
use crate::text::Corpus;
use crate::text::tokens::{StemCache, jaccard_ids, jaccard_prefix, words};

/// Statements above which merging bounds its candidates.
const LARGE: usize = 2000;
/// Longest stem posting list that still proposes candidates on a large input.
const MAX_POSTINGS: usize = 64;

/// Merge statements carried by several outlets; drop same-outlet repeats. Word sets are
/// computed once per statement, so the pairwise comparison stays cheap.
pub(crate) fn merge(corpus: &Corpus, actors: &[Actor], all: Vec<Statement>) -> Vec<Statement> {
    // Stems through a per-worker memo: the same words recur across statements, and the
    // Snowball stemmer costs far more than a lookup (same stems as `tokens::stems`).
    let sets: Vec<BTreeSet<String>> = all
        .par_iter()
        .map_init(StemCache::default, |cache, s| {
            words(occ_text(corpus, &s.occurrences[0]))
                .iter()
                .map(|w| cache.stem(w))
                .collect()
        })
        .collect();
    // Stems as ids numbered in string order, so sorting ids sorts the strings; sets become
    // sorted id lists with the same Jaccard values (`jaccard_ids`), and the tables below are
    // vectors indexed by id instead of string-keyed maps.
    let vocab: BTreeSet<&str> = sets.iter().flatten().map(String::as_str).collect();
    let index: HashMap<&str, u32> = vocab.iter().zip(0u32..).map(|(w, i)| (*w, i)).collect();
    let ids: Vec<Vec<u32>> = sets
        .iter()
        .map(|set| {
            set.iter()
                .filter_map(|w| index.get(w.as_str()).copied())
                .collect()
        })
        .collect();
    // Only statements sharing a stem in their rarest-first prefix can reach the lower
    // threshold (prefix filtering, Bayardo et al. 2007), so only those are compared; the
    // first matching group is the one a scan of every group would find.
    let floor = SAME_STATEMENT.min(SAME_SPEAKER_STATEMENT);
    let mut df = vec![0usize; vocab.len()];
    for set in &ids {
        for &w in set {
            df[w as usize] += 1;
        }
    }
    // On thousands of articles, stems already in more than MAX_POSTINGS earlier statements
    // stop proposing candidates (smaller inputs compare every candidate, as before).
    let cap = if all.len() > LARGE {
        MAX_POSTINGS
    } else {
        usize::MAX
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; all.len()];
    let mut by_stem: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    // The statement each earlier one was last proposed for: duplicates are dropped before
    // sorting instead of after.
    let mut proposed: Vec<usize> = vec![usize::MAX; all.len()];
    for (i, s) in all.iter().enumerate() {
        let outlet = &corpus.docs[s.occurrences[0].doc].meta.outlet;
        let prefix = jaccard_prefix(&ids[i], |w| df[w as usize], floor);
        let mut cands: Vec<(usize, usize)> = prefix
            .iter()
            .map(|&w| &by_stem[w as usize])
            .filter(|p| p.len() <= cap)
            .flatten()
            .filter_map(|&j| group_of[j].map(|g| (g, j)))
            .filter(|&(_, j)| std::mem::replace(&mut proposed[j], i) != i)
            .collect();
        cands.sort_unstable();
        let same = cands.into_iter().find(|&(_, j)| {
            let o = &all[j];
            let ov = jaccard_ids(&ids[i], &ids[j]);
            let same_speaker =
                (o.actor.is_some() && o.actor == s.actor) || (o.anonymous && s.anonymous);
            ov >= SAME_STATEMENT || (ov >= SAME_SPEAKER_STATEMENT && same_speaker)
        });
        match same {
            Some((g, _)) => {
                let seen = groups[g]
                    .iter()
                    .any(|&j| corpus.docs[all[j].occurrences[0].doc].meta.outlet == *outlet);
                if seen {
                    continue;
                }
                groups[g].push(i);
                group_of[i] = Some(g);
            }
            None => {
                groups.push(vec![i]);
                group_of[i] = Some(groups.len() - 1);
            }
        }
        for w in prefix {
            by_stem[w as usize].push(i);
        }
    }
    groups
        .into_iter()
        .filter_map(|g| combine(actors, g.into_iter().map(|i| all[i].clone()).collect()))
        .collect()
}

/// One statement from an outlet group: the actor most occurrences credit (institutions
/// first on ties, since an agency speaks through its staff), the first occurrence first.
fn combine(actors: &[Actor], group: Vec<Statement>) -> Option<Statement> {
    let candidates: BTreeSet<usize> = group.iter().filter_map(|s| s.actor).collect();
    let actor = candidates.iter().copied().max_by_key(|&a| {
        let votes = group.iter().filter(|s| s.actor == Some(a)).count();
        let institution = actors[a].kind != ActorKind::Person;
        (votes, institution, usize::MAX - a)
    });
    let lead = group
        .iter()
        .find(|s| s.actor == actor)
        .or(group.first())?
        .clone();
    let mut occurrences: Vec<Occurrence> = group.iter().map(|s| s.occurrences[0].clone()).collect();
    occurrences.sort_by_key(|o| (o.doc, o.span.start));
    Some(Statement {
        actor,
        occurrences,
        ..lead
    })
}

fn occ_text<'a>(corpus: &'a Corpus, o: &Occurrence) -> &'a str {
    corpus.docs[o.doc].text(&o.span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{jaccard, overlap, stems};

    #[test]
    fn jaccard_matches_the_text_overlap() {
        let (a, b) = (
            "Their discussion follows recent talks",
            "The discussion follows the talks",
        );
        let set = |t: &str| stems(t).into_iter().collect::<BTreeSet<String>>();
        assert!((jaccard(&set(a), &set(b)) - overlap(a, b)).abs() < 1e-12);
        assert_eq!(jaccard(&set(""), &set(b)), 0.0);
    }
}
