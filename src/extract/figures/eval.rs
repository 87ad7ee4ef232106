//! Precision and recall against tests/data/figures_annotated.tsv.
