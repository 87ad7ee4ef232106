//! Throughput of `brief build` on generated corpora, stage by stage.
//!
//! ```sh
//! cargo bench --bench pipeline                  # 10, 100, 1,000 and 10,000 articles
//! cargo bench --bench pipeline -- 10 1000       # chosen sizes
//! ```
//!
//! Corpora come from `src/bin/gen-corpus.rs` (seed 42) and are written once into
//! `target/bench-corpus/N`. For each size the bench times the library stages in this process
//! (best of a few runs for small sizes) and then the whole `brief build DIR -o out.md` and
//! `-o out.html` as separate processes under `/usr/bin/time`, which reports their peak memory.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use brief::brief::{Analysis, Limits};
use brief::extract::{entities, figures, issues, quotes};
use brief::rank::{self, Scores, select::SelectConfig};
use brief::render::Renderer;
use brief::text::Corpus;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10, 100, 1000, 10000]
    } else {
        sizes
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    println!(
        "| articles | MB | process md (s) | process html (s) | articles/s | MB/s | peak RSS (MB) | {} |",
        STAGES.join(" | ")
    );
    println!("|{}", "---|".repeat(7 + STAGES.len()));
    for n in sizes {
        let dir = root.join(n.to_string());
        if !dir.exists() {
            let status = Command::new(env!("CARGO_BIN_EXE_gen-corpus"))
                .arg(&dir)
                .arg(n.to_string())
                .status();
            assert!(status.is_ok_and(|s| s.success()), "gen-corpus failed");
        }
        let mb = folder_bytes(&dir) as f64 / 1e6;
        let runs = if n <= 100 { 5 } else { 1 };
        let stages = (0..runs)
            .map(|_| stages(&dir))
            .min_by_key(|t| t.iter().sum::<Duration>())
            .unwrap_or_default();
        let (md, rss_md) = process(&dir, "md", runs);
        let (html, rss_html) = process(&dir, "html", runs);
        let rss = rss_md.max(rss_html);
        println!(
            "| {n} | {mb:.1} | {md:.3} | {html:.3} | {:.0} | {:.1} | {:.0} | {} |",
            n as f64 / md,
            mb / md,
            rss as f64 / 1024.0,
            stages
                .iter()
                .map(|d| format!("{:.1}", d.as_secs_f64() * 1e3))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    println!("\nStage columns are milliseconds inside one process.");
}

const STAGES: &[&str] = &[
    "ingest",
    "duplicates",
    "segment",
    "tf-idf+LexRank",
    "entities",
    "select",
    "statements",
    "issues",
    "figures",
    "assemble",
    "render md",
    "render html",
];

/// Time every library stage once, in pipeline order.
fn stages(dir: &Path) -> Vec<Duration> {
    let mut t = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |t: &mut Vec<Duration>| {
        t.push(clock.elapsed());
        clock = Instant::now();
    };
    let (mut docs, warnings) = brief::ingest::ingest(dir, &Default::default()).unwrap_or_default();
    lap(&mut t);
    brief::ingest::duplicates::mark(&mut docs);
    lap(&mut t);
    let corpus = Corpus::new(docs);
    lap(&mut t);
    let centrality = rank::centrality(&corpus);
    lap(&mut t);
    let actors = entities::extract_actors(&corpus);
    let salience = entities::sentence_salience(&corpus, &actors);
    lap(&mut t);
    let scores = Scores {
        centrality,
        salience,
    };
    let summary = rank::select(&corpus, &scores, &SelectConfig::default());
    lap(&mut t);
    let statements = quotes::extract_statements(&corpus, &actors, &scores.centrality);
    lap(&mut t);
    let issues = issues::extract_open_issues(&corpus, &scores.centrality);
    lap(&mut t);
    let figures = figures::extract_figures(&corpus);
    let comparisons = figures::compare_figures(&corpus, &figures);
    lap(&mut t);
    let analysis = Analysis {
        summary,
        actors,
        statements,
        issues,
        figures,
        comparisons,
    };
    let brief = brief::brief::assemble(
        &corpus,
        &analysis,
        &scores.centrality,
        warnings,
        "bench",
        &Limits::default(),
    );
    lap(&mut t);
    let renderer = Renderer::new(None).ok();
    let _ = renderer.as_ref().map(|r| r.markdown(&brief));
    lap(&mut t);
    let _ = renderer.as_ref().map(|r| r.html(&brief));
    lap(&mut t);
    t
}

/// Best wall time (s) and peak RSS (KiB) of `brief build DIR -o out.FORMAT` as a process.
fn process(dir: &Path, format: &str, runs: usize) -> (f64, u64) {
    let out = std::env::temp_dir().join(format!("brief-bench.{format}"));
    let mut best = (f64::MAX, 0);
    for _ in 0..runs {
        let started = Instant::now();
        let output = Command::new("/usr/bin/time")
            .args(["-f", "%e %M"])
            .arg(env!("CARGO_BIN_EXE_brief"))
            .args(["build", "-q", "-o"])
            .arg(&out)
            .arg(dir)
            .output();
        let secs = started.elapsed().as_secs_f64();
        let Ok(output) = output else {
            eprintln!("/usr/bin/time not found: install GNU time");
            return (0.0, 0);
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        let mut last = stderr.lines().last().unwrap_or("").split(' ').skip(1);
        let rss: u64 = last.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        if secs < best.0 {
            best = (secs, rss);
        }
    }
    best
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
