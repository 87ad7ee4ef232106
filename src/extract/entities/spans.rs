//! Name spans the text marks itself, applied to one sentence's mentions after detection: a
//! firm's abbreviation keeps its period ("NationsBank Corp."), a name the text defines by
//! an acronym in brackets is one name however many connectors it holds ("Organisation for
//! Security and Cooperation in Europe (OSCE)"), and a place compound with "-based" or
//! "-born" is a descriptor ("Minneapolis-based", "New Zealand-born"), not a place and not an
//! actor.

use std::ops::Range;

use super::ActorKind;
use super::detect::Detected;
use super::gazetteer::{GAZETTEER, norm};
use super::tokens::{Evidence, Token};

/// Abbreviations that end a name with their period.
const DOTTED: &[&str] = &["bros", "co", "corp", "inc", "jr", "ltd", "sr"];

/// Lower-case words an acronym's name may hold between its capitalised words.
const LINKS: &[&str] = &["and", "de", "for", "in", "of", "on", "the", "to"];

/// Longest name, in words, an acronym may define.
const MAX_WORDS: usize = 12;

/// "NationsBank Corp.", "Barnett Banks Inc.": the period of a firm's abbreviation belongs
/// to the name, even when it also ends the sentence.
pub(crate) fn abbreviation_periods(text: &str, out: &mut [Detected]) {
    for d in out.iter_mut() {
        if d.words.last().is_some_and(|w| DOTTED.contains(&w.as_str()))
            && text.as_bytes().get(d.span.end) == Some(&b'.')
        {
            d.span.end += 1;
        }
    }
}

/// "the Organisation for Security and Cooperation in Europe ( OSCE )": the capitalised
/// words and connectors before an acronym in brackets whose letters they spell are one
/// name, an organisation (a thing when its last word heads a law or an event: "Nuclear
/// Non-Proliferation Treaty (NPT)"). The rules' pieces inside it are replaced.
pub(crate) fn acronym_names(text: &str, tokens: &[Token], ev: &Evidence, out: &mut Vec<Detected>) {
    let defined: Vec<Range<usize>> = out
        .iter()
        .filter_map(|d| defined_name(text, tokens, ev, &d.span))
        .collect();
    for r in defined {
        let span = tokens[r.start].span.start..tokens[r.end - 1].span.end;
        if out.iter().any(|d| d.span == span) {
            continue;
        }
        let role = out
            .iter()
            .find(|d| d.span.start == span.start)
            .and_then(|d| d.role.clone());
        out.retain(|d| !(d.span.start >= span.start && d.span.end <= span.end));
        let words: Vec<String> = tokens[r]
            .iter()
            .map(|t| ev.word(t.word).to_string())
            .collect();
        let thing = words
            .last()
            .is_some_and(|w| GAZETTEER.thing_words.contains(w));
        out.push(Detected {
            span,
            kind: if thing {
                ActorKind::Group
            } else {
                ActorKind::Organisation
            },
            entry: None,
            guessed: thing,
            role,
            words,
            common: false,
        });
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
}

/// The token range of the name an acronym mention (`span`, in brackets) defines, if the
/// words right before the bracket spell it.
fn defined_name(
    text: &str,
    tokens: &[Token],
    ev: &Evidence,
    span: &Range<usize>,
) -> Option<Range<usize>> {
    let surface = text.get(span.clone())?;
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    if !(2..=8).contains(&letters.len())
        || !surface
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '&'))
    {
        return None;
    }
    let before = text[..span.start].trim_end_matches(' ');
    let open = before.strip_suffix('(')?;
    if !text[span.end..].trim_start_matches(' ').starts_with(')') {
        return None;
    }
    let open = open.trim_end_matches(' ').len();
    let j = tokens.iter().rposition(|t| t.span.end == open)?;
    let link = |t: &Token| LINKS.contains(&ev.word(t.word));
    let mut k = j;
    while k > 0
        && j - k + 1 < MAX_WORDS
        && tokens[k].joined
        && (tokens[k - 1].cap || link(&tokens[k - 1]))
    {
        k -= 1;
    }
    // The longest name that spells the acronym, from a capitalised word.
    (k..j)
        .filter(|&s| tokens[s].cap && !link(&tokens[s]))
        .find(|&s| {
            let words: Vec<(Vec<char>, bool)> = tokens[s..=j]
                .iter()
                .map(|t| (initials(text, t), link(t)))
                .collect();
            let first = &words[0].0;
            words.iter().filter(|(_, l)| !l).count() >= 2
                && letters.starts_with(first)
                && spells(&letters[first.len()..], &words[1..], true)
        })
        .map(|s| s..j + 1)
}

/// The letters a word gives an acronym: each letter of initials ("U.N." -> U, N), else its
/// first letter, upper case.
fn initials(text: &str, t: &Token) -> Vec<char> {
    let s = text.get(t.span.clone()).unwrap_or("");
    if s.contains('.') && s.split('.').all(|p| p.chars().count() <= 1) {
        return s.chars().filter(|c| c.is_alphabetic()).collect();
    }
    s.chars()
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `acronym` is spelled by `words` (letters, is a connector) in order: the first and
/// last words give letters, connectors may give theirs or not ("Interim Force in Lebanon"
/// -> IFIL, "Security and Cooperation" -> SC), and one capitalised word inside may be left
/// out ("London International Financial Futures and Options Exchange" -> LIFFE).
fn spells(acronym: &[char], words: &[(Vec<char>, bool)], may_skip: bool) -> bool {
    let Some(((letters, link), rest)) = words.split_first() else {
        return acronym.is_empty();
    };
    if acronym.starts_with(letters) && spells(&acronym[letters.len()..], rest, may_skip) {
        return true;
    }
    // The last word always gives its letters.
    !rest.is_empty()
        && ((*link && spells(acronym, rest, may_skip))
            || (!*link && may_skip && spells(acronym, rest, false)))
}

/// "Minneapolis-based", "New York-based": a place compound with "-based" describes a firm
/// or group and is no place, as "-born" describes a person ("the New Zealand-born man"); a
/// piece of the place name the rules found before it ("New") joins it.
pub(crate) fn based_compounds(text: &str, tokens: &[Token], out: &mut Vec<Detected>) {
    for t in tokens {
        let Some(stem) = text
            .get(t.span.clone())
            .and_then(|s| s.strip_suffix("-based").or_else(|| s.strip_suffix("-born")))
        else {
            continue;
        };
        if !stem.starts_with(char::is_uppercase) {
            continue;
        }
        let mut span = t.span.clone();
        // "St. Louis-based": a short abbreviation with its period opens the place name.
        let before = text[..span.start].trim_end_matches(' ');
        if let Some(abbr) = before.strip_suffix('.') {
            let word = abbr.rsplit(char::is_whitespace).next().unwrap_or("");
            if matches!(word, "St" | "Ft" | "Mt") && before.len() < span.start {
                span.start = abbr.len() - word.len();
            }
        }
        // "New York-based": a piece of the place name the rules found before it.
        if let Some(d) = out.iter().find(|d| {
            t.joined
                && text
                    .get(d.span.end..t.span.start)
                    .is_some_and(|g| g.trim().is_empty())
        }) {
            span.start = d.span.start;
        }
        out.retain(|d| d.span.end <= span.start || d.span.start >= span.end);
        let words = text[span.clone()]
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(norm)
            .collect();
        out.push(Detected {
            span,
            kind: ActorKind::Group,
            entry: None,
            guessed: true,
            role: None,
            words,
            common: false,
        });
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
}

#[cfg(test)]
mod tests {
    use crate::extract::entities::ActorKind;
    use crate::extract::entities::tests::spans;

    #[test]
    fn a_firms_abbreviation_keeps_its_period() {
        let got =
            spans("The shares of Tollbrook Marine Corp. rose after Venmark Holdings Inc. sold.\n");
        assert!(
            got.contains(&("Tollbrook Marine Corp.", ActorKind::Organisation)),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(s, _)| *s == "Venmark Holdings Inc."),
            "{got:?}"
        );
    }

    #[test]
    fn an_acronym_in_brackets_defines_one_name() {
        let text = "Monitors from the League for Peace and Trade in Ostravia (LPTO) met on \
                    Monday, as did the Verdan Harbour Authority (VHA).\n";
        let got = spans(text);
        assert!(
            got.contains(&(
                "League for Peace and Trade in Ostravia",
                ActorKind::Organisation
            )),
            "{got:?}"
        );
        assert!(!got.iter().any(|(s, _)| *s == "Ostravia"), "{got:?}");
        // A bracketed acronym the words do not spell joins nothing.
        let got = spans("Officials of Brenford Council in Ostravia (XQZ) met.\n");
        assert!(!got.iter().any(|(s, _)| s.contains(" in ")), "{got:?}");
    }

    #[test]
    fn a_based_compound_is_no_place() {
        let got = spans("A Port Kelby-based firm and a St. Ormond-based bank merged.\n");
        assert!(
            got.contains(&("Port Kelby-based", ActorKind::Group)),
            "{got:?}"
        );
        assert!(
            got.contains(&("St. Ormond-based", ActorKind::Group)),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(s, _)| *s == "Port Kelby" || *s == "Port"),
            "{got:?}"
        );
        // "-born" describes a person the same way: no "New" left over.
        let got = spans("The New Kelby-born man fell.\n");
        assert!(!got.iter().any(|(s, _)| *s == "New"), "{got:?}");
        assert!(
            got.contains(&("New Kelby-born", ActorKind::Group)),
            "{got:?}"
        );
    }
}
