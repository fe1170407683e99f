//! Hostile shapes of text finish well within a generous bound (a hang or a
//! quadratic blow-up would not), and still give valid output.
//! The benchmark `pathological` measures how their time grows with size.

use briefing::analysis::pathological::SHAPES;
use briefing::analyze;
use std::time::{Duration, Instant};

/// Debug builds run the engine at about 1 MB/s; a quadratic shape at this size
/// would take minutes.
const BYTES: usize = 256 << 10;
const CEILING: Duration = Duration::from_secs(60);

#[test]
fn hostile_shapes_stay_bounded() {
    for (name, make) in SHAPES {
        let text = make(BYTES);
        let start = Instant::now();
        let a = analyze(&text);
        let took = start.elapsed();
        assert!(took < CEILING, "{name}: {took:?} for {} bytes", text.len());
        let mut end = 0;
        for s in &a.statements {
            assert!(
                s.span.start >= end && s.span.end <= text.len(),
                "{name}: bad span"
            );
            end = s.span.end;
        }
    }
}
