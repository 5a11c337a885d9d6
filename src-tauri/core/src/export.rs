//! The lossless JSON export: every product with every field and its items in rank order, each
//! item with every score input and every computed score, grouped by framework. The format is
//! public and documented in `docs/export-format.md`: change both together, and bump
//! [`EXPORT_FORMAT_VERSION`] when a field changes meaning or goes away.
//!
//! The document has no export timestamp and a fixed key order, and it is read in one
//! transaction, so two exports of the same data are byte-identical and diff cleanly.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::board::BoardKind;
use crate::error::CoreResult;
use crate::export_plan::{exported_plan, PlanExport};
use crate::export_research::{exported_research, ResearchExport};
use crate::migrations::latest_version;
use crate::model::{BacklogItem, Product};
use crate::queries::boards::list_board;
use crate::queries::decisions::list_decisions;
use crate::queries::item_plan::item_plans_of_product;
use crate::queries::items::list_items_with_inputs;
use crate::queries::kano_responses::{list_exported_responses, list_surveys, ExportedResponse};
use crate::queries::products::list_products;
use crate::scoring::{IceMode, KanoCategory, MoscowBucket, ScoreInputs, Scores};
use crate::time::Timestamp;

pub const EXPORT_FORMAT: &str = "northstar";
/// 1: products and items. 2: score inputs and scores on every item, `iceMode` on products.
/// 3: every product's boards (MoSCoW, Kano): each column's item ids in the board's order.
/// 4: every product's decision log (`decisions`) and its Kano questionnaire imports with their
/// answers (`kanoSurveys`, `kanoResponses`).
/// 5: every product's roadmap plan (`goals` with `keyResults`, `themes`, `releases`,
/// `milestones`) and each item's `goalId`, `themeId`, `releaseId`; every item's `horizon`,
/// `startDate` and `endDate`, and the Now / Next / Later board (`horizon`) among the boards;
/// research: every product's `researchNotes`, `participants` and `tags`.
pub const EXPORT_FORMAT_VERSION: i32 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportDocument {
    /// Always "northstar".
    pub format: String,
    /// The version of this document's layout.
    pub format_version: i32,
    /// The schema version of the database it came from.
    pub schema_version: i64,
    pub products: Vec<ProductExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductExport {
    #[serde(flatten)]
    pub product: Product,
    /// In rank order.
    pub items: Vec<ExportedItem>,
    /// The prioritisation boards, MoSCoW then Kano.
    pub boards: Vec<BoardExport>,
    /// The decision log, oldest first.
    pub decisions: Vec<DecisionExport>,
    /// The Kano questionnaire's imports, oldest first.
    pub kano_surveys: Vec<KanoSurveyExport>,
    /// Their answers about the product's items, import by import, each in its file's order.
    pub kano_responses: Vec<ExportedResponse>,
    /// The roadmap plan: `goals`, `themes`, `releases`, `milestones`.
    #[serde(flatten)]
    pub plan: PlanExport,
    /// Research notes, participants and tags (format 5).
    #[serde(flatten)]
    pub research: ResearchExport,
}

/// One import of questionnaire answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KanoSurveyExport {
    pub id: String,
    /// The file's name.
    pub source: String,
    pub created_at: Timestamp,
}

/// One decision of the log and the ids of the live items it is linked to, in backlog order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionExport {
    pub id: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub decision: String,
    pub rationale: String,
    pub item_ids: Vec<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

fn exported_decisions(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<DecisionExport>> {
    let mut decisions = list_decisions(connection, product_id, None)?;
    // The log reads newest first; a file reads better (and diffs by appending) oldest first.
    decisions.reverse();
    Ok(decisions
        .into_iter()
        .map(|decision| DecisionExport {
            id: decision.id,
            decided_on: decision.decided_on,
            decision: decision.decision,
            rationale: decision.rationale,
            item_ids: decision.items.into_iter().map(|item| item.id).collect(),
            created_at: decision.created_at,
            updated_at: decision.updated_at,
        })
        .collect())
}

/// One board: every column in the board's order (the scale's, then `unsorted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardExport {
    pub board: BoardKind,
    pub columns: Vec<BoardColumnExport>,
}

/// One column of a board: its cards' item ids, first card first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardColumnExport {
    /// The stored bucket name (`must`, `must_be`…) or `unsorted`.
    pub column: String,
    pub item_ids: Vec<String>,
}

fn exported_boards(connection: &Connection, product_id: &str) -> CoreResult<Vec<BoardExport>> {
    BoardKind::ALL
        .into_iter()
        .map(|board| {
            let view = list_board(connection, product_id, board)?;
            Ok(BoardExport {
                board,
                columns: view
                    .columns
                    .into_iter()
                    .map(|column| BoardColumnExport {
                        column: column.column,
                        item_ids: column.cards.into_iter().map(|card| card.id).collect(),
                    })
                    .collect(),
            })
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedItem {
    #[serde(flatten)]
    pub item: BacklogItem,
    /// 1-based place in the ranked backlog.
    pub position: i32,
    pub rice: RiceExport,
    pub ice: IceExport,
    pub wsjf: WsjfExport,
    pub moscow: Option<MoscowBucket>,
    pub kano: Option<KanoCategory>,
    /// The value/effort matrix's value, 1–10.
    pub value: Option<i32>,
    /// The value/effort matrix's effort, 1–10.
    pub effort: Option<i32>,
    // The roadmap plan's links: `null` when unset or while the target is deleted.
    pub goal_id: Option<String>,
    pub theme_id: Option<String>,
    pub release_id: Option<String>,
}

/// RICE's inputs and score; each `null` when not set, the score `null` unless all four are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RiceExport {
    pub reach: Option<f64>,
    pub impact: Option<f64>,
    /// In percent: 100, 80 or 50.
    pub confidence: Option<i32>,
    /// In person-months.
    pub effort: Option<f64>,
    pub score: Option<f64>,
}

/// ICE's inputs and score, combined as the product's `iceMode` says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IceExport {
    pub impact: Option<i32>,
    pub confidence: Option<i32>,
    pub ease: Option<i32>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WsjfExport {
    pub business_value: Option<i32>,
    pub time_criticality: Option<i32>,
    pub risk_reduction: Option<i32>,
    pub job_size: Option<i32>,
    pub score: Option<f64>,
}

fn exported_item(
    item: BacklogItem,
    inputs: ScoreInputs,
    position: i32,
    ice_mode: IceMode,
) -> ExportedItem {
    let scores = Scores::of(&inputs, ice_mode);
    let value = |score: Option<crate::scoring::Score>| score.map(|score| score.value);
    ExportedItem {
        item,
        position,
        rice: RiceExport {
            reach: inputs.rice_reach,
            impact: inputs.rice_impact,
            confidence: inputs.rice_confidence,
            effort: inputs.rice_effort,
            score: value(scores.rice),
        },
        ice: IceExport {
            impact: inputs.ice_impact,
            confidence: inputs.ice_confidence,
            ease: inputs.ice_ease,
            score: value(scores.ice),
        },
        wsjf: WsjfExport {
            business_value: inputs.wsjf_business_value,
            time_criticality: inputs.wsjf_time_criticality,
            risk_reduction: inputs.wsjf_risk_reduction,
            job_size: inputs.wsjf_job_size,
            score: value(scores.wsjf),
        },
        moscow: inputs.moscow,
        kano: inputs.kano,
        value: inputs.value,
        effort: inputs.effort,
        goal_id: None,
        theme_id: None,
        release_id: None,
    }
}

pub fn export_document(connection: &Connection) -> CoreResult<ExportDocument> {
    // One read transaction: the products and every product's items from one snapshot, even
    // while the app writes.
    let snapshot = connection.unchecked_transaction()?;
    let products = list_products(&snapshot)?
        .into_iter()
        .map(|product| {
            let mut plans = item_plans_of_product(&snapshot, &product.id)?;
            let items = list_items_with_inputs(&snapshot, &product.id)?
                .into_iter()
                .zip(1..)
                .map(|((item, inputs), position)| {
                    let links = plans.remove(&item.id);
                    let mut exported = exported_item(item, inputs, position, product.ice_mode);
                    if let Some(links) = links {
                        exported.goal_id = links.goal.map(|goal| goal.id);
                        exported.theme_id = links.theme.map(|theme| theme.id);
                        exported.release_id = links.release.map(|release| release.id);
                    }
                    exported
                })
                .collect();
            let plan = exported_plan(&snapshot, &product.id)?;
            let boards = exported_boards(&snapshot, &product.id)?;
            let decisions = exported_decisions(&snapshot, &product.id)?;
            let kano_surveys = list_surveys(&snapshot, &product.id)?
                .into_iter()
                .map(|survey| KanoSurveyExport {
                    id: survey.id,
                    source: survey.source,
                    created_at: survey.created_at,
                })
                .collect();
            let kano_responses = list_exported_responses(&snapshot, &product.id)?;
            let research = exported_research(&snapshot, &product.id)?;
            Ok(ProductExport {
                product,
                items,
                boards,
                decisions,
                kano_surveys,
                kano_responses,
                plan,
                research,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    snapshot.finish()?;
    Ok(ExportDocument {
        format: EXPORT_FORMAT.to_string(),
        format_version: EXPORT_FORMAT_VERSION,
        schema_version: latest_version(),
        products,
    })
}

pub fn export_json(connection: &Connection) -> CoreResult<String> {
    let mut json = serde_json::to_string_pretty(&export_document(connection)?)?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MoveTarget, NewItem, ProductPatch};
    use crate::queries::item_scores::set_score_inputs;
    use crate::queries::items::{create_item, list_items, move_item};
    use crate::queries::products::{create_product, update_product};
    use crate::scoring::{InputValue, ScoreChange, ScoreInput};
    use crate::Store;

    #[test]
    fn export_lists_items_in_rank_order_and_is_stable() {
        let store = Store::open_in_memory().unwrap();
        let product = store.write(|c| create_product(c, "Lumen")).unwrap();
        for title in ["A", "B", "C"] {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.into(),
                ..Default::default()
            };
            store.write(|c| create_item(c, &new)).unwrap();
        }
        let items = store.read(|c| list_items(c, &product.id)).unwrap();
        store
            .write(|c| move_item(c, &items[2].id, &MoveTarget::Top))
            .unwrap();

        let json = store.read(export_json).unwrap();
        assert_eq!(json, store.read(export_json).unwrap());
        let document: ExportDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(document.format, "northstar");
        assert_eq!(document.format_version, EXPORT_FORMAT_VERSION);
        let titles: Vec<_> = document.products[0]
            .items
            .iter()
            .map(|exported| exported.item.title.as_str())
            .collect();
        assert_eq!(titles, ["C", "A", "B"]);
        assert!(json.contains("\"northStarMetric\""));
    }

    #[test]
    fn every_input_and_score_is_exported_under_its_framework() {
        let store = Store::open_in_memory().unwrap();
        let product = store.write(|c| create_product(c, "Lumen")).unwrap();
        let new = NewItem {
            product_id: product.id.clone(),
            title: "Search".into(),
            ..Default::default()
        };
        let search = store.write(|c| create_item(c, &new)).unwrap();
        let number = |input, value| ScoreChange {
            input,
            value: Some(InputValue::Number(value)),
        };
        let changes = [
            number(ScoreInput::RiceReach, 2000.0),
            number(ScoreInput::RiceImpact, 2.0),
            number(ScoreInput::RiceConfidence, 80.0),
            number(ScoreInput::RiceEffort, 4.0),
            number(ScoreInput::IceImpact, 8.0),
            number(ScoreInput::IceConfidence, 7.0),
            number(ScoreInput::IceEase, 5.0),
            number(ScoreInput::WsjfBusinessValue, 8.0),
            number(ScoreInput::WsjfTimeCriticality, 5.0),
            number(ScoreInput::WsjfRiskReduction, 3.0),
            ScoreChange {
                input: ScoreInput::Moscow,
                value: Some(InputValue::Text("must".into())),
            },
            number(ScoreInput::Value, 7.0),
        ];
        store
            .write(|c| set_score_inputs(c, std::slice::from_ref(&search.id), &changes))
            .unwrap();
        let average = ProductPatch {
            ice_mode: Some("average".into()),
            ..ProductPatch::default()
        };
        store
            .write(|c| update_product(c, &product.id, &average))
            .unwrap();

        let json: serde_json::Value =
            serde_json::from_str(&store.read(export_json).unwrap()).unwrap();
        let exported = &json["products"][0];
        assert_eq!(exported["iceMode"], "average");
        let item = &exported["items"][0];
        assert_eq!(
            item["rice"],
            serde_json::json!({ "reach": 2000.0, "impact": 2.0, "confidence": 80, "effort": 4.0, "score": 800.0 })
        );
        assert_eq!(
            item["ice"],
            serde_json::json!({ "impact": 8, "confidence": 7, "ease": 5, "score": 20.0 / 3.0 })
        );
        assert_eq!(
            item["wsjf"],
            serde_json::json!({ "businessValue": 8, "timeCriticality": 5, "riskReduction": 3, "jobSize": null, "score": null })
        );
        assert_eq!(item["moscow"], "must");
        assert_eq!(item["kano"], serde_json::Value::Null);
        assert_eq!(
            (item["value"].clone(), item["effort"].clone()),
            (7.into(), serde_json::Value::Null)
        );
    }

    #[test]
    fn the_decision_log_is_exported_oldest_first_with_its_item_ids() {
        use crate::decision::NewDecision;
        use crate::queries::decisions::create_decision;
        let store = Store::open_in_memory().unwrap();
        let product = store.write(|c| create_product(c, "Lumen")).unwrap();
        let mut ids = Vec::new();
        for title in ["Bank sync", "Offline mode"] {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.into(),
                ..Default::default()
            };
            ids.push(store.write(|c| create_item(c, &new)).unwrap().id);
        }
        for (text, day, linked) in [
            ("Later", "2026-03-02", vec![ids[1].clone(), ids[0].clone()]),
            ("Earlier", "2026-03-01", vec![]),
        ] {
            let new = NewDecision {
                product_id: product.id.clone(),
                decided_on: Some(day.into()),
                decision: text.into(),
                rationale: "Why not.".into(),
                item_ids: linked,
            };
            store.write(|c| create_decision(c, &new)).unwrap();
        }
        let text = store.read(export_json).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let decisions = json["products"][0]["decisions"].as_array().unwrap();
        assert_eq!(decisions.len(), 2);
        assert_eq!(decisions[0]["decision"], "Earlier");
        assert_eq!(decisions[0]["itemIds"], serde_json::json!([]));
        // Keys in the documented order.
        let log = &text[text.find("\"decisions\"").unwrap()..];
        let places: Vec<usize> = [
            "\"id\"",
            "\"decidedOn\"",
            "\"decision\"",
            "\"rationale\"",
            "\"itemIds\"",
            "\"createdAt\"",
            "\"updatedAt\"",
        ]
        .iter()
        .map(|key| log.find(key).unwrap())
        .collect();
        assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "{log}");
        let later = &decisions[1];
        assert_eq!(later["decidedOn"], "2026-03-02");
        assert_eq!(later["rationale"], "Why not.");
        assert_eq!(
            later["itemIds"],
            serde_json::json!([ids[0], ids[1]]),
            "backlog order"
        );
    }

    #[test]
    fn kano_imports_and_their_answers_are_exported_in_file_order() {
        let store = Store::open_in_memory().unwrap();
        let product = store.write(|c| create_product(c, "Lumen")).unwrap();
        for title in ["Search", "Offline mode"] {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.into(),
                ..Default::default()
            };
            store.write(|c| create_item(c, &new)).unwrap();
        }
        let file = "respondent,item,functional,dysfunctional\n\
                    Ben,Offline mode,Like,Dislike\n\
                    Ana,Search,Expect,Dislike\n";
        let survey = store
            .write(|c| {
                crate::kano_survey::import::import_answers(
                    c,
                    &product.id,
                    "march.csv",
                    file.as_bytes(),
                )
            })
            .unwrap();
        let items = store.read(|c| list_items(c, &product.id)).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&store.read(export_json).unwrap()).unwrap();
        let exported = &json["products"][0];
        assert_eq!(exported["kanoSurveys"][0]["id"], survey.id.as_str());
        assert_eq!(exported["kanoSurveys"][0]["source"], "march.csv");
        assert_eq!(
            exported["kanoResponses"],
            serde_json::json!([
                { "surveyId": survey.id, "respondent": "Ben", "itemId": items[1].id,
                  "functional": "like", "dysfunctional": "dislike" },
                { "surveyId": survey.id, "respondent": "Ana", "itemId": items[0].id,
                  "functional": "expect", "dysfunctional": "dislike" },
            ])
        );
    }
}
