//! Timeline and framing measured on real multi-outlet news with gold (read from `../shared`).
//!
//! ```sh
//! cargo bench --bench timeline_framing
//! ```
//!
//! (a) Temporal expressions: detection recall and precision against the ECB+ dev gold time
//! mentions (TIME_DATE, TIME_OF_THE_DAY, TIME_DURATION) in annotated sentences; resolution
//! accuracy on `tests/data/timeline_resolution.tsv`, dates we annotated by hand.
//! (b) Framing: against the NewsWCL50 dev concepts, the share of each top-five concept's
//! naming variants per outlet that the framing section shows, and how many shown names are
//! gold variants of another concept.
//! Geneva (`../shared/corpus/geneva-2016-09`) is printed as a sanity check.

mod framing_eval;
mod timeline_eval;

use std::path::PathBuf;

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.join("eval/data/ecbplus-dev").is_dir() {
        eprintln!(
            "timeline_framing: {} not found; this benchmark needs the shared evaluation data \
             (eval/data/ecbplus-dev, eval/data/newswcl50-dev, corpus/geneva-2016-09) next to the repository",
            shared.display()
        );
        return;
    }
    timeline_eval::detection(&shared.join("eval/data/ecbplus-dev"));
    timeline_eval::resolution(&shared);
    timeline_eval::geneva(&shared.join("corpus/geneva-2016-09"));
    framing_eval::variants(&shared.join("eval/data/newswcl50-dev"));
    framing_eval::geneva(&shared.join("corpus/geneva-2016-09"));
}
