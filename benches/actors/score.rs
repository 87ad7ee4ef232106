//! Scoring one cluster's brief against the gold and our annotations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use brief::brief::Brief;
use brief::extract::entities::{Actor, ActorKind, extract_actors};
use brief::extract::quotes::{Statement, extract_statements};
use brief::rank::{centrality_of, lexicon::Lexicon};
use brief::text::Corpus;

use crate::gold::{Chain, all_chains, best_chain, norm, rows};

/// Our annotations (tests/data/actors/*.tsv).
#[derive(Default)]
pub(crate) struct Notes {
    /// (cluster, actor name) -> verdict: ok, junk, kind, role.
    judged: BTreeMap<(String, String), String>,
    /// (cluster, actor name, role) -> whether the role is sensible, judged by hand.
    roles: BTreeMap<(String, String, String), bool>,
    /// (cluster, doc, paragraph) -> speaker ("none": no actor should be credited).
    speakers: BTreeMap<(String, String, usize), String>,
    /// cluster -> whether its text has an open issue.
    has_issue: BTreeMap<String, bool>,
    /// (cluster, doc, paragraph) -> whether the sentence listed there is a real open issue.
    issue_real: BTreeMap<(String, String, usize), bool>,
}

impl Notes {
    pub(crate) fn load(dir: &Path) -> Notes {
        let mut n = Notes::default();
        for r in rows(&dir.join("judged.tsv")) {
            if let [c, name, v, ..] = r.as_slice() {
                n.judged.insert((c.clone(), name.clone()), v.clone());
            }
        }
        for r in rows(&dir.join("roles.tsv")) {
            if let [c, name, role, v, ..] = r.as_slice() {
                n.roles
                    .insert((c.clone(), name.clone(), role.clone()), v == "ok");
            }
        }
        for r in rows(&dir.join("speakers.tsv")) {
            if let [c, d, p, s, ..] = r.as_slice()
                && let Ok(p) = p.parse()
            {
                n.speakers.insert((c.clone(), d.clone(), p), s.clone());
            }
        }
        for r in rows(&dir.join("issues.tsv")) {
            match r.as_slice() {
                [c, h, v] if h == "has" => {
                    n.has_issue.insert(c.clone(), v == "yes");
                }
                [c, d, p, v] => {
                    if let Ok(p) = p.parse() {
                        n.issue_real.insert((c.clone(), d.clone(), p), v == "real");
                    }
                }
                _ => {}
            }
        }
        n
    }
}

/// Counts summed over clusters.
#[derive(Default, Clone)]
pub(crate) struct Totals {
    pub(crate) clusters: usize,
    pub(crate) top: usize,
    pub(crate) right: usize,
    pub(crate) unmatched: usize,
    pub(crate) unjudged: usize,
    pub(crate) wrong_kind: usize,
    pub(crate) bad_role: usize,
    pub(crate) roles: usize,
    pub(crate) splits: usize,
    pub(crate) merges: usize,
    pub(crate) speaker_notes: usize,
    pub(crate) speaker_found: usize,
    pub(crate) speaker_statements: usize,
    pub(crate) speaker_right: usize,
    pub(crate) has_issue: usize,
    pub(crate) issue_found: usize,
    pub(crate) listed: usize,
    pub(crate) listed_real: usize,
    pub(crate) listed_unjudged: usize,
    pub(crate) no_issue_listed: usize,
    pub(crate) no_issue_clusters: usize,
}

impl Totals {
    pub(crate) fn add(&mut self, o: &Totals) {
        macro_rules! sum { ($($f:ident),*) => { $(self.$f += o.$f;)* } }
        sum!(
            clusters,
            top,
            right,
            unmatched,
            unjudged,
            wrong_kind,
            bad_role,
            roles,
            splits,
            merges,
            speaker_notes,
            speaker_found,
            speaker_statements,
            speaker_right,
            has_issue,
            issue_found,
            listed,
            listed_real,
            listed_unjudged,
            no_issue_listed,
            no_issue_clusters
        );
    }
}

/// 0-based index of the non-blank line holding byte `at`, counted after the front matter.
pub(crate) fn paragraph(raw: &str, at: usize) -> usize {
    let mut body = 0;
    if raw.starts_with("---") {
        let mut pos = 0;
        for (i, line) in raw.split_inclusive('\n').enumerate() {
            pos += line.len();
            if i > 0 && line.trim_end() == "---" {
                body = pos;
                break;
            }
        }
    }
    let before = raw.get(body..at.max(body)).unwrap_or("");
    // The last piece is the start of the line holding `at`.
    let mut lines: Vec<&str> = before.split('\n').collect();
    lines.pop();
    lines.iter().filter(|l| !l.trim().is_empty()).count()
}

const BAD_FIRST: &[&str] = &[
    "when", "while", "as", "if", "after", "before", "because", "and", "but", "or", "of", "to",
    "in", "on", "at", "for", "with", "by", "from", "that", "which", "who", "i'm", "it",
];
const BAD_LAST: &[&str] = &[
    "of", "the", "a", "an", "and", "for", "to", "in", "on", "at", "with", "by", "from", "mr", "ms",
    "mrs", "dr", "'s", "’s", "when", "who",
];
const TITLES: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "king",
    "queen",
    "governor",
];

/// A role that is not a noun phrase: "When Mr.", "France of President", "said the".
pub(crate) fn fragment(role: &str) -> bool {
    let words: Vec<String> = role
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return true;
    };
    let n = words.len();
    BAD_FIRST.contains(&first.as_str())
        || BAD_LAST.contains(&last.as_str())
        || (n >= 2 && words[n - 2] == "of" && TITLES.contains(&last.as_str()))
        || role.contains(['"', '“', '”', ':', ';'])
        || n > 9
}

/// Role verdict: Some(true) confirmed by a gold descriptor, Some(false) contradicted or a
/// fragment, None unverifiable (no descriptor in the gold).
fn role_ok(role: &str, chain: Option<&Chain>) -> Option<bool> {
    if fragment(role) {
        return Some(false);
    }
    let chain = chain?;
    if chain.nominal_words.is_empty() {
        return None;
    }
    let words: Vec<String> = norm(role)
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| w.len() > 2)
        .collect();
    Some(words.iter().any(|w| chain.nominal_words.contains(w)))
}

/// Score one cluster; with `list`, print what was judged.
pub(crate) fn cluster(
    dir: &Path,
    name: &str,
    chains: &[Chain],
    notes: &Notes,
    list: bool,
) -> Totals {
    let mut t = Totals {
        clusters: 1,
        ..Totals::default()
    };
    let (mut docs, _) = brief::ingest::ingest(dir, &Default::default()).unwrap_or_default();
    brief::ingest::duplicates::mark(&mut docs);
    let corpus = Corpus::new(docs);
    let brief = brief::brief_corpus(&corpus, &Default::default(), Vec::new(), name);
    if list {
        println!("\n## {name}");
    }
    actors(&brief, name, chains, notes, list, &mut t);
    speakers(&corpus, name, notes, list, &mut t);
    issues(&brief, &corpus, name, notes, list, &mut t);
    t
}

fn actors(brief: &Brief, name: &str, chains: &[Chain], notes: &Notes, list: bool, t: &mut Totals) {
    let mut by_chain: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (rank, a) in brief.actors.iter().enumerate() {
        let surfaces: Vec<String> = std::iter::once(a.name.clone())
            .chain(a.aliases.iter().cloned())
            .collect();
        let chain = best_chain(chains, &surfaces).filter(|c| !c.kinds.is_empty());
        if let Some(c) = chain {
            by_chain.entry(&c.name).or_default().push(&a.name);
        }
        let owned = all_chains(chains, &surfaces);
        let merged = owned.len() > 1;
        t.merges += usize::from(merged);
        if rank >= 10 {
            continue;
        }
        t.top += 1;
        let judged = notes.judged.get(&(name.to_string(), a.name.clone()));
        let role = a.role.as_deref().map(|r| {
            // A hand judgement of this very role wins; the word match is the fallback.
            let key = (name.to_string(), a.name.clone(), r.to_string());
            match notes.roles.get(&key) {
                Some(&sensible) => Some(sensible),
                None => role_ok(r, chain),
            }
        });
        t.roles += usize::from(a.role.is_some());
        let verdict = match (judged.map(String::as_str), chain) {
            (Some("ok"), _) if role == Some(Some(false)) => "role",
            (Some("ok"), _) => "ok",
            (Some("kind"), _) => "kind",
            (Some("role"), _) => "role",
            (Some(_), _) => "junk",
            (None, None) => "unjudged",
            (None, Some(c)) if !c.kinds.contains(&a.kind) => "kind",
            (None, Some(_)) if role == Some(Some(false)) => "role",
            (None, Some(_)) => "ok",
        };
        match verdict {
            "ok" => t.right += 1,
            "kind" => t.wrong_kind += 1,
            "role" => t.bad_role += 1,
            "unjudged" => t.unjudged += 1,
            _ => t.unmatched += 1,
        }
        if list {
            println!(
                "  {:<9} {} [{:?}] m={} o={} s={:.3} role={:?} aliases={:?} gold={}{}",
                verdict,
                a.name,
                a.kind,
                a.mentions,
                a.outlets.len(),
                a.salience,
                a.role,
                a.aliases,
                chain.map_or("-", |c| c.name.as_str()),
                if merged { " MERGE" } else { "" }
            );
        }
    }
    for (c, names) in &by_chain {
        if names.len() > 1 {
            t.splits += names.len() - 1;
            if list {
                println!("  SPLIT {c}: {names:?}");
            }
        }
    }
}

/// Whether the credited actor is one of the gold alternatives ("Kim Jong-un|North Korea").
fn speaker_matches(gold: &str, actor: Option<&Actor>) -> bool {
    gold.split('|').any(|g| match actor {
        None => g == "none",
        Some(a) => {
            let g = norm(g);
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .any(|s| norm(s) == g || norm(s).rsplit(' ').next() == g.rsplit(' ').next())
        }
    })
}

fn speakers(corpus: &Corpus, name: &str, notes: &Notes, list: bool, t: &mut Totals) {
    let wanted: BTreeMap<(String, usize), &String> = notes
        .speakers
        .iter()
        .filter(|((c, _, _), _)| c == name)
        .map(|((_, d, p), s)| ((d.clone(), *p), s))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let actors = extract_actors(corpus);
    let centrality = centrality_of(&Lexicon::new(corpus));
    let statements: Vec<Statement> = extract_statements(corpus, &actors, &centrality);
    let mut found: BTreeSet<(String, usize)> = BTreeSet::new();
    for s in &statements {
        for o in &s.occurrences {
            let doc = &corpus.docs[o.doc];
            let key = (stem(&doc.path), paragraph(&doc.raw, o.span.start));
            let Some(gold) = wanted.get(&key) else {
                continue;
            };
            found.insert(key.clone());
            t.speaker_statements += 1;
            let actor = s.actor.and_then(|i| actors.get(i));
            let right = speaker_matches(gold, actor);
            t.speaker_right += usize::from(right);
            if list && !right {
                println!(
                    "  SPEAKER {}:{} gold={gold} got={:?} phrase={:?}",
                    key.0,
                    key.1,
                    actor.map(|a| &a.name),
                    s.speaker
                );
            }
        }
    }
    t.speaker_notes += wanted.len();
    t.speaker_found += found.len();
    if list {
        for k in wanted.keys().filter(|k| !found.contains(*k)) {
            println!("  SPEAKER {}:{} missed (gold {})", k.0, k.1, wanted[k]);
        }
    }
}

fn stem(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".txt").unwrap_or(file).to_string()
}

fn issues(brief: &Brief, corpus: &Corpus, name: &str, notes: &Notes, list: bool, t: &mut Totals) {
    let has = notes.has_issue.get(name).copied();
    let mut real_listed = 0;
    for issue in &brief.open_issues {
        let Some(c) = issue.citations.first() else {
            continue;
        };
        let Some(doc) = corpus.docs.iter().find(|d| d.path == c.doc) else {
            continue;
        };
        let key = (
            name.to_string(),
            stem(&doc.path),
            paragraph(&doc.raw, c.span[0]),
        );
        let judged = notes.issue_real.get(&key).copied();
        t.listed += 1;
        match judged {
            Some(true) => t.listed_real += 1,
            Some(false) => {}
            None => t.listed_unjudged += 1,
        }
        real_listed += usize::from(judged == Some(true));
        if list {
            let mark = match judged {
                Some(true) => "real",
                Some(false) => "NOT",
                None => "unjudged",
            };
            println!(
                "  ISSUE {mark} {}\t{}\t{}: {}",
                key.0, key.1, key.2, issue.text
            );
        }
    }
    match has {
        Some(true) => {
            t.has_issue += 1;
            t.issue_found += usize::from(real_listed > 0);
        }
        Some(false) => {
            t.no_issue_clusters += 1;
            t.no_issue_listed += usize::from(!brief.open_issues.is_empty());
        }
        None => {}
    }
    let _ = ActorKind::Person;
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "n/a".into()
    } else {
        format!("{:.3} ({a}/{b})", a as f64 / b as f64)
    }
}

/// Print the summary tables.
pub(crate) fn print(sets: &[(&str, Totals)]) {
    let mut all = Totals::default();
    sets.iter()
        .filter(|(n, _)| !n.contains("judged"))
        .for_each(|(_, t)| all.add(t));
    let rows: Vec<(&str, &Totals)> = sets
        .iter()
        .map(|(n, t)| (*n, t))
        .chain([("all", &all)])
        .collect();
    println!("\n### Top-10 actors\n");
    println!(
        "| set | clusters | precision@10 (of judged) | precision@10 (unjudged = wrong) | wrong entity | unjudged | wrong kind | bad role | roles | splits | merges |"
    );
    println!("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (n, t) in &rows {
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            t.clusters,
            ratio(t.right, t.top - t.unjudged),
            ratio(t.right, t.top),
            t.unmatched,
            t.unjudged,
            t.wrong_kind,
            t.bad_role,
            t.roles,
            t.splits,
            t.merges
        );
    }
    println!("\n### Speakers (annotated paragraphs) and open issues (annotated clusters)\n");
    println!(
        "| set | speaker accuracy | paragraphs with a statement | issue found | listed real (of judged) | listed unjudged | listed where none |"
    );
    println!("|---|---|---|---|---|---:|---|");
    for (n, t) in &rows {
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} |",
            ratio(t.speaker_right, t.speaker_statements),
            ratio(t.speaker_found, t.speaker_notes),
            ratio(t.issue_found, t.has_issue),
            ratio(t.listed_real, t.listed - t.listed_unjudged),
            t.listed_unjudged,
            ratio(t.no_issue_listed, t.no_issue_clusters),
        );
    }
}
