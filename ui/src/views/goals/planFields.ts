//! The fields of the plan's forms, and their text values turned into the commands' fields
//! (numbers parsed, empty optional values as null). Rust validates every value and words every
//! refusal; nothing here checks a rule.
import type { Goal, GoalFields, KeyResult, KeyResultFields, Milestone, MilestoneFields, Release, ReleaseFields, Theme, ThemeFields } from "../../api";
import { numberOrNull, type PlanField, type PlanValues } from "./PlanFormDialog";

export const GOAL_FIELDS: readonly PlanField[] = [
  { name: "title", label: "Objective", kind: "text", placeholder: "What you want to achieve, in one line" },
  { name: "description", label: "Why it matters", kind: "textarea", placeholder: "Optional" },
];

export const KEY_RESULT_FIELDS: readonly PlanField[] = [
  { name: "metric", label: "Metric", kind: "text", placeholder: "e.g. Monthly churn" },
  { name: "unit", label: "Unit", kind: "text", placeholder: "e.g. %, users, days (optional)" },
  { name: "baseline", label: "Baseline", kind: "number", hint: "Where the metric started." },
  { name: "target", label: "Target", kind: "number", hint: "Where it should get to; it may be below the baseline." },
  { name: "current", label: "Current value", kind: "number", hint: "Empty: the baseline (or, when editing, the value it has)." },
];

export const THEME_FIELDS: readonly PlanField[] = [
  { name: "name", label: "Name", kind: "text", placeholder: "e.g. Getting paid" },
  { name: "description", label: "Description", kind: "textarea", placeholder: "Optional" },
];

export const goalValues = (goal?: Goal): PlanValues => ({ title: goal?.title ?? "", description: goal?.description ?? "" });
export const goalFields = (values: PlanValues): GoalFields => ({ title: values.title ?? "", description: values.description ?? "" });

const text = (value: number) => String(value);

export const keyResultValues = (kr?: KeyResult): PlanValues => ({
  metric: kr?.metric ?? "",
  unit: kr?.unit ?? "",
  baseline: kr ? text(kr.baseline) : "",
  target: kr ? text(kr.target) : "",
  current: kr ? text(kr.current) : "",
});
export const keyResultFields = (values: PlanValues): KeyResultFields => ({
  metric: values.metric ?? "",
  unit: values.unit ?? "",
  baseline: numberOrNull(values.baseline),
  target: numberOrNull(values.target),
  current: numberOrNull(values.current),
});

export const themeValues = (theme?: Theme): PlanValues => ({ name: theme?.name ?? "", description: theme?.description ?? "" });
export const themeFields = (values: PlanValues): ThemeFields => ({ name: values.name ?? "", description: values.description ?? "" });

export const RELEASE_FIELDS: readonly PlanField[] = [
  { name: "name", label: "Name", kind: "text", placeholder: "e.g. 2.0 or Spring release" },
  { name: "startsOn", label: "Starts on", kind: "date" },
  { name: "endsOn", label: "Ends on", kind: "date" },
  { name: "capacity", label: "Capacity", kind: "number", hint: "Optional: how much work fits in it." },
  {
    name: "capacityUnit",
    label: "Capacity unit",
    kind: "select",
    options: [
      { value: "person_months", label: "Person-months (RICE effort)" },
      { value: "points", label: "Points (WSJF job size)" },
    ],
  },
];

export const releaseValues = (release?: Release): PlanValues => ({
  name: release?.name ?? "",
  startsOn: release?.startsOn ?? "",
  endsOn: release?.endsOn ?? "",
  capacity: release?.capacity === null || release?.capacity === undefined ? "" : text(release.capacity),
  capacityUnit: release?.capacityUnit ?? "person_months",
});
export const releaseFields = (values: PlanValues): ReleaseFields => {
  const capacity = numberOrNull(values.capacity);
  return {
    name: values.name ?? "",
    startsOn: values.startsOn ?? "",
    endsOn: values.endsOn ?? "",
    capacity,
    // The unit goes with a capacity; without one there is nothing to count in.
    capacityUnit: capacity === null ? null : values.capacityUnit === "points" ? "points" : "person_months",
  };
};

export function milestoneFieldsFor(releases: readonly Pick<Release, "id" | "name">[]): readonly PlanField[] {
  return [
    { name: "name", label: "Name", kind: "text", placeholder: "e.g. Beta launch" },
    { name: "fallsOn", label: "Date", kind: "date" },
    {
      name: "releaseId",
      label: "Release",
      kind: "select",
      options: [{ value: "", label: "No release" }, ...releases.map((release) => ({ value: release.id, label: release.name }))],
    },
  ];
}

export const milestoneValues = (milestone?: Milestone): PlanValues => ({
  name: milestone?.name ?? "",
  fallsOn: milestone?.fallsOn ?? "",
  releaseId: milestone?.release?.id ?? "",
});
export const milestoneFields = (values: PlanValues): MilestoneFields => ({
  name: values.name ?? "",
  fallsOn: values.fallsOn ?? "",
  releaseId: values.releaseId ? values.releaseId : null,
});
