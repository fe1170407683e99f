//! From the main-content subtree to body paragraphs.
//!
//! [`strip_boilerplate`] removes, inside the content that the readability pass
//! chose, the boxes that pages nest in their articles: navigation, asides,
//! forms, figures and captions, share/social bars, newsletter sign-ups,
//! related/trending/recommended lists, comment threads, ads, bylines, tag lists.
//! They are recognised by tag, ARIA role and words in class/id/test-id names;
//! a box is never removed when it holds half or more of the content's text (a
//! wrapper with an unlucky class name). [`paragraphs`] then walks the tree and
//! makes one paragraph per block element, and [`keep`] drops the paragraphs
//! that are boilerplate by their text alone (copyright lines, photo credits,
//! "Advertisement", lines that are all link).

use dom_query::NodeRef;
use rustc_hash::FxHashSet;

/// Tags whose whole subtree is never body text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "button", "textarea", "head", "title",
];

/// Tags removed from the content as boxes around the text, not text.
const BOX_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "form",
    "figure",
    "figcaption",
    "input",
];

const BOX_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "search",
    "dialog",
    "menu",
    "toolbar",
];

/// Words in class / id / test-id names that mark a box as boilerplate.
const BOX_WORDS: &[&str] = &[
    "newsletter",
    "signup",
    "sign-up",
    "subscribe",
    "subscription",
    "related",
    "recommend",
    "trending",
    "most-read",
    "mostread",
    "more-stories",
    "morestories",
    "more-from",
    "recirc",
    "taboola",
    "outbrain",
    "share",
    "sharing",
    "social",
    "comment",
    "copyright",
    "caption",
    "byline",
    "author",
    "contributor",
    "advert",
    "sponsor",
    "breadcrumb",
    "footer",
    "cookie",
    "consent",
    "disclaimer",
    "bottom-of-article",
    "end-of-article",
    "after-article",
    "article-end",
];

/// Whole parts of class names ("post-body-bio") that mark a box: too short to
/// look for inside other words ("biology").
const BOX_PARTS: &[&str] = &["bio", "bios", "promo", "promos"];

/// Words that name layout boxes more loosely: such a box is removed only when
/// it holds no prose paragraph (a body split into "widgets" stays).
const WEAK_BOX_WORDS: &[&str] = &[
    "popular",
    "credit",
    "promo",
    "toolbar",
    "sidebar",
    "masthead",
    "navigation",
    "navbar",
    "menu",
    "pagination",
    "tag-list",
    "taglist",
    "article-tags",
    "topics",
    "read-more",
    "readmore",
    "teaser",
    "widget",
    "gallery",
    "slideshow",
    "carousel",
    "modal",
    "popup",
    "sr-only",
    "visually-hidden",
    "screen-reader",
];

/// Words that mark a media box: removed only when short (a caption, a credit).
const MEDIA_WORDS: &[&str] = &["img", "image", "photo", "picture", "figure"];

/// Inline tags: their class names are not trusted to mark boxes (a
/// `<span class="dateline">` belongs to its sentence).
const INLINE_TAGS: &[&str] = &[
    "a", "span", "em", "strong", "b", "i", "u", "small", "abbr", "cite", "time", "sup", "sub",
    "mark", "q", "font", "code", "s", "del", "ins",
];

/// Block elements: each starts and ends a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "center",
    "form",
    "fieldset",
    "legend",
    "hgroup",
    "body",
    "html",
    "menu",
];

fn local_name(node: &NodeRef<'_>) -> Option<String> {
    node.qual_name_ref()
        .map(|q| q.local.to_ascii_lowercase().to_string())
}

/// Removes boilerplate boxes under `root` (see the module doc).
pub fn strip_boilerplate(root: &NodeRef<'_>) {
    let total = text_len(root, usize::MAX);
    let mut doomed = Vec::new();
    let mut stack = vec![*root];
    while let Some(node) = stack.pop() {
        if node.is_element() && node.id != root.id && is_box(&node, total) {
            doomed.push(node);
            continue;
        }
        if node.is_element() || node.is_document() || node.is_fragment() {
            stack.extend(node.children_it(true));
        }
    }
    for n in doomed {
        n.remove_from_parent();
    }
}

fn is_box(node: &NodeRef<'_>, total: usize) -> bool {
    let Some(tag) = local_name(node) else {
        return false;
    };
    let half = total / 2;
    if SKIP_TAGS.contains(&tag.as_str()) || node.has_attr("hidden") {
        return true;
    }
    let by_tag = BOX_TAGS.contains(&tag.as_str())
        || node
            .attr("role")
            .is_some_and(|r| BOX_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()));
    if by_tag {
        return text_len(node, half) < half;
    }
    if INLINE_TAGS.contains(&tag.as_str()) {
        return is_loose_caption(node);
    }
    if matches!(tag.as_str(), "body" | "html" | "main" | "article") {
        return false;
    }
    let mut names = String::new();
    for a in [
        "class",
        "id",
        "data-testid",
        "data-component",
        "data-module",
    ] {
        if let Some(v) = node.attr(a) {
            names.push_str(&v.to_ascii_lowercase());
            names.push(' ');
        }
    }
    if names.is_empty() {
        return false;
    }
    // State words ("no_caption", "has-share-bar") say what a box holds, not what it is.
    let state = |tok: &str| {
        ["no-", "no_", "has-", "has_", "with-", "with_", "without"]
            .iter()
            .any(|p| tok.starts_with(p))
    };
    let tokens: Vec<&str> = names.split_whitespace().filter(|t| !state(t)).collect();
    let strong = tokens.iter().any(|tok| {
        BOX_WORDS
            .iter()
            .any(|w| tok.contains(w) && !(*w == "comment" && tok.contains("commentary")))
            || is_ad_token(tok)
            || tok.split(['-', '_']).any(|part| BOX_PARTS.contains(&part))
    });
    if strong {
        return text_len(node, half) < half;
    }
    let weak = tokens.iter().any(|tok| {
        WEAK_BOX_WORDS.iter().any(|w| tok.contains(w))
            || tok.ends_with("-meta")
            || tok.ends_with("__meta")
            || *tok == "meta"
    });
    if weak {
        return text_len(node, half) < half && !has_prose(node);
    }
    let media = names
        .split_whitespace()
        .any(|tok| MEDIA_WORDS.iter().any(|w| tok.contains(w)));
    media && text_len(node, 250) < 250.min(half.max(1)) && !has_heading(node)
}

/// An inline element named a caption or a credit (`<span class="pb-caption">`)
/// that stands in a box of its own, not inside a paragraph's sentence.
fn is_loose_caption(node: &NodeRef<'_>) -> bool {
    let named = ["class", "id"].iter().any(|a| {
        node.attr(a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("caption") || v.contains("credit")
        })
    });
    if !named {
        return false;
    }
    let mut up = node.parent();
    while let Some(p) = up {
        match local_name(&p) {
            Some(tag) if INLINE_TAGS.contains(&tag.as_str()) => up = p.parent(),
            Some(tag) => {
                return !matches!(
                    tag.as_str(),
                    "p" | "li"
                        | "blockquote"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "td"
                        | "dd"
                );
            }
            None => return false,
        }
    }
    false
}

/// Holds a paragraph of running text (a sentence of 120+ characters, mostly not links).
fn has_prose(node: &NodeRef<'_>) -> bool {
    node.descendants_it().any(|d| {
        d.has_name("p") && {
            let blocks = paragraphs(&d);
            blocks.iter().any(|b| {
                let n = b.text.chars().count();
                n >= 120 && b.link_chars * 5 < n && b.text.contains(['.', '!', '?'])
            })
        }
    })
}

fn has_heading(node: &NodeRef<'_>) -> bool {
    node.descendants_it().any(|d| {
        local_name(&d)
            .is_some_and(|t| matches!(t.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    })
}

fn is_ad_token(tok: &str) -> bool {
    matches!(tok, "ad" | "ads" | "adv" | "advertisement" | "dfp")
        || tok.starts_with("ad-")
        || tok.starts_with("ad_")
        || tok.starts_with("ads-")
        || tok.starts_with("ads_")
        || tok.ends_with("-ad")
        || tok.ends_with("_ad")
        || tok.ends_with("-ads")
        || tok.contains("-ad-")
        || tok.contains("_ad_")
}

/// Characters of text under `node`, counting stops once past `limit`.
fn text_len(node: &NodeRef<'_>, limit: usize) -> usize {
    let mut n = 0;
    let mut stack = vec![*node];
    while let Some(x) = stack.pop() {
        if x.is_text() {
            n += x.text().trim().len();
            if n > limit {
                return n;
            }
        } else if x.is_element() || x.is_document() || x.is_fragment() {
            if let Some(tag) = local_name(&x)
                && SKIP_TAGS.contains(&tag.as_str())
            {
                continue;
            }
            stack.extend(x.children_it(true));
        }
    }
    n
}

/// One block of text.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Characters of `text` that sit inside links.
    pub link_chars: usize,
    /// Inside a heading (`h1`–`h6`).
    pub heading: bool,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    pending_space: bool,
    /// How many heading elements enclose the current position.
    headings: usize,
}

impl Builder {
    fn push_text(&mut self, s: &str, in_link: bool) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}') {
                continue;
            }
            if self.pending_space && !self.buf.is_empty() {
                self.buf.push(' ');
                if in_link {
                    self.link_chars += 1;
                }
            }
            self.pending_space = false;
            self.buf.push(c);
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        if !self.buf.is_empty() {
            let text = std::mem::take(&mut self.buf);
            let link_chars = std::mem::take(&mut self.link_chars).min(text.chars().count());
            let heading = self.headings > 0;
            self.blocks.push(Block {
                text,
                link_chars,
                heading,
            });
        }
        self.link_chars = 0;
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>, bool),
    /// Leaving an element: is it a block, is it a heading.
    Exit(bool, bool),
    Lit(&'static str, bool),
}

/// The text under `root`, one [`Block`] per block element, in document order.
pub fn paragraphs(root: &NodeRef<'_>) -> Vec<Block> {
    let mut b = Builder::default();
    let mut stack = vec![Step::Enter(*root, false)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(block, heading) => {
                if block {
                    b.flush();
                }
                if heading {
                    b.headings -= 1;
                }
            }
            Step::Lit(s, in_link) => b.push_text(s, in_link),
            Step::Enter(node, in_link) => {
                if node.is_text() {
                    b.push_text(&node.text(), in_link);
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let tag = local_name(&node).unwrap_or_default();
                if SKIP_TAGS.contains(&tag.as_str()) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&tag.as_str());
                if block {
                    b.flush();
                }
                let heading = matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                if heading {
                    b.headings += 1;
                }
                let in_link = in_link || tag == "a";
                if tag == "q" {
                    b.push_text("\u{201c}", in_link);
                }
                stack.push(Step::Exit(block, heading));
                if tag == "q" {
                    stack.push(Step::Lit("\u{201d}", in_link));
                }
                let kids: Vec<_> = node.children_it(true).collect();
                stack.extend(kids.into_iter().map(|k| Step::Enter(k, in_link)));
            }
        }
    }
    b.flush();
    b.blocks
}

/// Whole paragraphs that are boilerplate by their text (lower-cased prefixes).
const BOILER_PREFIXES: &[&str] = &[
    "advertisement",
    "story continues below",
    "article continues below",
    "continue reading",
    "read more:",
    "read more about",
    "related:",
    "related coverage",
    "recommended:",
    "sign up for",
    "subscribe to",
    "click here to",
    "share this",
    "follow us on",
    "skip ad",
    "©",
    "copyright ©",
    "(c) ",
    "photograph by",
    "photograph:",
    "photo by",
    "photos by",
    "photo:",
    "photo credit",
    "image:",
    "image credit",
    "image source",
    "credit:",
    "illustration by",
    "supported by",
    "filed under",
    "posted in",
    "tags:",
    "topics:",
    "categories:",
    "like this:",
    "loading...",
    "click to share",
    "print this",
    "email this",
    "join our newsletter",
    "download our app",
    "download the app",
    "get the app",
    "written by",
    "map:",
    "graphic:",
    "video:",
    "watch:",
    "listen:",
    "gallery:",
    "see also:",
    "also read:",
    "read also:",
    "read next:",
    "more:",
    "you may also like",
    "leave a comment",
    "add a comment",
    "post a comment",
    "show comments",
    "view comments",
    "join the conversation",
    "comments are closed",
];

/// Words of a share bar ("Share Tweet Email"), nothing else.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "email",
    "e-mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "copy",
    "link",
    "save",
    "comments",
    "comment",
    "on",
    "this",
    "article",
    "story",
];

/// Words of a promotion that sends the reader somewhere else (with a link).
const PROMO_PHRASES: &[&str] = &[
    "click here",
    "tap here",
    "in your inbox",
    "sign up",
    "subscribe",
    "newsletter",
    "download the",
    "our app",
    "the app",
    "watch live",
    "follow us",
];

/// Keeps a block as body text unless it is boilerplate by its text alone.
pub fn keep(block: &Block) -> bool {
    let t = block.text.trim();
    let chars = t.chars().count();
    if chars == 0 {
        return false;
    }
    // All link: a related-story line, a "more" link, a tag.
    if block.link_chars * 10 >= chars * 9 && chars < 400 {
        return false;
    }
    let lower = t.to_lowercase();
    if chars < 160 && BOILER_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    if chars < 300 && lower.contains("all rights reserved") {
        return false;
    }
    if chars < 120
        && (lower.ends_with("getty images")
            || lower.ends_with("/ap")
            || lower.starts_with("(ap photo"))
    {
        return false;
    }
    if chars < 400 && ends_with_credit(t) {
        return false;
    }
    if chars < 300 && is_editor_insert(t, block.link_chars) {
        return false;
    }
    if !block.heading && is_related_headline(t) {
        return false;
    }
    if chars < 250 && block.link_chars > 0 && PROMO_PHRASES.iter().any(|p| lower.contains(p)) {
        return false;
    }
    if chars < 250 && is_publication_note(&lower) {
        return false;
    }
    if chars < 600
        && lower.contains("cookie")
        && [
            "we use",
            "this site uses",
            "this website uses",
            "consent",
            "accept",
            "privacy",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        return false;
    }
    !is_share_bar(&lower)
}

/// A caption that ends with its credit: "The mayor at the quay. Photo: Sam Reed/AFP".
fn ends_with_credit(t: &str) -> bool {
    const CREDITS: &[&str] = &[
        "photo:",
        "photo by",
        "photos:",
        "photograph:",
        "photograph by",
        "picture:",
        "image:",
        "image credit",
        "credit:",
        "illustration:",
        "illustration by",
        "(photo",
    ];
    let lower = t.to_lowercase();
    CREDITS.iter().any(|c| {
        lower.rfind(c).is_some_and(|i| {
            let credit = &lower[i..];
            // After the caption's last sentence, a name (capitalised) and an
            // agency, not a sentence that goes on ("a photo: a cat on a roof").
            let after_sentence = lower[..i].trim_end().ends_with(['.', '|', ')', '—', '-']);
            let named = t
                .get(i + c.len()..)
                .and_then(|rest| rest.trim_start().chars().next())
                .is_some_and(char::is_uppercase);
            after_sentence
                && named
                && credit.chars().count() <= 70
                && !credit.trim_end_matches(['.', ')']).contains(". ")
        })
    })
}

/// A whole paragraph in square brackets that links elsewhere or names what it
/// is: "[Related: ...]", "[Read more: ...]", "[... Get X in your inbox.]".
fn is_editor_insert(t: &str, link_chars: usize) -> bool {
    let Some(inner) = t
        .trim_end_matches('.')
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
    else {
        return false;
    };
    let label = inner
        .split_once(':')
        .is_some_and(|(head, _)| head.split_whitespace().count() <= 3);
    link_chars > 0 || label
}

/// A related story's headline under a label, kept without its link:
/// "'Meth. We're On It.': South Dakota spends $449K on new ad campaign". No
/// sentence ends it, which a paragraph of the article would.
fn is_related_headline(t: &str) -> bool {
    let Some((label, headline)) = t.split_once(": ") else {
        return false;
    };
    let words = headline.split_whitespace().count();
    t.chars().count() < 160
        && label.split_whitespace().count() <= 6
        && (3..=16).contains(&words)
        && !t.ends_with([
            '.', '!', '?', '…', '"', '”', '’', '\'', '»', ')', ':', ';', ',',
        ])
}

/// "This article was reprinted on ...", "A version of this story appeared in print ...".
fn is_publication_note(lower: &str) -> bool {
    let about_it = [
        "this article",
        "this story",
        "a version of this",
        "an earlier version of this",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    about_it
        && [
            "published",
            "appeared",
            "appears",
            "printed",
            "updated",
            "corrected",
            "originally",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// "Share Tweet Email", "Share on Facebook": share buttons and nothing else.
fn is_share_bar(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 8
        && words.iter().any(|w| matches!(*w, "share" | "tweet"))
        && words
            .iter()
            .all(|w| SHARE_WORDS.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// A note on the author closing the article: "Ana Ruiz is the paper's political
/// editor.", "ANA RUIZ IS A WRITER IN LISBON".
fn is_author_note(t: &str) -> bool {
    const ROLES: &[&str] = &[
        "editor",
        "correspondent",
        "reporter",
        "columnist",
        "writer",
        "journalist",
        "contributor",
        "author",
        "producer",
        "analyst",
        "critic",
        "fellow",
    ];
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let verb = words
        .iter()
        .take(5)
        .position(|w| matches!(*w, "is" | "was" | "covers" | "writes"));
    // The subject is a name: "Ana Lima is", not "The mayor is".
    let named = verb.is_some_and(|v| {
        v >= 1
            && t.split_whitespace().take(v).all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !matches!(
                        w.to_lowercase().as_str(),
                        "the" | "a" | "an" | "this" | "he" | "she" | "it" | "they"
                    )
            })
    });
    t.chars().count() < 250
        && named
        && (words.iter().any(|w| {
            ROLES.iter().any(|r| {
                w.trim_matches(|c: char| !c.is_alphabetic()) == *r
                    || w.starts_with(&format!("{r}s"))
            })
        }) || verb.is_some_and(|v| matches!(words[v], "covers" | "writes")))
}

/// A paragraph that is only a date or a time stamp ("Feb. 21, 2019",
/// "Updated 5:52 AM EST Nov. 20, 2019"): the article's own date line.
fn is_date_line(t: &str) -> bool {
    if t.chars().count() > 60 || crate::dates::parse(t).is_none() {
        return false;
    }
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_lowercase();
            w.chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| c.is_ascii_uppercase()) && w.len() <= 4
                || crate::dates::parse(&format!("{w} 1 2000")).is_some()
                || crate::dates::is_weekday(&lw)
                || [
                    "am",
                    "pm",
                    "at",
                    "on",
                    "updated",
                    "published",
                    "posted",
                    "st",
                    "nd",
                    "rd",
                    "th",
                    "of",
                    "last",
                ]
                .contains(&lw.as_str())
        })
}

/// A bare domain name ("example.com"), as left by a source credit.
fn is_bare_domain(t: &str) -> bool {
    t.len() < 40
        && !t.contains(char::is_whitespace)
        && t.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// Body text: kept blocks joined by blank lines, repeated blocks dropped, and
/// a short heading or label ("More about:") dropped when what it introduced
/// was dropped as links, or when nothing kept follows it.
pub fn join(blocks: &[Block]) -> String {
    let kept: Vec<bool> = blocks
        .iter()
        .map(|b| keep(b) && !is_date_line(b.text.trim()) && !is_bare_domain(b.text.trim()))
        .collect();
    let all_links = |b: &Block| {
        let n = b.text.trim().chars().count();
        n > 0 && b.link_chars * 10 >= n * 9
    };
    let mut kept = kept;
    // Notes on the authors close the article, they are not part of it.
    while let Some(last) = kept.iter().rposition(|k| *k)
        && !blocks[last].heading
        && is_author_note(blocks[last].text.trim())
    {
        kept[last] = false;
    }
    let last_kept = kept.iter().rposition(|k| *k);
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut out = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if !kept[i] {
            continue;
        }
        let t = b.text.trim();
        let label = (b.heading && t.chars().count() < 80)
            || (t.ends_with(':') && t.split_whitespace().count() <= 4);
        if label
            && (Some(i) == last_kept
                || blocks
                    .get(i + 1)
                    .is_some_and(|n| !kept[i + 1] && all_links(n)))
        {
            continue;
        }
        if t.chars().count() > 20 && !seen.insert(t) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, link_chars: usize) -> Block {
        Block {
            text: text.into(),
            link_chars,
            heading: false,
        }
    }

    #[test]
    fn furniture_by_its_text() {
        for (text, links) in [
            ("The quay at dawn. Photo: Sam Reed/Coast Agency", 0),
            ("[Related: Harbour fees to rise]", 22),
            ("[Read more: the pier in pictures]", 0),
            ("'We are ready': Fishermen count the days", 0),
            ("On the app? Click here to watch live", 20),
            ("This story was originally published by the Ledger.", 0),
            ("We use cookies to make this site work. Accept all", 0),
            ("Share on Facebook Share on X Email", 0),
            ("Map: Where the pier goes", 0),
        ] {
            assert!(!keep(&block(text, links)), "{text:?} kept");
        }
    }

    #[test]
    fn prose_that_looks_like_furniture_stays() {
        for (text, links) in [
            (
                "He posted a photo: a cat on the roof of the harbour office.",
                0,
            ),
            ("Update: The mayor resigned on Monday.", 0),
            ("[Laughter]", 0),
            ("The council will subscribe to the plan, the mayor said.", 0),
            ("Share prices fell on Monday, traders said.", 0),
            ("Cookie sales at the fair raised money for the lifeboat.", 0),
        ] {
            assert!(keep(&block(text, links)), "{text:?} dropped");
        }
        assert!(is_author_note("Ana Lima is the Ledger's coast editor."));
        assert!(!is_author_note(
            "The harbour is the town's oldest employer."
        ));
        assert!(!is_author_note("The mayor is a former journalist."));
        assert!(is_author_note("ANA LIMA IS A WRITER IN LISBON"));
    }
}
