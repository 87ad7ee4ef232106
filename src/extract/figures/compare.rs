//! Grouping and agreement: figures with the same measure form one comparison; outlets agree
//! when their qualifier-widened intervals, in a common base unit, overlap.

use std::collections::{BTreeMap, BTreeSet};

use super::measure::{is_cumulative, unit_class};
use super::{Comparison, Figure};
use crate::text::Corpus;

/// The interval a qualified figure allows. Reporters round: "about" covers ±10%, "more than
/// X" a figure up to 20% above X (a figure 40% higher would have been reported as such),
/// "nearly X" down to 15% below, "up to X" down to half of X.
pub(super) fn widen(f: &Figure) -> (f64, f64) {
    let (lo, hi) = (f.value.low, f.value.high);
    match f.qualifier.as_deref() {
        Some(
            "about" | "around" | "roughly" | "approximately" | "some" | "an estimated"
            | "estimated" | "or so" | "close to",
        ) => (lo * 0.9, hi * 1.1),
        Some("more than" | "above" | "over" | "well over" | "just over" | "at least") => {
            (lo, hi * 1.2)
        }
        Some("nearly" | "almost" | "just under") => (lo * 0.85, hi),
        Some("less than" | "fewer than" | "under" | "below") => (lo * 0.8, hi),
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

/// A key for the base unit and the factor to it: time in days, lengths in metres, rates per
/// day, so "$400 million an hour" compares with "$9.6 billion a day".
pub(super) fn base(f: &Figure) -> (String, f64) {
    let unit = f.unit.as_deref();
    let (key, mut factor) = match unit {
        Some(u) if days(u).is_some() => ("days".to_string(), days(u).unwrap_or(1.0)),
        Some("km") => ("m".into(), 1_000.0),
        Some("cm") => ("m".into(), 0.01),
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

fn compatible(a: &Figure, b: &Figure) -> bool {
    let ((ka, fa), (kb, fb)) = (base(a), base(b));
    if ka != kb {
        return true; // different units: nothing to contradict
    }
    let ((al, ah), (bl, bh)) = (widen(a), widen(b));
    let eps = 1e-9 * (ah.abs() + bh.abs()).max(1.0);
    al * fa <= bh * fb + eps && bl * fb <= ah * fa + eps
}

fn mid(f: &Figure) -> f64 {
    let (_, k) = base(f);
    (f.value.low + f.value.high) / 2.0 * k
}

/// Build the comparisons: disputes, then revisions, then agreements (each with more outlets
/// first), then single-source measures; ties keep corpus order.
pub(super) fn compare(corpus: &Corpus, figures: &[Figure]) -> Vec<Comparison> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        if let Some(m) = &f.measure {
            groups.entry(m.as_str()).or_default().push(i);
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
    let mut ranked = Vec::new();
    for (measure, mut idx) in groups {
        // Dated figures oldest first, undated ones after them.
        idx.sort_by_key(|&i| (date(i).is_none(), date(i), i));
        let outlets: BTreeSet<&str> = idx.iter().map(|&i| outlet(i)).collect();
        let mut clashes = Vec::new();
        for (n, &a) in idx.iter().enumerate() {
            for &b in &idx[n + 1..] {
                if outlet(a) != outlet(b) && !compatible(&figures[a], &figures[b]) {
                    clashes.push((a, b));
                }
            }
        }
        let agree = clashes.is_empty();
        let revision =
            !agree && is_cumulative(measure) && is_revision(&clashes, date, |i| mid(&figures[i]));
        let tier = match (outlets.len() > 1, agree, revision) {
            (false, _, _) => 3,
            (true, false, false) => 0,
            (true, false, true) => 1,
            (true, true, _) => 2,
        };
        let first = idx.iter().copied().min().unwrap_or(0);
        ranked.push((
            tier,
            std::cmp::Reverse(outlets.len()),
            first,
            Comparison {
                measure: measure.to_string(),
                figures: idx,
                agree,
                revision,
            },
        ));
    }
    ranked.sort_by_key(|a| (a.0, a.1, a.2));
    ranked.into_iter().map(|r| r.3).collect()
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
