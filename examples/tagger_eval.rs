//! Entity mentions of stdin as JSON lines {start,end,type} (for `ner_eval.py`), with a
//! model file instead of the embedded one and a choice of how model and rules combine.
//!
//! ```sh
//! cargo run --release --example tagger_eval -- MODEL [MODE] < text
//! ```
//!
//! MODE: 0 rules only, 1 model retypes and adds, 2 model only, 3 (default) as 1 and drops
//! rule mentions the model does not see.

use std::io::Read;

use brief::extract::entities::tagger::{merge, use_model};
use brief::extract::entities::{ActorKind, mention_spans};

fn main() {
    // BRIEF_NO_CLUSTERS=1: without the word-cluster features (to train or read a model
    // made without them).
    if std::env::var_os("BRIEF_NO_CLUSTERS").is_some() {
        brief::extract::entities::tagger::features::set_clusters(false);
    }
    let path = std::env::args().nth(1).unwrap_or_default();
    let mode = std::env::args()
        .nth(2)
        .and_then(|m| m.parse().ok())
        .unwrap_or(3);
    if !use_model(std::fs::read(&path).unwrap_or_default()) {
        eprintln!("{path}: not a tagger model");
        std::process::exit(1);
    }
    merge::set_mode(mode);
    if let Some(m) = std::env::args().nth(3).and_then(|m| m.parse().ok()) {
        merge::set_margin(m);
    }
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        std::process::exit(1);
    }
    let mut out = String::new();
    for (span, kind) in mention_spans(&text) {
        let t = match kind {
            ActorKind::Person => "PER",
            ActorKind::Organisation => "ORG",
            ActorKind::Place => "LOC",
            ActorKind::Group => "MISC",
        };
        out.push_str(&format!(
            "{{\"start\":{},\"end\":{},\"type\":\"{t}\"}}\n",
            span.start, span.end
        ));
    }
    print!("{out}");
}
