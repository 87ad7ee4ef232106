//! Generate a synthetic multi-outlet news folder for benchmarks. Used by the benchmarks
//! (`#[path]`-included) and by the example `gen-corpus`, never installed with brief:
//!
//! ```sh
//! cargo run --release --example gen-corpus -- target/bench-corpus/1000 1000 [SEED]
//! ```
//!
//! Writes N Markdown articles (YAML front matter: title, outlet, date, author) of about 600
//! words each. Articles come in stories of about eight: each story has invented places, people
//! with roles, figures and open questions, and every article on it repeats some of those facts
//! (often nearly word for word, as wire copy does), quotes its people, cites its figures (with
//! small differences between outlets) and adds sentences of its own. The text is built from
//! templates and invented names written for this generator: no third-party text. The output is
//! a function of N and the seed alone.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (SplitMix64): no dependency, same stream everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const OUTLETS: &[&str] = &[
    "Meridian Wire",
    "Harbour Ledger",
    "Canal Post Daily",
    "Nordic Freight Times",
    "The Evening Lantern",
    "Riverside Courier",
    "Atlas News Service",
    "Coastline Herald",
    "The Civic Record",
    "Granite State Bulletin",
    "Pacific Morning",
    "Continental Dispatch",
];
const SYLLABLES: &[&str] = &[
    "bar", "del", "mon", "ka", "ri", "ost", "val", "en", "tor", "lis", "mar", "quen", "sa", "dor",
    "vin", "al", "bre", "cas", "mir", "nov", "tal", "ur", "zen", "fal", "gor", "hel", "ion", "jur",
];
const FIRST: &[&str] = &[
    "Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hassan", "Irene", "Jonas",
    "Keiko", "Luis", "Maria", "Nikos", "Olga", "Pavel", "Rosa", "Samir", "Tomas", "Yara",
];
const ROLES: &[&str] = &[
    "Foreign Minister",
    "Finance Minister",
    "Interior Minister",
    "the mayor of",
    "the governor of",
    "a spokesperson for the Ministry of Health in",
    "the head of the port authority in",
    "the chief executive of the national rail operator in",
    "a senior economist at the central bank of",
    "the police chief in",
];
const EVENTS: &[&str] = &[
    "flood",
    "strike",
    "election",
    "fire",
    "trade dispute",
    "bridge collapse",
    "drought",
    "power outage",
    "budget crisis",
    "port closure",
    "earthquake",
    "rail strike",
];
const MEASURES: &[(&str, &str)] = &[
    ("people were killed", "people"),
    ("homes were damaged", "homes"),
    ("workers joined the protest", "workers"),
    ("residents were evacuated", "residents"),
    ("vessels were waiting", "vessels"),
];
const MONEY: &[&str] = &["million dollars", "billion euros", "million pounds"];
const VERBS: &[&str] = &["said", "told reporters", "warned", "added", "insisted"];
const FILLER_SUBJ: &[&str] = &[
    "Local officials",
    "Residents of the area",
    "Analysts in the region",
    "Shop owners nearby",
    "Emergency crews",
    "Opposition lawmakers",
    "Trade unions",
    "Aid groups",
    "Insurers",
    "Engineers",
];
const FILLER_VERB: &[&str] = &[
    "spent the morning assessing",
    "continued to monitor",
    "expressed concern about",
    "called for an inquiry into",
    "questioned the handling of",
    "prepared new plans for",
    "raised fresh doubts over",
    "welcomed the response to",
];
const FILLER_OBJ: &[&str] = &[
    "the damage to roads and schools",
    "the cost of repairs over the coming months",
    "supplies of water and fuel",
    "the timetable for reopening public offices",
    "the condition of the old harbour walls",
    "the pressure on hospitals and clinics",
    "the effect on farmers and small traders",
    "delays to freight and passenger services",
];
const ISSUES: &[&str] = &[
    "It remains unclear whether",
    "Officials have not said whether",
    "No decision has yet been made on whether",
    "It is still not known whether",
];
const ISSUE_OBJ: &[&str] = &[
    "the government will compensate those affected",
    "the investigation will be made public",
    "the talks will resume next week",
    "the emergency measures will be extended",
];

fn name(rng: &mut Rng, parts: usize) -> String {
    let mut s: String = (0..parts).map(|_| rng.pick(SYLLABLES)).collect();
    if let Some(first) = s.get(0..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

/// The shared facts of one story.
struct Story {
    event: &'static str,
    place: String,
    country: String,
    people: Vec<(String, String)>,
    count: usize,
    measure: (&'static str, &'static str),
    money: usize,
    currency: &'static str,
    day: usize,
    issue: String,
}

fn story(rng: &mut Rng) -> Story {
    let country = name(rng, 3);
    let people = (0..3)
        .map(|_| {
            let person = format!("{} {}", rng.pick(FIRST), name(rng, 3));
            let role = rng.pick(ROLES);
            let role = if role.ends_with(" in") || role.ends_with(" of") {
                format!("{role} {country}")
            } else {
                format!("{country}'s {role}")
            };
            (person, role)
        })
        .collect();
    Story {
        event: rng.pick(EVENTS),
        place: name(rng, 2),
        country,
        people,
        count: 20 + rng.below(5000),
        measure: MEASURES[rng.below(MEASURES.len())],
        money: 2 + rng.below(900),
        currency: rng.pick(MONEY),
        day: 1 + rng.below(27),
        issue: format!("{} {}.", rng.pick(ISSUES), rng.pick(ISSUE_OBJ)),
    }
}

fn article(rng: &mut Rng, st: &Story, outlet: &str, day: usize) -> (String, String) {
    let title = format!(
        "{} in {} leaves {} {} as questions mount",
        capital(st.event),
        st.place,
        st.count,
        st.measure.1
    );
    let mut body = String::new();
    let mut words = 0;
    // A lead most outlets share nearly word for word.
    let lead = format!(
        "At least {} {} after the {} in {}, {}, authorities said on {}.",
        st.count,
        st.measure.0,
        st.event,
        st.place,
        st.country,
        weekday(st.day)
    );
    push(&mut body, &mut words, &lead);
    body.push(' ');
    while words < 600 {
        let sentence = match rng.below(7) {
            0 => {
                let (p, role) = &st.people[rng.below(st.people.len())];
                format!(
                    "\"We will not rest until every family in {} has what it needs,\" {}, {}, {}.",
                    st.place,
                    p,
                    role,
                    rng.pick(VERBS)
                )
            }
            1 => {
                // Outlets differ a little on the money.
                let m = st.money + usize::from(rng.chance(30)) * (1 + rng.below(20));
                let (p, _) = &st.people[rng.below(st.people.len())];
                format!(
                    "The cost of the {} has been put at about {} {}, according to {}.",
                    st.event, m, st.currency, p
                )
            }
            2 => format!("{}{}.", st.issue.trim_end_matches('.'), filler_tail(rng)),
            3 => {
                let (p, role) = &st.people[rng.below(st.people.len())];
                format!(
                    "{}, {}, {} the response in {} had been slowed by {}.",
                    p,
                    role,
                    rng.pick(VERBS),
                    st.place,
                    rng.pick(FILLER_OBJ)
                )
            }
            _ => format!(
                "{} {} {} in {}.",
                rng.pick(FILLER_SUBJ),
                rng.pick(FILLER_VERB),
                rng.pick(FILLER_OBJ),
                name(rng, 2)
            ),
        };
        push(&mut body, &mut words, &sentence);
        if rng.chance(35) {
            body.push_str("\n\n");
        } else {
            body.push(' ');
        }
    }
    let author = format!("{} {}", rng.pick(FIRST), name(rng, 2));
    let text = format!(
        "---\ntitle: \"{title}\"\noutlet: {outlet}\ndate: 2026-03-{day:02}\nauthor: {author}\n---\n\n{}\n",
        body.trim_end()
    );
    (title, text)
}

fn filler_tail(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        "",
        " as the week ends",
        " despite repeated questions",
        " at this stage",
    ])
}

fn push(body: &mut String, words: &mut usize, sentence: &str) {
    body.push_str(sentence);
    *words += sentence.split_whitespace().count();
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn weekday(day: usize) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][day % 7]
}

/// Write `n` articles generated from `seed` into `dir` (created if missing); returns the
/// number of bytes written.
pub(crate) fn generate(dir: &Path, n: usize, seed: u64) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(seed);
    let stories: Vec<Story> = (0..n.div_ceil(8)).map(|_| story(&mut rng)).collect();
    let mut bytes = 0;
    for i in 0..n {
        let st = &stories[i % stories.len()];
        let outlet = OUTLETS[(i / stories.len() + i) % OUTLETS.len()];
        let day = (st.day + i / stories.len()).min(28);
        let (_, text) = article(&mut rng, st, outlet, day);
        bytes += text.len();
        let mut file = String::new();
        let _ = write!(file, "{i:05}.md");
        std::fs::write(dir.join(file), text)?;
    }
    Ok(bytes)
}
