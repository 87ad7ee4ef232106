//! Outlet detection: front matter, then the folder's `brief.toml`, then signatures found in
//! the text (`outlets.toml`, extendable per folder), then the file name.

use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta::Regex as Set;
use serde::Deserialize;

use super::{IngestConfig, Meta, OutletFrom};

const OUTLETS: &str = include_str!("outlets.toml");

/// A compiled signature: a line pattern and the outlet it identifies.
#[derive(Debug, Clone)]
pub struct Signature {
    /// Outlet display name.
    pub outlet: String,
    /// Case-insensitive pattern matched against single trimmed lines.
    pub pattern: Regex,
}

#[derive(Deserialize)]
struct OutletFile {
    outlet: Vec<OutletEntry>,
}

#[derive(Deserialize)]
struct OutletEntry {
    name: String,
    patterns: Vec<String>,
}

/// Compile a signature pattern as a case-insensitive regex.
pub fn compile(outlet: &str, pattern: &str) -> Result<Signature, regex::Error> {
    Ok(Signature {
        outlet: outlet.to_string(),
        pattern: Regex::new(&format!("(?i){pattern}"))?,
    })
}

/// The built-in signatures as one set: the outlet of each pattern, in file order, and the
/// patterns compiled together (one pass over a line instead of one per pattern), in ASCII
/// mode over bytes like the furniture patterns (see `outlets.toml`), without a literal
/// prefilter ([`crate::pattern`]).
struct Builtin {
    outlets: Vec<String>,
    set: Option<Set>,
}

// Built from a file compiled into the binary; the unit test `builtin_signatures_load`
// keeps it valid, and a bad file leaves no built-in signatures rather than panicking.
static BUILTIN: LazyLock<Builtin> = LazyLock::new(|| {
    let empty = || Builtin {
        outlets: Vec::new(),
        set: None,
    };
    let Ok(file) = toml::from_str::<OutletFile>(OUTLETS) else {
        return empty();
    };
    let pairs: Vec<(&str, &str)> = file
        .outlet
        .iter()
        .flat_map(|o| o.patterns.iter().map(|p| (o.name.as_str(), p.as_str())))
        .collect();
    let patterns: Vec<&str> = pairs.iter().map(|(_, p)| *p).collect();
    match crate::pattern::ascii_set(&patterns) {
        Ok(set) => Builtin {
            outlets: pairs.iter().map(|(o, _)| o.to_string()).collect(),
            set: Some(set),
        },
        Err(_) => empty(),
    }
});

/// Build the built-in signatures' set now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&BUILTIN);
}

#[allow(clippy::unwrap_used)] // constant pattern
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^sources?\s*:\s*(.+?)(?:\s*(?:,|;|\band\b)\s*(?:news\s+)?(?:agencies|wires)\b.*|[.,;]?\s*)$").unwrap()
});

/// Whether a line matches a built-in outlet signature (such lines are furniture).
pub fn is_signature_line(line: &str) -> bool {
    BUILTIN
        .set
        .as_ref()
        .is_some_and(|set| set.is_match(line.as_bytes()))
}

/// The outlet for an article, and where it came from.
pub fn resolve(rel: &str, raw: &str, meta: &Meta, cfg: &IngestConfig) -> (String, OutletFrom) {
    if !meta.outlet.is_empty() {
        return (meta.outlet.clone(), OutletFrom::FrontMatter);
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if let Some((_, outlet)) = cfg.outlets.iter().find(|(f, _)| f == rel || f == name) {
        return (outlet.clone(), OutletFrom::Config);
    }
    if let Some(outlet) = detect(raw, &cfg.signatures) {
        return (outlet, OutletFrom::Signature);
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    (stem.to_string(), OutletFrom::FileName)
}

/// Find an outlet signature in the text: user signatures first, then built-in ones, then a
/// generic "Source: X" line.
pub fn detect(raw: &str, extra: &[Signature]) -> Option<String> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for sig in extra {
        if lines.iter().any(|l| sig.pattern.is_match(l)) {
            return Some(sig.outlet.clone());
        }
    }
    // The first built-in pattern, in file order, that matches any line.
    let first = BUILTIN.set.as_ref().and_then(|set| {
        lines
            .iter()
            .filter_map(|l| crate::pattern::matching(set, l.as_bytes()).iter().next())
            .map(|p| p.as_usize())
            .min()
    });
    if let Some(i) = first {
        return BUILTIN.outlets.get(i).cloned();
    }
    lines.iter().rev().find_map(|l| {
        let c = SOURCE_LINE.captures(l)?;
        let name = c[1].trim().trim_end_matches(['.', ',']).trim();
        (!name.is_empty() && name.split_whitespace().count() <= 5).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_signatures_load() {
        let file: OutletFile = toml::from_str(OUTLETS).unwrap();
        let n: usize = file.outlet.iter().map(|o| o.patterns.len()).sum();
        assert_eq!(
            BUILTIN.set.as_ref().map_or(0, Set::pattern_len),
            n,
            "every pattern in outlets.toml compiles"
        );
        assert_eq!(BUILTIN.outlets.len(), n);
    }

    #[test]
    fn signatures_in_text() {
        let cases = [
            ("Body.\n\nSOURCE:TRTWorld and agencies", Some("TRT World")),
            (
                "Body.\n\nSource: Al Jazeera, News Agencies",
                Some("Al Jazeera"),
            ),
            (
                "Body.\nMiddle East Eye delivers coverage of the region.",
                Some("Middle East Eye"),
            ),
            (
                "Body.\nBefore it’s here, it’s on the Bloomberg Terminal; subscribe.",
                Some("Bloomberg"),
            ),
            (
                "Body.\nBEFORE IT'S HERE, IT'S ON THE BLOOMBERG TERMINAL",
                Some("Bloomberg"),
            ),
            (
                "Body.\nSource: Harbour Ledger and agencies",
                Some("Harbour Ledger"),
            ),
            ("Body with no signature.", None),
        ];
        for (raw, want) in cases {
            assert_eq!(detect(raw, &[]).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn order_front_matter_config_signature_file_name() {
        let raw = "Body.\nSource: Al Jazeera";
        let mut meta = Meta::default();
        let mut cfg = IngestConfig::default();
        assert_eq!(resolve("a/x.txt", raw, &meta, &cfg).0, "Al Jazeera");
        cfg.outlets.push(("x.txt".into(), "Mapped".into()));
        assert_eq!(
            resolve("a/x.txt", raw, &meta, &cfg),
            ("Mapped".into(), OutletFrom::Config)
        );
        meta.outlet = "Given".into();
        assert_eq!(
            resolve("a/x.txt", raw, &meta, &cfg).1,
            OutletFrom::FrontMatter
        );
        let plain = resolve(
            "a/y.txt",
            "Body.",
            &Meta::default(),
            &IngestConfig::default(),
        );
        assert_eq!(plain, ("y".into(), OutletFrom::FileName));
    }

    #[test]
    fn user_signatures_come_first() {
        let sig = compile("Harbour Ledger", r"^harbour ledger: news").unwrap();
        let raw = "Body.\nHarbour Ledger: news that floats.\nSource: Al Jazeera";
        assert_eq!(detect(raw, &[sig]).as_deref(), Some("Harbour Ledger"));
    }
}
