//! Resolution: a temporal expression and an anchor day -> a day or an interval.
//!
//! The anchor is the article's own date; relative forms count from it ("yesterday", "last
//! week", "two weeks ago"). A bare weekday is the most recent such day on or before the
//! anchor, unless the clause before it is in the future tense ("will meet on Friday"), then
//! the next on or after it. A date without a year takes the year that puts it nearest the
//! anchor, counting the other direction double (past unless the clause is future).

use schemars::JsonSchema;
use serde::Serialize;

use super::calendar::{Day, month_span, year_span};
use super::grammar::{Expr, TimeExpr, Unit};

/// How fine a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// One day or a run of days ("Sept. 8 and 9").
    Day,
    /// A Monday-to-Sunday week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year or decade.
    Year,
    /// From a date to the article's day ("since 2011").
    Since,
}

/// A resolved date or interval, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct When {
    /// First day.
    pub start: Day,
    /// Last day (equal to `start` for one day).
    pub end: Day,
    /// How fine it is.
    pub grain: Grain,
}

impl When {
    fn days(start: Day, end: Day) -> When {
        When {
            start,
            end,
            grain: Grain::Day,
        }
    }

    fn span((start, end): (Day, Day), grain: Grain) -> When {
        When { start, end, grain }
    }
}

/// Whether an expression needs an anchor to be resolved (anything but a full date or a year).
pub fn needs_anchor(e: &TimeExpr) -> bool {
    !matches!(e.expr, Expr::Date { year: Some(_), .. }) || e.since
}

/// Resolve one expression against `anchor`; `future` when its clause is in the future tense.
pub fn resolve(e: &TimeExpr, anchor: Option<Day>, future: bool) -> Option<When> {
    let when = match &e.expr {
        Expr::Date {
            year,
            month,
            days,
            decade,
        } => date(*year, *month, *days, *decade, anchor, future)?,
        Expr::MonthOfYear { month, shift } => {
            When::span(month_span(anchor?.ymd().0 + shift, *month), Grain::Month)
        }
        Expr::Weekday { day, shift } => {
            let a = anchor?;
            let back = (a.weekday() + 7 - day) % 7;
            let ahead = (day + 7 - a.weekday()) % 7;
            let d = match (shift, future) {
                (-1, _) => a.plus(-(if back == 0 { 7 } else { back } as i64)),
                (1, _) => a.plus(if ahead == 0 { 7 } else { ahead } as i64),
                // "will meet on Friday" written on a Friday means the next one.
                (_, true) => a.plus(if ahead == 0 { 7 } else { ahead } as i64),
                _ => a.plus(-(back as i64)),
            };
            When::days(d, d)
        }
        Expr::DayOffset(k) => {
            let d = anchor?.plus(*k);
            When::days(d, d)
        }
        Expr::Period(unit, k) => period(anchor?, *unit, *k),
        Expr::Ago(unit, n) => {
            let a = anchor?;
            match unit {
                Unit::Day => When::days(a.plus(-n), a.plus(-n)),
                Unit::Week => When::span(a.plus(-7 * n).week(0), Grain::Week),
                Unit::Month => When::span(a.month(-(*n as i32)), Grain::Month),
                Unit::Year => When::span(year_span(a.ymd().0 - *n as i32), Grain::Year),
            }
        }
        Expr::Undated => return None,
    };
    if e.since {
        let a = anchor?;
        return (when.start <= a).then_some(When {
            start: when.start,
            end: a,
            grain: Grain::Since,
        });
    }
    Some(when)
}

fn period(a: Day, unit: Unit, k: i64) -> When {
    match unit {
        Unit::Day => When::days(a.plus(k), a.plus(k)),
        Unit::Week => When::span(a.week(k), Grain::Week),
        Unit::Month => When::span(a.month(k as i32), Grain::Month),
        Unit::Year => When::span(year_span(a.ymd().0 + k as i32), Grain::Year),
    }
}

fn date(
    year: Option<i32>,
    month: Option<u32>,
    days: Option<(u32, u32)>,
    decade: bool,
    anchor: Option<Day>,
    future: bool,
) -> Option<When> {
    let at = |y: i32| -> Option<When> {
        match (month, days) {
            (Some(m), Some((d1, d2))) => Some(When::days(Day::new(y, m, d1)?, Day::new(y, m, d2)?)),
            (Some(m), None) => Some(When::span(month_span(y, m), Grain::Month)),
            (None, _) if decade => Some(When::span(
                (year_span(y).0, year_span(y + 9).1),
                Grain::Year,
            )),
            (None, _) => Some(When::span(year_span(y), Grain::Year)),
        }
    };
    if let Some(y) = year {
        return at(y);
    }
    let a = anchor?;
    let y = a.ymd().0;
    // The year that puts the date nearest the anchor, the unlikely direction counting triple.
    (y - 1..=y + 1).filter_map(at).min_by_key(|w| {
        let ahead = a.until(w.start);
        let behind = w.end.until(a);
        match (ahead > 0, future) {
            (true, false) => 3 * ahead,
            (true, true) => ahead,
            (false, true) => 3 * behind.max(0),
            (false, false) => behind.max(0),
        }
    })
}

/// Whether the clause before an expression is in the future tense ("will meet on Friday").
pub fn is_future(before: &str) -> bool {
    // The clause the expression belongs to: after the last comma, semicolon or dash.
    let clause = before
        .rsplit([',', ';', '—', '–'])
        .next()
        .unwrap_or(before)
        .to_lowercase();
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "will" | "shall" | "won't" | "won’t")
            || w.ends_with("'ll")
            || w.ends_with("’ll")
            || (matches!(*w, "is" | "are" | "am")
                && words.get(i + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "due" | "set" | "expected" | "scheduled" | "to" | "slated"
                    )
                }))
    })
}
