//! JSON Lines files (`.jsonl`, `.ndjson`) as common news scrapers write them: one article
//! per line, an object with the article text in `text`, `maintext` (news-please), `content`
//! or `body`, and optional `title`, `url`, `date` (or `date_publish`, `published`,
//! `publish_date`), `source` (or `outlet`, `source_domain`, `publisher`) and `author`
//! (or `authors`). HTML in the text is reduced to its paragraphs. Lines that are blank are
//! passed over; lines that are not such an object are counted in a note naming them.
//!
//! An article's path is the file's path and its line number, `scrape.jsonl#12`.

use serde_json::Value;

use super::Meta;
use super::feed::{Item, paragraphs};
use crate::text::fold;

const TEXT: &[&str] = &["text", "maintext", "content", "body", "article"];
const DATE: &[&str] = &[
    "date",
    "date_publish",
    "published",
    "publish_date",
    "pubDate",
];
const OUTLET: &[&str] = &[
    "source",
    "outlet",
    "source_domain",
    "publisher",
    "site_name",
];
const AUTHOR: &[&str] = &["author", "authors", "byline"];

/// The articles of a JSON Lines file and, when some lines were unusable, a note naming them.
pub fn items(rel: &str, text: &str) -> (Vec<Item>, Option<String>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line)
            .ok()
            .and_then(|v| item(rel, n + 1, &v))
        {
            Some(item) => out.push(item),
            None => bad.push(n + 1),
        }
    }
    let note = (!bad.is_empty()).then(|| {
        let shown: Vec<String> = bad.iter().take(5).map(ToString::to_string).collect();
        let more = if bad.len() > 5 { ", ..." } else { "" };
        format!(
            "{} line(s) with no article object (title and text): line {}{more}",
            bad.len(),
            shown.join(", ")
        )
    });
    (out, note)
}

/// One line's article, when it has text.
fn item(rel: &str, line: usize, v: &Value) -> Option<Item> {
    let obj = v.as_object()?;
    let field = |names: &[&str]| names.iter().find_map(|k| string(obj.get(*k)?));
    let body = paragraphs(&field(TEXT)?);
    if body.is_empty() {
        return None;
    }
    let url =
        field(&["url", "link"]).filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let meta = Meta {
        title: field(&["title", "headline"])
            .map(|t| fold(&t))
            .unwrap_or_default(),
        url,
        date: field(DATE).as_deref().and_then(super::date::parse),
        author: field(AUTHOR).map(|a| fold(&a)).filter(|a| !a.is_empty()),
        ..Meta::default()
    };
    Some(Item {
        rel: format!("{rel}#{line}"),
        text: body.join("\n\n") + "\n",
        meta,
        outlet: field(OUTLET).map(|o| fold(&o)).filter(|o| !o.is_empty()),
    })
}

/// A string, or the strings of an array joined with commas (news-please's `authors`).
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(a) => {
            let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = concat!(
        r#"{"title":"Dam gate fails","maintext":"A floodgate failed on Thursday.\n\nVillages were evacuated.","url":"https://ledger.example.org/dam","date_publish":"2025-06-12 07:40:00","source_domain":"ledger.example.org","authors":["Ines Moreau","Paul Roy"]}"#,
        "\n\n",
        r#"{"title":"Second","text":"<p>Rain is expected on Friday.</p>","source":"The Ledger","date":"2025-06-13"}"#,
        "\nnot json\n",
        r#"{"title":"No text"}"#,
        "\n"
    );

    #[test]
    fn articles_from_scraper_lines() {
        let (items, note) = items("scrape.jsonl", LINES);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].rel, "scrape.jsonl#1");
        assert_eq!(
            items[0].text,
            "A floodgate failed on Thursday.\n\nVillages were evacuated.\n"
        );
        assert_eq!(items[0].meta.title, "Dam gate fails");
        assert_eq!(items[0].meta.date.as_deref(), Some("2025-06-12"));
        assert_eq!(
            items[0].meta.author.as_deref(),
            Some("Ines Moreau, Paul Roy")
        );
        assert_eq!(items[0].outlet.as_deref(), Some("ledger.example.org"));
        assert_eq!(items[1].rel, "scrape.jsonl#3");
        assert_eq!(items[1].text, "Rain is expected on Friday.\n");
        assert_eq!(items[1].outlet.as_deref(), Some("The Ledger"));
        let note = note.unwrap();
        assert!(note.contains("line 4, 5"), "{note}");
    }
}
