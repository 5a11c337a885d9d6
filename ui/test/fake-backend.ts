//! An in-memory stand-in for the Rust commands, for Vitest and the Playwright tests.
//!
//! It answers exactly what the real commands answer: `test/contract.test.ts` replays the session
//! the Rust tests recorded (`test/contract/session.json`: every call, its result or error,
//! undo/redo labels, orders, the `data-changed` events) against it and fails on any difference,
//! wording included. When the Rust side changes, the fixture changes, and this file must follow.
//! It records every call and can be told to fail the next call of a command.
//!
//! Scores are the one thing it never works out for itself: every score, breakdown, score
//! position and sensitivity comes from what Rust answered in the recorded session
//! (`fake-scores.ts` says how), so there is no second implementation of the formulas to drift.
//! The fake only stores inputs and ICE modes, with undo, as Rust does.
import type {
  AppError,
  AppStatus,
  BacklogItem,
  BoardKind,
  BaselineComparison,
  BoardView,
  ChangedTable,
  DatabaseSummary,
  DataChanged,
  HistoryState,
  ItemDetails,
  ItemPatch,
  ItemSummary,
  MoveTarget,
  NewItem,
  Product,
  ProductPatch,
  TimelineView,
} from "../src/api/client";
import {
  fail,
  fakeExcerpt,
  invalid,
  notFound,
  parseIceMode,
  parseKind,
  parseStatus,
  quoted,
  STATUS_OPTIONS,
  validDatabasePath,
  validLongText,
  validTitle,
} from "./fake-rules";
import { createFakeBackups, type FakeBackupSeed } from "./fake-backups";
import {
  clone,
  DEMO_TITLES,
  demoData,
  NO_ROADMAP,
  NOW,
  rankAt,
  SCHEMA_VERSION,
  type Data,
  type StoredItem,
  type StoredProduct,
} from "./fake-data";
import { createBoardCommands } from "./fake-board-commands";
import { createMatrixCommands } from "./fake-matrix-commands";
import { createDecisionCommands } from "./fake-decision-commands";
import { createTimelineCommands } from "./fake-timeline-commands";
import { createScoreCommands, type RowScores } from "./fake-score-commands";
import { createKanoCommands } from "./fake-kano-commands";
import { createImportCommands } from "./fake-import-commands";
import { createPlanCommands } from "./fake-plan-commands";
import { createSwimlaneCommands } from "./fake-swimlane-commands";
import { createOverlayCommands } from "./fake-overlay-commands";
import { createHighlightCommands } from "./fake-highlight-commands";
import { createEvidenceCommands, seedEvidence } from "./fake-evidence-commands";
import { createResearchCommands, emptyResearch, type ResearchData } from "./fake-research-commands";
import { createBaselineCommands } from "./fake-baseline-commands";
import { createExportCommands } from "./fake-export-commands";
import { EMPTY_INPUTS } from "./item-rows";

export { DEMO_TITLES, fakeExcerpt, STATUS_OPTIONS };
export type { FakeBackupSeed };

export type FakeOptions = {
  /** Start on the database problem screen. */
  problem?: AppStatus["problem"];
  /** Start with no products at all. */
  empty?: boolean;
  /** Number of demo backlog items (default 6). */
  itemCount?: number;
  /** Start with the scored product the contract session recorded (`fake-scored-demo.ts`). */
  scored?: boolean;
  /** Start with the decision part's scored product (Alpha, Beta, Gamma: RICE 100, 800, 400). */
  outscored?: boolean;
  /** Start with the contract's questionnaire product, before any import (`fake-kano-commands.ts`). */
  kanoSurvey?: boolean;
  /** Give the first demo items horizons and dates (Now, Next, Later around March 2027). */
  roadmap?: boolean;
  /** The first call of each of these commands fails with the given error. */
  failFirst?: Record<string, AppError>;
  /** Give the demo's "Bank sync" evidence (a note, two participants, a highlight; `seedEvidence`). */
  evidence?: boolean;
  /** Backups already in the folder, newest first (each a copy of the starting data). */
  backups?: readonly FakeBackupSeed[];
};

export type FakeCall = { command: string; args: Record<string, unknown> };

type Row = { table: ChangedTable; id: string };
type HistoryEntry = { label: string; rows: Row[]; before: Data; after: Data; coalesce?: string };

const DATABASE_PATH = "/home/po/.local/share/northstar/northstar.db";
/** What the native save dialog answers for "Save a copy…" unless a test chooses otherwise. */
const SAVED_COPY_PATH = "/home/po/Documents/northstar copy.db";

/** A patch field or an optional input: parsed when given, else the current value. */
function patched<T>(value: string | null | undefined, current: T, parse: (text: string) => T): T {
  return value === null || value === undefined ? current : parse(value);
}

function publicProduct({ deleted: _deleted, ...product }: StoredProduct): Product {
  return product;
}

function publicItem({ deleted: _deleted, inputs: _inputs, ...item }: StoredItem): BacklogItem {
  return item;
}

/** Rust's `summarize_connection`: live products, live items of live products, the last change. */
function summarize(data: Data): DatabaseSummary {
  const live = new Set(data.products.filter((product) => !product.deleted).map((product) => product.id));
  const changes = [...data.products, ...data.items].map((row) => row.updatedAt).sort();
  return {
    schemaVersion: SCHEMA_VERSION,
    products: live.size,
    items: data.items.filter((item) => !item.deleted && live.has(item.productId)).length,
    lastChangeAt: changes.at(-1) ?? null,
  };
}

export function createFakeBackend(options: FakeOptions = {}) {
  let data = demoData(options);
  let problem = options.problem ?? null;
  const undoStack: HistoryEntry[] = [];
  const redoStack: HistoryEntry[] = [];
  const calls: FakeCall[] = [];
  const failures = new Map<string, AppError>(Object.entries(options.failFirst ?? {}));
  const delays = new Map<string, number>();
  const changeListeners = new Set<(change: DataChanged) => void>();
  let sequence = 0;
  let counter = 100;
  const backups = createFakeBackups({ now: NOW, seeds: options.backups ?? [], initial: data, summarize, clone });
  let savedCopyPath: string | null = SAVED_COPY_PATH;

  const liveProduct = (id: string) => {
    const product = data.products.find((candidate) => candidate.id === id && !candidate.deleted);
    if (!product) fail(notFound("product", id));
    return product;
  };

  const liveItem = (id: string) => {
    const item = data.items.find((candidate) => candidate.id === id && !candidate.deleted);
    const productLive = item && data.products.some((product) => product.id === item.productId && !product.deleted);
    if (!item || !productLive) fail(notFound("item", id));
    return item;
  };

  /** The product's live items in rank order. */
  const ranked = (productId: string) =>
    data.items.filter((item) => item.productId === productId && !item.deleted);

  const summaries = (productId: string): ItemSummary[] => {
    const scored = scoreCommands.rowScores(productId);
    return ranked(productId).map((item, index) => ({
      id: item.id,
      productId: item.productId,
      title: item.title,
      kind: item.kind,
      status: item.status,
      rank: item.rank,
      position: index + 1,
      excerpt: fakeExcerpt(item.description.slice(0, 2000)),
      updatedAt: item.updatedAt,
      ...(scored[index] as RowScores),
      horizon: item.horizon,
      startDate: item.startDate,
      endDate: item.endDate,
      evidenceCount: evidenceCommands.evidenceCount(item.id),
    }));
  };

  /** `get_item`: every field, and the item's row of scores. */
  const details = (id: string): ItemDetails => {
    const item = liveItem(id);
    const index = ranked(item.productId).findIndex((candidate) => candidate.id === id);
    return { ...publicItem(item), ...(scoreCommands.rowScores(item.productId)[index] as RowScores) };
  };

  const history = (): HistoryState => ({
    canUndo: undoStack.length > 0,
    canRedo: redoStack.length > 0,
    undoLabel: undoStack.at(-1)?.label ?? null,
    redoLabel: redoStack.at(-1)?.label ?? null,
  });

  const status = (): AppStatus => ({
    databasePath: DATABASE_PATH,
    problem,
    openProductId: data.openProductId,
    statusOptions: STATUS_OPTIONS,
    logFolder: "/home/po/.local/state/northstar/logs",
  });

  const emit = (change: DataChanged) => {
    for (const listener of changeListeners) listener(clone(change));
  };

  const announceRows = (reason: string, rows: readonly Row[]): DataChanged | null => {
    if (rows.length === 0) return null;
    sequence += 1;
    const tables: ChangedTable[] = [];
    for (const row of rows) if (!tables.includes(row.table)) tables.push(row.table);
    const change: DataChanged = { sequence, reason, tables, ids: rows.map((row) => row.id), everything: false };
    emit(change);
    return change;
  };

  const announceEverything = (reason: string): DataChanged => {
    sequence += 1;
    const change: DataChanged = { sequence, reason, tables: [], ids: [], everything: true };
    emit(change);
    return change;
  };

  /** One user action: records it for undo when it changed rows, and announces it. */
  // The key of the newest step while the next save of its burst joins it (Rust's
  // `History::record_at`: a note's body autosaves are one step until another change).
  let openBurst: string | null = null;
  const write = <T>(reason: string, label: string, rows: readonly Row[], change: () => T, coalesce?: string) => {
    const before = clone(data);
    const value = change();
    if (rows.length > 0) {
      const top = undoStack.at(-1);
      if (coalesce !== undefined && openBurst === coalesce && top?.coalesce === coalesce && redoStack.length === 0) {
        top.label = label;
        top.after = clone(data);
        for (const row of rows) if (!top.rows.some((known) => known.table === row.table && known.id === row.id)) top.rows.push(row);
      } else {
        undoStack.push({ label, rows: [...rows], before, after: clone(data), coalesce });
      }
      openBurst = coalesce ?? null;
      redoStack.length = 0;
    }
    return { value, change: announceRows(reason, rows) };
  };

  const scoreCommands = createScoreCommands({
    liveItem,
    liveProduct,
    ranked,
    stored: (id) => data.items.find((candidate) => candidate.id === id) as StoredItem,
    write,
    now: NOW,
  });

  const boardCommands = createBoardCommands({ data: () => data, liveItem, summaries, write, now: NOW });
  const matrixCommands = createMatrixCommands({ liveProduct, summaries });
  const timelineCommands = createTimelineCommands({ data: () => data, liveItem, liveProduct, write, now: NOW });

  const decisionCommands = createDecisionCommands({
    data: () => data,
    liveProduct,
    liveItem,
    ranked,
    listBoard: (productId, board) => boardCommands.handlers.list_board?.({ productId, board }) as BoardView,
    write,
    nextId: () => `d-${counter++}`,
    now: NOW,
  });

  /** A card's place in its column now (for the rationale question after it moves). */
  const placeOnBoard = (itemId: string, board: BoardKind) => {
    const item = data.items.find((candidate) => candidate.id === itemId && !candidate.deleted);
    if (!item) return { column: null, index: -1 };
    let view: BoardView;
    try {
      view = boardCommands.handlers.list_board?.({ productId: item.productId, board }) as BoardView;
    } catch {
      // A board state the session never recorded (its effort check): the move itself goes on.
      return { column: null, index: -1 };
    }
    const column = view.columns.find((candidate) => candidate.cards.some((card) => card.id === itemId));
    return { column: column?.column ?? null, index: column?.cards.findIndex((card) => card.id === itemId) ?? -1 };
  };

  const kanoCommands = createKanoCommands({
    data: () => data,
    liveProduct,
    liveItem,
    ranked,
    write,
    setKano: (itemId, category) => scoreCommands.handlers.set_score_inputs?.({ itemIds: [itemId], changes: [{ input: "kano", value: category }] }),
    nextId: () => `k-${counter++}`,
  });

  const planCommands = createPlanCommands({
    data: () => data,
    liveProduct,
    liveItem,
    ranked,
    write,
    nextId: () => `g-${counter++}`,
    now: NOW,
  });

  const researchCommands = createResearchCommands({
    data: () => {
      data.research ??= emptyResearch();
      return data as Data & { research: ResearchData };
    },
    liveProduct,
    write,
    nextId: () => `r-${counter++}`,
    now: NOW,
    reanchor: (noteId, body) => highlightCommands.reanchor(noteId, body),
  });

  const baselineCommands = createBaselineCommands({
    data: () => data,
    liveProduct,
    listBoard: (productId) => boardCommands.handlers.list_board?.({ productId, board: "horizon" }) as BoardView,
    write,
    nextId: () => `b-${counter++}`,
    now: NOW,
  });

  const exportCommands = createExportCommands({ liveProduct });

  const overlayCommands = createOverlayCommands({
    listTimeline: (productId, scale, grouping) => timelineCommands.handlers.list_timeline?.({ productId, scale, grouping }) as TimelineView,
    compareBaseline: (id) => baselineCommands.handlers.compare_baseline?.({ id }) as BaselineComparison,
  });

  const swimlaneCommands = createSwimlaneCommands({
    data: () => data,
    liveItem,
    liveProduct,
    listBoard: (productId) => boardCommands.handlers.list_board?.({ productId, board: "horizon" }) as BoardView,
    boardMove: (writeWith) => createBoardCommands({ data: () => data, liveItem, summaries, write: writeWith, now: NOW }).handlers.move_card as (args: Record<string, unknown>) => unknown,
    setLink: (writeWith) =>
      createPlanCommands({ data: () => data, liveProduct, liveItem, ranked, write: writeWith, nextId: () => `g-${counter++}`, now: NOW }).handlers
        .set_item_plan_link as (args: Record<string, unknown>) => unknown,
    write,
  });

  const importCommands = createImportCommands({
    data: () => {
      data.research ??= emptyResearch();
      return data as Data & { research: ResearchData };
    },
    liveProduct,
    write,
    nextId: () => `f-${counter++}`,
    now: NOW,
  });

  const highlightCommands = createHighlightCommands({
    data: () => data,
    write,
    nextId: () => `h-${counter++}`,
    now: NOW,
  });

  const evidenceCommands = createEvidenceCommands({ data: () => data, liveItem, liveProduct, write, prepareDecision: decisionCommands.prepareDecision });

  const replay = (from: HistoryEntry[], to: HistoryEntry[], verb: "undo" | "redo") => {
    openBurst = null;
    const entry = from.pop();
    if (!entry) fail({ kind: "NothingToUndo", detail: { message: `There is nothing to ${verb}.` } });
    // The open product is a setting, not history: a replay leaves it as it is.
    data = { ...clone(verb === "undo" ? entry.before : entry.after), openProductId: data.openProductId };
    to.push(entry);
    return { value: history(), change: announceRows(verb === "undo" ? "Undo" : "Redo", entry.rows) };
  };

  const moveItem = (id: string, target: MoveTarget) => {
    const item = liveItem(id);
    const list = ranked(item.productId);
    const index = list.findIndex((candidate) => candidate.id === id);
    const unchanged = { value: { id: item.id, rank: item.rank }, change: null };
    let anchor: { id: string; after: boolean } | "top" | "bottom";
    let words = "";
    switch (target.to) {
      case "top":
        if (index === 0) return unchanged;
        anchor = "top";
        words = " to top";
        break;
      case "bottom":
        if (index === list.length - 1) return unchanged;
        anchor = "bottom";
        words = " to bottom";
        break;
      case "up": {
        const previous = list[index - 1];
        if (!previous) return unchanged;
        anchor = { id: previous.id, after: false };
        words = " up";
        break;
      }
      case "down": {
        const next = list[index + 1];
        if (!next) return unchanged;
        anchor = { id: next.id, after: true };
        words = " down";
        break;
      }
      case "before":
      case "after": {
        const other = liveItem(target.itemId);
        if (other.productId !== item.productId) {
          fail(invalid("target", "Items can only move within their product."));
        }
        if (other.id === item.id) return unchanged;
        const beside = list[target.to === "before" ? index + 1 : index - 1];
        if (beside?.id === other.id) return unchanged;
        anchor = { id: other.id, after: target.to === "after" };
        break;
      }
    }
    const rank = `${item.rank}~`;
    decisionCommands.rememberMove("backlog", id, index);
    return write("Item moved", `Move ${quoted(item.title)}${words}`, [{ table: "backlogItem", id }], () => {
      const moving = data.items.find((candidate) => candidate.id === id) as StoredItem;
      const others = data.items.filter((candidate) => candidate.id !== id);
      const productItems = others.filter((candidate) => candidate.productId === item.productId && !candidate.deleted);
      let at: number;
      if (anchor === "top") at = others.indexOf(productItems[0] as StoredItem);
      else if (anchor === "bottom") at = others.indexOf(productItems.at(-1) as StoredItem) + 1;
      else {
        const anchorId = anchor.id;
        at = others.findIndex((candidate) => candidate.id === anchorId) + (anchor.after ? 1 : 0);
      }
      moving.rank = rank;
      moving.updatedAt = NOW;
      others.splice(at, 0, moving);
      data.items = others;
      return { id, rank };
    });
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    get_app_status: () => status(),
    open_database: ({ path }) => {
      validDatabasePath(path);
      problem = null;
      announceEverything("Opened another database");
      return status();
    },
    retry_open_database: () => {
      problem = null;
      return status();
    },
    start_new_database: () => {
      problem = null;
      data = demoData({});
      undoStack.length = 0;
      redoStack.length = 0;
      announceEverything("Started a new database");
      return status();
    },
    list_products: () => data.products.filter((product) => !product.deleted).map(publicProduct),
    create_product: ({ name }) => {
      const valid = validTitle("name", "product", String(name));
      const id = `p-${counter++}`;
      return write("Product added", `Add product ${quoted(valid)}`, [{ table: "product", id }], () => {
        const product: StoredProduct = {
          id,
          name: valid,
          vision: "",
          strategy: "",
          targetUsers: "",
          northStarMetric: "",
          iceMode: "product",
          createdAt: NOW,
          updatedAt: NOW,
          deleted: false,
        };
        data.products.push(product);
        return publicProduct(product);
      });
    },
    update_product: ({ id, patch }) => {
      const current = liveProduct(String(id));
      const changes = patch as ProductPatch;
      const next = {
        name: patched(changes.name, current.name, (text) => validTitle("name", "product", text)),
        vision: patched(changes.vision, current.vision, (text) => validLongText("vision", text)),
        strategy: patched(changes.strategy, current.strategy, (text) => validLongText("strategy", text)),
        targetUsers:
          patched(changes.targetUsers, current.targetUsers, (text) => validLongText("target users", text)),
        northStarMetric:
          patched(changes.northStarMetric, current.northStarMetric, (text) => validLongText("north-star metric", text)),
      };
      const iceMode = patched(changes.iceMode, current.iceMode, parseIceMode);
      const textsUnchanged = (Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === current[key]);
      if (textsUnchanged && iceMode === current.iceMode) return { value: publicProduct(current), change: null };
      const renamed = next.name !== current.name && changes.vision === null && changes.strategy === null;
      const label = textsUnchanged
        ? `Use the ${iceMode} for ICE in ${quoted(next.name)}`
        : renamed
          ? `Rename product to ${quoted(next.name)}`
          : `Edit product ${quoted(next.name)}`;
      return write("Product edited", label, [{ table: "product", id: current.id }], () => {
        const stored = data.products.find((candidate) => candidate.id === current.id) as StoredProduct;
        Object.assign(stored, next, { iceMode, updatedAt: NOW });
        return publicProduct(stored);
      });
    },
    delete_product: ({ id }) => {
      const product = liveProduct(String(id));
      return write("Product deleted", `Delete product ${quoted(product.name)}`, [{ table: "product", id: product.id }], () => {
        (data.products.find((candidate) => candidate.id === product.id) as StoredProduct).deleted = true;
        return null;
      });
    },
    set_open_product: ({ id }) => {
      data.openProductId = String(id);
      return null;
    },
    list_items: ({ productId }) => {
      liveProduct(String(productId));
      return summaries(String(productId));
    },
    get_item: ({ id }) => details(String(id)),
    create_item: ({ input }) => {
      const newItem = input as NewItem;
      const title = validTitle("title", "item", newItem.title);
      const description = validLongText("description", newItem.description ?? "");
      const itemStatus = patched(newItem.status, "idea", parseStatus);
      const kind = patched(newItem.kind, "feature", parseKind);
      liveProduct(newItem.productId);
      const id = `i-${counter++}`;
      return write("Item added", `Add ${quoted(title)}`, [{ table: "backlogItem", id }], () => {
        const item: StoredItem = {
          id,
          productId: newItem.productId,
          title,
          description,
          status: itemStatus,
          kind,
          rank: rankAt(counter),
          createdAt: NOW,
          updatedAt: NOW,
          deleted: false,
          inputs: { ...EMPTY_INPUTS },
          ...NO_ROADMAP,
        };
        data.items.push(item);
        return publicItem(item);
      });
    },
    update_item: ({ id, patch }) => {
      const current = liveItem(String(id));
      const changes = patch as ItemPatch;
      const title = patched(changes.title, current.title, (text) => validTitle("title", "item", text));
      const description =
        patched(changes.description, current.description, (text) => validLongText("description", text));
      const itemStatus = patched(changes.status, current.status, parseStatus);
      const kind = patched(changes.kind, current.kind, parseKind);
      if (
        title === current.title &&
        description === current.description &&
        itemStatus === current.status &&
        kind === current.kind
      ) {
        return { value: publicItem(current), change: null };
      }
      const statusLabel = STATUS_OPTIONS.find((option) => option.value === itemStatus)?.label ?? itemStatus;
      const label =
        itemStatus !== current.status && title === current.title
          ? `Set ${quoted(title)} to ${statusLabel}`
          : `Edit ${quoted(title)}`;
      return write("Item edited", label, [{ table: "backlogItem", id: current.id }], () => {
        const stored = data.items.find((candidate) => candidate.id === current.id) as StoredItem;
        Object.assign(stored, { title, description, status: itemStatus, kind, updatedAt: NOW });
        return publicItem(stored);
      });
    },
    set_items_status: ({ itemIds, status }) => {
      const ids = [...new Set(itemIds as string[])];
      if (ids.length === 0) fail(invalid("itemIds", "Choose at least one item."));
      const itemStatus = parseStatus(String(status));
      const items = ids.map(liveItem);
      const changed = items.filter((item) => item.status !== itemStatus);
      const statusLabel = STATUS_OPTIONS.find((option) => option.value === itemStatus)?.label ?? itemStatus;
      const [single] = changed;
      const label =
        changed.length === 1 && single
          ? `Set ${quoted(single.title)} to ${statusLabel}`
          : `Set status of ${changed.length} items to ${statusLabel}`;
      const rows: Row[] = changed.map((item) => ({ table: "backlogItem", id: item.id }));
      return write("Items edited", label, rows, () => {
        for (const item of changed) {
          Object.assign(data.items.find((candidate) => candidate.id === item.id) as StoredItem, { status: itemStatus, updatedAt: NOW });
        }
        return ids.map((id) => publicItem(liveItem(id)));
      });
    },
    delete_item: ({ id }) => {
      const item = liveItem(String(id));
      return write("Item deleted", `Delete ${quoted(item.title)}`, [{ table: "backlogItem", id: item.id }], () => {
        (data.items.find((candidate) => candidate.id === item.id) as StoredItem).deleted = true;
        return null;
      });
    },
    move_item: ({ id, target }) => moveItem(String(id), target as MoveTarget),
    ...scoreCommands.handlers,
    ...boardCommands.handlers,
    ...matrixCommands.handlers,
    move_card: (args) => {
      const itemId = String(args.itemId);
      const board = args.board as BoardKind;
      const before = placeOnBoard(itemId, board);
      const moved = boardCommands.handlers.move_card?.(args) as { change: DataChanged | null };
      if (moved.change) decisionCommands.rememberMove(board, itemId, before.column === args.column ? before.index : null);
      return moved;
    },
    ...decisionCommands.handlers,
    ...kanoCommands.handlers,
    ...planCommands.handlers,
    ...baselineCommands.handlers,
    ...timelineCommands.handlers,
    ...researchCommands.handlers,
    ...highlightCommands.handlers,
    ...swimlaneCommands.handlers,
    ...overlayCommands.handlers,
    ...evidenceCommands.handlers,
    get_history: () => history(),
    undo: () => replay(undoStack, redoStack, "undo"),
    redo: () => replay(redoStack, undoStack, "redo"),
    list_backups: () => backups.list(DATABASE_PATH),
    back_up_now: () => backups.make("manual", data),
    preview_restore: ({ fileName }) => ({ restored: backups.readable(String(fileName)).info.summary, replaced: summarize(data) }),
    restore_backup: ({ fileName }) => {
      const chosen = backups.readable(String(fileName));
      const replaced = summarize(data);
      const safety = backups.make("beforeRestore", data);
      // The whole file is replaced: its open product too; the history starts afresh.
      data = clone(chosen.data);
      undoStack.length = 0;
      redoStack.length = 0;
      const change = announceEverything("Restored a backup");
      return { value: { restored: chosen.info.summary, replaced, safetyBackup: safety.path }, change };
    },
    // Not in the contract: its answer is the native dialog's (the path chosen, or null).
    save_database_copy: () => savedCopyPath,
    ...exportCommands.handlers,
    ...importCommands.handlers,
  };

  if (options.evidence) {
    seedEvidence((command, args) => handlers[command]?.(args));
    // The starting data, not the person's own steps.
    undoStack.length = 0;
  }

  return {
    calls,
    /** The IPC handler: returns the command's data, or throws an `AppError` like Tauri rejects. */
    handle(command: string, args: Record<string, unknown> = {}): unknown {
      const run = () => {
        calls.push({ command, args: clone(args) });
        const failure = failures.get(command);
        if (failure) {
          failures.delete(command);
          fail(failure);
        }
        const handler = handlers[command];
        if (!handler) fail(`Command ${command} not found`);
        return clone(handler(args));
      };
      const delay = delays.get(command);
      if (delay === undefined) return run();
      delays.delete(command);
      // Like a command still on its way in Rust: it runs (and is recorded) only after the delay.
      return new Promise((resolve, reject) => setTimeout(() => {
        try {
          resolve(run());
        } catch (error) {
          // Tauri rejects with the serialised AppError, not an Error: so does the fake.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        }
      }, delay));
    },
    /** Makes the next call of `command` reach the backend only after `ms` milliseconds. */
    delayNext(command: string, ms: number) {
      delays.set(command, ms);
    },
    /** Makes the next call of `command` fail with `error`. */
    failNext(command: string, error: AppError) {
      failures.set(command, error);
    },
    /** What the native "Save a copy…" dialog answers next: a path, or null (cancelled). */
    chooseSavedCopyPath(path: string | null) {
      savedCopyPath = path;
    },
    /** What the native "Import answers…" dialog answers next: a path, or null (cancelled). */
    chooseKanoFile(path: string | null) {
      kanoCommands.chooseFile(path);
    },
    /** What the native "Import feedback…" file or folder dialog answers next: a path, or null. */
    chooseFeedbackPath(path: string | null) {
      importCommands.choosePath(path);
    },
    /** Listens to the `data-changed` events the backend emits. */
    onChange(listener: (change: DataChanged) => void) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    titles: (productId = "p-demo") => ranked(productId).map((item) => item.title),
  };
}

export type FakeBackend = ReturnType<typeof createFakeBackend>;
