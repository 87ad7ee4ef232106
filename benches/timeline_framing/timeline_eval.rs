//! Timeline part of the `timeline_framing` benchmark.

use std::collections::BTreeMap;
use std::path::Path;

use brief::extract::{entities, timeline};
use brief::ingest::{IngestConfig, ingest};
use brief::text::Corpus;
use serde_json::Value;

const TYPES: [&str; 3] = ["TIME_DATE", "TIME_OF_THE_DAY", "TIME_DURATION"];

#[derive(Default)]
struct Counts {
    gold: usize,
    found: usize,
    missing_text: usize,
}

/// Detection recall (per type and overall) and precision over annotated sentences.
pub(crate) fn detection(dir: &Path) {
    let mut per_type: BTreeMap<&str, Counts> = BTreeMap::new();
    let (mut detected, mut correct) = (0, 0);
    let mut files: Vec<_> = std::fs::read_dir(dir.join("gold"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(g) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        // (doc, sentence) -> gold time mentions (type, text); every TIME_* counts for precision.
        let mut gold: BTreeMap<(String, u64), Vec<(String, String)>> = BTreeMap::new();
        for chain in g["entity_chains"].as_array().into_iter().flatten() {
            for m in chain["mentions"].as_array().into_iter().flatten() {
                let ty = m["type"].as_str().unwrap_or("");
                if !ty.starts_with("TIME") || m["annotated_sentence"] != true {
                    continue;
                }
                let key = (
                    m["doc"].as_str().unwrap_or("").to_string(),
                    m["sentence"].as_u64().unwrap_or(0),
                );
                gold.entry(key)
                    .or_default()
                    .push((ty.to_string(), m["text"].as_str().unwrap_or("").to_string()));
            }
        }
        let Some(sentences) = g["doc_sentences"].as_object() else {
            continue;
        };
        let Some(annotated) = g["annotated_sentences"].as_object() else {
            continue;
        };
        for (doc, ids) in annotated {
            for id in ids
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
            {
                let Some(sentence) = sentences[doc]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|s| s[0].as_u64() == Some(id))
                    .and_then(|s| s[1].as_str())
                else {
                    continue;
                };
                let found = timeline::detect(sentence);
                let mentions = gold.get(&(doc.clone(), id)).cloned().unwrap_or_default();
                // Each gold mention at its own occurrence of its text in the sentence.
                let mut used: BTreeMap<String, usize> = BTreeMap::new();
                let mut spans = Vec::new();
                for (ty, text) in &mentions {
                    let k = used.entry(text.clone()).or_default();
                    let at = sentence
                        .match_indices(text.as_str())
                        .nth(*k)
                        .map(|(i, _)| i);
                    *k += 1;
                    let counts = per_type.entry(type_name(ty)).or_default();
                    let Some(at) = at else {
                        if TYPES.contains(&ty.as_str()) {
                            counts.missing_text += 1;
                        }
                        continue;
                    };
                    let span = at..at + text.len();
                    if TYPES.contains(&ty.as_str()) {
                        counts.gold += 1;
                        if found
                            .iter()
                            .any(|f| f.span.start < span.end && span.start < f.span.end)
                        {
                            counts.found += 1;
                        }
                    }
                    spans.push(span);
                }
                detected += found.len();
                correct += found
                    .iter()
                    .filter(|f| {
                        spans
                            .iter()
                            .any(|s| f.span.start < s.end && s.start < f.span.end)
                    })
                    .count();
            }
        }
    }
    println!("## Temporal expressions: detection on ECB+ dev (annotated sentences)\n");
    println!("| gold type | mentions | found | recall |\n|---|---|---|---|");
    let (mut g, mut f) = (0, 0);
    for ty in TYPES {
        let c = per_type.remove(ty).unwrap_or_default();
        g += c.gold;
        f += c.found;
        println!(
            "| {ty} | {} | {} | {:.1}% |",
            c.gold,
            c.found,
            pct(c.found, c.gold)
        );
        if c.missing_text > 0 {
            eprintln!(
                "  ({} {ty} mentions not found verbatim in their sentence, skipped)",
                c.missing_text
            );
        }
    }
    println!("| all three | {g} | {f} | {:.1}% |", pct(f, g));
    println!(
        "\nprecision: {correct} of {detected} detected expressions overlap a gold time mention = {:.1}%\n",
        pct(correct, detected)
    );
}

fn type_name(ty: &str) -> &'static str {
    TYPES.into_iter().find(|t| *t == ty).unwrap_or("other")
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Resolution accuracy on the hand-annotated sample: `folder doc expression occurrence date`.
pub(crate) fn resolution(shared: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timeline_resolution.tsv");
    let Ok(tsv) = std::fs::read_to_string(&data) else {
        eprintln!("{} missing", data.display());
        return;
    };
    let mut corpora: BTreeMap<String, (Corpus, Vec<timeline::Event>)> = BTreeMap::new();
    let (mut total, mut right, mut unresolved) = (0, 0, 0);
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [folder, doc, expr, nth, want] = cols[..] else {
            continue;
        };
        let nth: usize = nth.parse().unwrap_or(1);
        let entry = corpora.entry(folder.to_string()).or_insert_with(|| {
            let (docs, _) =
                ingest(&shared.join(folder), &IngestConfig::default()).unwrap_or_default();
            let corpus = Corpus::new(docs);
            let events = timeline::extract_timeline(&corpus, &[]);
            (corpus, events)
        });
        let (corpus, _) = &entry;
        total += 1;
        let got = timeline::resolve_in(corpus, doc, expr, nth);
        match got {
            Some(w) if w == want => right += 1,
            Some(w) => eprintln!("  wrong: {folder} {doc} {expr:?}: {w}, annotated {want}"),
            None => {
                unresolved += 1;
                eprintln!("  unresolved: {folder} {doc} {expr:?}, annotated {want}");
            }
        }
    }
    println!("## Temporal expressions: resolution on the annotated sample\n");
    println!(
        "{right} of {total} resolved as annotated = {:.1}% ({unresolved} left unresolved)\n",
        pct(right, total)
    );
}

/// The Geneva timeline, for a look.
pub(crate) fn geneva(dir: &Path) {
    let Ok((docs, _)) = ingest(dir, &IngestConfig::default()) else {
        return;
    };
    let corpus = Corpus::new(docs);
    let actors = entities::extract_actors(&corpus);
    println!("## Geneva timeline\n");
    for e in timeline::extract_timeline(&corpus, &actors) {
        let s = &corpus.sentences[e.sentences[0].sentence];
        println!(
            "- {}{} {}..{} {:?} [{} outlets] {} | {}",
            if e.background { "(background) " } else { "" },
            format!("{:?}", e.certainty).to_lowercase(),
            e.when.start,
            e.when.end,
            e.when.grain,
            e.support,
            brief::text::fold(corpus.text(s)),
            e.actors.join(", ")
        );
    }
    println!();
}
