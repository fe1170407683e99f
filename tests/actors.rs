//! One actor per real entity: names, kinds, roles and joins (issue 14). Every
//! sentence here is written for these tests.

use briefing::briefing::Briefing;
use briefing::output::JsonBriefing;
use briefing::{Actor, ActorKind, Analysis, Document, analyze};

fn actor<'a>(a: &'a Analysis, name: &str) -> &'a Actor {
    a.actors
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no actor {name:?} in {:#?}", names(a)))
}

fn names(a: &Analysis) -> Vec<(&str, ActorKind)> {
    a.actors.iter().map(|x| (x.name.as_str(), x.kind)).collect()
}

fn speakers(a: &Analysis) -> Vec<Option<&str>> {
    a.statements
        .iter()
        .map(|s| s.speaker.map(|k| a.actors[k].name.as_str()))
        .collect()
}

fn briefing(texts: &[&str]) -> Briefing {
    Briefing::new(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("a{i}.txt"), *t))
            .collect(),
    )
}

/// Briefing actors as (name, articles they appear in).
fn joined(b: &Briefing) -> Vec<(&str, Vec<usize>)> {
    b.actors
        .iter()
        .map(|a| {
            let mut docs: Vec<usize> = a.appearances.iter().map(|x| x.document).collect();
            docs.dedup();
            (a.name.as_str(), docs)
        })
        .collect()
}

// Within an article: name variants join.

#[test]
fn a_nickname_is_the_full_first_name() {
    let a = analyze(
        "Timothy Varga, a former aide, testified on Tuesday. Tim told the panel that he had kept no notes.",
    );
    assert_eq!(speakers(&a), [Some("Timothy Varga")]);
    assert!(!a.actors.iter().any(|x| x.name == "Tim"), "{:?}", names(&a));
}

#[test]
fn a_surname_that_is_also_a_first_name_joins_the_full_name() {
    // "Grant" reads as a man's first name, until the article names Alice Grant.
    let a = analyze(
        "Grant says she will run again.\n\nAlice Grant declared in an interview on Thursday that the race was open.\n\nGrant said the plan was bad.\n",
    );
    assert_eq!(speakers(&a), [Some("Alice Grant"); 3]);
}

#[test]
fn a_suffix_is_another_person() {
    let a = analyze(
        "Donald Trump Jr. said the meeting was short. Donald Trump said he knew nothing about it.",
    );
    assert_eq!(
        speakers(&a),
        [Some("Donald Trump Jr."), Some("Donald Trump")]
    );
}

#[test]
fn a_surname_with_a_title_goes_to_who_held_it_or_stays_apart() {
    let a = analyze(
        "Investigators looked at Owen Brandt and his father, Joe Brandt. Owen Brandt said he had done \
         nothing wrong. Vice President Brandt said he was never told.",
    );
    assert!(actor(&a, "Owen Brandt").roles.is_empty(), "{:#?}", a.actors);
    let a = analyze(
        "Vice President Joe Brandt visited the plant. His son, Owen Brandt, stayed home. \
         Vice President Brandt said the plant would stay open.",
    );
    assert_eq!(speakers(&a), [Some("Joe Brandt")]);
}

#[test]
fn the_canonical_name_is_the_full_form_written_most() {
    let a = analyze(
        "Rolf B. Kessler said the plan was sound. Rolf Kessler added that costs would fall. \
         Rolf Kessler also said the board agreed.",
    );
    assert_eq!(speakers(&a), [Some("Rolf Kessler"); 3]);
    assert!(
        actor(&a, "Rolf Kessler")
            .aliases
            .contains(&"Rolf B. Kessler".to_string())
    );
}

// Name spans.

#[test]
fn a_headline_word_is_not_part_of_a_name() {
    let a = analyze(
        "Unpredictable Morrow faces questions\n\nAmbassador Gene Morrow will testify on Wednesday, \
         his lawyer said. Morrow said he would answer every question.",
    );
    assert!(
        !a.actors.iter().any(|x| x.name.contains("Unpredictable")),
        "{:?}",
        names(&a)
    );
    assert_eq!(actor(&a, "Gene Morrow").mentions.len(), 3);
}

#[test]
fn a_sentence_opening_word_is_not_part_of_a_name_or_a_role() {
    let a = analyze(
        "Enter Senator Alma Reyes, who spent a decade on the committee. Reyes said the plan was sound.",
    );
    assert_eq!(actor(&a, "Alma Reyes").roles, ["Senator"]);
    let a = analyze("Even Lindsey Ward said the bill went too far.");
    assert_eq!(speakers(&a), [Some("Lindsey Ward")]);
    // A role's own first word stays.
    let a = analyze("Former Governor Lena Holt said the bill went too far.");
    assert_eq!(actor(&a, "Lena Holt").roles, ["Former Governor"]);
}

#[test]
fn a_place_glued_to_a_name_is_a_place() {
    let a = analyze(
        "The former special envoy to Ukraine Kurt Lindqvist told lawmakers that he was never briefed.",
    );
    assert_eq!(speakers(&a), [Some("Kurt Lindqvist")]);
    assert_eq!(actor(&a, "Ukraine").kind, ActorKind::Place);
}

#[test]
fn an_office_with_its_place_is_the_role() {
    let a = analyze(
        "Acting U.S. Attorney for the District of Massachusetts Daniel Pryor said the case remains open.",
    );
    assert_eq!(speakers(&a), [Some("Daniel Pryor")]);
    assert_eq!(
        actor(&a, "Daniel Pryor").roles,
        ["Acting U.S. Attorney for the District of Massachusetts"]
    );
}

#[test]
fn organisations_keep_their_and_and_two_names_stay_two() {
    let a = analyze(
        "The Centers for Disease Control and Prevention said cases rose sharply this week.",
    );
    assert_eq!(
        speakers(&a),
        [Some("Centers for Disease Control and Prevention")]
    );
    let a = analyze(
        "The talks involved the Ministry of Defence and the Coast Guard, the minister said.",
    );
    assert_eq!(
        actor(&a, "Ministry of Defence").kind,
        ActorKind::Organization
    );
    assert_eq!(actor(&a, "Coast Guard").kind, ActorKind::Organization);
}

#[test]
fn a_transcript_label_in_capitals_is_one_name() {
    let a = analyze(
        "Transcript\n\nTOM BERG: Thanks For Having Me Here Today.\n\nANA RUIZ: Glad You Could Come Along.\n",
    );
    assert_eq!(speakers(&a), [Some("TOM BERG"), Some("ANA RUIZ")]);
    assert!(!a.actors.iter().any(|x| x.name == "TOM" || x.name == "BERG"));
}

#[test]
fn a_common_word_in_capitals_after_a_title_is_a_surname() {
    let a = analyze("MR. GREEN said the vote would pass. It was NOT certain, aides said.");
    assert!(
        a.actors.iter().any(|x| x.name.ends_with("GREEN")),
        "{:?}",
        names(&a)
    );
    assert!(!a.actors.iter().any(|x| x.name == "NOT"), "{:?}", names(&a));
}

// Capitals that only say where a sentence or a headline starts (issue 14).

/// Actors whose name starts with `word`.
fn starting_with<'a>(a: &'a Analysis, word: &str) -> Vec<&'a str> {
    a.actors
        .iter()
        .map(|x| x.name.as_str())
        .filter(|n| n.split_whitespace().next() == Some(word))
        .collect()
}

#[test]
fn a_capital_after_a_clock_time_opens_a_sentence() {
    // "a.m." ends the line: "More" is capitalised as a sentence's first word,
    // not inside one.
    let a = analyze(
        "Senators met until 9:15 a.m. on Friday, and Tom Berg said the deal was close.\n\n\
         Voting ended at 11:40 a.m.\n\nMore GOP senators now back the plan, said Berg.",
    );
    assert!(starting_with(&a, "More").is_empty(), "{:?}", names(&a));
    assert_eq!(actor(&a, "GOP").kind, ActorKind::Organization);
}

#[test]
fn a_price_ends_its_sentence() {
    let a = analyze(
        "Day workers at the plant earn 90 pesos a shift, or $5.20. Permanent staff earn \
         twice that, the plant manager said.",
    );
    assert!(starting_with(&a, "Permanent").is_empty(), "{:?}", names(&a));
}

#[test]
fn an_ellipsis_inside_a_quotation_opens_a_sentence() {
    let a = analyze(
        "“We keep our promises ... Sometimes the work takes longer than we hoped,” Mayor Ana \
         Ruiz said.",
    );
    assert!(starting_with(&a, "Sometimes").is_empty(), "{:?}", names(&a));
    assert_eq!(speakers(&a), [Some("Ana Ruiz")]);
}

#[test]
fn a_headline_in_capitals_before_the_text_names_no_one() {
    let a = analyze(
        "Harbor bids reopen after a missed deadline in the spring\n\n\
         THREE BIDS MISS THE DEADLINE FOR THE HARBOR CONTRACT Ana Ruiz and Tom Berg said the \
         city would reopen the bidding in May.\n\n\
         FIGURING OUT THE NEW FERRY TIMETABLE Prepare yourself for longer waits, the transit \
         agency said.",
    );
    let mut found: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    found.sort_unstable();
    assert_eq!(found, ["Ana Ruiz", "Tom Berg", "transit agency"]);
}

#[test]
fn a_line_of_capitalised_common_words_is_a_headline() {
    let a = analyze(
        "Ana Ruiz said on Monday that she would run again for the council seat.\n\n\
         Declared Mayoral Candidates.\n\nThe Faces of the Harvest Movement.\n\n\
         Tom Berg said he would not run.",
    );
    assert_eq!(
        names(&a),
        [
            ("Ana Ruiz", ActorKind::Person),
            ("Tom Berg", ActorKind::Person)
        ]
    );
}

#[test]
fn an_opening_word_before_a_known_name_or_one_written_inside_is_not_part_of_it() {
    let a = analyze(
        "Tom Berg spoke for an hour at the state party dinner on Thursday night.\n\n\
         Addressing New York State Republicans at the dinner, Berg said the party must unite.",
    );
    assert!(
        starting_with(&a, "Addressing").is_empty(),
        "{:?}",
        names(&a)
    );
    let a = analyze(
        "Crowds filled the town square on Cinco de Mayo this year, and the mayor joined them.\n\n\
         “Happy Cinco de Mayo!” Mayor Ana Ruiz wrote on Friday.",
    );
    assert!(starting_with(&a, "Happy").is_empty(), "{:?}", names(&a));
    assert_eq!(actor(&a, "Cinco de Mayo").mentions.len(), 2);
}

#[test]
fn a_verb_after_a_headline_colon_is_not_part_of_the_name() {
    let a = analyze(
        "Mayor Ana Ruiz: Trust Varga on the budget\n\n\
         Commissioner Tom Varga said on Monday that the budget was balanced and that the city \
         had no debt.",
    );
    assert!(starting_with(&a, "Trust").is_empty(), "{:?}", names(&a));
    assert_eq!(actor(&a, "Tom Varga").mentions.len(), 2);
    // "AG" is a title: the Attorney General named in the text.
    let a = analyze(
        "Candidate Ana Ruiz: Impeach AG Berg\n\n\
         Attorney General Tom Berg said on Monday that he would not resign, whatever the \
         candidate said.",
    );
    assert!(starting_with(&a, "Impeach").is_empty(), "{:?}", names(&a));
    assert_eq!(actor(&a, "Tom Berg").mentions.len(), 2);
}

#[test]
fn a_title_before_a_common_word_in_a_headline_names_no_one() {
    let a = analyze(
        "Delegate Update: The latest count in the race.\n\n\
         It takes 500 delegates to win the nomination, party officials said on Friday.",
    );
    assert!(
        !a.actors.iter().any(|x| x.name == "Update"),
        "{:?}",
        names(&a)
    );
}

#[test]
fn an_address_after_a_label_is_no_statement() {
    let a =
        analyze("Tom Berg said the gym would open in May.\n\nEMAIL: desk@riverton.example.com.");
    assert_eq!(speakers(&a), [Some("Tom Berg")]);
    assert_eq!(names(&a), [("Tom Berg", ActorKind::Person)]);
}

#[test]
fn names_that_start_with_a_common_word_stay_names() {
    let a = analyze(
        "Will Smith said the film was finished.\n\nHope Hicks declined to comment.\n\n\
         Grant Woods told reporters the case was closed.\n\nRand Paul said the bill would fail.\n\n\
         The Washington Post reported the deal on Monday.",
    );
    assert_eq!(
        speakers(&a),
        [
            Some("Will Smith"),
            Some("Hope Hicks"),
            Some("Grant Woods"),
            Some("Rand Paul"),
            Some("Washington Post")
        ]
    );
    // "Will" names William Smith here, and asks a question there.
    let a = analyze(
        "Ana Ruiz said the film was finished.\n\nWill Congress act before the recess? Nobody \
         knows, Ruiz said.\n\nThe actor Will Smith said he would attend.",
    );
    assert_eq!(
        actor(&a, "Will Smith").gender,
        Some(briefing::lexicon::Gender::Male)
    );
    assert!(starting_with(&a, "Will").len() == 1, "{:?}", names(&a));
}

// Kinds.

#[test]
fn places_are_places() {
    let a = analyze(
        "Prices rose in Port Wexley and in Glenmora Heights, the report said. Rents in Glenmora Heights doubled.",
    );
    assert_eq!(actor(&a, "Port Wexley").kind, ActorKind::Place);
    assert_eq!(actor(&a, "Glenmora Heights").kind, ActorKind::Place);
    let a = analyze("Ana Ruiz said the deal with Norway was signed.");
    assert_eq!(actor(&a, "Norway").kind, ActorKind::Place);
}

#[test]
fn an_institution_named_after_a_person_is_not_the_person() {
    let a = analyze("The senator flew to Walter Reed hospital on Saturday, his office said.");
    assert_eq!(actor(&a, "Walter Reed").kind, ActorKind::Organization);
}

#[test]
fn descriptions_are_groups_and_unnamed_sources_stay_apart() {
    let a = analyze(
        "One person said the line was too long. Another person said the staff had been rude.",
    );
    let people: Vec<&Actor> = a.actors.iter().filter(|x| x.name == "person").collect();
    assert_eq!(people.len(), 2, "{:#?}", a.actors);
    assert!(
        people
            .iter()
            .all(|p| p.kind == ActorKind::Group && p.statements == 1)
    );
    let a = analyze(
        "A senior official said the talks had stalled. A senior official said the deadline would hold.",
    );
    assert_eq!(a.actors.iter().filter(|x| x.statements == 1).count(), 2);
    // The official, taken up again, is the one just named.
    let a =
        analyze("A senior official said the talks had stalled. The official said nothing more.");
    assert_eq!(a.actors.len(), 1, "{:#?}", a.actors);
}

#[test]
fn a_description_resolves_to_the_organisation_it_means() {
    let a = analyze(
        "The Food Standards Agency warned on Monday that the recall would widen. The agency said stores had been told to clear their shelves.",
    );
    assert_eq!(speakers(&a), [Some("Food Standards Agency"); 2]);
}

#[test]
fn a_capital_that_only_opens_a_sentence_names_no_one() {
    let a = analyze("Officials said the bridge would reopen in May.");
    assert_eq!(speakers(&a), [Some("officials")]);
    assert_eq!(a.actors[0].kind, ActorKind::Group);
    assert_eq!(a.actors[0].key(), None);
}

// Across a briefing.

#[test]
fn a_surname_alone_joins_the_person_named_in_full() {
    let b = briefing(&[
        "Senator Mara Quill said the bill would pass on Friday.",
        "Critics blamed Quill for the long delay in the vote.",
    ]);
    assert!(
        joined(&b).contains(&("Mara Quill", vec![0, 1])),
        "{:?}",
        joined(&b)
    );
}

#[test]
fn nicknames_join_across_articles() {
    let b = briefing(&[
        "Tim Varga said the memo was accurate.",
        "Timothy Varga said he had not read the memo.",
    ]);
    let varga: Vec<_> = joined(&b)
        .into_iter()
        .filter(|(n, _)| n.contains("Varga"))
        .collect();
    assert_eq!(varga.len(), 1, "{varga:?}");
    assert_eq!(varga[0].1, [0, 1]);
}

#[test]
fn suffixes_and_surnames_keep_people_apart() {
    let b = briefing(&[
        "Joseph R. Kell Jr. said the plan would work.",
        "Gen. Joseph F. Dunmore Jr. said the plan would fail.",
    ]);
    assert_eq!(b.actors.len(), 2, "{:?}", joined(&b));
}

#[test]
fn a_form_of_address_keeps_the_gender() {
    let b = briefing(&[
        "Nora Vance said the school would open.",
        "Peter Vance said the school would close. Peter Vance added that staff were told.",
        "Mrs. Vance said the board had voted.",
    ]);
    let j = joined(&b);
    assert!(j.contains(&("Nora Vance", vec![0, 2])), "{j:?}");
    assert!(j.contains(&("Peter Vance", vec![1])), "{j:?}");
}

#[test]
fn descriptions_never_join_across_articles() {
    let b = briefing(&[
        "Officials said the bridge would reopen in May.",
        "Officials said the school would close for a week.",
        "Democrats said the bill was flawed.",
        "Democrats said the vote was rushed.",
    ]);
    assert!(
        b.actors.iter().all(|a| a.appearances.len() == 1),
        "{:?}",
        joined(&b)
    );
    assert!(b.actors.iter().all(|a| a.key.is_none()));
}

#[test]
fn a_function_word_in_capitals_is_no_actor_and_joins_nothing() {
    // "The" opens names inside sentences ("told The Riverton Post"); in
    // capitals, in a subhead, it names nothing.
    let b = briefing(&[
        "Ana Ruiz told The Riverton Post on Monday that the harbor plan would pass within the \
         month.\n\nINSIDE THE DEAL.\n\nThe council met on Monday, and Ruiz said the vote was close.",
        "Tom Berg told The Lakeside Herald on Tuesday that he would vote against the harbor \
         plan.\n\nBEHIND THE VOTE.\n\nThe board met on Tuesday, and Berg said he had doubts.",
    ]);
    let j = joined(&b);
    assert!(
        !j.iter().any(|(name, _)| name.eq_ignore_ascii_case("the")),
        "{j:?}"
    );
    assert!(j.iter().all(|(_, docs)| docs.len() == 1), "{j:?}");
}

#[test]
fn short_forms_of_organisations_stay_in_their_article() {
    let b = briefing(&[
        "The Riverton Post reported that the mayor resigned. The Post said he had been ill.",
        "The Post said the mayor had left town.",
        "The Lakeside Post said the mayor would stay. The Post added that he was well.",
    ]);
    let j = joined(&b);
    assert!(j.contains(&("Riverton Post", vec![0])), "{j:?}");
    assert!(j.contains(&("Lakeside Post", vec![2])), "{j:?}");
}

#[test]
fn the_briefing_names_an_actor_by_its_most_frequent_full_form() {
    let b = briefing(&[
        "Rolf B. Kessler said the plan was sound.",
        "Rolf Kessler said costs would fall.",
        "Rolf Kessler said the board agreed.",
    ]);
    assert_eq!(joined(&b), [("Rolf Kessler", vec![0, 1, 2])]);
}

#[test]
fn grouping_by_key_reproduces_the_join() {
    let b = briefing(&[
        "Senator Mara Quill said the bill would pass. The Food Standards Agency said it agreed.",
        "Mara Quill said the vote was close. A spokesman for the Food Standards Agency said so too.",
        "Officials said the bridge would reopen.",
    ]);
    for (d, doc) in b.documents.iter().enumerate() {
        for (i, a) in doc.analysis.actors.iter().enumerate() {
            let g = b.global(d, i);
            assert_eq!(a.key(), b.actors[g].key, "{}", a.name);
        }
    }
    let quill = b.actors.iter().find(|a| a.name == "Mara Quill").unwrap();
    assert_eq!(quill.key.as_deref(), Some("person:mara quill"));
}

#[test]
fn json_lists_each_article_once_with_its_key() {
    // Two actors of one article that the engine could not tell apart, joined
    // by the briefing: the article is listed once.
    let person = |mentions: Vec<briefing::Span>, statements| {
        let mut actor = Actor::named("Ana Ruiz", ActorKind::Person);
        actor.mentions = mentions;
        actor.statements = statements;
        actor.forms = vec![("Ana Ruiz".into(), 1)];
        actor
    };
    let text = "Ana Ruiz said yes. Ana Ruiz said no.";
    let mut doc = Document::new("a.txt", text);
    doc.analysis.actors = vec![
        person(vec![briefing::Span::new(0, 8)], 1),
        person(vec![briefing::Span::new(19, 27)], 1),
    ];
    let b = Briefing::new(vec![doc]);
    let json = serde_json::to_value(JsonBriefing::new(&b)).unwrap();
    let actor = &json["actors"][0];
    assert_eq!(actor["key"], "person:ana ruiz");
    assert_eq!(actor["articles"].as_array().unwrap().len(), 1, "{actor}");
    assert_eq!(actor["articles"][0]["statements"], 2);
    assert_eq!(
        actor["articles"][0]["mentions"].as_array().unwrap().len(),
        2
    );
}
