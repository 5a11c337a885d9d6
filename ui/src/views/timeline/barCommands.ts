//! The commands of one bar on the timeline (its keys and its menu), declared once: moving it by a
//! day or a week, moving its end by a day, changing or clearing its dates. The shortcuts sheet
//! lists them from here.
import type { AppCommand } from "../../commands/registry";
import type { Shortcut } from "../../commands/shortcut";
import type { ScheduleChange } from "../../api";

type BarCommandSpec = {
  id: string;
  label: string;
  shortcuts: readonly Shortcut[];
  /** What the command changes, or which dialog it opens. */
  change: ScheduleChange | "dialog" | "clear";
};

export const BAR_COMMANDS: readonly BarCommandSpec[] = [
  { id: "bar.dayEarlier", label: "Move a day earlier", shortcuts: [{ key: "ArrowLeft", alt: true }], change: { kind: "shift", days: -1 } },
  { id: "bar.dayLater", label: "Move a day later", shortcuts: [{ key: "ArrowRight", alt: true }], change: { kind: "shift", days: 1 } },
  {
    id: "bar.weekEarlier",
    label: "Move a week earlier",
    shortcuts: [{ key: "ArrowLeft", alt: true, shift: true }],
    change: { kind: "shift", days: -7 },
  },
  {
    id: "bar.weekLater",
    label: "Move a week later",
    shortcuts: [{ key: "ArrowRight", alt: true, shift: true }],
    change: { kind: "shift", days: 7 },
  },
  {
    id: "bar.endEarlier",
    label: "End a day earlier",
    shortcuts: [{ key: "ArrowLeft", ctrl: true, alt: true }],
    change: { kind: "end", days: -1 },
  },
  { id: "bar.endLater", label: "End a day later", shortcuts: [{ key: "ArrowRight", ctrl: true, alt: true }], change: { kind: "end", days: 1 } },
  { id: "bar.dates", label: "Change dates…", shortcuts: [{ key: "Enter" }], change: "dialog" },
  { id: "bar.clear", label: "Clear dates", shortcuts: [], change: "clear" },
];

export type BarCommandHandlers = {
  change: (change: ScheduleChange) => void;
  openDates: () => void;
};

/** The commands of one bar, bound to its handlers. */
export function declareBarCommands(handlers: BarCommandHandlers): AppCommand[] {
  return BAR_COMMANDS.map((spec) => ({
    id: spec.id,
    label: spec.label,
    group: "Backlog",
    shortcuts: spec.shortcuts,
    isEnabled: true,
    run: () => {
      if (spec.change === "dialog") handlers.openDates();
      else if (spec.change === "clear") handlers.change({ kind: "dates", startDate: null, endDate: null });
      else handlers.change(spec.change);
    },
  }));
}
