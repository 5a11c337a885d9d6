//! The fake backend's baseline commands (`save_baseline`, `list_baselines`, `rename_baseline`,
//! `delete_baseline`, `compare_baseline`), answering as `queries::baselines` and
//! `baseline::compare` do; the contract replay checks every answer against what the real
//! commands recorded (tests/commands/contract_baselines.rs).
//!
//! Test code only: the app never compares a roadmap itself.
import type {
  Baseline,
  BaselineComparison,
  BoardView,
  ChangeGroup,
  ChangeKind,
  ChangedTable,
  DataChanged,
  Horizon,
  PlanRef,
  RoadmapChange,
} from "../src/api/client";
import type { Data, StoredProduct } from "./fake-data";
import { oneLine, type PlanData } from "./fake-plan-commands";
import { fail, notFound, quoted } from "./fake-rules";
import { parseDay, rangeWords } from "./fake-timeline-commands";

type Row = { table: ChangedTable; id: string };

type SnapshotItem = {
  id: string;
  title: string;
  horizon: Horizon | null;
  startDate: string | null;
  endDate: string | null;
  release: PlanRef | null;
};
type SnapshotRelease = { id: string; name: string; startsOn: string; endsOn: string };
type Snapshot = { items: SnapshotItem[]; releases: SnapshotRelease[] };

export type StoredBaseline = Baseline & { deleted: boolean; seq: number; snapshot: Snapshot };

export type BaselineCommandsHost = {
  data: () => Data & { plan?: PlanData; baselines?: StoredBaseline[] };
  liveProduct: (id: string) => StoredProduct;
  listBoard: (productId: string) => BoardView;
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  nextId: () => string;
  now: string;
};

const KINDS: { kind: ChangeKind; label: string }[] = [
  { kind: "added", label: "Added to the roadmap" },
  { kind: "dropped", label: "Dropped from the roadmap" },
  { kind: "moved", label: "Moved between lanes" },
  { kind: "slipped", label: "Dates slipped" },
  { kind: "release_changed", label: "Moved between releases" },
  { kind: "release_dates", label: "Release dates changed" },
];
const LANES: Record<Horizon, string> = { now: "Now", next: "Next", later: "Later" };

const validName = (name: string) => oneLine("name", "baseline's name", name, 100, "Give the baseline a name, e.g. “Q2 planning”.");

function change(subjectId: string, title: string, words: string): RoadmapChange {
  return {
    subjectId,
    title,
    words,
    fromHorizon: null,
    toHorizon: null,
    startShiftDays: null,
    endShiftDays: null,
    fromRelease: null,
    toRelease: null,
    deleted: false,
  };
}

function shiftWords(which: string, days: number): string | null {
  if (days === 0) return null;
  const unit = Math.abs(days) === 1 ? "day" : "days";
  return days > 0 ? `${which} ${days} ${unit} later` : `${which} ${Math.abs(days)} ${unit} earlier`;
}

function slip(then: [string, string], now: [string, string]) {
  const [a, b, c, d] = [...then, ...now].map((text) => parseDay("date", text)) as [number, number, number, number];
  const start = c - a;
  const end = d - b;
  if (start === 0 && end === 0) return null;
  const sentence = [shiftWords("starts", start), shiftWords("ends", end)].filter((part) => part !== null).join(", ");
  const words = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} (was ${rangeWords(a, b)}, now ${rangeWords(c, d)})`;
  return { start, end, words };
}

function releaseWords(from: PlanRef | null, to: PlanRef | null): string {
  if (from && to) return `From release ${quoted(from.name)} to ${quoted(to.name)}`;
  if (to) return `Put in release ${quoted(to.name)}`;
  if (from) return `Taken out of release ${quoted(from.name)}`;
  return "";
}

function compare(then: Snapshot, now: Snapshot): ChangeGroup[] {
  const groups: ChangeGroup[] = KINDS.map(({ kind, label }) => ({ kind, label, changes: [] }));
  const push = (kind: ChangeKind, entry: RoadmapChange) => groups.find((group) => group.kind === kind)?.changes.push(entry);
  const before = new Map(then.items.map((item) => [item.id, item]));
  const after = new Map(now.items.map((item) => [item.id, item]));
  for (const item of then.items) {
    if (!item.horizon) continue;
    const current = after.get(item.id);
    if (current?.horizon) continue;
    const label = LANES[item.horizon];
    const entry = change(item.id, current?.title ?? item.title, current ? `Taken off the roadmap (was in ${label})` : `Deleted since (was in ${label})`);
    entry.fromHorizon = item.horizon;
    entry.deleted = !current;
    push("dropped", entry);
  }
  for (const item of now.items) {
    const previous = before.get(item.id);
    const was = previous?.horizon ?? null;
    if (!was && item.horizon) {
      const entry = change(item.id, item.title, `Added to ${LANES[item.horizon]}`);
      entry.toHorizon = item.horizon;
      push("added", entry);
    } else if (was && item.horizon && was !== item.horizon) {
      const entry = change(item.id, item.title, `${LANES[was]} → ${LANES[item.horizon]}`);
      entry.fromHorizon = was;
      entry.toHorizon = item.horizon;
      push("moved", entry);
    }
    if (!previous) continue;
    if (previous.startDate && previous.endDate && item.startDate && item.endDate) {
      const slipped = slip([previous.startDate, previous.endDate], [item.startDate, item.endDate]);
      if (slipped) {
        const entry = change(item.id, item.title, slipped.words);
        entry.startShiftDays = slipped.start;
        entry.endShiftDays = slipped.end;
        push("slipped", entry);
      }
    }
    if ((previous.release?.id ?? null) !== (item.release?.id ?? null)) {
      const entry = change(item.id, item.title, releaseWords(previous.release, item.release));
      entry.fromRelease = previous.release;
      entry.toRelease = item.release;
      push("release_changed", entry);
    }
  }
  const releasesThen = new Map(then.releases.map((release) => [release.id, release]));
  for (const release of now.releases) {
    const previous = releasesThen.get(release.id);
    const slipped = previous && slip([previous.startsOn, previous.endsOn], [release.startsOn, release.endsOn]);
    if (!slipped) continue;
    const entry = change(release.id, release.name, slipped.words);
    entry.startShiftDays = slipped.start;
    entry.endShiftDays = slipped.end;
    push("release_dates", entry);
  }
  return groups;
}

export function createBaselineCommands(host: BaselineCommandsHost) {
  const stored = () => {
    const data = host.data();
    data.baselines ??= [];
    return data.baselines;
  };

  const capture = (productId: string): Snapshot => {
    const plan = host.data().plan;
    const releases = (plan?.releases ?? []).filter((release) => release.productId === productId && !release.deleted);
    const releaseOf = (itemId: string): PlanRef | null => {
      const id = plan?.links[itemId]?.release ?? null;
      const release = releases.find((candidate) => candidate.id === id);
      return release ? { id: release.id, name: release.name } : null;
    };
    const items = host.listBoard(productId).columns.flatMap((column) =>
      column.cards.map((card) => ({
        id: card.id,
        title: card.title,
        horizon: card.horizon,
        startDate: card.startDate,
        endDate: card.endDate,
        release: releaseOf(card.id),
      })),
    );
    const sorted = [...releases].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.seq - b.seq);
    return { items, releases: sorted.map(({ id, name, startsOn, endsOn }) => ({ id, name, startsOn, endsOn })) };
  };

  const live = (id: string) => {
    const baseline = stored().find((candidate) => candidate.id === id && !candidate.deleted);
    if (!baseline) fail(notFound("baseline", id));
    host.liveProduct(baseline.productId);
    return baseline;
  };

  const shown = ({ id, productId, name, itemCount, createdAt, updatedAt }: StoredBaseline): Baseline => ({
    id,
    productId,
    name,
    itemCount,
    createdAt,
    updatedAt,
  });

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_baselines: ({ productId }) => {
      host.liveProduct(String(productId));
      return stored()
        .filter((baseline) => baseline.productId === productId && !baseline.deleted)
        .sort((a, b) => b.seq - a.seq)
        .map(shown);
    },
    save_baseline: ({ productId, name }) => {
      const valid = validName(String(name));
      host.liveProduct(String(productId));
      const snapshot = capture(String(productId));
      const row: StoredBaseline = {
        id: host.nextId(),
        productId: String(productId),
        name: valid,
        itemCount: snapshot.items.filter((item) => item.horizon).length,
        createdAt: host.now,
        updatedAt: host.now,
        deleted: false,
        seq: stored().length,
        snapshot,
      };
      return host.write("Baseline saved", `Save baseline ${quoted(valid)}`, [{ table: "baseline", id: row.id }], () => {
        stored().push(row);
        return shown(row);
      });
    },
    rename_baseline: ({ id, name }) => {
      const current = live(String(id));
      const valid = validName(String(name));
      if (valid === current.name) return { value: shown(current), change: null };
      return host.write("Baseline renamed", `Rename baseline ${quoted(current.name)} to ${quoted(valid)}`, [{ table: "baseline", id: current.id }], () => {
        const row = stored().find((candidate) => candidate.id === current.id) as StoredBaseline;
        row.name = valid;
        return shown(row);
      });
    },
    delete_baseline: ({ id }) => {
      const current = live(String(id));
      return host.write("Baseline deleted", `Delete baseline ${quoted(current.name)}`, [{ table: "baseline", id: current.id }], () => {
        const row = stored().find((candidate) => candidate.id === current.id) as StoredBaseline;
        row.deleted = true;
        return null;
      });
    },
    compare_baseline: ({ id }): BaselineComparison => {
      const baseline = live(String(id));
      const today = capture(baseline.productId);
      const groups = compare(baseline.snapshot, today);
      const count = groups.reduce((sum, group) => sum + group.changes.length, 0);
      const name = quoted(baseline.name);
      const summary = count === 0 ? `Nothing changed since ${name}.` : count === 1 ? `1 change since ${name}.` : `${count} changes since ${name}.`;
      const liveIds = new Set(today.items.map((item) => item.id));
      const bars = baseline.snapshot.items.flatMap((item) =>
        liveIds.has(item.id) && item.startDate && item.endDate ? [{ itemId: item.id, startDate: item.startDate, endDate: item.endDate }] : [],
      );
      return { baseline: shown(baseline), groups, summary, bars };
    },
  };
  return { handlers };
}
