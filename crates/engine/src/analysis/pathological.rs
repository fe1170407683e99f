//! Shapes of text that break naive parsers, for the linearity benchmark and the
//! bounded tests: each generator yields about `bytes` bytes.

/// Makes about that many bytes of a shape of text.
pub type Generator = fn(usize) -> String;

/// (name, generator) pairs.
pub const SHAPES: [(&str, Generator); 9] = [
    ("one long paragraph", one_paragraph),
    ("many quote marks", many_quote_marks),
    ("opening marks only", opening_marks),
    ("nested quotes", nested_quotes),
    ("one line without spaces", no_spaces),
    ("capitalised words", capitalised_words),
    ("only punctuation", only_punctuation),
    ("reporting verbs", reporting_verbs),
    ("apostrophes", apostrophes),
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

fn one_paragraph(bytes: usize) -> String {
    repeat_to(
        "Officials said the talks, which “could resume soon,” had stalled, and Ana Ruiz added that no date was set. ",
        bytes,
    )
}

fn many_quote_marks(bytes: usize) -> String {
    repeat_to("“a” ‘b’ \"c\" ", bytes)
}

fn opening_marks(bytes: usize) -> String {
    repeat_to("“", bytes)
}

fn nested_quotes(bytes: usize) -> String {
    let half = bytes / 2;
    repeat_to("“‘«„", half) + &repeat_to("”’»“", half)
}

fn no_spaces(bytes: usize) -> String {
    repeat_to("x", bytes)
}

fn capitalised_words(bytes: usize) -> String {
    repeat_to(
        "Alpha Bravo President Charlie Minister Delta Says Echo ",
        bytes,
    )
}

fn only_punctuation(bytes: usize) -> String {
    repeat_to(".,;:!?-—()[]\"'“”", bytes)
}

fn reporting_verbs(bytes: usize) -> String {
    repeat_to("he said, she added, they told ", bytes)
}

fn apostrophes(bytes: usize) -> String {
    repeat_to("the States’ ’90s rock ’n’ roll ' '' ‘ ", bytes)
}
