//! Markdown to clean text: headings, emphasis, links, lists and block quotes
//! become plain paragraphs; the first heading is the title.

use super::Article;
use super::unwrap::LineBreaks;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Does this text use Markdown syntax (headings, links, lists, emphasis)?
pub fn looks_like_markdown(text: &str) -> bool {
    let mut signals = 0;
    for line in text.lines().take(200) {
        let l = line.trim_start();
        if l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ") {
            signals += 2;
        } else if l.starts_with("> ")
            || l.starts_with("- ")
            || l.starts_with("* ")
            || l.starts_with("```")
        {
            signals += 1;
        }
        if l.contains("](") || l.contains("**") || l.contains("__") {
            signals += 1;
        }
    }
    signals >= 2
}

/// Parses a Markdown article. A paragraph keeps the line breaks of its source
/// (soft breaks, which the engine reads as spaces: see [`LineBreaks::Soft`]),
/// so that a word hyphenated at a line end can be made whole again.
pub fn parse(text: &str, source: &str) -> Article {
    let text = super::decode::normalize_newlines(text.to_owned());
    let mut title = None;
    // Each block with whether it is a heading.
    let mut blocks: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut in_heading = false;
    let mut in_image = 0usize;
    let mut seen_body = false;
    let flush = |current: &mut String, blocks: &mut Vec<(String, bool)>| {
        let block = current
            .split('\n')
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !block.is_empty() {
            blocks.push((block, false));
        }
        current.clear();
    };
    let parser = Parser::new_ext(
        &text,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES,
    );
    for event in parser {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut blocks);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                let heading = current.split_whitespace().collect::<Vec<_>>().join(" ");
                current.clear();
                if title.is_none() && !seen_body && !heading.is_empty() {
                    title = Some(heading);
                } else if !heading.is_empty() {
                    blocks.push((heading, true));
                }
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => {
                flush(&mut current, &mut blocks);
                seen_body |= !blocks.is_empty();
            }
            Event::End(TagEnd::TableCell) => current.push(' '),
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                current.push_str(&t);
                if !in_heading {
                    seen_body = true;
                }
            }
            Event::SoftBreak => current.push('\n'),
            Event::HardBreak => current.push(' '),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    let mut body = String::new();
    let mut headings = Vec::new();
    for (block, heading) in &blocks {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        if *heading {
            headings.push(body.len()..body.len() + block.len());
        }
        body.push_str(block);
    }
    Article {
        source: source.to_string(),
        title,
        body,
        breaks: LineBreaks::Soft,
        headings,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_reduced_to_paragraphs() {
        let md = "# Port reopens\n\nThe *port* reopened, [officials](https://example.com) said.\n\n- First item\n- Second **bold** item\n\n> “We are back,” said Ana Ruiz.\n\n![a photo](x.png)\n\n## Background\n\nMore text.";
        let a = parse(md, "story.md");
        assert_eq!(a.title.as_deref(), Some("Port reopens"));
        assert_eq!(
            a.body,
            "The port reopened, officials said.\n\nFirst item\n\nSecond bold item\n\n“We are back,” said Ana Ruiz.\n\nBackground\n\nMore text."
        );
        assert_eq!(
            a.headings
                .iter()
                .map(|h| &a.body[h.clone()])
                .collect::<Vec<_>>(),
            ["Background"]
        );
    }

    #[test]
    fn paragraphs_keep_their_source_lines() {
        let md = "# Port reopens\n\nThe port's *govern-*\nment said   it would\n  reopen.";
        let a = parse(md, "story.md");
        assert_eq!(a.body, "The port's govern-\nment said it would\nreopen.");
        assert_eq!(a.breaks, LineBreaks::Soft);
    }

    #[test]
    fn detection() {
        assert!(looks_like_markdown(
            "# Title\n\nText with a [link](http://x)."
        ));
        assert!(!looks_like_markdown("Just a sentence. And another one."));
    }
}
