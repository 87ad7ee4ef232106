//! `brief stories`: which article belongs to which story, on a day of three stories, two of
//! them strikes on the same day in different cities.

use super::{BriefTest, text};

#[test]
fn stories_lists_each_article_with_its_story() {
    let t = BriefTest::fixture("edition");
    let out = t.run(&["stories", "."]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout,
        "1\tcomet-observer.md\n\
         2\tlyon-strike-courier.md\n\
         2\tlyon-strike-gazette.md\n\
         2\tlyon-strike-wire.md\n\
         3\tporto-strike-post.md\n\
         3\tporto-strike-wire.md\n"
    );
}

#[test]
fn stories_json_is_one_object_per_line() {
    let t = BriefTest::fixture("edition");
    let out = t.run(&["stories", ".", "--json"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[1]["story"], 2);
    assert_eq!(rows[1]["outlet"], "Rhone Courier");
    assert_eq!(rows[1]["size"], 3);
    assert_eq!(rows[5]["title"], "Dockers strike at Porto port");
}

#[test]
fn stories_of_an_empty_folder_is_an_error() {
    let t = BriefTest::empty();
    let out = t.run(&["stories", "."]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn feed_items_and_json_lines_are_articles() {
    let t = BriefTest::fixture("feeds");
    let out = t.run(&["stories", ".", "--json"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("scrape.jsonl") && stderr.contains("line 3"),
        "{stderr}"
    );
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs: Vec<(String, u64, String)> = rows
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                r["story"].as_u64().unwrap(),
                r["outlet"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("harbour.rss#1".to_string(), 1, "Harbour Times".to_string()),
            ("harbour.rss#2".to_string(), 2, "Harbour Times".to_string()),
            (
                "scrape.jsonl#1".to_string(),
                1,
                "coast.example.org".to_string()
            ),
            ("scrape.jsonl#2".to_string(), 2, "Sky Observer".to_string()),
        ]
    );
    assert_eq!(rows[0]["title"], "Ferry crews strike in Brest");
}
