//! The daily edition: speed on 10,000 articles, and how well the one-story/edition decision
//! and the day-to-day continuity work on real single-event folders.
//!
//! ```sh
//! cargo bench --bench edition              # all three parts
//! cargo bench --bench edition -- speed     # only the speed run
//! cargo bench --bench edition -- decide continuity
//! ```
//!
//! * `speed`: `brief build DIR --edition --out-dir OUT -q --force` on `target/bench-corpus/10000`
//!   (made by `benches/support/gen_corpus.rs`, seed 42) as a separate process under `/usr/bin/time`: wall
//!   time, CPU time and peak memory of the whole edition (ingest, stories, one brief per
//!   story, every page written).
//! * `decide`: each single-event folder of `../shared/eval/data` (DUC 2002 clusters, ECB+ dev
//!   topics) is read and its stories detected: how many would wrongly be built as an
//!   edition. Then folders mixing 2 to 5 of those events: how many are rightly editions.
//! * `continuity`: DUC 2002 clusters, five at a time, each split into day one (its first
//!   half of articles) and day two (the rest): day two's edition is built against day one's
//!   record, and a story of day two counts as right when it continues day one's story of
//!   the same cluster (by majority of articles), wrong when it is shown as new or continues
//!   another cluster's.
//!
//! The evaluation data is read from `../shared` and never copied; without it those parts say
//! so and are skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use brief::config::{Config, EditionMode};
use brief::document::Document;
use brief::edition::{self, History, Mode, Status};
use brief::ingest::{self, IngestConfig};
use brief::stories::{self, StoryConfig};

#[path = "support/gen_corpus.rs"]
mod gen_corpus;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let parts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |p: &str| parts.is_empty() || parts.iter().any(|a| a == p);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if want("speed") {
        speed(
            &root.join("target/bench-corpus/10000"),
            &root.join("target/bench-edition"),
        );
    }
    let data = root.join("../shared/eval/data");
    if !data.exists() {
        println!("no ../shared/eval/data: decide and continuity skipped");
        return;
    }
    let mut events: Vec<(String, PathBuf)> = Vec::new();
    for (set, sub) in [("duc2002", "duc2002/docs"), ("ecb+", "ecbplus-dev/docs")] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(data.join(sub))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect()
            })
            .unwrap_or_default();
        dirs.sort();
        events.extend(dirs.into_iter().map(|d| (set.to_string(), d)));
    }
    if want("decide") {
        decide(&events);
    }
    if want("continuity") {
        let duc: Vec<PathBuf> = events
            .iter()
            .filter(|(s, _)| s == "duc2002")
            .map(|(_, d)| d.clone())
            .collect();
        continuity(&duc);
    }
}

fn speed(corpus: &Path, out: &Path) {
    if !corpus.exists()
        && let Err(e) = gen_corpus::generate(corpus, 10_000, 42)
    {
        println!("speed: cannot generate {}: {e}", corpus.display());
        return;
    }
    let result = Command::new("/usr/bin/time")
        .args(["-f", "%e %U %S %M"])
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(["build", "-q", "--force", "--edition", "--out-dir"])
        .arg(out)
        .arg(corpus)
        .output();
    let Ok(result) = result else {
        println!("speed: /usr/bin/time not found");
        return;
    };
    let stderr = String::from_utf8_lossy(&result.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    let v: Vec<f64> = last
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let stories = std::fs::read_dir(out.join("stories")).map_or(0, |rd| rd.count());
    if v.len() == 4 {
        println!(
            "edition of 10,000 generated articles: {stories} stories, wall {:.1} s, CPU {:.1} s \
             (user {:.1} + sys {:.1}), peak RSS {:.0} MB, exit {}",
            v[0],
            v[1] + v[2],
            v[1],
            v[2],
            v[3] / 1024.0,
            result.status
        );
    } else {
        println!("speed: unexpected output: {stderr}");
    }
}

/// Ingest a folder as `brief` does, copies marked.
fn read(dir: &Path) -> Vec<Document> {
    match ingest::ingest(dir, &IngestConfig::default()) {
        Ok((mut docs, _)) => {
            ingest::duplicates::mark(&mut docs);
            docs
        }
        Err(_) => Vec::new(),
    }
}

fn decide(events: &[(String, PathBuf)]) {
    let cfg = StoryConfig::default();
    let mut by_set: BTreeMap<&str, (usize, usize, Vec<String>)> = BTreeMap::new();
    let mut docs_of: Vec<Vec<Document>> = Vec::new();
    let (mut one_event_links, mut mix_links) = (Vec::new(), Vec::new());
    for (set, dir) in events {
        let docs = read(dir);
        let found = stories::detect(&docs, &cfg);
        let d = edition::decide(&docs, &found, EditionMode::Auto);
        if let Some(b) = links(&docs, &found) {
            one_event_links.push(b);
        }
        let e = by_set.entry(set).or_default();
        e.0 += 1;
        if d.mode == Mode::Edition {
            e.1 += 1;
            let sizes: Vec<usize> = found.iter().map(|s| s.docs.len()).collect();
            e.2.push(format!(
                "{} {sizes:?}",
                dir.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
        docs_of.push(docs);
    }
    for (set, (n, wrong, which)) in &by_set {
        println!(
            "decide: {set}: {wrong} of {n} single-event folders would be built as an edition ({:.1} %){}",
            100.0 * *wrong as f64 / (*n).max(1) as f64,
            if which.is_empty() {
                String::new()
            } else {
                format!(": {}", which.join("; "))
            }
        );
    }
    // Mixed folders: k events, taken in a fixed stride so the mixes differ in kind.
    for k in 2..=5 {
        let (mut right, mut total) = (0, 0);
        let mut start = 0;
        while start + k * 7 <= docs_of.len() {
            let mut mix = Vec::new();
            for j in 0..k {
                mix.extend(docs_of[start + j * 7].iter().cloned());
            }
            for (i, d) in mix.iter_mut().enumerate() {
                d.id = i;
                d.duplicate_of = None;
            }
            ingest::duplicates::mark(&mut mix);
            let found = stories::detect(&mix, &cfg);
            if let Some(b) = links(&mix, &found) {
                mix_links.push(b);
            }
            total += 1;
            if edition::decide(&mix, &found, EditionMode::Auto).mode == Mode::Edition {
                right += 1;
            }
            start += 3;
        }
        println!("decide: folders mixing {k} events: {right} of {total} built as an edition");
    }
    if std::env::var_os("BRIEF_DECIDE_LINKS").is_some() {
        for (what, links) in [("one event", &one_event_links), ("mixes", &mix_links)] {
            let show: Vec<String> = links
                .iter()
                .map(|(a, n)| format!("{a:.2}/{n:.2}"))
                .collect();
            println!(
                "decide: weakest links (all/names) of {what}: {}",
                show.join(" ")
            );
        }
    }
}

/// The weakest link between the counted stories of a folder, over all features and over
/// names only; `None` with fewer than two counted stories.
fn links(docs: &[Document], found: &[stories::Story]) -> Option<(f32, f32)> {
    let l = edition::decide::links(docs, &edition::decide::counted(docs, found))?;
    Some((l.all, l.names))
}

fn continuity(duc: &[PathBuf]) {
    let cfg = StoryConfig::default();
    let config = Config::resolve(Path::new(".")).unwrap_or_else(|_| panic!("config"));
    let (mut right, mut new, mut wrong, mut stories_seen) = (0, 0, 0, 0);
    for group in duc.chunks(5) {
        let mut day1 = Vec::new();
        let mut day2 = Vec::new();
        let mut gold1 = Vec::new();
        let mut gold2 = Vec::new();
        for (c, dir) in group.iter().enumerate() {
            let docs = read(dir);
            let half = docs.len() / 2;
            for (i, d) in docs.into_iter().enumerate() {
                let mut d = d;
                d.duplicate_of = None;
                d.path = format!("{c}/{}", d.path);
                if i < half {
                    day1.push(d);
                    gold1.push(c);
                } else {
                    day2.push(d);
                    gold2.push(c);
                }
            }
        }
        for (docs, _) in [(&mut day1, ()), (&mut day2, ())] {
            for (i, d) in docs.iter_mut().enumerate() {
                d.id = i;
            }
            ingest::duplicates::mark(docs);
        }
        let found1 = stories::detect(&day1, &cfg);
        let built1 = edition::build(
            &day1,
            Vec::new(),
            &found1,
            &config,
            "day1",
            &History::default(),
        );
        let found2 = stories::detect(&day2, &cfg);
        let history = History {
            previous: Some(built1.record.clone()),
            same_day: None,
        };
        let built2 = edition::build(&day2, Vec::new(), &found2, &config, "day2", &history);
        // Majority cluster of each day-one story, by slug.
        let majority = |docs: &[usize], gold: &[usize]| -> usize {
            let mut count: BTreeMap<usize, usize> = BTreeMap::new();
            for &d in docs {
                *count.entry(gold[d]).or_default() += 1;
            }
            count
                .into_iter()
                .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
                .map_or(0, |(c, _)| c)
        };
        let path_index = |docs: &[Document]| -> BTreeMap<String, usize> {
            docs.iter()
                .enumerate()
                .map(|(i, d)| (edition::article_id(d), i))
                .collect()
        };
        let (idx1, idx2) = (path_index(&day1), path_index(&day2));
        let cluster1: BTreeMap<String, usize> = built1
            .record
            .stories
            .iter()
            .map(|s| {
                let docs: Vec<usize> = s
                    .articles
                    .iter()
                    .filter_map(|p| idx1.get(p).copied())
                    .collect();
                (s.slug.clone(), majority(&docs, &gold1))
            })
            .collect();
        for (entry, record) in built2.edition.stories.iter().zip(&built2.record.stories) {
            let docs: Vec<usize> = record
                .articles
                .iter()
                .filter_map(|p| idx2.get(p).copied())
                .collect();
            let c = majority(&docs, &gold2);
            let had = cluster1.values().any(|&x| x == c);
            if !had {
                continue;
            }
            stories_seen += 1;
            match entry.status {
                Status::New => new += 1,
                _ if cluster1.get(&entry.slug) == Some(&c) => right += 1,
                _ => wrong += 1,
            }
        }
    }
    println!(
        "continuity: DUC 2002 split in two days, {stories_seen} day-two stories whose event was in day one: \
         {right} continue the right story, {new} shown as new, {wrong} continue another story"
    );
}
