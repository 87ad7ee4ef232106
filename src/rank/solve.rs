//! Budgeted concept coverage: greedy, then local search.
//!
//! The objective (Gillick & Favre 2009, with a sentence's value as the weight of what it
//! covers): F(S) = sum over concepts c covered by S of w(c) x the highest value of a chosen
//! sentence holding c, plus a tiny share of each chosen sentence's value (so that, all
//! concepts being covered, the budget is still filled). Chosen sentences fit the budget
//! together and no two are redundant. The cost-benefit greedy (Khuller, Moss & Naor 1999)
//! gives a first solution; local search then swaps one chosen sentence for another that fits
//! in the room left (and refills greedily) while the objective improves: the usual repair of
//! greedy's packing, which strands words at the end of the budget.

use super::lagrange;

/// Value earned by a chosen sentence on its own (far below any concept's weight).
pub(super) const FILL: f64 = 1e-6;
/// Improvements smaller than this are rounding noise.
pub(super) const EPS: f64 = 1e-9;
/// Rounds of local search at most.
const ROUNDS: usize = 40;
/// Candidates solved over at most: the best by value per cost on their own ([`pool`]).
pub(super) const POOL: usize = 1500;

/// A selection problem over candidates 0..n.
pub(super) struct Problem<'a> {
    /// Each candidate's concepts (distinct ids into `weights`).
    pub concepts: &'a [Vec<u32>],
    /// Concept weights.
    pub weights: &'a [u32],
    /// Each candidate's value (multiplies the weight of the concepts it covers).
    pub values: &'a [f64],
    /// Each candidate's cost (words, bytes or 1).
    pub costs: &'a [usize],
    /// Total cost allowed.
    pub budget: usize,
    /// Cost exponent of the greedy ratio (gain / cost^r).
    pub exponent: f64,
}

/// The state of a selection: chosen candidates and, per concept, the best value covering it.
pub(super) struct State {
    /// Chosen candidates, in the order added.
    pub chosen: Vec<usize>,
    /// Their total cost.
    pub used: usize,
    /// Per concept, the highest value of a chosen candidate holding it (0 if none).
    pub best: Vec<f64>,
}

impl State {
    pub(super) fn new(p: &Problem, chosen: &[usize]) -> Self {
        let mut s = State {
            chosen: Vec::new(),
            used: 0,
            best: vec![0.0; p.weights.len()],
        };
        for &i in chosen {
            s.add(p, i);
        }
        s
    }

    pub(super) fn add(&mut self, p: &Problem, i: usize) {
        for &c in &p.concepts[i] {
            let b = &mut self.best[c as usize];
            *b = b.max(p.values[i]);
        }
        self.used += p.costs[i];
        self.chosen.push(i);
    }

    pub(super) fn objective(&self, p: &Problem) -> f64 {
        let cover: f64 = self
            .best
            .iter()
            .zip(p.weights)
            .map(|(&b, &w)| b * f64::from(w))
            .sum();
        cover + self.chosen.iter().map(|&i| FILL * p.values[i]).sum::<f64>()
    }

    /// What adding candidate `i` would add to the objective.
    fn gain(&self, p: &Problem, i: usize) -> f64 {
        let v = p.values[i];
        let cover: f64 = p.concepts[i]
            .iter()
            .map(|&c| f64::from(p.weights[c as usize]) * (v - self.best[c as usize]).max(0.0))
            .sum();
        cover + FILL * v
    }

    /// Candidate `i`'s greedy score: what it would add per unit of cost (see [`greedy`]).
    pub(super) fn score(&self, p: &Problem, i: usize) -> f64 {
        self.gain(p, i) / ratio_divisor(p, i)
    }
}

/// Choose candidates: `fixed` first (always kept), then the best selection found. `allowed`
/// says whether a candidate may join the chosen ones (not redundant with any of them).
/// Every candidate is considered: restrict a large problem to its [`pool`] first.
pub(super) fn solve(
    p: &Problem,
    fixed: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) -> Vec<usize> {
    let pool: Vec<usize> = (0..p.costs.len()).collect();
    let mut state = State::new(p, fixed);
    greedy(p, &mut state, &pool, allowed);
    search(p, &mut state, fixed.len(), &pool, allowed);
    // The Lagrangian relaxation proposes other starts; the better local optimum is kept.
    let relaxed = lagrange::relax(p, &pool, fixed, allowed, state.objective(p));
    // A selection that meets the bound is optimal: then there is nothing to search for.
    if let Some(relaxed) = relaxed.filter(|r| state.objective(p) < r.bound - EPS) {
        let mut alt = State::new(p, &relaxed.best.0);
        search(p, &mut alt, fixed.len(), &pool, allowed);
        if alt.objective(p) > state.objective(p) + EPS {
            state = alt;
        }
    }
    state.chosen
}

/// The candidates worth solving over, ascending: the [`POOL`] best by value per cost on
/// their own (ties to the earlier), plus `keep`. A sentence outside them would have to beat
/// more than a thousand others at what they cover alone, and a summary holds a few dozen.
pub(super) fn pool(p: &Problem, keep: &[usize]) -> Vec<usize> {
    let n = p.costs.len();
    let mut pool: Vec<usize> = if n <= POOL {
        (0..n).collect()
    } else {
        let empty = State::new(p, &[]);
        let mut ranked: Vec<(f64, usize)> = (0..n)
            .map(|i| (empty.gain(p, i) / ratio_divisor(p, i), i))
            .collect();
        let by_ratio = |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        ranked.select_nth_unstable_by(POOL - 1, by_ratio);
        ranked.truncate(POOL);
        ranked.into_iter().map(|(_, i)| i).collect()
    };
    pool.extend(keep.iter().copied().filter(|&i| i < n));
    pool.sort_unstable();
    pool.dedup();
    pool
}

/// A problem restricted to some of its candidates (candidate k here is `pool[k]` there),
/// with the concepts renumbered to those they hold, in the same order: the same objective
/// and the same choices, on tables the size of the pool rather than of the folder.
pub(super) struct Restricted {
    concepts: Vec<Vec<u32>>,
    weights: Vec<u32>,
    values: Vec<f64>,
    costs: Vec<usize>,
    budget: usize,
    exponent: f64,
}

impl Restricted {
    pub(super) fn new(p: &Problem, pool: &[usize]) -> Self {
        let mut local = vec![u32::MAX; p.weights.len()];
        for &i in pool {
            for &c in &p.concepts[i] {
                local[c as usize] = 0;
            }
        }
        let mut weights = Vec::new();
        for (c, l) in local.iter_mut().enumerate() {
            if *l == 0 {
                *l = weights.len() as u32;
                weights.push(p.weights[c]);
            }
        }
        Restricted {
            concepts: pool
                .iter()
                .map(|&i| p.concepts[i].iter().map(|&c| local[c as usize]).collect())
                .collect(),
            weights,
            values: pool.iter().map(|&i| p.values[i]).collect(),
            costs: pool.iter().map(|&i| p.costs[i]).collect(),
            budget: p.budget,
            exponent: p.exponent,
        }
    }

    /// The restricted problem.
    pub(super) fn problem(&self) -> Problem<'_> {
        Problem {
            concepts: &self.concepts,
            weights: &self.weights,
            values: &self.values,
            costs: &self.costs,
            budget: self.budget,
            exponent: self.exponent,
        }
    }
}

/// Local search from `state` until no swap improves it (at most [`ROUNDS`] rounds).
fn search(
    p: &Problem,
    state: &mut State,
    keep: usize,
    pool: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) {
    for _ in 0..ROUNDS {
        if !improve(p, state, keep, pool, allowed) {
            break;
        }
    }
}

fn ratio_divisor(p: &Problem, i: usize) -> f64 {
    let cost = (p.costs[i] as f64).max(1.0);
    // The exponents in use, exactly as `powf` gives them (x^1 = x, x^0 = 1), without its cost
    // in the greedy's innermost loop.
    match p.exponent {
        1.0 => cost,
        0.0 => 1.0,
        e => cost.powf(e),
    }
}

/// Add the best candidate by gain per cost among those that fit, until none fits (ties: the
/// earliest in `pool`).
///
/// Lazy (Minoux's accelerated greedy): a candidate's gain never grows as others are added
/// (the objective is submodular, and float rounding is monotone, so this holds bit for bit),
/// so each candidate keeps the score it last had as an upper bound in a heap, and only the
/// top is worked out again. Room only shrinks and `allowed` only gets stricter as the
/// selection grows, so a candidate that does not fit or is not allowed is dropped for good:
/// those that do not fit now never enter the heap, and `allowed` (the costly test) is asked
/// only of a candidate about to be added, the best by its current score. The choices are
/// exactly those of scoring every candidate at every step. Once the room left is below the
/// cheapest candidate's cost, nothing can be added: the loop ends there instead of popping
/// the rest.
pub(super) fn greedy(
    p: &Problem,
    state: &mut State,
    pool: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) {
    greedy_bounded(p, state, pool, allowed, None);
}

/// [`greedy`], with `bounds[k]` (when given) an upper bound on pool candidate `k`'s score
/// now, such as its score on a subset of the chosen ones (gains only fall as candidates are
/// added, bit for bit): each candidate then starts in the heap at its bound, to be scored
/// only when it reaches the top, and the choices are the same.
pub(super) fn greedy_bounded(
    p: &Problem,
    state: &mut State,
    pool: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
    bounds: Option<&[f64]>,
) {
    use std::collections::BinaryHeap;
    /// Marks a bound not worked out at any step: never fresh.
    const STALE: usize = usize::MAX;
    let room = p.budget.saturating_sub(state.used);
    let scored: Vec<Bound> = pool
        .iter()
        .enumerate()
        .filter(|&(_, &i)| p.costs[i] <= room && !state.chosen.contains(&i))
        .map(|(order, &i)| match bounds {
            Some(b) => Bound {
                score: b[order],
                order,
                candidate: i,
                fresh_at: STALE,
            },
            None => Bound {
                score: state.score(p, i),
                order,
                candidate: i,
                fresh_at: 0,
            },
        })
        .collect();
    let cheapest = scored.iter().map(|b| p.costs[b.candidate]).min();
    let mut heap = BinaryHeap::from(scored);
    let mut added = 0;
    while let Some(mut top) = heap.pop() {
        let i = top.candidate;
        let room = p.budget.saturating_sub(state.used);
        if p.costs[i] > room {
            continue;
        }
        if top.fresh_at == added {
            if allowed(i, &state.chosen) {
                state.add(p, i);
                added += 1;
                // Room only shrinks: no candidate left fits once the cheapest does not.
                if cheapest.is_none_or(|c| c > p.budget.saturating_sub(state.used)) {
                    break;
                }
            }
            continue;
        }
        top.score = state.score(p, i);
        top.fresh_at = added;
        heap.push(top);
    }
}

/// A candidate's last known greedy score, an upper bound on its score now.
struct Bound {
    score: f64,
    /// Position in the pool: among equal scores the earlier wins.
    order: usize,
    candidate: usize,
    /// The number of additions when `score` was worked out.
    fresh_at: usize,
}

impl PartialEq for Bound {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Bound {}

impl PartialOrd for Bound {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Bound {
    /// Higher score first, then the earlier in the pool.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.order.cmp(&self.order))
    }
}

/// One round of local search: the best swap of a chosen sentence (not one of the first
/// `keep`) for one that fits, refilled greedily; applied when it improves the objective.
fn improve(
    p: &Problem,
    state: &mut State,
    keep: usize,
    pool: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) -> bool {
    let current = state.objective(p);
    let mut best: Option<(f64, State)> = None;
    for out in keep..state.chosen.len() {
        let removed = state.chosen[out];
        let Some(next) = swap(p, &state.chosen, out, pool, allowed, &|i, _, _| {
            i != removed
        }) else {
            continue;
        };
        let value = next.objective(p);
        if value > current + EPS && best.as_ref().is_none_or(|(b, _)| value > *b) {
            best = Some((value, next));
        }
    }
    match best {
        Some((_, next)) => {
            *state = next;
            true
        }
        None => false,
    }
}

/// One swap: the chosen candidates less the `out`-th, plus the candidate of `pool` that adds
/// most to them among those that fit the room left and that `eligible` accepts (given the
/// candidate, what it adds, and what the one taken out adds), refilled greedily. None when no
/// candidate is accepted.
fn swap(
    p: &Problem,
    chosen: &[usize],
    out: usize,
    pool: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
    eligible: &dyn Fn(usize, f64, f64) -> bool,
) -> Option<State> {
    let rest: Vec<usize> = chosen
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != out)
        .map(|(_, &i)| i)
        .collect();
    let rest = rest.as_slice();
    let base = State::new(p, rest);
    let room = p.budget.saturating_sub(base.used);
    let worth = base.gain(p, chosen[out]);
    let mut top: Option<(f64, usize)> = None;
    // Redundancy last: it is the costly test, and only a better gain needs it.
    for &i in pool {
        if p.costs[i] > room || rest.contains(&i) {
            continue;
        }
        let g = base.gain(p, i);
        if top.is_none_or(|(b, _)| g > b) && eligible(i, g, worth) && allowed(i, rest) {
            top = Some((g, i));
        }
    }
    let (_, add) = top?;
    let mut next = base;
    next.add(p, add);
    greedy(p, &mut next, pool, allowed);
    Some(next)
}

/// How [`spread`] tells the candidates' outlets apart.
pub(super) struct Outlets<'a> {
    /// The outlet of each candidate.
    pub of: &'a dyn Fn(usize) -> u32,
    /// The outlets a chosen candidate is cited to: its own and those of its near-copies.
    pub carrying: &'a dyn Fn(usize) -> Vec<u32>,
}

/// Share of a point's value that a sentence from an outlet not yet cited must reach to take
/// its place in [`spread`]: near-equal, not merely better than nothing.
pub(super) const SPREAD_SHARE: f64 = 0.75;

/// Swap points so that the summary does not read as one outlet's story when other outlets
/// offer points near-equal in value: while one outlet is the only source of two or more
/// points (not one of the first `keep`), one of them may give way to the best candidate
/// from an outlet no point cites yet, when that candidate adds at least [`SPREAD_SHARE`] of
/// what the point adds to the others (then the room left is refilled greedily); of the
/// swaps allowed, the one with the highest objective is made. Each swap cites one outlet
/// more, so there are at most as many swaps as outlets. A point carried by several outlets
/// is never swapped, and a fact only one outlet carries keeps its point unless another
/// outlet's sentence is worth nearly as much.
pub(super) fn spread(
    p: &Problem,
    pool: &[usize],
    chosen: Vec<usize>,
    keep: usize,
    outlets: &Outlets,
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) -> Vec<usize> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut chosen = chosen;
    loop {
        let carriers: Vec<Vec<u32>> = chosen.iter().map(|&i| (outlets.carrying)(i)).collect();
        let cited: BTreeSet<u32> = carriers.iter().flatten().copied().collect();
        // Points only one outlet carries, per outlet.
        let mut alone: BTreeMap<u32, usize> = BTreeMap::new();
        for c in carriers.iter().filter(|c| c.len() == 1) {
            *alone.entry(c[0]).or_insert(0) += 1;
        }
        let most = alone.values().copied().max().unwrap_or(0);
        if most < 2 {
            return chosen;
        }
        let mut best: Option<(f64, State)> = None;
        for (out, carrier) in carriers.iter().enumerate().skip(keep) {
            if carrier.len() != 1 || alone.get(&carrier[0]) != Some(&most) {
                continue;
            }
            let near_equal = |i: usize, gain: f64, worth: f64| {
                gain >= SPREAD_SHARE * worth && !cited.contains(&(outlets.of)(i))
            };
            let Some(next) = swap(p, &chosen, out, pool, allowed, &near_equal) else {
                continue;
            };
            let value = next.objective(p);
            if best.as_ref().is_none_or(|(b, _)| value > *b) {
                best = Some((value, next));
            }
        }
        match best {
            Some((_, next)) => chosen = next.chosen,
            None => return chosen,
        }
    }
}

/// Share of the tail sentence that must fall inside the budget.
const TAIL_FIT: f64 = 0.5;

/// With words (or bytes) of the budget left, the sentence to close the summary with: the
/// scorer keeps only its first words, so it is chosen by the concepts those words cover,
/// among sentences of which at least [`TAIL_FIT`] fits. None when nothing adds a concept.
pub(super) fn tail(
    words: &[usize],
    placed: &[Vec<(u32, u32)>],
    problem: &Problem,
    chosen: &[usize],
    allowed: &dyn Fn(usize, &[usize]) -> bool,
) -> Option<usize> {
    let used: usize = chosen.iter().map(|&p| problem.costs[p]).sum();
    let room = problem.budget.checked_sub(used).filter(|&r| r > 0)?;
    let mut best = vec![0.0f64; problem.weights.len()];
    for &p in chosen {
        for &c in &problem.concepts[p] {
            best[c as usize] = best[c as usize].max(problem.values[p]);
        }
    }
    let mut top: Option<(f64, usize)> = None;
    for (p, cs) in placed.iter().enumerate() {
        let cost = problem.costs[p];
        let share = room as f64 / cost as f64;
        if cost <= room || share < TAIL_FIT || chosen.contains(&p) {
            continue;
        }
        let kept = (words[p] as f64 * share).floor() as u32;
        let v = problem.values[p];
        let gain: f64 = cs
            .iter()
            .filter(|&&(_, place)| place < kept)
            .map(|&(c, _)| f64::from(problem.weights[c as usize]) * (v - best[c as usize]).max(0.0))
            .sum();
        // Redundancy last: it is the costly test.
        if gain > 0.0 && top.is_none_or(|(b, _)| gain > b) && allowed(p, chosen) {
            top = Some((gain, p));
        }
    }
    top.map(|(_, p)| p)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Greedy takes the densest sentence (0: 3 words, weight 4) and then only 1 fits; the
    /// best pair within 10 words is 1 + 2 (weight 3 + 3 + 3 + 3).
    pub(in crate::rank) fn with_packing_problem(f: impl FnOnce(&Problem)) {
        let concepts = vec![vec![0, 1], vec![2, 3], vec![4, 5]];
        let weights = vec![2, 2, 3, 3, 3, 3];
        let values = vec![1.0; 3];
        let costs = vec![3, 5, 5];
        f(&Problem {
            concepts: &concepts,
            weights: &weights,
            values: &values,
            costs: &costs,
            budget: 10,
            exponent: 1.0,
        });
    }

    /// Three points of five candidates (a sentence each): 0 to 2 from outlet 0, the lead
    /// first; 3 from outlet 1, worth 5/6 of point 2; 4 from outlet 2, worth half of point 1.
    fn with_outlets_problem(carrying: &dyn Fn(usize) -> Vec<u32>) -> Vec<usize> {
        let mut out = Vec::new();
        with_concept_each(&[10, 8, 6, 5, 4], 0.0, |p| {
            let chosen = solve(p, &[0], &|_, _| true);
            assert_eq!(chosen, [0, 1, 2]);
            let of = |i: usize| [0, 0, 0, 1, 2][i];
            let outlets = Outlets { of: &of, carrying };
            out = spread(p, &[0, 1, 2, 3, 4], chosen, 1, &outlets, &|_, _| true);
        });
        out
    }

    /// Candidates of cost 1 and value 1, each holding a concept of its own, of `weights[k]`;
    /// a budget of 3.
    fn with_concept_each(weights: &[u32], exponent: f64, f: impl FnOnce(&Problem)) {
        let n = weights.len();
        let concepts: Vec<Vec<u32>> = (0..n as u32).map(|k| vec![k]).collect();
        let values = vec![1.0; n];
        let costs = vec![1; n];
        f(&Problem {
            concepts: &concepts,
            weights,
            values: &values,
            costs: &costs,
            budget: 3,
            exponent,
        });
    }

    #[test]
    fn a_near_equal_point_from_another_outlet_takes_the_place_of_one_outlet_s_third() {
        let own = |i: usize| vec![[0, 0, 0, 1, 2][i]];
        // Point 2 gives way to 3 (5 >= 0.75 x 6); point 1 stays, as 4 is worth half of it,
        // and the lead is kept whatever its outlet.
        assert_eq!(with_outlets_problem(&own), [0, 1, 3]);
        // A point another outlet also carries (2, with a near-copy in outlet 1) is not one
        // outlet's story: it stays, and outlet 1 is cited already.
        let copied = |i: usize| if i == 2 { vec![0, 1] } else { own(i) };
        assert_eq!(with_outlets_problem(&copied), [0, 1, 2]);
    }

    #[test]
    fn local_search_packs_the_budget_better_than_greedy() {
        with_packing_problem(|p| {
            let mut chosen = solve(p, &[], &|_, _| true);
            chosen.sort_unstable();
            assert_eq!(chosen, [1, 2]);
            let used: usize = chosen.iter().map(|&i| p.costs[i]).sum();
            assert!(used <= 10);
        });
    }

    #[test]
    fn a_restricted_problem_chooses_as_the_whole() {
        with_packing_problem(|p| {
            // Every candidate in the pool: the same choice, in the same numbering.
            let pool = pool(p, &[]);
            assert_eq!(pool, [0, 1, 2]);
            let r = Restricted::new(p, &pool);
            assert_eq!(
                solve(&r.problem(), &[], &|_, _| true),
                solve(p, &[], &|_, _| true)
            );
            // A pool of two: concepts renumbered to the ones they hold, in order.
            let r = Restricted::new(p, &[1, 2]);
            let q = r.problem();
            assert_eq!(q.concepts, [vec![0, 1], vec![2, 3]]);
            assert_eq!(q.weights, [3, 3, 3, 3]);
            let mut chosen = solve(&q, &[], &|_, _| true);
            chosen.sort_unstable();
            assert_eq!(chosen, [0, 1]);
        });
    }

    #[test]
    fn the_pool_keeps_the_best_by_value_per_cost_and_what_must_stay() {
        // POOL + 10 candidates, each with a concept of its own: weight k, cost 1; candidate
        // 0 is the worst by value per cost but is kept on request.
        let n = POOL + 10;
        let weights: Vec<u32> = (0..n as u32).collect();
        with_concept_each(&weights, 1.0, |p| {
            let pool = pool(p, &[0]);
            assert_eq!(pool.len(), POOL + 1);
            assert_eq!(pool[0], 0);
            assert_eq!(pool[1], 10);
            assert_eq!(pool.last(), Some(&(n - 1)));
        });
    }

    #[test]
    fn greedy_from_bounds_chooses_as_greedy_from_scores() {
        // Random problems (a fixed linear congruential sequence): starting every candidate
        // at an upper bound (its score with fewer chosen) gives the same choices, in the
        // same order, as scoring them all first.
        let mut lcg = crate::testing::Lcg(7);
        let mut next = |m: u64| lcg.below(m);
        for round in 0..200 {
            let n = 5 + next(40) as usize;
            let concepts: Vec<Vec<u32>> = (0..n)
                .map(|_| {
                    let mut cs: Vec<u32> = (0..1 + next(6)).map(|_| next(30) as u32).collect();
                    cs.sort_unstable();
                    cs.dedup();
                    cs
                })
                .collect();
            let weights: Vec<u32> = (0..30).map(|_| 1 + next(5) as u32).collect();
            let values: Vec<f64> = (0..n).map(|_| 0.5 + next(100) as f64 / 50.0).collect();
            let words = round % 2 == 0;
            let costs: Vec<usize> = (0..n)
                .map(|_| if words { 1 + next(30) as usize } else { 1 })
                .collect();
            let p = Problem {
                concepts: &concepts,
                weights: &weights,
                values: &values,
                costs: &costs,
                budget: if words { 60 } else { 1 + next(8) as usize },
                exponent: if words { 1.0 } else { 0.0 },
            };
            let pool: Vec<usize> = (0..n).collect();
            let not_close = |i: usize, chosen: &[usize]| chosen.iter().all(|&q| i % 7 != q % 7);
            let fixed: Vec<usize> = (0..next(3) as usize).map(|k| k * 3 % n).collect();
            let empty = State::new(&p, &[]);
            let bounds: Vec<f64> = pool.iter().map(|&i| empty.score(&p, i)).collect();
            let mut plain = State::new(&p, &fixed);
            greedy(&p, &mut plain, &pool, &not_close);
            let mut bounded = State::new(&p, &fixed);
            greedy_bounded(&p, &mut bounded, &pool, &not_close, Some(&bounds));
            assert_eq!(plain.chosen, bounded.chosen, "round {round}");
        }
    }

    #[test]
    fn fixed_sentences_stay_and_redundant_ones_stay_out() {
        let concepts = vec![vec![0], vec![0, 1], vec![2]];
        let weights = vec![5, 1, 1];
        let values = vec![1.0; 3];
        let costs = vec![1, 1, 1];
        let p = Problem {
            concepts: &concepts,
            weights: &weights,
            values: &values,
            costs: &costs,
            budget: 2,
            exponent: 1.0,
        };
        let not_with_1 = |i: usize, chosen: &[usize]| !(i == 1 && chosen.contains(&2));
        let chosen = solve(&p, &[2], &not_with_1);
        assert_eq!(chosen, [2, 0]);
    }
}
