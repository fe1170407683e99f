//! Title, byline and date from a page's metadata, with fallbacks to its markup.
//!
//! Sources, best first:
//! * title: JSON-LD `headline` of the article object, `og:title` / `twitter:title`
//!   and similar metas, the `<h1>`, `<title>`; any site-name suffix (` | Site`,
//!   ` - Site`) is cut when the site is named elsewhere on the page.
//! * byline: JSON-LD authors that are people, author metas (`author`,
//!   `article:author`, `parsely-author`, `sailthru.author`, `dc.creator`, `byl`,
//!   …), elements marked as a byline or author (class, id, `rel=author`,
//!   `itemprop=author`, test ids), then organisations named as JSON-LD authors.
//!   "By", roles ("CNN Editor-at-large") and dates are cut from the names.
//! * date: JSON-LD `datePublished`, publication metas, `itemprop=datePublished`,
//!   `<time datetime>`, a date in the page URL, the text of date elements.

use crate::dates::{self, Date};
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// What the metadata says about the article.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<Date>,
    /// A standfirst: a visible element whose text is the page's description
    /// (it often sits between the headline and the body, outside the body).
    pub lead: Option<String>,
}

/// Everything gathered from `<meta>` and JSON-LD in one pass.
struct Sources {
    /// `(key, content)`: key is `property`, `name` or `itemprop`, lower-cased.
    metas: Vec<(String, String)>,
    ld: LdArticle,
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    people: Vec<String>,
    organisations: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
}

pub fn extract(doc: &Document) -> Meta {
    let src = Sources {
        metas: collect_metas(doc),
        ld: json_ld(doc),
    };
    let sites = site_names(doc, &src);
    Meta {
        title: title(doc, &src, &sites),
        byline: byline(doc, &src, &sites),
        date: date(doc, &src),
        lead: lead(doc, &src),
    }
    .without_title_lead()
}

impl Meta {
    /// A "standfirst" that is only the headline again is no standfirst.
    fn without_title_lead(mut self) -> Self {
        if let (Some(l), Some(t)) = (&self.lead, &self.title)
            && (key(l) == key(t) || word_overlap(l, t) > 0.8)
        {
            self.lead = None;
        }
        self
    }
}

fn collect_metas(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in doc.select("meta").nodes() {
        let Some(content) = m.attr("content") else {
            continue;
        };
        let content = clean_value(&content);
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = m.attr(key) {
                out.push((k.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    out
}

fn meta<'a>(src: &'a Sources, key: &str) -> impl Iterator<Item = &'a str> {
    let key = key.to_owned();
    src.metas
        .iter()
        .filter(move |(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}

fn first_meta<'a>(src: &'a Sources, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| meta(src, k).next())
}

/// Collapses whitespace and decodes entities left over from double escaping.
fn clean_value(s: &str) -> String {
    let s = if s.contains('&') && s.contains(';') {
        html_escape::decode_html_entities(s).into_owned()
    } else {
        s.to_owned()
    };
    collapse(&s)
}

pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

// ---------------------------------------------------------------- JSON-LD

fn json_ld(doc: &Document) -> LdArticle {
    let mut values = Vec::new();
    for s in doc.select("script[type]").nodes() {
        let ty = s.attr("type").unwrap_or_default().to_ascii_lowercase();
        if !ty.contains("ld+json") {
            continue;
        }
        let text = s.text();
        if let Some(v) = parse_json_lenient(&text) {
            values.push(v);
        }
    }
    let mut nodes = Vec::new();
    for v in &values {
        flatten(v, &mut nodes, 0);
    }
    let by_id = |id: &str| {
        nodes
            .iter()
            .copied()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some())
    };
    let mut out = LdArticle::default();
    let Some(article) = nodes.iter().copied().find(|n| is_article(n)) else {
        return out;
    };
    out.headline = article
        .get("headline")
        .or_else(|| article.get("name"))
        .and_then(Value::as_str)
        .map(clean_value)
        .filter(|s| !s.is_empty());
    out.published = ["datePublished", "dateCreated"]
        .iter()
        .find_map(|k| article.get(*k).and_then(Value::as_str).map(str::to_owned));
    out.publisher = article
        .get("publisher")
        .and_then(|p| {
            p.get("name")
                .or_else(|| p.get("@id").and_then(|i| by_id(i.as_str()?)?.get("name")))
        })
        .and_then(Value::as_str)
        .map(clean_value);
    let authors: Vec<&Value> = match article.get("author").or_else(|| article.get("creator")) {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => vec![],
    };
    for a in authors {
        let (name, org) = match a {
            Value::String(s) => (Some(s.as_str()), false),
            Value::Object(_) => {
                let resolved = match (a.get("name"), a.get("@id").and_then(Value::as_str)) {
                    (None, Some(id)) => by_id(id).unwrap_or(a),
                    _ => a,
                };
                let org = type_names(resolved).any(|t| t.contains("Organization"));
                let name = match resolved.get("name") {
                    Some(Value::Array(ns)) => ns.first().and_then(Value::as_str),
                    Some(n) => n.as_str(),
                    None => None,
                };
                (name, org)
            }
            _ => (None, false),
        };
        let Some(name) = name.map(clean_value).filter(|n| plausible_name(n)) else {
            continue;
        };
        if org {
            out.organisations.push(name);
        } else {
            out.people.push(name);
        }
    }
    out
}

/// serde_json, after cutting HTML comment / CDATA wrappers and, failing
/// that, turning raw control characters (often newlines inside strings) into spaces.
fn parse_json_lenient(text: &str) -> Option<Value> {
    let t = text.trim();
    let t = t
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    serde_json::from_str(t).ok().or_else(|| {
        let fixed: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&fixed).ok()
    })
}

fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                flatten(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                flatten(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_names(v: &Value) -> impl Iterator<Item = &str> {
    let list: Vec<&str> = match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    list.into_iter()
}

fn is_article(v: &Value) -> bool {
    type_names(v).any(|t| t.ends_with("Article") || t.ends_with("Posting") || t == "Report")
}

// ---------------------------------------------------------------- title

fn site_names(doc: &Document, src: &Sources) -> Vec<String> {
    let mut out: Vec<String> = [
        "og:site_name",
        "application-name",
        "twitter:site",
        "apple-mobile-web-app-title",
    ]
    .iter()
    .flat_map(|k| meta(src, k))
    .map(|s| s.trim_start_matches('@').to_owned())
    .collect();
    out.extend(src.ld.publisher.clone());
    if let Some(host) = page_url(doc, src).as_deref().and_then(host_of) {
        out.push(host.trim_start_matches("www.").to_owned());
        if let Some(label) = host.trim_start_matches("www.").split('.').next() {
            out.push(label.to_owned());
        }
    }
    out.retain(|s| !key(s).is_empty());
    out
}

fn page_url(doc: &Document, src: &Sources) -> Option<String> {
    first_meta(src, &["og:url", "twitter:url", "parsely-link"])
        .map(str::to_owned)
        .or_else(|| {
            doc.select("link[rel=canonical]")
                .nodes()
                .first()
                .and_then(|l| l.attr("href"))
                .map(|h| h.to_string())
        })
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    rest.split(['/', '?', '#', ':'])
        .next()
        .filter(|h| h.contains('.'))
}

/// Lower-case letters and digits only: how site names are compared.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn title(doc: &Document, src: &Sources, sites: &[String]) -> Option<String> {
    let all_h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .take(20)
        .map(|h| collapse(&h.text()))
        .filter(|t| !t.is_empty() && t.len() < 400)
        .collect();
    // One-word h1s are mostly logos and section names: they only serve to
    // pick a part of a composite title.
    let h1s: Vec<String> = all_h1s
        .iter()
        .filter(|t| t.split_whitespace().count() >= 2)
        .cloned()
        .collect();
    let doc_title = ["head title", "title"].iter().find_map(|sel| {
        doc.select(sel)
            .nodes()
            .first()
            .map(|t| collapse(&t.text()))
            .filter(|t| !t.is_empty())
    });
    let mut metas: Vec<String> = Vec::new();
    for k in ["og:title", "twitter:title"] {
        metas.extend(meta(src, k).next().map(str::to_owned));
    }
    metas.extend(src.ld.headline.clone());
    for k in [
        "parsely-title",
        "sailthru.title",
        "dc.title",
        "headline",
        "title",
    ] {
        metas.extend(meta(src, k).next().map(str::to_owned));
    }
    metas.extend(doc_title);
    let metas: Vec<String> = metas
        .iter()
        .map(|t| strip_site_suffix(t, sites, &all_h1s))
        .filter(|t| !t.is_empty())
        .collect();
    choose_title(&metas, &h1s)
}

/// The visible headline when the metadata agrees with it (metadata titles are
/// often rewritten for search engines), else the best metadata title.
fn choose_title(metas: &[String], h1s: &[String]) -> Option<String> {
    for h in h1s {
        if metas.iter().any(|m| key(m) == key(h)) {
            return Some(h.clone());
        }
    }
    for h in h1s {
        let kh = key(h);
        for m in metas {
            let km = key(m);
            if km.len() >= 10 && kh.contains(&km) && km.len() * 10 >= kh.len() * 6 {
                return Some(m.clone());
            }
            if kh.len() >= 10 && km.contains(&kh) && kh.len() * 10 >= km.len() * 6 {
                return Some(h.clone());
            }
        }
    }
    if let (Some(h), Some(m)) = (h1s.first(), metas.first())
        && word_overlap(h, m) >= 0.5
    {
        return Some(h.clone());
    }
    metas.first().or(h1s.first()).cloned()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of the shorter text's words found in the other.
fn word_overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() {
        return 0.0;
    }
    let hits = short.iter().filter(|w| long.contains(w)).count();
    hits as f64 / short.len() as f64
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · "];

fn strip_site_suffix(title: &str, sites: &[String], h1s: &[String]) -> String {
    // A part of the title that is exactly a headline on the page wins.
    let parts = split_title(title);
    if parts.len() > 1
        && let Some(p) = parts.iter().find(|p| h1s.iter().any(|h| key(h) == key(p)))
    {
        return (*p).to_owned();
    }
    let site_keys: Vec<String> = sites
        .iter()
        .map(|s| key(s))
        .filter(|k| k.len() >= 2)
        .collect();
    let is_site = |part: &str| {
        let k = key(part);
        !k.is_empty()
            && site_keys.iter().any(|s| {
                k == *s
                    || (s.len() >= 4 && k.contains(s.as_str()))
                    || (k.len() >= 4 && s.contains(&k))
            })
    };
    let mut t = title.trim().to_owned();
    for _ in 0..3 {
        let cut = TITLE_SEPARATORS.iter().find_map(|sep| {
            let (head, tail) = t.rsplit_once(sep)?;
            (is_site(tail) && head.len() >= 10).then(|| head.trim().to_owned())
        });
        let cut = cut.or_else(|| {
            TITLE_SEPARATORS.iter().find_map(|sep| {
                let (head, tail) = t.split_once(sep)?;
                (is_site(head) && tail.len() >= 10).then(|| tail.trim().to_owned())
            })
        });
        match cut {
            Some(c) => t = c,
            None => break,
        }
    }
    t
}

fn split_title(t: &str) -> Vec<&str> {
    let mut parts = vec![t];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

// ---------------------------------------------------------------- byline

const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "article:author_name",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "cxenseparse:author",
    "sailthru.byline_name",
    "citation_author",
];

fn byline(doc: &Document, src: &Sources, sites: &[String]) -> Option<String> {
    // Candidates from metadata, best first; names equal to the site's name last.
    let mut cands: Vec<String> = Vec::new();
    if !src.ld.people.is_empty() {
        cands.push(join_names(&src.ld.people));
    }
    for k in AUTHOR_METAS {
        let mut uniq: Vec<String> = Vec::new();
        for n in meta(src, k).filter_map(|v| clean_name(&[v.to_owned()])) {
            if !uniq.iter().any(|u| key(u) == key(&n)) {
                uniq.push(n);
            }
        }
        if !uniq.is_empty() {
            cands.push(join_names(&uniq));
        }
    }
    let site_keys: Vec<String> = sites.iter().map(|s| key(s)).collect();
    let (mut people, sitey): (Vec<String>, Vec<String>) = cands
        .into_iter()
        .partition(|c| !site_keys.contains(&key(c)));
    people.extend(sitey);
    let visible = dom_byline(doc);
    // The visible byline settles disagreements between metadata sources.
    if let Some(v) = &visible
        && let Some(c) = people.iter().find(|c| names_overlap(c, v))
    {
        return Some(c.clone());
    }
    people
        .into_iter()
        .next()
        .or(visible)
        .or_else(|| (!src.ld.organisations.is_empty()).then(|| join_names(&src.ld.organisations)))
}

fn names_overlap(a: &str, b: &str) -> bool {
    let wb = words(b);
    words(a)
        .iter()
        .any(|w| w.chars().count() >= 3 && w != "and" && wb.contains(w))
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The first element marked as a byline or author whose text reads as names.
fn dom_byline(doc: &Document) -> Option<String> {
    let body = doc.body()?;
    for node in body.descendants_it() {
        if !node.is_element() || !is_byline_marked(&node) {
            continue;
        }
        let Some(segments) = text_segments(&node, 400) else {
            continue;
        };
        if let Some(name) = clean_name(&segments) {
            return Some(name);
        }
    }
    None
}

fn is_byline_marked(node: &NodeRef<'_>) -> bool {
    if node.has_name("meta")
        || node.has_name("link")
        || node.has_name("input")
        || node.has_name("img")
    {
        return false;
    }
    if node
        .attr("rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || node
            .attr("itemprop")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
    {
        return true;
    }
    let mut blob = String::new();
    for a in ["class", "id", "data-testid", "data-component"] {
        if let Some(v) = node.attr(a) {
            blob.push_str(&v.to_ascii_lowercase());
            blob.push(' ');
        }
    }
    let mut marked = false;
    let mut excluded = false;
    for w in blob
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        marked |= w.starts_with("byline")
            || (w.starts_with("author") && !w.starts_with("authoriz"))
            || w.ends_with("author")
            || w.ends_with("byline");
        excluded |= [
            "comment", "avatar", "image", "img", "photo", "bio", "social", "follow", "related",
            "more",
        ]
        .iter()
        .any(|x| w.starts_with(x));
    }
    marked && !excluded
}

/// Trimmed, non-empty text nodes under `node` (scripts and styles skipped), or
/// `None` when there is more than `limit` characters of text.
fn text_segments(node: &NodeRef<'_>, limit: usize) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            let t = collapse(&n.text());
            if !t.is_empty() {
                total += t.len();
                if total > limit {
                    return None;
                }
                out.push(t);
            }
        } else if n.is_element() {
            if n.has_name("script") || n.has_name("style") || n.has_name("noscript") {
                continue;
            }
            let kids: Vec<_> = n.children_it(true).collect();
            stack.extend(kids);
        }
    }
    Some(out)
}

const BY_PREFIXES: &[&str] = &[
    "written by",
    "analysis by",
    "words by",
    "story by",
    "reporting by",
    "report by",
    "posted by",
    "text by",
    "by:",
    "by",
];

const STOP_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "from:",
    "reviewed",
    "last",
    "modified",
    "follow",
    "email",
    "contact",
];

const ROLE_WORDS: &[&str] = &[
    "editor",
    "reporter",
    "correspondent",
    "writer",
    "columnist",
    "contributor",
    "staff",
    "producer",
    "analyst",
    "critic",
    "news",
    "journalist",
    "photographer",
    "chief",
];

/// Names from the text segments of a byline: "By" dropped, cut at dates,
/// "Published …" and separators, roles after a comma dropped; segments joined
/// only where "and" / "," / "&" link them.
fn clean_name(segments: &[String]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for seg in segments {
        let s = strip_by(seg);
        let (s, stopped) = cut_noise(&s);
        let s = s
            .trim()
            .trim_end_matches([',', '|', '-', '–', '—', ':', '/'])
            .trim();
        if !s.is_empty() {
            parts.push(s.to_owned());
        }
        if stopped {
            break;
        }
    }
    let mut name = String::new();
    for p in parts {
        let lower = p.to_lowercase();
        let links = name.is_empty()
            || name.ends_with(',')
            || name.ends_with(" and")
            || name.ends_with('&')
            || lower == "and"
            || lower == "&"
            || lower.starts_with("and ")
            || lower.starts_with("& ")
            || lower.starts_with(',');
        if !links {
            break;
        }
        if !name.is_empty() && !p.starts_with(',') {
            name.push(' ');
        }
        name.push_str(&p);
    }
    let mut name = name
        .trim()
        .trim_end_matches(" and")
        .trim_end_matches([',', '&'])
        .trim()
        .to_owned();
    name = name.replace(" ,", ",");
    // "Chris Cillizza, CNN Editor-at-large": a role after the last comma.
    if let Some((head, tail)) = name.rsplit_once(", ") {
        let t = tail.to_lowercase();
        if ROLE_WORDS.iter().any(|r| t.contains(r)) && !t.contains(" and ") {
            name = head.to_owned();
        }
    }
    plausible_name(&name).then_some(name)
}

fn strip_by(s: &str) -> String {
    let lower = s.to_lowercase();
    for p in BY_PREFIXES {
        if let Some(rest) = lower.strip_prefix(p)
            && (rest.is_empty() || rest.starts_with([' ', ':']) || p.ends_with(':'))
        {
            return s[p.len()..].trim_start_matches([' ', ':']).to_owned();
        }
    }
    s.to_owned()
}

/// Cuts a segment at the first word that starts a date, a time or boilerplate
/// ("Published", "Updated", an e-mail address, " | "). The flag tells whether
/// anything was cut (later segments are then not names either).
fn cut_noise(s: &str) -> (String, bool) {
    let mut s = s.to_owned();
    let mut cut = false;
    for sep in [" | ", " - ", " — ", " – ", " · ", " • "] {
        if let Some((head, _)) = s.split_once(sep) {
            s = head.to_owned();
            cut = true;
        }
    }
    let words: Vec<&str> = s.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let lw = w.to_lowercase();
        let bare = lw.trim_matches(|c: char| !c.is_alphanumeric());
        let next_is_num = words
            .get(i + 1)
            .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let next_lower = words
            .get(i + 1)
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let digits = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        let starts_date = (digits
            && (w.len() >= 4
                || w.contains([':', '/', '.'])
                || dates_month(next_lower.trim_matches(|c: char| !c.is_alphanumeric()))
                || next_lower.starts_with("am")
                || next_lower.starts_with("pm")))
            || (dates_month(bare) && next_is_num)
            || dates::is_weekday(bare) && (bare.len() > 3 || w.ends_with(','))
            || STOP_WORDS.contains(&lw.as_str())
            || w.contains('@')
            || (bare == "on"
                && words.get(i + 1).is_some_and(|n| {
                    let n = n.to_lowercase();
                    dates_month(n.trim_matches(|c: char| !c.is_alphanumeric()))
                        || n.starts_with(|c: char| c.is_ascii_digit())
                        || n.get(..3).is_some_and(dates::is_weekday)
                }));
        if starts_date {
            return (words[..i].join(" "), true);
        }
    }
    (s, cut)
}

fn dates_month(w: &str) -> bool {
    dates::parse(&format!("{w} 1 2000")).is_some() && w.chars().all(char::is_alphabetic)
}

fn plausible_name(n: &str) -> bool {
    let words = n.split_whitespace().count();
    (2..=120).contains(&n.chars().count())
        && (1..=14).contains(&words)
        && n.chars().any(char::is_uppercase)
        && !n.contains("://")
        && !n.starts_with('@')
        && !n.starts_with("www.")
        && n.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

// ---------------------------------------------------------------- lead

fn lead(doc: &Document, src: &Sources) -> Option<String> {
    let desc = first_meta(
        src,
        &["og:description", "description", "twitter:description"],
    )?;
    let kd = key(desc);
    if kd.len() < 40 {
        return None;
    }
    let body = doc.body()?;
    for node in body.descendants_it() {
        let textual = ["p", "h2", "h3", "h4", "div", "span"]
            .iter()
            .any(|t| node.has_name(t));
        if !node.is_element() || !textual {
            continue;
        }
        let Some(segs) = text_segments(&node, desc.len() * 2 + 40) else {
            continue;
        };
        let text = segs.join(" ");
        let kt = key(&text);
        if kt.len() >= kd.len()
            && kt.len() * 20 <= kd.len() * 21
            && kt.starts_with(&kd[..kd.len() * 9 / 10])
        {
            return Some(collapse(&text));
        }
    }
    None
}

// ---------------------------------------------------------------- date

const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "og:pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "article:publicationdate",
    "date",
    "pdate",
    "datecreated",
    "article.published",
];

fn date(doc: &Document, src: &Sources) -> Option<Date> {
    if let Some(d) = src.ld.published.as_deref().and_then(dates::parse) {
        return Some(d);
    }
    for k in DATE_METAS {
        if let Some(d) = meta(src, k).find_map(dates::parse) {
            return Some(d);
        }
    }
    // Any other meta that speaks of publication.
    for (k, v) in &src.metas {
        let pubby = k.contains("publish")
            || k.contains("pub-date")
            || k.contains("post-date")
            || k.ends_with("date");
        let other = ["modif", "updat", "expir", "founding", "birth", "revis"]
            .iter()
            .any(|x| k.contains(x));
        if pubby
            && !other
            && let Some(d) = dates::parse(v)
        {
            return Some(d);
        }
    }
    for n in doc.select("[itemprop=datePublished]").nodes() {
        let v = n
            .attr("content")
            .or_else(|| n.attr("datetime"))
            .map(|v| v.to_string())
            .unwrap_or_else(|| n.text().to_string());
        if let Some(d) = dates::parse(&v) {
            return Some(d);
        }
    }
    // <time>: one marked as the publication time, else the first inside an
    // article, else the first at all (a header's "today" is the risk).
    let times = doc.select("time").nodes().to_vec();
    let marked = |t: &&NodeRef<'_>| {
        let names = format!(
            "{} {}",
            t.attr("class").unwrap_or_default(),
            t.attr("itemprop").unwrap_or_default()
        )
        .to_ascii_lowercase();
        t.has_attr("pubdate")
            || ["publish", "posted", "created"]
                .iter()
                .any(|m| names.contains(m))
    };
    let in_article = |t: &&NodeRef<'_>| {
        t.ancestors_it(None)
            .any(|a| a.has_name("article") || a.has_name("main"))
    };
    let pub_time = times
        .iter()
        .find(marked)
        .or_else(|| times.iter().find(in_article))
        .or_else(|| times.first());
    if let Some(t) = pub_time {
        let v = t
            .attr("datetime")
            .map(|v| v.to_string())
            .unwrap_or_else(|| t.text().to_string());
        if let Some(d) = dates::parse(&v) {
            return Some(d);
        }
    }
    if let Some(d) = page_url(doc, src).as_deref().and_then(dates::from_url) {
        return Some(d);
    }
    // The visible text of date-like elements.
    let body = doc.body()?;
    for node in body.descendants_it() {
        if !node.is_element() {
            continue;
        }
        let class = node.attr("class").unwrap_or_default().to_ascii_lowercase();
        let id = node.attr("id").unwrap_or_default().to_ascii_lowercase();
        let blob = format!("{class} {id}");
        let marked = [
            "date", "time", "publish", "byline", "dateline", "posted", "meta",
        ]
        .iter()
        .any(|m| blob.contains(m));
        if !marked || blob.contains("update") || blob.contains("modif") {
            continue;
        }
        if let Some(segs) = text_segments(&node, 300)
            && let Some(d) = dates::parse(&segs.join(" "))
        {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn names() {
        assert_eq!(
            clean_name(&segs(&["By", "Ann Lee", "and", "Bo Ray", "Staff"])).as_deref(),
            Some("Ann Lee and Bo Ray")
        );
        assert_eq!(
            clean_name(&segs(&["By ANN LEE March 11, 2015 3:46 PM"])).as_deref(),
            Some("ANN LEE")
        );
        assert_eq!(
            clean_name(&segs(&["Analysis by Chris Doe, Daily Editor-at-large"])).as_deref(),
            Some("Chris Doe")
        );
        assert_eq!(
            clean_name(&segs(&["Written by City Times on November 7, 2023"])).as_deref(),
            Some("City Times")
        );
        assert_eq!(
            clean_name(&segs(&["Ann Lee", "Example Reporter"])).as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            clean_name(&segs(&["AFP/The Paper - [email protected]"])).as_deref(),
            Some("AFP/The Paper")
        );
        assert_eq!(clean_name(&segs(&["By"])), None);
        assert_eq!(clean_name(&segs(&["https://example.com/people/ann"])), None);
    }

    #[test]
    fn site_suffix() {
        let sites = vec!["Example News".to_owned()];
        assert_eq!(
            strip_site_suffix("Big thing happens - Example News", &sites, &[]),
            "Big thing happens"
        );
        assert_eq!(
            strip_site_suffix("Example News | Big thing happens", &sites, &[]),
            "Big thing happens"
        );
        assert_eq!(
            strip_site_suffix("Left - right debate heats up", &sites, &[]),
            "Left - right debate heats up"
        );
        assert_eq!(
            strip_site_suffix(
                "Big thing | Politics | Other",
                &[],
                &["Big thing".to_owned()]
            ),
            "Big thing"
        );
    }
}
