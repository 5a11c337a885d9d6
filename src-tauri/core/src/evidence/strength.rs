//! Evidence strength: how much the notes behind an item weigh (see the module rules in
//! [`super`]). Pure: no SQL.
//!
//! Default weights, 0–10 per note type (a product can change each, `evidence_weight`):
//! analytics finding 3 and usability test 3 (observed behaviour), interview 2 (what one person
//! says, in depth), support ticket, sales call, survey and competitor note 1 (reported in
//! passing, or second-hand). Levels: below 4 points Low, 4–7 Medium, 8 and more High, so two
//! interviews are Medium evidence and an analytics finding, a usability test and an interview
//! together are High.

use serde::{Deserialize, Serialize};

use crate::research::NoteType;

/// The points are capped here: past it more notes change nothing.
pub const MAX_POINTS: u32 = 10;
/// The fewest points of Medium evidence.
pub const MEDIUM_FROM: u32 = 4;
/// The fewest points of High evidence.
pub const HIGH_FROM: u32 = 8;
/// The highest weight a note type can have.
pub const MAX_WEIGHT: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum EvidenceStrength {
    /// Nothing counts (no evidence, or only orphaned highlights).
    None,
    Low,
    Medium,
    High,
}

impl EvidenceStrength {
    pub fn of_points(points: u32, counted_notes: usize) -> EvidenceStrength {
        match (counted_notes, points) {
            (0, _) => EvidenceStrength::None,
            (_, points) if points >= HIGH_FROM => EvidenceStrength::High,
            (_, points) if points >= MEDIUM_FROM => EvidenceStrength::Medium,
            _ => EvidenceStrength::Low,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EvidenceStrength::None => "No evidence",
            EvidenceStrength::Low => "Low",
            EvidenceStrength::Medium => "Medium",
            EvidenceStrength::High => "High",
        }
    }

    /// The RICE confidence (percent) this strength suggests.
    pub fn confidence(self) -> Option<i32> {
        match self {
            EvidenceStrength::None => None,
            EvidenceStrength::Low => Some(50),
            EvidenceStrength::Medium => Some(80),
            EvidenceStrength::High => Some(100),
        }
    }
}

/// A note type's weight when the product has not set one.
pub fn default_weight(note_type: NoteType) -> u32 {
    match note_type {
        NoteType::Analytics | NoteType::UsabilityTest => 3,
        NoteType::Interview => 2,
        NoteType::SupportTicket | NoteType::SalesCall | NoteType::Survey | NoteType::Competitor => {
            1
        }
    }
}

/// The note type as a noun in a sentence, singular or plural.
pub fn note_type_noun(note_type: NoteType, count: usize) -> &'static str {
    let one = count == 1;
    match note_type {
        NoteType::Interview if one => "interview",
        NoteType::Interview => "interviews",
        NoteType::UsabilityTest if one => "usability test",
        NoteType::UsabilityTest => "usability tests",
        NoteType::Survey if one => "survey",
        NoteType::Survey => "surveys",
        NoteType::SupportTicket if one => "support ticket",
        NoteType::SupportTicket => "support tickets",
        NoteType::SalesCall if one => "sales call",
        NoteType::SalesCall => "sales calls",
        NoteType::Analytics if one => "analytics finding",
        NoteType::Analytics => "analytics findings",
        NoteType::Competitor if one => "competitor note",
        NoteType::Competitor => "competitor notes",
    }
}

/// The strength of the distinct counted notes `note_types` (one entry per note) under
/// `weight_of`: the level, the capped points and where they come from ("5 of 10 points from 1
/// interview (×2) and 1 analytics finding (×3)").
pub fn strength_of(
    note_types: &[NoteType],
    weight_of: impl Fn(NoteType) -> u32,
) -> (EvidenceStrength, u32, String) {
    let total: u32 = note_types.iter().map(|kind| weight_of(*kind)).sum();
    let points = total.min(MAX_POINTS);
    let strength = EvidenceStrength::of_points(points, note_types.len());
    if note_types.is_empty() {
        return (strength, 0, String::from("no note backs this item yet"));
    }
    let mut parts: Vec<String> = Vec::new();
    for kind in NoteType::ALL {
        let count = note_types.iter().filter(|known| **known == kind).count();
        if count > 0 {
            let weight = weight_of(kind);
            parts.push(format!(
                "{count} {} (×{weight})",
                note_type_noun(kind, count)
            ));
        }
    }
    let capped = if total > MAX_POINTS {
        format!(" ({total}, capped)")
    } else {
        String::new()
    };
    let explained = format!(
        "{points} of {MAX_POINTS} points{capped} from {}",
        join_words(&parts)
    );
    (strength, points, explained)
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observed_behaviour_weighs_more_than_interviews_which_weigh_more_than_tickets() {
        assert!(default_weight(NoteType::Analytics) > default_weight(NoteType::Interview));
        assert!(default_weight(NoteType::UsabilityTest) > default_weight(NoteType::Interview));
        for lighter in [
            NoteType::SupportTicket,
            NoteType::SalesCall,
            NoteType::Survey,
            NoteType::Competitor,
        ] {
            assert!(default_weight(NoteType::Interview) > default_weight(lighter));
        }
    }

    #[test]
    fn points_map_to_levels_and_are_explained() {
        let (strength, points, explained) = strength_of(&[NoteType::Interview], default_weight);
        assert_eq!((strength, points), (EvidenceStrength::Low, 2));
        assert_eq!(explained, "2 of 10 points from 1 interview (×2)");

        let two = [NoteType::Interview, NoteType::Interview];
        assert_eq!(
            strength_of(&two, default_weight).0,
            EvidenceStrength::Medium
        );

        let (strength, points, explained) = strength_of(
            &[
                NoteType::Analytics,
                NoteType::UsabilityTest,
                NoteType::Interview,
            ],
            default_weight,
        );
        assert_eq!((strength, points), (EvidenceStrength::High, 8));
        assert_eq!(
            explained,
            "8 of 10 points from 1 interview (×2), 1 usability test (×3) and 1 analytics \
             finding (×3)"
        );
    }

    #[test]
    fn points_are_capped() {
        let many = [NoteType::Analytics; 5];
        let (strength, points, explained) = strength_of(&many, default_weight);
        assert_eq!((strength, points), (EvidenceStrength::High, MAX_POINTS));
        assert!(explained.contains("(15, capped)"), "{explained}");
    }

    #[test]
    fn no_note_is_no_evidence_even_at_weight_zero() {
        assert_eq!(strength_of(&[], default_weight).0, EvidenceStrength::None);
        // A note weighted 0 is still evidence, just weak.
        assert_eq!(
            strength_of(&[NoteType::Survey], |_| 0).0,
            EvidenceStrength::Low
        );
    }

    #[test]
    fn confidence_follows_the_rice_scale() {
        assert_eq!(EvidenceStrength::High.confidence(), Some(100));
        assert_eq!(EvidenceStrength::Medium.confidence(), Some(80));
        assert_eq!(EvidenceStrength::Low.confidence(), Some(50));
        assert_eq!(EvidenceStrength::None.confidence(), None);
    }
}
