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
//! `BRIEF_STORIES=link,names,numbers,prior_docs,neighbours,scale_rank,floor,headline,single_pass,window_days,probe,keep,time`
//! overrides the settings for tuning.
//!
//! `ceiling` is the F1 of the gold itself once stories sharing a copied article are joined
//! (copies always go with their original) and pages of web furniture stand alone (as story
//! detection leaves them: `stories::features::page_furniture`).
//!
//! For DUC 2002 and ECB+ it also runs each story's folder on its own and counts the folders
//! found to be one story (the edition decides between one brief and an edition on it).

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
        let single = if name == "multinews" {
            "".to_string()
        } else {
            let (one, all) = one_story_folders(&dir, &cfg);
            format!("{one}/{all}")
        };
        let ceiling = bcubed(&gold, &copies_joined(&docs, &gold)).2;
        rows.push(format!(
            "| {label} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {ceiling:.3} | {single} | {:.2} s | {:.2} s |",
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
            "\n| mix | articles | gold stories | found | B3 precision | B3 recall | B3 F1 | ceiling | one-story folders | ingest | stories |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
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
        cfg.link = get(0, cfg.link);
        cfg.features.names = get(1, cfg.features.names);
        cfg.features.numbers = get(2, cfg.features.numbers);
        cfg.features.prior_docs = get(3, cfg.features.prior_docs);
        cfg.graph.neighbours = get(4, cfg.graph.neighbours as f32) as usize;
        cfg.graph.scale_rank = get(5, cfg.graph.scale_rank as f32) as usize;
        cfg.graph.floor = get(6, cfg.graph.floor);
        cfg.features.headline = get(7, cfg.features.headline);
        cfg.single_pass = get(8, f32::from(u8::from(cfg.single_pass))) > 0.5;
        cfg.pass.window_days = get(9, cfg.pass.window_days);
        cfg.graph.time = get(12, f32::from(u8::from(cfg.graph.time))) > 0.5;
        cfg.graph.probe = get(10, cfg.graph.probe as f32) as usize;
        cfg.graph.limits.keep = get(11, cfg.graph.limits.keep as f32) as usize;
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
    if !dir.exists()
        && let Err(e) = gen_corpus::generate(dir, 10_000, 42)
    {
        eprintln!("gen-corpus failed ({e}); no speed run");
        return;
    }
    let cpu_start = cpu_secs();
    let (docs, ingest_secs) = timed(|| read(dir));
    let cpu_ingest = cpu_secs();
    let (found, secs) = timed(|| stories::detect(&docs, cfg));
    let cpu_stories = cpu_secs();
    let (_, feature_secs) = timed(|| stories::features::vectors(&docs, &cfg.features));
    let cpu_features = cpu_secs();
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
        "10,000 generated articles: ingest {ingest_secs:.2} s, stories {secs:.2} s (of which \
         features {feature_secs:.2} s), {} stories found \
         (gold {n_stories}), B3 F1 {:.3}, peak memory {} MB",
        found.len(),
        score.2,
        peak_mb()
    );
    println!(
        "CPU time: ingest {:.2} s, stories {:.2} s (features {:.2} s)",
        cpu_ingest - cpu_start,
        cpu_stories - cpu_ingest,
        cpu_features - cpu_stories
    );
}

/// The gold stories with every two that share a copied article joined: copies go with
/// their original, so no grouping of articles can beat this one's F1 by much.
fn copies_joined(docs: &[Document], gold: &[String]) -> Vec<String> {
    let mut root: BTreeMap<String, String> = BTreeMap::new();
    fn find(root: &BTreeMap<String, String>, mut x: String) -> String {
        while let Some(up) = root.get(&x).filter(|up| **up != x) {
            x = up.clone();
        }
        x
    }
    let alone: Vec<bool> = docs.iter().map(stories::features::page_furniture).collect();
    for (i, doc) in docs.iter().enumerate() {
        if alone[i] {
            continue;
        }
        if let Some(o) = doc.duplicate_of.filter(|&o| o < gold.len() && !alone[o]) {
            let (a, b) = (find(&root, gold[i].clone()), find(&root, gold[o].clone()));
            if a != b {
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                root.insert(hi, lo);
            }
        }
    }
    gold.iter()
        .enumerate()
        .map(|(i, g)| {
            if alone[i] {
                format!("alone {i}")
            } else {
                find(&root, g.clone())
            }
        })
        .collect()
}

/// How many of the story folders under `dir`, each clustered on its own, come out as one
/// story, and how many folders there are.
fn one_story_folders(dir: &Path, cfg: &StoryConfig) -> (usize, usize) {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    let one = folders
        .iter()
        .filter(|folder| stories::detect(&read(folder), cfg).len() == 1)
        .count();
    (one, folders.len())
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

/// User plus system CPU time of this process in seconds (Linux), or 0.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the stat line, 12 and 13 after the ')'.
    (ticks(11) + ticks(12)) / 100.0
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

/// Write the article features for offline study: `gold<TAB>path<TAB>date<TAB>duplicate_of<TAB>key=count ...`
/// per line (raw counts, before tf-idf), into `target/stories-NAME.tsv`.
fn dump(name: &str, docs: &[Document], gold: &[String], cfg: &StoryConfig) {
    let counts = stories::features::raw_counts(docs, &cfg.features);
    let mut out = String::new();
    for ((g, doc), c) in gold.iter().zip(docs).zip(&counts) {
        let dup = doc.duplicate_of.map_or(String::new(), |d| d.to_string());
        let date = doc.meta.date.as_deref().unwrap_or("");
        out.push_str(&format!("{g}\t{}\t{date}\t{dup}\t", doc.path));
        for (key, w) in c {
            out.push_str(&format!("{}={w} ", key.replace(' ', "_")));
        }
        out.push('\n');
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/stories-{name}.tsv"));
    let _ = std::fs::write(path, out);
}
