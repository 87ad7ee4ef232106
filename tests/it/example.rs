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
