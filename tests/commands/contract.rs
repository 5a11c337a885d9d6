//! The contract between the real commands and the UI's fake backend.
//!
//! A scripted session runs through the real commands (mock runtime, real SQLite file) and is
//! written to `ui/test/contract/session.json`: every call with its arguments, its result or its
//! error, and the `data-changed` events it emitted. A Vitest test replays the same calls against
//! `ui/test/fake-backend.ts` and must get the same answers, so the fake can never drift from Rust.
//! Like the bindings, the file is committed; this test rewrites it when the answers changed and
//! then fails, and `make test` fails when the committed file differs from a fresh one.
//!
//! Answers are normalised so that they do not depend on the run: every id a command returned is
//! replaced by an alias (`id-1`, `id-2`, … in order of first appearance; a backup's file name is
//! its id), and timestamps, rank keys, paths and file sizes by placeholders. Error messages, undo
//! labels, backup reasons and counts, sequence numbers, orders and excerpts are kept exactly.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::{launch, App};

#[path = "contract_scores.rs"]
mod scores;
use scores::run_scores;

#[path = "contract_boards.rs"]
mod boards;
use boards::run_boards;

#[path = "contract_matrix.rs"]
mod matrix;
use matrix::run_matrix;
#[path = "contract_decisions.rs"]
mod decisions;
use decisions::run_decisions;
#[path = "contract_kano.rs"]
mod kano;
use kano::{run_kano, write_questionnaires};
#[path = "contract_plan.rs"]
mod plan;
use plan::run_plan;
#[path = "contract_roadmap.rs"]
mod roadmap;
use roadmap::run_roadmap;
#[path = "contract_research.rs"]
mod research;
use research::run_research;
#[path = "contract_baselines.rs"]
mod baselines;
use baselines::run_baselines;
#[path = "contract_wiring.rs"]
mod wiring;
use wiring::run_wiring;
#[path = "contract_swimlanes.rs"]
mod swimlanes;
use swimlanes::run_swimlanes;
#[path = "contract_highlights.rs"]
mod highlights;
use highlights::run_highlights;
#[path = "contract_evidence.rs"]
mod evidence;
use evidence::run_evidence;
#[path = "contract_import.rs"]
mod import;
use import::run_import;

/// Keys whose values are ids a command returned.
const ID_KEYS: [&str; 2] = ["id", "fileName"];
const TIMESTAMP_KEYS: [&str; 3] = ["createdAt", "updatedAt", "lastChangeAt"];
/// Keys whose values are paths on this machine.
const PATH_KEYS: [&str; 4] = ["databasePath", "path", "folder", "safetyBackup"];

#[derive(Default)]
struct Aliases {
    by_id: BTreeMap<String, String>,
    /// The real folder that `<questionnaires>/` names in arguments (contract_kano.rs).
    questionnaires: Option<std::path::PathBuf>,
}

impl Aliases {
    /// Learns the ids in a command's answer, in document order.
    fn learn(&mut self, value: &Value) {
        match value {
            Value::Object(map) => {
                // In key order, whatever order serde_json keeps: the replay does the same.
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                for key in keys {
                    let entry = &map[key];
                    if let (true, Value::String(id)) = (ID_KEYS.contains(&key.as_str()), entry) {
                        if !self.by_id.contains_key(id) {
                            let alias = format!("id-{}", self.by_id.len() + 1);
                            self.by_id.insert(id.clone(), alias);
                        }
                    }
                    self.learn(entry);
                }
            }
            Value::Array(list) => list.iter().for_each(|entry| self.learn(entry)),
            _ => {}
        }
    }

    /// The value with known ids replaced by their aliases and run-dependent fields by
    /// placeholders.
    fn normalise(&self, value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (key, entry) in map {
                    let normalised = match (key.as_str(), entry) {
                        (key, Value::String(_)) if TIMESTAMP_KEYS.contains(&key) => {
                            json!("<timestamp>")
                        }
                        ("rank", Value::String(_)) => json!("<rank>"),
                        (key, Value::String(_)) if PATH_KEYS.contains(&key) => json!("<path>"),
                        ("sizeBytes", Value::Number(_)) => json!("<size>"),
                        // Where this machine keeps its log (the state folder of whoever runs it).
                        ("logFolder", Value::String(_)) => json!("<log folder>"),
                        _ => self.normalise(entry),
                    };
                    out.insert(key.clone(), normalised);
                }
                Value::Object(out)
            }
            Value::Array(list) => Value::Array(list.iter().map(|v| self.normalise(v)).collect()),
            Value::String(text) => match self.by_id.get(text) {
                Some(alias) => json!(alias),
                None => self.scoped(text).unwrap_or_else(|| value.clone()),
            },
            other => other.clone(),
        }
    }

    /// A board row's id (`moscow:<item id>`) with its item id aliased, and a decision's link
    /// (`<decision id>:<item id>`) with both.
    fn scoped(&self, text: &str) -> Option<Value> {
        let (scope, id) = text.split_once(':')?;
        let (scope_alias, id_alias) = (self.by_id.get(scope), self.by_id.get(id));
        // A setting's row (`<product id>:interview`) has only its scope aliased.
        if scope_alias.is_none() && id_alias.is_none() {
            return None;
        }
        let scope = scope_alias.map_or(scope, String::as_str);
        let id = id_alias.map_or(id, String::as_str);
        Some(json!(format!("{scope}:{id}")))
    }

    fn real_id(&self, alias: &str) -> String {
        self.by_id
            .iter()
            .find(|(_, known)| known.as_str() == alias)
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("no id is known as {alias}"))
    }

    /// Arguments written with aliases, turned back into the real ids.
    fn resolve(&self, value: &Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(key, entry)| (key.clone(), self.resolve(entry)))
                    .collect(),
            ),
            Value::Array(list) => Value::Array(list.iter().map(|v| self.resolve(v)).collect()),
            Value::String(text) if text.starts_with("id-") => json!(self.real_id(text)),
            Value::String(text) => {
                match (text.strip_prefix("<questionnaires>/"), &self.questionnaires) {
                    (Some(name), Some(folder)) => json!(folder.join(name).display().to_string()),
                    _ => json!(text),
                }
            }
            other => other.clone(),
        }
    }
}

struct Session {
    app: App,
    aliases: Aliases,
    steps: Vec<Value>,
}

impl Session {
    /// Calls `command` with `args` (ids written as aliases) and records the answer.
    fn call(&mut self, note: &str, command: &str, args: Value) -> Value {
        let resolved = self.aliases.resolve(&args);
        self.app.take_events();
        let answer = self.app.call(command, resolved);
        let events = self.app.take_events();
        let mut step = Map::new();
        step.insert("note".into(), json!(note));
        step.insert("call".into(), json!(command));
        step.insert("args".into(), args);
        let value = match answer {
            Ok(value) => {
                self.aliases.learn(&value);
                step.insert("ok".into(), self.aliases.normalise(&value));
                value
            }
            Err(error) => {
                step.insert("error".into(), self.aliases.normalise(&error));
                Value::Null
            }
        };
        let events: Vec<Value> = events.iter().map(|e| self.aliases.normalise(e)).collect();
        step.insert("events".into(), Value::Array(events));
        self.steps.push(Value::Object(step));
        value
    }

    /// The alias of the id at `pointer` in a command's answer.
    fn alias(&self, answer: &Value, pointer: &str) -> String {
        let id = answer.pointer(pointer).and_then(Value::as_str).unwrap();
        self.aliases.by_id[id].clone()
    }
}

fn new_item(product: &str, title: &str) -> Value {
    json!({ "input": { "productId": product, "title": title, "description": null, "status": null, "kind": null } })
}

fn no_product_change() -> Value {
    json!({ "name": null, "vision": null, "strategy": null, "targetUsers": null, "northStarMetric": null, "iceMode": null })
}

fn no_item_change() -> Value {
    json!({ "title": null, "description": null, "status": null, "kind": null })
}

/// The scripted session: products, items, every kind of move (no-ops included), edits,
/// validation errors, deletes, undo and redo to the end of the history.
fn run_session(session: &mut Session) {
    session.call("an empty database", "list_products", json!({}));
    session.call("nothing to undo yet", "get_history", json!({}));
    session.call("no product is open yet", "get_app_status", json!({}));
    session.call(
        "a database path can't be empty",
        "open_database",
        json!({ "path": "   " }),
    );
    session.call(
        "no file name holds a NUL",
        "open_database",
        json!({ "path": "plan\u{0}.db" }),
    );
    session.call(
        "a product needs a name",
        "create_product",
        json!({ "name": "  " }),
    );
    let atlas = session.call("", "create_product", json!({ "name": "Atlas" }));
    let atlas = session.alias(&atlas, "/value/id");
    session.call(
        "the open product is remembered, not undoable",
        "set_open_product",
        json!({ "id": atlas }),
    );
    session.call("", "get_app_status", json!({}));
    session.call("", "get_history", json!({}));

    let mut patch = no_product_change();
    patch["vision"] = json!("Plans everyone can read.");
    session.call(
        "editing a field",
        "update_product",
        json!({ "id": atlas, "patch": patch }),
    );
    session.call("", "get_history", json!({}));
    let mut patch = no_product_change();
    patch["name"] = json!("Atlas Maps");
    session.call(
        "renaming",
        "update_product",
        json!({ "id": atlas, "patch": patch }),
    );
    session.call("", "get_history", json!({}));
    let mut patch = no_product_change();
    patch["name"] = json!("Atlas Maps");
    session.call(
        "an edit that changes nothing records nothing",
        "update_product",
        json!({ "id": atlas, "patch": patch }),
    );
    let mut patch = no_product_change();
    patch["name"] = json!("");
    session.call(
        "a product name can't be emptied",
        "update_product",
        json!({ "id": atlas, "patch": patch }),
    );

    session.call(
        "an item needs a title",
        "create_item",
        new_item(&atlas, " "),
    );
    session.call(
        "a title has at most 300 characters",
        "create_item",
        new_item(&atlas, &"x".repeat(301)),
    );
    session.call(
        "a title is one line",
        "create_item",
        new_item(&atlas, "Two\nlines"),
    );
    let mut bad_status = new_item(&atlas, "Valid title");
    bad_status["input"]["status"] = json!("done");
    session.call("an unknown status", "create_item", bad_status);
    let mut bad_kind = new_item(&atlas, "Valid title");
    bad_kind["input"]["kind"] = json!("epic");
    session.call("an unknown kind", "create_item", bad_kind);
    session.call(
        "no such product",
        "create_item",
        new_item("missing-product", "Orphan"),
    );

    let mut search = new_item(&atlas, "Search");
    search["input"]["description"] =
        json!("## Why\n\nPeople **lose** track of [plans](https://example.com).");
    search["input"]["status"] = json!("ready");
    search["input"]["kind"] = json!("opportunity");
    let search = session.call("", "create_item", search);
    let search = session.alias(&search, "/value/id");
    let mut sharing = new_item(&atlas, "Sharing");
    sharing["input"]["description"] =
        json!("A link opens in < 2 s for > 95% of people <!-- measured in May -->");
    let sharing = session.call("a \"<\" that opens no tag is text", "create_item", sharing);
    let sharing = session.alias(&sharing, "/value/id");
    let mut offline = new_item(&atlas, "Offline mode");
    offline["input"]["description"] = json!(
        "- [ ] Works on a plane, in a tunnel and anywhere else the network is missing, \
         including the basement meeting room where every sprint review seems to happen"
    );
    let offline = session.call("", "create_item", offline);
    let offline = session.alias(&offline, "/value/id");
    let quoted = session.call(
        "a title that starts with a quote is not quoted again",
        "create_item",
        new_item(&atlas, "“Safe to spend” figure"),
    );
    let quoted = session.alias(&quoted, "/value/id");
    session.call(
        "summaries in rank order",
        "list_items",
        json!({ "productId": atlas }),
    );
    session.call("the full item", "get_item", json!({ "id": search }));

    let moves = [
        ("", offline.as_str(), json!({ "to": "top" })),
        ("already first", offline.as_str(), json!({ "to": "top" })),
        ("already first", offline.as_str(), json!({ "to": "up" })),
        ("", offline.as_str(), json!({ "to": "down" })),
        ("", quoted.as_str(), json!({ "to": "up" })),
        ("already last", sharing.as_str(), json!({ "to": "bottom" })),
        ("", search.as_str(), json!({ "to": "bottom" })),
        ("already last", search.as_str(), json!({ "to": "down" })),
        (
            "",
            search.as_str(),
            json!({ "to": "before", "itemId": offline }),
        ),
        (
            "already just before it",
            search.as_str(),
            json!({ "to": "before", "itemId": offline }),
        ),
        (
            "",
            sharing.as_str(),
            json!({ "to": "after", "itemId": quoted }),
        ),
        (
            "already just after it",
            sharing.as_str(),
            json!({ "to": "after", "itemId": quoted }),
        ),
        (
            "before itself",
            sharing.as_str(),
            json!({ "to": "before", "itemId": sharing }),
        ),
        (
            "no such anchor",
            sharing.as_str(),
            json!({ "to": "after", "itemId": "missing-item" }),
        ),
        ("no such item", "missing-item", json!({ "to": "top" })),
    ];
    for (note, id, target) in moves {
        session.call(note, "move_item", json!({ "id": id, "target": target }));
        session.call("", "list_items", json!({ "productId": atlas }));
        session.call("", "get_history", json!({}));
    }

    let mut patch = no_item_change();
    patch["status"] = json!("in_progress");
    session.call(
        "a status change is named after the status",
        "update_item",
        json!({ "id": search, "patch": patch }),
    );
    session.call("", "get_history", json!({}));
    let mut patch = no_item_change();
    patch["title"] = json!("Search everywhere");
    patch["description"] = json!("> Find anything in a second");
    session.call("", "update_item", json!({ "id": search, "patch": patch }));
    session.call("", "get_history", json!({}));
    let mut patch = no_item_change();
    patch["title"] = json!("Search everywhere");
    session.call(
        "an edit that changes nothing records nothing",
        "update_item",
        json!({ "id": search, "patch": patch }),
    );
    let mut patch = no_item_change();
    patch["title"] = json!("");
    session.call(
        "a title can't be emptied",
        "update_item",
        json!({ "id": search, "patch": patch }),
    );
    let mut patch = no_item_change();
    patch["kind"] = json!("epic");
    session.call(
        "an unknown kind",
        "update_item",
        json!({ "id": search, "patch": patch }),
    );

    run_scores(session, &atlas, [&offline, &search, &quoted, &sharing]);

    session.call(
        "the status of a selection, one undo step",
        "set_items_status",
        json!({ "itemIds": [search, offline, sharing], "status": "ready" }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "only the items that change count",
        "set_items_status",
        json!({ "itemIds": [search, quoted], "status": "ready" }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "an unknown status",
        "set_items_status",
        json!({ "itemIds": [search], "status": "done" }),
    );
    session.call(
        "no items",
        "set_items_status",
        json!({ "itemIds": [], "status": "ready" }),
    );
    session.call(
        "a missing item writes nothing for any",
        "set_items_status",
        json!({ "itemIds": [search, "missing-item"], "status": "shipped" }),
    );
    session.call("", "undo", json!({}));
    session.call("", "list_items", json!({ "productId": atlas }));

    session.call("", "delete_item", json!({ "id": sharing }));
    session.call("", "list_items", json!({ "productId": atlas }));
    session.call("", "get_history", json!({}));
    session.call("a deleted item", "get_item", json!({ "id": sharing }));
    session.call("a deleted item", "delete_item", json!({ "id": sharing }));

    let beacon = session.call("", "create_product", json!({ "name": "Beacon" }));
    let beacon = session.alias(&beacon, "/value/id");
    let lamp = session.call("", "create_item", new_item(&beacon, "Lamp"));
    let lamp = session.alias(&lamp, "/value/id");
    session.call(
        "items move within their product only",
        "move_item",
        json!({ "id": lamp, "target": { "to": "before", "itemId": search } }),
    );
    session.call("", "list_products", json!({}));
    session.call("", "delete_product", json!({ "id": beacon }));
    session.call("", "list_products", json!({}));
    session.call("", "get_history", json!({}));
    session.call(
        "a deleted product's items are gone",
        "list_items",
        json!({ "productId": beacon }),
    );

    run_boards(session);
    run_matrix(session);
    run_decisions(session);
    run_kano(session);
    run_plan(session);
    run_roadmap(session);
    run_baselines(session);
    run_wiring(session);
    run_swimlanes(session);

    // Undo everything, one step at a time, then redo some of it.
    for _ in 0..200 {
        let history = session.app.ok("get_history", json!({}));
        if history["canUndo"] != true {
            break;
        }
        session.call("", "undo", json!({}));
        session.call("", "list_products", json!({}));
    }
    session.call("the history is empty", "undo", json!({}));
    session.call("", "get_history", json!({}));
    for _ in 0..6 {
        session.call("", "redo", json!({}));
        session.call("", "get_history", json!({}));
    }
    session.call("", "list_items", json!({ "productId": atlas }));
    session.call(
        "a new action clears what could be redone",
        "move_item",
        json!({ "id": offline, "target": { "to": "bottom" } }),
    );
    session.call("", "get_history", json!({}));
    session.call("", "list_items", json!({ "productId": atlas }));

    run_backups(session, &atlas);
    run_research(session);
    run_highlights(session);
    run_evidence(session);
    run_import(session);
}

/// The Backups view: the list (with the backups made before the session, see
/// [`seed_backups`]), back up now, the restore preview and the restore, and names that are not
/// backups.
fn run_backups(session: &mut Session, atlas: &str) {
    let listed = session.call(
        "newest first: the automatic one made at start, then the seeded ones; one can't be read",
        "list_backups",
        json!({}),
    );
    let unreadable = session.alias(&listed, "/backups/4/fileName");
    let made = session.call("", "back_up_now", json!({}));
    let made = session.alias(&made, "/fileName");
    session.call(
        "a change after the backup",
        "create_item",
        new_item(atlas, "After the backup"),
    );
    session.call(
        "what a restore would replace",
        "preview_restore",
        json!({ "fileName": made }),
    );
    session.call(
        "a backup that can't be read",
        "preview_restore",
        json!({ "fileName": unreadable }),
    );
    session.call(
        "a backup that can't be read is not restored",
        "restore_backup",
        json!({ "fileName": unreadable }),
    );
    session.call(
        "not one of this database's backups",
        "preview_restore",
        json!({ "fileName": "../northstar.db" }),
    );
    session.call(
        "a backup's name, but no such file",
        "restore_backup",
        json!({ "fileName": "northstar.20260101T000000000Z.manual.db" }),
    );
    session.call("", "restore_backup", json!({ "fileName": made }));
    session.call(
        "the change after the backup is gone",
        "list_items",
        json!({ "productId": atlas }),
    );
    session.call(
        "a restored file starts a fresh history",
        "get_history",
        json!({}),
    );
    session.call(
        "the replaced file was backed up first",
        "list_backups",
        json!({}),
    );
}

/// Backups of the empty database made before the session (each on a day of its own, so rotation
/// keeps them), and a file named like a backup that is not a database.
fn seed_backups(db: &Path) {
    use northstar_core::backup::{backups_folder, create_backup, BackupReason};
    let store = northstar_core::Store::open(db).unwrap().0;
    let now = chrono::Utc::now();
    let seeds = [
        (2, BackupReason::BeforeRepair),
        (3, BackupReason::AtExit),
        (4, BackupReason::BeforeMigration),
    ];
    for (days_ago, reason) in seeds {
        let at = now - chrono::TimeDelta::days(days_ago);
        store
            .read(|connection| create_backup(connection, db, reason, at))
            .unwrap();
    }
    let at = now - chrono::TimeDelta::days(5);
    let junk = format!("northstar.{}.manual.db", at.format("%Y%m%dT%H%M%S%3fZ"));
    std::fs::write(backups_folder(db).join(junk), b"not a database").unwrap();
    store.close().unwrap();
}

/// Waits for the automatic backup the app makes at start (in the background) on a file whose
/// newest backup is more than a day old, so that the session never races it.
fn wait_for_automatic_backup(db: &Path) {
    let folder = northstar_core::backup::backups_folder(db);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let made = std::fs::read_dir(&folder).unwrap().any(|entry| {
            let name = entry.unwrap().file_name();
            name.to_string_lossy().ends_with(".auto.db")
        });
        if made {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the automatic backup at start was not made"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn the_contract_fixture_records_what_the_real_commands_answer() {
    let dir = tempfile::tempdir().unwrap();
    // Named like the fake backend's database, whose backups are `northstar.<time>.<reason>.db`.
    let db = dir.path().join("northstar.db");
    // An empty Northstar database (no demo product), as the fake backend's `empty` start, with
    // the backups the replay gives the fake (`CONTRACT_BACKUPS` in test/contract.test.ts).
    drop(northstar_core::Store::open(&db).unwrap());
    seed_backups(&db);
    let app = launch(&db);
    wait_for_automatic_backup(&db);
    let questionnaires = dir.path().join("questionnaires");
    write_questionnaires(&questionnaires);
    let mut session = Session {
        app,
        aliases: Aliases {
            questionnaires: Some(questionnaires),
            ..Aliases::default()
        },
        steps: Vec::new(),
    };
    run_session(&mut session);

    let fixture = json!({
        "about": "Written by `cargo test` (tests/commands/contract.rs) from the real commands; \
                  replayed against test/fake-backend.ts by test/contract.test.ts. Do not edit.",
        "steps": session.steps,
    });
    let mut text = serde_json::to_string_pretty(&fixture).unwrap();
    text.push('\n');
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/test/contract/session.json");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    if before != text {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    assert!(
        before == text,
        "ui/test/contract/session.json was out of date; the fresh session has been written: \
         replay it against the fake backend (npm test) and commit it"
    );
}
