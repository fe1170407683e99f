//! The engine on sentences written for each phenomenon it must handle: one small
//! named test per phenomenon.

use briefing::{ActorKind, Analysis, StatementKind, analyze};

/// (kind, speaker name or "-", statement text) for every statement.
fn statements(text: &str) -> Vec<(StatementKind, String, String)> {
    let a = analyze(text);
    a.statements
        .iter()
        .map(|s| {
            let who = s
                .speaker
                .map_or("-".to_string(), |id| a.actors[id].name.clone());
            (s.kind, who, text[s.span.range()].to_string())
        })
        .collect()
}

fn st(kind: StatementKind, who: &str, text: &str) -> (StatementKind, String, String) {
    (kind, who.to_string(), text.to_string())
}

use StatementKind::{Direct, Indirect, Mixed};

fn actor<'a>(a: &'a Analysis, name: &str) -> &'a briefing::Actor {
    a.actors.iter().find(|x| x.name == name).unwrap_or_else(|| {
        panic!(
            "no actor {name:?} in {:?}",
            a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
        )
    })
}

// --- direct quotes ---

#[test]
fn direct_quote_with_attribution_after() {
    assert_eq!(
        statements("“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Tuesday."),
        [st(
            Direct,
            "Ana Ruiz",
            "“We will rebuild the bridge by spring,”"
        )]
    );
}

#[test]
fn direct_quote_after_colon_and_comma() {
    assert_eq!(
        statements(
            "Ana Ruiz said: “The bridge is safe.” Later she added, “Traffic resumes Monday.”"
        ),
        [
            st(Direct, "Ana Ruiz", "“The bridge is safe.”"),
            st(Direct, "Ana Ruiz", "“Traffic resumes Monday.”")
        ]
    );
}

#[test]
fn quote_over_several_sentences() {
    assert_eq!(
        statements(
            "“The water rose fast. We had minutes to leave. Nobody was hurt,” said Tom Berg."
        ),
        [st(
            Direct,
            "Tom Berg",
            "“The water rose fast. We had minutes to leave. Nobody was hurt,”"
        )]
    );
}

#[test]
fn quote_over_paragraphs() {
    // Each paragraph of the quotation is a statement of its own (as PolNeAR
    // marks the parts of one), both the speaker's.
    let text = "Tom Berg, the harbour master, described the night.\n“The water rose fast and the pumps failed.\n“By dawn the whole quay was under water,” he said.";
    let found = statements(text);
    let quoted: Vec<_> = found
        .iter()
        .filter(|(_, _, t)| t.starts_with('“'))
        .collect();
    assert_eq!(
        quoted,
        [
            &st(
                Direct,
                "Tom Berg",
                "“The water rose fast and the pumps failed."
            ),
            &st(
                Direct,
                "Tom Berg",
                "“By dawn the whole quay was under water,”"
            )
        ],
        "{found:?}"
    );
}

#[test]
fn inverted_speaker_with_apposition_gives_a_role() {
    let text = "“Prices will keep rising,” said Lena Holm, an economist at the central bank.";
    let a = analyze(text);
    assert_eq!(
        statements(text),
        [st(Direct, "Lena Holm", "“Prices will keep rising,”")]
    );
    assert_eq!(
        actor(&a, "Lena Holm").roles,
        ["economist at the central bank"]
    );
}

// --- mixed and indirect ---

#[test]
fn partial_quote_inside_reported_clause_is_mixed() {
    assert_eq!(
        statements("Ana Ruiz said the repairs were “well ahead of schedule” and under budget."),
        [st(
            Mixed,
            "Ana Ruiz",
            "the repairs were “well ahead of schedule” and under budget"
        )]
    );
}

#[test]
fn reported_speech_with_that() {
    assert_eq!(
        statements("Tom Berg said that the harbour would reopen next week."),
        [st(
            Indirect,
            "Tom Berg",
            "the harbour would reopen next week"
        )]
    );
}

#[test]
fn reported_speech_without_that() {
    assert_eq!(
        statements("Tom Berg said the harbour would reopen next week."),
        [st(
            Indirect,
            "Tom Berg",
            "the harbour would reopen next week"
        )]
    );
}

#[test]
fn content_before_a_trailing_cue() {
    assert_eq!(
        statements("The harbour will reopen next week, Tom Berg added."),
        [st(
            Indirect,
            "Tom Berg",
            "The harbour will reopen next week"
        )]
    );
}

#[test]
fn according_to_either_side() {
    assert_eq!(
        statements(
            "According to Tom Berg, the harbour will reopen. The quay needs work, according to Ana Ruiz."
        ),
        [
            st(Indirect, "Tom Berg", "the harbour will reopen"),
            st(Indirect, "Ana Ruiz", "The quay needs work")
        ]
    );
}

#[test]
fn according_to_between_commas_takes_the_rest_of_the_clause() {
    let found =
        statements("Talks stalled. The new quay, according to Ana Ruiz, needs months of work.");
    assert!(
        found.iter().all(|(_, who, _)| who == "Ana Ruiz"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(_, _, text)| text == "needs months of work"),
        "{found:?}"
    );
}

#[test]
fn coordinated_cues_make_two_statements() {
    assert_eq!(
        statements("Ana Ruiz added that the budget was sound, but warned that costs could rise."),
        [
            st(Indirect, "Ana Ruiz", "the budget was sound"),
            st(Indirect, "Ana Ruiz", "costs could rise")
        ]
    );
}

#[test]
fn gerund_cue_takes_the_sentence_subject() {
    // "defended the plan" may be an attribution of its own, as PolNeAR has it.
    let found = statements("Ana Ruiz defended the plan, saying it would pay for itself.");
    assert!(
        found.contains(&st(Indirect, "Ana Ruiz", "it would pay for itself")),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(_, who, _)| who == "Ana Ruiz"),
        "{found:?}"
    );
}

#[test]
fn passive_report_has_no_speaker() {
    assert_eq!(
        statements("It was reported that the harbour had flooded."),
        [st(Indirect, "-", "the harbour had flooded")]
    );
}

#[test]
fn hearer_of_a_passive_is_not_the_speaker() {
    for text in [
        "Tom Berg was told that the harbour had flooded.",
        "Ana Ruiz was told by a clerk that the ferry had sailed.",
    ] {
        let found = statements(text);
        assert!(
            found
                .iter()
                .all(|(_, who, _)| who != "Tom Berg" && who != "Ana Ruiz"),
            "{text}: {found:?}"
        );
    }
}

// --- marks that are not quotes ---

#[test]
fn apostrophes_are_not_quotes() {
    let text = "The United States’ rejection of the ’90s plan, a rock ’n’ roll gamble, was final, Tom Berg said.";
    assert_eq!(
        statements(text),
        [st(
            Indirect,
            "Tom Berg",
            "The United States’ rejection of the ’90s plan, a rock ’n’ roll gamble, was final"
        )]
    );
}

#[test]
fn odd_number_of_quote_marks_keeps_the_article() {
    let text = "“The quay is closed, Tom Berg said.\nAna Ruiz said the repairs would take a month.\n“We are ready,” she added.";
    let found = statements(text);
    assert!(
        found.contains(&st(Indirect, "Ana Ruiz", "the repairs would take a month")),
        "{found:?}"
    );
    assert!(
        found.contains(&st(Direct, "Ana Ruiz", "“We are ready,”")),
        "{found:?}"
    );
}

#[test]
fn scare_quotes_are_part_of_the_statement_not_their_own() {
    let text = "Ana Ruiz said the city stood by its “open door” policy. The so-called “fig leaf” clause was dropped.";
    assert_eq!(
        statements(text),
        [st(
            Mixed,
            "Ana Ruiz",
            "the city stood by its “open door” policy"
        )]
    );
}

#[test]
fn pronouns_inside_a_quote_are_not_the_speaker() {
    let text =
        "Tom Berg met Ana Ruiz on Monday.\n“I told him we would help, and they agreed,” she said.";
    assert_eq!(
        statements(text),
        [st(
            Direct,
            "Ana Ruiz",
            "“I told him we would help, and they agreed,”"
        )]
    );
}

// --- who said it ---

#[test]
fn titles_are_kept_apart_from_names() {
    let text = "Russian Foreign Minister Sergey Lavrov said talks had stalled. Kremlin spokesman Dimitry Peskov said the offer stood.";
    let a = analyze(text);
    assert_eq!(
        actor(&a, "Sergey Lavrov").roles,
        ["Russian Foreign Minister"]
    );
    assert_eq!(actor(&a, "Dimitry Peskov").roles, ["Kremlin spokesman"]);
    assert_eq!(actor(&a, "Dimitry Peskov").kind, ActorKind::Person);
}

#[test]
fn senator_with_party_affiliation() {
    let text = "Sen. Maria Olsen (D-Ore.) said the bill would fail.";
    assert_eq!(
        statements(text),
        [st(Indirect, "Maria Olsen", "the bill would fail")]
    );
    assert_eq!(actor(&analyze(text), "Maria Olsen").roles, ["Sen."]);
}

#[test]
fn apposition_between_subject_and_verb() {
    let text = "Karl Dietz, a historian at the state university, said the archive was unique.";
    let a = analyze(text);
    assert_eq!(
        statements(text),
        [st(Indirect, "Karl Dietz", "the archive was unique")]
    );
    assert_eq!(
        actor(&a, "Karl Dietz").roles,
        ["historian at the state university"]
    );
}

#[test]
fn surname_resolves_to_the_full_name() {
    let text = "Foreign Minister Sergey Lavrov arrived on Monday. The talks failed, Lavrov said.";
    let a = analyze(text);
    assert_eq!(
        statements(text),
        [st(Indirect, "Sergey Lavrov", "The talks failed")]
    );
    assert_eq!(actor(&a, "Sergey Lavrov").mentions.len(), 2);
}

#[test]
fn role_resolves_to_the_person_who_holds_it() {
    let text = "Russian President Vladimir Putin met the envoy. The Russian president warned that sanctions would fail.";
    let a = analyze(text);
    assert_eq!(
        statements(text),
        [st(Indirect, "Vladimir Putin", "sanctions would fail")]
    );
    assert!(
        actor(&a, "Vladimir Putin")
            .aliases
            .iter()
            .any(|x| x == "Russian president")
    );
}

#[test]
fn pronoun_follows_gender() {
    let text =
        "Maria Olsen met John Carter in Oslo. She said the deal was close. He said it was not.";
    assert_eq!(
        statements(text),
        [
            st(Indirect, "Maria Olsen", "the deal was close"),
            st(Indirect, "John Carter", "it was not")
        ]
    );
}

#[test]
fn he_never_resolves_to_an_organisation() {
    let text = "The Kremlin rejected the offer. “It is a provocation,” he said.";
    let a = analyze(text);
    let s = a
        .statements
        .iter()
        .find(|s| s.kind == Direct)
        .expect("the quotation is a statement");
    assert!(
        s.speaker
            .is_none_or(|id| a.actors[id].kind == ActorKind::Person),
        "{:?}",
        a.actors
    );
}

#[test]
fn second_quote_continues_the_first() {
    let text = "“We lost everything,” Ana Ruiz said. “But we will rebuild.”\n“The town will come back,” she said.";
    assert_eq!(
        statements(text),
        [
            st(Direct, "Ana Ruiz", "“We lost everything,”"),
            st(Direct, "Ana Ruiz", "“But we will rebuild.”"),
            st(Direct, "Ana Ruiz", "“The town will come back,”")
        ]
    );
}

#[test]
fn paragraph_of_only_a_quote_continues_the_speaker() {
    let text = "Tom Berg told reporters:\n“The harbour will not reopen this year.”";
    assert_eq!(
        statements(text),
        [st(
            Direct,
            "Tom Berg",
            "“The harbour will not reopen this year.”"
        )]
    );
}

#[test]
fn organisations_speak() {
    let text = "The Kremlin said the talks were over. The State Department said in a statement that it disagreed. A spokesperson for Google said the outage was fixed.";
    let a = analyze(text);
    assert_eq!(
        statements(text),
        [
            st(Indirect, "Kremlin", "the talks were over"),
            st(Indirect, "State Department", "it disagreed"),
            st(Indirect, "Google", "the outage was fixed")
        ]
    );
    for name in ["Kremlin", "State Department", "Google"] {
        assert_eq!(actor(&a, name).kind, ActorKind::Organization, "{name}");
    }
}

#[test]
fn unnamed_sources_are_speakers() {
    let text = "The plant will close in May, two officials said.";
    assert_eq!(
        statements(text),
        [st(Indirect, "officials", "The plant will close in May")]
    );
}

#[test]
fn actors_only_mentioned_have_no_statements() {
    let text = "Ana Ruiz said the deal with Norway and the European Union was signed.";
    let a = analyze(text);
    assert_eq!(actor(&a, "Ana Ruiz").statements, 1);
    assert_eq!(actor(&a, "Norway").statements, 0);
    assert_eq!(actor(&a, "European Union").kind, ActorKind::Organization);
    assert_eq!(actor(&a, "Norway").kind, ActorKind::Place);
}

#[test]
fn one_actor_per_person_with_aliases() {
    let text = "Kremlin spokesman Dmitry Peskov spoke first. Peskov said the offer stood. “It is final,” the Kremlin spokesman said.";
    let a = analyze(text);
    let peskov: Vec<_> = a
        .actors
        .iter()
        .filter(|x| x.name.contains("Peskov"))
        .collect();
    assert_eq!(peskov.len(), 1, "{:?}", a.actors);
    assert_eq!(peskov[0].statements, 2);
}

#[test]
fn transcript_speaker_labels() {
    let text = "HOST: Welcome back to the program tonight.\nRUIZ: Thank you for having me here.";
    assert_eq!(
        statements(text),
        [
            st(Direct, "HOST", "Welcome back to the program tonight"),
            st(Direct, "RUIZ", "Thank you for having me here")
        ]
    );
}

#[test]
fn quote_signed_with_a_dash() {
    let text = "“The best summer of my life.” ― Ana Ruiz";
    assert_eq!(
        statements(text),
        [st(Direct, "Ana Ruiz", "“The best summer of my life.”")]
    );
}

#[test]
fn credit_lines_are_not_speakers() {
    let text = "The quay will reopen, Ana Ruiz said.\nWith Post wires";
    let a = analyze(text);
    assert!(a.actors.iter().all(|x| x.name != "Post"), "{:?}", a.actors);
}

#[test]
fn same_input_same_output() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample/nato-open-door.txt"
    ))
    .unwrap();
    assert_eq!(analyze(&text), analyze(&text));
}

#[test]
fn description_then_name_between_commas() {
    let text = "The club’s head coach, Marta Vidal, said the season was over.";
    let a = analyze(text);
    assert_eq!(
        statements(text),
        [st(Indirect, "Marta Vidal", "the season was over")]
    );
    assert_eq!(actor(&a, "Marta Vidal").roles, ["club’s head coach"]);
}

#[test]
fn age_and_home_town_between_commas() {
    let text = "Karl Dietz, 59, of Ashton, said the river had never been so high.";
    assert_eq!(
        statements(text),
        [st(
            Indirect,
            "Karl Dietz",
            "the river had never been so high"
        )]
    );
}

#[test]
fn phrase_between_subject_and_verb() {
    let text = "Ana Ruiz, at a briefing later that day, said, “The water is safe.”";
    assert_eq!(
        statements(text),
        [st(Direct, "Ana Ruiz", "“The water is safe.”")]
    );
}

#[test]
fn gerund_after_a_name() {
    let text = "The video shows Ana Ruiz asking, “Where were the pumps?”";
    assert_eq!(
        statements(text),
        [st(Direct, "Ana Ruiz", "“Where were the pumps?”")]
    );
}

#[test]
fn short_quote_continues_only_a_speaker() {
    let text = "“We will stay,” Ana Ruiz said. “All of us.”\n“Never again.”";
    assert_eq!(
        statements(text),
        [
            st(Direct, "Ana Ruiz", "“We will stay,”"),
            st(Direct, "Ana Ruiz", "“All of us.”"),
            st(Direct, "Ana Ruiz", "“Never again.”")
        ]
    );
    assert!(statements("The sign read “Closed.” Nobody came.").is_empty());
}

#[test]
fn semicolon_ends_reported_content() {
    let text = "Ana Ruiz said the repairs would cost $2 million; the council has not voted.";
    assert_eq!(
        statements(text),
        [st(
            Indirect,
            "Ana Ruiz",
            "the repairs would cost $2 million"
        )]
    );
}

#[test]
fn a_promise_without_a_hearer() {
    assert_eq!(
        statements("Ana Ruiz promised a second hearing on the budget next month."),
        [st(
            Indirect,
            "Ana Ruiz",
            "a second hearing on the budget next month"
        )]
    );
    assert_eq!(
        statements("Ana Ruiz promised voters that taxes would fall."),
        [st(Indirect, "Ana Ruiz", "taxes would fall")]
    );
}

#[test]
fn datelines_and_opening_phrases_are_not_content() {
    assert_eq!(
        statements(
            "OSLO, Norway (Reuters) — The fjord ferry will stop running in May, officials said."
        ),
        [st(
            Indirect,
            "officials",
            "The fjord ferry will stop running in May"
        )]
    );
    assert_eq!(
        statements("Speaking at a rally in Bergen, Norway, the mayor said taxes would fall."),
        [st(Indirect, "mayor", "taxes would fall")]
    );
    assert!(statements("Speaking at a rally in Bergen, Ana Ruiz said.").is_empty());
    assert_eq!(
        statements("(AP)The ferry will stop running in May, officials said."),
        [st(
            Indirect,
            "officials",
            "The ferry will stop running in May"
        )]
    );
}

#[test]
fn quoted_titles_are_not_statements() {
    let text = "Her new book is called “All Bets Are Off.” It sold well.\n“The Long Summer Nights”\nIt opens in May.";
    assert!(statements(text).is_empty(), "{:?}", statements(text));
}

#[test]
fn a_noun_inside_a_name_is_not_a_verb() {
    assert!(statements("Battleground state Florida is nearly tied in the polls.").is_empty());
    assert_eq!(
        statements("Police say the driver fled the scene."),
        // An organisation's word alone, capitalised only by the sentence's
        // start: a description.
        [st(Indirect, "police", "the driver fled the scene")]
    );
    assert_eq!(
        statements("Many Democrats say Mrs. Ruiz should run.")[0].2,
        "Mrs. Ruiz should run"
    );
    assert_eq!(
        statements("Ana Ruiz and Tom Berg say Oslo will gain.")[0].2,
        "Oslo will gain"
    );
}

#[test]
fn objects_end_before_appositions() {
    // Circumstances ("... as protesters gathered outside") are left to the
    // model: PolNeAR, which it learns from, keeps most of them in the content.
    assert_eq!(
        statements("Tom Berg said he did not back the harbour plan, the third in a decade."),
        [st(Indirect, "Tom Berg", "he did not back the harbour plan")]
    );
}

#[test]
fn dialogue_in_fiction() {
    let text = "“I cannot come tonight,” said Margaret, folding the letter. “My father is ill.”\n\n\"Nonsense!\" cried Mr. Hale. \"The boy may do as he likes.\"\n\n‘You will not,’ she said at last.";
    let a = analyze(text);
    assert_eq!(a.title, None, "dialogue is not a title");
    assert_eq!(
        statements(text),
        [
            st(Direct, "Margaret", "“I cannot come tonight,”"),
            st(Direct, "Margaret", "“My father is ill.”"),
            st(Direct, "Mr. Hale", "\"Nonsense!\""),
            st(Direct, "Mr. Hale", "\"The boy may do as he likes.\""),
            st(Direct, "Margaret", "‘You will not,’"),
        ]
    );
    assert!(
        actor(&a, "Mr. Hale").roles.is_empty(),
        "“Mr.” is a form of address, not a role"
    );
}

#[test]
fn a_definite_description_takes_up_an_earlier_one() {
    let text = "According to the harbour authority, 60 boats were damaged. The authority said most owners were insured.";
    let a = analyze(text);
    let speakers: Vec<&str> = a
        .statements
        .iter()
        .map(|s| a.actors[s.speaker.unwrap()].name.as_str())
        .collect();
    assert_eq!(speakers, ["harbour authority", "harbour authority"]);
}

#[test]
fn possessive_determiners_leave_roles() {
    let text = "Her deputy, Jonas Lie, said the city would seek money from the government.";
    assert_eq!(actor(&analyze(text), "Jonas Lie").roles, ["deputy"]);
}

#[test]
fn offices_under_other_names() {
    let text = "Ukrainian President Volodymyr Zelenskyy spoke first. The Ukrainian leader said the talks were over.";
    assert_eq!(
        statements(text),
        [st(Indirect, "Volodymyr Zelenskyy", "the talks were over")]
    );
    let text = "U.N. Secretary-General António Guterres urged calm.";
    assert_eq!(
        actor(&analyze(text), "António Guterres").roles,
        ["U.N. Secretary-General"]
    );
}

#[test]
fn places_by_their_last_word_and_the_article_s_spelling() {
    let a = analyze(
        "KYIV, Ukraine (AP) — Ships left the Black Sea ports, officials said. Kyiv said talks would go on.",
    );
    assert_eq!(actor(&a, "Black Sea").kind, ActorKind::Place);
    assert_eq!(actor(&a, "Kyiv").kind, ActorKind::Place);
    assert_eq!(
        statements("KYIV, Ukraine (AP) — Ships left port, officials said.")[0].2,
        "Ships left port"
    );
}

#[test]
fn forms_of_address_keep_people_apart() {
    let text = "“You are late,” said Mrs. Bennet.\n“So I see,” said Mr. Bennet.";
    assert_eq!(
        statements(text),
        [
            st(Direct, "Mrs. Bennet", "“You are late,”"),
            st(Direct, "Mr. Bennet", "“So I see,”")
        ]
    );
}

#[test]
fn an_action_beat_names_the_speaker_of_the_next_quote() {
    let text = "“The road was flooded,” said Elizabeth.\nMrs. Bennet laid down her needle. “And did you see him?”";
    assert_eq!(
        statements(text)[1],
        st(Direct, "Mrs. Bennet", "“And did you see him?”")
    );
    // A name inside a quotation is not a beat.
    let text =
        "“The road was flooded,” said Elizabeth.\n“Mr. Darcy turned back, and then he left.”";
    assert_eq!(statements(text)[1].1, "Elizabeth");
}

#[test]
fn a_first_name_opening_a_sentence_is_an_action_beat() {
    let text =
        "“The road was flooded,” said Mr. Hale.\n\nEleanor laughed at him. “Then we shall walk.”";
    assert_eq!(
        statements(text)[1],
        st(Direct, "Eleanor", "“Then we shall walk.”")
    );
    // A first name that is also a word, with no verb after it, stays a word.
    let text =
        "“The road was flooded,” said Mr. Hale.\n\nMay rains are heavy here. “We shall walk.”";
    assert_eq!(statements(text)[1].1, "Mr. Hale");
}

#[test]
fn unattributed_lines_of_dialogue_alternate() {
    let text = "“Is the coach late?” asked Eleanor.\n\n\
                “An hour at least,” said Mr. Hale.\n\n\
                “Then we shall walk.”\n\n\
                “In this rain? You will do no such thing.”\n\n\
                “I have done worse.”";
    assert_eq!(
        statements(text),
        [
            st(Direct, "Eleanor", "“Is the coach late?”"),
            st(Direct, "Mr. Hale", "“An hour at least,”"),
            st(Direct, "Eleanor", "“Then we shall walk.”"),
            st(
                Direct,
                "Mr. Hale",
                "“In this rain? You will do no such thing.”"
            ),
            st(Direct, "Eleanor", "“I have done worse.”"),
        ]
    );
}

#[test]
fn news_quotes_continue_their_speaker_across_paragraphs() {
    // The same shape in news: the speaker of the previous paragraph goes on,
    // since the paragraphs before did not each open with a quotation.
    let text = "Mayor Ana Ruiz defended the budget on Monday.\n\n\
                Tom Berg, who leads the opposition, said the plan would fail: “It is a fantasy.”\n\n\
                “Nobody in this town believes those numbers.”";
    assert_eq!(statements(text).last().unwrap().1, "Tom Berg");
}

#[test]
fn manner_between_cue_and_quote_is_not_content() {
    assert_eq!(
        statements("‘Children,’ she said mildly, ‘you will wake your father.’"),
        [
            st(Direct, "-", "‘Children,’"),
            st(Direct, "-", "‘you will wake your father.’"),
        ]
    );
    assert_eq!(
        statements("“Father sleeps like a stone,” cried Eleanor; “nothing wakes him.”")[1],
        st(Direct, "Eleanor", "“nothing wakes him.”")
    );
}

#[test]
fn a_quoted_yes_is_speech() {
    assert_eq!(
        statements("“Yes,” said Tom Berg, “we agree.”"),
        [
            st(Direct, "Tom Berg", "“Yes,”"),
            st(Direct, "Tom Berg", "“we agree.”")
        ]
    );
}

#[test]
fn transcript_stage_directions_are_not_statements() {
    let text = "\"RUIZ: The ferry will run all winter.\n\n\"(CROSSTALK.)\n\n\"BERG: It will not run in January.\n\n[Inaudible.]";
    let found = statements(text);
    assert_eq!(
        found
            .iter()
            .map(|(_, who, _)| who.as_str())
            .collect::<Vec<_>>(),
        ["RUIZ", "BERG"],
        "{found:?}"
    );
}

#[test]
fn saying_nothing_reports_nothing() {
    assert!(statements("Tom Berg said nothing, but he took his hat and left.").is_empty());
    // The question may be an attribution ("Asked about X"), the bare "no" is not.
    let found = statements("Asked about the ferry, Ana Ruiz said no.");
    assert!(found.iter().all(|(_, _, t)| t != "no"), "{found:?}");
    assert_eq!(
        statements("Ana Ruiz said nothing had changed.")[0].2,
        "nothing had changed"
    );
}

#[test]
fn manner_after_an_inverted_speaker() {
    assert_eq!(
        statements("“Let me see him,” said the doctor gently."),
        [st(Direct, "doctor", "“Let me see him,”")]
    );
}

#[test]
fn a_name_inside_the_quotation_is_not_its_speaker() {
    let text = "Mrs. Weller met them at the door.\n\n“Oh, Doctor Hale,” she cried, “you have come at last!”";
    let found = statements(text);
    assert!(
        found.iter().all(|(_, who, _)| who == "Mrs. Weller"),
        "{found:?}"
    );
}

#[test]
fn hearer_and_time_after_an_inverted_speaker() {
    let found =
        statements("“My dear Tom,” said Eleanor to him one evening, “have you heard the news?”");
    assert_eq!(
        found,
        [
            st(Direct, "Eleanor", "“My dear Tom,”"),
            st(Direct, "Eleanor", "“have you heard the news?”"),
        ]
    );
}

#[test]
fn narrative_cues_of_dialogue() {
    let text = "Eleanor Vane sat by the fire.\n\n\
                “It is late,” returned she; “the road is long.”\n\n\
                “And dark,” she went on, “and wet.”";
    let found = statements(text);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        found.iter().all(|(_, who, _)| who == "Eleanor Vane"),
        "{found:?}"
    );
}

#[test]
fn a_conversation_alternates_across_narration() {
    // Many short lines of dialogue make a conversation: an unattributed line
    // answers the one before, even with narration between the turns.
    let text = "“Is the coach late?” asked Eleanor.\n\n\
                Mr. Hale looked at his watch and frowned.\n\n\
                “An hour at least,” said Mr. Hale.\n\n\
                Nobody spoke for a while.\n\n\
                “Then we shall walk.”\n\n\
                “In this rain?”\n\n\
                “Why not?”\n\n\
                “Because you have no boots.”";
    let who: Vec<String> = statements(text).into_iter().map(|(_, w, _)| w).collect();
    assert_eq!(
        who,
        [
            "Eleanor", "Mr. Hale", "Eleanor", "Mr. Hale", "Eleanor", "Mr. Hale"
        ]
    );
}

#[test]
fn a_capitalised_title_used_as_a_name_is_one_person() {
    let text = "The Doctor reached the inn at midnight.\n\n“Is the boy better?” asked the Doctor.";
    let a = analyze(text);
    let doctors: Vec<_> = a.actors.iter().filter(|x| x.name == "Doctor").collect();
    assert_eq!(doctors.len(), 1, "{:?}", a.actors);
    assert_eq!(doctors[0].kind, ActorKind::Person);
}

#[test]
fn an_action_beat_after_the_line_names_its_speaker() {
    let text =
        "“Is the coach late?” asked Eleanor.\n\n“Then I shall walk.” Mr. Hale rose from his chair.";
    assert_eq!(
        statements(text)[1],
        st(Direct, "Mr. Hale", "“Then I shall walk.”")
    );
    // Not when someone else speaks in between.
    let text = "“Is the coach late?” asked Eleanor.\n\n“Then I shall walk.” “You will not,” said Mr. Hale.";
    assert_eq!(statements(text)[1].1, "Eleanor");
}

#[test]
fn a_pronoun_beat_names_the_speaker_not_a_name_in_a_quotation() {
    let text = "“Is the coach late?” asked Eleanor.\n\n\
                “An hour,” said Mr. Hale. “Tom Berg is never on time.”\n\n\
                He turned a page. “Shall we walk?”";
    assert_eq!(
        statements(text)[3],
        st(Direct, "Mr. Hale", "“Shall we walk?”")
    );
}

#[test]
fn verb_chains_hand_the_cue_to_the_infinitive() {
    assert_eq!(
        statements("Tom Berg went on to say the ferry was too slow."),
        [st(Indirect, "Tom Berg", "the ferry was too slow")]
    );
    assert_eq!(
        statements("Ana Ruiz took to Twitter to say the ferry was too slow."),
        [st(Indirect, "Ana Ruiz", "the ferry was too slow")]
    );
    // "declined to say ..." is an attribution in PolNeAR's sense: what it
    // reports comes with the refusal as its cue, never as a plain "say".
    let text = "Ana Ruiz declined to say the name of the ship.";
    let a = analyze(text);
    for s in &a.statements {
        let cue = s.cue.map(|c| &text[c.range()]).unwrap_or_default();
        assert!(
            cue.contains("declined"),
            "{:?} with cue {cue:?}",
            &text[s.span.range()]
        );
    }
}

#[test]
fn the_hearer_before_a_clause_without_that() {
    assert_eq!(
        statements("Tom Berg told reporters the ferry was too slow.")[0].2,
        "the ferry was too slow"
    );
}

#[test]
fn sentence_openers_inside_a_quotation_are_not_names() {
    let text = "“Is he married or single?” asked Eleanor.\n\n\
                “Oh, single! What a fine thing for the girls. Never mind the rest.”";
    let a = analyze(text);
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(
        !names.contains(&"What") && !names.contains(&"Never"),
        "{names:?}"
    );
}

#[test]
fn shares_of_a_group_speak() {
    assert_eq!(
        statements("Nearly half said the ferry was too slow."),
        // A description: its capital only opens the sentence.
        [st(Indirect, "nearly half", "the ferry was too slow")]
    );
}

#[test]
fn both_parts_around_a_parenthetical_cue() {
    assert_eq!(
        statements("The plan, Ana Ruiz said, will fail."),
        [
            st(Indirect, "Ana Ruiz", "The plan"),
            st(Indirect, "Ana Ruiz", "will fail")
        ]
    );
    for opener in ["Last week", "Several weeks ago", "Even then"] {
        assert_eq!(
            statements(&format!("{opener}, Ana Ruiz said, the plan would fail.")),
            [st(Indirect, "Ana Ruiz", "the plan would fail")],
            "{opener}"
        );
    }
}

// --- who can be a speaker ---

#[test]
fn a_verb_opening_a_sentence_is_no_name() {
    let a = analyze("Asked why she left, Ana Ruiz said the ferry was late.");
    assert!(a.actors.iter().all(|x| x.name != "Asked"), "{:?}", a.actors);
    assert!(
        statements("Asked why she left, Ana Ruiz said the ferry was late.").contains(&st(
            Indirect,
            "Ana Ruiz",
            "the ferry was late"
        ))
    );
}

#[test]
fn organisation_names_keep_their_and() {
    let text = "The Center for Disease Control and Prevention said the virus had spread.";
    let a = analyze(text);
    let org = actor(&a, "Center for Disease Control and Prevention");
    assert_eq!(org.kind, ActorKind::Organization);
    assert!(a.actors.iter().all(|x| x.name != "Prevention"));
    assert_eq!(
        statements(text),
        [st(
            Indirect,
            "Center for Disease Control and Prevention",
            "the virus had spread"
        )]
    );
}

#[test]
fn things_that_cannot_speak_are_no_speakers() {
    let a = analyze(
        "An assault that threatened the calm of the port alarmed the mayor. \
         A storm that battered the coast left the quay in ruins.",
    );
    for thing in ["assault", "storm"] {
        assert!(a.actors.iter().all(|x| x.name != thing), "{:?}", a.actors);
    }
}

#[test]
fn no_one_is_no_speaker() {
    for text in [
        "Although no group claimed responsibility, the harbour stayed shut.",
        "Nobody said the ferry would sail.",
    ] {
        let found = statements(text);
        assert!(
            found
                .iter()
                .all(|(_, who, _)| who != "group" && who != "Nobody"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_relative_clause_after_a_name_is_not_the_name() {
    let text = "“We open in May,” said Ana Ruiz who is the harbour manager.";
    let a = analyze(text);
    assert!(
        a.actors.iter().all(|x| !x.name.contains("who")),
        "{:?}",
        a.actors
    );
    assert_eq!(
        statements(text),
        [st(Direct, "Ana Ruiz", "“We open in May,”")]
    );
}

#[test]
fn a_cut_just_before_the_last_token_does_not_panic() {
    let text = "the harbour authority said on Monday that the port would– the harbour authority said on Monday that the port would– ";
    let a = analyze(text);
    assert!(a.statements.iter().all(|s| s.span.end <= text.len()));
}

// --- the long tail of cues, learned ---

#[test]
fn long_tail_cues_and_their_modes() {
    use briefing::Mode;
    let cases = [
        (
            "A new survey shows that most residents oppose the toll.",
            "most residents oppose the toll",
            Mode::Thought,
        ),
        (
            "Tom Berg believes the harbour will close by spring.",
            "the harbour will close by spring",
            Mode::Thought,
        ),
        (
            "Ana Ruiz slammed the toll, calling it a tax on the poor.",
            "it a tax on the poor",
            Mode::Speech,
        ),
        (
            "Ana Ruiz touted the plan as the best deal in a decade.",
            "the plan as the best deal in a decade",
            Mode::Speech,
        ),
    ];
    for (text, content, mode) in cases {
        let a = analyze(text);
        let s = a
            .statements
            .iter()
            .find(|s| &text[s.span.range()] == content)
            .unwrap_or_else(|| panic!("{text}: no {content:?} in {:?}", a.statements));
        assert_eq!(s.mode, mode, "{text}");
        assert!(s.speaker.is_some(), "{text}");
    }
}

#[test]
fn a_phrase_with_no_verb_after_a_preposition_is_no_statement() {
    // What comes after "from", "against", "on" here names a thing or a
    // person, not anything said.
    let found = statements(
        "Ana Ruiz released a letter from her doctor on Friday. Later she turned \
         against the moderators. Her rival spoke on a Sunday talk show.",
    );
    assert!(found.is_empty(), "{found:?}");
    // The same shapes with a clause are statements.
    let found = statements("Ana Ruiz said on Friday that the letter came from her doctor.");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn an_abbreviated_title_is_the_role_it_stands_for() {
    // "Gov." before a name, "the governor" later: one person.
    let text = "Democratic Gov. Ellen Marsh arrived in the capital on Monday. \
                The governor said the schools would get more money.";
    assert_eq!(
        statements(text),
        [st(
            Indirect,
            "Ellen Marsh",
            "the schools would get more money"
        )]
    );
    let text = "Sen. Omar Vance left early. Later the senator said he would vote no.";
    let found = statements(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Omar Vance");
}

#[test]
fn an_organisation_s_common_noun_takes_up_the_one_just_named() {
    // "the agency" right after the only organisation near it is that one.
    let text = "The Harbour Safety Board counted 40 damaged boats, but the agency \
                said most owners were insured.";
    assert_eq!(
        statements(text),
        [st(
            Indirect,
            "Harbour Safety Board",
            "most owners were insured"
        )]
    );
    // With two organisations near, it stays a description of its own.
    let text = "The Harbour Safety Board and the Coast Guard counted 40 damaged boats. \
                The agency said most owners were insured.";
    let found = statements(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "agency");
}

#[test]
fn a_statehouse_is_a_place_and_a_legislature_an_organisation() {
    let a = analyze(
        "Hundreds of nurses marched to the Ohio Statehouse on Monday. \
         The Legislature said it would vote on the bill next week.",
    );
    assert_eq!(actor(&a, "Ohio Statehouse").kind, ActorKind::Place);
    assert_eq!(actor(&a, "Legislature").kind, ActorKind::Organization);
}

#[test]
fn where_a_speaker_is_from_is_not_the_speaker() {
    // A name after "of", "from", "at" or "in" says where the speaker works
    // or lives; the speaker is the name before it, and "who" means them too.
    for text in [
        "The ferry will run again, said Tom Berg of Brookfield, who added that the pier was safe.",
        "The ferry will run again, said Tom Berg, a pilot from Brookfield, who added that the pier was safe.",
    ] {
        let found = statements(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|s| s.1 == "Tom Berg"), "{found:?}");
    }
    let text = "“We need the telescope,” says Maura Lind, a geologist at Harbour \
                University in Brookfield, who wants to use it to study pulsars.";
    let found = statements(text);
    assert!(!found.is_empty());
    assert!(found.iter().all(|s| s.1 == "Maura Lind"), "{found:?}");
    assert_eq!(
        statements("Sen. Ida Holm of Vermont said the bank had lied."),
        [st(Indirect, "Ida Holm", "the bank had lied")]
    );
}

#[test]
fn a_possessive_description_is_its_owner_s() {
    let a = analyze(
        "Ana Ruiz left the harbour early. Her spokesman said she was ill. \
         Her spokesman later said she would return. The Harbour Board met on \
         Monday. Its lawyers said the vote was valid.",
    );
    let speakers: Vec<&str> = a
        .statements
        .iter()
        .map(|s| a.actors[s.speaker.unwrap()].name.as_str())
        .collect();
    assert_eq!(
        speakers,
        [
            "Ana Ruiz’s spokesman",
            "Ana Ruiz’s spokesman",
            "Harbour Board’s lawyers"
        ]
    );
}

#[test]
fn a_description_after_was_is_the_subject() {
    // "Berg was the only pilot who ...": the pilot is Berg, and so is "he".
    let text = "Tom Berg met the crew on Monday. Berg was the only pilot who said \
                the runway was wet. He said the tower agreed.";
    let found = statements(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|s| s.1 == "Tom Berg"), "{found:?}");
}

#[test]
fn a_party_or_nationality_keeps_its_capital_at_a_sentence_start() {
    for (text, who) in [
        ("Republicans said the vote was fair.", "Republicans"),
        ("Democrats said the vote was fair.", "Democrats"),
        ("Officials said the vote was fair.", "officials"),
        (
            "Federal investigators said the vote was fair.",
            "federal investigators",
        ),
    ] {
        let found = statements(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, who, "{text}");
    }
}
