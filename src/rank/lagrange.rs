//! Lagrangian relaxation of the selection ILP: an upper bound on the best objective, and
//! the selections the relaxation proposes on the way, as starts for local search.
//!
//! The objective of [`solve`](super::solve) is an integer program (Gillick & Favre 2009,
//! with a sentence's value on the concepts it covers): maximise
//! sum over concepts c and sentences i holding c of a(c,i) y(c,i), plus a tiny share of each
//! chosen sentence's value, where a(c,i) = w(c) x what sentence i's value adds on c, subject to
//! each concept counted once (sum over i of y(c,i) <= 1), counted only from a chosen sentence
//! (y(c,i) <= x(i)) and the budget (sum of costs of chosen sentences <= budget). Relaxing
//! y(c,i) <= x(i) with multipliers l(c,i) >= 0 splits the problem in two easy parts: each
//! concept takes its best a(c,i) - l(c,i) (if positive), and the sentences are a 0/1
//! knapsack with profits sum over c of l(c,i), solved exactly by dynamic programming over
//! the budget. Every multiplier vector gives an upper bound; subgradient steps lower it
//! (Held, Wolfe & Crowder 1974; Fisher 1981), and each knapsack solution, made free of
//! redundant pairs and filled greedily, is a feasible selection. The redundancy constraint
//! is left out of the bound, which only makes the bound looser, never wrong.

use super::solve::{EPS, Problem, State, greedy_bounded};

/// Subgradient iterations at most.
const ITERATIONS: usize = 120;
/// Iterations at least, however many terms.
const MIN_ITERATIONS: usize = 20;
/// Terms x iterations at most: a larger problem gets fewer iterations, so the relaxation's
/// time stays bounded whatever the folder's size.
const WORK: usize = 4_000_000;
/// Largest knapsack table (items x budget cells) worth building.
const MAX_CELLS: usize = 4_000_000;
/// The step scale is halved after this many iterations without a better bound.
const PATIENCE: usize = 8;

/// The result of the relaxation.
pub(super) struct Relaxed {
    /// An upper bound on the objective of any selection that keeps `fixed`.
    pub bound: f64,
    /// The best selection found (fixed sentences first) and its objective.
    pub best: (Vec<usize>, f64),
}

/// One term a(c,i) y(c,i) of the objective: concept `concept`, item `item`.
struct Term {
    concept: usize,
    item: usize,
    gain: f64,
}

/// Relax the problem over `pool` (candidate indices) with `fixed` always chosen. None when
/// nothing is left to choose, the knapsack table would be too large, or the bound comes
/// down to `incumbent` (the objective of a selection the caller has; within [`EPS`]): the
/// bound only falls from step to step, so that selection is then optimal and nothing the
/// relaxation finds could beat it. Stopping there returns what running on would have
/// been used for, at a fraction of the steps.
pub(super) fn relax(
    p: &Problem,
    pool: &[usize],
    fixed: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
    incumbent: f64,
) -> Option<Relaxed> {
    let base = State::new(p, fixed);
    let room = p.budget.checked_sub(base.used)?;
    let items: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&i| p.costs[i] <= room && !fixed.contains(&i) && allowed(i, fixed))
        .collect();
    if items.is_empty() || items.len().saturating_mul(room + 1) > MAX_CELLS {
        return None;
    }
    // Terms grouped by concept (sorted), so each concept's best term is one scan.
    let mut terms: Vec<Term> = Vec::new();
    for (k, &i) in items.iter().enumerate() {
        for &c in &p.concepts[i] {
            let gain = f64::from(p.weights[c as usize]) * (p.values[i] - base.best[c as usize]);
            if gain > 0.0 {
                terms.push(Term {
                    concept: c as usize,
                    item: k,
                    gain,
                });
            }
        }
    }
    terms.sort_by_key(|t| (t.concept, t.item));
    let groups = group_starts(&terms);
    // The gains in an array of their own: the concepts' scan below reads only them and the
    // multipliers, every step.
    let gains: Vec<f64> = terms.iter().map(|t| t.gain).collect();
    // Start: each concept's gain shared among the sentences that hold it.
    let mut mult: Vec<f64> = vec![0.0; terms.len()];
    for g in groups.windows(2) {
        let n = (g[1] - g[0]) as f64;
        for t in g[0]..g[1] {
            mult[t] = terms[t].gain / n;
        }
    }
    let fixed_value = base.objective(p);
    // Each pool candidate's greedy score with only the fixed ones chosen: an upper bound on
    // its score in any selection the primal step fills (they all hold the fixed ones).
    let bounds: Vec<f64> = pool.iter().map(|&i| base.score(p, i)).collect();
    let fill: Vec<f64> = items.iter().map(|&i| FILL_SHARE * p.values[i]).collect();
    let costs: Vec<usize> = items.iter().map(|&i| p.costs[i]).collect();
    let mut bound = f64::INFINITY;
    let mut best: (Vec<usize>, f64) = (fixed.to_vec(), fixed_value);
    let mut scale = 2.0;
    let mut stale = 0;
    // Each step moves only the multipliers of terms whose subgradient is not 0 (few: those
    // of chosen sentences and each concept's best term), so a concept's best term and a
    // sentence's profit are worked out again only when one of their multipliers moved,
    // by the same operations in the same order as a full pass: the same values.
    let group_of: Vec<usize> = groups
        .windows(2)
        .enumerate()
        .flat_map(|(g, w)| std::iter::repeat_n(g, w[1] - w[0]))
        .collect();
    let mut item_terms: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for (t, term) in terms.iter().enumerate() {
        item_terms[term.item].push(t);
    }
    let group_count = groups.len().saturating_sub(1);
    let mut top: Vec<Option<(f64, usize)>> = vec![None; group_count];
    let mut dirty_groups: Vec<usize> = (0..group_count).collect();
    let mut dirty_items: Vec<usize> = (0..items.len()).collect();
    let mut group_marked = vec![false; group_count];
    let mut item_marked = vec![false; items.len()];
    let mut profit = vec![0.0; items.len()];
    let mut y = vec![false; terms.len()];
    let mut knap = Knapsack::default();
    let mut last_x: Vec<bool> = Vec::new();
    let mut moving: Vec<(usize, f64)> = Vec::new();
    let iterations = (WORK / terms.len().max(1)).clamp(MIN_ITERATIONS, ITERATIONS);
    for _ in 0..iterations {
        // Concepts: the best term of each, if positive.
        for &g in &dirty_groups {
            let (from, to) = (groups[g], groups[g + 1]);
            let best_term = best_positive(&gains[from..to], &mult[from..to], from);
            if let Some((_, t)) = top[g] {
                y[t] = false;
            }
            if let Some((_, t)) = best_term {
                y[t] = true;
            }
            top[g] = best_term;
            group_marked[g] = false;
        }
        dirty_groups.clear();
        let mut concepts_part = 0.0;
        for &(v, _) in top.iter().flatten() {
            concepts_part += v;
        }
        // Sentences: a knapsack with the multipliers as profits.
        for &k in &dirty_items {
            profit[k] = fill[k];
            for &t in &item_terms[k] {
                profit[k] += mult[t];
            }
            item_marked[k] = false;
        }
        dirty_items.clear();
        let knap_value = knap.solve(&profit, &costs, room);
        let x = &knap.chosen;
        let value = fixed_value + concepts_part + knap_value;
        if value < bound - 1e-9 {
            bound = value;
            stale = 0;
            // The caller keeps its selection when it is within EPS of the bound.
            if incumbent >= bound - EPS {
                return None;
            }
        } else {
            stale += 1;
            if stale >= PATIENCE {
                scale /= 2.0;
                stale = 0;
            }
        }
        // A feasible selection from the knapsack's, unless the knapsack chose as the step
        // before (its selection is already weighed).
        if *x != last_x {
            let candidate = primal(p, pool, &bounds, fixed, &items, x, &profit, allowed);
            if candidate.1 > best.1 + 1e-9 {
                best = candidate;
            }
            last_x.clone_from(x);
        }
        // Subgradient of the bound: x(i) - y(c,i), each -1, 0 or 1. It is not 0 only on
        // the terms of chosen sentences and on each concept's best term, so its squared
        // norm is the count of those terms where it is not 0 (exactly: a sum of ones), and
        // only their multipliers move (a multiplier is never negative: `(m - 0).max(0) = m`).
        moving.clear();
        for (k, _) in x.iter().enumerate().filter(|&(_, &chosen)| chosen) {
            moving.extend(item_terms[k].iter().filter(|&&t| !y[t]).map(|&t| (t, 1.0)));
        }
        moving.extend(
            top.iter()
                .flatten()
                .filter(|&&(_, t)| !x[terms[t].item])
                .map(|&(_, t)| (t, -1.0)),
        );
        let norm = moving.len() as f64;
        let gap = bound - best.1;
        if norm == 0.0 || gap <= 1e-9 * bound.abs().max(1.0) || scale < 1e-3 {
            break;
        }
        let step = scale * gap / norm;
        for &(t, g) in &moving {
            mult[t] = (mult[t] - step * g).max(0.0);
            let (group, item) = (group_of[t], terms[t].item);
            if !group_marked[group] {
                group_marked[group] = true;
                dirty_groups.push(group);
            }
            if !item_marked[item] {
                item_marked[item] = true;
                dirty_items.push(item);
            }
        }
    }
    Some(Relaxed { bound, best })
}

/// The highest positive `gains[k] - mult[k]` and its index plus `first`, ties to the earliest
/// (values are never NaN: gains and multipliers are finite); None when none is positive.
/// Starting the running best at 0 asks `v > 0` of the first positive value and `v > best` of
/// the rest: the same answer as keeping an `Option`, in fewer instructions (this scan is
/// most of the relaxation's work).
fn best_positive(gains: &[f64], mult: &[f64], first: usize) -> Option<(f64, usize)> {
    let (mut best_v, mut best_k) = (0.0, usize::MAX);
    for (k, (&gain, &m)) in gains.iter().zip(mult).enumerate() {
        let v = gain - m;
        if v > best_v {
            (best_v, best_k) = (v, k);
        }
    }
    (best_k != usize::MAX).then(|| (best_v, first + best_k))
}

/// The share of a sentence's value it earns on its own (as in the objective).
const FILL_SHARE: f64 = super::solve::FILL;

/// Where each concept's run of terms starts, plus the end.
fn group_starts(terms: &[Term]) -> Vec<usize> {
    let mut starts: Vec<usize> = (0..terms.len())
        .filter(|&t| t == 0 || terms[t].concept != terms[t - 1].concept)
        .collect();
    starts.push(terms.len());
    starts
}

/// 0/1 knapsack by dynamic programming over the capacity, its tables kept from one solve
/// to the next.
#[derive(Default)]
struct Knapsack {
    best: Vec<f64>,
    take: Vec<bool>,
    /// Which items the last solve took.
    chosen: Vec<bool>,
}

impl Knapsack {
    /// The best total profit within `capacity`; the items that reach it in `chosen`.
    fn solve(&mut self, profit: &[f64], costs: &[usize], capacity: usize) -> f64 {
        let width = capacity + 1;
        self.best.clear();
        self.best.resize(width, 0.0);
        self.take.clear();
        self.take.resize(profit.len() * width, false);
        let (best, take) = (&mut self.best, &mut self.take);
        for (k, (&v, &c)) in profit.iter().zip(costs).enumerate() {
            if v <= 0.0 || c > capacity {
                continue;
            }
            for r in (c..width).rev() {
                let with = best[r - c] + v;
                if with > best[r] {
                    best[r] = with;
                    take[k * width + r] = true;
                }
            }
        }
        self.chosen.clear();
        self.chosen.resize(profit.len(), false);
        let mut r = capacity;
        for k in (0..profit.len()).rev() {
            if take[k * width + r] {
                self.chosen[k] = true;
                r -= costs[k];
            }
        }
        best[capacity]
    }
}

/// The knapsack's items by profit per cost, each kept unless redundant with those kept,
/// then filled greedily: a selection within the budget and its objective.
#[allow(clippy::too_many_arguments)]
fn primal(
    p: &Problem,
    pool: &[usize],
    bounds: &[f64],
    fixed: &[usize],
    items: &[usize],
    x: &[bool],
    profit: &[f64],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) -> (Vec<usize>, f64) {
    let mut order: Vec<usize> = (0..items.len()).filter(|&k| x[k]).collect();
    order.sort_by(|&a, &b| {
        let ra = profit[a] / p.costs[items[a]].max(1) as f64;
        let rb = profit[b] / p.costs[items[b]].max(1) as f64;
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut state = State::new(p, fixed);
    for k in order {
        let i = items[k];
        if state.used + p.costs[i] <= p.budget && allowed(i, &state.chosen) {
            state.add(p, i);
        }
    }
    greedy_bounded(p, &mut state, pool, allowed, Some(bounds));
    let value = state.objective(p);
    (state.chosen, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_positive_term_is_the_first_highest() {
        // Against the plain scan with an `Option`, on values with ties, zeros and negatives.
        let reference = |gains: &[f64], mult: &[f64], first: usize| {
            let mut best: Option<(f64, usize)> = None;
            for (k, (&g, &m)) in gains.iter().zip(mult).enumerate() {
                let v = g - m;
                if v > 0.0 && best.is_none_or(|(b, _)| v > b) {
                    best = Some((v, first + k));
                }
            }
            best
        };
        let mut lcg = crate::testing::Lcg(11);
        let mut next = |m: u64| lcg.below(m);
        for _ in 0..500 {
            let n = next(8) as usize;
            let gains: Vec<f64> = (0..n).map(|_| next(5) as f64 * 0.5).collect();
            let mult: Vec<f64> = (0..n).map(|_| next(5) as f64 * 0.5).collect();
            let first = next(100) as usize;
            let got = best_positive(&gains, &mult, first);
            assert_eq!(got, reference(&gains, &mult, first), "{gains:?} {mult:?}");
        }
        assert_eq!(
            best_positive(&[1.0, 3.0, 3.0], &[0.0; 3], 4),
            Some((3.0, 5))
        );
        assert_eq!(best_positive(&[1.0, 2.0], &[1.0, 2.5], 0), None);
    }

    #[test]
    fn knapsack_is_exact() {
        // Capacity 10: 5 + 5 (profit 6) beats 3 + 5 (profit 5.5) and 9 alone (5.9).
        let mut knap = Knapsack::default();
        let v = knap.solve(&[2.5, 3.0, 3.0, 5.9], &[3, 5, 5, 9], 10);
        assert!((v - 6.0).abs() < 1e-12);
        assert_eq!(knap.chosen, [false, true, true, false]);
        // The tables are reused: a second, smaller solve is as exact.
        let v = knap.solve(&[1.0, 2.0], &[2, 2], 3);
        assert!((v - 2.0).abs() < 1e-12);
        assert_eq!(knap.chosen, [false, true]);
    }

    #[test]
    fn the_bound_holds_and_the_best_selection_is_found() {
        // Greedy alone finds 0 + 1 (value 10); the best is 1 + 2 (12).
        crate::rank::solve::tests::with_packing_problem(|p| {
            let r = relax(p, &[0, 1, 2], &[], &|_, _| true, 0.0).expect("relaxed");
            let mut best = r.best.0.clone();
            best.sort_unstable();
            assert_eq!(best, [1, 2]);
            assert!(r.bound >= r.best.1 - 1e-9 && r.bound < 12.01, "{}", r.bound);
        });
    }
}
