//! Figures against hand-written gold: recall of real disagreements and precision of
//! "outlets differ", per cluster and overall.
//!
//! ```sh
//! cargo bench --bench figures            # every gold file in tests/data/figures_gold
//! cargo bench --bench figures -- -v      # also list the system's comparisons
//! ```
//!
//! The gold (`tests/data/figures_gold/*.toml`, written by hand; see its README) names the
//! measure words, each article's values and the status of every figure two or more
//! articles give. The clusters themselves are read from `../shared` (development data that
//! is not in the repository) and from `briefings/`; without `../shared` the bench says so
//! and scores what it can.
//!
//! A gold comparison and a system comparison match when the system's measure contains one
//! of the gold measure words and its figures carry the gold values of the same articles.
//! - Recall: a gold `differ` is found when a system `differ` carries gold values of at least
//!   two articles, with two different values among them.
//! - Precision: a system `differ` is right when it matches a gold `differ`; it is not scored
//!   when it carries a value the gold marks `unsure`; otherwise it is a false "differ".

use std::path::{Path, PathBuf};

use brief::extract::figures::{self, Comparison, Figure, Status};
use brief::text::Corpus;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    set: String,
    cluster: String,
    /// `"differs"`: the file lists only the comparisons the system once called "differ",
    /// judged by reading the articles; it scores precision, not recall.
    #[serde(default)]
    scope: Option<String>,
    comparison: Vec<GoldComparison>,
}

#[derive(Debug, Deserialize)]
struct GoldComparison {
    measure: Vec<String>,
    status: String,
    values: Vec<GoldValue>,
}

#[derive(Debug, Deserialize)]
struct GoldValue {
    doc: String,
    v: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
}

impl GoldValue {
    fn range(&self) -> (f64, f64) {
        match (self.v, self.low, self.high) {
            (Some(v), _, _) => (v, v),
            (None, Some(l), Some(h)) => (l, h),
            _ => (f64::NAN, f64::NAN),
        }
    }
}

struct Run {
    corpus: Corpus,
    figures: Vec<Figure>,
    comparisons: Vec<Comparison>,
    /// File stem of each document.
    stems: Vec<String>,
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/data/figures_gold"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    if !shared.exists() {
        println!("../shared is missing: only the clusters under briefings/ are scored.");
    }
    println!("| cluster | gold differ | found | system differ | right | unscored |");
    println!("|---|---|---|---|---|---|");
    let (mut gd, mut found, mut sd, mut right) = (0, 0, 0, 0);
    // Precision on the differ-only files (`scope = "differs"`), kept apart.
    let (mut sd_only, mut right_only) = (0, 0);
    let (mut gr, mut rev_found) = (0, 0);
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let gold: Gold = match toml::from_str(&text) {
            Ok(g) => g,
            Err(e) => {
                println!("{}: {e}", file.display());
                continue;
            }
        };
        let dir = match gold.set.as_str() {
            "briefings" => root.join("briefings").join(&gold.cluster).join("sources"),
            "corpus" => shared.join("corpus").join(&gold.cluster),
            set => shared
                .join("eval/data")
                .join(set)
                .join("docs")
                .join(&gold.cluster),
        };
        let Some(run) = run(&dir) else {
            continue;
        };
        let c = score(&gold, &run);
        let full = gold.scope.as_deref() != Some("differs");
        if full {
            gd += c.0;
            found += c.1;
        } else {
            sd_only += c.2;
            right_only += c.3;
        }
        sd += c.2;
        right += c.3;
        gr += c.5;
        rev_found += c.6;
        println!(
            "| {}{} | {} | {} | {} | {} | {} |",
            gold.cluster,
            if full { "" } else { " (differs only)" },
            c.0,
            c.1,
            c.2,
            c.3,
            c.4
        );
        if verbose {
            for k in &run.comparisons {
                if k.status != Status::Single {
                    let vals: Vec<String> = k
                        .figures
                        .iter()
                        .map(|&i| {
                            let f = &run.figures[i];
                            format!("{}={}", run.stems[f.doc], f.display(&run.corpus))
                        })
                        .collect();
                    println!("    {:?} {:?}: {}", k.status, k.measure, vals.join(", "));
                }
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.0}%", 100.0 * a as f64 / b as f64)
        }
    };
    println!(
        "| **all** | {gd} | {found} | {sd} | {right} | |\n\nrecall of real disagreements (full gold files): {} ({found}/{gd}); precision of \"outlets differ\": {} ({right}/{sd}; full gold files {}, differ-only files {}); revisions found: {rev_found}/{gr}",
        pct(found, gd),
        pct(right, sd),
        pct(right - right_only, sd - sd_only),
        pct(right_only, sd_only),
    );
}

fn run(dir: &Path) -> Option<Run> {
    let (mut docs, _) = brief::ingest::ingest(dir, &Default::default()).ok()?;
    if docs.is_empty() {
        return None;
    }
    brief::ingest::duplicates::mark(&mut docs);
    let corpus = Corpus::new(docs);
    let figures = figures::extract_figures(&corpus);
    let comparisons = figures::compare_figures(&corpus, &figures);
    let stems = corpus
        .docs
        .iter()
        .map(|d| {
            Path::new(&d.path)
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned())
        })
        .collect();
    Some(Run {
        corpus,
        figures,
        comparisons,
        stems,
    })
}

/// The gold values of `g` that figures of `k` carry: (doc, gold value) pairs.
fn carried(g: &GoldComparison, k: &Comparison, run: &Run) -> Vec<(String, f64)> {
    let measure = k.measure.to_lowercase();
    if !g.measure.iter().any(|w| measure.contains(w.as_str())) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &i in &k.figures {
        let f = &run.figures[i];
        let stem = &run.stems[f.doc];
        for gv in g.values.iter().filter(|gv| &gv.doc == stem) {
            let (lo, hi) = gv.range();
            let tol = 0.02 * hi.abs().max(1.0);
            let (fl, fh) = (f.value.low, f.value.high);
            if fl <= hi + tol
                && lo <= fh + tol
                && ((fl - lo).abs() <= tol || (fh - hi).abs() <= tol)
            {
                out.push((stem.clone(), lo));
            }
        }
    }
    out
}

/// (gold differ, found, system differ, right, unscored, gold revised, revised found)
fn score(gold: &Gold, run: &Run) -> (usize, usize, usize, usize, usize, usize, usize) {
    let strong = |g: &GoldComparison, k: &Comparison| {
        let c = carried(g, k, run);
        let docs: std::collections::BTreeSet<&str> = c.iter().map(|(d, _)| d.as_str()).collect();
        let first = c.first().map(|x| x.1);
        docs.len() >= 2 && c.iter().any(|x| Some(x.1) != first)
    };
    let with = |s: &'static str| gold.comparison.iter().filter(move |g| g.status == s);
    let differs: Vec<&Comparison> = run
        .comparisons
        .iter()
        .filter(|k| k.status == Status::Differ)
        .collect();
    let gd = with("differ").count();
    let found = with("differ")
        .filter(|g| differs.iter().any(|k| strong(g, k)))
        .count();
    let (mut right, mut unscored) = (0, 0);
    for k in &differs {
        if with("differ").any(|g| strong(g, k)) {
            right += 1;
        } else if with("unsure").any(|g| !carried(g, k, run).is_empty()) {
            unscored += 1;
        } else if with("differ").any(|g| !carried(g, k, run).is_empty())
            && !with("agree")
                .chain(with("revised"))
                .any(|g| carried(g, k, run).len() >= 2)
        {
            right += 1;
        }
    }
    let gr = with("revised").count();
    let rev_found = with("revised")
        .filter(|g| {
            run.comparisons
                .iter()
                .any(|k| k.status == Status::Revised && carried(g, k, run).len() >= 2)
        })
        .count();
    (
        gd,
        found,
        differs.len() - unscored,
        right,
        unscored,
        gr,
        rev_found,
    )
}
