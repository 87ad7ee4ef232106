//! The summary slice: which sentences tell what happened, chosen by [`rank::select_with`]
//! (coverage of the story's concepts, weighted by centrality and entity salience) within the
//! length budget of [`Settings::select`].

use super::{Settings, View};
use crate::rank::{self, Point};

/// The summary points, in reading order: each a sentence and the near-copies carried by
/// other articles.
pub fn analyse(view: &View<'_>, settings: &Settings) -> Vec<Point> {
    rank::select_with(view.corpus, view.lexicon, view.scores, &settings.select)
}
