//! The library's shape (issue 13): no import cycles between its modules, and no library
//! module that knows about the command line. Reads the source files; see
//! docs/architecture.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Library modules as the graph sees them: a top-level module, or `extract::NAME` for an
/// extractor (so the extractors are checked against each other too).
fn module_of(rel: &Path) -> Option<String> {
    let parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect();
    match parts.first().map(String::as_str) {
        None | Some("main" | "lib" | "bin" | "cli") => None,
        Some("extract") if parts.len() > 1 => Some(format!("extract::{}", parts[1])),
        Some(top) => Some(top.to_string()),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its tests and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `crate::a::b` references in `code`, as graph nodes.
fn references(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let mut names = rest.split("::").map(|s| {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        let first = names.next().unwrap_or_default();
        let second = names.next().unwrap_or_default();
        if first.is_empty() {
            continue;
        }
        let lower = second
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase());
        found.insert(if first == "extract" && lower {
            format!("extract::{second}")
        } else {
            first
        });
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let Some(module) = module_of(rel) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let deps = graph.entry(module.clone()).or_default();
        for dep in references(&code(&text)) {
            // A parent module may name its own children (`extract` and its extractors).
            if dep != module && !dep.starts_with(&format!("{module}::")) {
                deps.insert(dep);
            }
        }
    }
    graph
}

/// A cycle through `start`, if any (depth-first search).
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    if let Some(k) = path.iter().position(|p| p == node) {
        let mut cycle = path[k..].to_vec();
        cycle.push(node.to_string());
        return Some(cycle);
    }
    path.push(node.to_string());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(c) = cycle_from(graph, next, path) {
            return Some(c);
        }
    }
    path.pop();
    None
}

#[test]
fn library_modules_import_each_other_one_way() {
    let graph = graph();
    assert!(graph.contains_key("layout") && graph.contains_key("extract::quotes"));
    for start in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, start, &mut Vec::new()) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
    // The stages' order, spot-checked: nothing early uses something late.
    for (early, late) in [
        ("document", "ingest"),
        ("layout", "ingest"),
        ("text", "ingest"),
        ("ingest", "brief"),
        ("extract::entities", "extract::quotes"),
        ("brief", "render"),
        ("brief", "changes"),
    ] {
        assert!(
            !graph[early].contains(late),
            "{early} imports {late}: {:?}",
            graph[early]
        );
    }
}

#[test]
fn the_library_never_sees_the_command_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        if module_of(rel).is_none() {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).unwrap());
        for word in ["clap", "crate::cli", "indicatif", "notify"] {
            assert!(!text.contains(word), "{} uses {word}", rel.display());
        }
    }
}
