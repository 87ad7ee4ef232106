//! Grouping and status: figures with the same key and unit class form one comparison;
//! outlets agree when their qualifier-widened intervals, in a common base unit, overlap.
//! Background figures (another event or year) are never compared, an outlet that gives
//! two incompatible values for one key makes no dispute (the key is ambiguous there), and
//! values an article calls earlier ("originally 4.4") or that grow with dates or by "rose
//! to" make a revision, not a dispute.

use std::collections::{BTreeMap, BTreeSet};

use unicode_segmentation::UnicodeSegmentation;

use super::phrase::is_when;
use super::synonyms::is_cumulative;
use super::{Comparison, Figure, Status};
use crate::document::BlockKind;
use crate::text::Corpus;
use crate::text::tokens::{is_stop_word, stem, words};

/// Content stems of a figure's sentence, the words of its key left out.
fn content(corpus: &Corpus, f: &Figure) -> BTreeSet<String> {
    let key: BTreeSet<String> = f
        .key
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(stem)
        .collect();
    words(corpus.text(&corpus.sentences[f.sentence]))
        .into_iter()
        .filter(|w| w.len() > 3 && w.chars().all(char::is_alphabetic) && !is_stop_word(w))
        .map(|w| stem(&w))
        .filter(|s| !key.contains(s))
        .collect()
}

/// Whether two sentences share at least two content words besides the key: a dispute on a
/// bare counted noun ("boats") needs both figures to be about the same scene.
fn same_scene(corpus: &Corpus, a: &Figure, b: &Figure) -> bool {
    let (ca, cb) = (content(corpus, a), content(corpus, b));
    ca.intersection(&cb).count() >= 2
}

/// Capitalised words that are not names wherever they stand (besides days and months).
const NOT_NAMES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "I", "AP"];

/// Pronouns that open a sentence about someone the previous sentence named.
const PRONOUNS: &[&str] = &["He", "She", "They", "His", "Her", "Their", "It", "Its"];

/// The names a sentence gives (capitalised words; the first word only when its article
/// capitalises it inside a sentence too), and, for a sentence that opens with a pronoun,
/// the names of the sentence before it: whose figure it is.
fn holders(corpus: &Corpus, sentence: usize, inner: &BTreeSet<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(s) = corpus.sentences.get(sentence) else {
        return out;
    };
    let names = |text: &str, out: &mut BTreeSet<String>| {
        for (n, w) in text.unicode_words().enumerate() {
            let capital = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() > 1
                && !NOT_NAMES.contains(&w)
                && !is_when(&w.to_lowercase());
            if capital && (n > 0 || inner.contains(w)) {
                out.insert(w.to_string());
            }
        }
    };
    let text = corpus.text(s);
    let opener = text.unicode_words().next().unwrap_or("");
    if PRONOUNS.contains(&opener)
        && let Some(prev) = sentence.checked_sub(1).map(|p| &corpus.sentences[p])
        && prev.doc == s.doc
        && prev.kind != BlockKind::Headline
    {
        names(corpus.text(prev), &mut out);
    }
    names(text, &mut out);
    out
}

/// The words a document capitalises inside its body sentences (so names, not openers).
fn inner_capitals(corpus: &Corpus, doc: usize) -> BTreeSet<&str> {
    corpus
        .sentences
        .iter()
        .filter(|s| s.doc == doc && s.kind != BlockKind::Headline)
        .flat_map(|s| corpus.text(s).unicode_words().skip(1))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

/// Whether two figures belong to different holders: both sentences name someone or
/// something and share no name ("Thomas has eight touchdowns" and "Bush rushed for two
/// touchdowns"). Such values are two facts, not one fact told differently.
fn different_holders(corpus: &Corpus, a: &Figure, b: &Figure) -> bool {
    let inner_a = inner_capitals(corpus, a.doc);
    let inner_b = inner_capitals(corpus, b.doc);
    let (ha, hb) = (
        holders(corpus, a.sentence, &inner_a),
        holders(corpus, b.sentence, &inner_b),
    );
    !ha.is_empty() && !hb.is_empty() && ha.is_disjoint(&hb)
}

/// Whether a figure's sentence counts over a season or a career ("52 passes this season",
/// "his career-high 59 catches"): a running total, which one game's figure cannot
/// contradict. ("So far" is not enough: a death toll "so far" is the event's figure.)
fn running_total(corpus: &Corpus, f: &Figure) -> bool {
    corpus.sentences.get(f.sentence).is_some_and(|s| {
        corpus.text(s).unicode_words().any(|w| {
            w.eq_ignore_ascii_case("season")
                || w.eq_ignore_ascii_case("seasons")
                || w.eq_ignore_ascii_case("career")
        })
    })
}

/// The place or thing a figure describes in apposition: "Dharan, 130 miles southeast of
/// Katmandu", "Matamoros, a city of 400,000", "Bhaktapur, an ancient town seven miles east of
/// Katmandu": the capitalised words right before a comma, with at most an article, three
/// lower-case words and "of" between the comma and the figure. The flag says the holder is
/// a fronted place, the scene the sentence opens on ("In Corran, 30 miles northeast of
/// Arden, ..."; "In the coastal resort of X, about 25 miles ...").
fn apposition_holder<'a>(corpus: &'a Corpus, f: &Figure) -> Option<(&'a str, bool)> {
    let s = corpus.sentences.get(f.sentence)?;
    let doc = corpus.docs.get(f.doc)?;
    let before = doc.text(&(s.span.start..f.span.start.max(s.span.start)));
    let (head, gap) = before.rsplit_once(", ")?;
    let mut words = gap.split_whitespace();
    let mut lower = 0;
    if let Some(first) = words.next() {
        if !matches!(first, "a" | "an") {
            return None;
        }
        for w in words {
            if w == "of" {
                continue;
            }
            lower += 1;
            if lower > 3 || !w.chars().all(|c| c.is_lowercase() || c == '-') {
                return None;
            }
        }
    }
    // The capitalised words that end the text before the comma ("Los Gatos", "Dharan").
    let start = head
        .rsplit(' ')
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.len() + 1)
        .sum::<usize>();
    let name = head.get(head.len().saturating_sub(start)..)?.trim();
    let rest = head.get(..head.len().saturating_sub(start)).unwrap_or("");
    // "In Corran, ...": the preposition opening the sentence is no part of the name.
    let (name, opened) = match name.split_once(' ') {
        Some((p @ ("In" | "At" | "Near"), n)) if rest.trim().is_empty() => (n, Some(p)),
        _ => (name, None),
    };
    let fronted = opened.is_some()
        || (matches!(rest.split_whitespace().next(), Some("In" | "At" | "Near"))
            && !rest.contains(',')
            && !rest.bytes().any(|b| b.is_ascii_digit()));
    // "two miles northeast of The Geysers, four miles west of Cobb": a list of distances,
    // the name before the comma the reference of the one before. (Not so for a count: "the
    // beach area of Corran, a town of 20,000" gives Corran's population.)
    let reference = !fronted
        && unit_class(f.unit.as_deref()) == "length"
        && rest
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "of" | "from" | "to"));
    (!reference && name.chars().any(char::is_alphabetic)).then_some((name, fronted))
}

/// Whether two figures describe different places or things in apposition: "Valladolid, a
/// city of 80,000" and "Matamoros, a city of 400,000"; "Dharan, 130 miles southeast of
/// Katmandu" and "Bhaktapur, an ancient town seven miles east of Katmandu". (When only one
/// says whose it is, it may be the other's too: "centered in Geyserville, about 20 miles
/// north of Santa Rosa" and "struck about 26 miles north of Santa Rosa".) A fronted scene
/// is the other way: "In Corran, 30 miles northeast of Arden, shops fell in" locates a town
/// the story visits, not its event, so it is compared only with figures about the same place.
fn different_appositions(corpus: &Corpus, a: &Figure, b: &Figure) -> bool {
    match (apposition_holder(corpus, a), apposition_holder(corpus, b)) {
        (Some((x, _)), Some((y, _))) => !x.eq_ignore_ascii_case(y),
        (Some((_, fronted)), None) | (None, Some((_, fronted))) => fronted,
        (None, None) => false,
    }
}

/// Whether the article of figure `b` states, in `b`'s own sentence, a value compatible with
/// figure `a` as well ("deadlocked at 9-3, with nine in favor of the death penalty and three
/// voting for life"; "seven consecutive life sentences and four sentences of life without
/// parole"): the two values are two parts of one fact, and another outlet citing the other
/// part does not contradict it.
fn states_both(figures: &[Figure], a: usize, b: usize) -> bool {
    let (fa, fb) = (&figures[a], &figures[b]);
    let from = figures.partition_point(|f| (f.doc, f.sentence) < (fb.doc, fb.sentence));
    figures[from..]
        .iter()
        .take_while(|f| (f.doc, f.sentence) == (fb.doc, fb.sentence))
        .any(|f| {
            f.span != fb.span
                && unit_class(f.unit.as_deref()) == unit_class(fa.unit.as_deref())
                && base(f).0 == base(fa).0
                && compatible(f, fa)
        })
}

/// Whether a figure is an order of magnitude in words ("hundreds", "tens of thousands",
/// "dozens"): a sense of scale, not a count another outlet's count can contradict.
fn vague(corpus: &Corpus, f: &Figure) -> bool {
    f.display(corpus).unicode_words().any(|w| {
        [
            "dozens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "billions",
        ]
        .iter()
        .any(|v| w.eq_ignore_ascii_case(v))
    })
}

/// Whether two distances from one place are given in bearings more than 45 degrees apart
/// ("80 miles southeast of San Francisco", "50 miles south"... "35 miles northeast"): they
/// locate different places. Neighbouring points ("north", "north-northeast") may be one.
fn apart_in_bearing(a: &Figure, b: &Figure) -> bool {
    let (Some(x), Some(y)) = (a.bearing, b.bearing) else {
        return false;
    };
    let d = (x - y).abs() % 360.0;
    d.min(360.0 - d) > 45.0
}

/// The interval a qualified figure allows. Reporters round: "about" covers ±10%, "more than
/// X" a figure up to 20% above X (a figure 40% higher would have been reported as such) or up
/// to X's next rounding step, whichever is more ("more than 200" allows up to 300, "more than two
/// dozen" 36: a reporter rounds down to the step the number is written to), "nearly X" down
/// to 15% below, "up to X" down to half of X.
pub(super) fn widen(f: &Figure) -> (f64, f64) {
    let (lo, hi) = (f.value.low, f.value.high);
    match f.qualifier.as_deref() {
        Some(
            "about" | "around" | "roughly" | "approximately" | "some" | "an estimated"
            | "estimated" | "or so" | "close to",
        ) => (lo * 0.9, hi * 1.1),
        // A bound leaves room of at least one unit: "at least two" allows three.
        Some("more than" | "above" | "over" | "well over" | "just over" | "at least") => {
            (lo, (hi * 1.2).max(hi + f.step.max(1.0)))
        }
        Some("nearly" | "almost" | "just under") => (lo * 0.85, hi),
        Some("less than" | "fewer than" | "under" | "below") => ((lo * 0.8).min(lo - 1.0), hi),
        Some("up to" | "at most" | "as many as" | "as much as") => (lo * 0.5, hi),
        _ => (lo, hi),
    }
}

fn days(unit: &str) -> Option<f64> {
    Some(match unit {
        "seconds" => 1.0 / 86_400.0,
        "minutes" => 1.0 / 1_440.0,
        "hours" | "hour" => 1.0 / 24.0,
        "days" | "day" => 1.0,
        "weeks" | "week" => 7.0,
        "months" | "month" => 30.44,
        "years" | "year" => 365.25,
        "decades" => 3_652.5,
        _ => return None,
    })
}

/// The unit class a key is compared within.
pub(super) fn unit_class(unit: Option<&str>) -> &str {
    match unit {
        None | Some("people") => "count",
        Some(u) if days(u).is_some() => "time",
        Some("USD" | "EUR" | "GBP") => "money",
        Some("m" | "km" | "cm" | "mi" | "nmi") => "length",
        Some(u) => u,
    }
}

/// A key for the base unit and the factor to it: time in days, lengths in metres, rates per
/// day, so "$400 million an hour" compares with "$9.6 billion a day".
pub(super) fn base(f: &Figure) -> (String, f64) {
    let unit = f.unit.as_deref();
    let (key, mut factor) = match unit {
        Some(u) if days(u).is_some() => ("days".to_string(), days(u).unwrap_or(1.0)),
        Some("km") => ("m".into(), 1_000.0),
        Some("cm") => ("m".into(), 0.01),
        Some("mi") => ("m".into(), 1_609.344),
        Some("nmi") => ("m".into(), 1_852.0),
        Some(u @ ("USD" | "EUR" | "GBP")) => (u.to_string(), 1.0),
        _ => (unit_class(unit).to_string(), 1.0),
    };
    let key = match f.per.as_deref() {
        Some(p) => {
            factor /= days(p).unwrap_or(1.0);
            format!("{key}/day")
        }
        None => key,
    };
    (key, factor)
}

/// Whether two figures can both be right. Different base units (euros and dollars, a
/// rate and a total) have nothing to contradict; lengths allow 5% for conversions.
pub(super) fn compatible(a: &Figure, b: &Figure) -> bool {
    let ((ka, fa), (kb, fb)) = (base(a), base(b));
    if ka != kb {
        return true;
    }
    let ((al, ah), (bl, bh)) = (widen(a), widen(b));
    let slack = if ka == "m" && a.unit != b.unit {
        0.05
    } else {
        0.0
    };
    let eps = 1e-9 * (ah.abs() + bh.abs()).max(1.0);
    al * fa * (1.0 - slack) <= bh * fb + eps && bl * fb * (1.0 - slack) <= ah * fa + eps
}

fn mid(f: &Figure) -> f64 {
    let (_, k) = base(f);
    (f.value.low + f.value.high) / 2.0 * k
}

/// The words most figures of a group use for what they measure (ties: the first seen).
fn name(figures: &[Figure], idx: &[usize], key: &str) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (n, &i) in idx.iter().enumerate() {
        if let Some(m) = figures[i].measure.as_deref() {
            let e = counts.entry(m).or_insert((0, n));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (c, first))| (c, std::cmp::Reverse(first)))
        .map_or_else(|| key.to_string(), |(m, _)| m.to_string())
}

/// Build the comparisons: disputes, then revisions, then agreements (each with more outlets
/// first), then single-source measures; ties keep corpus order.
pub(super) fn compare(corpus: &Corpus, figures: &[Figure]) -> Vec<Comparison> {
    let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        // A key of one letter is a cut abbreviation ("of U.S. goods"), not a measure.
        if let Some(k) = &f.key
            && f.background.is_none()
            && k.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        {
            groups
                .entry((k.as_str(), unit_class(f.unit.as_deref())))
                .or_default()
                .push(i);
        }
    }
    let outlet = |i: usize| {
        corpus
            .docs
            .get(figures[i].doc)
            .map_or("", |d| d.meta.outlet.as_str())
    };
    let date = |i: usize| {
        corpus
            .docs
            .get(figures[i].doc)
            .and_then(|d| d.meta.date.as_deref())
    };
    // A headline states what its article's body states in full; a measure only headlines
    // carry ("Charged With Two Counts Of Murder") is a label, not a figure to compare.
    let headline = |i: usize| {
        corpus
            .sentences
            .get(figures[i].sentence)
            .is_some_and(|s| s.kind == BlockKind::Headline)
    };
    let carried = Carried::new(figures, outlet);
    let mut ranked = Vec::new();
    for ((key, _), mut idx) in groups {
        if idx.iter().all(|&i| headline(i)) {
            continue;
        }
        // Dated figures oldest first, undated ones after them; of one day, the body's before
        // the headline's (shown for an outlet that gives the value in both).
        idx.sort_by_key(|&i| (date(i).is_none(), date(i), headline(i), i));
        let outlets: BTreeSet<&str> = idx.iter().map(|&i| outlet(i)).collect();
        // One outlet's small counts ("two sides", "the two diplomats", "four times") and
        // generic keys are no figure worth a reader's check: say less.
        let minor = |i: usize| {
            let f = &figures[i];
            f.weak || (f.unit.is_none() && f.value.high < 5.0) || f.unit.as_deref() == Some("times")
        };
        if outlets.len() < 2 && idx.iter().all(|&i| minor(i)) {
            continue;
        }
        let (status, shown) = if outlets.len() < 2 {
            (Status::Single, None)
        } else {
            let scene = |a: usize, b: usize| {
                (!(figures[a].plain || figures[b].plain)
                    || same_scene(corpus, &figures[a], &figures[b]))
                    && !different_holders(corpus, &figures[a], &figures[b])
                    && running_total(corpus, &figures[a]) == running_total(corpus, &figures[b])
                    && !apart_in_bearing(&figures[a], &figures[b])
                    && !states_both(figures, a, b)
                    && !different_appositions(corpus, &figures[a], &figures[b])
                    && !states_both(figures, b, a)
                    && !vague(corpus, &figures[a])
                    && !vague(corpus, &figures[b])
            };
            let carries = |a: usize, b: usize| carried.carries(outlet(a), figures, a, b);
            match status(figures, &idx, key, outlet, date, scene, carries) {
                Some(found) => found,
                None => continue, // unsure: say nothing
            }
        };
        // A dispute shows the values of its scene, not other places' or things' values of
        // the same key; the measure keeps the whole group's name.
        let measure = name(figures, &idx, key);
        let idx = shown.unwrap_or(idx);
        let first = idx.iter().copied().min().unwrap_or(0);
        ranked.push((
            status,
            std::cmp::Reverse(outlets.len()),
            first,
            Comparison {
                measure,
                figures: idx,
                status,
                agree: matches!(status, Status::Agree | Status::Single),
            },
        ));
    }
    ranked.sort_by_key(|a| (a.0, a.1, a.2));
    ranked.into_iter().map(|r| r.3).collect()
}

/// Each outlet's figures in a unit (a duration, a sum of money, a length, a percentage; not
/// a bare count), by base unit: what values an outlet states anywhere in its articles.
struct Carried<'a> {
    by_outlet: BTreeMap<(&'a str, String), Vec<usize>>,
}

impl<'a> Carried<'a> {
    fn new(figures: &[Figure], outlet: impl Fn(usize) -> &'a str) -> Self {
        let mut by_outlet: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
        for (i, f) in figures.iter().enumerate() {
            if unit_class(f.unit.as_deref()) != "count" {
                by_outlet.entry((outlet(i), base(f).0)).or_default().push(i);
            }
        }
        Carried { by_outlet }
    }

    /// Whether the outlet of figure `a` (named `outlet`) states, anywhere in its articles, a
    /// value figure `b` allows: "serving a 12-year sentence" beside "was sentenced to seven
    /// years" (an earlier conviction) against another outlet's "12 years". An outlet cannot
    /// dispute a value it reports itself; its two values are two things the key does not
    /// tell apart. (Bare counts are left out: any number of anything would match.)
    fn carries(&self, outlet: &'a str, figures: &[Figure], a: usize, b: usize) -> bool {
        let fb = &figures[b];
        if unit_class(fb.unit.as_deref()) == "count" {
            return false;
        }
        self.by_outlet
            .get(&(outlet, base(fb).0))
            .is_some_and(|mine| {
                mine.iter()
                    .any(|&k| k != a && k != b && compatible(&figures[k], fb))
            })
    }
}

/// This many different values of one measure make a dispute unsure.
const MANY_VALUES: usize = 5;

/// More values than this for one measured thing in one story make its status unsure.
const MAX_GROUP: usize = 256;

/// The status of a group from two or more outlets, and for a dispute the figures it is
/// about: the values of each disputing pair and every value told of the same scene as one
/// of them ("Matamoros, a city of 400,000" against "a city of 280,000", without "Valladolid,
/// a city of 80,000"). `None` when it would call a dispute on a generic key.
fn status<'a>(
    figures: &[Figure],
    idx: &[usize],
    key: &str,
    outlet: impl Fn(usize) -> &'a str,
    date: impl Fn(usize) -> Option<&'a str>,
    scene: impl Fn(usize, usize) -> bool,
    carries: impl Fn(usize, usize) -> bool,
) -> Option<(Status, Option<Vec<usize>>)> {
    // So many values for one thing are not one figure told differently: unsure, and the
    // pairwise checks below would grow with the square of the group.
    if idx.len() > MAX_GROUP {
        return None;
    }
    let f = |i: usize| &figures[i];
    // A value some article calls the earlier one is outdated wherever it appears.
    let superseded: Vec<usize> = idx.iter().copied().filter(|&j| f(j).superseded).collect();
    let outdated = |i: usize| {
        f(i).superseded
            || superseded.iter().any(|&j| {
                base(f(j)).0 == base(f(i)).0
                    && compatible(f(i), f(j))
                    && !idx.iter().any(|&k| {
                        !f(k).superseded && outlet(k) == outlet(j) && compatible(f(i), f(k))
                    })
            })
    };
    // An outlet with two incompatible values for the key: the key is ambiguous there.
    let mut torn_outlets: BTreeMap<&str, bool> = BTreeMap::new();
    for &i in idx {
        torn_outlets.entry(outlet(i)).or_insert_with(|| {
            let o = outlet(i);
            let mine: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| outlet(i) == o && !outdated(i) && !f(i).update)
                .collect();
            mine.iter()
                .enumerate()
                .any(|(n, &a)| mine[n + 1..].iter().any(|&b| !compatible(f(a), f(b))))
        });
    }
    let torn = |o: &str| torn_outlets.get(o).copied().unwrap_or(false);
    let mut clashes = Vec::new();
    let mut stale = false;
    let mut ambiguous = false;
    for (n, &a) in idx.iter().enumerate() {
        for &b in &idx[n + 1..] {
            if outlet(a) == outlet(b) || compatible(f(a), f(b)) {
                continue;
            }
            if outdated(a) || outdated(b) {
                stale = true;
            } else if torn(outlet(a)) || torn(outlet(b)) || carries(a, b) || carries(b, a) {
                ambiguous = true;
            } else {
                clashes.push((a, b));
            }
        }
    }
    // Five or more different values of one measure across the story are several things
    // (each player's yards, each season's games), not one figure told differently.
    let mut values: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for &i in idx.iter().filter(|&&i| !outdated(i)) {
        values
            .entry(base(f(i)).0)
            .or_default()
            .insert(mid(f(i)).to_bits());
    }
    if !clashes.is_empty() && values.values().any(|v| v.len() >= MANY_VALUES) {
        return None;
    }
    // Values that differ on an ambiguous key are never "agree": say nothing, unless an
    // article calls one of the values the earlier one ("originally rated 4.4"): that
    // revision is stated by the text whatever else the key holds.
    if clashes.is_empty() && ambiguous && !stale {
        return None;
    }
    // Values only in different currencies or kinds of unit confirm nothing: no agreement.
    let confirmed = || {
        idx.iter().enumerate().any(|(n, &a)| {
            idx[n + 1..].iter().any(|&b| {
                outlet(a) != outlet(b) && base(f(a)).0 == base(f(b)).0 && compatible(f(a), f(b))
            })
        })
    };
    if clashes.is_empty() && !stale && !confirmed() {
        return None;
    }
    if clashes.is_empty() {
        return Some((
            if stale {
                Status::Revised
            } else {
                Status::Agree
            },
            None,
        ));
    }
    // "The toll rose to 24": every clash has an update on its larger side.
    let by_update = clashes.iter().all(|&(a, b)| {
        let (lo, hi) = if mid(f(a)) <= mid(f(b)) {
            (a, b)
        } else {
            (b, a)
        };
        f(hi).update && mid(f(lo)) < mid(f(hi))
    });
    if by_update || (is_cumulative(key) && is_revision(&clashes, &date, |i| mid(f(i)))) {
        return Some((Status::Revised, None));
    }
    // A player's or a team's statistics are several things by nature (each player, each
    // game): outlets citing different yards or catches seldom report one figure differently.
    if is_game_statistic(key) {
        return None;
    }
    // Say less: a generic key, bare nouns in sentences about different scenes, or articles
    // written days apart (a storm's winds, the missing, a city's population: what a figure
    // measures may have changed in between).
    let disputed: BTreeSet<usize> = clashes
        .iter()
        .filter(|&&(a, b)| !f(a).weak && !f(b).weak && scene(a, b) && !days_apart(date(a), date(b)))
        .flat_map(|&(a, b)| [a, b])
        .collect();
    if disputed.is_empty() {
        return None;
    }
    let shown = idx
        .iter()
        .copied()
        .filter(|&i| disputed.contains(&i) || disputed.iter().any(|&d| scene(i, d)))
        .collect();
    Some((Status::Differ, Some(shown)))
}

/// Words that make a key a game statistic (American football, basketball, baseball, cricket,
/// ice hockey, football, golf, motor racing): numbers kept per player and per game. Not
/// "shots": shots fired in a shooting are an event figure.
const GAME_STATISTICS: &[&str] = &[
    "assists",
    "birdies",
    "bogeys",
    "carries",
    "catches",
    "completions",
    "drives",
    "fumbles",
    "games",
    "goals",
    "homers",
    "innings",
    "interceptions",
    "laps",
    "passes",
    "rebounds",
    "receptions",
    "rushes",
    "sacks",
    "saves",
    "seasons",
    "steals",
    "strikeouts",
    "tackles",
    "touchdowns",
    "wickets",
    "yards",
];

/// Whether a key counts a game statistic ("yards rushing", "touchdowns scored").
fn is_game_statistic(key: &str) -> bool {
    let words: Vec<String> = key
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    // Keys hold stems of verbs ("shots block").
    let has = |w: &str| words.iter().any(|x| x.starts_with(w));
    words.iter().any(|w| GAME_STATISTICS.contains(&w.as_str()))
        // Shots blocked, saved or on goal are a game's; shots fired are not.
        || (has("shot") && (has("block") || has("save") || has("goal")))
}

/// Two articles dated further apart than this many days do not report one moment.
const SAME_MOMENT_DAYS: i32 = 3;

/// Whether two articles' dates (`YYYY-MM-DD`) are more than [`SAME_MOMENT_DAYS`] apart.
fn days_apart(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let (Ok(a), Ok(b)) = (
        a.parse::<jiff::civil::Date>(),
        b.parse::<jiff::civil::Date>(),
    ) else {
        return false;
    };
    // A span between two dates comes in days (the default largest unit).
    a.until(b)
        .is_ok_and(|span| span.get_days().abs() > SAME_MOMENT_DAYS)
}

/// Whether the clashing pairs of a cumulative measure are explained by growth over time:
/// every clash between two dated articles has the later one larger (and there is at least
/// one such clash), and each undated figure fits somewhere in the timeline: all dated
/// figures it exceeds are older than all dated figures that exceed it.
fn is_revision<'a>(
    clashes: &[(usize, usize)],
    date: impl Fn(usize) -> Option<&'a str>,
    mid: impl Fn(usize) -> f64,
) -> bool {
    let mut dated = 0;
    for &(a, b) in clashes {
        match (date(a), date(b)) {
            (Some(da), Some(db)) => {
                let (early, late) = if da < db { (a, b) } else { (b, a) };
                if da == db || mid(late) <= mid(early) {
                    return false;
                }
                dated += 1;
            }
            (None, None) => return false,
            _ => {}
        }
    }
    let undated: BTreeSet<usize> = clashes
        .iter()
        .flat_map(|&(a, b)| [a, b])
        .filter(|&i| date(i).is_none())
        .collect();
    for u in undated {
        let others = clashes.iter().filter_map(|&(a, b)| match (a == u, b == u) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        });
        let (mut below, mut above): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for o in others {
            if mid(o) < mid(u) {
                below.push(o)
            } else {
                above.push(o)
            }
        }
        let newest_below = below.iter().filter_map(|&o| date(o)).max();
        let oldest_above = above.iter().filter_map(|&o| date(o)).min();
        if let (Some(nb), Some(oa)) = (newest_below, oldest_above)
            && nb >= oa
        {
            return false;
        }
    }
    dated > 0
}
