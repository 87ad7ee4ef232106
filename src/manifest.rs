//! A brief's manifest: what it was built from, so `build` can skip it and `check` can fail on
//! it when that changes.
//!
//! The manifest, `.brief-manifest.json` beside `brief.md`, records blake3 hashes of every
//! input file (relative paths), of the `brief.toml` files, of the templates (built-in or the
//! user's), the options and the tool's version, the hashes of the files written, and a
//! [`Snapshot`] of the brief's content for "What's new". It holds no timestamps and no
//! absolute paths, so a committed brief stays byte-identical wherever it is rebuilt. Being a
//! hidden file, it is never read as an article.
//!
//! The inputs are exactly what the one [`walk`](crate::layout::walk()) returned, the walk
//! ingest reads: an article file by the hash of its bytes (read with the same size limit),
//! an entry the walk skipped (a PDF, a named pipe, a link loop) or a file that cannot be read
//! by its warning. So a special file is never opened here either, and adding, removing or
//! fixing a skipped file makes the brief stale, as it changes the brief's warnings.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::changes::Snapshot;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::layout::{Format, MANIFEST_FILE, Walk, output_name, walk::read_limited};
use crate::render::{BUILTIN_TEMPLATES, templates_used};

/// Version of the manifest format.
pub const MANIFEST_VERSION: u32 = 1;

/// What a brief was built from and what it wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`MANIFEST_VERSION`].
    pub manifest_version: u32,
    /// `brief VERSION`.
    pub tool: String,
    /// Options that change the output: summary budget, formats.
    pub options: BTreeMap<String, String>,
    /// `brief.toml` hashes: `story` (the folder's) and `root` (defaults).
    pub config: BTreeMap<String, String>,
    /// Input file (relative to the story folder, `/`-separated) -> hash.
    pub inputs: BTreeMap<String, String>,
    /// Template name -> `built-in HASH` or `user HASH`.
    pub templates: BTreeMap<String, String>,
    /// File written (`brief.md`, ...) -> hash.
    pub outputs: BTreeMap<String, String>,
    /// The article folder, relative to the brief's folder (`sources`, `../../inbox/DAY`), so
    /// `brief email briefings/DAY` finds the story's `brief.toml`. Not part of staleness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The brief's content, for "What's new" in the next version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Snapshot>,
    /// The content "What's new" is measured against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Snapshot>,
    /// When the folder was built as an edition: its stories, for the next day's continuity
    /// and the archive (see `docs/edition.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<EditionRecord>,
}

/// What an edition's manifest remembers of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionRecord {
    /// The edition's name (its output folder's name, e.g. `2026-12-06`).
    pub name: String,
    /// The previous edition it was compared with, by name.
    pub previous: Option<String>,
    /// That previous edition's stories as they were when compared ([`stories_hash`]): when
    /// the previous day is rebuilt since, this edition's continuity is stale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_hash: Option<String>,
    /// Its stories, in front-page order.
    pub stories: Vec<StoryRecord>,
    /// Articles that no other article matches.
    pub single_reports: usize,
    /// Articles read.
    pub articles: usize,
}

/// One story of an edition, as the next edition needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRecord {
    /// Stable id: its folder under `stories/`, kept while the story develops.
    pub slug: String,
    /// The edition the story first appeared in.
    pub since: String,
    /// Its articles, by [`article_id`](crate::edition::article_id) (a hash of the text).
    pub articles: Vec<String>,
    /// Its brief's content.
    pub content: Snapshot,
}

/// The hash of an edition's stories (slugs, days, articles and briefs' content), which is
/// what the next day's continuity reads of it.
pub fn stories_hash(record: &EditionRecord) -> String {
    hash(
        serde_json::to_string(&record.stories)
            .unwrap_or_default()
            .as_bytes(),
    )
}

/// A blake3 hash, hex.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The manifest a brief of `cfg.input`, whose folder walk is `walk`, built now would have
/// (outputs named, not yet hashed).
pub fn expected(
    walk: &Walk,
    cfg: &Config,
    formats: &[Format],
    templates: Option<&Path>,
) -> Result<Manifest> {
    let mut config = BTreeMap::new();
    for file in &cfg.files {
        let key = if file.parent() == Some(cfg.input.as_path()) {
            "story"
        } else {
            "root"
        };
        config.insert(key.to_string(), hash(&read(file)?));
    }
    // Only the templates the formats use: JSON uses none.
    let used = templates_used(formats);
    let mut tpl = BTreeMap::new();
    for (name, builtin) in BUILTIN_TEMPLATES.iter().filter(|(n, _)| used.contains(n)) {
        let user = templates.map(|d| d.join(name)).filter(|p| p.is_file());
        let value = match user {
            Some(path) => format!("user {}", hash(&read(&path)?)),
            None => format!("built-in {}", hash(builtin.as_bytes())),
        };
        tpl.insert((*name).to_string(), value);
    }
    let names: Vec<&str> = formats.iter().map(|f| f.extension()).collect();
    let options = BTreeMap::from([
        (
            "summary".to_string(),
            format!("{:?}", cfg.analysis.select.budget),
        ),
        ("formats".to_string(), names.join(",")),
    ]);
    Ok(Manifest {
        manifest_version: MANIFEST_VERSION,
        tool: format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
        options,
        config,
        inputs: hash_inputs(walk),
        templates: tpl,
        outputs: formats
            .iter()
            .map(|f| (output_name(*f), String::new()))
            .collect(),
        source: None,
        content: None,
        previous: None,
        edition: None,
    })
}

/// What the inputs of a brief are: each article file the walk found -> the hash of its
/// bytes (or, when it cannot be read, the reason), and each entry it skipped -> its warning.
pub fn hash_inputs(walk: &Walk) -> BTreeMap<String, String> {
    let mut inputs = BTreeMap::new();
    // Files are hashed side by side, as ingest reads them; the map is sorted anyway.
    let hashed: Vec<String> = walk
        .files
        .par_iter()
        .map(|f| match read_limited(&f.path) {
            Ok(bytes) => hash(&bytes),
            Err(reason) => reason,
        })
        .collect();
    for (file, value) in walk.files.iter().zip(hashed) {
        inputs.insert(file.rel.clone(), value);
    }
    for w in &walk.warnings {
        inputs
            .entry(w.path.clone())
            .or_insert_with(|| w.reason.clone());
    }
    inputs
}

/// The manifest stored in `out_dir`, if there is a readable one.
pub fn load(out_dir: &Path) -> Option<Manifest> {
    let text = std::fs::read_to_string(out_dir.join(MANIFEST_FILE)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The manifest as it is stored at `path`: pretty JSON. (`build` writes it with the brief's
/// files, as one set.)
pub fn to_text(path: &Path, manifest: &Manifest) -> Result<String> {
    let text = serde_json::to_string_pretty(manifest).map_err(|e| Error::Manifest {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(format!("{text}\n"))
}

/// Why the brief in `out_dir`, recorded by `stored`, is not what `expected` describes;
/// empty when it is current.
pub fn stale_reasons(
    expected: &Manifest,
    stored: Option<&Manifest>,
    out_dir: &Path,
) -> Vec<String> {
    let mut why = Vec::new();
    if out_dir.join(crate::output::JOURNAL_NAME).exists() {
        why.push("a write was interrupted (the next `brief build` completes it)".into());
    }
    let Some(stored) = stored else {
        why.push("no manifest".into());
        return why;
    };
    if stored.manifest_version != expected.manifest_version || stored.tool != expected.tool {
        why.push(format!("built by {}", stored.tool));
    }
    for (key, value) in &expected.options {
        if stored.options.get(key) != Some(value) {
            why.push(format!("option {key} changed"));
        }
    }
    for key in stored.options.keys() {
        if !expected.options.contains_key(key) {
            why.push(format!("option {key} changed"));
        }
    }
    if stored.config != expected.config {
        why.push("brief.toml changed".into());
    }
    let (mut added, mut changed) = (Vec::new(), Vec::new());
    for (path, h) in &expected.inputs {
        match stored.inputs.get(path) {
            None => added.push(path.as_str()),
            Some(old) if old != h => changed.push(path.as_str()),
            Some(_) => {}
        }
    }
    let removed: Vec<&str> = stored
        .inputs
        .keys()
        .filter(|p| !expected.inputs.contains_key(*p))
        .map(String::as_str)
        .collect();
    for (label, list) in [("new", added), ("changed", changed), ("removed", removed)] {
        if !list.is_empty() {
            why.push(format!("{label}: {}", list.join(", ")));
        }
    }
    if stored.templates != expected.templates {
        why.push("templates changed".into());
    }
    // An edition's outputs depend on its stories, known only once built: the stored list
    // (`stories/SLUG/brief.md`, ...) is checked too.
    let names: std::collections::BTreeSet<&String> = expected
        .outputs
        .keys()
        .chain(stored.outputs.keys())
        .collect();
    for name in names {
        match (std::fs::read(out_dir.join(name)), stored.outputs.get(name)) {
            (Err(_), _) => why.push(format!("{name} missing")),
            (Ok(bytes), Some(h)) if *h == hash(&bytes) => {}
            (Ok(_), _) => why.push(format!("{name} differs from the one built")),
        }
    }
    why
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_skip_hidden_and_brief_files_and_reasons_name_them() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        for f in ["a.md", "sub/b.txt", ".hidden", "brief.md", "sub/brief.html"] {
            std::fs::write(d.join(f), f).unwrap();
        }
        let walk = || crate::layout::walk(d).unwrap();
        let inputs = hash_inputs(&walk());
        assert_eq!(inputs.keys().collect::<Vec<_>>(), ["a.md", "sub/b.txt"]);
        let cfg = Config::resolve(d).unwrap();
        let old = expected(&walk(), &cfg, &[Format::Md], None).unwrap();
        std::fs::write(d.join("a.md"), "changed").unwrap();
        std::fs::write(d.join("c.md"), "new").unwrap();
        std::fs::remove_file(d.join("sub/b.txt")).unwrap();
        let new = expected(&walk(), &cfg, &[Format::Md], None).unwrap();
        let why = stale_reasons(&new, Some(&old), d);
        assert!(why.contains(&"new: c.md".to_string()), "{why:?}");
        assert!(why.contains(&"changed: a.md".to_string()), "{why:?}");
        assert!(why.contains(&"removed: sub/b.txt".to_string()), "{why:?}");
    }
}
