//! The demo product's user research: a dozen notes (interviews, a usability test, support
//! tickets, a survey, an analytics finding, a sales call and a competitor note) about the demo's
//! top items, with the participants they are about and tags. Written outside the undo history,
//! like the rest of the demo.

use chrono::{Days, Local};
use rusqlite::Connection;

use crate::error::CoreResult;
use crate::mutation::Changes;
use crate::queries::note_links::LinkKind;
use crate::queries::participants::create_participant;
use crate::queries::research_notes::{create_note, set_note_links, tag_note};
use crate::research::{NewNote, NewParticipant, NoteType};

/// (name, persona, segment, company size).
const PARTICIPANTS: &[(&str, &str, &str, &str)] = &[
    ("Dana", "Busy freelancer", "Creative freelancers", "Solo"),
    (
        "Marco",
        "Contractor with a limited company",
        "IT contractors",
        "Solo",
    ),
    (
        "Priya",
        "Growing consultancy",
        "Management consultants",
        "2–5",
    ),
    ("Sophie", "Busy freelancer", "Creative freelancers", "Solo"),
    ("Tom", "Side-hustler", "Creative freelancers", "Solo"),
    ("Jonas", "Accountant", "Accountants (Germany)", "6–20"),
    ("Aylin", "Accountant", "Accountants (UK)", "2–5"),
];

struct DemoNote {
    days_ago: u64,
    note_type: NoteType,
    title: &'static str,
    source: &'static str,
    participants: &'static [&'static str],
    tags: &'static [&'static str],
    body: &'static str,
}

/// Oldest first.
const NOTES: &[DemoNote] = &[
    DemoNote {
        days_ago: 58,
        note_type: NoteType::Survey,
        title: "Survey: money worries of irregular earners (n = 212)",
        source: "Typeform, January newsletter",
        participants: &[],
        tags: &["irregular income", "safe to spend"],
        body: "## Headline\n\n**64 %** say a slow month is their biggest money worry; **41 %** have \
               missed a tax payment date at least once.\n\n## Open answers (selection)\n\n\
               > I never know if a good month is really a good month or just next quarter's tax.\n\n\
               > A fixed monthly \"salary\" from my own income would calm me down.\n\n\
               - 58 % keep a spreadsheet next to their banking app\n\
               - 23 % use a separate savings account for tax, topped up by hand",
    },
    DemoNote {
        days_ago: 52,
        note_type: NoteType::Interview,
        title: "Interview with Dana — tax season dread",
        source: "Video call, 45 min",
        participants: &["Dana"],
        tags: &["tax", "safe to spend"],
        body: "## Context\n\nDana is an illustrator with 9 regular clients. She does her own \
               bookkeeping and sees her accountant once a year.\n\n## What we heard\n\n\
               - Moves money to a savings account \"when she remembers\"; last April she was \
               short by €3,400.\n- Checks three apps before buying anything bigger than €200.\n\n\
               > I check three apps and still guess. What I want is one number: can I spend this \
               or not?\n\n## Follow-ups\n\n- Show her the tax pot prototype\n\
               - Ask whether a percentage from last year's return feels right",
    },
    DemoNote {
        days_ago: 47,
        note_type: NoteType::Interview,
        title: "Interview with Marco — two bank accounts",
        source: "In person, co-working space",
        participants: &["Marco"],
        tags: &["bank connection", "safe to spend"],
        body: "Marco keeps a business and a personal account. Lumen only sees the business one, \
               so the balance is wrong for him.\n\n> The number is useless if half my money \
               isn't in it.\n\nHe would connect both **if** he can mark transfers between them \
               as internal, so they don't count as income.",
    },
    DemoNote {
        days_ago: 40,
        note_type: NoteType::SupportTicket,
        title: "Ticket #4907: second bank account missing from balance",
        source: "Zendesk #4907",
        participants: &["Sophie"],
        tags: &["bank connection"],
        body: "Customer connected her personal account after the business one; the home \
               screen still shows only the business balance.\n\nAgent reply: not supported yet, \
               added to the request list (12th request this quarter).",
    },
    DemoNote {
        days_ago: 36,
        note_type: NoteType::UsabilityTest,
        title: "Usability test: safe-to-spend prototype",
        source: "Figma prototype v3, 3 sessions",
        participants: &["Dana", "Sophie", "Tom"],
        tags: &["safe to spend", "tax"],
        body: "## Tasks\n\n1. Find out how much you can spend this week\n2. Change the tax \
               percentage\n\n## Findings\n\n- 3 of 3 found the figure in under 5 seconds\n\
               - 2 of 3 did not trust it until they saw the breakdown (balance − tax pot − bills)\n\
               - Nobody found where to change the percentage: it is hidden in Settings\n\n\
               > Oh, so the tax is already taken out? Then yes, that's my number. — Tom",
    },
    DemoNote {
        days_ago: 31,
        note_type: NoteType::Analytics,
        title: "Analytics: 38 % of active users open the balance daily",
        source: "Product analytics, last 30 days",
        participants: &[],
        tags: &["safe to spend"],
        body: "Of weekly active users, **38 %** open the balance screen every day, and the median \
               session is 9 seconds: people come for one number and leave.\n\nUsers with a tax \
               pot set up retain better at 8 weeks (71 % vs 52 %). Correlation, not causation: \
               see the [retention dashboard](https://analytics.example.com/lumen/retention).",
    },
    DemoNote {
        days_ago: 27,
        note_type: NoteType::Competitor,
        title: "Competitor: how Kontist estimates tax",
        source: "kontist.com, trial account",
        participants: &[],
        tags: &["tax", "competitors"],
        body: "Kontist shows an estimated tax amount per payment and reserves it \
               automatically, but only for its own bank account.\n\n- Works only in Germany\n\
               - No \"safe to spend\" figure, just the reserved amount\n\n\
               Our edge: any bank, and one figure that already accounts for bills.",
    },
    DemoNote {
        days_ago: 21,
        note_type: NoteType::SalesCall,
        title: "Sales call: Jonas's accountancy (40 freelancer clients)",
        source: "Partner pipeline",
        participants: &["Jonas"],
        tags: &["accountants", "DATEV"],
        body: "Jonas would recommend Lumen to his freelancer clients if he could:\n\n\
               1. get a **DATEV export** instead of CSV files by email\n\
               2. log in read-only to check categories before year end\n\n\
               > Send me DATEV and I'll send you forty clients.",
    },
    DemoNote {
        days_ago: 16,
        note_type: NoteType::Interview,
        title: "Interview with Aylin (accountant, UK)",
        source: "Phone call",
        participants: &["Aylin"],
        tags: &["accountants"],
        body: "Aylin spends the first week of January chasing receipts and re-categorising \
               transactions.\n\n- Wants read-only access, not exports\n\
               - Would pay for it on behalf of clients\n\n> A link I can open would save me a \
               day per client.",
    },
    DemoNote {
        days_ago: 11,
        note_type: NoteType::SupportTicket,
        title: "Ticket #5012: payment not matched to invoice",
        source: "Zendesk #5012",
        participants: &["Priya"],
        tags: &["invoicing"],
        body: "A client paid two invoices in one transfer; Lumen left both invoices open and \
               the reminder went out anyway.\n\n> Your app sent my best client a reminder for an \
               invoice he had paid. Embarrassing.",
    },
    DemoNote {
        days_ago: 6,
        note_type: NoteType::Interview,
        title: "Interview with Priya — invoicing",
        source: "Video call, 30 min",
        participants: &["Priya"],
        tags: &["invoicing"],
        body: "Priya sends about 15 invoices a month. She likes the templates but writes \
               every reminder by hand because the automatic ones are \"too blunt\".\n\n\
               - Wants to edit the reminder text per client\n\
               - Wants payments matched to invoices before any reminder goes out",
    },
    DemoNote {
        days_ago: 2,
        note_type: NoteType::SupportTicket,
        title: "Ticket #5103: tax percentage seems too high",
        source: "In-app chat",
        participants: &["Tom"],
        tags: &["tax"],
        body: "Tom's tax pot takes 30 % because his last return included a one-off sale. \
               He asks for a way to set the percentage himself.\n\nRelated: usability test \
               finding that nobody found the setting.",
    },
];

pub(super) fn seed_demo_research(connection: &Connection, product_id: &str) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    let mut people: Vec<(&str, String)> = Vec::new();
    for (name, persona, segment, size) in PARTICIPANTS {
        let new = NewParticipant {
            name: name.to_string(),
            persona: Some(persona.to_string()),
            segment: Some(segment.to_string()),
            company_size: Some(size.to_string()),
        };
        let participant = create_participant(&mut changes, product_id, &new)?;
        people.push((name, participant.id));
    }
    let today = Local::now().date_naive();
    for demo in NOTES {
        let day = today
            .checked_sub_days(Days::new(demo.days_ago))
            .unwrap_or(today);
        let new = NewNote {
            product_id: product_id.to_string(),
            note_type: demo.note_type,
            title: demo.title.to_string(),
            noted_on: Some(day.format("%Y-%m-%d").to_string()),
            source: Some(demo.source.to_string()),
            body: Some(demo.body.to_string()),
        };
        let note = create_note(&mut changes, &new)?;
        let ids: Vec<String> = demo
            .participants
            .iter()
            .filter_map(|name| {
                people
                    .iter()
                    .find(|(known, _)| known == name)
                    .map(|(_, id)| id.clone())
            })
            .collect();
        set_note_links(&mut changes, LinkKind::Participant, &note.id, &ids)?;
        for tag in demo.tags {
            tag_note(&mut changes, &note.id, tag)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::seed_demo_product;
    use crate::queries::participants::list_participants;
    use crate::queries::research_notes::list_notes;
    use crate::queries::tags::list_tags;
    use crate::research::NoteFilter;
    use crate::search::{search, SearchRequest};
    use crate::Store;

    #[test]
    fn the_demo_has_a_dozen_notes_with_participants_and_tags() {
        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        let notes = store
            .read(|c| list_notes(c, &id, &NoteFilter::default()))
            .unwrap();
        assert_eq!(notes.len(), NOTES.len());
        assert_eq!(
            notes[0].title,
            "Ticket #5103: tax percentage seems too high"
        );
        let test = notes
            .iter()
            .find(|n| n.note_type == NoteType::UsabilityTest)
            .unwrap();
        assert_eq!(test.participants.len(), 3);
        let people = store.read(|c| list_participants(c, &id)).unwrap();
        assert_eq!(people.len(), PARTICIPANTS.len());
        assert!(people.iter().all(|p| p.note_count >= 1), "{people:?}");
        let tags = store.read(|c| list_tags(c, &id)).unwrap();
        assert!(tags
            .iter()
            .any(|t| t.name == "safe to spend" && t.note_count >= 4));
        let hits = store
            .read(|c| {
                search(
                    c,
                    &SearchRequest {
                        text: "DATEV".into(),
                        product_id: Some(id.clone()),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
        assert!(hits.len() >= 2, "an item and the sales call: {hits:?}");
        assert!(
            !store.history_state().can_undo,
            "the demo is not an undo step"
        );
    }
}
