//! The fake backend's roadmap timeline commands (`list_timeline`, `set_item_dates`,
//! `schedule_item_from`, `shift_item_dates`, `resize_item_end`, `resize_item_start`), answering
//! as `queries::timeline` and `queries::item_schedule` do; the contract replay checks every
//! answer against what the real commands recorded (tests/commands/contract_roadmap.rs).
//!
//! Test code only: the app never works out a date. Days are handled here as UTC midnights, so
//! no time zone can shift them. Today is the contract's fixed day.
import type {
  ChangedTable,
  DataChanged,
  Horizon,
  ItemDates,
  TimelineAxis,
  TimelineBar,
  TimelineGroup,
  TimelineGrouping,
  TimelineScale,
  TimelineView,
} from "../src/api/client";
import type { Data, StoredItem } from "./fake-data";
import { fail, invalid, quoted } from "./fake-rules";

type Row = { table: ChangedTable; id: string };

/** The day the fake's timeline draws today on (`CONTRACT_TODAY` in contract_roadmap.rs). */
export const FAKE_TODAY = "2027-03-10";

const DEFAULT_BAR_DAYS = 14;
const LEAD_DAYS = 14;
const AHEAD_OF_TODAY_DAYS = 365;
const TRAIL_DAYS = 60;
const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SCALES: { value: TimelineScale; label: string; dayWidth: number }[] = [
  { value: "week", label: "Weeks", dayWidth: 12 },
  { value: "month", label: "Months", dayWidth: 4 },
  { value: "quarter", label: "Quarters", dayWidth: 2 },
];
const GROUPINGS: { value: TimelineGrouping; label: string; none: string }[] = [
  { value: "horizon", label: "Horizon", none: "Not on the roadmap" },
  { value: "goal", label: "Goal", none: "No goal" },
  { value: "theme", label: "Theme", none: "No theme" },
  { value: "release", label: "Release", none: "No release" },
];
const HORIZONS: { key: Horizon | null; label: string }[] = [
  { key: "now", label: "Now" },
  { key: "next", label: "Next" },
  { key: "later", label: "Later" },
  { key: null, label: "Not on the roadmap" },
];

/** A day as a count of days since 1970-01-01. */
type Day = number;

export function parseDay(field: string, text: string): Day {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const refuse = () => fail(invalid(field, `“${trimmed}” is not a date. Write it as year-month-day, e.g. 2026-03-01.`));
  if (!match) return refuse();
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return refuse();
  }
  return Math.round(date.getTime() / DAY_MS);
}

const dateOf = (day: Day) => new Date(day * DAY_MS);
const text = (day: Day) => {
  const date = dateOf(day);
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
};
const yearOf = (day: Day) => dateOf(day).getUTCFullYear();
const words = (day: Day) => {
  const date = dateOf(day);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};
export function rangeWords(start: Day, end: Day): string {
  if (start === end) return words(start);
  if (yearOf(start) === yearOf(end)) return `${dateOf(start).getUTCDate()} ${MONTHS[dateOf(start).getUTCMonth()]} – ${words(end)}`;
  return `${words(start)} – ${words(end)}`;
}
const fromParts = (year: number, month: number) => {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1);
  return Math.round(date.getTime() / DAY_MS);
};
/** Monday of the ISO week (1970-01-01 was a Thursday). */
const weekStart = (day: Day) => day - ((((day + 3) % 7) + 7) % 7);
function isoWeek(day: Day): { year: number; week: number } {
  const thursday = weekStart(day) + 3;
  const year = yearOf(thursday);
  return { year, week: Math.floor((thursday - fromParts(year, 0)) / 7) + 1 };
}
function tickStart(scale: TimelineScale, day: Day): Day {
  const date = dateOf(day);
  if (scale === "week") return weekStart(day);
  const month = scale === "month" ? date.getUTCMonth() : Math.floor(date.getUTCMonth() / 3) * 3;
  return fromParts(date.getUTCFullYear(), month);
}
function nextTick(scale: TimelineScale, start: Day): Day {
  if (scale === "week") return start + 7;
  const date = dateOf(start);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + (scale === "month" ? 1 : 3));
}
function tickLabel(scale: TimelineScale, start: Day): string {
  const date = dateOf(start);
  if (scale === "week") return `W${isoWeek(start).week}`;
  if (scale === "month") return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
}

function buildAxis(scale: TimelineScale, first: Day, last: Day): TimelineAxis {
  const start = tickStart(scale, first);
  const ticks: TimelineAxis["ticks"] = [];
  let previousYear: number | null = null;
  let tick = start;
  let end = start;
  while (tick <= last) {
    const next = nextTick(scale, tick);
    const year = scale === "week" ? isoWeek(tick).year : yearOf(tick);
    ticks.push({ start: text(tick), offset: tick - start, days: next - tick, label: tickLabel(scale, tick), year: previousYear === year ? null : year });
    previousYear = year;
    end = next;
    tick = next;
  }
  const dayWidth = SCALES.find((option) => option.value === scale)?.dayWidth ?? 4;
  return { scale, start: text(start), days: end - start, dayWidth, ticks };
}

type Schedule = { start: Day; end: Day };

function scheduleOf(item: StoredItem): Schedule | null {
  if (item.startDate === null || item.endDate === null) return null;
  return { start: parseDay("startDate", item.startDate), end: parseDay("endDate", item.endDate) };
}

function newSchedule(start: Day, end: Day): Schedule {
  if (end < start) {
    fail(invalid("endDate", `The end (${words(end)}) is before the start (${words(start)}): an item ends on or after the day it starts.`));
  }
  return { start, end };
}

/** What the timeline commands need of the fake backend. */
export type TimelineCommandsHost = {
  data: () => Data;
  liveItem: (id: string) => StoredItem;
  liveProduct: (id: string) => unknown;
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  now: string;
};

export function createTimelineCommands(host: TimelineCommandsHost) {
  const datesOf = (item: StoredItem, schedule: Schedule | null): ItemDates => ({
    itemId: item.id,
    title: item.title,
    startDate: schedule ? text(schedule.start) : null,
    endDate: schedule ? text(schedule.end) : null,
    words: schedule ? rangeWords(schedule.start, schedule.end) : "No dates",
  });

  const save = (reason: string, item: StoredItem, schedule: Schedule | null, label: string) => {
    const current = scheduleOf(item);
    if (current?.start === schedule?.start && current?.end === schedule?.end) return { value: datesOf(item, schedule), change: null };
    return host.write(reason, label, [{ table: "backlogItem", id: item.id }], () => {
      const stored = host.data().items.find((candidate) => candidate.id === item.id) as StoredItem;
      stored.startDate = schedule ? text(schedule.start) : null;
      stored.endDate = schedule ? text(schedule.end) : null;
      stored.updatedAt = host.now;
      return datesOf(stored, schedule);
    });
  };

  const required = (item: StoredItem): Schedule =>
    scheduleOf(item) ??
    fail(invalid("item", `${quoted(item.title)} has no dates yet: schedule it first (give it a start and an end).`));

  const setDates = (itemId: string, start: string | null, end: string | null) => {
    const blank = (value: string | null) => value === null || value.trim() === "";
    let schedule: Schedule | null = null;
    if (!blank(start) && blank(end)) fail(invalid("endDate", "Give the end date too, or clear both dates."));
    if (blank(start) && !blank(end)) fail(invalid("startDate", "Give the start date too, or clear both dates."));
    if (!blank(start) && !blank(end)) {
      schedule = newSchedule(parseDay("startDate", start as string), parseDay("endDate", end as string));
    }
    const item = host.liveItem(itemId);
    const label = schedule
      ? `Schedule ${quoted(item.title)} ${rangeWords(schedule.start, schedule.end)}`
      : `Clear the dates of ${quoted(item.title)}`;
    return save("Item scheduled", item, schedule, label);
  };

  const scheduleFrom = (itemId: string, from: string, offsetDays: number) => {
    const start = parseDay("startDate", from) + offsetDays;
    const schedule = newSchedule(start, start + DEFAULT_BAR_DAYS - 1);
    const item = host.liveItem(itemId);
    return save("Item scheduled", item, schedule, `Schedule ${quoted(item.title)} ${rangeWords(schedule.start, schedule.end)}`);
  };

  const shift = (itemId: string, days: number) => {
    const item = host.liveItem(itemId);
    const current = required(item);
    const moved = newSchedule(current.start + days, current.end + days);
    return save("Item rescheduled", item, moved, `Move ${quoted(item.title)} to ${rangeWords(moved.start, moved.end)}`);
  };

  const resizeEnd = (itemId: string, days: number) => {
    const item = host.liveItem(itemId);
    const current = required(item);
    const resized = newSchedule(current.start, current.end + days);
    return save("Item rescheduled", item, resized, `Change the end of ${quoted(item.title)} to ${words(resized.end)}`);
  };

  const resizeStart = (itemId: string, days: number) => {
    const item = host.liveItem(itemId);
    const current = required(item);
    const start = current.start + days;
    if (start > current.end) {
      fail(
        invalid(
          "startDate",
          `The start (${words(start)}) would be after the end (${words(current.end)}): an item starts on or before the day it ends.`,
        ),
      );
    }
    return save("Item rescheduled", item, { start, end: current.end }, `Change the start of ${quoted(item.title)} to ${words(start)}`);
  };

  /** The product's live plan rows, each in Rust's order (`queries::timeline::read_plan`). */
  const planOf = (productId: string) => {
    const plan = host.data().plan;
    const live = <T extends { productId: string; deleted: boolean }>(rows: T[] | undefined) =>
      (rows ?? []).filter((row) => row.productId === productId && !row.deleted);
    const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
    return {
      goals: live(plan?.goals).sort(bySeq),
      themes: live(plan?.themes).sort(bySeq),
      releases: live(plan?.releases).sort(
        (a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || bySeq(a, b),
      ),
      milestones: live(plan?.milestones).sort((a, b) => a.fallsOn.localeCompare(b.fallsOn) || bySeq(a, b)),
      links: plan?.links ?? {},
    };
  };

  const listTimeline = (productId: string, scale: TimelineScale, grouping: TimelineGrouping): TimelineView => {
    host.liveProduct(productId);
    const today = parseDay("today", FAKE_TODAY);
    const plan = planOf(productId);
    const items = host.data().items.filter((item) => item.productId === productId && !item.deleted);
    const days = items.flatMap((item) => {
      const schedule = scheduleOf(item);
      return schedule ? [schedule.start, schedule.end] : [];
    });
    for (const release of plan.releases) days.push(parseDay("startsOn", release.startsOn), parseDay("endsOn", release.endsOn));
    for (const milestone of plan.milestones) days.push(parseDay("fallsOn", milestone.fallsOn));
    const earliest = Math.min(today, ...days);
    const latest = days.length > 0 ? Math.max(...days) : today;
    const first = earliest - LEAD_DAYS;
    const last = Math.max(latest + TRAIL_DAYS, today + AHEAD_OF_TODAY_DAYS);
    const axis = buildAxis(scale, first, last);
    const start = tickStart(scale, first);
    const headings: { key: string; label: string }[] =
      grouping === "horizon"
        ? HORIZONS.flatMap(({ key, label }) => (key ? [{ key, label }] : []))
        : grouping === "goal"
          ? plan.goals.map((goal) => ({ key: goal.id, label: goal.title }))
          : (grouping === "theme" ? plan.themes : plan.releases).map((row) => ({ key: row.id, label: row.name }));
    headings.push({ key: "none", label: GROUPINGS.find(({ value }) => value === grouping)?.none ?? "" });
    const groups: TimelineGroup[] = headings.map(({ key, label }) => ({ key, label, bars: [] as TimelineBar[] }));
    const keyOf = (item: StoredItem): string | null =>
      grouping === "horizon" ? item.horizon : (plan.links[item.id]?.[grouping] ?? null);
    const unscheduled: TimelineView["unscheduled"] = [];
    for (const item of items) {
      const schedule = scheduleOf(item);
      if (!schedule) {
        const horizonLabel = HORIZONS.find(({ key }) => key === item.horizon)?.label ?? "";
        unscheduled.push({ itemId: item.id, title: item.title, kind: item.kind, horizon: item.horizon, horizonLabel });
        continue;
      }
      const range = rangeWords(schedule.start, schedule.end);
      const key = keyOf(item);
      const index = headings.findIndex((heading) => heading.key === key);
      const group = groups[index < 0 ? groups.length - 1 : index];
      group?.bars.push({
        itemId: item.id,
        title: item.title,
        kind: item.kind,
        status: item.status,
        horizon: item.horizon,
        startDate: text(schedule.start),
        endDate: text(schedule.end),
        offset: schedule.start - start,
        days: schedule.end - schedule.start + 1,
        words: range,
        label: `${item.title}, ${range}`,
      });
    }
    return {
      productId,
      grouping,
      groupings: GROUPINGS.map(({ value, label }) => ({ value, label })),
      axis,
      scales: SCALES.map(({ value, label }) => ({ value, label })),
      today: text(today),
      todayOffset: today - start,
      groups: groups.filter((group) => group.bars.length > 0),
      unscheduled,
      defaultBarDays: DEFAULT_BAR_DAYS,
      releases: plan.releases.map((release) => {
        const [from, to] = [parseDay("startsOn", release.startsOn), parseDay("endsOn", release.endsOn)];
        return {
          id: release.id,
          name: release.name,
          startDate: release.startsOn,
          endDate: release.endsOn,
          offset: from - start,
          days: to - from + 1,
          label: `Release ${release.name}, ${rangeWords(from, to)}`,
        };
      }),
      milestones: plan.milestones.map((milestone) => {
        const day = parseDay("fallsOn", milestone.fallsOn);
        return { id: milestone.id, name: milestone.name, date: milestone.fallsOn, offset: day - start, label: `Milestone ${milestone.name}, ${words(day)}` };
      }),
    };
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_timeline: ({ productId, scale, grouping }) =>
      listTimeline(String(productId), scale as TimelineScale, grouping as TimelineGrouping),
    set_item_dates: ({ itemId, startDate, endDate }) =>
      setDates(String(itemId), (startDate as string | null) ?? null, (endDate as string | null) ?? null),
    schedule_item_from: ({ itemId, from, offsetDays }) => scheduleFrom(String(itemId), String(from), Number(offsetDays)),
    shift_item_dates: ({ itemId, days }) => shift(String(itemId), Number(days)),
    resize_item_end: ({ itemId, days }) => resizeEnd(String(itemId), Number(days)),
    resize_item_start: ({ itemId, days }) => resizeStart(String(itemId), Number(days)),
  };
  return { handlers };
}
