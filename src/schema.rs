//! The JSON Schemas of `--format json` output, generated from the model itself with schemars
//! so that a schema cannot drift from what is written. `brief schema brief` and `brief schema
//! edition` print them; `docs/brief.schema.json` and `docs/edition.schema.json` are that
//! output, and a test fails when they are not current.
//!
//! Field descriptions are the model's doc comments. Every object is closed
//! (`additionalProperties: false`) and every field that is always written is required, so a
//! reader can rely on the shape: a value that is unknown is `null`, never missing.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::edition::{EDITION_VERSION, Edition};
use crate::render::JsonBrief;

/// Which JSON document a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// A brief: `brief build FOLDER --format json`.
    Brief,
    /// An edition's front page: `brief.json` of a folder of many stories.
    Edition,
}

/// The schema of `document`, as JSON.
pub fn schema(document: Document) -> Value {
    match document {
        Document::Brief => generate::<JsonBrief<'static>>(
            "urn:brief:schema:brief:1",
            "brief: the Brief model (brief build --format json)",
            &format!(
                "Schema version {}. Generated from the model by `brief schema brief`. Fields \
                 are only added in a compatible way within a version; removing or renaming a \
                 field, or changing its type, bumps schema_version. See docs/json-schema.md.",
                crate::brief::SCHEMA_VERSION
            ),
        ),
        Document::Edition => generate::<Edition>(
            "urn:brief:schema:edition:1",
            "brief: an edition's front page (brief.json of a folder of many stories)",
            &format!(
                "Edition version {EDITION_VERSION}. Generated from the model by `brief schema \
                 edition`. Each story's own brief (stories/SLUG/brief.json) follows \
                 brief.schema.json. See docs/edition.md."
            ),
        ),
    }
}

/// The schema of `document` as pretty JSON with a final newline: the text of the files in
/// docs/.
pub fn text(document: Document) -> String {
    // A `Value` always serialises.
    serde_json::to_string_pretty(&schema(document)).unwrap_or_default() + "\n"
}

/// Generate the schema of `T` for what serialising it writes, close every object, and set
/// the identity fields.
fn generate<T: JsonSchema>(id: &str, title: &str, description: &str) -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut body = generator.into_root_schema_for::<T>().to_value();
    close_objects(&mut body);
    let mut root = Map::new();
    // Keys are written in sorted order (serde_json's map), so the file is stable.
    root.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    root.insert("$id".into(), id.into());
    root.insert("title".into(), title.into());
    root.insert("description".into(), description.into());
    if let Value::Object(body) = body {
        for (key, value) in body {
            if !matches!(key.as_str(), "$schema" | "$id" | "title" | "description") {
                root.insert(key, value);
            }
        }
    }
    Value::Object(root)
}

/// Set `additionalProperties: false` on every object schema that lists its properties, and
/// make the doc comments read as descriptions ([`plain_code_links`]).
fn close_objects(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), false.into());
            }
            if let Some(Value::String(text)) = map.get_mut("description") {
                *text = plain_code_links(text);
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// A doc comment as a description: lines of a paragraph joined with spaces, and
/// ``[`name`]`` (a rustdoc link) -> `` `name` `` (a Markdown link ``[`name`](url)`` is kept).
fn plain_code_links(text: &str) -> String {
    let text = text
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = text.as_str();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[`") {
        let after = &rest[open + 1..];
        let link = after[1..]
            .find('`')
            .map(|end| end + 2)
            .filter(|&end| after[end..].starts_with(']') && !after[end + 1..].starts_with('('));
        out.push_str(&rest[..open]);
        match link {
            Some(end) => {
                out.push_str(&after[..end]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_links_become_plain_code() {
        assert_eq!(
            plain_code_links("Version ([`SCHEMA_VERSION`]), see [`x`](u) and [a]."),
            "Version (`SCHEMA_VERSION`), see [`x`](u) and [a]."
        );
        assert_eq!(plain_code_links("[`open"), "[`open");
        assert_eq!(plain_code_links("one\ntwo\n\nthree"), "one two\n\nthree");
    }

    #[test]
    fn every_object_is_closed() {
        for document in [Document::Brief, Document::Edition] {
            let schema = schema(document);
            assert_eq!(
                schema["$schema"],
                "https://json-schema.org/draft/2020-12/schema"
            );
            assert!(
                schema["$id"]
                    .as_str()
                    .is_some_and(|id| id.starts_with("urn:brief:"))
            );
            let text = text(document);
            assert!(!text.contains("[`"), "{text}");
            fn check(value: &Value) {
                match value {
                    Value::Object(map) => {
                        if map.contains_key("properties") {
                            assert_eq!(map.get("additionalProperties"), Some(&Value::Bool(false)));
                        }
                        map.values().for_each(check);
                    }
                    Value::Array(items) => items.iter().for_each(check),
                    _ => {}
                }
            }
            check(&schema);
        }
    }
}
