//! Gazetteers: the word lists behind mention detection, embedded from plain-text data files
//! under `src/extract/gazetteer/` (one entry per line, `#` comments, documented headers).
//!
//! Everything is keyed by `norm`: diacritics folded, lowercase, periods dropped, a leading
//! "the" removed, so "the U.S.", "US" and "us" share a key ("us" in lowercase text is never
//! looked up, because only capitalised runs reach the gazetteer).

use std::sync::LazyLock;

use super::ActorKind;
use super::hash::{FastMap, FastSet};

const COUNTRIES: &str = include_str!("../gazetteer/countries.txt");
const PLACES: &str = include_str!("../gazetteer/places.txt");
const ORGANISATIONS: &str = include_str!("../gazetteer/organisations.txt");
const GROUPS: &str = include_str!("../gazetteer/groups.txt");
const FIRST_NAMES: &str = include_str!("../gazetteer/first_names.txt");
const ROLES: &str = include_str!("../gazetteer/roles.txt");
const NON_ACTORS: &str = include_str!("../gazetteer/nonactors.txt");
const ORG_WORDS: &str = include_str!("../gazetteer/org_words.txt");
const PLACE_WORDS: &str = include_str!("../gazetteer/place_words.txt");
const THING_WORDS: &str = include_str!("../gazetteer/thing_words.txt");

/// What a gazetteer name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A state, by any of its names ("Russian Federation" -> Russia).
    State(String),
    /// A capital: the state when it acts, a place after a locative preposition.
    Capital { state: String, city: String },
    /// A place that stays a place (Geneva).
    Place(String),
    /// An organisation, with the state it speaks for when it has one.
    Org {
        name: String,
        parent: Option<String>,
    },
    /// A group of people (plural demonyms, "Kurds").
    Group(String),
    /// A demonym or group adjective ("Russian", "Kurdish"): a mention, not an actor.
    Adjective(String),
}

impl Entry {
    /// The actor kind this entry gives a mention.
    pub(crate) fn kind(&self) -> ActorKind {
        match self {
            Entry::State(_) | Entry::Capital { .. } | Entry::Place(_) => ActorKind::Place,
            Entry::Org { .. } => ActorKind::Organisation,
            Entry::Group(_) | Entry::Adjective(_) => ActorKind::Group,
        }
    }
}

/// All word lists, parsed once. Only looked up, never iterated, so hashed.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Normalised name -> entry. The first line that defines a name wins.
    pub(crate) names: FastMap<String, Entry>,
    /// Longest name in tokens, to bound the longest-match search.
    pub(crate) longest: usize,
    /// Given names.
    pub(crate) first_names: FastSet<String>,
    /// Roles as lowercase token sequences, longest first.
    pub(crate) roles: Vec<Vec<String>>,
    /// First word of a role -> indices into `roles`, in order.
    role_starts: FastMap<String, Vec<usize>>,
    /// Single words that occur in some role (for backwards role scans).
    pub(crate) role_words: FastSet<String>,
    /// Last words of roles ("minister", "envoy"): what an apposition must contain.
    pub(crate) role_heads: FastSet<String>,
    /// Words that are never actors.
    pub(crate) non_actors: FastSet<String>,
    /// Organisation head words.
    pub(crate) org_words: FastSet<String>,
    /// Place head words.
    pub(crate) place_words: FastSet<String>,
    /// Head words of names of things (works, events, awards, laws): never actors.
    pub(crate) thing_words: FastSet<String>,
    /// Prefixes of vehicle names ("INS", "MV"): never actors.
    pub(crate) vehicle_prefixes: FastSet<String>,
}

/// The built-in gazetteer.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// Lookup key: ASCII-folded, lowercase, periods removed, curly apostrophes straightened,
/// leading "the " dropped, white space collapsed.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::new();
    norm_into(s, &mut out);
    out
}

/// [`norm`] into `out` (cleared first), without allocating for ASCII text.
pub(crate) fn norm_into(s: &str, out: &mut String) {
    out.clear();
    // `deunicode` passes bytes below 0x7F through unchanged; then lowercase, drop periods,
    // collapse white space, as the general path does. A single word (a token) needs no
    // white space handling, and "the " cannot begin it.
    if s.bytes()
        .all(|b| b < 0x7f && !char::from(b).is_whitespace())
    {
        out.push_str(s);
        out.make_ascii_lowercase();
        if out.contains('.') {
            out.retain(|c| c != '.');
        }
        return;
    }
    if s.bytes().all(|b| b < 0x7f) {
        let mut blank = false;
        for b in s.bytes() {
            if b == b'.' {
                continue;
            }
            if char::from(b).is_whitespace() {
                blank = true;
                continue;
            }
            if blank && !out.is_empty() {
                out.push(' ');
            }
            blank = false;
            out.push(char::from(b.to_ascii_lowercase()));
        }
    } else {
        let folded = deunicode::deunicode(s).to_lowercase().replace('.', "");
        for (i, w) in folded.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
}

/// Whether [`norm`] leaves `s` as it is: ASCII without capitals, periods, or blanks other
/// than single spaces between words, and no leading "the ".
fn is_norm(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !s.starts_with("the ")
        && b.iter().all(|&c| {
            c < 0x7f && c != b'.' && !c.is_ascii_uppercase() && !char::from(c).is_whitespace()
                || c == b' '
        })
        && !s.contains("  ")
}

/// Data lines of a file: trimmed, comments and blanks skipped.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The comma-separated items of field `i` of a `|`-separated line.
fn field<'a>(fields: &[&'a str], i: usize) -> Vec<&'a str> {
    fields
        .get(i)
        .map(|f| {
            f.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

impl Gazetteer {
    fn builtin() -> Self {
        let mut g = Gazetteer::default();
        for line in lines(COUNTRIES) {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(state) = f.first().map(|s| s.to_string()) else {
                continue;
            };
            g.add(&state, Entry::State(state.clone()));
            for alias in field(&f, 1) {
                g.add(alias, Entry::State(state.clone()));
            }
            for (i, demonym) in field(&f, 2).into_iter().enumerate() {
                // The first demonym is the adjective; later ones (plurals) name the people.
                let entry = if i == 0 {
                    Entry::Adjective(state.clone())
                } else {
                    Entry::Group(demonym.to_string())
                };
                g.add(demonym, entry);
            }
            for city in field(&f, 3) {
                let entry = Entry::Capital {
                    state: state.clone(),
                    city: city.to_string(),
                };
                g.add(city, entry);
            }
        }
        for line in lines(PLACES) {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(name) = f.first().map(|s| s.to_string()) else {
                continue;
            };
            g.add(&name, Entry::Place(name.clone()));
            for alias in field(&f, 1) {
                g.add(alias, Entry::Place(name.clone()));
            }
        }
        for line in lines(ORGANISATIONS) {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(name) = f.first().map(|s| s.to_string()) else {
                continue;
            };
            let parent = f.get(2).filter(|p| !p.is_empty()).map(|p| p.to_string());
            let entry = Entry::Org {
                name: name.clone(),
                parent,
            };
            g.add(&name, entry.clone());
            for alias in field(&f, 1) {
                g.add(alias, entry.clone());
            }
        }
        for line in lines(GROUPS) {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(name) = f.first().map(|s| s.to_string()) else {
                continue;
            };
            g.add(&name, Entry::Group(name.clone()));
            for form in field(&f, 1) {
                let entry = if form.ends_with('s') {
                    Entry::Group(name.clone())
                } else {
                    Entry::Adjective(name.clone())
                };
                g.add(form, entry);
            }
        }
        g.first_names = lines(FIRST_NAMES).map(norm).collect();
        g.roles = lines(ROLES)
            .map(|l| l.split_whitespace().map(norm).collect::<Vec<_>>())
            .collect();
        g.roles.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        for (i, r) in g.roles.iter().enumerate() {
            if let Some(first) = r.first() {
                g.role_starts.entry(first.clone()).or_default().push(i);
            }
        }
        g.role_words = g
            .roles
            .iter()
            .flatten()
            .filter(|w| *w != "of")
            .cloned()
            .collect();
        g.role_heads = g.roles.iter().filter_map(|r| r.last()).cloned().collect();
        g.non_actors = lines(NON_ACTORS).map(norm).collect();
        g.org_words = lines(ORG_WORDS).map(norm).collect();
        g.place_words = lines(PLACE_WORDS).map(norm).collect();
        for w in lines(THING_WORDS) {
            match w.strip_prefix('<') {
                Some(prefix) => g.vehicle_prefixes.insert(norm(prefix)),
                None => g.thing_words.insert(norm(w)),
            };
        }
        g
    }

    fn add(&mut self, name: &str, entry: Entry) {
        let key = norm(name);
        if key.is_empty() {
            return;
        }
        self.longest = self.longest.max(key.split(' ').count());
        self.names.entry(key).or_insert(entry);
    }

    /// The entry for a name, if any.
    pub(crate) fn lookup(&self, name: &str) -> Option<&Entry> {
        if is_norm(name) {
            self.names.get(name)
        } else {
            self.names.get(&norm(name))
        }
    }

    /// Length in tokens of the longest role starting at `words[0]` (already normalised).
    pub(crate) fn role_at<S: AsRef<str>>(&self, words: &[S]) -> usize {
        // Every role has a first word (blank lines are skipped).
        let Some(first) = words.first() else {
            return 0;
        };
        // The roles starting with this word, in the longest-first order of `roles`.
        self.role_starts
            .get(first.as_ref())
            .into_iter()
            .flatten()
            .map(|&i| &self.roles[i])
            .find(|r| words.len() >= r.len() && r.iter().zip(words).all(|(a, b)| a == b.as_ref()))
            .map_or(0, Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `norm` as it was: one allocation per step.
    fn reference(s: &str) -> String {
        let folded = deunicode::deunicode(s).to_lowercase().replace('.', "");
        let joined = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        joined
            .strip_prefix("the ")
            .map(str::to_string)
            .unwrap_or(joined)
    }

    #[test]
    fn norm_matches_the_reference_and_is_norm_is_safe() {
        let cases = [
            "",
            " ",
            "the",
            "The",
            "the U.S.",
            "THE  the x",
            " the x ",
            "U.S.",
            "a . b",
            "Tab\there",
            "vt\u{b}ff\u{c}cr\r",
            "del\u{7f}",
            "Erdoğan",
            "ÉLYSÉE’s",
            "北京",
            "the 北京",
            "x\u{a0}y",
            "al-Assad",
            "the the",
            "ab  cd",
            "ab cd",
            "ab cd ",
            "ab.cd",
        ];
        for s in cases {
            assert_eq!(norm(s), reference(s), "{s:?}");
            if is_norm(s) {
                assert_eq!(reference(s), s, "{s:?}");
            }
        }
    }

    #[test]
    fn aliases_share_a_state() {
        let g = &*GAZETTEER;
        assert_eq!(
            g.lookup("the U.S."),
            Some(&Entry::State("United States".into()))
        );
        assert_eq!(
            g.lookup("Russian Federation"),
            Some(&Entry::State("Russia".into()))
        );
        assert!(matches!(g.lookup("Moscow"), Some(Entry::Capital { .. })));
        assert_eq!(g.lookup("Geneva"), Some(&Entry::Place("Geneva".into())));
        assert_eq!(
            g.lookup("Russian"),
            Some(&Entry::Adjective("Russia".into()))
        );
        assert!(
            matches!(g.lookup("ISIL"), Some(Entry::Org { name, .. }) if name == "Islamic State")
        );
    }

    #[test]
    fn roles_match_longest_first() {
        let g = &*GAZETTEER;
        let words: Vec<String> = ["secretary", "of", "state", "john"]
            .map(String::from)
            .to_vec();
        assert_eq!(g.role_at(&words), 3);
        assert!(g.first_names.contains("sergei"));
        assert!(g.non_actors.contains("thursday"));
    }
}
