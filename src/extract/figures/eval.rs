//! Precision and recall of figure extraction against `tests/data/figures_annotated.tsv`:
//! hand-written news-style sentences with the expected figure spans. A predicted figure
//! counts as correct only when its span text matches an expected one exactly.

use super::extract_figures;
use crate::ingest::from_plain;
use crate::text::Corpus;

const ANNOTATED: &str = include_str!("../../../tests/data/figures_annotated.tsv");

/// (true positives, predicted, expected, misses and false alarms for the report)
fn score() -> (usize, usize, usize, Vec<String>) {
    let (mut tp, mut predicted, mut expected) = (0, 0, 0);
    let mut errors = Vec::new();
    for line in ANNOTATED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (sentence, spans) = line.split_once('\t').unwrap_or((line, ""));
        let mut gold: Vec<&str> = spans
            .split(" | ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let corpus = Corpus::new(vec![from_plain(0, "Test", sentence)]);
        let figures = extract_figures(&corpus);
        expected += gold.len();
        predicted += figures.len();
        for f in &figures {
            let shown = f.display(&corpus);
            match gold.iter().position(|g| *g == shown) {
                Some(k) => {
                    tp += 1;
                    gold.remove(k);
                }
                None => errors.push(format!("extra {shown:?} in: {sentence}")),
            }
        }
        errors.extend(gold.iter().map(|g| format!("missed {g:?} in: {sentence}")));
    }
    (tp, predicted, expected, errors)
}

#[test]
fn precision_and_recall_on_annotated_sentences() {
    let (tp, predicted, expected, errors) = score();
    let precision = tp as f64 / predicted.max(1) as f64;
    let recall = tp as f64 / expected.max(1) as f64;
    println!(
        "figures: precision {precision:.3} ({tp}/{predicted}), recall {recall:.3} ({tp}/{expected})"
    );
    for e in &errors {
        println!("  {e}");
    }
    assert!(
        expected >= 120,
        "the annotated set shrank: {expected} figures"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}
