//! Time to build a brief from a folder holding one hostile article of each shape
//! (`tests/it/shapes.rs`) beside a plain one, as separate `brief build` processes.
//!
//! ```sh
//! cargo bench --bench hostile             # 10 MiB articles (just under the file limit)
//! cargo bench --bench hostile -- 1 4      # chosen sizes in MiB
//! ```
//!
//! Folders are written to `target/hostile-corpus/`. Each run is stopped after 300 s.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../tests/it/shapes.rs"]
mod shapes;

const OTHER: &str = "Canal reopens\n\nThe canal reopened on Monday after the ship was freed, \
the authority said. About 400 ships were waiting to pass, it said.\n";
const LIMIT: Duration = Duration::from_secs(300);

fn main() {
    let sizes: Vec<f64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![10.0] } else { sizes };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/hostile-corpus");
    println!("| shape | size | wall (s) | exit | warnings |");
    println!("|---|---|---|---|---|");
    for mib in sizes {
        // 4 KiB under the size asked, so a 10 MiB shape stays under the 10 MiB file limit.
        let n = (mib * 1024.0 * 1024.0) as usize - 4096;
        for (name, file, make) in shapes::SHAPES {
            let dir = root.join(file.replace('.', "-")).join(format!("{mib}"));
            std::fs::create_dir_all(&dir).expect("create the corpus folder");
            let mut body = make(n);
            body.truncate(floor(&body, n));
            std::fs::write(dir.join(file), &body).expect("write the article");
            std::fs::write(dir.join("other.txt"), OTHER).expect("write the article");
            let (secs, code, warnings) = run(&dir);
            println!(
                "| {name} | {:.1} MiB | {secs} | {code} | {warnings} |",
                body.len() as f64 / 1048576.0
            );
        }
    }
}

/// Largest char boundary at or below `n`.
fn floor(s: &str, mut n: usize) -> usize {
    n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Wall time, exit status and warnings of `brief build DIR -o DIR/../out.md`.
fn run(dir: &Path) -> (String, String, String) {
    let out = dir.with_extension("md");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("build")
        .arg(dir)
        .arg("-o")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run brief");
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let mut stderr = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
            }
            let warnings = stderr
                .lines()
                .map(|l| l.chars().take(90).collect::<String>())
                .collect::<Vec<_>>()
                .join("; ");
            let code = status
                .code()
                .map_or_else(|| "signal".to_string(), |c| c.to_string());
            return (
                format!("{:.2}", started.elapsed().as_secs_f64()),
                code,
                warnings,
            );
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return (
                format!("> {}", LIMIT.as_secs()),
                "killed".into(),
                String::new(),
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
