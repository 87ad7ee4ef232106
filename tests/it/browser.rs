//! The HTML brief as a reader sees it, in headless Chromium: sections visible, figures in
//! real tables, nothing wider than a 375-pixel phone screen, and no script from an article
//! ever runs. Without Chromium the browser tests skip with a printed reason, except under CI
//! (env `CI` set), where they fail. `.ci/screenshot` takes the pictures for a human eye.
//!
//! The page itself contains no script, so measuring needs one: the tests write a *copy* of
//! the page with a measuring `<script>` that puts its results in `<pre id="result">`, and read
//! them back from `chromium --dump-dom`. The hostile pages are loaded as they are.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{BriefTest, text};

/// The Chromium binary: $BRIEF_CHROMIUM, else the first of the usual names found.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BRIEF_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file())
}

/// Chromium, or None after printing why the test is skipped (a failure under CI).
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        let why = "chromium is not installed (apt-get install chromium, or set BRIEF_CHROMIUM)";
        if std::env::var_os("CI").is_some() {
            panic!("CI is set, so {test} cannot be skipped: {why}");
        }
        eprintln!("SKIPPED: {test}: {why}");
        println!("SKIPPED: {test}: {why}");
    }
    found
}

/// Load `page` in headless Chromium at `width` x 900 and return the DOM after load.
fn dump_dom(chromium: &Path, page: &Path, width: u32) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={width},900"))
        .arg("--dump-dom")
        .arg(page)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish loading {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Lay `page` out at `width` CSS pixels and report what the reader sees (see MEASURE).
///
/// Headless Chromium will not make its window narrower than 500 pixels, so the page goes
/// unchanged into an iframe of exactly `width` pixels (its `srcdoc`, which shares the
/// wrapper's origin), and the wrapper's script measures the iframe's document.
fn measure(chromium: &Path, page: &Path, width: u32) -> serde_json::Value {
    let html = std::fs::read_to_string(page).unwrap();
    let srcdoc = html.replace('&', "&amp;").replace('"', "&quot;");
    let wrapper = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">\
         <iframe id=\"page\" style=\"border:0;display:block;width:{width}px;height:900px\" \
         srcdoc=\"{srcdoc}\"></iframe>{MEASURE}</body></html>"
    );
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("measure.html");
    std::fs::write(&copy, wrapper).unwrap();
    let dom = dump_dom(chromium, &copy, width.max(500) + 40);
    let start = dom
        .find("<pre id=\"result\">")
        .unwrap_or_else(|| panic!("no measurement in the DOM:\n{dom}"))
        + "<pre id=\"result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

/// The wrapper's script: measures the page in the iframe once it has loaded.
const MEASURE: &str = r#"<script>
document.getElementById('page').addEventListener('load', () => {
  const win = document.getElementById('page').contentWindow, doc = win.document;
  const vw = doc.documentElement.clientWidth;
  const shown = e => { const s = win.getComputedStyle(e), b = e.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && b.width > 0 && b.height > 0; };
  const r = {
    viewport: vw,
    scroll_width: Math.max(doc.documentElement.scrollWidth, doc.body.scrollWidth),
    overflowing: [...doc.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > vw + 0.5)
      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': '
        + (e.textContent || '').slice(0, 60)).slice(0, 10),
    sections: [...doc.querySelectorAll('h2')].filter(shown).map(h => h.textContent.trim()),
    tables: [...doc.querySelectorAll('table')].map(t => ({
      display: win.getComputedStyle(t).display, shown: shown(t), rows: t.rows.length,
      columns: t.rows.length ? t.rows[0].cells.length : 0,
      header: t.tHead ? [...t.tHead.rows[0].cells].map(c => c.textContent.trim()) : [],
      width: t.getBoundingClientRect().width })),
    citations: doc.querySelectorAll('.cite .src').length,
    source_links: [...doc.querySelectorAll('a.ref')].filter(a =>
      doc.getElementById(a.getAttribute('href').slice(1))).length,
    body_font_px: parseFloat(win.getComputedStyle(doc.body).fontSize),
    scripts: doc.scripts.length,
    external: [...doc.querySelectorAll('link[href], img, iframe, object, embed, video, audio')].length
  };
  const pre = document.createElement('pre');
  pre.id = 'result';
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
});
</script>"#;

/// The start tags in a serialised DOM (text is escaped there, so every `<` opens a tag).
fn tags(dom: &str) -> Vec<String> {
    dom.split('<')
        .skip(1)
        .filter(|t| !t.starts_with('/'))
        .map(|t| t.split('>').next().unwrap_or_default().to_lowercase())
        .collect()
}

fn suez_html() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/suez-2021-03/brief.html")
}

#[test]
fn example_brief_reads_well_on_a_phone_and_a_desktop() {
    let Some(chromium) = chromium_or_skip("browser test") else {
        return;
    };
    for width in [375, 1280] {
        let m = measure(&chromium, &suez_html(), width);
        assert_eq!(m["viewport"], width, "{m}");
        assert!(
            m["scroll_width"].as_f64().unwrap() <= f64::from(width),
            "the page is wider than {width}px: {m}"
        );
        assert_eq!(m["overflowing"], serde_json::json!([]), "at {width}px: {m}");
        assert_eq!(
            m["sections"],
            serde_json::json!([
                "What happened",
                "Who matters",
                "Who wants what",
                "What is unresolved",
                "Where the outlets disagree",
                "Timeline",
                "How the outlets name them",
                "Sources"
            ]),
            "{m}"
        );
        let tables = m["tables"].as_array().unwrap();
        let figures: Vec<_> = tables
            .iter()
            .filter(|t| t["header"][1] == "Figure")
            .collect();
        // The example has two disputes and a revision; agreements are one line each.
        assert!(figures.len() >= 3, "figure tables: {m}");
        for t in figures {
            assert_eq!(t["display"], "table", "{t}");
            assert_eq!(t["shown"], true, "{t}");
            assert_eq!(t["columns"], 4, "{t}");
            assert!(t["rows"].as_u64().unwrap() >= 3, "header + 2 outlets: {t}");
            assert!(t["width"].as_f64().unwrap() <= f64::from(width), "{t}");
        }
        assert!(m["citations"].as_u64().unwrap() >= 10, "{m}");
        assert_eq!(
            m["citations"].as_u64(),
            m["source_links"].as_u64(),
            "every [n] links to its source: {m}"
        );
        assert!(m["body_font_px"].as_f64().unwrap() >= 16.0, "{m}");
        assert_eq!(m["scripts"], 0, "the page has no script: {m}");
        assert_eq!(m["external"], 0, "self-contained: {m}");
    }
}

/// Markers a hostile article's script would put in the page if it ran. The article text
/// spells them split ('EXECUTED-'+'TITLE'), so they appear only if the code runs.
const EXECUTED: &[&str] = &[
    "EXECUTED-TITLE",
    "EXECUTED-AUTHOR",
    "EXECUTED-IMG",
    "EXECUTED-SVG",
    "id=\"ran-js\"",
];

#[test]
fn no_script_from_a_hostile_article_runs_in_the_browser() {
    let Some(chromium) = chromium_or_skip("browser safety test") else {
        return;
    };
    // Control: the same kind of script does run in this browser set-up, so its absence
    // below means something.
    let control = tempfile::tempdir().unwrap();
    let page = control.path().join("control.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><title>t</title><body><script>document.title='EXECUTED-'+'TITLE';\
         document.body.appendChild(document.createElement('div')).id='ran'+'-js'</script>",
    )
    .unwrap();
    let dom = dump_dom(&chromium, &page, 375);
    assert!(
        dom.contains("EXECUTED-TITLE") && dom.contains("id=\"ran-js\""),
        "{dom}"
    );

    for fixture in ["hostile", "hostile-more"] {
        let t = BriefTest::fixture(fixture);
        let out = t.run(&["build", "sources", "-q"]);
        assert!(out.status.success(), "{}", text(&out).1);
        let dom = dump_dom(&chromium, &t.path().join("brief.html"), 375);
        assert!(
            dom.contains("<h2 id=\"what-happened\">What happened</h2>"),
            "page loaded: {dom}"
        );
        for marker in EXECUTED {
            assert!(!dom.contains(marker), "{fixture}: {marker} ran:\n{dom}");
        }
        for tag in tags(&dom) {
            let name = tag.split_whitespace().next().unwrap_or_default();
            assert!(
                !["script", "img", "iframe", "svg", "b", "object", "embed"].contains(&name),
                "{fixture}: <{tag}> in the DOM"
            );
            assert!(
                name != "style" || !dom.contains("<style>body{"),
                "{fixture}: article style"
            );
            assert!(
                !tag.contains(" on") && !tag.contains("javascript:"),
                "{fixture}: <{tag}> in the DOM"
            );
        }
        if fixture == "hostile-more" {
            // The text is still there, for the reader to see.
            assert!(
                dom.contains("&lt;script&gt;document.body.appendChild"),
                "{dom}"
            );
            let m = measure(&chromium, &t.path().join("brief.html"), 375);
            assert_eq!(m["overflowing"], serde_json::json!([]), "{m}");
            assert_eq!(m["scripts"], 0, "{m}");
        }
    }
}

#[test]
fn hostile_more_is_inert_in_markdown_html_and_email() {
    let t = BriefTest::fixture("hostile-more");
    let out = t.run(&["build", "sources", "-q"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let md = t.read("brief.md");
    let html = t.read("brief.html");
    // Markdown: markup characters from articles are backslash-escaped; links only from the
    // template, to http(s); no control or bidi-override characters.
    let bytes = md.as_bytes();
    // Table rows (template lines starting with `|`) keep the header's number of cell
    // separators: a `|` from an article inside a cell is escaped.
    let unescaped_pipes = |line: &str| {
        let b = line.as_bytes();
        (0..b.len())
            .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
            .count()
    };
    let mut header = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = unescaped_pipes(line);
            assert_eq!(
                *header.get_or_insert(n),
                n,
                "table row with a stray |: {line}"
            );
        } else {
            header = None;
        }
    }
    for (i, &b) in bytes.iter().enumerate() {
        let in_table = md[..i]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.starts_with('|'));
        if b == b'|' && in_table {
            continue;
        }
        if matches!(b, b'<' | b'`' | b'_' | b'!' | b'#' | b'|')
            && !md[..i].ends_with("\n#")
            && !md[..i].ends_with('\n')
        {
            assert!(
                i > 0 && bytes[i - 1] == b'\\'
                    || (b == b'#' && md[i..].starts_with("# "))
                    || (b == b'|' && md[..i].ends_with("\n")),
                "unescaped {} at {i}: {}",
                b as char,
                &md[i.saturating_sub(40)..(i + 40).min(md.len())]
            );
        }
    }
    for (i, _) in md.match_indices("](") {
        assert!(
            md[i + 2..].starts_with("https://") || bytes[i - 1] == b'\\',
            "link from article text at {i}: {}",
            &md[i.saturating_sub(40)..]
        );
    }
    assert!(!md.contains("\n[1]:"), "no reference definition survives");
    for c in md.chars().chain(html.chars()) {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "control character {c:?} in the output"
        );
    }
    // HTML: no element or attribute from an article (its text is all escaped).
    let lower = html.to_lowercase();
    assert!(
        !lower.contains("<!--") && !lower.contains("<![cdata"),
        "{html}"
    );
    for tag in tags(&html) {
        let name = tag.split_whitespace().next().unwrap_or_default();
        assert!(
            !["script", "img", "iframe", "svg", "b", "object", "embed"].contains(&name),
            "<{tag}> in the HTML"
        );
        assert!(
            !tag.contains(" on") && !tag.contains("javascript:") && !tag.contains(" src="),
            "<{tag}> in the HTML"
        );
    }
    assert!(
        html.contains("href=\"https://example.org/harbour%22%3E%3Cscript%3E"),
        "a hostile URL is percent-encoded, not markup"
    );
    // Email: both parts carry the same inert text.
    let out = t.run(&[
        "email",
        ".",
        "--to",
        "desk@example.org",
        "--from",
        "brief@example.org",
        "--date",
        "2025-06-04",
        "--eml",
        "brief.eml",
    ]);
    assert!(out.status.success(), "{}", text(&out).1);
    let eml = t.read("brief.eml");
    // The subject is the title as plain text (a header is never rendered as markup).
    let subject = eml.lines().find(|l| l.starts_with("Subject:")).unwrap();
    assert!(subject.contains("document.title="), "{subject}");
    let head = &eml[..eml.find("\r\n\r\n").unwrap()];
    assert!(
        head.lines().all(|l| !l.starts_with("Bcc") && l.is_ascii()),
        "{head}"
    );
    let body = super::email::unquote(&eml).replace("\r\n", "\n");
    let plain = brief::render::mail::text_part(&md);
    assert!(
        body.contains(plain.trim_end()),
        "the text part is the brief as plain text"
    );
    let inlined = brief::render::mail::html_part(&html).unwrap();
    assert!(
        body.contains(inlined.trim_end()),
        "the HTML part is the HTML brief, styles inlined"
    );
    for tag in inlined.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_lowercase();
        assert!(
            !tag.starts_with("script") && !tag.contains(" on") && !tag.contains("javascript:"),
            "<{tag}> in the email's HTML"
        );
    }
}
