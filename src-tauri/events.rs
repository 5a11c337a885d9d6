//! Typed events from Rust to the UI, and the result type of every command that changes data.

use northstar_core::baseline::Baseline;
use northstar_core::board::MovedCard;
use northstar_core::decision::Decision;
use northstar_core::evidence::{AcceptedSuggestion, EvidenceSettings};
use northstar_core::feedback_import::FeedbackImported;
use northstar_core::history::HistoryState;
use northstar_core::model::{BacklogItem, MovedItem, Product};
use northstar_core::mutation::{ChangeSet, Table};
use northstar_core::plan::{Goal, ItemPlan, Milestone, ReleaseDetail, Theme};
use northstar_core::queries::kano_responses::KanoSurvey;
use northstar_core::research::{Highlight, Participant, ResearchNote, Tag};
use northstar_core::restore::RestoreOutcome;
use northstar_core::roadmap::ItemDates;
use northstar_core::scoring::ItemScores;
use serde::{Deserialize, Serialize};

/// A table whose rows a change touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ChangedTable {
    Product,
    BacklogItem,
    BoardRank,
    Decision,
    DecisionItem,
    KanoSurvey,
    KanoResponse,
    Goal,
    KeyResult,
    Theme,
    Release,
    Milestone,
    ResearchNote,
    Participant,
    NoteParticipant,
    Tag,
    NoteTag,
    Baseline,
    Highlight,
    HighlightTag,
    HighlightItem,
    EvidenceWeight,
    SegmentMultiplier,
}

impl From<Table> for ChangedTable {
    fn from(table: Table) -> Self {
        match table {
            Table::Product => ChangedTable::Product,
            Table::BacklogItem => ChangedTable::BacklogItem,
            Table::BoardRank => ChangedTable::BoardRank,
            Table::Decision => ChangedTable::Decision,
            Table::DecisionItem => ChangedTable::DecisionItem,
            Table::KanoSurvey => ChangedTable::KanoSurvey,
            Table::KanoResponse => ChangedTable::KanoResponse,
            Table::Goal => ChangedTable::Goal,
            Table::KeyResult => ChangedTable::KeyResult,
            Table::Theme => ChangedTable::Theme,
            Table::Release => ChangedTable::Release,
            Table::Milestone => ChangedTable::Milestone,
            Table::ResearchNote => ChangedTable::ResearchNote,
            Table::Participant => ChangedTable::Participant,
            Table::NoteParticipant => ChangedTable::NoteParticipant,
            Table::Tag => ChangedTable::Tag,
            Table::NoteTag => ChangedTable::NoteTag,
            Table::Baseline => ChangedTable::Baseline,
            Table::Highlight => ChangedTable::Highlight,
            Table::HighlightTag => ChangedTable::HighlightTag,
            Table::HighlightItem => ChangedTable::HighlightItem,
            Table::EvidenceWeight => ChangedTable::EvidenceWeight,
            Table::SegmentMultiplier => ChangedTable::SegmentMultiplier,
        }
    }
}

/// Emitted after every change, undo and redo, so every open view refetches what it shows of
/// the rows that changed, and nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    /// One more than the previous change's, for the whole session: the command that made a
    /// change returns the same event, so the UI recognises the echo of its own mutation.
    pub sequence: u32,
    /// What happened, e.g. "Move “Dark mode” to top" or "Undo".
    pub reason: String,
    /// The tables whose rows changed, each once.
    pub tables: Vec<ChangedTable>,
    /// The ids of the rows that changed, each once.
    pub ids: Vec<String>,
    /// Everything may have changed (another database was opened): every view reloads.
    pub everything: bool,
}

impl DataChanged {
    pub fn of_rows(sequence: u32, reason: impl Into<String>, changes: &ChangeSet) -> Self {
        DataChanged {
            sequence,
            reason: reason.into(),
            tables: changes
                .tables()
                .into_iter()
                .map(ChangedTable::from)
                .collect(),
            ids: changes.ids(),
            everything: false,
        }
    }

    pub fn of_everything(sequence: u32, reason: impl Into<String>) -> Self {
        DataChanged {
            sequence,
            reason: reason.into(),
            tables: Vec::new(),
            ids: Vec::new(),
            everything: true,
        }
    }
}

/// The results of the commands that may change data: the value, and the change made (the same
/// `DataChanged` the window receives), or `null` when nothing changed (a no-op move, an edit that
/// kept every value). One concrete type per value, because the bindings exporter cannot name a
/// generic command result.
macro_rules! saved {
    ($name:ident, $value:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
        pub struct $name {
            pub value: $value,
            pub change: Option<DataChanged>,
        }

        impl From<($value, Option<DataChanged>)> for $name {
            fn from((value, change): ($value, Option<DataChanged>)) -> Self {
                $name { value, change }
            }
        }
    };
}

saved!(SavedProduct, Product, "A product after a change.");
saved!(SavedItem, BacklogItem, "An item after a change.");
saved!(
    SavedItems,
    Vec<BacklogItem>,
    "Items after a change to all of them."
);
saved!(SavedMove, MovedItem, "Where a move put an item.");
saved!(
    SavedCardMove,
    MovedCard,
    "Where a move put a card on a board."
);
saved!(SavedDecision, Decision, "A decision after a change.");
saved!(
    SavedItemDates,
    ItemDates,
    "An item's schedule after a change to its dates."
);
saved!(SavedDeletion, (), "A delete (its value is `null`).");
saved!(
    SavedHighlight,
    Highlight,
    "A highlight (with its anchor, tags and items) after a change."
);
saved!(
    SavedGoal,
    Goal,
    "A goal (with its key results) after a change."
);
saved!(SavedTheme, Theme, "A theme after a change.");
saved!(
    SavedRelease,
    ReleaseDetail,
    "A release with its items and load after a change."
);
saved!(SavedMilestone, Milestone, "A milestone after a change.");
saved!(SavedBaseline, Baseline, "A baseline after a change.");
saved!(
    SavedItemPlan,
    ItemPlan,
    "An item's goal, theme and release after a change."
);
saved!(
    SavedScores,
    Vec<ItemScores>,
    "Items' inputs and scores after a change to their inputs."
);
saved!(
    SavedKanoSurvey,
    KanoSurvey,
    "An import of Kano questionnaire answers."
);
saved!(
    SavedFeedbackImport,
    FeedbackImported,
    "An import of feedback as research notes."
);
saved!(
    SavedHistory,
    HistoryState,
    "The history after an undo or redo."
);
saved!(
    SavedRestore,
    RestoreOutcome,
    "A restore: what was restored and replaced (the change is everything)."
);
saved!(SavedNote, ResearchNote, "A research note after a change.");
saved!(
    SavedParticipant,
    Participant,
    "A research participant after a change."
);
saved!(SavedTag, Tag, "A research tag after a change.");
saved!(
    SavedAcceptedSuggestion,
    AcceptedSuggestion,
    "An accepted evidence suggestion: the item's inputs and scores, and the decision recorded."
);
saved!(
    SavedEvidenceSettings,
    EvidenceSettings,
    "A product's evidence settings after a change."
);
