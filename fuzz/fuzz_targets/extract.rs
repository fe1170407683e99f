//! Extraction on arbitrary text: no panic, and the output's invariants hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Through the document, so that unwrapping and its offset map are exercised too.
    let doc = briefing::Document::new("fuzz", text);
    let a = &doc.analysis;
    let mut end = 0;
    for s in &a.statements {
        assert!(s.span.start >= end && s.span.start < s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        for span in [s.speaker_mention, s.cue].into_iter().flatten() {
            assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        if let Some(id) = s.speaker {
            assert!(id < a.actors.len());
        }
        end = s.span.end;
    }
    for actor in &a.actors {
        for m in &actor.mentions {
            assert!(m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    // The JSON output (char offsets) must serialise too.
    let json = serde_json::to_string(&briefing::output::JsonArticle::new(&doc)).expect("serialises");
    assert!(!json.is_empty());
});
