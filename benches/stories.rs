//! Story detection: B-cubed precision, recall and F1 on mixed folders of known stories, and
//! time and peak memory on 10,000 generated articles.
//!
//! ```sh
//! cargo bench --bench stories                 # speed first, then duc2002 multinews ecbplus
//! cargo bench --bench stories -- ecbplus      # chosen sets (speed, duc2002, multinews, ecbplus)
//! ```
//!
//! The evaluation mixes are the whole `docs/` folders of `../shared/eval/data/duc2002` (59
//! stories), `multinews-dev` (1,000 stories) and `ecbplus-dev` (72 events, `NN_ecb` and
//! `NN_ecbplus` of a topic side by side): the story of an article is its first folder,
//! which story detection never sees (it reads the documents, not their paths). The speed
//! run generates `target/bench-corpus/10000` with `gen-corpus` (stories of about eight
//! articles, story = file number modulo the number of stories) and scores it too.
//!
//! `BRIEF_STORIES=join,merge,names,numbers,headline,k,floor,average` overrides the thresholds for tuning.

#[path = "support/gen_corpus.rs"]
mod gen_corpus;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use brief::ingest::{self, Document, IngestConfig};
use brief::stories::{self, Story, StoryConfig};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SETS: &[(&str, &str)] = &[
    ("duc2002", "DUC 2002 (59 stories)"),
    ("multinews", "Multi-News dev (1,000 stories)"),
    ("ecbplus", "ECB+ dev (72 events)"),
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| args.is_empty() || args.iter().any(|a| a == name);
    let cfg = config();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if wanted("speed") {
        speed(&root.join("target/bench-corpus/10000"), &cfg);
    }
    let data = root.join("../shared/eval/data");
    let mut rows = Vec::new();
    for &(name, label) in SETS {
        if !wanted(name) || name == "speed" {
            continue;
        }
        let dir = data.join(dir_name(name)).join("docs");
        if !dir.is_dir() {
            eprintln!(
                "{label}: {} not found; the evaluation data lives in ../shared/eval (see its README)",
                dir.display()
            );
            continue;
        }
        let (docs, secs) = timed(|| read(&dir));
        let gold: Vec<String> = docs.iter().map(|d| first_folder(&d.path)).collect();
        if std::env::var_os("BRIEF_STORIES_DUMP").is_some() {
            dump(name, &docs, &gold, &cfg);
        }
        let (found, cluster_secs) = timed(|| stories::detect(&docs, &cfg));
        let score = bcubed(&gold, &labels(&found, docs.len()));
        rows.push(format!(
            "| {label} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.2} s | {:.2} s |",
            docs.len(),
            distinct(&gold),
            found.len(),
            score.0,
            score.1,
            score.2,
            secs,
            cluster_secs
        ));
    }
    if !rows.is_empty() {
        println!(
            "\n| mix | articles | gold stories | found | B3 precision | B3 recall | B3 F1 | ingest | stories |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for row in rows {
            println!("{row}");
        }
    }
}

fn dir_name(set: &str) -> &str {
    match set {
        "multinews" => "multinews-dev",
        "ecbplus" => "ecbplus-dev",
        other => other,
    }
}

/// The default configuration, or the one in `BRIEF_STORIES`.
fn config() -> StoryConfig {
    let mut cfg = StoryConfig::default();
    if let Ok(spec) = std::env::var("BRIEF_STORIES") {
        let v: Vec<f32> = spec
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect();
        let get = |i: usize, d: f32| v.get(i).copied().unwrap_or(d);
        cfg.pass.join = get(0, cfg.pass.join);
        cfg.merge.merge = get(1, cfg.merge.merge);
        cfg.features.names = get(2, cfg.features.names);
        cfg.features.numbers = get(3, cfg.features.numbers);
        cfg.features.headline = get(4, cfg.features.headline);
        cfg.density.k = get(5, cfg.density.k as f32) as usize;
        cfg.density.floor = get(6, cfg.density.floor);
        cfg.pass.average = get(7, f32::from(u8::from(cfg.pass.average))) > 0.5;
        eprintln!("config: {cfg:?}");
    }
    cfg
}

/// Ingest a folder as `brief` does, copies marked.
fn read(dir: &Path) -> Vec<Document> {
    match ingest::ingest(dir, &IngestConfig::default()) {
        Ok((mut docs, _)) => {
            ingest::duplicates::mark(&mut docs);
            docs
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            Vec::new()
        }
    }
}

fn speed(dir: &Path, cfg: &StoryConfig) {
    if !dir.exists() {
        if let Err(e) = gen_corpus::generate(dir, 10_000, 42) {
            eprintln!("gen-corpus failed ({e}); no speed run");
            return;
        }
    }
    let (docs, ingest_secs) = timed(|| read(dir));
    let (found, secs) = timed(|| stories::detect(&docs, cfg));
    let n_stories = docs.len().div_ceil(8);
    let gold: Vec<String> = docs
        .iter()
        .map(|d| {
            let n: usize = d.path.trim_end_matches(".md").parse().unwrap_or(0);
            (n % n_stories).to_string()
        })
        .collect();
    let score = bcubed(&gold, &labels(&found, docs.len()));
    println!(
        "10,000 generated articles: ingest {ingest_secs:.2} s, stories {secs:.2} s, {} stories found \
         (gold {n_stories}), B3 F1 {:.3}, peak memory {} MB",
        found.len(),
        score.2,
        peak_mb()
    );
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed().as_secs_f64())
}

fn first_folder(path: &str) -> String {
    path.split('/').next().unwrap_or(path).to_string()
}

fn distinct(labels: &[String]) -> usize {
    labels
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

fn labels(stories: &[Story], n: usize) -> Vec<String> {
    let mut out = vec![String::new(); n];
    for s in stories {
        for &d in &s.docs {
            out[d] = s.id.to_string();
        }
    }
    out
}

/// B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items.
fn bcubed(gold: &[String], found: &[String]) -> (f64, f64, f64) {
    let mut pair: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    let mut g: BTreeMap<&str, f64> = BTreeMap::new();
    let mut f: BTreeMap<&str, f64> = BTreeMap::new();
    for (a, b) in gold.iter().zip(found) {
        *pair.entry((a, b)).or_default() += 1.0;
        *g.entry(a).or_default() += 1.0;
        *f.entry(b).or_default() += 1.0;
    }
    let n = gold.len().max(1) as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for (&(a, b), &count) in &pair {
        p += count * count / f[b];
        r += count * count / g[a];
    }
    let (p, r) = (p / n, r / n);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

/// Peak resident memory of this process in MB (Linux), or 0.
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// Write the article vectors for offline study: `gold<TAB>id:weight ...` per line.
fn dump(name: &str, docs: &[Document], gold: &[String], cfg: &StoryConfig) {
    let vectors = stories::features::vectors(docs, &cfg.features);
    let mut out = String::new();
    for (g, v) in gold.iter().zip(&vectors) {
        out.push_str(g);
        out.push('\t');
        for (id, w) in v {
            out.push_str(&format!("{id}:{w} "));
        }
        out.push('\n');
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/stories-{name}.tsv"));
    let _ = std::fs::write(path, out);
}
