//! The trained tagger: the shipped weights load, training is deterministic, and
//! a tagger trained on a few annotated sentences finds statements of the same
//! form in sentences it has not seen.

use briefing::analysis::analyze_with;
use briefing::analysis::tagger::Tagger;
use briefing::analysis::tagger::train::{Annotated, Config, GoldItem, train};

/// An article from marked-up text: `[S ...]` a source, `[C ...]` a cue, `[T ...]`
/// the content they attribute. One attribution per sentence, in order.
fn annotated(marked: &str) -> Annotated {
    let mut text = String::new();
    let mut items = Vec::new();
    let mut item = GoldItem::default();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let role = rest.as_bytes()[open + 1];
        let close = open + rest[open..].find(']').expect("closing bracket");
        let start = text.len();
        text.push_str(&rest[open + 3..close]);
        let span = (start, text.len());
        match role {
            b'S' => item.sources.push(span),
            b'C' => item.cues.push(span),
            b'T' => {
                item.content = span;
                items.push(std::mem::take(&mut item));
            }
            other => panic!("unknown role {}", other as char),
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    Annotated { text, items }
}

fn fixture() -> Vec<Annotated> {
    [
        "[S Ana Ruiz] [C said] [T the ferry will run all winter]. The harbour was calm.\n\n[S Tom Berg] [C added] that [T the pier needs repairs].",
        "[T “The bridge is safe,”] [S the engineer] [C said]. Traffic moved slowly on Monday.\n\n[S Mia Holt] [C warned] that [T the road would flood].",
        "The council met at noon. [S Lars Eng] [C told] reporters [T the budget was too small].\n\n[T “We need more boats,”] [C said] [S Ana Ruiz].",
        "[S Paul Dunn] [C argued] that [T the tax would hurt farmers]. Snow fell overnight.\n\n[S The mayor] [C said] [T the school would reopen].",
        "Rain fell all day. [T “Nobody listens to us,”] [S Eva Lind] [C said].\n\n[S Omar Reyes] [C claimed] [T the port had lost money].",
        "[S Ida Berg] [C said] [T the vote was fair]. The hall was full.\n\n[T “It is over,”] [S the coach] [C said].",
    ]
    .into_iter()
    .map(annotated)
    .collect()
}

fn small_config() -> Config {
    Config {
        bits: 14,
        link_bits: 12,
        epochs: [4, 4],
        folds: 2,
        ..Config::default()
    }
}

#[test]
fn the_shipped_weights_load_and_encode_to_the_same_bytes() {
    let shipped = Tagger::shipped();
    let again = Tagger::from_bytes(&shipped.to_bytes()).expect("re-encoded weights load");
    assert_eq!(&again, shipped);
    let file = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/model/tagger.bin"
    ))
    .unwrap();
    assert_eq!(shipped.to_bytes(), file);
}

#[test]
fn damaged_weights_are_refused() {
    let bytes = Tagger::shipped().to_bytes();
    assert!(Tagger::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Tagger::from_bytes(b"not a model").is_err());
}

#[test]
fn training_is_deterministic() {
    let data = fixture();
    let a = train(&data, &small_config(), &mut |_| {}).to_bytes();
    let b = train(&data, &small_config(), &mut |_| {}).to_bytes();
    assert!(a == b, "two runs gave different weights");
}

#[test]
fn a_tagger_trained_on_a_fixture_finds_its_kind_of_statement() {
    let tagger = train(&fixture(), &small_config(), &mut |_| {});
    let text = "Nora Vik said the ferry would stop in March. The sea was rough.";
    let a = analyze_with(text, usize::MAX / 4, &tagger);
    let found: Vec<(&str, Option<&str>)> = a
        .statements
        .iter()
        .map(|s| {
            (
                &text[s.span.range()],
                s.speaker.map(|id| a.actors[id].name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("the ferry would stop in March", Some("Nora Vik"))],
        "{found:?}"
    );
}
