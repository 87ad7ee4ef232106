//! The committed example briefs in `briefings/` must be what `brief build` produces now.

use std::path::Path;

use super::brief;

#[test]
fn committed_example_briefs_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let story = entry.unwrap().path();
        let sources = story.join("sources");
        if !sources.is_dir() {
            continue;
        }
        let out = tempfile::tempdir().unwrap();
        let run = brief()
            .arg("build")
            .arg(&sources)
            .arg("--out-dir")
            .arg(out.path())
            .arg("-q")
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        for name in ["brief.md", "brief.html"] {
            let committed = std::fs::read_to_string(story.join(name)).unwrap_or_else(|_| {
                panic!(
                    "{} is missing: run `cargo run --release -- build {} --force`",
                    story.join(name).display(),
                    sources.display()
                )
            });
            let fresh = std::fs::read_to_string(out.path().join(name)).unwrap();
            assert!(
                committed == fresh,
                "{} is stale: run `cargo run --release -- build {} --force`",
                story.join(name).display(),
                sources.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 1, "no example story in briefings/");
}

/// The example brief's summary does not read as one outlet's story: the Harbour Ledger's
/// sentences would take four of the six points (as `summarize`, which has no outlet spread,
/// still takes them), but another outlet's near-equal point takes the place of one.
#[test]
fn the_example_summary_draws_on_several_outlets() {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/suez-2021-03/sources");
    let run = brief()
        .args(["build", "-o", "-", "-f", "json", "-q"])
        .arg(&sources)
        .output()
        .unwrap();
    assert!(run.status.success());
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let points = json["summary"].as_array().unwrap();
    assert_eq!(points.len(), 6);
    let mut alone = std::collections::BTreeMap::new();
    let mut cited = std::collections::BTreeSet::new();
    for p in points {
        let outlets: std::collections::BTreeSet<&str> = p["citations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["outlet"].as_str().unwrap())
            .collect();
        if outlets.len() == 1 {
            *alone.entry(*outlets.first().unwrap()).or_insert(0) += 1;
        }
        cited.extend(outlets);
    }
    assert!(alone.values().all(|&n| n <= 3), "{alone:?}");
    assert!(cited.len() >= 4, "{cited:?}");
    // Without the spread (summarize), the Harbour Ledger's four points.
    let run = brief()
        .args(["summarize", "--sentences", "6", "-q"])
        .arg(&sources)
        .output()
        .unwrap();
    let plain = String::from_utf8_lossy(&run.stdout);
    let shown: Vec<&str> = points.iter().map(|p| p["text"].as_str().unwrap()).collect();
    let unspread: Vec<&str> = plain.lines().collect();
    assert_eq!(unspread.len(), 6);
    assert_eq!(
        unspread.iter().filter(|t| !shown.contains(t)).count(),
        1,
        "{unspread:?}"
    );
}
