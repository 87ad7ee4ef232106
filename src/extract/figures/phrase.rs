//! The phrases around a figure: the noun phrase after it, the verb before or after it,
//! the noun before "of", a model name, a place.

use super::frame_words::{DIRECTIONS, IRREGULAR_PAST, STOP, UPDATE, is_plural};
use super::lexer::{Kind, Tok};
use super::lexicon::{MONTHS, word};

/// The raw text of token `i`.
pub(super) fn raw<'a>(t: &[Tok], i: usize, text: &'a str) -> &'a str {
    t.get(i).map_or("", |x| &text[x.span.clone()])
}

pub(super) fn capitalised(t: &[Tok], i: usize, text: &str) -> bool {
    i > 0
        && raw(t, i, text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// A model or name with digits glued by a hyphen or a space to capitals: "AK-47", "AK 47",
/// "DC-3", "Boeing 747". Returns its normalised form and the token just past it.
pub(super) fn model_at(t: &[Tok], i: usize, text: &str) -> Option<(String, usize)> {
    let first = raw(t, i, text);
    let caps = first.len() <= 4 && first.chars().all(|c| c.is_ascii_uppercase());
    if t.get(i)?.kind != Kind::Word || !caps {
        return None;
    }
    let mut j = i + 1;
    if word(t, j) == "-" && !t[j].gap_before {
        j += 1;
    }
    let num = t.get(j).filter(|x| x.kind == Kind::Num)?;
    let mut end = j + 1;
    // "AK-47s": a glued plural.
    if word(t, end) == "s" && !t[end].gap_before {
        end += 1;
    }
    Some((format!("{}{}", first.to_ascii_lowercase(), num.low), end))
}

/// The noun phrase right after the figure: words up to a stop word or mark, at most four,
/// and the head (the first plural for counts above one, else the last word).
pub(super) fn phrase_after(
    t: &[Tok],
    from: usize,
    text: &str,
    plural: bool,
) -> (Vec<usize>, Option<usize>) {
    let mut words = Vec::new();
    let mut j = from;
    while words.len() < 4 {
        let Some(tok) = t.get(j) else { break };
        if tok.kind != Kind::Word || STOP.contains(&tok.low.as_str()) || is_when(&tok.low) {
            // "AK-47": a model name continues the phrase.
            if let Some((_, end)) = (j > 0)
                .then(|| model_at(t, j.saturating_sub(1), text))
                .flatten()
                && end > j
            {
                j = end;
                continue;
            }
            break;
        }
        words.push(j);
        let done = if plural { is_plural(&tok.low) } else { false };
        j += 1;
        if done {
            break;
        }
        // "co-workers", "ex-soldiers": a hyphenated word is one word of the phrase.
        if word(t, j) == "-"
            && t.get(j + 1)
                .is_some_and(|x| x.kind == Kind::Word && !x.gap_before)
            && !t[j].gap_before
        {
            j += 1;
        }
    }
    let head = if plural {
        words
            .iter()
            .copied()
            .find(|&i| is_plural(&t[i].low))
            .or(words.first().copied())
    } else {
        // "a 4.4 quake struck", "the five year war drags on": the noun, not the verb.
        let verb = |w: &str| {
            w.ends_with("ed")
                || w.ends_with("ing")
                || w.ends_with('s')
                || IRREGULAR_PAST.contains(&w)
        };
        if let Some(k) = (1..words.len()).find(|&k| verb(&t[words[k]].low)) {
            words.truncate(k);
        }
        words.last().copied()
    };
    (words, head)
}

/// A (lower-case) word that says when, not what: "seven hours Thursday".
pub(super) fn is_when(w: &str) -> bool {
    MONTHS.contains(&w)
        || matches!(
            w,
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tonight"
                | "tomorrow"
                | "morning"
                | "afternoon"
                | "evening"
                | "overnight"
        )
}

/// A participle after the counted noun: "23 pirates arrested", "two men were wounded".
pub(super) fn predicate_after(t: &[Tok], from: usize) -> Option<usize> {
    let mut j = from;
    while matches!(
        word(t, j),
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "reportedly"
            | "already"
            | "also"
            | "still"
            | "now"
            | "just"
            | "recently"
    ) {
        j += 1;
    }
    let w = word(t, j);
    let participle = w.ends_with("ed") || (w.len() > 4 && w.ends_with("ing"));
    (w.len() > 3 && (participle || matches!(w, "hurt" | "shot" | "dead" | "held" | "left")))
        .then_some(j)
}

/// The verb right before the figure: "killing one", "captured 23", "shot three".
pub(super) fn predicate_before(t: &[Tok], start: usize) -> Option<usize> {
    let mut j = start.checked_sub(1)?;
    while matches!(
        word(t, j),
        "the" | "all" | "some" | "another" | "only" | "just"
    ) {
        j = j.checked_sub(1)?;
    }
    let w = word(t, j);
    if STOP.contains(&w) || matches!(w, "during" | "following" | "according" | "regarding") {
        return None;
    }
    let verb = w.ends_with("ed")
        || w.ends_with("ing")
        || matches!(
            w,
            "shot"
                | "hurt"
                | "stole"
                | "took"
                | "held"
                | "caught"
                | "left"
                | "lost"
                | "cost"
                | "paid"
                | "hit"
        );
    (verb && t[j].kind == Kind::Word && w.len() > 2).then_some(j)
}

/// The noun before "of N", "at N", "to N" ("magnitude of 4.4", "the toll rose to 24").
pub(super) fn noun_before(t: &[Tok], start: usize) -> Option<(usize, bool)> {
    let mut j = start.checked_sub(1)?;
    let w = word(t, j);
    let link = matches!(
        w,
        "of" | "at"
            | "to"
            | "as"
            | "worth"
            | "rise"
            | "reach"
            | "exceed"
            | "top"
            | "measured"
            | "measuring"
            | "registered"
            | "rated"
    );
    if !link && !UPDATE.contains(&w) {
        return None;
    }
    let mut update = UPDATE.contains(&word(t, j));
    let to = word(t, j) == "to";
    j = j.checked_sub(1)?;
    // "rose to 24" (not "run to 15"); "valued at", "estimated at".
    if to && !UPDATE.contains(&word(t, j)) {
        return None;
    }
    if matches!(word(t, j), "valued" | "estimated" | "put" | "priced") {
        j = j.checked_sub(1)?;
    }
    for _ in 0..2 {
        let w = word(t, j);
        let aux = matches!(
            w,
            "has"
                | "had"
                | "have"
                | "now"
                | "was"
                | "is"
                | "stood"
                | "stands"
                | "could"
                | "would"
                | "may"
                | "might"
                | "will"
        );
        if UPDATE.contains(&w) || aux {
            update |= UPDATE.contains(&w);
            j = j.checked_sub(1)?;
        }
    }
    let w = word(t, j);
    // "guilty of two counts", "accused of three murders": an adjective's complement, not a
    // measured noun.
    let adjective = matches!(
        w,
        "guilty"
            | "innocent"
            | "accused"
            | "convicted"
            | "suspected"
            | "acquitted"
            | "cleared"
            | "capable"
            | "aware"
            | "afraid"
            | "full"
            | "free"
            | "short"
            | "ahead"
            | "instead"
            | "because"
            | "consisting"
            | "composed"
            | "made"
    );
    // "notified Ohio State on Monday of nine violations": a day says when, it measures nothing.
    if adjective || is_when(w) {
        return None;
    }
    let generic = matches!(
        w,
        "total"
            | "group"
            | "number"
            | "fleet"
            | "set"
            | "series"
            | "average"
            | "maximum"
            | "minimum"
            | "estimated"
            | "out"
            | "one"
            | "each"
            | "none"
            | "most"
            | "many"
    );
    (t[j].kind == Kind::Word
        && !STOP.contains(&w)
        && w.len() > 2
        && !w.ends_with("ing")
        && !generic)
        .then_some((j, update))
}

/// A capitalised place after a preposition within a few words: "of Healdsburg", "in India".
pub(super) fn place_after(
    t: &[Tok],
    from: usize,
    text: &str,
    skip_directions: bool,
) -> Option<String> {
    let mut j = from;
    let mut seen_prep = false;
    for _ in 0..6 {
        let w = word(t, j);
        if skip_directions && (DIRECTIONS.contains(&w) || w == "-") {
            seen_prep |= matches!(w, "of" | "from" | "off" | "outside");
            j += 1;
            continue;
        }
        // A distance is measured from a place ("of", "from"): "60 miles south in Lanport" is
        // where something was felt, not what the distance is from.
        if skip_directions && matches!(w, "in" | "for") {
            break;
        }
        if matches!(w, "in" | "to" | "of" | "from" | "for") {
            seen_prep = true;
            j += 1;
            continue;
        }
        if w == "the" {
            j += 1;
            continue;
        }
        if seen_prep && capitalised(t, j, text) && t[j].kind == Kind::Word {
            let mut end = j + 1;
            while capitalised(t, end, text) && t[end].kind == Kind::Word {
                end += 1;
            }
            return Some(text[t[j].span.start..t[end - 1].span.end].to_string());
        }
        break;
    }
    None
}

pub(super) fn span_text(t: &[Tok], words: &[usize], text: &str) -> Option<String> {
    let (first, last) = (words.first()?, words.last()?);
    Some(text[t[*first].span.start..t[*last].span.end].to_string())
}
