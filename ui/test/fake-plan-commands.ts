//! The fake backend's roadmap plan: goals and key results, themes, releases with their load,
//! milestones and an item's goal, theme and release, answering as `queries::{goals, themes,
//! releases, milestones, item_plan}` do; the contract replay checks every answer, refusal,
//! label and event. Progress and load are the plain arithmetic Rust does (no score is involved).
import type {
  CapacityUnit,
  ChangedTable,
  DataChanged,
  Goal,
  GoalFields,
  ItemPlan,
  KeyResult,
  KeyResultFields,
  LinkedItem,
  Milestone,
  MilestoneFields,
  PlanLink,
  PlanRef,
  Release,
  ReleaseDetail,
  ReleaseFields,
  ReleaseItem,
  ReleaseLoad,
  Theme,
  ThemeFields,
} from "../src/api/client";
import type { Data, StoredItem, StoredProduct } from "./fake-data";
import { fail, formatNumber, invalid, notFound, quoted } from "./fake-rules";

type Row = { table: ChangedTable; id: string };
type Stored = { id: string; productId: string; deleted: boolean; seq: number; createdAt: string; updatedAt: string };
export type StoredGoal = Stored & { title: string; description: string };
export type StoredKeyResult = Stored & { goalId: string; metric: string; unit: string; baseline: number; target: number; current: number };
export type StoredTheme = Stored & { name: string; description: string };
export type StoredRelease = Stored & { name: string; startsOn: string; endsOn: string; capacity: number | null; capacityUnit: CapacityUnit | null };
export type StoredMilestone = Stored & { name: string; fallsOn: string; releaseId: string | null };
/** The plan's rows, and each item's links by item id (Rust's `backlog_item` columns). */
export type PlanData = {
  goals: StoredGoal[];
  keyResults: StoredKeyResult[];
  themes: StoredTheme[];
  releases: StoredRelease[];
  milestones: StoredMilestone[];
  links: Record<string, { goal: string | null; theme: string | null; release: string | null }>;
};

export function emptyPlan(): PlanData {
  return { goals: [], keyResults: [], themes: [], releases: [], milestones: [], links: {} };
}

export type PlanCommandsHost = {
  data: () => Data & { plan?: PlanData };
  liveProduct: (id: string) => StoredProduct;
  liveItem: (id: string) => StoredItem;
  ranked: (productId: string) => StoredItem[];
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  nextId: () => string;
  now: string;
};

const MAX_TITLE_CHARS = 300;
const MAX_DESCRIPTION_CHARS = 2000;
const MAX_NAME_CHARS = 100;
const MAX_METRIC_CHARS = 200;
const MAX_UNIT_CHARS = 30;
const MAX_MAGNITUDE = 1e12;
const MAX_CAPACITY = 1e6;
const MUST_LIMIT = 60;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Rust's `plan::validate::one_line`. */
export function oneLine(field: string, what: string, text: string, max: number, empty: string | null): string {
  const trimmed = text.trim();
  if (trimmed === "" && empty !== null) fail(invalid(field, empty));
  const length = [...trimmed].length;
  if (length > max) fail(invalid(field, `The ${what} can be at most ${max} characters; this one has ${length}.`));
  if (CONTROL.test(trimmed)) fail(invalid(field, `The ${what} must fit on one line (no line breaks or tabs).`));
  return trimmed;
}

function description(text: string): string {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  if (length > MAX_DESCRIPTION_CHARS) {
    fail(invalid("description", `The description can be at most ${MAX_DESCRIPTION_CHARS} characters; this one has ${length}.`));
  }
  return trimmed;
}

function day(field: string, text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed || trimmed.startsWith("0000")) {
    fail(invalid(field, `“${trimmed}” is not a date. Write it as year-month-day, e.g. 2026-03-01.`));
  }
  return trimmed;
}

function numberIn(field: string, what: string, value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
    fail(invalid(field, `The ${what} must be a number between -1,000,000,000,000 and 1,000,000,000,000.`));
  }
  return value === 0 ? 0 : value;
}

function validKeyResult(fields: KeyResultFields) {
  const metric = oneLine("metric", "metric", fields.metric, MAX_METRIC_CHARS, "Name the metric this key result measures.");
  const unit = oneLine("unit", "unit", fields.unit, MAX_UNIT_CHARS, null);
  if (fields.baseline === null || fields.baseline === undefined) {
    fail(invalid("baseline", "Give the key result its baseline: the value the metric started from."));
  }
  if (fields.target === null || fields.target === undefined) {
    fail(invalid("target", "Give the key result a target: the value it should reach."));
  }
  const baseline = numberIn("baseline", "baseline", fields.baseline);
  const target = numberIn("target", "target", fields.target);
  const current = numberIn("current", "current value", fields.current ?? baseline);
  if (baseline === target) {
    fail(invalid("target", `The target must differ from the baseline (${formatNumber(baseline)}): a key result measures a change.`));
  }
  return { metric, unit, baseline, target, current };
}

function unitWords(unit: CapacityUnit, amount: number): string {
  const one = amount === 1;
  if (unit === "points") return one ? "point" : "points";
  return one ? "person-month" : "person-months";
}

function validRelease(fields: ReleaseFields): ReleaseFields {
  const name = oneLine("name", "release's name", fields.name, MAX_NAME_CHARS, "Give the release a name (“2.0”, “Spring release”).");
  const startsOn = day("startsOn", fields.startsOn);
  const endsOn = day("endsOn", fields.endsOn);
  if (endsOn < startsOn) fail(invalid("endsOn", `The release cannot end (${endsOn}) before it starts (${startsOn}).`));
  if (fields.capacity === null || fields.capacity === undefined) {
    return { name, startsOn, endsOn, capacity: null, capacityUnit: null };
  }
  const unit = fields.capacityUnit;
  if (!unit) {
    fail(invalid("capacityUnit", "Say what the capacity counts: points (WSJF job size) or person-months (RICE effort)."));
  }
  const capacity = fields.capacity;
  if (!Number.isFinite(capacity) || capacity <= 0 || capacity > MAX_CAPACITY) {
    fail(invalid("capacity", `The capacity must be more than 0 and at most ${formatNumber(MAX_CAPACITY)} ${unitWords(unit, MAX_CAPACITY)}; leave it empty for no capacity.`));
  }
  return { name, startsOn, endsOn, capacity, capacityUnit: unit };
}

/** Rust's `plan::progress::key_result_progress`. */
function progressOf(baseline: number, target: number, current: number): number {
  const span = target - baseline;
  if (span === 0) return 0;
  const progress = (current - baseline) / span;
  return Math.min(1, Math.max(0, progress)) + 0;
}

const SIZE_INPUT: Record<CapacityUnit, string> = { points: "WSJF job size", person_months: "RICE effort" };

/** Rust's `plan::load::release_load`. */
function releaseLoad(capacity: number | null, unit: CapacityUnit, items: readonly ReleaseItem[]): ReleaseLoad {
  const amount = (value: number) => `${formatNumber(value)} ${unitWords(unit, value)}`;
  const load = items.reduce((total, item) => total + (item.size ?? 0), 0);
  const mustLoad = items.filter((item) => item.moscow === "must").reduce((total, item) => total + (item.size ?? 0), 0);
  const unsizedItems: LinkedItem[] = items.filter((item) => item.size === null).map((item) => ({ id: item.id, title: item.title }));
  const percent = capacity === null ? null : (load / capacity) * 100;
  const overCapacity = capacity !== null && load > capacity;
  let message: string;
  if (capacity !== null && percent !== null) {
    message = `${formatNumber(load)} of ${amount(capacity)} (${formatNumber(Math.round(percent))} %)`;
    if (overCapacity) message += `: over capacity by ${amount(load - capacity)}`;
  } else {
    message = `${amount(load)} planned; no capacity set`;
  }
  const unsizedMessage =
    unsizedItems.length === 0
      ? null
      : unsizedItems.length === 1
        ? `1 item has no ${SIZE_INPUT[unit]} and is not counted: ${quoted(unsizedItems[0]?.title ?? "")}.`
        : `${unsizedItems.length} items have no ${SIZE_INPUT[unit]} and are not counted: ${unsizedItems.map((item) => quoted(item.title)).join(", ")}.`;
  const mustPercent = load > 0 ? (mustLoad / load) * 100 : null;
  const mustsOverLimit = mustPercent !== null && mustPercent > MUST_LIMIT;
  const ending = mustsOverLimit ? `: more than ${MUST_LIMIT} %, so nothing is left for surprises.` : ".";
  const mustMessage =
    mustPercent === null
      ? null
      : `Musts take ${formatNumber(Math.round(mustPercent))} % of this release’s load (${formatNumber(mustLoad)} of ${amount(load)})${ending}`;
  return {
    unit,
    load,
    capacity,
    percent,
    overCapacity,
    itemCount: items.length,
    unsizedItems,
    mustPercent,
    mustLimitPercent: MUST_LIMIT,
    mustsOverLimit,
    message,
    unsizedMessage,
    mustMessage,
  };
}

const byCreation = (a: Stored, b: Stored) => a.seq - b.seq;

export function createPlanCommands(host: PlanCommandsHost) {
  let seq = 0;
  const plan = (): PlanData => {
    const data = host.data();
    data.plan ??= emptyPlan();
    return data.plan;
  };
  const stamp = (productId: string) => ({ id: host.nextId(), productId, deleted: false, seq: seq++, createdAt: host.now, updatedAt: host.now });
  const productLive = (productId: string) => host.data().products.some((product) => product.id === productId && !product.deleted);
  const linksOf = (itemId: string) => (plan().links[itemId] ??= { goal: null, theme: null, release: null });

  const liveGoal = (id: string) => {
    const goal = plan().goals.find((candidate) => candidate.id === id && !candidate.deleted && productLive(candidate.productId));
    if (!goal) fail(notFound("goal", id));
    return goal;
  };
  const liveTheme = (id: string) => {
    const theme = plan().themes.find((candidate) => candidate.id === id && !candidate.deleted && productLive(candidate.productId));
    if (!theme) fail(notFound("theme", id));
    return theme;
  };
  const liveRelease = (id: string) => {
    const release = plan().releases.find((candidate) => candidate.id === id && !candidate.deleted && productLive(candidate.productId));
    if (!release) fail(notFound("release", id));
    return release;
  };
  const liveMilestone = (id: string) => {
    const milestone = plan().milestones.find((candidate) => candidate.id === id && !candidate.deleted && productLive(candidate.productId));
    if (!milestone) fail(notFound("milestone", id));
    return milestone;
  };

  /** The live target of a link, or null (unset, or deleted). */
  const shownRef = (link: PlanLink, id: string | null): PlanRef | null => {
    if (id === null) return null;
    if (link === "goal") {
      const goal = plan().goals.find((candidate) => candidate.id === id && !candidate.deleted);
      return goal ? { id: goal.id, name: goal.title } : null;
    }
    const rows = link === "theme" ? plan().themes : plan().releases;
    const row = rows.find((candidate) => candidate.id === id && !candidate.deleted);
    return row ? { id: row.id, name: row.name } : null;
  };

  const itemPlan = (itemId: string): ItemPlan => {
    const links = plan().links[itemId] ?? { goal: null, theme: null, release: null };
    return { itemId, goal: shownRef("goal", links.goal), theme: shownRef("theme", links.theme), release: shownRef("release", links.release) };
  };

  const itemsOf = (productId: string, link: PlanLink, targetId: string): StoredItem[] =>
    host.ranked(productId).filter((item) => plan().links[item.id]?.[link] === targetId);

  const linked = (items: StoredItem[]): LinkedItem[] => items.map((item) => ({ id: item.id, title: item.title }));

  const goalOf = (stored: StoredGoal): Goal => {
    const keyResults: KeyResult[] = plan()
      .keyResults.filter((kr) => kr.goalId === stored.id && !kr.deleted)
      .sort(byCreation)
      .map((kr) => ({
        id: kr.id,
        goalId: kr.goalId,
        metric: kr.metric,
        unit: kr.unit,
        baseline: kr.baseline,
        target: kr.target,
        current: kr.current,
        progress: progressOf(kr.baseline, kr.target, kr.current),
        createdAt: kr.createdAt,
        updatedAt: kr.updatedAt,
      }));
    const progress = keyResults.length === 0 ? null : keyResults.reduce((total, kr) => total + kr.progress, 0) / keyResults.length;
    return {
      id: stored.id,
      productId: stored.productId,
      title: stored.title,
      description: stored.description,
      progress,
      keyResults,
      items: linked(itemsOf(stored.productId, "goal", stored.id)),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
  };

  const themeOf = (stored: StoredTheme): Theme => ({
    id: stored.id,
    productId: stored.productId,
    name: stored.name,
    description: stored.description,
    items: linked(itemsOf(stored.productId, "theme", stored.id)),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  });

  const releaseDetail = (stored: StoredRelease): ReleaseDetail => {
    const unit: CapacityUnit = stored.capacityUnit ?? "person_months";
    const items: ReleaseItem[] = itemsOf(stored.productId, "release", stored.id).map((item) => {
      const size = unit === "points" ? item.inputs.wsjfJobSize : item.inputs.riceEffort;
      return { id: item.id, title: item.title, moscow: item.inputs.moscow, size: size ?? null };
    });
    const release: Release = {
      id: stored.id,
      productId: stored.productId,
      name: stored.name,
      startsOn: stored.startsOn,
      endsOn: stored.endsOn,
      capacity: stored.capacity,
      capacityUnit: stored.capacityUnit,
      load: releaseLoad(stored.capacity, unit, items),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
    return { release, items };
  };

  const milestoneOf = (stored: StoredMilestone): Milestone => ({
    id: stored.id,
    productId: stored.productId,
    name: stored.name,
    fallsOn: stored.fallsOn,
    release: shownRef("release", stored.releaseId),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  });

  const find = <T extends Stored>(rows: T[], id: string) => rows.find((row) => row.id === id) as T;

  const validGoal = (fields: GoalFields): GoalFields => ({
    title: oneLine("title", "objective", fields.title, MAX_TITLE_CHARS, "Say what the goal is: give it an objective."),
    description: description(fields.description),
  });
  const validTheme = (fields: ThemeFields): ThemeFields => ({
    name: oneLine("name", "theme's name", fields.name, MAX_NAME_CHARS, "Give the theme a name."),
    description: description(fields.description),
  });
  const validMilestone = (productId: string, fields: MilestoneFields): MilestoneFields => {
    const name = oneLine("name", "milestone's name", fields.name, MAX_NAME_CHARS, "Give the milestone a name (“Beta launch”).");
    const fallsOn = day("fallsOn", fields.fallsOn);
    const releaseId = fields.releaseId?.trim() ? fields.releaseId.trim() : null;
    if (releaseId !== null) {
      const release = plan().releases.find((candidate) => candidate.id === releaseId && !candidate.deleted && productLive(candidate.productId));
      if (!release) fail(invalid("releaseId", "That release was deleted meanwhile: choose another one, or none."));
      if (release.productId !== productId) {
        fail(invalid("releaseId", `Release ${quoted(release.name)} belongs to another product: choose one of this product’s.`));
      }
    }
    return { name, fallsOn, releaseId };
  };

  const linkLabel = (link: PlanLink, title: string, target: PlanRef | null, previous: PlanRef | null): string => {
    const item = quoted(title);
    if (target) {
      if (link === "goal") return `Link ${item} to goal ${quoted(target.name)}`;
      if (link === "theme") return `Put ${item} in theme ${quoted(target.name)}`;
      return `Assign ${item} to release ${quoted(target.name)}`;
    }
    if (previous) {
      if (link === "goal") return `Unlink ${item} from goal ${quoted(previous.name)}`;
      if (link === "theme") return `Take ${item} out of theme ${quoted(previous.name)}`;
      return `Remove ${item} from release ${quoted(previous.name)}`;
    }
    return `Clear the ${link} of ${item}`;
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_goals: ({ productId }) => {
      host.liveProduct(String(productId));
      return plan().goals.filter((goal) => goal.productId === productId && !goal.deleted).sort(byCreation).map(goalOf);
    },
    create_goal: ({ productId, fields }) => {
      const valid = validGoal(fields as GoalFields);
      host.liveProduct(String(productId));
      const row: StoredGoal = { ...stamp(String(productId)), ...valid };
      return host.write("Goal added", `Add goal ${quoted(valid.title)}`, [{ table: "goal", id: row.id }], () => {
        plan().goals.push(row);
        return goalOf(row);
      });
    },
    update_goal: ({ id, fields }) => {
      const current = liveGoal(String(id));
      const valid = validGoal(fields as GoalFields);
      if (valid.title === current.title && valid.description === current.description) return { value: goalOf(current), change: null };
      return host.write("Goal edited", `Edit goal ${quoted(valid.title)}`, [{ table: "goal", id: current.id }], () => {
        const row = find(plan().goals, current.id);
        Object.assign(row, valid, { updatedAt: host.now });
        return goalOf(row);
      });
    },
    delete_goal: ({ id }) => {
      const goal = liveGoal(String(id));
      return host.write("Goal deleted", `Delete goal ${quoted(goal.title)}`, [{ table: "goal", id: goal.id }], () => {
        Object.assign(find(plan().goals, goal.id), { deleted: true, updatedAt: host.now });
        return null;
      });
    },
    create_key_result: ({ goalId, fields }) => {
      const goal = liveGoal(String(goalId));
      const valid = validKeyResult(fields as KeyResultFields);
      const row: StoredKeyResult = { ...stamp(goal.productId), goalId: goal.id, ...valid };
      const label = `Add key result ${quoted(valid.metric)} to goal ${quoted(goal.title)}`;
      return host.write("Key result added", label, [{ table: "keyResult", id: row.id }], () => {
        plan().keyResults.push(row);
        return goalOf(find(plan().goals, goal.id));
      });
    },
    update_key_result: ({ id, fields }) => {
      const current = plan().keyResults.find((kr) => kr.id === id && !kr.deleted);
      if (!current) fail(notFound("key result", String(id)));
      const goal = liveGoal(current.goalId);
      const given = fields as KeyResultFields;
      const valid = validKeyResult({ ...given, current: given.current ?? current.current });
      const same = (Object.keys(valid) as (keyof typeof valid)[]).every((key) => valid[key] === current[key]);
      if (same) return { value: goalOf(goal), change: null };
      return host.write("Key result updated", `Update key result ${quoted(valid.metric)}`, [{ table: "keyResult", id: current.id }], () => {
        Object.assign(find(plan().keyResults, current.id), valid, { updatedAt: host.now });
        return goalOf(find(plan().goals, goal.id));
      });
    },
    delete_key_result: ({ id }) => {
      const current = plan().keyResults.find((kr) => kr.id === id && !kr.deleted);
      if (!current) fail(notFound("key result", String(id)));
      const goal = liveGoal(current.goalId);
      return host.write("Key result deleted", `Delete key result ${quoted(current.metric)}`, [{ table: "keyResult", id: current.id }], () => {
        Object.assign(find(plan().keyResults, current.id), { deleted: true, updatedAt: host.now });
        return goalOf(find(plan().goals, goal.id));
      });
    },
    list_themes: ({ productId }) => {
      host.liveProduct(String(productId));
      return plan().themes.filter((theme) => theme.productId === productId && !theme.deleted).sort(byCreation).map(themeOf);
    },
    create_theme: ({ productId, fields }) => {
      const valid = validTheme(fields as ThemeFields);
      host.liveProduct(String(productId));
      const row: StoredTheme = { ...stamp(String(productId)), ...valid };
      return host.write("Theme added", `Add theme ${quoted(valid.name)}`, [{ table: "theme", id: row.id }], () => {
        plan().themes.push(row);
        return themeOf(row);
      });
    },
    update_theme: ({ id, fields }) => {
      const current = liveTheme(String(id));
      const valid = validTheme(fields as ThemeFields);
      if (valid.name === current.name && valid.description === current.description) return { value: themeOf(current), change: null };
      return host.write("Theme edited", `Edit theme ${quoted(valid.name)}`, [{ table: "theme", id: current.id }], () => {
        const row = find(plan().themes, current.id);
        Object.assign(row, valid, { updatedAt: host.now });
        return themeOf(row);
      });
    },
    delete_theme: ({ id }) => {
      const theme = liveTheme(String(id));
      return host.write("Theme deleted", `Delete theme ${quoted(theme.name)}`, [{ table: "theme", id: theme.id }], () => {
        Object.assign(find(plan().themes, theme.id), { deleted: true, updatedAt: host.now });
        return null;
      });
    },
    list_releases: ({ productId }) => {
      host.liveProduct(String(productId));
      return plan()
        .releases.filter((release) => release.productId === productId && !release.deleted)
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.seq - b.seq)
        .map((release) => releaseDetail(release).release);
    },
    get_release: ({ id }) => releaseDetail(liveRelease(String(id))),
    create_release: ({ productId, fields }) => {
      const valid = validRelease(fields as ReleaseFields);
      host.liveProduct(String(productId));
      const row: StoredRelease = {
        ...stamp(String(productId)),
        name: valid.name,
        startsOn: valid.startsOn,
        endsOn: valid.endsOn,
        capacity: valid.capacity ?? null,
        capacityUnit: valid.capacityUnit ?? null,
      };
      return host.write("Release added", `Add release ${quoted(valid.name)}`, [{ table: "release", id: row.id }], () => {
        plan().releases.push(row);
        return releaseDetail(row);
      });
    },
    update_release: ({ id, fields }) => {
      const current = liveRelease(String(id));
      const valid = validRelease(fields as ReleaseFields);
      const same =
        valid.name === current.name &&
        valid.startsOn === current.startsOn &&
        valid.endsOn === current.endsOn &&
        valid.capacity === current.capacity &&
        valid.capacityUnit === current.capacityUnit;
      if (same) return { value: releaseDetail(current), change: null };
      return host.write("Release edited", `Edit release ${quoted(valid.name)}`, [{ table: "release", id: current.id }], () => {
        const row = find(plan().releases, current.id);
        Object.assign(row, valid, { updatedAt: host.now });
        return releaseDetail(row);
      });
    },
    delete_release: ({ id }) => {
      const release = liveRelease(String(id));
      return host.write("Release deleted", `Delete release ${quoted(release.name)}`, [{ table: "release", id: release.id }], () => {
        Object.assign(find(plan().releases, release.id), { deleted: true, updatedAt: host.now });
        return null;
      });
    },
    list_milestones: ({ productId }) => {
      host.liveProduct(String(productId));
      return plan()
        .milestones.filter((milestone) => milestone.productId === productId && !milestone.deleted)
        .sort((a, b) => a.fallsOn.localeCompare(b.fallsOn) || a.seq - b.seq)
        .map(milestoneOf);
    },
    create_milestone: ({ productId, fields }) => {
      host.liveProduct(String(productId));
      const valid = validMilestone(String(productId), fields as MilestoneFields);
      const row: StoredMilestone = { ...stamp(String(productId)), name: valid.name, fallsOn: valid.fallsOn, releaseId: valid.releaseId ?? null };
      return host.write("Milestone added", `Add milestone ${quoted(valid.name)}`, [{ table: "milestone", id: row.id }], () => {
        plan().milestones.push(row);
        return milestoneOf(row);
      });
    },
    update_milestone: ({ id, fields }) => {
      const current = liveMilestone(String(id));
      const valid = validMilestone(current.productId, fields as MilestoneFields);
      const shownRelease = shownRef("release", current.releaseId)?.id ?? null;
      if (valid.name === current.name && valid.fallsOn === current.fallsOn && (valid.releaseId ?? null) === shownRelease) {
        return { value: milestoneOf(current), change: null };
      }
      return host.write("Milestone edited", `Edit milestone ${quoted(valid.name)}`, [{ table: "milestone", id: current.id }], () => {
        const row = find(plan().milestones, current.id);
        Object.assign(row, { name: valid.name, fallsOn: valid.fallsOn, releaseId: valid.releaseId ?? null, updatedAt: host.now });
        return milestoneOf(row);
      });
    },
    delete_milestone: ({ id }) => {
      const milestone = liveMilestone(String(id));
      return host.write("Milestone deleted", `Delete milestone ${quoted(milestone.name)}`, [{ table: "milestone", id: milestone.id }], () => {
        Object.assign(find(plan().milestones, milestone.id), { deleted: true, updatedAt: host.now });
        return null;
      });
    },
    get_item_plan: ({ itemId }) => {
      host.liveItem(String(itemId));
      return itemPlan(String(itemId));
    },
    set_item_plan_link: ({ itemId, link, targetId }) => {
      const item = host.liveItem(String(itemId));
      const which = link as PlanLink;
      let target: PlanRef | null = null;
      if (targetId !== null && targetId !== undefined) {
        const rows: Stored[] = which === "goal" ? plan().goals : which === "theme" ? plan().themes : plan().releases;
        const row = rows.find((candidate) => candidate.id === targetId && !candidate.deleted && productLive(candidate.productId));
        if (!row) fail(invalid("targetId", `That ${which} was deleted meanwhile: choose another one.`));
        target = shownRef(which, row.id);
        if (row.productId !== item.productId && target) {
          fail(invalid("targetId", `${quoted(target.name)} belongs to another product: link ${quoted(item.title)} to a ${which} of its own product.`));
        }
      }
      const current = itemPlan(item.id);
      const previous = current[which];
      if ((previous?.id ?? null) === (target?.id ?? null)) return { value: current, change: null };
      return host.write("Item plan set", linkLabel(which, item.title, target, previous), [{ table: "backlogItem", id: item.id }], () => {
        linksOf(item.id)[which] = target?.id ?? null;
        const stored = host.data().items.find((candidate) => candidate.id === item.id) as StoredItem;
        stored.updatedAt = host.now;
        return itemPlan(item.id);
      });
    },
  };

  return { handlers };
}
