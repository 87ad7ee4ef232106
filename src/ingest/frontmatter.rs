//! Front matter: YAML between `---` fences or TOML between `+++` fences at the top of a file.

use std::ops::Range;

use serde::Deserialize;

use super::Meta;

/// The result of splitting a file: the metadata it declares and where the body starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Title, outlet, url, date, author as given (empty or `None` when absent).
    pub meta: Meta,
    /// Byte range of the body in the raw text (the whole text when there is no front matter).
    pub body: Range<usize>,
}

/// Keys accepted in front matter. Unknown keys are ignored: articles come from many tools.
#[derive(Debug, Default, Deserialize)]
struct Fields {
    title: Option<Scalar>,
    outlet: Option<Scalar>,
    #[serde(alias = "source", alias = "publisher", alias = "site")]
    site_name: Option<Scalar>,
    url: Option<Scalar>,
    #[serde(alias = "published", alias = "pubdate")]
    date: Option<Scalar>,
    #[serde(alias = "byline")]
    author: Option<Scalar>,
}

/// A scalar of any type read as text (TOML dates and YAML numbers included).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(toml::value::Datetime),
}

impl Scalar {
    fn into_text(self) -> String {
        match self {
            Scalar::Text(s) => s.trim().to_string(),
            Scalar::Int(n) => n.to_string(),
            Scalar::Float(n) => n.to_string(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Date(d) => d.to_string(),
        }
    }
}

/// Split front matter off `raw`. Malformed front matter is an error message for a warning.
pub fn split(raw: &str) -> Result<FrontMatter, String> {
    let start = raw.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let text = &raw[start..];
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return Ok(no_front_matter(raw, start));
    };
    // The opening fence must be alone on its line.
    let Some(first_nl) = text.find('\n') else {
        return Ok(no_front_matter(raw, start));
    };
    if text[..first_nl].trim_end() != fence {
        return Ok(no_front_matter(raw, start));
    }
    let header_start = first_nl + 1;
    let mut pos = header_start;
    let mut close = None;
    for line in text[header_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((header_end, body_start)) = close else {
        return Err(format!(
            "front matter opened with `{fence}` is never closed"
        ));
    };
    let header = &text[header_start..header_end];
    let fields: Fields = if fence == "---" {
        if header.trim().is_empty() {
            Fields::default()
        } else {
            serde_saphyr::from_str(header).map_err(|e| one_line("YAML", &e))?
        }
    } else {
        toml::from_str(header).map_err(|e| one_line("TOML", &e))?
    };
    let text_of = |s: Option<Scalar>| s.map(Scalar::into_text).filter(|s| !s.is_empty());
    let meta = Meta {
        title: text_of(fields.title).unwrap_or_default(),
        outlet: text_of(fields.outlet)
            .or_else(|| text_of(fields.site_name))
            .unwrap_or_default(),
        url: text_of(fields.url),
        date: text_of(fields.date).map(|d| super::date::parse(&d).unwrap_or(d)),
        author: text_of(fields.author),
        ..Meta::default()
    };
    Ok(FrontMatter {
        meta,
        body: start + body_start..raw.len(),
    })
}

/// A parser's error on one line: its first line (parsers add the offending source and a
/// caret underneath), shortened, so the warning stays one `warning: PATH: REASON` line.
fn one_line(format: &str, err: &dyn std::fmt::Display) -> String {
    let text = err.to_string();
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut short: String = first.chars().take(160).collect();
    if short.len() < first.len() {
        short.push('…');
    }
    format!("{format} front matter: {short}")
}

fn no_front_matter(raw: &str, start: usize) -> FrontMatter {
    FrontMatter {
        meta: Meta::default(),
        body: start..raw.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_front_matter_error_is_one_short_line() {
        let bad = [
            "---\ntitle: [unclosed\noutlet: {a: b\n  - x\n---\nBody.\n",
            "---\ntitle: \"a\"\n  outlet: : :\n\tdate: x\n---\nBody.\n",
            "+++\ntitle = \nother = [1,\n+++\nBody.\n",
        ];
        for raw in bad {
            let err = split(raw).unwrap_err();
            assert!(!err.contains('\n'), "{err}");
            assert!(err.len() < 200, "{err}");
            assert!(err.contains("front matter"), "{err}");
        }
    }

    #[test]
    fn yaml_front_matter() {
        let raw = "---\ntitle: \"Talks: day two\"\noutlet: Meridian Wire\ndate: 2021-03-24\nurl: https://example.org/a\n---\nBody.\n";
        let fm = split(raw).unwrap();
        assert_eq!(fm.meta.title, "Talks: day two");
        assert_eq!(fm.meta.outlet, "Meridian Wire");
        assert_eq!(fm.meta.date.as_deref(), Some("2021-03-24"));
        assert_eq!(fm.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(&raw[fm.body], "Body.\n");
    }

    #[test]
    fn toml_front_matter_with_a_native_date() {
        let raw = "+++\ntitle = \"T\"\noutlet = \"Ledger\"\ndate = 2021-03-25\n+++\nBody.";
        let fm = split(raw).unwrap();
        assert_eq!(fm.meta.outlet, "Ledger");
        assert_eq!(fm.meta.date.as_deref(), Some("2021-03-25"));
        assert_eq!(&raw[fm.body], "Body.");
    }

    #[test]
    fn no_front_matter_keeps_whole_text() {
        let raw = "Headline\n\n--- not a fence\n";
        let fm = split(raw).unwrap();
        assert_eq!(fm.body, 0..raw.len());
        assert_eq!(fm.meta, Meta::default());
    }

    #[test]
    fn unclosed_or_malformed_front_matter_is_an_error() {
        assert!(
            split("---\ntitle: x\nBody")
                .unwrap_err()
                .contains("never closed")
        );
        assert!(
            split("+++\ntitle = \n+++\nBody")
                .unwrap_err()
                .contains("TOML")
        );
    }
}
