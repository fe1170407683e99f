//! Unwrapping keeps every offset valid: whatever the text, the map from the text
//! the engine reads back to the text as given lands inside the original, on char
//! boundaries, in order; and a document's spans all index the text as given.

use briefing::Document;
use briefing::input::unwrap::{LineBreaks, unwrap};
use proptest::prelude::*;

/// Line ends of every kind, hyphens and dashes at them, indentation, list
/// markers, capitals and wide characters, and lines long enough to look wrapped.
const PIECES: &[&str] = &[
    "the harbour authority said on Monday that the port would",
    "reopen after a week of repairs, and the ferries",
    "“We are back,” said Ana Ruiz.",
    " ",
    "  ",
    "\t",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\n   ",
    "-\n",
    "-",
    "govern-",
    "ment",
    "well-",
    "known",
    "\u{ad}\n",
    "\u{2010}\n",
    "– ",
    "—",
    "- ",
    "1. ",
    "(a) ",
    "• ",
    "NATO",
    "BACKGROUND",
    ":",
    ".",
    ",",
    "é",
    "Ça",
    "中文",
    "👩‍👩‍👧",
    "e\u{301}",
];

fn wrapped_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn any_breaks() -> impl Strategy<Value = LineBreaks> {
    prop::sample::select(vec![LineBreaks::Detect, LineBreaks::Soft, LineBreaks::Hard])
}

fn check_map(original: &str, breaks: LineBreaks) -> Result<(), TestCaseError> {
    let u = unwrap(original, breaks);
    let (read, map) = (&*u.text, &u.map);
    prop_assert_eq!(map.read(original, 0..original.len()), read);
    prop_assert_eq!(map.end(0), 0);
    prop_assert_eq!(map.start(read.len()), original.len());
    let mut bounds: Vec<usize> = read.char_indices().map(|(i, _)| i).collect();
    bounds.push(read.len());
    let (mut last_start, mut last_end) = (0, 0);
    for (k, &p) in bounds.iter().enumerate() {
        let (start, end) = (map.start(p), map.end(p));
        prop_assert!(start <= original.len() && original.is_char_boundary(start));
        prop_assert!(end <= original.len() && original.is_char_boundary(end));
        prop_assert!(
            start >= last_start && end >= last_end,
            "not monotone at {p}"
        );
        prop_assert!(end <= start);
        if k > 0 {
            // The char before `p` maps onto at least one char of the original.
            prop_assert!(map.start(bounds[k - 1]) < end, "empty char before {p}");
        }
        // What is not white space in the text as read is copied from the original.
        if let Some(c) = read[p..].chars().next().filter(|c| !c.is_whitespace()) {
            prop_assert!(
                original[start..].starts_with(c),
                "{c:?} at {p} is not the original's"
            );
        }
        (last_start, last_end) = (start, end);
    }
    let mut after = 0;
    for para in map.paragraphs(original) {
        prop_assert!(para.start >= after && para.start < para.end && para.end <= original.len());
        prop_assert!(original.is_char_boundary(para.start) && original.is_char_boundary(para.end));
        after = para.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn offsets_stay_valid(text in wrapped_like(), breaks in any_breaks()) {
        check_map(&text, breaks)?;
    }

    #[test]
    fn offsets_stay_valid_on_any_string(text in any::<String>(), breaks in any_breaks()) {
        check_map(&text, breaks)?;
    }

    #[test]
    fn document_spans_index_the_text_as_given(text in wrapped_like()) {
        let doc = Document::new("t.txt", text.clone());
        prop_assert_eq!(&doc.text, &text);
        let spans = doc.analysis.statements.iter().flat_map(|s| {
            [Some(s.span), s.speaker_mention, s.cue].into_iter().flatten()
        });
        let mentions = doc.analysis.actors.iter().flat_map(|a| a.mentions.iter().copied());
        for span in spans.chain(mentions) {
            prop_assert!(span.start < span.end && span.end <= text.len(), "{span:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
