//! Train the entity tagger's model (`src/extract/entities/tagger/en.model`).
//!
//! ```sh
//! cargo run --release --example train_tagger -- DATA_DIR src/extract/entities/tagger/en.model
//! ```
//!
//! `DATA_DIR` holds the training corpora (see docs/extraction.md for where to get them and
//! their licences; none is CoNLL-2003): `wikigold.conll.txt` (token and IOB tag a line),
//! `gmb.csv` (Groningen Meaning Bank named entities: `Sentence #,Word,POS,Tag`), and any
//! `*.conll` files under `extra/` (token, tab, BIO tag). An example target, so `cargo
//! install` never installs it.
//!
//! Method: structured (linear-chain) averaged perceptron, Viterbi decoding, features from
//! `brief::extract::entities::tagger::features`. One sentence in ten is also trained in
//! capitals (wire headlines). Weights whose averaged magnitude is small are pruned, the rest
//! quantised to `i16`. Deterministic: same data, same model.

use std::collections::HashMap;
use std::path::Path;

use brief::extract::entities::tagger::features::sentence_features;
use brief::extract::entities::tagger::merge::annotate;
use brief::extract::entities::tagger::model::{TAGS, viterbi, write_model};

/// Entity type index: 0 PER, 1 ORG, 2 LOC, 3 MISC.
type Sentence = (Vec<String>, Vec<Option<(usize, usize)>>); // tokens, (entity id, type)

/// Sentences per document where the data has no document breaks.
const DOC: usize = 20;
const PLACES: &str = include_str!("../src/extract/gazetteer/tagger_places.txt");
const ROLES: &str = include_str!("../src/extract/gazetteer/roles.txt");
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "st"];

fn type_index(t: &str) -> Option<usize> {
    match t {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// Documents of sentences from IOB1/IOB2 columns (`token TAG`), blank lines between
/// sentences, `-DOCSTART-` between documents (else every [`DOC`] sentences).
fn read_columns(path: &Path, sep: char) -> Vec<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut toks: Vec<(String, String)> = Vec::new();
    for line in text.lines().chain([""]) {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !toks.is_empty() {
                if let Some(d) = out.last_mut() {
                    d.push(from_iob(&toks));
                }
                toks.clear();
            }
            if line.starts_with("-DOCSTART-") || out.last().is_some_and(|d| d.len() >= DOC) {
                out.push(Vec::new());
            }
            continue;
        }
        let mut it = line.rsplitn(2, sep);
        let (Some(tag), Some(tok)) = (it.next(), it.next()) else {
            continue;
        };
        toks.push((tok.trim().to_string(), tag.trim().to_string()));
    }
    out
}

/// Entities from IOB tags (`B-X` or a type change opens an entity).
fn from_iob(toks: &[(String, String)]) -> Sentence {
    let mut ents = Vec::new();
    let mut next_id = 0;
    let mut prev: Option<(usize, usize)> = None;
    for (_, tag) in toks {
        let (bio, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let cur = type_index(ty).map(|t| match prev {
            Some((id, pt)) if pt == t && bio == "I" => (id, t),
            _ => {
                next_id += 1;
                (next_id, t)
            }
        });
        ents.push(cur);
        prev = cur;
    }
    (toks.iter().map(|(w, _)| w.clone()).collect(), ents)
}

/// One CSV record (quoted fields allowed).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = out.last_mut() {
                    f.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => {
                if let Some(f) = out.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    out
}

/// GMB sentences mapped to CoNLL types: per PER (titles dropped), org ORG, geo LOC, gpe LOC
/// or MISC for demonyms, art / eve / nat MISC, tim nothing.
fn read_gmb(path: &Path) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let places: std::collections::HashSet<&str> = PLACES.lines().collect();
    let titles: std::collections::HashSet<String> = ROLES
        .lines()
        .flat_map(|l| l.split_whitespace())
        .map(str::to_string)
        .chain(HONORIFICS.iter().map(|s| s.to_string()))
        .collect();
    let mut sents: Vec<Vec<(String, String)>> = Vec::new();
    for line in text.lines().skip(1) {
        let f = csv_fields(line);
        if f.len() < 4 {
            continue;
        }
        if !f[0].is_empty() || sents.is_empty() {
            sents.push(Vec::new());
        }
        let word = f[1].clone();
        let (bio, ty) = f[3].split_once('-').unwrap_or(("O", ""));
        let lower = word.to_lowercase().replace('.', "");
        let demonym = ["an", "ans", "ese", "ish", "ian", "ians", "i", "is", "ic"]
            .iter()
            .any(|s| lower.ends_with(s))
            && !places.contains(lower.as_str());
        let conll = match ty {
            "per" => "PER",
            "org" => "ORG",
            "geo" => "LOC",
            "gpe" if demonym => "MISC",
            "gpe" => "LOC",
            "art" | "eve" | "nat" => "MISC",
            _ => "",
        };
        let tag = if conll.is_empty() {
            "O".to_string()
        } else {
            format!("{bio}-{conll}")
        };
        if let Some(s) = sents.last_mut() {
            s.push((word, tag));
        }
    }
    // Titles at the start of a person ("President", "Mr.") are not part of the name.
    for s in &mut sents {
        for i in 0..s.len() {
            let lower = s[i].0.to_lowercase().replace('.', "");
            if s[i].1 == "B-PER" && titles.contains(&lower) {
                s[i].1 = "O".into();
                if s.get(i + 1).is_some_and(|n| n.1 == "I-PER") {
                    s[i + 1].1 = "B-PER".into();
                }
            }
        }
    }
    sents.iter().map(|s| from_iob(s)).collect()
}

/// Training examples: feature keys and gold tags per tagger word.
struct Example {
    feats: Vec<Vec<u32>>,
    caps: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// A document's text (sentences joined by newlines, tokens by blanks) and sentence ranges.
fn doc_text(
    doc: &[Sentence],
    upper: bool,
) -> (String, Vec<std::ops::Range<usize>>, Vec<Vec<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut starts = Vec::new();
    for (toks, _) in doc {
        let from = text.len();
        let mut st = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            st.push(text.len());
            text.push_str(&if upper { t.to_uppercase() } else { t.clone() });
        }
        ranges.push(from..text.len());
        starts.push(st);
        text.push('\n');
    }
    (text, ranges, starts)
}

/// Examples of one document: words and rule hints as entity detection computes them.
fn examples(doc: &[Sentence]) -> Vec<Example> {
    let (text, ranges, starts) = doc_text(doc, false);
    let (utext, uranges, _) = doc_text(doc, true);
    let plain = annotate(&text, &ranges);
    let caps = annotate(&utext, &uranges);
    let mut out = Vec::new();
    for (k, ((ws, hints), (cws, chints))) in plain.iter().zip(&caps).enumerate() {
        if ws.is_empty() {
            continue;
        }
        let ents = &doc[k].1;
        let st = &starts[k];
        let mut gold = Vec::with_capacity(ws.len());
        let mut prev_id = None;
        for w in ws {
            let i = st.partition_point(|&s| s <= w.span.start).saturating_sub(1);
            match ents[i] {
                Some((id, ty)) => {
                    gold.push(1 + ty * 2 + usize::from(prev_id == Some(id)));
                    prev_id = Some(id);
                }
                None => {
                    gold.push(0);
                    prev_id = None;
                }
            }
        }
        let feats = sentence_features(ws, hints);
        let caps = if cws.len() == ws.len() {
            sentence_features(cws, chints)
        } else {
            feats.clone()
        };
        out.push(Example { feats, caps, gold });
    }
    out
}

/// Averaged perceptron weights.
struct Weights {
    index: HashMap<u32, usize>,
    w: Vec<[f32; TAGS]>,
    acc: Vec<[f32; TAGS]>,
    trans: Vec<[f32; TAGS]>,
    trans_acc: Vec<[f32; TAGS]>,
}

impl Weights {
    fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; TAGS]> {
        feats
            .iter()
            .map(|f| {
                let mut s = [0.0; TAGS];
                for k in f {
                    if let Some(&i) = self.index.get(k) {
                        for (v, w) in s.iter_mut().zip(&self.w[i]) {
                            *v += w;
                        }
                    }
                }
                s
            })
            .collect()
    }

    fn bump(&mut self, key: u32, tag: usize, d: f32, c: f32) {
        let n = self.w.len();
        let i = *self.index.entry(key).or_insert(n);
        if i == n {
            self.w.push([0.0; TAGS]);
            self.acc.push([0.0; TAGS]);
        }
        self.w[i][tag] += d;
        self.acc[i][tag] += c * d;
    }

    fn bump_trans(&mut self, from: Option<usize>, to: usize, d: f32, c: f32) {
        let row = from.map_or(0, |f| f + 1);
        self.trans[row][to] += d;
        self.trans_acc[row][to] += c * d;
    }
}

fn main() {
    // BRIEF_NO_CLUSTERS=1: without the word-cluster features (to train or read a model
    // made without them).
    if std::env::var_os("BRIEF_NO_CLUSTERS").is_some() {
        brief::extract::entities::tagger::features::set_clusters(false);
    }
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: train_tagger DATA_DIR OUT_MODEL [EPOCHS] [PRUNE]");
        std::process::exit(2);
    }
    let dir = Path::new(&args[1]);
    let epochs: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(8);
    let prune: f32 = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(0.05);
    let mut docs = read_columns(&dir.join("wikigold.conll.txt"), ' ');
    eprintln!("wikigold: {} documents", docs.len());
    let gmb = read_gmb(&dir.join("gmb.csv"));
    eprintln!("gmb: {} sentences", gmb.len());
    docs.extend(gmb.chunks(DOC).map(<[Sentence]>::to_vec));
    if let Ok(rd) = std::fs::read_dir(dir.join("extra")) {
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "conll"))
        {
            let s = read_columns(p, '\t');
            eprintln!("{}: {} documents", p.display(), s.len());
            docs.extend(s);
        }
    }
    let examples: Vec<Example> = docs.iter().flat_map(|d| examples(d)).collect();
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!("{} examples, {tokens} words", examples.len());
    let mut wts = Weights {
        index: HashMap::new(),
        w: Vec::new(),
        acc: Vec::new(),
        trans: vec![[0.0; TAGS]; TAGS + 1],
        trans_acc: vec![[0.0; TAGS]; TAGS + 1],
    };
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        rng = rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut c = 1.0f32;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &k in &order {
            let ex = &examples[k];
            let feats = if next() % 10 == 0 {
                &ex.caps
            } else {
                &ex.feats
            };
            let em = wts.emissions(feats);
            let trans = &wts.trans;
            let pred = viterbi(&em, |f, t| trans[f.map_or(0, |f| f + 1)][t]);
            if pred != ex.gold {
                for i in 0..pred.len() {
                    let (g, p) = (ex.gold[i], pred[i]);
                    if g != p {
                        errors += 1;
                        for &key in &feats[i] {
                            wts.bump(key, g, 1.0, c);
                            wts.bump(key, p, -1.0, c);
                        }
                    }
                    let (gf, pf) = if i == 0 {
                        (None, None)
                    } else {
                        (Some(ex.gold[i - 1]), Some(pred[i - 1]))
                    };
                    if (gf, g) != (pf, p) {
                        wts.bump_trans(gf, g, 1.0, c);
                        wts.bump_trans(pf, p, -1.0, c);
                    }
                }
            }
            c += 1.0;
        }
        eprintln!("epoch {}: {errors} word errors", epoch + 1);
    }
    let avg = |w: &[f32; TAGS], a: &[f32; TAGS]| {
        let mut o = [0.0; TAGS];
        for ((o, w), a) in o.iter_mut().zip(w).zip(a) {
            *o = w - a / c;
        }
        o
    };
    let trans: Vec<[f32; TAGS]> = (0..=TAGS)
        .map(|r| avg(&wts.trans[r], &wts.trans_acc[r]))
        .collect();
    let mut feats: Vec<(u32, [f32; TAGS])> = wts
        .index
        .iter()
        .map(|(&k, &i)| (k, avg(&wts.w[i], &wts.acc[i])))
        .filter(|(_, w)| w.iter().any(|v| v.abs() >= prune))
        .collect();
    feats.sort_by_key(|(k, _)| *k);
    eprintln!("{} of {} features kept", feats.len(), wts.index.len());
    let bytes = write_model(&trans, &feats);
    if let Err(e) = std::fs::write(&args[2], &bytes) {
        eprintln!("cannot write {}: {e}", args[2]);
        std::process::exit(1);
    }
    eprintln!("wrote {} ({} bytes)", args[2], bytes.len());
}
