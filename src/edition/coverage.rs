//! Coverage: how many of the edition's outlets carry a story, and, when the user described
//! the outlets in `brief.toml` (`[labels."Outlet"] country = "UK"`), how many of each label's
//! outlets. Only labels the user wrote are shown; an outlet without one is counted as not
//! labelled, never guessed.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;

/// Outlet -> label -> value, as in `brief.toml`.
pub type Labels = BTreeMap<String, BTreeMap<String, String>>;

/// A story's coverage by one label (`country`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LabelCoverage {
    /// The label.
    pub label: String,
    /// Each value the edition's outlets have, sorted by value.
    pub values: Vec<ValueCoverage>,
    /// The story's outlets that have no value for this label.
    pub unlabelled: usize,
}

/// How many outlets of one value carry the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ValueCoverage {
    /// The value (`UK`).
    pub value: String,
    /// The story's outlets with this value.
    pub outlets: usize,
    /// The edition's outlets with this value.
    pub of: usize,
}

/// The labels in use: those given to at least one of the edition's outlets, sorted.
pub fn labels_in_use(labels: &Labels, outlets: &BTreeSet<String>) -> Vec<String> {
    let mut names = BTreeSet::new();
    for outlet in outlets {
        if let Some(l) = labels.get(outlet) {
            names.extend(l.keys().cloned());
        }
    }
    names.into_iter().collect()
}

/// The coverage of a story told by `story` among the edition's `outlets`, one entry per
/// label in use (none when no label is configured).
pub fn coverage(
    labels: &Labels,
    outlets: &BTreeSet<String>,
    story: &BTreeSet<String>,
) -> Vec<LabelCoverage> {
    labels_in_use(labels, outlets)
        .into_iter()
        .map(|label| {
            let value_of =
                |o: &String| -> Option<&String> { labels.get(o).and_then(|l| l.get(&label)) };
            let mut values: BTreeMap<&String, (usize, usize)> = BTreeMap::new();
            for o in outlets {
                if let Some(v) = value_of(o) {
                    let e = values.entry(v).or_default();
                    e.1 += 1;
                    if story.contains(o) {
                        e.0 += 1;
                    }
                }
            }
            LabelCoverage {
                unlabelled: story.iter().filter(|o| value_of(o).is_none()).count(),
                values: values
                    .into_iter()
                    .map(|(value, (outlets, of))| ValueCoverage {
                        value: value.clone(),
                        outlets,
                        of,
                    })
                    .collect(),
                label,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_by_label_and_never_invents_one() {
        let mut labels = Labels::new();
        labels.insert("Wire".into(), [("country".into(), "UK".into())].into());
        labels.insert("Post".into(), [("country".into(), "UK".into())].into());
        labels.insert(
            "Gazette".into(),
            [("country".into(), "France".into())].into(),
        );
        let outlets = set(&["Wire", "Post", "Gazette", "Blog"]);
        let c = coverage(&labels, &outlets, &set(&["Wire", "Blog"]));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].label, "country");
        assert_eq!(
            c[0].values,
            [
                ValueCoverage {
                    value: "France".into(),
                    outlets: 0,
                    of: 1
                },
                ValueCoverage {
                    value: "UK".into(),
                    outlets: 1,
                    of: 2
                },
            ]
        );
        assert_eq!(c[0].unlabelled, 1);
        assert!(coverage(&Labels::new(), &outlets, &outlets).is_empty());
    }
}
