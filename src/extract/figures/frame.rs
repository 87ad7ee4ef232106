//! The quantity frame of a figure, read from its own sentence: the measured thing in the
//! text's words (the counted noun and its modifiers, "magnitude of", "miles north of
//! Healdsburg", "65% of traffic to India"), the predicate (killed, captured, stole) and a
//! grouping key. Scope (background, superseded values) is in `scope`.

use super::frame_words::{BLAND, DIRECTIONS, PARTIAL, SIZE, WEAK, bearing, is_plural};
use super::grammar::Parsed;
use super::lexer::{Kind, Tok};
use super::lexicon::{TIME_UNITS, word};
use super::phrase::{
    model_at, noun_before, phrase_after, place_after, predicate_after, predicate_before, raw,
    span_text,
};
use super::synonyms::{Stems, concept, concept_of, is_cumulative};

/// What a figure measures, as its sentence says it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Frame {
    /// The measured thing in the text's words ("undersea cables", "magnitude", "killed").
    pub(super) thing: Option<String>,
    /// The verb the figure is the object or subject of ("captured", "killed").
    pub(super) predicate: Option<String>,
    /// Grouping key: figures with the same key and unit class measure the same thing.
    pub(super) key: Option<String>,
    /// The key is a generic head ("people", "others") or an inferred one: enough to show
    /// agreement, not enough to call a dispute.
    pub(super) weak: bool,
    /// The place a percentage or distance is about ("India", "Healdsburg").
    pub(super) place: Option<String>,
    /// An outlet's update: "rose to 24", "climbed to".
    pub(super) update: bool,
    /// The key is the counted noun alone, from no synonym, model or place: a dispute on it
    /// needs the two sentences to be about the same thing.
    pub(super) plain: bool,
    /// A distance's compass bearing in degrees.
    pub(super) bearing: Option<f64>,
}

/// Read the frame of figure `k` of `figs` in its sentence.
pub(super) fn frame_of(
    t: &[Tok],
    figs: &[Parsed],
    k: usize,
    text: &str,
    stems: &mut Stems,
) -> Frame {
    let fig = &figs[k];
    let mut f = Frame::default();
    let unit = fig.unit.as_deref();
    let length = matches!(unit, Some("m" | "km" | "mi" | "nmi" | "cm"));
    let measured = unit.is_some_and(|u| u != "people");
    let whole = fig.value.low.fract() == 0.0;
    let plural = (whole && fig.value.high > 1.0) || fig.value.low != fig.value.high;
    let end = fig.toks.end;
    // Coordinates: "latitude 16.1 north, longitude 67.5 west" measure no quantity.
    if fig.toks.start > 0 && matches!(word(t, fig.toks.start - 1), "latitude" | "longitude") {
        return f;
    }
    // Distances: "14 miles north-northeast of Healdsburg".
    if length
        && let Some(p) = place_after(t, end, text, true)
        && (DIRECTIONS.contains(&word(t, end)) || matches!(word(t, end), "-"))
    {
        {
            f.thing = Some(format!("distance from {p}"));
            f.key = Some(format!("distance from {}", p.to_lowercase()));
            f.place = Some(p);
            f.bearing = bearing(word(t, end));
            return f;
        }
    }
    // The phrase after the figure; after a measurement unit, the "of" phrase.
    let mut from = end;
    // "a 4.6-magnitude quake"
    if word(t, from) == "-" && t.get(from).is_some_and(|x| !x.gap_before) {
        from += 1;
    }
    if matches!(word(t, from), "of") || (measured && matches!(word(t, from), "in" | "worth")) {
        from += 1;
        // "Seven of Hale's friends", "two of the company's plants": a possessive is a
        // determiner here; the counted noun follows it.
        while matches!(
            word(t, from),
            "of" | "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "my" | "your"
        ) || (word(t, from).ends_with("'s") || word(t, from).ends_with("’s"))
        {
            from += 1;
        }
    }
    let model = (from..from + 3)
        .find_map(|i| model_at(t, i, text).filter(|_| i == from || t[i - 1].kind == Kind::Word));
    let noun = noun_before(t, fig.toks.start);
    // "a magnitude of 4.4 struck": the noun before "of" is what is measured.
    // "around twelve days depending on the weather", "the 6 hours ending at 1 p.m.", "three
    // weeks following the end": a participle and a preposition or an article right after a
    // measured span open another clause; they
    // are not what the span measures (a hyphenated span is an adjective: "its 15-year
    // working lifetime").
    let clause_after = measured
        && from == end
        && word(t, from).ends_with("ing")
        && matches!(
            word(t, from + 1),
            "on" | "at"
                | "in"
                | "to"
                | "from"
                | "with"
                | "without"
                | "for"
                | "by"
                | "up"
                | "the"
                | "a"
                | "an"
                | "their"
                | "his"
                | "her"
                | "its"
        )
        && !t[fig.toks.clone()].iter().any(|x| x.low == "-");
    let (words, head) = if noun.is_some() || clause_after {
        (Vec::new(), None)
    } else {
        phrase_after(t, from, text, plural && !measured)
    };
    // "the 271 corridor", "a Boeing 747 jet": a whole number above one right before a
    // singular noun (and no plural after it) names or labels it; it does not count it.
    if plural
        && !measured
        && model.is_none()
        && from == end
        && words.iter().all(|&i| !is_plural(&t[i].low))
        && head.is_some_and(|h| {
            let w = t[h].low.as_str();
            h == from && !(w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"))
        })
    {
        return f;
    }
    let partial = words.iter().any(|&i| PARTIAL.contains(&t[i].low.as_str()))
        || (fig.toks.start > 0
            && matches!(
                word(t, fig.toks.start - 1),
                "another" | "other" | "remaining" | "additional" | "further"
            ));
    // A verb after the noun describes counted things, not a duration or a sum.
    let after = head
        .filter(|_| !measured)
        .and_then(|h| predicate_after(t, h + 1));
    let before = predicate_before(t, fig.toks.start);
    if let Some((_, up)) = noun {
        f.update = up;
    }
    f.predicate = after.or(before).map(|i| raw(t, i, text).to_string());
    if matches!(unit, Some("%")) || length {
        f.place = place_after(t, from + words.len(), text, false);
    }
    // The key: a model name; then a word of the synonym table (the predicate, refined by a
    // specific head: "arrested pirate", "arrested boat"; the head; the noun before "of";
    // "4.4 in magnitude"); then the head itself as written (plural or not, with capitalised
    // modifiers: "Yemeni pirates") and its participle.
    let lookup = |i: usize, stems: &mut Stems| {
        concept_of(stems, &t[i].low, is_plural(&t[i].low), fig.value.high)
    };
    let pred = after
        .and_then(|i| lookup(i, stems))
        .or_else(|| before.and_then(|i| lookup(i, stems)));
    // "hundreds of waiting vessels": a participle before the noun is a predicate too.
    let pred = pred.or_else(|| {
        let h = head?;
        words
            .iter()
            .filter(|&&i| i < h && (t[i].low.ends_with("ing") || t[i].low.ends_with("ed")))
            .find_map(|&i| lookup(i, stems))
    });
    let head_concept = head.and_then(|i| lookup(i, stems));
    let other = noun.and_then(|(i, _)| lookup(i, stems)).or_else(|| {
        (word(t, end) == "in")
            .then(|| lookup(end + 1, stems))
            .flatten()
    });
    // The modifiers before the head stay in the key ("merchant vessels" and "pirate
    // vessels" are different things), but for size words.
    let modifiers: Vec<&str> = head.map_or(Vec::new(), |h| {
        words
            .iter()
            .filter(|&&i| i < h && t[i].kind == Kind::Word && !SIZE.contains(&t[i].low.as_str()))
            .filter(|&&i| concept(stems, &t[i].low, false).is_none())
            .filter(|&&i| !PARTIAL.contains(&t[i].low.as_str()))
            .map(|&i| t[i].low.as_str())
            .collect()
    });
    let with_modifiers = |w: &str| {
        let mut k = modifiers.join(" ");
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(w);
        k
    };
    let head_key = head
        .filter(|&h| !WEAK.contains(&t[h].low.as_str()))
        .map(|h| with_modifiers(&t[h].low));
    let shown = span_text(t, &words, text);
    // What is counted: the head's concept ("ships" for "vessels"), else the head itself.
    let base = head_concept.map(with_modifiers).or(head_key);
    // A verb that is not in the table refines the key ("ships turned", "ships holding"),
    // but for verbs that say nothing of what is counted ("were used").
    // Only a count is refined by its verb ("ships turned"); "a 4.2 quake was recorded" is
    // still a magnitude.
    let participle = after
        .or(before.filter(|_| head_concept.is_none()))
        .filter(|_| plural && !head_concept.is_some_and(is_cumulative))
        .filter(|&p| pred.is_none() && !BLAND.contains(&t[p].low.as_str()))
        .map(|p| stems.of(&t[p].low));
    if let Some((m, _)) = model {
        f.key = Some(m);
        f.thing = shown.clone();
    } else if let Some(k) = match (pred, &base) {
        (Some(c), Some(b)) if b != c => Some(format!("{c} {b}")),
        (Some(c), _) => Some(c.to_string()),
        (None, Some(b)) => Some(match &participle {
            Some(p) => format!("{b} {p}"),
            None => b.clone(),
        }),
        (None, None) => other.map(str::to_string),
    } {
        f.plain = pred.is_none() && other.is_none() && !head_concept.is_some_and(is_cumulative);
        f.key = Some(k);
        let keyed = pred.is_some() || participle.is_some();
        f.thing = match (&shown, &f.predicate) {
            (Some(s), Some(p)) if keyed && !s.contains(p.as_str()) => Some(format!("{s} {p}")),
            (Some(s), _) => Some(s.clone()),
            (None, _) => noun
                .map(|(i, _)| raw(t, i, text).to_string())
                .or_else(|| f.predicate.clone()),
        };
    } else if let Some(h) = head.filter(|&h| !matches!(t[h].low.as_str(), "them" | "us" | "you")) {
        f.weak = true;
        f.key = Some(t[h].low.clone());
        f.thing = shown;
    } else if let Some((i, _)) = noun {
        f.plain = true;
        f.key = Some(t[i].low.clone());
        f.thing = Some(raw(t, i, text).to_string());
    } else if let Some(p) =
        before.filter(|_| words.is_empty() && unit.is_some_and(|u| TIME_UNITS.contains(&u)))
    {
        // "deliberated almost seven hours Thursday": the verb is what the span measures.
        f.plain = true;
        f.key = Some(stems.of(&t[p].low));
        f.thing = Some(raw(t, p, text).to_string());
    }
    if partial && let Some(k) = &f.key {
        f.key = Some(format!("other {k}"));
    }
    if let (Some(k), Some(p)) = (&f.key, &f.place) {
        f.key = Some(format!("{k} {}", p.to_lowercase()));
        f.thing = f.thing.map(|s| format!("{s} ({p})"));
    }
    f
}
