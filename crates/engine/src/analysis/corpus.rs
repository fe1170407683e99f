//! Generated news articles for benchmarks: realistic in shape (a headline, a
//! byline, paragraphs of narration, direct and indirect speech, partial quotes,
//! quotes over paragraphs, appositions, pronouns, organisations), varied in
//! names and words, and the same for the same seed. Used where the real news of
//! the evaluation data is not at hand.

use super::xorshift::XorShift;

/// First names and surname syllables to build varied people from.
const FIRST: [&str; 24] = [
    "Ana", "Tom", "Mia", "Lars", "Eva", "Omar", "Ida", "Paul", "Nora", "Kofi", "Lena", "Raj",
    "Sofia", "Jon", "Amira", "Diego", "Hana", "Felix", "Grace", "Ivan", "Leila", "Marco", "Yuki",
    "Zoe",
];
const SYLLABLES: [&str; 20] = [
    "ber", "ru", "hol", "lin", "dun", "vik", "mar", "son", "tak", "el", "sto", "ra", "quist",
    "men", "do", "wa", "ke", "lo", "gard", "ni",
];
const ORGS: [&str; 10] = [
    "Harbour Authority",
    "Ministry of Transport",
    "National Rail Union",
    "Port Council",
    "Bank of the North",
    "Institute for Coastal Studies",
    "Ferry Workers Association",
    "Department of Health and Social Care",
    "River Energy Company",
    "City Hospital",
];
const ROLES: [&str; 10] = [
    "spokeswoman for the",
    "chief executive of the",
    "an economist at the",
    "head of the",
    "a senior official at the",
    "a lawyer for the",
    "director of the",
    "a member of the",
    "chair of the",
    "a researcher at the",
];
const CUES: [&str; 12] = [
    "said",
    "told reporters",
    "added",
    "warned",
    "argued",
    "noted",
    "insisted",
    "explained",
    "claimed",
    "wrote",
    "said on Tuesday",
    "told a news conference",
];
const THOUGHT_CUES: [&str; 6] = [
    "believes",
    "expects",
    "fears",
    "hopes",
    "wants",
    "is convinced",
];
const SUBJECTS: [&str; 16] = [
    "the ferry",
    "the new bridge",
    "the budget",
    "the harbour plan",
    "the strike",
    "the tax",
    "the school",
    "the hospital",
    "the power plant",
    "the election",
    "the rail line",
    "the housing scheme",
    "the fishing quota",
    "the vote",
    "the inquiry",
    "the storm damage",
];
const PREDICATES: [&str; 16] = [
    "would cost far more than planned",
    "could be finished before the winter",
    "had been delayed by another two years",
    "was the only way to keep jobs in the region",
    "would not survive a legal challenge",
    "needed at least three more months of work",
    "had already saved the town millions",
    "was never properly explained to residents",
    "would hurt families on low incomes the most",
    "should be put to a public vote",
    "has support from both parties",
    "will be reviewed by an independent panel",
    "must not be rushed through parliament",
    "is failing the people it was meant to help",
    "can still be rescued with more funding",
    "was signed without the council's approval",
];
const NARRATION: [&str; 12] = [
    "The decision came after weeks of talks between the two sides.",
    "Traffic on the coastal road was slow for most of the morning.",
    "About 2,400 people live in the district, most of them in small villages.",
    "The first phase of the project began in 2019 and ran over budget.",
    "Protesters gathered outside the town hall on Monday evening.",
    "Shares in the company fell 4.2 percent in early trading.",
    "The report runs to 180 pages and includes more than 40 recommendations.",
    "Rain is forecast for the rest of the week across the north.",
    "Officials have not said when the results will be published.",
    "The harbour was closed for three days last winter after a storm.",
    "Similar schemes were tried in two other cities with mixed results.",
    "The meeting ended without an agreement late on Thursday.",
];

/// A person of the generated world: a full name and a surname.
struct Person {
    full: String,
    surname: String,
    female: bool,
    role: String,
}

fn person(rng: &mut XorShift) -> Person {
    let first_index = rng.below(FIRST.len());
    let mut surname = String::new();
    for _ in 0..2 + rng.below(2) {
        surname.push_str(rng.pick(&SYLLABLES));
    }
    let mut chars = surname.chars();
    let surname = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => surname,
    };
    Person {
        full: format!("{} {surname}", FIRST[first_index]),
        surname,
        female: first_index.is_multiple_of(2),
        role: format!("{} {}", rng.pick(&ROLES), rng.pick(&ORGS)),
    }
}

fn clause(rng: &mut XorShift) -> String {
    format!("{} {}", rng.pick(&SUBJECTS), rng.pick(&PREDICATES))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One article of about `words` words.
fn article(rng: &mut XorShift, words: usize) -> String {
    let people: Vec<Person> = (0..2 + rng.below(4)).map(|_| person(rng)).collect();
    let mut out = format!(
        "{} {}\n\nBy {}\n\n",
        capitalised(rng.pick(&SUBJECTS).trim_start_matches("the ")),
        rng.pick(&[
            "faces new doubts",
            "divides the town",
            "wins backing",
            "stalls again"
        ]),
        person(rng).full
    );
    let mut introduced = vec![false; people.len()];
    let mut last: Option<usize> = None;
    while out.split_whitespace().count() < words {
        let k = rng.below(people.len());
        let p = &people[k];
        let name = if introduced[k] {
            p.surname.clone()
        } else {
            format!("{}, {},", p.full, p.role)
        };
        let pronoun = if p.female { "she" } else { "he" };
        let paragraph = match rng.below(9) {
            0 => format!(
                "“{},” {name} {}.",
                capitalised(&clause(rng)),
                rng.pick(&CUES)
            ),
            1 => format!("{name} {} that {}.", rng.pick(&CUES), clause(rng)),
            2 => format!(
                "{} {}, {name} {}.",
                capitalised(&clause(rng)),
                rng.pick(&["today", "this year", "in the end"]),
                rng.pick(&CUES)
            ),
            3 => format!(
                "{name} {} {} “{}.”",
                rng.pick(&CUES),
                rng.pick(&SUBJECTS),
                rng.pick(&PREDICATES)
            ),
            4 => format!(
                "According to {}, {}.",
                if introduced[k] { &p.surname } else { &p.full },
                clause(rng)
            ),
            5 => format!("{name} {} {}.", rng.pick(&THOUGHT_CUES), clause(rng)),
            6 => format!(
                "“{}. {}.\n\n“{},” {pronoun} {}.",
                capitalised(&clause(rng)),
                capitalised(&clause(rng)),
                capitalised(&clause(rng)),
                rng.pick(&CUES)
            ),
            7 if last.is_some() => format!(
                "{} {} that {}.",
                capitalised(pronoun),
                rng.pick(&["also said", "added", "later told reporters"]),
                clause(rng)
            ),
            _ => rng.pick(&NARRATION).to_string(),
        };
        if paragraph.contains(p.surname.as_str()) || paragraph.contains(pronoun) {
            introduced[k] = true;
            last = Some(k);
        }
        out.push_str(&paragraph);
        out.push_str("\n\n");
    }
    out
}

/// Articles of 300 to 1,200 words, about `bytes` bytes in all, each ending in a
/// blank line; the same `seed` gives the same text.
pub fn articles(bytes: usize, seed: u64) -> Vec<String> {
    let mut rng = XorShift(seed | 1);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let words = 300 + rng.below(900);
        let a = article(&mut rng, words);
        total += a.len();
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        assert_eq!(articles(20_000, 7), articles(20_000, 7));
        assert_ne!(articles(20_000, 7), articles(20_000, 8));
    }

    #[test]
    fn articles_are_varied_and_hold_statements() {
        let texts = articles(60_000, 3);
        assert!(texts.len() >= 5, "{}", texts.len());
        let total: usize = texts.iter().map(String::len).sum();
        assert!((60_000..80_000).contains(&total), "{total}");
        let first_lines: std::collections::HashSet<&str> =
            texts.iter().filter_map(|t| t.lines().nth(2)).collect();
        assert!(first_lines.len() * 2 > texts.len(), "bylines repeat");
        let found: usize = texts
            .iter()
            .map(|t| crate::analyze(t).statements.len())
            .sum();
        assert!(found >= texts.len() * 5, "{found} statements");
    }
}
