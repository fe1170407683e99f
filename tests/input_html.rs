//! Article extraction from HTML pages (`briefing::input::html`), on small
//! hand-written fixtures under `tests/fixtures/html/`.

use briefing::input::html::{self, HtmlArticle};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn page(name: &str) -> HtmlArticle {
    html::extract_bytes(&fixture(name))
}

fn paragraphs(a: &HtmlArticle) -> Vec<&str> {
    a.paragraphs().collect()
}

// ------------------------------------------------------------- metadata

#[test]
fn json_ld_gives_title_authors_and_date() {
    let a = page("jsonld-article.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour council approves new ferry route")
    );
    // The first author is an @id reference into the @graph; the meta author
    // ("... Staff") and the site name are not taken.
    assert_eq!(a.byline.as_deref(), Some("Marta Quill and Dev Okafor"));
    // The day as written, not shifted to UTC.
    assert_eq!(a.date.as_deref(), Some("2024-03-05"));
}

#[test]
fn meta_tags_give_title_without_site_suffix_author_and_date() {
    let a = page("meta-tags.html");
    assert_eq!(a.title.as_deref(), Some("Library opens late on Fridays"));
    assert_eq!(a.byline.as_deref(), Some("Ines Ferreira"));
    assert_eq!(a.date.as_deref(), Some("2023-10-02"));
}

#[test]
fn visible_byline_and_time_element_without_metadata() {
    let a = page("dom-byline.html");
    assert_eq!(a.title.as_deref(), Some("Bridge repairs finish early"));
    assert_eq!(a.byline.as_deref(), Some("Lena Marsh"));
    assert_eq!(a.date.as_deref(), Some("2022-06-14"));
}

#[test]
fn title_falls_back_to_h1_and_title_element() {
    let a = html::extract("<html><head><title>Only a title</title></head><body></body></html>");
    assert_eq!(a.title.as_deref(), Some("Only a title"));
    let a = html::extract("<h1>Storm closes the coast road</h1><p>Short.</p>");
    assert_eq!(a.title.as_deref(), Some("Storm closes the coast road"));
}

#[test]
fn metadata_titles_defer_to_the_visible_headline() {
    let html = r#"<html><head>
        <meta property="og:title" content="Search-friendly headline about the storm - Daily">
        <meta property="og:site_name" content="Daily">
        <title>Search-friendly headline about the storm - Daily</title></head>
        <body><h1>Storm closes the coast road</h1></body></html>"#;
    // No agreement between the h1 and the metadata: the metadata wins.
    assert_eq!(
        html::extract(html).title.as_deref(),
        Some("Search-friendly headline about the storm")
    );
    let html = r#"<html><head>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm: coast road shut"}</script>
        <meta property="og:title" content="Storm closes the coast road for two days">
        </head><body><h1>Menu</h1><h1>Storm closes the coast road for two days</h1></body></html>"#;
    // og:title agrees with an h1: that headline, not the JSON-LD rewrite.
    assert_eq!(
        html::extract(html).title.as_deref(),
        Some("Storm closes the coast road for two days")
    );
}

#[test]
fn bylines_are_cleaned_of_by_roles_and_dates() {
    let html = r#"<html><head><meta name="author" content="Analysis by Kim Row, Daily Editor-at-large"></head><body></body></html>"#;
    assert_eq!(html::extract(html).byline.as_deref(), Some("Kim Row"));
    let html =
        r#"<body><div class="article-byline">By ALEX PINE March 3, 2021 4:05 PM</div></body>"#;
    assert_eq!(html::extract(html).byline.as_deref(), Some("ALEX PINE"));
    // "authorization" is not an author box.
    let html = r#"<body><div class="authorization">Sign In</div></body>"#;
    assert_eq!(html::extract(html).byline, None);
}

#[test]
fn placeholder_dates_are_ignored_and_url_dates_used() {
    let html = r#"<html><head>
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>
        <link rel="canonical" href="https://news.example/world/2015/03/18/some-story.html">
        </head><body></body></html>"#;
    assert_eq!(html::extract(html).date.as_deref(), Some("2015-03-18"));
    let html =
        r#"<meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">"#;
    assert_eq!(html::extract(html).date.as_deref(), Some("2019-11-19"));
}

// ------------------------------------------------------------- body text

#[test]
fn boilerplate_is_dropped() {
    let a = page("jsonld-article.html");
    for junk in [
        "Home",
        "Sport",
        "Share on",
        "Email this story",
        "newsletter",
        "Sign up",
        "Related",
        "Island school",
        "Pier repairs",
        "Photo: Ledger archive",
        "All rights reserved",
        "Privacy",
        "not text",
        "commented out",
        "color: red",
        "Marta Quill",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} in\n{}", a.text);
    }
    // The pull-out quote repeats the body: it appears once.
    assert_eq!(
        a.text.matches("most important transport decision").count(),
        1
    );
    let b = page("meta-tags.html");
    for junk in ["Most popular", "Road closed", "Advertise", "Weather"] {
        assert!(!b.text.contains(junk), "{junk:?} in\n{}", b.text);
    }
}

#[test]
fn paragraphs_are_blocks_in_page_order() {
    let a = page("jsonld-article.html");
    let p = paragraphs(&a);
    assert!(p[0].starts_with("The harbour council voted"), "{p:?}");
    let heading = p
        .iter()
        .position(|x| *x == "Objections from fishermen")
        .expect("heading");
    let quote1 = p
        .iter()
        .position(|x| *x == "\"We were not asked once,\" said skipper Tomas Berg.");
    let quote2 = p
        .iter()
        .position(|x| *x == "\"Now they tell us it is done.\"");
    let item = p
        .iter()
        .position(|x| *x == "a midday crossing for visitors,");
    let last = p
        .iter()
        .position(|x| x.starts_with("Lind said the council would review"));
    assert!(
        matches!((quote1, quote2, item, last), (Some(q1), Some(q2), Some(i), Some(l)) if heading < q1 && q1 + 1 == q2 && q2 < i && i < l),
        "{p:?}"
    );
    assert_eq!(p.len(), 12, "{p:?}");
    assert!(!a.text.contains("\n\n\n") && !a.text.contains("  "));
}

#[test]
fn entities_are_decoded_and_quotes_kept() {
    let a = page("jsonld-article.html");
    assert!(a.text.contains("voted 7\u{2013}2 on Tuesday"));
    assert!(a.text.contains(
        "\u{201c}This is the most important transport decision we have made in a decade,\u{201d} said council chair Rosa Lind"
    ));
    assert!(
        a.text.contains("about \u{a3}4.2 million to set up & run"),
        "{}",
        a.text
    );
    assert!(a.text.contains("The fishermen's association"));
}

#[test]
fn windows_1252_page_with_meta_charset() {
    let bytes = fixture("windows-1252.html");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let a = html::extract_bytes(&bytes);
    assert_eq!(a.title.as_deref(), Some("Caf\u{e9} owners fight rent rise"));
    assert!(
        a.text
            .contains("\u{201c}We have been here for eighteen years")
    );
    assert!(a.text.contains("Jos\u{e9} Mart\u{ed}nez"));
    assert!(a.text.contains("landlord\u{2019}s agent"));
    assert!(a.text.contains("\u{2026} and counting"));
}

#[test]
fn decode_prefers_bom_then_declaration_then_utf8_then_1252() {
    assert_eq!(
        html::decode(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>"),
        "<p>caf\u{e9}</p>"
    );
    assert_eq!(html::decode(b"\xff\xfe<\x00p\x00>\x00"), "<p>");
    assert_eq!(
        html::decode(b"<meta charset=koi8-r><p>\xc4\xc1</p>"),
        "<meta charset=koi8-r><p>\u{434}\u{430}</p>"
    );
    assert_eq!(
        html::decode("<p>caf\u{e9}</p>".as_bytes()),
        "<p>caf\u{e9}</p>"
    );
    assert_eq!(html::decode(b"<p>caf\xe9</p>"), "<p>caf\u{e9}</p>");
}

#[test]
fn standfirst_outside_the_body_is_kept_first() {
    let body: String = (0..6)
        .map(|i| format!("<p>Paragraph {i} of the report says that the river rose by a metre overnight and that crews worked until dawn to hold it back.</p>"))
        .collect();
    let html = format!(
        r#"<html><head><meta name="description" content="Residents of the valley spent the night filling sandbags as the water kept rising."></head>
        <body><header><h1>Flood defences hold</h1><h2 class="standfirst">Residents of the valley spent the night filling sandbags as the water kept rising.</h2></header>
        <div class="body">{body}</div></body></html>"#
    );
    let a = html::extract(&html);
    let p = paragraphs(&a);
    assert_eq!(
        p[0],
        "Residents of the valley spent the night filling sandbags as the water kept rising."
    );
    assert!(p[1].starts_with("Paragraph 0"), "{p:?}");
}

#[test]
fn line_breaks_and_inline_markup() {
    let body = "<p>First <b>bold</b> line<br>second <a href='x'>linked</a> line, which is long enough to count as prose in any article body at all.</p>"
        .repeat(4);
    let a = html::extract(&format!(
        "<html><body><article>{body}</article></body></html>"
    ));
    assert!(
        a.text.starts_with("First bold line\n\nsecond linked line,"),
        "{}",
        a.text
    );
}

// ------------------------------------------------------------- robustness

#[test]
fn empty_and_non_article_pages_give_empty_text() {
    for input in [
        "",
        " ",
        "<html></html>",
        "<p>",
        "<p> </p>",
        "<!-- only a comment -->",
        "<nav><a href=x>Home</a></nav>",
    ] {
        let a = html::extract(input);
        assert_eq!(a.text, "", "{input:?}");
    }
    let a = page("not-article.html");
    assert_eq!(a.text, "");
    assert_eq!(a.title.as_deref(), Some("Site map"));
    assert_eq!(html::extract_bytes(&[]), HtmlArticle::default());
}

#[test]
fn malformed_html_and_binary_junk_do_not_panic() {
    let cases: Vec<Vec<u8>> = vec![
        b"<html><body><p>Unclosed <b>bold <i>italic <div>block</p></i></b>".to_vec(),
        b"<table><tr><td><p>cell</table></td></p><script>".to_vec(),
        b"<<<>>></</>&&&;&#xFFFFFFFF;&#0;&bogus;<p a=\"".to_vec(),
        b"<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[[[{}]]],\"headline\":7}</script>".to_vec(),
        b"<script type=application/ld+json>{not json</script><meta property=og:title>".to_vec(),
        b"<svg><title>x</title><foreignObject><p>y</p></foreignObject></svg><math><mi>z".to_vec(),
        (0u8..=255).cycle().take(20_000).collect(),
        vec![0u8; 5000],
        b"\xfe\xff\x00<\x00p".to_vec(),
    ];
    for c in cases {
        let _ = html::extract_bytes(&c);
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    // Far deeper than any real page; the readability pass recurses, so the
    // tree is flattened first. (Parsing itself grows with depth x tags, as
    // html5ever's scope checks walk the open elements: keep this moderate.)
    let depth = 3_000;
    let mut s = String::new();
    for _ in 0..depth {
        s.push_str("<div>");
    }
    s.push_str("<p>Deep text that is long enough to be a paragraph of an article, with a quote: \"yes,\" he said.</p>");
    for _ in 0..depth {
        s.push_str("</div>");
    }
    // A small stack (test threads have 2 MiB, this has 1 MiB) still suffices.
    let a = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || html::extract(&s))
        .unwrap()
        .join()
        .unwrap();
    assert!(a.text.contains("\"yes,\" he said."), "{}", a.text);
}

#[test]
fn large_pages_are_fast() {
    let para = "<p>The committee met again on Thursday to discuss the proposal, and members said they expected a vote \"within weeks,\" according to the chair.</p>\n";
    let junk = "<div class=\"related\"><ul><li><a href=\"/x\">Another story</a></li><li><a href=\"/y\">More news</a></li></ul></div>\n";
    let mut page = String::from(
        "<html><head><title>Big</title></head><body><nav><a href='/'>Home</a></nav><article>",
    );
    while page.len() < 4_000_000 {
        page.push_str(para);
        page.push_str(junk);
    }
    page.push_str("</article></body></html>");
    let start = Instant::now();
    let a = html::extract(&page);
    let took = start.elapsed();
    assert!(a.text.contains("within weeks,\""));
    assert!(!a.text.contains("Another story"));
    // Generous for a debug build on a busy machine; a release build takes well under a second.
    assert!(took < Duration::from_secs(60), "{took:?}");
}

#[test]
fn random_inputs_do_not_panic() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 64,
        failure_persistence: None,
        ..Default::default()
    });
    let tags = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div class=\"share\">",
        "</div>",
        "<a href=x>",
        "</a>",
        "<br>",
        "<h2>",
        "<li>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#8220;",
        "\"",
        " said ",
        "text ",
        "<meta charset=latin1>",
        "<time datetime=2020-01-02>",
        "<article>",
        "<table><td>",
        "\u{0}",
        "\u{feff}",
    ]);
    runner
        .run(&prop::collection::vec(tags, 0..200), |parts| {
            let s: String = parts.concat();
            let _ = html::extract(&s);
            let _ = html::extract_bytes(s.as_bytes());
            Ok(())
        })
        .unwrap();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..2000), |bytes| {
            let _ = html::extract_bytes(&bytes);
            Ok(())
        })
        .unwrap();
}

#[test]
fn date_lines_labels_credits_and_repeated_headline_are_dropped() {
    let para = |i: usize| {
        format!(
            "<p>Paragraph {i}: the mayor said the new market hall would open in May, and traders said \"it cannot come soon enough\" for them.</p>"
        )
    };
    let body: String = (0..5).map(para).collect();
    let html = format!(
        r#"<html><head><title>Market hall opens in May</title></head><body><article>
        <h1>Market hall opens in May</h1>
        <p>Feb. 21, 2024 5:52 AM EST</p>
        {body}
        <p>Photograph by Sam Reed</p>
        <p>Twitter users were unsure about the plan:</p>
        <blockquote><p>"A market hall? In this economy?" one user wrote.</p></blockquote>
        <h3>More from the city desk</h3>
        <ul><li><a href="/a">Bus lanes return to the high street</a></li><li><a href="/b">Council tax to rise</a></li></ul>
        <p>example.com</p>
        <p>Copyright 2024 Example Media. All rights reserved.</p>
        <p>More about:</p>
        <ul><li><a href="/t/markets">Markets</a></li><li><a href="/t/city">City</a></li></ul>
        </article></body></html>"#
    );
    let a = html::extract(&html);
    let p = paragraphs(&a);
    assert!(p[0].starts_with("Paragraph 0:"), "{p:?}");
    for junk in [
        "Market hall opens in May",
        "Feb. 21",
        "Photograph by",
        "More from the city desk",
        "Bus lanes",
        "example.com",
        "Copyright",
        "More about",
        "Markets",
    ] {
        assert!(!p.iter().any(|x| x.contains(junk)), "{junk:?} in {p:?}");
    }
    // A sentence ending in a colon is not a label.
    assert!(
        p.contains(&"Twitter users were unsure about the plan:"),
        "{p:?}"
    );
    assert!(
        p.contains(&"\"A market hall? In this economy?\" one user wrote."),
        "{p:?}"
    );
}

#[test]
fn publication_time_beats_a_header_clock() {
    let html = r#"<html><body>
        <header><time datetime="2030-01-01">Today: January 1, 2030</time></header>
        <article><h1>Ferry strike ends</h1><time datetime="2024-07-08T06:00:00+01:00">8 July 2024</time>
        <p>The ferry strike ended on Monday.</p></article></body></html>"#;
    assert_eq!(html::extract(html).date.as_deref(), Some("2024-07-08"));
    let html = r#"<body><time datetime="2030-01-01">x</time><span><time class="published" datetime="2024-07-09">y</time></span></body>"#;
    assert_eq!(html::extract(html).date.as_deref(), Some("2024-07-09"));
}

#[test]
fn a_byline_line_inside_the_body_is_dropped() {
    let body: String = (0..5)
        .map(|i| format!("<p>Paragraph {i} says the lighthouse will be repainted in red and white stripes, \"as it was in 1890,\" the trust said.</p>"))
        .collect();
    let html = format!(
        r#"<html><head><meta name="author" content="Ola Berg"></head><body><div class="post">
        <p>By Ola Berg, Coast Reporter</p>{body}</div></body></html>"#
    );
    let a = html::extract(&html);
    assert_eq!(a.byline.as_deref(), Some("Ola Berg"));
    assert!(a.text.starts_with("Paragraph 0"), "{}", a.text);
}

#[test]
fn a_body_split_into_loosely_named_boxes_is_kept() {
    let para = |i: usize| {
        format!(
            "<div class=\"text-widget\"><p>Part {i} of the story: the museum said on Friday that the stolen painting had been found in a garage, \"in perfect condition,\" and would go back on the wall next month after checks.</p><p>Part {i}, continued: a spokeswoman said the police were still looking for the thieves.</p></div>"
        )
    };
    let body: String = (0..6).map(para).collect();
    let html = format!(
        r#"<html><body><div class="story-body">{body}<div class="promo-widget"><a href="/s">Subscribe today</a></div></div></body></html>"#
    );
    let a = html::extract(&html);
    assert_eq!(a.paragraphs().count(), 12, "{}", a.text);
    assert!(!a.text.contains("Subscribe"));
}

#[test]
fn captions_promotions_banners_and_related_links_are_not_body() {
    let para = |i: usize| {
        format!(
            "<p>Paragraph {i}: the harbour master said the new pier would open in June, and the fishermen said \"it is about time\" for the town.</p>"
        )
    };
    let body: String = (0..6).map(para).collect();
    let html = format!(
        r#"<html><head><title>New pier opens in June</title></head><body>
        <div class="cookie-notice">We use cookies to improve your experience. By using this site you accept our cookie policy. <button>Accept</button></div>
        <article>
        <h1>New pier opens in June</h1>
        {body}
        <figure><img src="pier.jpg"><figcaption>The old pier in winter. Photo: Sam Reed/Coast Agency</figcaption></figure>
        <div class="inline-graphic"><div class="photo-wrapper"><img src="map.png"></div><span class="story-caption">Map: Where the new pier goes</span></div>
        <p><img src="crowd.jpg"><br><i>Crowds on the quay on Sunday. Photo: Lena Holm/Coast Agency</i></p>
        <p><b>[Related: <a href="/r">Harbour fees to rise next spring</a>]</b></p>
        <p><strong>'We are ready': </strong>Fishermen count the days to the opening</p>
        <p><em>[The morning briefing:</em> <a href="/n"><em>Get Coast Today in your inbox</em></a><em>.]</em></p>
        <p><i>If you're on the Coast News app, <a href="/live">click here to watch live</a></i></p>
        <h2>"We waited ten years"</h2>
        <p>Paragraph 6: the mayor, Tom Berg, said the town had waited ten years for the pier.</p>
        <p>Share Tweet Email</p>
        <p>This article was first published in the Weekend Ledger.</p>
        <div class="article-bio"><img src="ana.jpg"><p>Ana Lima covers the coast for the Ledger.</p></div>
        <p>ANA LIMA IS THE LEDGER'S COAST EDITOR</p>
        </article>
        <section class="comments"><h3>Comments</h3><p>"Finally!" wrote one reader, who said the pier was long overdue.</p></section>
        </body></html>"#
    );
    let a = html::extract(&html);
    let p = paragraphs(&a);
    for junk in [
        "cookies",
        "Photo:",
        "Map:",
        "Related",
        "count the days",
        "in your inbox",
        "watch live",
        "Share Tweet",
        "first published",
        "covers the coast",
        "COAST EDITOR",
        "Finally",
    ] {
        assert!(!p.iter().any(|x| x.contains(junk)), "{junk:?} in {p:?}");
    }
    assert_eq!(p.len(), 8, "{p:?}");
    assert_eq!(p[6], "\"We waited ten years\"");
    assert_eq!(&a.text[a.headings[0].clone()], p[6]);
}

#[test]
fn subheads_are_headings_not_statements() {
    let para = |i: usize| {
        format!(
            "<p>Paragraph {i}: the harbour master said the new pier would open in June, weather permitting, and that the fees would stay as they are.</p>"
        )
    };
    let body: String = (0..4).map(para).collect();
    let html = format!(
        r#"<html><head><title>New pier opens in June</title></head><body><article>
        <h1>New pier opens in June</h1>{body}<h2>“We waited ten years”</h2>
        <p>“We waited ten years for this,” the mayor, Tom Berg, said on Monday.</p></article></body></html>"#
    );
    let doc = briefing::Document::from_article(
        briefing::input::parse_bytes(html.as_bytes().to_vec(), "pier.html", None)
            .unwrap()
            .remove(0),
    );
    let direct: Vec<&str> = doc
        .analysis
        .statements
        .iter()
        .filter(|s| s.kind == briefing::StatementKind::Direct)
        .map(|s| &doc.text[s.span.range()])
        .collect();
    assert_eq!(direct, ["“We waited ten years for this,”"]);
}
