//! Generate a synthetic multi-outlet news folder (the benchmarks' corpus):
//!
//! ```sh
//! cargo run --release --example gen-corpus -- target/bench-corpus/1000 1000 [SEED]
//! ```
//!
//! An example, not a binary, so `cargo install` installs only `brief`.

#[path = "../benches/support/gen_corpus.rs"]
mod gen_corpus;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(n)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen-corpus DIR N [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    let dir = std::path::PathBuf::from(dir);
    let bytes = gen_corpus::generate(&dir, n, seed)?;
    eprintln!("{n} articles, {bytes} bytes in {}", dir.display());
    Ok(())
}
