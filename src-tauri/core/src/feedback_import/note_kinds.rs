//! The note types an import understands, by the names files give them.

use crate::research::NoteType;

/// The type `text` names (any case, `_` or `-` for spaces), or `None` when it names none.
pub fn parse_note_type(text: &str) -> Option<NoteType> {
    let name = text
        .trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(match name.as_str() {
        "interview" | "user interview" | "customer interview" => NoteType::Interview,
        "usability test" | "usability" | "user test" | "usability testing" => {
            NoteType::UsabilityTest
        }
        "survey" | "survey response" | "questionnaire" | "nps" => NoteType::Survey,
        "support ticket" | "ticket" | "support" => NoteType::SupportTicket,
        "sales call" | "sales" | "sales note" => NoteType::SalesCall,
        "analytics" | "analytics finding" | "data" => NoteType::Analytics,
        "competitor" | "competitor note" | "competition" => NoteType::Competitor,
        _ => return None,
    })
}

/// The type in words, for sentences ("a support ticket").
pub fn note_type_words(kind: NoteType) -> &'static str {
    match kind {
        NoteType::Interview => "an interview",
        NoteType::UsabilityTest => "a usability test",
        NoteType::Survey => "a survey",
        NoteType::SupportTicket => "a support ticket",
        NoteType::SalesCall => "a sales call",
        NoteType::Analytics => "an analytics finding",
        NoteType::Competitor => "a competitor note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_reads_by_its_stored_name_and_the_usual_ones() {
        for kind in NoteType::ALL {
            assert_eq!(parse_note_type(kind.as_str()), Some(kind));
        }
        assert_eq!(
            parse_note_type(" Support-Ticket "),
            Some(NoteType::SupportTicket)
        );
        assert_eq!(
            parse_note_type("Usability Test"),
            Some(NoteType::UsabilityTest)
        );
        assert_eq!(parse_note_type("chat"), None);
    }
}
