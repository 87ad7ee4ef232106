//! `brief stories`: one line per article, its story id and its path, in folder order. The
//! plain contract any clustering scorer can read; `--json` gives one JSON object per line
//! with the headline and outlet too.

use serde::Serialize;

use super::Story;
use crate::document::Document;

/// One article's line.
#[derive(Debug, Serialize)]
struct Row<'a> {
    story: usize,
    path: &'a str,
    title: &'a str,
    outlet: &'a str,
    /// Articles in the story.
    size: usize,
}

/// The story of each document, by document id (`0` for a document in no story).
pub fn story_of(stories: &[Story], n: usize) -> Vec<usize> {
    let mut out = vec![0; n];
    for s in stories {
        for &d in &s.docs {
            if let Some(slot) = out.get_mut(d) {
                *slot = s.id;
            }
        }
    }
    out
}

/// The listing: `ID<TAB>PATH` lines, or JSON lines when `json`.
pub fn listing(docs: &[Document], stories: &[Story], json: bool) -> String {
    let of = story_of(stories, docs.len());
    let size = |id: usize| {
        stories
            .iter()
            .find(|s| s.id == id)
            .map_or(0, |s| s.docs.len())
    };
    let mut out = String::new();
    for (doc, &id) in docs.iter().zip(&of) {
        if json {
            let row = Row {
                story: id,
                path: &doc.path,
                title: &doc.meta.title,
                outlet: &doc.meta.outlet,
                size: size(id),
            };
            // A struct of strings and numbers always serialises.
            out.push_str(&serde_json::to_string(&row).unwrap_or_default());
        } else {
            out.push_str(&format!("{id}\t{}", doc.path));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;

    #[test]
    fn one_line_per_article() {
        let docs = vec![from_plain(0, "a", "x\n"), from_plain(1, "b", "y\n")];
        let stories = vec![
            Story {
                id: 1,
                docs: vec![1],
            },
            Story {
                id: 2,
                docs: vec![0],
            },
        ];
        assert_eq!(listing(&docs, &stories, false), "2\ta.txt\n1\tb.txt\n");
        let json = listing(&docs, &stories, true);
        assert!(json.starts_with(r#"{"story":2,"path":"a.txt","title":"","outlet":"a","size":1}"#));
        assert_eq!(json.lines().count(), 2);
    }
}
