//! The fake backend's decision log (`list_decisions`, `create_decision`, `update_decision`,
//! `set_decision_items`, `delete_decision`) and the question after a move
//! (`list_outscoring_items`), answering as `queries::decisions` and `queries::outscoring` do; the
//! contract replay checks every answer, refusal, label and event.
//!
//! The question compares scores, but never computes one: every score is the one Rust answered
//! for those inputs in the recorded session (`fake-scores.ts`). Which items a move jumped over is
//! read from the fake's own memory of the move (the place it came from), since the fake's rank
//! keys are not Rust's: the UI always passes the key the item had before the move, which here
//! only says whether it came from the same list (a board column) at all.
import type { AppError, BoardKind, BoardView, ChangedTable, DataChanged, Decision, DecisionPatch, LinkedItem, MovedIn, NewDecision, NumericFramework, Outscoring, OutscoringItem, Score } from "../src/api/client";
import type { Data, StoredItem, StoredProduct } from "./fake-data";
import { fail, invalid, notFound, quoted } from "./fake-rules";
import { recordedScores } from "./fake-scores";

type Row = { table: ChangedTable; id: string };

/** A decision as the fake stores it (`seq`: the order recorded, which Rust's UUIDv7 ids keep). */
export type StoredDecision = Omit<Decision, "items"> & { deleted: boolean; seq: number };
/** A decision's link to an item, by `decisionId:itemId` (Rust's `decision_item.id`). */
export type StoredLink = { decisionId: string; itemId: string; deleted: boolean };

export type DecisionCommandsHost = {
  data: () => Data;
  liveProduct: (id: string) => StoredProduct;
  liveItem: (id: string) => StoredItem;
  ranked: (productId: string) => StoredItem[];
  listBoard: (productId: string, board: BoardKind) => BoardView;
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  nextId: () => string;
  now: string;
};

const MAX_TITLE_CHARS = 300;
const MAX_RATIONALE_CHARS = 2000;
const LABELS: Record<NumericFramework, string> = { rice: "RICE", ice: "ICE", wsjf: "WSJF" };

const chars = (text: string) => [...text].length;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Rust's `validate_decision_text`. */
function validDecision(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") fail(invalid("decision", "Say what was decided."));
  const length = chars(trimmed);
  if (length > MAX_TITLE_CHARS) {
    fail(invalid("decision", `The decision can be at most ${MAX_TITLE_CHARS} characters; this one has ${length}.`));
  }
  if (CONTROL.test(trimmed)) {
    fail(invalid("decision", "The decision must fit on one line (no line breaks or tabs); the rationale can be longer."));
  }
  return trimmed;
}

/** Rust's `validate_rationale`. */
function validRationale(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") fail(invalid("rationale", "Give the decision a rationale: why was it taken?"));
  const length = chars(trimmed);
  if (length > MAX_RATIONALE_CHARS) {
    fail(invalid("rationale", `The rationale can be at most ${MAX_RATIONALE_CHARS} characters; this one has ${length}.`));
  }
  return trimmed;
}

/** Rust's `validate_decided_on`: a real calendar day written `YYYY-MM-DD`. */
function validDay(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== trimmed) {
    fail(invalid("decidedOn", `“${trimmed}” is not a date. Write it as year-month-day, e.g. 2026-03-01.`));
  }
  return trimmed;
}

/** Today on this computer's calendar, like Rust's `decision::today`. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A patch field that is set (`null` or absent leaves the field as it is). */
function given(value: string | null | undefined): value is string {
  return value !== null && value !== undefined;
}

/** Rust's `outscoring::shortened`. */
function shortened(title: string, limit: number): string {
  const letters = [...title];
  return letters.length <= limit ? title : `${letters.slice(0, limit - 1).join("").trimEnd()}…`;
}

export function createDecisionCommands(host: DecisionCommandsHost) {
  let seq = 0;
  /** Where each item was in a list before its last move there: `backlog:<id>` or `<board>:<id>`. */
  const movedFrom = new Map<string, number | null>();

  const decisions = () => host.data().decisions;
  const links = () => host.data().decisionLinks;

  const liveDecision = (id: string) => {
    const found = decisions().find((decision) => decision.id === id && !decision.deleted);
    const productLive = found && host.data().products.some((product) => product.id === found.productId && !product.deleted);
    if (!found || !productLive) fail(notFound("decision", id));
    return found;
  };

  /** The decision's live links to live items, in backlog order. */
  const linkedItems = (decision: StoredDecision): LinkedItem[] =>
    host
      .ranked(decision.productId)
      .filter((item) => links()[`${decision.id}:${item.id}`]?.deleted === false)
      .map((item) => ({ id: item.id, title: item.title }));

  const publicDecision = (decision: StoredDecision): Decision => {
    const { deleted: _deleted, seq: _seq, ...rest } = decision;
    return { ...rest, items: linkedItems(decision) };
  };

  /** Rust's `checked_items`: each once, every one a live item of the product. */
  const checkedItems = (productId: string, itemIds: readonly string[]): StoredItem[] => {
    const items: StoredItem[] = [];
    for (const id of itemIds) {
      if (items.some((item) => item.id === id)) continue;
      let item: StoredItem;
      try {
        item = host.liveItem(id);
      } catch (error) {
        if ((error as AppError).kind === "NotFound") {
          fail(invalid("itemIds", "One of these items was deleted meanwhile: choose the items again in the decision log."));
        }
        throw error;
      }
      if (item.productId !== productId) {
        fail(invalid("itemIds", `${quoted(item.title)} belongs to another product: a decision links items of its own product.`));
      }
      items.push(item);
    }
    return items;
  };

  const link = (decisionId: string, itemId: string) => {
    links()[`${decisionId}:${itemId}`] = { decisionId, itemId, deleted: false };
  };

  const listDecisions = (productId: string, itemId: string | null): Decision[] => {
    host.liveProduct(productId);
    if (itemId !== null) {
      const item = host.liveItem(itemId);
      if (item.productId !== productId) {
        fail(invalid("itemId", `${quoted(item.title)} belongs to another product: choose one of this product’s items.`));
      }
    }
    return decisions()
      .filter((decision) => decision.productId === productId && !decision.deleted)
      .filter((decision) => itemId === null || links()[`${decision.id}:${itemId}`]?.deleted === false)
      .sort((a, b) => (a.decidedOn === b.decidedOn ? b.seq - a.seq : a.decidedOn < b.decidedOn ? 1 : -1))
      .map(publicDecision);
  };

  /** A decision checked and ready to record: its rows, and what records it (inside a write). */
  const prepareDecision = (input: NewDecision) => {
    const decision = validDecision(input.decision);
    const rationale = validRationale(input.rationale);
    const decidedOn = input.decidedOn === null || input.decidedOn === undefined ? today() : validDay(input.decidedOn);
    host.liveProduct(input.productId);
    const items = checkedItems(input.productId, input.itemIds);
    const id = host.nextId();
    const rows: Row[] = [{ table: "decision", id }, ...items.map((item): Row => ({ table: "decisionItem", id: `${id}:${item.id}` }))];
    const record = () => {
      const stored: StoredDecision = {
        id,
        productId: input.productId,
        decidedOn,
        decision,
        rationale,
        createdAt: host.now,
        updatedAt: host.now,
        deleted: false,
        seq: ++seq,
      };
      decisions().push(stored);
      for (const item of items) link(id, item.id);
      return publicDecision(stored);
    };
    return { decision, rows, record };
  };

  const createDecision = (input: NewDecision) => {
    const { decision, rows, record } = prepareDecision(input);
    return host.write("Decision recorded", `Record decision ${quoted(decision)}`, rows, record);
  };

  const updateDecision = (id: string, patch: DecisionPatch) => {
    const current = liveDecision(id);
    const decision = given(patch.decision) ? validDecision(patch.decision) : current.decision;
    const rationale = given(patch.rationale) ? validRationale(patch.rationale) : current.rationale;
    const decidedOn = given(patch.decidedOn) ? validDay(patch.decidedOn) : current.decidedOn;
    if (decision === current.decision && rationale === current.rationale && decidedOn === current.decidedOn) {
      return { value: publicDecision(current), change: null };
    }
    return host.write("Decision edited", `Edit decision ${quoted(decision)}`, [{ table: "decision", id }], () => {
      Object.assign(current, { decision, rationale, decidedOn, updatedAt: host.now });
      return publicDecision(current);
    });
  };

  const setDecisionItems = (id: string, itemIds: readonly string[]) => {
    const current = liveDecision(id);
    const wanted = checkedItems(current.productId, itemIds);
    const linked = linkedItems(current);
    const added = wanted.filter((item) => !linked.some((existing) => existing.id === item.id));
    const removed = linked.filter((existing) => !wanted.some((item) => item.id === existing.id));
    const name = quoted(current.decision);
    if (added.length === 0 && removed.length === 0) return { value: publicDecision(current), change: null };
    const [onlyAdded] = added;
    const [onlyRemoved] = removed;
    const label =
      added.length === 1 && removed.length === 0 && onlyAdded
        ? `Link ${quoted(onlyAdded.title)} to decision ${name}`
        : added.length === 0 && removed.length === 1 && onlyRemoved
          ? `Unlink ${quoted(onlyRemoved.title)} from decision ${name}`
          : `Change the items of decision ${name}`;
    const rows: Row[] = [...removed, ...added].map((item) => ({ table: "decisionItem", id: `${id}:${item.id}` }));
    return host.write("Decision items set", label, rows, () => {
      for (const item of removed) {
        const stored = links()[`${id}:${item.id}`];
        if (stored) stored.deleted = true;
      }
      for (const item of added) link(id, item.id);
      return publicDecision(current);
    });
  };

  const deleteDecision = (id: string) => {
    const current = liveDecision(id);
    return host.write("Decision deleted", `Delete decision ${quoted(current.decision)}`, [{ table: "decision", id }], () => {
      current.deleted = true;
      return null;
    });
  };

  /** The fake's record of where a move came from (`index` in that list before the move; on a
   * board, null when the card came from another column). */
  const rememberMove = (list: string, itemId: string, index: number | null) => movedFrom.set(`${list}:${itemId}`, index);

  const scoreOf = (item: StoredItem, framework: NumericFramework): Score | null => {
    const { iceMode } = host.liveProduct(item.productId);
    return recordedScores(item.inputs, iceMode)[framework];
  };

  const listOutscoring = (itemId: string, framework: NumericFramework, list: MovedIn, previousKey: string | null): Outscoring => {
    const item = host.liveItem(itemId);
    const score = scoreOf(item, framework);
    let jumped: StoredItem[] = [];
    if (score !== null) {
      if (list.list === "backlog") {
        if (previousKey === null) fail(invalid("previousKey", "Say where the item was before the move (its rank key)."));
        const order = host.ranked(item.productId);
        const now = order.findIndex((candidate) => candidate.id === itemId);
        const from = movedFrom.get(`backlog:${itemId}`) ?? null;
        jumped = from !== null && from > now ? order.slice(now + 1, from + 1) : [];
      } else {
        const view = host.listBoard(item.productId, list.board);
        const column = view.columns.find((candidate) => candidate.cards.some((card) => card.id === itemId));
        const cards = column?.cards ?? [];
        const now = cards.findIndex((card) => card.id === itemId);
        const from = previousKey === null ? cards.length - 1 : (movedFrom.get(`${list.board}:${itemId}`) ?? null);
        const below = from !== null && from > now ? cards.slice(now + 1, from + 1) : [];
        jumped = below.map((card) => host.liveItem(card.id));
      }
    }
    const items: OutscoringItem[] = score === null
      ? []
      : jumped.flatMap((candidate) => {
          const theirs = scoreOf(candidate, framework);
          return theirs !== null && theirs.value > score.value ? [{ id: candidate.id, title: candidate.title, score: theirs }] : [];
        });
    const moved = quoted(shortened(item.title, 120));
    const label = LABELS[framework];
    const [only] = items;
    const words: [string | null, string | null] =
      items.length === 0
        ? [null, null]
        : items.length === 1 && only
          ? [
              `${moved} now sits above ${quoted(shortened(only.title, 120))}, which scores higher in ${label}. Why?`,
              `Rank ${moved} above ${quoted(shortened(only.title, 120))}`,
            ]
          : [
              `${moved} now sits above ${items.length} items that score higher in ${label}. Why?`,
              `Rank ${moved} above ${items.length} items that score higher in ${label}`,
            ];
    return {
      itemId: item.id,
      itemTitle: item.title,
      framework,
      frameworkLabel: label,
      score,
      items,
      question: words[0],
      decision: words[1],
    };
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_decisions: ({ productId, itemId }) => listDecisions(String(productId), typeof itemId === "string" ? itemId : null),
    create_decision: ({ input }) => createDecision(input as NewDecision),
    update_decision: ({ id, patch }) => updateDecision(String(id), patch as DecisionPatch),
    set_decision_items: ({ id, itemIds }) => setDecisionItems(String(id), itemIds as string[]),
    delete_decision: ({ id }) => deleteDecision(String(id)),
    list_outscoring_items: ({ itemId, framework, list, previousKey }) =>
      listOutscoring(String(itemId), framework as NumericFramework, list as MovedIn, typeof previousKey === "string" ? previousKey : null),
  };
  return { handlers, rememberMove, prepareDecision };
}
