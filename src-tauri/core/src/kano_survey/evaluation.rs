//! The standard Kano evaluation: one respondent's two answers to a category (the 5×5 table),
//! and per item the category distribution, its mode and the Better/Worse coefficients.
//!
//! Rules:
//! - The table's rows are the functional answer, its columns the dysfunctional one, both in the
//!   scale's order Like, Expect, Neutral, Live with, Dislike. Questionable on the two corners
//!   where both answers agree at an extreme (Like/Like, Dislike/Dislike); Reverse where the
//!   respondent prefers the item absent.
//! - The mode is the most frequent category; a tie goes to the first in the classic order
//!   Must-be > Performance > Attractive > Indifferent > Reverse > Questionable (when in doubt,
//!   take the category whose absence hurts most). No answers, no mode.
//! - Better = (A + O) / (A + O + M + I) and Worse = −(O + M) / (A + O + M + I): Reverse and
//!   Questionable answers are left out of both. When A + O + M + I is 0 both are `None`, never
//!   NaN; Worse is never −0.

use serde::Serialize;

use super::answers::KanoAnswer;
use crate::scoring::KanoCategory;

use KanoCategory::{
    Attractive as A, Indifferent as I, MustBe as M, Performance as O, Questionable as Q,
    Reverse as R,
};

/// Functional answer (row) × dysfunctional answer (column) → category.
const TABLE: [[KanoCategory; 5]; 5] = [
    // dysfunctional: Like, Expect, Neutral, Live with, Dislike
    [Q, A, A, A, O], // functional: Like
    [R, I, I, I, M], // Expect
    [R, I, I, I, M], // Neutral
    [R, I, I, I, M], // Live with
    [R, R, R, R, Q], // Dislike
];

/// The category one respondent's answers give.
pub fn classify(functional: KanoAnswer, dysfunctional: KanoAnswer) -> KanoCategory {
    TABLE[functional.index()][dysfunctional.index()]
}

/// The tie order of the mode, most important first.
pub const MODE_ORDER: [KanoCategory; 6] = [M, O, A, I, R, Q];

/// How many respondents' answers gave each category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoDistribution {
    pub must_be: i32,
    pub performance: i32,
    pub attractive: i32,
    pub indifferent: i32,
    pub reverse: i32,
    pub questionable: i32,
}

impl KanoDistribution {
    /// The distribution of these answer pairs.
    pub fn of(answers: impl IntoIterator<Item = (KanoAnswer, KanoAnswer)>) -> KanoDistribution {
        let mut distribution = KanoDistribution::default();
        for (functional, dysfunctional) in answers {
            *distribution.count_mut(classify(functional, dysfunctional)) += 1;
        }
        distribution
    }

    pub fn count(&self, category: KanoCategory) -> i32 {
        match category {
            M => self.must_be,
            O => self.performance,
            A => self.attractive,
            I => self.indifferent,
            R => self.reverse,
            Q => self.questionable,
        }
    }

    fn count_mut(&mut self, category: KanoCategory) -> &mut i32 {
        match category {
            M => &mut self.must_be,
            O => &mut self.performance,
            A => &mut self.attractive,
            I => &mut self.indifferent,
            R => &mut self.reverse,
            Q => &mut self.questionable,
        }
    }

    pub fn total(&self) -> i32 {
        MODE_ORDER
            .iter()
            .map(|category| self.count(*category))
            .sum()
    }

    /// The most frequent category, ties broken by [`MODE_ORDER`]; `None` without answers.
    pub fn mode(&self) -> Option<KanoCategory> {
        let mut best: Option<(KanoCategory, i32)> = None;
        for category in MODE_ORDER {
            let count = self.count(category);
            if count > 0 && best.is_none_or(|(_, most)| count > most) {
                best = Some((category, count));
            }
        }
        best.map(|(category, _)| category)
    }

    /// A + O + M + I: the answers Better and Worse are shares of.
    fn decided(&self) -> i32 {
        self.attractive + self.performance + self.must_be + self.indifferent
    }

    /// (A + O) / (A + O + M + I), from 0 to 1; `None` when no answer counts.
    pub fn better(&self) -> Option<f64> {
        let decided = self.decided();
        (decided > 0).then(|| f64::from(self.attractive + self.performance) / f64::from(decided))
    }

    /// −(O + M) / (A + O + M + I), from −1 to 0 (0, never −0); `None` when no answer counts.
    pub fn worse(&self) -> Option<f64> {
        let decided = self.decided();
        (decided > 0).then(|| {
            let hurt = self.performance + self.must_be;
            if hurt == 0 {
                0.0
            } else {
                -f64::from(hurt) / f64::from(decided)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KanoAnswer::{Dislike, Expect, Like, LiveWith, Neutral};

    #[test]
    fn all_25_cells_of_the_evaluation_table() {
        let expected = [
            ((Like, Like), Q),
            ((Like, Expect), A),
            ((Like, Neutral), A),
            ((Like, LiveWith), A),
            ((Like, Dislike), O),
            ((Expect, Like), R),
            ((Expect, Expect), I),
            ((Expect, Neutral), I),
            ((Expect, LiveWith), I),
            ((Expect, Dislike), M),
            ((Neutral, Like), R),
            ((Neutral, Expect), I),
            ((Neutral, Neutral), I),
            ((Neutral, LiveWith), I),
            ((Neutral, Dislike), M),
            ((LiveWith, Like), R),
            ((LiveWith, Expect), I),
            ((LiveWith, Neutral), I),
            ((LiveWith, LiveWith), I),
            ((LiveWith, Dislike), M),
            ((Dislike, Like), R),
            ((Dislike, Expect), R),
            ((Dislike, Neutral), R),
            ((Dislike, LiveWith), R),
            ((Dislike, Dislike), Q),
        ];
        assert_eq!(expected.len(), 25);
        for ((functional, dysfunctional), category) in expected {
            assert_eq!(
                classify(functional, dysfunctional),
                category,
                "{functional:?} × {dysfunctional:?}"
            );
        }
    }

    fn distribution(counts: [(KanoCategory, i32); 6]) -> KanoDistribution {
        let mut distribution = KanoDistribution::default();
        for (category, count) in counts {
            *distribution.count_mut(category) = count;
        }
        distribution
    }

    #[test]
    fn worked_example_of_better_and_worse() {
        // 10 respondents: 4 Attractive, 3 Performance, 2 Must-be, 1 Indifferent, 1 Reverse,
        // 1 Questionable (R and Q are left out of both shares).
        let d = distribution([(A, 4), (O, 3), (M, 2), (I, 1), (R, 1), (Q, 1)]);
        assert_eq!(d.total(), 12);
        // Better = (4 + 3) / (4 + 3 + 2 + 1) = 0.7; Worse = −(3 + 2) / 10 = −0.5.
        assert_eq!(d.better(), Some(0.7));
        assert_eq!(d.worse(), Some(-0.5));
        assert_eq!(d.mode(), Some(A));
    }

    #[test]
    fn counts_answer_pairs_through_the_table() {
        let d = KanoDistribution::of([
            (Like, Dislike),    // O
            (Like, Neutral),    // A
            (Neutral, Dislike), // M
            (Expect, Dislike),  // M
            (Dislike, Like),    // R
        ]);
        assert_eq!(
            d,
            distribution([(M, 2), (O, 1), (A, 1), (I, 0), (R, 1), (Q, 0)])
        );
        assert_eq!(d.mode(), Some(M));
        // Better = (1 + 1) / 4 = 0.5; Worse = −(1 + 2) / 4 = −0.75.
        assert_eq!(d.better(), Some(0.5));
        assert_eq!(d.worse(), Some(-0.75));
    }

    #[test]
    fn ties_go_to_must_be_then_performance_then_attractive_then_indifferent() {
        let all = distribution([(A, 2), (O, 2), (M, 2), (I, 2), (R, 2), (Q, 2)]);
        assert_eq!(all.mode(), Some(M));
        let no_m = distribution([(A, 3), (O, 3), (M, 1), (I, 3), (R, 0), (Q, 0)]);
        assert_eq!(no_m.mode(), Some(O));
        let a_and_i = distribution([(A, 2), (O, 0), (M, 0), (I, 2), (R, 0), (Q, 0)]);
        assert_eq!(a_and_i.mode(), Some(A));
        let i_and_r = distribution([(A, 0), (O, 0), (M, 0), (I, 1), (R, 1), (Q, 1)]);
        assert_eq!(i_and_r.mode(), Some(I));
        let r_and_q = distribution([(A, 0), (O, 0), (M, 0), (I, 0), (R, 1), (Q, 1)]);
        assert_eq!(r_and_q.mode(), Some(R));
        // A strict majority wins whatever the order.
        let mostly_q = distribution([(A, 1), (O, 1), (M, 1), (I, 1), (R, 0), (Q, 2)]);
        assert_eq!(mostly_q.mode(), Some(Q));
    }

    #[test]
    fn no_counted_answers_give_no_coefficients_never_nan() {
        let empty = KanoDistribution::default();
        assert_eq!(empty.mode(), None);
        assert_eq!(empty.better(), None);
        assert_eq!(empty.worse(), None);
        // Only Reverse and Questionable: a mode, but nothing for Better/Worse to share.
        let odd = distribution([(A, 0), (O, 0), (M, 0), (I, 0), (R, 2), (Q, 1)]);
        assert_eq!(odd.mode(), Some(R));
        assert_eq!(odd.better(), None);
        assert_eq!(odd.worse(), None);
    }

    #[test]
    fn worse_is_zero_not_negative_zero_and_bounds_hold() {
        let attractive = distribution([(A, 3), (O, 0), (M, 0), (I, 1), (R, 0), (Q, 0)]);
        let worse = attractive.worse().unwrap();
        assert_eq!(worse, 0.0);
        assert!(worse.is_sign_positive());
        assert_eq!(attractive.better(), Some(0.75));
        let must = distribution([(A, 0), (O, 0), (M, 4), (I, 0), (R, 0), (Q, 0)]);
        assert_eq!(must.better(), Some(0.0));
        assert_eq!(must.worse(), Some(-1.0));
        let performance = distribution([(A, 0), (O, 5), (M, 0), (I, 0), (R, 0), (Q, 0)]);
        assert_eq!(performance.better(), Some(1.0));
        assert_eq!(performance.worse(), Some(-1.0));
    }
}
