//! What changed between two versions of a brief: new summary points, new or changed figures,
//! newly named actors.
//!
//! A [`Snapshot`] is the part of a brief that a reader notices changing; the manifest keeps
//! one per brief, so a rebuild can say what is new since the version it replaces. The
//! [`Changes`] are not part of the [`Brief`]: they are render-time metadata
//! ([`render::Meta`](crate::render::Meta)), since they depend on the previous version, not
//! on the articles.
//!
//! ```
//! use brief::changes::{Snapshot, diff};
//!
//! let old = Snapshot { summary: vec!["Ship grounded.".into()], ..Default::default() };
//! let new = Snapshot { summary: vec!["Ship grounded.".into(), "Ship freed.".into()], ..old.clone() };
//! assert_eq!(diff(&old, &new).unwrap().summary, ["Ship freed."]);
//! assert!(diff(&new, &new).is_none());
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::brief::Brief;
use crate::error::{Error, Result};
use crate::layout::{Format, MANIFEST_FILE, output_name};

/// The reader-visible content of a brief, compared between versions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The brief's title.
    pub title: String,
    /// Number of articles read.
    pub sources: usize,
    /// Summary point texts, in order.
    pub summary: Vec<String>,
    /// Key actors' names, strongest first.
    pub actors: Vec<String>,
    /// Measure -> sorted `[display, outlet]` values.
    pub figures: BTreeMap<String, Vec<[String; 2]>>,
    /// The articles read: path -> hash, as in the manifest's inputs (empty when not known,
    /// e.g. from a brief.json). A later version counts as news only what comes from articles
    /// not in this map, or changed since.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub articles: BTreeMap<String, String>,
}

/// What is new in a brief since a previous version (`changes` in the templates and the JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema, Deserialize)]
pub struct Changes {
    /// Articles read by the previous version.
    pub previous_sources: usize,
    /// Summary points not in the previous version.
    pub summary: Vec<String>,
    /// Figures that are new or whose values changed.
    pub figures: Vec<FigureChange>,
    /// Actors not named in the previous version.
    pub actors: Vec<String>,
}

/// A figure that is new, or reported with a value not given before.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema, Deserialize)]
pub struct FigureChange {
    /// What is measured.
    pub measure: String,
    /// The new values, "display (outlet)".
    pub values: Vec<String>,
    /// The values given before, "display" (empty when the figure is new).
    pub previous: Vec<String>,
}

impl Snapshot {
    /// The snapshot of a brief.
    pub fn of(brief: &Brief) -> Snapshot {
        serde_json::to_value(brief)
            .map(|v| Snapshot::from_json(&v))
            .unwrap_or_default()
    }

    /// The snapshot of a brief's JSON model (`--format json`).
    pub fn from_json(v: &Value) -> Snapshot {
        let strings = |list: &Value, key: &str| -> Vec<String> {
            list.as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x[key].as_str().map(str::to_string))
                .collect()
        };
        let mut figures: BTreeMap<String, Vec<[String; 2]>> = BTreeMap::new();
        for g in v["figures"].as_array().into_iter().flatten() {
            let Some(measure) = g["measure"].as_str() else {
                continue;
            };
            let values = figures.entry(measure.to_string()).or_default();
            for x in g["values"].as_array().into_iter().flatten() {
                let display = x["display"].as_str().unwrap_or_default();
                let outlet = x["outlet"].as_str().unwrap_or_default();
                values.push([display.to_string(), outlet.to_string()]);
            }
            values.sort();
            values.dedup();
        }
        Snapshot {
            title: v["title"].as_str().unwrap_or_default().to_string(),
            sources: v["generated_from"]["sources"].as_u64().unwrap_or(0) as usize,
            summary: strings(&v["summary"], "text"),
            actors: strings(&v["actors"], "name"),
            figures,
            articles: BTreeMap::new(),
        }
    }

    /// The snapshot stored for a brief folder (its manifest, else its `brief.json`), or in
    /// a file: a manifest, or a brief's JSON.
    pub fn load(path: &Path) -> Result<Snapshot> {
        if path.is_dir() {
            let manifest = path.join(MANIFEST_FILE);
            let json = path.join(output_name(Format::Json));
            return match (manifest.is_file(), json.is_file()) {
                (true, _) => Snapshot::load(&manifest),
                (false, true) => Snapshot::load(&json),
                _ => Err(Error::Manifest {
                    path: path.to_path_buf(),
                    message: "no brief here (no .brief-manifest.json or brief.json)".into(),
                }),
            };
        }
        let bad = |message: String| Error::Manifest {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let value: Value = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        if value.get("manifest_version").is_some() {
            let content = value.get("content").cloned().unwrap_or(Value::Null);
            return serde_json::from_value(content)
                .map_err(|e| bad(format!("manifest without a brief snapshot: {e}")));
        }
        if value.get("schema_version").is_none() {
            return Err(bad("not a brief's JSON (no schema_version)".into()));
        }
        Ok(Snapshot::from_json(&value))
    }
}

/// What is new in `new` since `old`; `None` when nothing is.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Option<Changes> {
    let fresh = |before: &[String], now: &[String]| -> Vec<String> {
        let seen: BTreeSet<&String> = before.iter().collect();
        now.iter().filter(|x| !seen.contains(x)).cloned().collect()
    };
    let mut figures = Vec::new();
    for (measure, values) in &new.figures {
        let before: Vec<String> = old
            .figures
            .get(measure)
            .into_iter()
            .flatten()
            .map(|[display, _]| display.clone())
            .collect();
        let known: BTreeSet<String> = before.iter().map(|d| d.to_lowercase()).collect();
        let added: Vec<String> = values
            .iter()
            .filter(|[display, _]| !known.contains(&display.to_lowercase()))
            .map(|[display, outlet]| format!("{display} ({outlet})"))
            .collect();
        if !added.is_empty() {
            let mut previous = before;
            previous.dedup();
            figures.push(FigureChange {
                measure: measure.clone(),
                values: added,
                previous,
            });
        }
    }
    let changes = Changes {
        previous_sources: old.sources,
        summary: fresh(&old.summary, &new.summary),
        figures,
        actors: fresh(&old.actors, &new.actors),
    };
    let empty =
        changes.summary.is_empty() && changes.figures.is_empty() && changes.actors.is_empty();
    (!empty).then_some(changes)
}

/// The articles of `new` that `old` did not read, or read in another version: where news
/// can come from. `None` when `old` does not record its articles (anything may be news).
pub fn new_articles(old: &Snapshot, new: &Snapshot) -> Option<BTreeSet<String>> {
    if old.articles.is_empty() {
        return None;
    }
    Some(
        new.articles
            .iter()
            .filter(|(path, hash)| old.articles.get(*path) != Some(*hash))
            .map(|(path, _)| path.clone())
            .collect(),
    )
}

/// Keep of `changes` only what comes from the articles `fresh` (paths as in citations): a
/// summary sentence cited to one of them, a figure value one of them gives, an actor named
/// by the outlet of one of them. A sentence of an older article that only now made the
/// summary is not news. `None` when nothing is left.
pub fn from_articles(changes: Changes, brief: &Brief, fresh: &BTreeSet<String>) -> Option<Changes> {
    let summary = changes
        .summary
        .into_iter()
        .filter(|text| {
            brief
                .summary
                .iter()
                .any(|p| p.text == *text && p.citations.iter().any(|c| is_fresh(fresh, &c.doc)))
        })
        .collect();
    let figures = changes
        .figures
        .into_iter()
        .filter_map(|mut f| {
            let entries: Vec<_> = brief
                .figures
                .iter()
                .filter(|g| g.measure == f.measure)
                .flat_map(|g| &g.values)
                .filter(|e| is_fresh(fresh, &e.citation.doc))
                .map(|e| format!("{} ({})", e.display, e.outlet))
                .collect();
            f.values.retain(|v| entries.contains(v));
            (!f.values.is_empty()).then_some(f)
        })
        .collect();
    let outlets: BTreeSet<&str> = brief
        .sources
        .iter()
        .filter(|s| is_fresh(fresh, &s.path))
        .map(|s| s.outlet.as_str())
        .collect();
    let actors = changes
        .actors
        .into_iter()
        .filter(|name| {
            brief
                .actors
                .iter()
                .any(|a| a.name == *name && a.outlets.iter().any(|o| outlets.contains(o.as_str())))
        })
        .collect();
    let kept = Changes {
        previous_sources: changes.previous_sources,
        summary,
        figures,
        actors,
    };
    let empty = kept.summary.is_empty() && kept.figures.is_empty() && kept.actors.is_empty();
    (!empty).then_some(kept)
}

/// Whether an article path (`feed.xml#3` for an item of a feed) is one of the files `fresh`.
fn is_fresh(fresh: &BTreeSet<String>, doc: &str) -> bool {
    fresh.contains(doc)
        || doc
            .rsplit_once('#')
            .is_some_and(|(file, _)| fresh.contains(file))
}

/// `brief diff` as text: what is new, or "No changes."
pub fn describe(changes: Option<&Changes>) -> String {
    let Some(c) = changes else {
        return "No changes.\n".into();
    };
    let mut out = format!(
        "What's new since the previous version ({} article{}):\n",
        c.previous_sources,
        if c.previous_sources == 1 { "" } else { "s" }
    );
    if !c.summary.is_empty() {
        out.push_str("\nNew in the summary:\n");
        for s in &c.summary {
            let _ = writeln!(out, "  + {s}");
        }
    }
    if !c.figures.is_empty() {
        out.push_str("\nNew or changed figures:\n");
        for f in &c.figures {
            let _ = write!(out, "  ~ {}: {}", f.measure, f.values.join("; "));
            if !f.previous.is_empty() {
                let _ = write!(out, " (before: {})", f.previous.join("; "));
            }
            out.push('\n');
        }
    }
    if !c.actors.is_empty() {
        let _ = writeln!(out, "\nNewly named: {}", c.actors.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_from_brief_json_and_changed_figures() {
        let v = serde_json::json!({
            "schema_version": 1, "title": "T", "generated_from": {"sources": 2, "outlets": 2},
            "summary": [{"text": "A."}], "actors": [{"name": "Egypt"}],
            "figures": [{"measure": "ships waiting", "values": [
                {"display": "369", "outlet": "Wire"}, {"display": "about 370", "outlet": "Post"}]}]
        });
        let old = Snapshot::from_json(&v);
        assert_eq!(old.figures["ships waiting"][0], ["369", "Wire"]);
        let mut new = old.clone();
        let waiting = |n: &mut Snapshot| n.figures.get_mut("ships waiting").unwrap().clone();
        let mut values = waiting(&mut new);
        values.push(["369".into(), "Daily".into()]);
        new.figures.insert("ships waiting".into(), values.clone());
        assert!(
            diff(&old, &new).is_none(),
            "a value given before is not news"
        );
        values.push(["422".into(), "Wire".into()]);
        new.figures.insert("ships waiting".into(), values);
        new.actors.push("Ever Given".into());
        let c = diff(&old, &new).unwrap();
        assert_eq!(c.figures[0].previous.len(), 2);
        assert_eq!(c.actors, ["Ever Given"]);
        assert!(describe(Some(&c)).contains("422 (Wire) (before: 369; about 370)"));
        assert_eq!(describe(None), "No changes.\n");
    }
}
