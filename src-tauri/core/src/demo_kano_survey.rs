//! The demo product's Kano questionnaire: twelve freelancers answered about seven features.
//! It is written as the CSV file a survey tool would export and stored through the same import
//! a user runs (outside the undo history, like the rest of the demo), so the Kano survey view
//! opens populated and the scatter has points in every quadrant.

use rusqlite::Connection;

use crate::error::CoreResult;
use crate::kano_survey::import::import_answers;
use crate::mutation::Changes;

/// The file the demo's answers are said to come from.
pub const DEMO_SURVEY_SOURCE: &str = "lumen-kano-survey-march.csv";

const RESPONDENTS: [&str; 12] = [
    "Ana", "Ben", "Chloé", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kemi", "Luca",
];

/// Each feature with the category each respondent's answers give, in respondent order
/// (A attractive, O performance, M must-be, I indifferent, R reverse, Q questionable).
const PROFILES: [(&str, &str); 7] = [
    ("Automatic tax pot", "OOMOAOMOIOAO"),
    ("“Safe to spend” figure on the home screen", "AAOAIAAOAAIA"),
    ("Two-factor sign-in", "MMIMMOMMIMRM"),
    ("Receipt capture with the phone camera", "OAOOMOAOIOOM"),
    ("Dark mode", "AIAAIARIAIAQ"),
    ("Smooth income into a monthly “salary”", "AIARAIAAIRAA"),
    ("Mileage tracking", "IMIIOIIMIIQI"),
];

/// Answers that give `category`, varied by respondent so the file reads like real answers.
fn answers_for(category: char, respondent: usize) -> (&'static str, &'static str) {
    let pick = |options: &[(&'static str, &'static str)]| options[respondent % options.len()];
    match category {
        'A' => pick(&[
            ("I like it", "I am neutral"),
            ("I like it", "I can live with it"),
            ("Like", "Neutral"),
        ]),
        'O' => pick(&[("I like it", "I dislike it"), ("Like", "Dislike")]),
        'M' => pick(&[
            ("I expect it", "I dislike it"),
            ("I am neutral", "I dislike it"),
            ("I can live with it", "Dislike"),
        ]),
        'R' => pick(&[("I dislike it", "I like it"), ("Dislike", "Neutral")]),
        'Q' => pick(&[("I like it", "I like it")]),
        _ => pick(&[
            ("I am neutral", "I am neutral"),
            ("I can live with it", "I am neutral"),
            ("I am neutral", "I can live with it"),
            ("I expect it", "I can live with it"),
        ]),
    }
}

/// The demo questionnaire as a survey tool's CSV export.
pub fn demo_survey_csv() -> String {
    let mut csv = String::from("Respondent,Item,Functional,Dysfunctional\n");
    for (respondent_index, respondent) in RESPONDENTS.iter().enumerate() {
        for (item, profile) in PROFILES {
            let category = profile.chars().nth(respondent_index).unwrap_or('I');
            let (functional, dysfunctional) = answers_for(category, respondent_index);
            let quoted_item = format!("\"{}\"", item.replace('"', "\"\""));
            csv.push_str(&format!(
                "{respondent},{quoted_item},{functional},{dysfunctional}\n"
            ));
        }
    }
    csv
}

/// Imports the demo questionnaire into the demo product (outside the undo history).
pub fn seed_demo_survey(connection: &Connection, product_id: &str) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    import_answers(
        &mut changes,
        product_id,
        DEMO_SURVEY_SOURCE,
        demo_survey_csv().as_bytes(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::kano_survey::results::kano_results;
    use crate::scoring::KanoCategory;
    use crate::Store;

    #[test]
    fn the_demo_has_one_imported_questionnaire_with_points_in_every_quadrant() {
        let store = Store::open_in_memory().unwrap();
        let product = store
            .write_untracked(crate::demo::seed_demo_product)
            .unwrap();
        let results = store.read(|c| kano_results(c, &product)).unwrap();
        assert_eq!(results.surveys.len(), 1);
        assert_eq!(results.surveys[0].source, super::DEMO_SURVEY_SOURCE);
        assert_eq!(results.surveys[0].respondents, 12);
        assert_eq!(results.surveys[0].answers, 84);
        assert_eq!(results.items.len(), 7);
        let mode_of = |title: &str| {
            results
                .items
                .iter()
                .find(|row| row.title == title)
                .and_then(|row| row.mode)
        };
        assert_eq!(mode_of("Two-factor sign-in"), Some(KanoCategory::MustBe));
        assert_eq!(mode_of("Dark mode"), Some(KanoCategory::Attractive));
        assert_eq!(mode_of("Mileage tracking"), Some(KanoCategory::Indifferent));
        assert_eq!(
            mode_of("Receipt capture with the phone camera"),
            Some(KanoCategory::Performance)
        );
        assert_eq!(
            mode_of("“Safe to spend” figure on the home screen"),
            Some(KanoCategory::Attractive)
        );
        // Every quadrant of the Better/Worse scatter has a point.
        let quadrant = |better: f64, worse: f64| (better >= 0.5, worse.abs() >= 0.5);
        let mut quadrants: Vec<(bool, bool)> = results
            .items
            .iter()
            .map(|row| quadrant(row.better.unwrap(), row.worse.unwrap()))
            .collect();
        quadrants.sort();
        quadrants.dedup();
        assert_eq!(quadrants.len(), 4, "{:?}", results.items);
    }
}
