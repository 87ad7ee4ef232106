//! Throughput of `brief build` on generated corpora, stage by stage.
//!
//! ```sh
//! cargo bench --bench pipeline                  # 10, 100, 1,000, 3,000 and 10,000 articles
//! cargo bench --bench pipeline -- 10 1000       # chosen sizes
//! python3 benches/plot.py                       # docs/scaling.svg from the figures
//! ```
//!
//! Corpora come from `benches/support/gen_corpus.rs` (seed 42) and are written once into
//! `target/bench-corpus/N`. For each size the bench times the library stages in this process
//! (best of a few runs for small sizes) and then the whole `brief build DIR -o out.md` and
//! `-o out.html` as separate processes under `/usr/bin/time`, which reports their CPU time
//! and peak memory. It prints Markdown tables and writes `target/bench-results.csv`.

#[path = "support/gen_corpus.rs"]
mod gen_corpus;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use brief::brief::{Analysis, Limits};
use brief::extract::{entities, figures, framing, issues, quotes, timeline};
use brief::rank::{self, Scores, select::SelectConfig};
use brief::render::Renderer;
use brief::text::Corpus;

// The same allocator as the `brief` binary, so in-process stage times match the process's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10, 100, 1000, 3000, 10000]
    } else {
        sizes
    };
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    let root = target.join("bench-corpus");
    let mut process_rows = Vec::new();
    let mut stage_rows = Vec::new();
    let mut csv = String::from("articles,mb,wall_md_s,cpu_md_s,wall_html_s,peak_rss_mb\n");
    for n in sizes {
        let dir = root.join(n.to_string());
        if !dir.exists() {
            let made = gen_corpus::generate(&dir, n, 42);
            assert!(made.is_ok(), "gen-corpus failed: {made:?}");
        }
        let mb = folder_bytes(&dir) as f64 / 1e6;
        let runs = if n <= 100 { 20 } else { 1 };
        let stages = (0..runs.min(5))
            .map(|_| stages(&dir))
            .min_by_key(|t| t.iter().sum::<Duration>())
            .unwrap_or_default();
        let md = process(&dir, "md", runs);
        let html = process(&dir, "html", runs);
        let rss = md.rss_kib.max(html.rss_kib) as f64 / 1024.0;
        process_rows.push(format!(
            "| {n} | {mb:.2} | {:.3} | {:.3} | {:.3} | {:.0} | {:.1} | {rss:.0} |",
            md.wall,
            md.cpu,
            html.wall,
            n as f64 / md.wall,
            mb / md.wall,
        ));
        stage_rows.push(format!(
            "| {n} | {} |",
            stages
                .iter()
                .map(|d| format!("{:.1}", d.as_secs_f64() * 1e3))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        csv.push_str(&format!(
            "{n},{mb:.2},{:.4},{:.3},{:.4},{rss:.1}\n",
            md.wall, md.cpu, html.wall
        ));
        eprintln!("{n} articles done");
    }
    println!(
        "`brief build DIR -o out.md` and `-o out.html` as processes (wall: best of 20 up to 100 articles; CPU: mean):\n"
    );
    println!(
        "| articles | MB | md wall (s) | md CPU (s) | html wall (s) | articles/s | MB/s | peak RSS (MB) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in &process_rows {
        println!("{row}");
    }
    println!("\nStages inside one process, milliseconds, run one after another:\n");
    println!("| articles | {} |", STAGES.join(" | "));
    println!("|---:|{}", "---:|".repeat(STAGES.len()));
    for row in &stage_rows {
        println!("{row}");
    }
    let path = target.join("bench-results.csv");
    match std::fs::write(&path, csv) {
        Ok(()) => println!("\nFigures also in {}", path.display()),
        Err(err) => eprintln!("cannot write {}: {err}", path.display()),
    }
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
    "timeline+framing",
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
    let timeline = timeline::extract_timeline(&corpus, &actors);
    let framing = framing::extract_framing(&corpus, &actors);
    lap(&mut t);
    let analysis = Analysis {
        summary,
        actors,
        statements,
        issues,
        figures,
        comparisons,
        timeline,
        framing,
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
    let _ = renderer
        .as_ref()
        .map(|r| r.markdown(&brief, &Default::default()));
    lap(&mut t);
    let _ = renderer
        .as_ref()
        .map(|r| r.html(&brief, &Default::default()));
    lap(&mut t);
    t
}

/// One timed run of the `brief` binary.
#[derive(Clone, Copy)]
struct Run {
    /// Wall seconds.
    wall: f64,
    /// User + system CPU seconds.
    cpu: f64,
    /// Peak resident memory, KiB.
    rss_kib: u64,
}

/// `runs` runs of `brief build DIR -o out.FORMAT` as a process, timed by GNU time: the
/// fastest wall time, the mean CPU time (GNU time counts CPU in 10 ms ticks, so a short run
/// needs many runs for a usable mean) and the largest peak memory.
fn process(dir: &Path, format: &str, runs: usize) -> Run {
    let out = std::env::temp_dir().join(format!("brief-bench.{format}"));
    let mut best = Run {
        wall: f64::MAX,
        cpu: 0.0,
        rss_kib: 0,
    };
    let mut cpu_total = 0.0;
    let mut timed = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let output = Command::new("/usr/bin/time")
            .args(["-f", "%e %U %S %M"])
            .arg(env!("CARGO_BIN_EXE_brief"))
            .args(["build", "-q", "-o"])
            .arg(&out)
            .arg(dir)
            .output();
        let wall = started.elapsed().as_secs_f64();
        let Ok(output) = output else {
            eprintln!("/usr/bin/time not found: install GNU time");
            return best;
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        let fields: Vec<f64> = stderr
            .lines()
            .last()
            .unwrap_or("")
            .split(' ')
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [_, user, sys, rss] = fields[..] {
            cpu_total += user + sys;
            timed += 1;
            best.wall = best.wall.min(wall);
            best.rss_kib = best.rss_kib.max(rss as u64);
        }
    }
    if timed > 0 {
        best.cpu = cpu_total / f64::from(timed);
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
