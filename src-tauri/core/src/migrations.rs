//! The schema, as an append-only list of migrations tracked by `PRAGMA user_version`.
//!
//! Never edit a shipped migration: add a new one at the end. Tables are STRICT, ids are UUIDv7
//! text, every row has `created_at`/`updated_at`, and rows the user can delete are soft-deleted
//! (`deleted_at`) so that undo and a later sync can bring them back.
//!
//! How migrations run ([`migrate`]), so that a table rebuild can never cascade:
//! - `foreign_keys` is turned off before the migration transaction (inside one it is a no-op)
//!   and `legacy_alter_table` on, so neither `DROP TABLE` nor `ALTER TABLE … RENAME` touches the
//!   rows or the references of other tables; both are restored afterwards, whatever happened.
//! - Every pending migration runs in one transaction, each followed by `PRAGMA
//!   foreign_key_check`: any violation rolls the whole transaction back, leaving the file at its
//!   previous version.
//! - The store makes a `VACUUM INTO` backup of an existing file before any pending migration.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::CoreResult;

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(
        r#"
CREATE TABLE product (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    vision            TEXT NOT NULL DEFAULT '',
    strategy          TEXT NOT NULL DEFAULT '',
    target_users      TEXT NOT NULL DEFAULT '',
    north_star_metric TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;

CREATE TABLE backlog_item (
    id          TEXT PRIMARY KEY NOT NULL,
    product_id  TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL
                CHECK (status IN ('idea', 'discovery', 'ready', 'in_progress', 'shipped', 'archived')),
    kind        TEXT NOT NULL CHECK (kind IN ('feature', 'opportunity', 'story')),
    rank        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX backlog_item_by_rank ON backlog_item (product_id, rank, id) WHERE deleted_at IS NULL;

CREATE TABLE setting (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
"#,
    ),
    // 2: the ranks a product ever used, deleted items included (a new item goes after the highest,
    // a move takes its key below the nearest, so undo never meets a reused rank), become index
    // lookups instead of scans of the product's items.
    M::up("CREATE INDEX backlog_item_by_product_rank ON backlog_item (product_id, rank);"),
    // 3: score inputs on the item (NULL = not set) and how each product combines ICE. Rust
    // validates every input with worded refusals (`scoring::inputs`); these CHECKs are the
    // second line of defence and repeat its scales exactly (`scoring::scales`: reach up to
    // MAX_RICE_REACH, effort from MIN_RICE_EFFORT to MAX_RICE_EFFORT), so that no stored value
    // (not even ∞ or a subnormal) can make a score infinite or NaN.
    M::up(
        r#"
ALTER TABLE backlog_item ADD COLUMN rice_reach REAL CHECK (rice_reach BETWEEN 0 AND 1e12);
ALTER TABLE backlog_item ADD COLUMN rice_impact REAL CHECK (rice_impact IN (3, 2, 1, 0.5, 0.25));
ALTER TABLE backlog_item ADD COLUMN rice_confidence INTEGER CHECK (rice_confidence IN (100, 80, 50));
ALTER TABLE backlog_item ADD COLUMN rice_effort REAL CHECK (rice_effort BETWEEN 0.01 AND 1000);
ALTER TABLE backlog_item ADD COLUMN ice_impact INTEGER CHECK (ice_impact BETWEEN 1 AND 10);
ALTER TABLE backlog_item ADD COLUMN ice_confidence INTEGER CHECK (ice_confidence BETWEEN 1 AND 10);
ALTER TABLE backlog_item ADD COLUMN ice_ease INTEGER CHECK (ice_ease BETWEEN 1 AND 10);
ALTER TABLE backlog_item ADD COLUMN wsjf_business_value INTEGER
    CHECK (wsjf_business_value IN (1, 2, 3, 5, 8, 13, 20));
ALTER TABLE backlog_item ADD COLUMN wsjf_time_criticality INTEGER
    CHECK (wsjf_time_criticality IN (1, 2, 3, 5, 8, 13, 20));
ALTER TABLE backlog_item ADD COLUMN wsjf_risk_reduction INTEGER
    CHECK (wsjf_risk_reduction IN (1, 2, 3, 5, 8, 13, 20));
ALTER TABLE backlog_item ADD COLUMN wsjf_job_size INTEGER
    CHECK (wsjf_job_size IN (1, 2, 3, 5, 8, 13, 20));
ALTER TABLE backlog_item ADD COLUMN moscow TEXT CHECK (moscow IN ('must', 'should', 'could', 'wont'));
ALTER TABLE backlog_item ADD COLUMN kano TEXT
    CHECK (kano IN ('must_be', 'performance', 'attractive', 'indifferent', 'reverse', 'questionable'));
ALTER TABLE backlog_item ADD COLUMN value INTEGER CHECK (value BETWEEN 1 AND 10);
ALTER TABLE backlog_item ADD COLUMN effort INTEGER CHECK (effort BETWEEN 1 AND 10);
ALTER TABLE product ADD COLUMN ice_mode TEXT NOT NULL DEFAULT 'product'
    CHECK (ice_mode IN ('product', 'average'));
"#,
    ),
    // 4: a card's place on a prioritisation board (MoSCoW, Kano), one row per board and item.
    // - `id` is `board:item_id`: the undo layer addresses every tracked row by `id`, and the pair
    //   is the key (the primary key says so too), so a card moved again updates its one row.
    // - `product_id` and `bucket` (the column the card was ranked in: the item's `moscow` or
    //   `kano`, or 'unsorted') are denormalised, written in the move's transaction together with
    //   the item's input: "the nearest rank in this column" is then one index lookup on
    //   `board_rank_by_bucket` instead of a join through every item of the product. A row whose
    //   bucket is no longer the item's (its input was changed elsewhere) is ignored until the card
    //   is back in that column, where it finds its old place again.
    // - A card without a row (or with an ignored one) sorts by its backlog rank, so a fresh board
    //   shows the backlog's order without a single write; the item's (product, input, rank)
    //   indexes make those ranks index lookups too.
    M::up(
        r#"
CREATE TABLE board_rank (
    id         TEXT NOT NULL UNIQUE CHECK (id = board || ':' || item_id),
    board      TEXT NOT NULL CHECK (board IN ('moscow', 'kano')),
    item_id    TEXT NOT NULL REFERENCES backlog_item(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    bucket     TEXT NOT NULL CHECK (
        (board = 'moscow' AND bucket IN ('must', 'should', 'could', 'wont', 'unsorted'))
        OR (board = 'kano' AND bucket IN ('must_be', 'performance', 'attractive', 'indifferent',
            'reverse', 'questionable', 'unsorted'))),
    rank       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (board, item_id)
) STRICT;

CREATE INDEX board_rank_by_bucket ON board_rank (product_id, board, bucket, rank, item_id);
CREATE INDEX backlog_item_by_moscow ON backlog_item (product_id, moscow, rank, id);
CREATE INDEX backlog_item_by_kano ON backlog_item (product_id, kano, rank, id);
"#,
    ),
    // 5: the decision log. A decision is dated (a calendar day, `YYYY-MM-DD`: what was decided
    // when, not a moment) and linked to the items it is about through `decision_item`, one row
    // per decision and item.
    // - `decision_item.id` is `decision_id:item_id`, like `board_rank`'s: the undo layer
    //   addresses every tracked row by `id`, and unlinking then linking again revives the one row.
    // - `product_id` is denormalised on the link (written with it) so a product's links are one
    //   index range, and "the decisions of this item" is one lookup on `decision_item_by_item`.
    // - Rust validates every field with worded refusals (`queries::decisions`); the CHECKs are
    //   the second line of defence.
    M::up(
        r#"
CREATE TABLE decision (
    id         TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL CHECK (date(decided_on) IS decided_on),
    decision   TEXT NOT NULL CHECK (length(decision) BETWEEN 1 AND 300),
    rationale  TEXT NOT NULL CHECK (length(rationale) BETWEEN 1 AND 2000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX decision_by_product ON decision (product_id, decided_on, created_at, id);

CREATE TABLE decision_item (
    id          TEXT NOT NULL UNIQUE CHECK (id = decision_id || ':' || item_id),
    decision_id TEXT NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
    item_id     TEXT NOT NULL REFERENCES backlog_item(id) ON DELETE CASCADE,
    product_id  TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    PRIMARY KEY (decision_id, item_id)
) STRICT;

CREATE INDEX decision_item_by_item ON decision_item (item_id, decision_id);
CREATE INDEX decision_item_by_product ON decision_item (product_id, decision_id);
"#,
    ),
    // 6: Kano questionnaire answers, imported from CSV. One `kano_survey` row per import (the
    // file it came from), one `kano_response` row per respondent and item; both tracked for undo, so
    // an import (or its deletion) is one undo step. A respondent answers an item once among the
    // live answers (a later file repeating the pair is refused row by row, never merged); the
    // answers' CHECKs repeat `kano_survey::answers` as a second line of defence. `product_id`
    // is denormalised so a product's results are one index range.
    M::up(
        r#"
CREATE TABLE kano_survey (
    id         TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    source     TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX kano_survey_by_product ON kano_survey (product_id, created_at, id);

CREATE TABLE kano_response (
    id            TEXT PRIMARY KEY NOT NULL,
    survey_id     TEXT NOT NULL REFERENCES kano_survey(id) ON DELETE CASCADE,
    product_id    TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL REFERENCES backlog_item(id) ON DELETE CASCADE,
    respondent    TEXT NOT NULL CHECK (length(respondent) BETWEEN 1 AND 200),
    functional    TEXT NOT NULL
                  CHECK (functional IN ('like', 'expect', 'neutral', 'live_with', 'dislike')),
    dysfunctional TEXT NOT NULL
                  CHECK (dysfunctional IN ('like', 'expect', 'neutral', 'live_with', 'dislike')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;

CREATE UNIQUE INDEX kano_response_once ON kano_response (item_id, respondent)
    WHERE deleted_at IS NULL;
CREATE INDEX kano_response_by_product ON kano_response (product_id, item_id)
    WHERE deleted_at IS NULL;
CREATE INDEX kano_response_by_survey ON kano_response (survey_id);
"#,
    ),
    // 7: the roadmap's plan: goals (objectives) with their key results, themes, releases with
    // their capacity, milestones, and each item's one goal, theme and release.
    // - A key result's numbers are REAL; Rust refuses a value that is not finite (or beyond
    //   ±1e12) and a baseline equal to its target (progress would divide by zero); the CHECKs
    //   repeat that as the second line of defence.
    // - A release's days are calendar days; a capacity is positive and comes with its unit
    //   (`points`: WSJF job size, `person_months`: RICE effort), or both are NULL.
    // - The table is `roadmap_release`: `RELEASE` is an SQL keyword.
    // - The item's links are nullable columns with foreign keys. Deleting a goal, theme or
    //   release is soft and clears no link: the link is hidden while the target is deleted and
    //   comes back with its undo (as the decision log's links to deleted items do).
    M::up(
        r#"
CREATE TABLE goal (
    id          TEXT PRIMARY KEY NOT NULL,
    product_id  TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX goal_by_product ON goal (product_id, created_at, id);

CREATE TABLE key_result (
    id         TEXT PRIMARY KEY NOT NULL,
    goal_id    TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    metric     TEXT NOT NULL CHECK (length(metric) BETWEEN 1 AND 200),
    unit       TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 30),
    baseline   REAL NOT NULL CHECK (baseline BETWEEN -1e12 AND 1e12),
    target     REAL NOT NULL CHECK (target BETWEEN -1e12 AND 1e12),
    current    REAL NOT NULL CHECK (current BETWEEN -1e12 AND 1e12),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK (baseline <> target)
) STRICT;

CREATE INDEX key_result_by_product ON key_result (product_id, goal_id, created_at, id);
CREATE INDEX key_result_by_goal ON key_result (goal_id, created_at, id);

CREATE TABLE theme (
    id          TEXT PRIMARY KEY NOT NULL,
    product_id  TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX theme_by_product ON theme (product_id, created_at, id);

CREATE TABLE roadmap_release (
    id            TEXT PRIMARY KEY NOT NULL,
    product_id    TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    starts_on     TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on       TEXT NOT NULL CHECK (date(ends_on) IS ends_on AND ends_on >= starts_on),
    capacity      REAL CHECK (capacity > 0 AND capacity <= 1e6),
    capacity_unit TEXT CHECK (capacity_unit IN ('points', 'person_months')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK ((capacity IS NULL) = (capacity_unit IS NULL))
) STRICT;

CREATE INDEX roadmap_release_by_product ON roadmap_release (product_id, starts_on, ends_on, id);

CREATE TABLE milestone (
    id         TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    release_id TEXT REFERENCES roadmap_release(id) ON DELETE SET NULL,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    falls_on   TEXT NOT NULL CHECK (date(falls_on) IS falls_on),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX milestone_by_product ON milestone (product_id, falls_on, id);

ALTER TABLE backlog_item ADD COLUMN goal_id TEXT REFERENCES goal(id) ON DELETE SET NULL;
ALTER TABLE backlog_item ADD COLUMN theme_id TEXT REFERENCES theme(id) ON DELETE SET NULL;
ALTER TABLE backlog_item ADD COLUMN release_id TEXT
    REFERENCES roadmap_release(id) ON DELETE SET NULL;

CREATE INDEX backlog_item_by_goal ON backlog_item (goal_id, rank, id) WHERE goal_id IS NOT NULL;
CREATE INDEX backlog_item_by_theme ON backlog_item (theme_id, rank, id) WHERE theme_id IS NOT NULL;
CREATE INDEX backlog_item_by_release ON backlog_item (release_id, rank, id)
    WHERE release_id IS NOT NULL;
"#,
    ),
    // 8: the roadmap. An item's horizon (Now / Next / Later; NULL = not on the roadmap) and its
    // schedule, two calendar days (`YYYY-MM-DD`, never timestamps), both or neither, the end on
    // or after the start. Rust validates them with worded refusals (`roadmap::Schedule`); the
    // CHECKs are the second line of defence. The Now/Next/Later board keeps its card order in
    // `board_rank` like the other boards, so that table is rebuilt with its CHECK extended
    // (board 'horizon', buckets now/next/later/unsorted), the rows copied with their ids and
    // ranks: create the new table, copy, drop the old one, rename (with `legacy_alter_table`
    // on and `foreign_keys` off, nothing else is touched; see the module's rules).
    M::up(
        r#"
ALTER TABLE backlog_item ADD COLUMN horizon TEXT CHECK (horizon IN ('now', 'next', 'later'));
ALTER TABLE backlog_item ADD COLUMN start_date TEXT
    CHECK (start_date IS NULL OR date(start_date) IS start_date);
ALTER TABLE backlog_item ADD COLUMN end_date TEXT
    CHECK ((end_date IS NULL) = (start_date IS NULL)
        AND (end_date IS NULL OR (date(end_date) IS end_date AND end_date >= start_date)));
CREATE INDEX backlog_item_by_horizon ON backlog_item (product_id, horizon, rank, id);

CREATE TABLE board_rank_new (
    id         TEXT NOT NULL UNIQUE CHECK (id = board || ':' || item_id),
    board      TEXT NOT NULL CHECK (board IN ('moscow', 'kano', 'horizon')),
    item_id    TEXT NOT NULL REFERENCES backlog_item(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    bucket     TEXT NOT NULL CHECK (
        (board = 'moscow' AND bucket IN ('must', 'should', 'could', 'wont', 'unsorted'))
        OR (board = 'kano' AND bucket IN ('must_be', 'performance', 'attractive', 'indifferent',
            'reverse', 'questionable', 'unsorted'))
        OR (board = 'horizon' AND bucket IN ('now', 'next', 'later', 'unsorted'))),
    rank       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (board, item_id)
) STRICT;
INSERT INTO board_rank_new (id, board, item_id, product_id, bucket, rank, created_at, updated_at,
    deleted_at)
    SELECT id, board, item_id, product_id, bucket, rank, created_at, updated_at, deleted_at
    FROM board_rank;
DROP TABLE board_rank;
ALTER TABLE board_rank_new RENAME TO board_rank;
CREATE INDEX board_rank_by_bucket ON board_rank (product_id, board, bucket, rank, item_id);
"#,
    ),
    // 9: research notes, the people they are about, tags, and full-text search.
    // - `research_note.body` is Markdown (at most 1 MB, refused in Rust with a worded message);
    //   highlights will later anchor into it by text quote, so a note keeps its id for life.
    // - Participants and tags are records of their own, reused across notes; the links are
    //   `note_id:participant_id` and `note_id:tag_id` like `decision_item`, so unlinking and
    //   linking again revives one row. A tag's name is unique among the product's live tags
    //   (Rust compares case-insensitively; the index repeats it for ASCII).
    // - Search: `search_index` is a regular FTS5 table (FTS tables cannot be STRICT) holding a
    //   copy of each note's and item's text under a stable integer key from `search_doc` (an
    //   INTEGER PRIMARY KEY: a text primary key's implicit rowid can change on VACUUM). Triggers
    //   keep it right on every write path, undo and redo included; soft-deleted rows stay in
    //   the index and the search query leaves them out, so undoing a delete needs no reindex.
    //   A note's `extra` column holds its source, participants' names and tags' names.
    M::up(
        r#"
CREATE TABLE research_note (
    id         TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    note_type  TEXT NOT NULL CHECK (note_type IN ('interview', 'usability_test', 'survey',
               'support_ticket', 'sales_call', 'analytics', 'competitor')),
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    body       TEXT NOT NULL DEFAULT '' CHECK (length(CAST(body AS BLOB)) <= 1048576),
    noted_on   TEXT NOT NULL CHECK (date(noted_on) IS noted_on),
    source     TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 300),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX research_note_by_product ON research_note (product_id, noted_on, created_at, id);

CREATE TABLE participant (
    id           TEXT PRIMARY KEY NOT NULL,
    product_id   TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    persona      TEXT NOT NULL DEFAULT '' CHECK (length(persona) <= 200),
    segment      TEXT NOT NULL DEFAULT '' CHECK (length(segment) <= 200),
    company_size TEXT NOT NULL DEFAULT '' CHECK (length(company_size) <= 100),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;

CREATE INDEX participant_by_product ON participant (product_id, name, id);

CREATE TABLE note_participant (
    id             TEXT NOT NULL UNIQUE CHECK (id = note_id || ':' || participant_id),
    note_id        TEXT NOT NULL REFERENCES research_note(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    product_id     TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    PRIMARY KEY (note_id, participant_id)
) STRICT;

CREATE INDEX note_participant_by_participant ON note_participant (participant_id, note_id);
CREATE INDEX note_participant_by_product ON note_participant (product_id, note_id);

CREATE TABLE tag (
    id         TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE UNIQUE INDEX tag_name_once ON tag (product_id, lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE note_tag (
    id         TEXT NOT NULL UNIQUE CHECK (id = note_id || ':' || tag_id),
    note_id    TEXT NOT NULL REFERENCES research_note(id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (note_id, tag_id)
) STRICT;

CREATE INDEX note_tag_by_tag ON note_tag (tag_id, note_id);
CREATE INDEX note_tag_by_product ON note_tag (product_id, note_id);

CREATE TABLE search_doc (
    doc    INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('note', 'item')),
    ref_id TEXT NOT NULL UNIQUE
) STRICT;

CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, extra, tokenize = 'unicode61 remove_diacritics 2'
);
-- The `rank` column is bm25 with the title weighing most, then the note's source, people and
-- tags, then the body: `ORDER BY rank LIMIT n` lets FTS5 keep only the best rows.
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0)');

CREATE VIEW search_note_text AS
SELECT d.doc AS doc, n.id AS note_id, n.title AS title, n.body AS body,
    trim(n.source
        || ' ' || coalesce((SELECT group_concat(p.name, ' ') FROM note_participant l
            JOIN participant p ON p.id = l.participant_id
            WHERE l.note_id = n.id AND l.deleted_at IS NULL AND p.deleted_at IS NULL), '')
        || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM note_tag l
            JOIN tag t ON t.id = l.tag_id
            WHERE l.note_id = n.id AND l.deleted_at IS NULL AND t.deleted_at IS NULL), '')
    ) AS extra
FROM research_note n JOIN search_doc d ON d.ref_id = n.id AND d.kind = 'note';

CREATE TRIGGER research_note_indexed AFTER INSERT ON research_note BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref_id) VALUES ('note', NEW.id);
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (NEW.id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (NEW.id);
END;

CREATE TRIGGER research_note_reindexed AFTER UPDATE OF title, body, source ON research_note
BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (NEW.id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (NEW.id);
END;

CREATE TRIGGER note_participant_indexed AFTER INSERT ON note_participant BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (NEW.note_id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (NEW.note_id);
END;

CREATE TRIGGER note_participant_reindexed AFTER UPDATE ON note_participant BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (NEW.note_id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (NEW.note_id);
END;

CREATE TRIGGER note_tag_indexed AFTER INSERT ON note_tag BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (NEW.note_id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (NEW.note_id);
END;

CREATE TRIGGER note_tag_reindexed AFTER UPDATE ON note_tag BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (NEW.note_id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (NEW.note_id);
END;

CREATE TRIGGER participant_reindexed AFTER UPDATE OF name, deleted_at ON participant BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (SELECT note_id FROM note_participant WHERE participant_id = NEW.id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (SELECT note_id FROM note_participant WHERE participant_id = NEW.id);
END;

CREATE TRIGGER tag_reindexed AFTER UPDATE OF name, deleted_at ON tag BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT doc FROM search_doc WHERE kind = 'note' AND ref_id IN (SELECT note_id FROM note_tag WHERE tag_id = NEW.id));
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, title, body, extra FROM search_note_text WHERE note_id IN (SELECT note_id FROM note_tag WHERE tag_id = NEW.id);
END;

CREATE TRIGGER research_note_unindexed AFTER DELETE ON research_note BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE ref_id = OLD.id);
    DELETE FROM search_doc WHERE ref_id = OLD.id;
END;

CREATE TRIGGER backlog_item_indexed AFTER INSERT ON backlog_item BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref_id) VALUES ('item', NEW.id);
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE ref_id = NEW.id);
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, NEW.title, NEW.description, '' FROM search_doc WHERE ref_id = NEW.id;
END;

CREATE TRIGGER backlog_item_reindexed AFTER UPDATE OF title, description ON backlog_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE ref_id = NEW.id);
    INSERT INTO search_index (rowid, title, body, extra)
        SELECT doc, NEW.title, NEW.description, '' FROM search_doc WHERE ref_id = NEW.id;
END;

CREATE TRIGGER backlog_item_unindexed AFTER DELETE ON backlog_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE ref_id = OLD.id);
    DELETE FROM search_doc WHERE ref_id = OLD.id;
END;

INSERT INTO search_doc (kind, ref_id) SELECT 'item', id FROM backlog_item ORDER BY created_at, id;
INSERT INTO search_index (rowid, title, body, extra)
    SELECT d.doc, i.title, i.description, '' FROM search_doc d JOIN backlog_item i ON i.id = d.ref_id;
"#,
    ),
    // 10: baselines: a named, frozen copy of a product's roadmap. The roadmap is kept as one JSON
    // snapshot (with its own format number) rather than as normalised rows: a baseline is never
    // edited, is always read whole to be compared, and must keep titles and release names as
    // they were, so one row per save keeps saving, renaming and deleting one tracked row each.
    M::up(
        r#"
CREATE TABLE baseline (
    id         TEXT PRIMARY KEY NOT NULL,
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    item_count INTEGER NOT NULL CHECK (item_count >= 0),
    snapshot   TEXT NOT NULL CHECK (json_valid(snapshot)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX baseline_by_product ON baseline (product_id, created_at, id);
"#,
    ),
    // 11 (after the baselines' 10): highlights, passages of a research note's body.
    // - A highlight anchors by text quote: `exact`, up to 32 characters of `prefix` and `suffix`,
    //   and a position hint `start_utf16`, in UTF-16 code units because that is what the editor
    //   (CodeMirror) and every JavaScript string index count in; Rust converts. Rust re-anchors
    //   every live highlight of a note in the transaction that saves its body; a passage that is
    //   gone sets `orphaned` and keeps the highlight (found again later, it is un-orphaned).
    // - Tags (the research tags) and backlog items link through `highlight_tag` and
    //   `highlight_item`, ids `highlight:other` like `note_tag`, so unlinking and linking again
    //   revives one row; `highlight_item_by_item` serves an item's evidence.
    M::up(
        r#"
CREATE TABLE highlight (
    id          TEXT PRIMARY KEY NOT NULL,
    product_id  TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    note_id     TEXT NOT NULL REFERENCES research_note(id) ON DELETE CASCADE,
    exact       TEXT NOT NULL CHECK (length(exact) BETWEEN 1 AND 5000),
    prefix      TEXT NOT NULL DEFAULT '' CHECK (length(prefix) <= 32),
    suffix      TEXT NOT NULL DEFAULT '' CHECK (length(suffix) <= 32),
    start_utf16 INTEGER NOT NULL CHECK (start_utf16 >= 0),
    orphaned    INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX highlight_by_note ON highlight (note_id, start_utf16, id);
CREATE INDEX highlight_by_product ON highlight (product_id, note_id);

CREATE TABLE highlight_tag (
    id           TEXT NOT NULL UNIQUE CHECK (id = highlight_id || ':' || tag_id),
    highlight_id TEXT NOT NULL REFERENCES highlight(id) ON DELETE CASCADE,
    tag_id       TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    product_id   TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    PRIMARY KEY (highlight_id, tag_id)
) STRICT;

CREATE INDEX highlight_tag_by_tag ON highlight_tag (tag_id, highlight_id);

CREATE TABLE highlight_item (
    id           TEXT NOT NULL UNIQUE CHECK (id = highlight_id || ':' || item_id),
    highlight_id TEXT NOT NULL REFERENCES highlight(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL REFERENCES backlog_item(id) ON DELETE CASCADE,
    product_id   TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    PRIMARY KEY (highlight_id, item_id)
) STRICT;

CREATE INDEX highlight_item_by_item ON highlight_item (item_id, highlight_id);
"#,
    ),
    // 12: the evidence settings of a product, which turn an item's evidence into a strength and
    // suggested RICE inputs (`evidence/`). A row holds a value the product owner set; no row (or a
    // soft-deleted one) means the default, so a new product needs no rows and "reset to default"
    // is one tracked row. Ids are `product_id:note_type` and `product_id:segment` (like the link
    // tables), so setting a value again revives one row. Segments are matched as written on the
    // participants.
    M::up(
        r#"
CREATE TABLE evidence_weight (
    id         TEXT PRIMARY KEY NOT NULL CHECK (id = product_id || ':' || note_type),
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    note_type  TEXT NOT NULL CHECK (note_type IN ('interview', 'usability_test', 'survey',
               'support_ticket', 'sales_call', 'analytics', 'competitor')),
    weight     INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 10),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE segment_multiplier (
    id         TEXT PRIMARY KEY NOT NULL CHECK (id = product_id || ':' || segment),
    product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    segment    TEXT NOT NULL CHECK (length(segment) BETWEEN 1 AND 200),
    multiplier REAL NOT NULL CHECK (multiplier > 0 AND multiplier <= 1000000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX evidence_weight_by_product ON evidence_weight (product_id, note_type);
CREATE INDEX segment_multiplier_by_product ON segment_multiplier (product_id, segment);
"#,
    ),
];

/// The shipped migrations.
pub fn schema() -> &'static [M<'static>] {
    MIGRATION_LIST
}

/// `list` as `rusqlite_migration` runs it: each step followed by a foreign key check.
pub fn migrations_of(list: &[M<'static>]) -> Migrations<'static> {
    Migrations::from_iter(list.iter().cloned().map(M::foreign_key_check))
}

pub fn migrations() -> Migrations<'static> {
    migrations_of(MIGRATION_LIST)
}

/// The schema version a fully migrated database has.
pub fn latest_version() -> i64 {
    MIGRATION_LIST.len() as i64
}

/// How many of `list`'s migrations the database has not had yet.
pub fn pending_migrations(connection: &Connection, list: &[M<'static>]) -> CoreResult<i64> {
    let version: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    Ok((list.len() as i64 - version).max(0))
}

/// Brings the database to the end of `list` (see the module's rules).
pub fn migrate(connection: &mut Connection, list: &[M<'static>]) -> CoreResult<()> {
    connection.pragma_update(None, "foreign_keys", "OFF")?;
    connection.pragma_update(None, "legacy_alter_table", "ON")?;
    let migrated = migrations_of(list).to_latest(connection);
    let restored = connection
        .pragma_update(None, "legacy_alter_table", "OFF")
        .and_then(|()| connection.pragma_update(None, "foreign_keys", "ON"));
    migrated?;
    restored?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn bundled_sqlite_has_the_wal_reset_fix() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        let version: String = connection
            .query_row("SELECT sqlite_version()", [], |row| row.get(0))
            .unwrap();
        let parts: Vec<u32> = version
            .split('.')
            .map(|part| part.parse().unwrap())
            .collect();
        assert!(
            parts >= vec![3, 51, 3],
            "SQLite {version} predates the 3.51.3 WAL-reset fix"
        );
    }
}
