//! `--format json` matches `docs/brief.schema.json` (draft 2020-12): every real brief we can
//! build, and a Brief with every section and optional field filled in. The schema is
//! generated from the model (`brief schema`, schemars) and forbids unknown fields; the file in
//! docs/ must be the generated one.

use std::path::Path;

use brief::brief::{
    ActorEntry, Brief, Citation, Counts, FigureEntry, FigureGroup, FramingEntry, NameEntry,
    OutletNaming, Period, Point, Position, Source, StatementEntry, TimelineEntry,
};
use brief::extract::entities::ActorKind;
use brief::extract::figures::{Status, Value};
use brief::extract::quotes::StatementKind;
use brief::extract::timeline::{Certainty, Grain};
use brief::ingest::{OutletFrom, Warning};

use super::brief;

fn schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/brief.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::meta::validate(&schema).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, instance: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{errors:#?}"
    );
}

#[test]
fn the_schema_files_are_what_the_model_generates() {
    // docs/*.schema.json are `brief schema ...` output, generated from the model by
    // schemars: regenerate them with `brief schema brief > docs/brief.schema.json` (and
    // `edition`) when the model changes.
    for (document, file) in [
        ("brief", "docs/brief.schema.json"),
        ("edition", "docs/edition.schema.json"),
    ] {
        let out = brief().args(["schema", document]).output().unwrap();
        assert!(out.status.success(), "brief schema {document}");
        let committed =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        assert!(
            String::from_utf8(out.stdout).unwrap() == committed,
            "{file} is not what `brief schema {document}` prints: regenerate it"
        );
    }
}

#[test]
fn real_briefs_match_the_schema() {
    let validator = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs = [
        "briefings/suez-2021-03/sources",
        "tests/fixtures/basic/sources",
        "tests/fixtures/hostile/sources",
        "tests/fixtures/hostile-more/sources",
    ];
    for input in inputs {
        let out = brief()
            .args(["build", "-q", "--format", "json", "-o", "-"])
            .arg(root.join(input))
            .output()
            .unwrap();
        assert!(out.status.success(), "{input}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            json["schema_version"],
            serde_json::json!(brief::brief::SCHEMA_VERSION)
        );
        assert_valid(&validator, input, &json);
    }
}

#[test]
fn a_brief_with_every_field_filled_matches_the_schema() {
    let json: serde_json::Value =
        serde_json::from_str(&brief::render::json(&full_brief(), &Default::default()).unwrap())
            .unwrap();
    assert_valid(&validator(), "the full brief", &json);
}

#[test]
fn the_schema_rejects_what_it_should() {
    let validator = validator();
    let good: serde_json::Value =
        serde_json::from_str(&brief::render::json(&full_brief(), &Default::default()).unwrap())
            .unwrap();
    let broken = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        v
    };
    let cases = [
        broken(&|v| v["schema_version"] = 2.into()),
        broken(&|v| v["surprise"] = true.into()),
        broken(&|v| v["actors"][0]["kind"] = "robot".into()),
        broken(&|v| v["summary"][0]["citations"][0]["span"] = serde_json::json!([1])),
        broken(&|v| v["period"]["first"] = "25 March".into()),
        broken(&|v| {
            v.as_object_mut().unwrap().remove("sources");
        }),
    ];
    for (i, case) in cases.iter().enumerate() {
        assert!(!validator.is_valid(case), "case {i} should be invalid");
    }
}

fn citation(source: usize) -> Citation {
    Citation {
        outlet: "Wire".into(),
        source,
        doc: "01-wire.md".into(),
        span: [0, 42],
        url: Some("https://example.org/a".into()),
        date: Some("2021-03-25".into()),
    }
}

fn full_brief() -> Brief {
    let point = Point {
        text: "The ship was freed.".into(),
        citations: vec![
            citation(1),
            Citation {
                url: None,
                date: None,
                ..citation(2)
            },
        ],
        support: 2,
    };
    let entry = |outlet: &str, value: f64| FigureEntry {
        display: format!("about {value}"),
        value: Value {
            low: value,
            high: value,
        },
        qualifier: Some("about".into()),
        unit: Some("ships".into()),
        outlet: outlet.into(),
        date: None,
        attributed_to: Some("the authority".into()),
        measure: Some("ships waiting".into()),
        context: "About 450 ships were waiting.".into(),
        citation: citation(1),
    };
    Brief {
        schema_version: brief::brief::SCHEMA_VERSION,
        title: "Suez".into(),
        period: Some(Period {
            first: "2021-03-25".into(),
            last: "2021-03-29".into(),
        }),
        generated_from: Counts {
            sources: 2,
            outlets: 2,
        },
        summary: vec![point.clone()],
        actors: vec![ActorEntry {
            name: "Osama Rabie".into(),
            aliases: vec!["Rabie".into()],
            kind: ActorKind::Person,
            role: Some("chairman of the Suez Canal Authority".into()),
            mentions: 4,
            outlets: vec!["Wire".into()],
            salience: 0.8,
        }],
        places: vec!["Ismailia".into()],
        positions: vec![Position {
            actor: "Osama Rabie".into(),
            role: None,
            statements: vec![StatementEntry {
                text: "We pulled it off".into(),
                kind: StatementKind::Quote,
                verb: "say".into(),
                verb_form: "says".into(),
                speaker: "Rabie".into(),
                anonymous: false,
                citations: vec![citation(1)],
            }],
        }],
        open_issues: vec![point],
        figures: vec![FigureGroup {
            measure: "ships waiting".into(),
            status: Status::Revised,
            agree: false,
            values: vec![entry("Wire", 369.0), entry("Daily", 450.0)],
        }],
        timeline: vec![TimelineEntry {
            date: "2021-03-23".into(),
            start: "2021-03-23".into(),
            end: "2021-03-23".into(),
            precision: Grain::Day,
            label: "Tue 23 Mar 2021".into(),
            status: Certainty::Inferred,
            background: false,
            text: "The ship ran aground on Tuesday.".into(),
            expression: "on Tuesday".into(),
            actors: vec!["Ever Given".into()],
            citations: vec![citation(1)],
            support: 1,
        }],
        framing: vec![FramingEntry {
            concept: "Suez Canal Authority".into(),
            kind: ActorKind::Organisation,
            divergence: 0.5,
            outlets: vec![OutletNaming {
                outlet: "Wire".into(),
                names: vec![NameEntry {
                    name: "the SCA".into(),
                    count: 2,
                    citation: citation(1),
                }],
            }],
            acting_for: vec![OutletNaming {
                outlet: "Wire".into(),
                names: vec![NameEntry {
                    name: "Osama Rabie".into(),
                    count: 3,
                    citation: citation(1),
                }],
            }],
        }],
        sources: vec![Source {
            number: 1,
            outlet: "Wire".into(),
            outlet_from: OutletFrom::Signature,
            title: "Ship freed".into(),
            path: "01-wire.md".into(),
            url: Some("https://example.org/a".into()),
            date: Some("2021-03-25".into()),
            author: Some("A. Writer".into()),
            words: 500,
            duplicate_of: Some(2),
        }],
        warnings: vec![Warning {
            path: "photo.jpg".into(),
            reason: "skipped: .jpg is not an article format".into(),
        }],
    }
}

#[test]
fn the_people_acting_for_a_concept_are_labelled_and_escaped_in_markdown_and_html() {
    use brief::render::{Format, Meta, Renderer};
    let mut b = full_brief();
    b.framing[0].acting_for[0].names[0].name = "Osama <script>alert(1)</script> *Rabie*".into();
    b.actors.clear();
    let renderer = Renderer::new(None).unwrap();
    let md = renderer.render(&b, Format::Md, &Meta::default()).unwrap();
    assert!(md.contains("*Speaking and acting for it*"), "{md}");
    let line = md
        .lines()
        .find(|l| l.contains("alert(1)"))
        .expect("the person is listed");
    assert!(line.contains(r"\<script\>"), "{line}");
    assert!(line.contains(r"\*Rabie\*"), "{line}");
    assert!(line.contains("(3)"), "{line}");
    let html = renderer.render(&b, Format::Html, &Meta::default()).unwrap();
    assert!(html.contains("Speaking and acting for it"), "{html}");
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}
