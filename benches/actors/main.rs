//! Actors, positions and open issues on real multi-outlet clusters (issue 15).
//!
//! ```sh
//! cargo bench --bench actors                 # all dev clusters, summary tables
//! cargo bench --bench actors -- --list       # also every cluster's top actors, issues, speakers
//! cargo bench --bench actors -- 01_ecb event_0   # chosen clusters
//! ```
//!
//! Reads `../shared/eval/data/{ecbplus-dev,newswcl50-dev}` (third-party text, never copied
//! into the repository) and our own annotations in `tests/data/actors/`:
//! - top-10 actors of each brief against the gold entity chains: right entity (its names
//!   are gold mention strings of one chain, or we judged it in `judged.tsv`), right kind
//!   (the chain's type), sensible role (judged by hand in `roles.tsv`; a role not judged
//!   there must be no fragment and share a word with the entity's gold descriptors, when
//!   the gold has descriptors);
//! - alias splits (two listed actors for one gold chain) and merges (one actor whose names
//!   belong to two chains);
//! - speaker attribution on the paragraphs annotated in `speakers.tsv`;
//! - open issues: clusters whose text has one (`issues.tsv`, `has`) that get a real one
//!   listed, and listed issues judged real (`issues.tsv`, by paragraph).

mod gold;
mod score;

use std::path::{Path, PathBuf};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = args.iter().any(|a| a == "--list");
    let only: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with('-') && !a.is_empty())
        .collect();
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = repo.join("../shared/eval/data");
    if !data.is_dir() {
        eprintln!(
            "actors bench: {} is missing; this benchmark needs the shared dev data \
             (ECB+ and NewsWCL50 clusters) next to the repository. Nothing measured.",
            data.display()
        );
        return;
    }
    let notes = score::Notes::load(&repo.join("tests/data/actors"));
    let mut sets = Vec::new();
    let mut judged_sets = Vec::new();
    for set in ["ecbplus-dev", "newswcl50-dev"] {
        let root = data.join(set);
        let mut clusters: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .filter(|p| only.is_empty() || only.iter().any(|o| p.ends_with(o.as_str())))
            .collect();
        clusters.sort();
        let mut total = score::Totals::default();
        let mut judged = score::Totals::default();
        for dir in clusters {
            let name = file_name(&dir);
            let gold = root.join("gold").join(format!("{name}.json"));
            let r = score::cluster(&dir, &name, &gold::chains(&gold), &notes, list);
            total.add(&r);
            // Clusters whose every listed actor is judged (by gold or by hand): the
            // precision there is not inflated by leaving the hard cases out.
            if r.unjudged == 0 {
                judged.add(&r);
            }
        }
        sets.push((set, total));
        judged_sets.push((set, judged));
    }
    for (set, t) in judged_sets {
        sets.push((
            if set == "ecbplus-dev" {
                "ecbplus-dev, fully judged clusters"
            } else {
                "newswcl50-dev, fully judged clusters"
            },
            t,
        ));
    }
    score::print(&sets);
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
