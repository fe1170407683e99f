//! Prints the engine's sentences and frames for a text on stdin:
//! `echo "Lavrov said the talks failed." | cargo run --example explain`
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("stdin is UTF-8 text");
    print!("{}", briefing::analysis::explain(&text));
}
