//! Framing part of the `timeline_framing` benchmark.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use brief::extract::entities;
use brief::extract::framing::{self, Framing, name_key};
use brief::ingest::{IngestConfig, ingest};
use brief::text::Corpus;
use serde_json::Value;

/// Gold concept types that name actors and groups (not events, objects or actions).
const ACTOR_TYPES: [&str; 4] = ["ACTOR", "ACTOR-I", "GROUP", "COUNTRY"];

struct Gold {
    name: String,
    kind: String,
    mentions: usize,
    /// doc id -> variant keys
    by_doc: BTreeMap<String, BTreeSet<String>>,
    all: BTreeSet<String>,
}

fn load(path: &Path) -> Option<(BTreeMap<String, String>, Vec<Gold>)> {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let outlets: BTreeMap<String, String> = g["docs"]
        .as_object()?
        .iter()
        .filter_map(|(id, d)| Some((d["outlet"].as_str()?.to_string(), id.clone())))
        .collect();
    let concepts = g["concepts"]
        .as_array()?
        .iter()
        .map(|c| {
            let by_doc: BTreeMap<String, BTreeSet<String>> = c["mention_strings_by_doc"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(d, v)| {
                    let keys = v
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(|s| name_key(&s.replace("``", "").replace("''", "")))
                        .filter(|k| !k.is_empty())
                        .collect();
                    (d.clone(), keys)
                })
                .collect();
            let all = by_doc.values().flatten().cloned().collect();
            Gold {
                name: c["concept"].as_str().unwrap_or("").to_string(),
                kind: c["type"].as_str().unwrap_or("").to_string(),
                mentions: c["n_mentions"].as_u64().unwrap_or(0) as usize,
                by_doc,
                all,
            }
        })
        .collect();
    Some((outlets, concepts))
}

/// The gold concept an entry is about: the one whose variants cover most of its mentions.
fn mapped(entry: &Framing, gold: &[Gold]) -> Option<usize> {
    let weight = |g: &Gold| -> usize {
        entry
            .outlets
            .iter()
            .flat_map(|o| &o.names)
            .filter(|n| g.all.contains(&name_key(&n.text)))
            .map(|n| n.mentions.len())
            .sum()
    };
    let (best, w) = gold
        .iter()
        .enumerate()
        .map(|(i, g)| (i, weight(g)))
        .max_by_key(|&(i, w)| (w, std::cmp::Reverse(i)))?;
    (w > 0).then_some(best)
}

/// Recall of naming variants of the top five actor concepts per outlet, and precision.
pub(crate) fn variants(dir: &Path) {
    let mut events: Vec<_> = std::fs::read_dir(dir.join("docs"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    events.sort();
    let (mut gold_n, mut shown_n, mut right, mut wrong, mut unknown) = (0, 0, 0, 0, 0);
    let (mut m_right, mut m_wrong, mut m_own, mut m_unknown) = (0, 0, 0, 0);
    println!("## Framing: naming variants on NewsWCL50 dev (top five actor concepts per event)\n");
    println!("| event | concept | gold variants | shown |\n|---|---|---|---|");
    let mut wrong_names = Vec::new();
    // gold type -> (variants, shown)
    let mut by_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for event in events {
        let Some(name) = event
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let Some((doc_of, gold)) = load(&dir.join("gold").join(format!("{name}.json"))) else {
            continue;
        };
        let Ok((docs, _)) = ingest(&event, &IngestConfig::default()) else {
            continue;
        };
        let corpus = Corpus::new(docs);
        let actors = entities::extract_actors(&corpus);
        let entries = framing::extract_framing(&corpus, &actors);
        // gold concept -> doc -> shown keys
        let mut shown: BTreeMap<usize, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
        if std::env::var_os("FRAMING_SHOW").is_some() {
            let keys: Vec<String> = actors
                .iter()
                .take(20)
                .map(|a| format!("{} ({:?}, {})", a.name, a.kind, a.mentions.len()))
                .collect();
            eprintln!("{name} actors: {}", keys.join("; "));
            if let Ok(word) = std::env::var("FRAMING_GREP") {
                for a in actors.iter().filter(|a| a.name.contains(&word)) {
                    eprintln!("  grep: {} ({:?}, {})", a.name, a.kind, a.mentions.len());
                }
            }
            for e in &entries {
                let to = mapped(e, &gold).map_or("-", |c| gold[c].name.as_str());
                eprintln!("  {} -> {to}", e.concept);
                for o in &e.outlets {
                    let names: Vec<String> = o
                        .names
                        .iter()
                        .map(|n| format!("{} x{}", n.text, n.mentions.len()))
                        .collect();
                    eprintln!("      {}: {}", o.outlet, names.join("; "));
                }
                for o in &e.acting_for {
                    let names: Vec<String> = o
                        .names
                        .iter()
                        .map(|n| format!("{} x{}", n.text, n.mentions.len()))
                        .collect();
                    eprintln!("      acting for, {}: {}", o.outlet, names.join("; "));
                }
            }
        }
        // Gold concepts the section shows an entry for (a person listed as acting for a
        // state who also has an entry of his own).
        let own: BTreeSet<usize> = entries.iter().filter_map(|e| mapped(e, &gold)).collect();
        for e in &entries {
            let Some(c) = mapped(e, &gold) else {
                unknown += e.outlets.iter().map(|o| o.names.len()).sum::<usize>();
                unknown += e.acting_for.iter().map(|o| o.names.len()).sum::<usize>();
                continue;
            };
            // People and bodies acting for it count as shown under it, apart in precision.
            for o in &e.acting_for {
                let doc = doc_of.get(&o.outlet).cloned().unwrap_or_default();
                for n in &o.names {
                    let key = name_key(&n.text);
                    if gold[c].all.contains(&key) {
                        m_right += 1;
                    } else if let Some(g) = gold.iter().position(|g| g.all.contains(&key)) {
                        if own.contains(&g) {
                            m_own += 1;
                        } else {
                            m_wrong += 1;
                            wrong_names.push(format!(
                                "{name}: {:?} shown acting for {}",
                                n.text, gold[c].name
                            ));
                        }
                    } else {
                        m_unknown += 1;
                    }
                    shown
                        .entry(c)
                        .or_default()
                        .entry(doc.clone())
                        .or_default()
                        .insert(key);
                }
            }
            for o in &e.outlets {
                let doc = doc_of.get(&o.outlet).cloned().unwrap_or_default();
                for n in &o.names {
                    let key = name_key(&n.text);
                    if gold[c].all.contains(&key) {
                        right += 1;
                    } else if gold.iter().any(|g| g.all.contains(&key)) {
                        wrong += 1;
                        wrong_names
                            .push(format!("{name}: {:?} shown for {}", n.text, gold[c].name));
                    } else {
                        unknown += 1;
                    }
                    shown
                        .entry(c)
                        .or_default()
                        .entry(doc.clone())
                        .or_default()
                        .insert(key);
                }
            }
        }
        let mut top: Vec<usize> = (0..gold.len())
            .filter(|&i| ACTOR_TYPES.contains(&gold[i].kind.as_str()))
            .collect();
        top.sort_by_key(|&i| (std::cmp::Reverse(gold[i].mentions), i));
        for &c in top.iter().take(5) {
            let (mut g, mut s) = (0, 0);
            for (doc, variants) in &gold[c].by_doc {
                let got = shown.get(&c).and_then(|m| m.get(doc));
                g += variants.len();
                s += variants
                    .iter()
                    .filter(|v| got.is_some_and(|k| k.contains(*v)))
                    .count();
                if std::env::var_os("FRAMING_MISSES").is_some() {
                    let missed: Vec<&String> = variants
                        .iter()
                        .filter(|v| !got.is_some_and(|k| k.contains(*v)))
                        .collect();
                    eprintln!("  missed {name} {} {doc}: {missed:?}", gold[c].name);
                }
            }
            println!("| {name} | {} | {g} | {s} |", gold[c].name);
            gold_n += g;
            shown_n += s;
            let t = by_type.entry(gold[c].kind.clone()).or_default();
            t.0 += g;
            t.1 += s;
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "\nrecall: {shown_n} of {gold_n} gold naming variants (per concept and outlet) shown = {:.1}%",
        pct(shown_n, gold_n)
    );
    println!(
        "precision: {right} of {} shown names that gold annotates are variants of the concept shown = {:.1}% ({unknown} shown names not in the gold at all)\n",
        right + wrong,
        pct(right, right + wrong)
    );
    println!(
        "acting for: {m_right} of {} listed people and bodies that gold annotates are variants of the concept = {:.1}% \
         ({m_own} more are gold variants of a concept the section shows an entry of its own for, \
         a person acting for a state; {m_unknown} not in the gold at all)\n",
        m_right + m_wrong,
        pct(m_right, m_right + m_wrong)
    );
    println!(
        "precision, names and acting for together: {} of {} = {:.1}%\n",
        right + m_right,
        right + wrong + m_right + m_wrong,
        pct(right + m_right, right + wrong + m_right + m_wrong)
    );
    for (kind, (g, s)) in &by_type {
        println!("- {kind}: {s} of {g} = {:.1}%", pct(*s, *g));
    }
    println!();
    for w in wrong_names {
        eprintln!("  other concept: {w}");
    }
}

/// The Geneva framing section, for a look.
pub(crate) fn geneva(dir: &Path) {
    let Ok((docs, _)) = ingest(dir, &IngestConfig::default()) else {
        return;
    };
    let corpus = Corpus::new(docs);
    let actors = entities::extract_actors(&corpus);
    println!("## Geneva framing\n");
    for f in framing::extract_framing(&corpus, &actors) {
        println!(
            "- {} ({:?}, divergence {})",
            f.concept, f.kind, f.divergence
        );
        for o in &f.outlets {
            let names: Vec<String> = o
                .names
                .iter()
                .map(|n| format!("{} ×{}", n.text, n.mentions.len()))
                .collect();
            println!("    {}: {}", o.outlet, names.join("; "));
        }
        for o in &f.acting_for {
            let names: Vec<String> = o
                .names
                .iter()
                .map(|n| format!("{} ×{}", n.text, n.mentions.len()))
                .collect();
            println!("    acting for, {}: {}", o.outlet, names.join("; "));
        }
    }
}
