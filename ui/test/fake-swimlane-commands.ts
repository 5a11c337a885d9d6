//! The fake backend's swimlane and home snapshot commands (`list_swimlane_board`,
//! `move_card_in_swimlanes`, `get_home_roadmap`), answering as `queries::board_swimlanes` and
//! `queries::home_roadmap` do; the contract replay checks every answer
//! (tests/commands/contract_swimlanes.rs).
//!
//! The board and its order are the fake's Now / Next / Later board (`list_board`), split by the
//! items' goal or theme; a move across rows runs the board's move and the link's change inside
//! ONE recorded write, as Rust does in one transaction.
import type { BoardColumn, BoardView, ChangedTable, DataChanged, HomeRoadmap, MoveTarget, SwimlaneBoard, SwimlaneGrouping } from "../src/api/client";
import type { Data, StoredItem } from "./fake-data";
import { emptyPlan } from "./fake-plan-commands";
import { fail, invalid, quoted } from "./fake-rules";
import { FAKE_TODAY, parseDay, rangeWords } from "./fake-timeline-commands";

type Row = { table: ChangedTable; id: string };
type Written = { value: unknown; change: DataChanged | null };
type Handler = (args: Record<string, unknown>) => unknown;

/** The heading of the row of cards without a goal (theme), as `timeline_plan` names it. */
const NONE_LABEL: Record<SwimlaneGrouping, string> = { goal: "No goal", theme: "No theme" };

export type SwimlaneCommandsHost = {
  data: () => Data;
  liveItem: (id: string) => StoredItem;
  liveProduct: (id: string) => unknown;
  listBoard: (productId: string) => BoardView;
  /** The board's `move_card` and the plan's `set_item_plan_link`, run with `write` as given. */
  boardMove: (write: WriteFn) => Handler;
  setLink: (write: WriteFn) => Handler;
  write: WriteFn;
};
type WriteFn = <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };

export function createSwimlaneCommands(host: SwimlaneCommandsHost) {
  const plan = () => (host.data().plan ??= emptyPlan());
  const liveOf = <T extends { productId: string; deleted: boolean; seq: number }>(rows: T[], productId: string) =>
    rows.filter((row) => row.productId === productId && !row.deleted).sort((a, b) => a.seq - b.seq);

  /** The rows in order: each live goal (theme), then "none". */
  const headings = (productId: string, grouping: SwimlaneGrouping) => {
    const targets =
      grouping === "goal"
        ? liveOf(plan().goals, productId).map((goal) => ({ key: goal.id, label: goal.title }))
        : liveOf(plan().themes, productId).map((theme) => ({ key: theme.id, label: theme.name }));
    return [...targets, { key: "none", label: NONE_LABEL[grouping] }];
  };

  const rowOf = (itemId: string, grouping: SwimlaneGrouping, keys: readonly string[]) => {
    const link = plan().links[itemId]?.[grouping] ?? null;
    return link !== null && keys.includes(link) ? link : "none";
  };

  const listSwimlaneBoard = (productId: string, grouping: SwimlaneGrouping): SwimlaneBoard => {
    const board = host.listBoard(productId);
    const rows = headings(productId, grouping);
    const keys = rows.map((row) => row.key);
    return {
      grouping,
      swimlanes: rows.map(({ key, label }) => {
        const columns: BoardColumn[] = board.columns.map((column) => ({
          column: column.column,
          label: column.label,
          cards: column.cards
            .filter((card) => rowOf(card.id, grouping, keys) === key)
            .map((card, index) => ({ ...card, position: index + 1 })),
        }));
        return { key, label, count: columns.reduce((sum, column) => sum + column.cards.length, 0), columns };
      }),
    };
  };

  /** Runs `work` with the writes it makes captured (label, rows) instead of recorded. */
  const captured: WriteFn = (_reason, _label, rows, change) => {
    pending.push(...rows);
    return { value: change(), change: null };
  };
  let pending: Row[] = [];

  const moveCardInSwimlanes = (args: Record<string, unknown>) => {
    const itemId = String(args.itemId);
    const grouping = args.grouping as SwimlaneGrouping;
    const swimlane = String(args.swimlane);
    const target = args.target as MoveTarget;
    const item = host.liveItem(itemId);
    const rowNow = (id: string) => {
      const link = plan().links[id]?.[grouping] ?? null;
      const live = (grouping === "goal" ? plan().goals : plan().themes).some((row) => row.id === link && !row.deleted);
      return link !== null && live ? link : "none";
    };
    if (target.to === "before" || target.to === "after") {
      const other = host.liveItem(target.itemId);
      if (rowNow(other.id) !== swimlane) {
        fail(invalid("target", `${quoted(other.title)} is in another ${grouping} row: drop the card next to a card of its row.`));
      }
    }
    const move = { itemId, board: "horizon", column: args.column, target };
    if (rowNow(itemId) === swimlane) return host.boardMove(host.write)(move);
    const targetId = swimlane === "none" ? null : swimlane;
    const column = host.listBoard(item.productId).columns.find((candidate) => candidate.column === args.column);
    const name =
      targetId === null
        ? null
        : grouping === "goal"
          ? plan().goals.find((goal) => goal.id === targetId)?.title
          : plan().themes.find((theme) => theme.id === targetId)?.name;
    const row = name === null || name === undefined ? `no ${grouping}` : `${grouping} ${quoted(name)}`;
    const label = `Move ${quoted(item.title)} to ${column?.label ?? String(args.column)}, ${row}`;
    const rows: Row[] = [];
    return host.write("Card moved", label, rows, () => {
      pending = [];
      const moved = host.boardMove(captured)(move) as Written;
      host.setLink(captured)({ itemId, link: grouping, targetId });
      // Each row once, where it was last touched (the goal's write comes after the board's).
      for (const touched of pending) {
        const at = rows.findIndex((known) => known.table === touched.table && known.id === touched.id);
        if (at >= 0) rows.splice(at, 1);
        rows.push(touched);
      }
      return moved.value;
    });
  };

  const homeRoadmap = (productId: string): HomeRoadmap => {
    host.liveProduct(productId);
    const today = parseDay("today", FAKE_TODAY);
    const board = host.listBoard(productId);
    const releases = liveOf(plan().releases, productId).sort(
      (a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.seq - b.seq,
    );
    const milestones = liveOf(plan().milestones, productId).sort((a, b) => a.fallsOn.localeCompare(b.fallsOn) || a.seq - b.seq);
    const release = releases.find((candidate) => parseDay("endsOn", candidate.endsOn) >= today);
    const milestone = milestones.find((candidate) => parseDay("fallsOn", candidate.fallsOn) >= today);
    return {
      lanes: board.columns
        .filter((column) => column.column !== "unsorted")
        .map((column) => ({
          column: column.column,
          label: column.label,
          count: column.cards.length,
          top: column.cards.slice(0, 3).map((card) => ({ id: card.id, title: card.title })),
        })),
      nextRelease: release
        ? { id: release.id, name: release.name, when: rangeWords(parseDay("startsOn", release.startsOn), parseDay("endsOn", release.endsOn)) }
        : null,
      nextMilestone: milestone
        ? { id: milestone.id, name: milestone.name, when: rangeWords(parseDay("fallsOn", milestone.fallsOn), parseDay("fallsOn", milestone.fallsOn)) }
        : null,
    };
  };

  const handlers: Record<string, Handler> = {
    list_swimlane_board: ({ productId, grouping }) => listSwimlaneBoard(String(productId), grouping as SwimlaneGrouping),
    move_card_in_swimlanes: moveCardInSwimlanes,
    get_home_roadmap: ({ productId }) => homeRoadmap(String(productId)),
  };
  return { handlers };
}
