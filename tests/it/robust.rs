//! Messy folders: saved web pages, legacy encodings, files that are not articles, copies.
//! The matrix in docs/robustness.md names these tests. Binary and encoded inputs are written
//! by the tests into their temporary folders; text and HTML fixtures are committed under
//! tests/fixtures/robust/.

use std::path::Path;

use brief::ingest::{self, IngestConfig};
use serde_json::Value;

use super::{BriefTest, brief, text};

/// `brief build <dir> -o - --format json`, parsed; panics with stderr when it fails.
fn build_json(t: &BriefTest, dir: &str) -> (Value, String) {
    let out = t.run(&["build", dir, "-o", "-", "--format", "json"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_str(&stdout).unwrap(), stderr)
}

/// Every citation of every summary point and open issue lies inside its source's text, and
/// each point's text is that text, verbatim (white space folded).
fn assert_citations_verbatim(dir: &Path, brief: &Value) {
    let (mut docs, _) = ingest::ingest(dir, &IngestConfig::default()).unwrap();
    ingest::duplicates::mark(&mut docs);
    let points = brief["summary"]
        .as_array()
        .unwrap()
        .iter()
        .chain(brief["open_issues"].as_array().unwrap());
    for point in points {
        for (k, c) in point["citations"].as_array().unwrap().iter().enumerate() {
            let doc = &docs[c["source"].as_u64().unwrap() as usize - 1];
            let (start, end) = (
                c["span"][0].as_u64().unwrap(),
                c["span"][1].as_u64().unwrap(),
            );
            let cited = doc
                .raw
                .get(start as usize..end as usize)
                .expect("span inside source");
            if k == 0 {
                let folded = cited.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(folded, point["text"].as_str().unwrap());
            }
        }
    }
}

fn warnings_for<'a>(brief: &'a Value, path: &str) -> Vec<&'a str> {
    brief["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["path"] == path)
        .map(|w| w["reason"].as_str().unwrap())
        .collect()
}

const GOOD: &str = "---\ntitle: Floodgate fails\noutlet: Meridian Wire\ndate: 2025-06-12\n---\n\
A floodgate at the Marrow reservoir failed early on Thursday, forcing the evacuation of about \
12,000 residents from villages along the Vell river, regional officials said.\n\n\
Engineers were trying to lower the water level by opening two other gates, a spokesman said.\n";

#[test]
fn html_pages_are_read_like_reader_mode() {
    let t = BriefTest::fixture("robust/html");
    let (brief, stderr) = build_json(&t, "sources");
    assert!(!stderr.contains("warning"), "{stderr}");
    let s = &brief["sources"];
    assert_eq!(s[0]["outlet"], "The Harbour Ledger");
    assert_eq!(s[0]["outlet_from"], "page_meta");
    assert_eq!(
        s[0]["title"],
        "Floodgate fails at Marrow reservoir, thousands evacuated"
    );
    assert_eq!(s[0]["author"], "Ines Moreau");
    assert_eq!(s[0]["date"], "2025-06-12");
    assert_eq!(
        s[0]["url"],
        "https://ledger.example.org/news/2025/06/12/marrow-floodgate"
    );
    assert_eq!(
        s[1]["outlet"], "Coastal Wire",
        "og:site_name without JSON-LD"
    );
    assert_eq!(s[1]["author"], "Tomas Reyes");
    assert_eq!(s[1]["date"], "2025-06-13", "article:published_time");
    assert_eq!(
        s[1]["url"],
        "https://coastalwire.example.com/2025/06/13/marrow-floodgate-evacuation"
    );
    let all = brief.to_string();
    for furniture in [
        "Skip to main",
        "Advertisement",
        "dataLayer",
        "riverwatcher",
        "disaster waiting",
        "Sponsored",
        "cookies",
        "Most read",
        "All rights reserved",
        "Photo: Ledger staff",
        "Drought leaves",
    ] {
        assert!(!all.contains(furniture), "{furniture} reached the brief");
    }
    let summary = brief["summary"].to_string();
    assert!(summary.contains("hydraulic arm snapped"), "{summary}");
    assert_citations_verbatim(&t.path().join("sources"), &brief);
}

#[test]
fn brief_toml_overrides_the_site_name_and_the_host_stands_in_for_it() {
    let t = BriefTest::fixture("robust/html");
    let page = t.read("sources/02-coastal-wire.htm");
    let page = page.replace(
        "<meta property=\"og:site_name\" content=\"Coastal Wire\">",
        "",
    );
    std::fs::write(t.path().join("sources/02-coastal-wire.htm"), page).unwrap();
    let (brief, _) = build_json(&t, "sources");
    assert_eq!(brief["sources"][1]["outlet"], "coastalwire.example.com");
    assert_eq!(brief["sources"][1]["outlet_from"], "page_meta");
    std::fs::write(
        t.path().join("sources/brief.toml"),
        "[outlets]\n\"01-harbour-ledger.html\" = \"Harbour Ledger\"\n",
    )
    .unwrap();
    let (brief, _) = build_json(&t, "sources");
    assert_eq!(brief["sources"][0]["outlet"], "Harbour Ledger");
    assert_eq!(brief["sources"][0]["outlet_from"], "config");
}

#[test]
fn a_saved_page_with_a_txt_name_is_read_as_html() {
    let t = BriefTest::empty();
    let dir = t.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let page = std::fs::read_to_string(
        super::fixtures().join("robust/html/sources/01-harbour-ledger.html"),
    )
    .unwrap();
    std::fs::write(dir.join("saved-page.txt"), page).unwrap();
    let (brief, _) = build_json(&t, "in");
    assert_eq!(brief["sources"][0]["outlet"], "The Harbour Ledger");
    assert!(!brief.to_string().contains("dataLayer"));
}

#[test]
fn encodings_are_decoded_and_guesses_are_reported() {
    let t = BriefTest::empty();
    let dir = t.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let body = "Zürich café owners said on Monday that the new tariff of €200 would hit \
small businesses hardest – a “disaster”, one said.\n";
    let utf16 = |be: bool| -> Vec<u8> {
        let bom: [u8; 2] = if be { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
        let units = format!("Tariff row in Zürich\n\n{body}");
        let units = units.encode_utf16();
        let bytes: Vec<u8> = if be {
            units.flat_map(u16::to_be_bytes).collect()
        } else {
            units.flat_map(u16::to_le_bytes).collect()
        };
        bom.into_iter().chain(bytes).collect()
    };
    let plain = format!("Tariff row\n\n{body}");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&plain);
    let latin1 =
        b"Na\xEFve tariff row\n\nZ\xFCrich caf\xE9 owners said on Monday that the tariff would \
hit small businesses hardest, na\xEFve or not.\n";
    let files: [(&str, Vec<u8>); 6] = [
        ("a-utf8.txt", format!("Tariff row\n\n{body}").into_bytes()),
        (
            "b-utf8-bom.txt",
            [
                &b"\xEF\xBB\xBF"[..],
                format!("Tariff row\n\n{body}").as_bytes(),
            ]
            .concat(),
        ),
        ("c-utf16le.txt", utf16(false)),
        ("d-utf16be.txt", utf16(true)),
        ("e-cp1252.txt", cp1252.into_owned()),
        ("f-latin1.txt", latin1.to_vec()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(
        dir.join("g-broken-utf8.txt"),
        [
            format!("Tariff row\n\n{body}").as_bytes(),
            b"Owners said the \xFF\xFE tariff starts in May, the council confirmed on Monday.\n",
        ]
        .concat(),
    )
    .unwrap();
    let (brief, _) = build_json(&t, "in");
    assert_eq!(brief["sources"].as_array().unwrap().len(), 7);
    let all = brief.to_string();
    assert!(all.contains("Zürich café owners"), "{all}");
    assert!(all.contains("naïve"), "Latin-1 decoded: {all}");
    for clean in [
        "a-utf8.txt",
        "b-utf8-bom.txt",
        "c-utf16le.txt",
        "d-utf16be.txt",
    ] {
        assert!(warnings_for(&brief, clean).is_empty(), "{clean}");
    }
    for legacy in ["e-cp1252.txt", "f-latin1.txt"] {
        let w = warnings_for(&brief, legacy);
        assert!(w.len() == 1 && w[0].contains("not UTF-8: read as"), "{w:?}");
    }
    let w = warnings_for(&brief, "g-broken-utf8.txt");
    assert!(
        w.len() == 1 && w[0].contains("replaced with U+FFFD"),
        "{w:?}"
    );
    assert_citations_verbatim(&dir, &brief);
}

#[test]
fn files_that_are_not_articles_get_one_warning_each() {
    let t = BriefTest::empty();
    let dir = t.path().join("in");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("good.md"), GOOD).unwrap();
    let big = "All work and no play makes a dull article. ".repeat(250_000);
    let junk: &[(&str, &[u8], &str)] = &[
        ("scan.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF document"),
        (
            "scan-renamed.txt",
            b"%PDF-1.4\n1 0 obj\n",
            "PDF document, not text",
        ),
        ("photo.jpg", b"\xFF\xD8\xFF\xE0", "an image"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t \r\n", "only white space"),
        (
            "program.md",
            b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
            "ELF",
        ),
        (
            "utf16-no-bom.txt",
            b"H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0",
            "NUL bytes",
        ),
        ("big.txt", big.as_bytes(), "larger than 10 MiB"),
        ("notes", b"some notes", "no extension"),
        ("data.csv", b"a,b\n1,2\n", ".csv is not an article format"),
    ];
    for (name, bytes, _) in junk {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    #[cfg(unix)]
    let special = unix_specials(&dir);
    #[cfg(not(unix))]
    let special: Vec<(&str, &str)> = Vec::new();
    let (brief, stderr) = build_json(&t, "in");
    let read: Vec<&str> = brief["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    // Root reads locked.txt whatever its permissions.
    assert!(
        read == ["good.md"] || read == ["good.md", "locked.txt"],
        "{read:?} {stderr}"
    );
    for (name, _, reason) in junk
        .iter()
        .map(|(n, b, r)| (*n, *b, *r))
        .chain(special.iter().map(|(n, r)| (*n, &b""[..], *r)))
    {
        let w = warnings_for(&brief, name);
        assert_eq!(w.len(), 1, "{name}: {w:?}");
        assert!(w[0].contains(reason), "{name}: {w:?}");
        assert_eq!(
            stderr.matches(&format!("warning: {name}: ")).count(),
            1,
            "{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"));
}

/// A symlink loop, a broken symlink, a named pipe, a socket and a file without read
/// permission. Returns the ones that must be warned about, with the expected reason.
#[cfg(unix)]
fn unix_specials(dir: &Path) -> Vec<(&'static str, &'static str)> {
    use std::os::unix::fs::{PermissionsExt, symlink};
    symlink("..", dir.join("sub/loop")).unwrap();
    symlink("../..", dir.join("sub/up")).unwrap();
    symlink("sub", dir.join("again")).unwrap();
    symlink("no-such-file.txt", dir.join("dangling.txt")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("sock.txt")).unwrap();
    // The listener is dropped here, but the socket file stays.
    std::fs::write(dir.join("locked.txt"), GOOD).unwrap();
    std::fs::set_permissions(dir.join("locked.txt"), PermissionsExt::from_mode(0o000)).unwrap();
    let mut out = vec![
        ("sub/loop", "symbolic link loop"),
        ("sub/up", "symbolic link loop"),
        ("again", "a folder that is read anyway"),
        ("dangling.txt", "broken symbolic link"),
        ("sock.txt", "a socket, not a regular file"),
    ];
    if fifo {
        out.push(("pipe.txt", "a named pipe, not a regular file"));
    }
    // Root reads a file whatever its permissions: only an ordinary user sees the error.
    if std::fs::read(dir.join("locked.txt")).is_err() {
        out.push(("locked.txt", "cannot read: Permission denied"));
    }
    out
}

#[test]
fn a_folder_with_no_usable_article_exits_2_naming_every_file() {
    let t = BriefTest::empty();
    let dir = t.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(
        dir.join("nav-only.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let out = t.run(&["build", "in"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("no usable article in in:"), "{stderr}");
    for name in ["empty.txt", "scan.pdf", "nav-only.html"] {
        assert!(stderr.contains(&format!("  {name}: ")), "{stderr}");
    }
    assert!(
        !t.path().join("briefings/in/brief.md").exists(),
        "no brief written"
    );
}

#[test]
fn a_failed_rebuild_keeps_the_previous_brief() {
    let t = BriefTest::fixture("robust/single");
    assert!(t.run(&["build", "sources"]).status.success());
    let before = t.read("brief.md");
    std::fs::write(t.path().join("sources/only-article.md"), b"%PDF-1.4").unwrap();
    assert_eq!(t.run(&["build", "sources"]).status.code(), Some(2));
    assert_eq!(t.read("brief.md"), before);
}

#[test]
fn a_single_article_gives_a_single_source_brief() {
    let t = BriefTest::fixture("robust/single");
    let out = t.run(&["build", "sources"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let md = t.read("brief.md");
    assert!(
        md.contains("*Brief from 1 article by 1 outlet, 2025-06-12."),
        "{md}"
    );
    assert!(
        md.contains("Single-source: nothing here is confirmed by a second outlet."),
        "{md}"
    );
    assert!(t.read("brief.html").contains("Single-source"));
}

#[test]
fn copies_are_marked_and_every_outlet_is_still_cited() {
    let t = BriefTest::fixture("robust/wire");
    let (brief, _) = build_json(&t, "sources");
    let dup: Vec<Value> = brief["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["duplicate_of"].clone())
        .collect();
    // 02 adds a local paragraph, 03 is cut short, 05 is 01 saved twice; 04 is independent.
    assert_eq!(
        dup,
        [Value::Null, 1.into(), 1.into(), Value::Null, 1.into()]
    );
    let cited: Vec<&str> = brief["summary"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["citations"].as_array().unwrap())
        .map(|c| c["outlet"].as_str().unwrap())
        .collect();
    for outlet in [
        "Meridian Wire",
        "Valley Times",
        "North Post",
        "Harbour Ledger",
    ] {
        assert!(cited.contains(&outlet), "{outlet} not cited: {cited:?}");
    }
    let out = t.run(&["build", "sources"]);
    assert!(out.status.success());
    let md = t.read("brief.md");
    assert!(
        md.contains("(file 05-meridian-wire (1).md, 131 words, copy of source 1)"),
        "{md}"
    );
    assert_citations_verbatim(&t.path().join("sources"), &brief);
}

#[test]
fn errors_are_one_line_without_a_backtrace() {
    let t = BriefTest::empty();
    let out = brief()
        .current_dir(t.path())
        .env("RUST_BACKTRACE", "1")
        .args(["build", "missing"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: cannot read missing: "),
        "{stderr}"
    );
    assert!(!stderr.contains("backtrace") && !stderr.contains("panicked"));
}
