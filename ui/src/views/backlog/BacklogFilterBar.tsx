import { useMemo } from "react";
import type { ScoringScales, StatusOption } from "../../api";
import { KIND_OPTIONS } from "../../components/Badges";
import { SelectField } from "../../components/SelectField";
import type { BacklogFilters } from "./backlogFilters";
import { frameworkLabel, inputSpec } from "./scoreLabels";
import styles from "./BacklogView.module.css";

type BacklogFilterBarProps = {
  filters: BacklogFilters;
  statusOptions: readonly StatusOption[];
  scales: ScoringScales | undefined;
  /** How many rows the filters hide (0: none). */
  hiddenCount: number;
  onChange: (filters: BacklogFilters) => void;
  onClear: () => void;
};

/** The category options of an input, from Rust's scales, after "All …" and before "Not set". */
function categoryOptions<T extends string>(scales: ScoringScales | undefined, input: "moscow" | "kano", all: string) {
  const scale = inputSpec(scales, input)?.scale;
  const choices = scale?.type === "choices" ? scale.choices : [];
  return [
    { value: "all" as T | "all" | "none", label: all },
    ...choices.map((choice) => ({ value: String(choice.value) as T, label: choice.label })),
    { value: "none" as const, label: "Not set" },
  ];
}

/** Status, kind, MoSCoW and Kano filters, and how many rows they hide. */
export function BacklogFilterBar({ filters, statusOptions, scales, hiddenCount, onChange, onClear }: BacklogFilterBarProps) {
  const statuses = useMemo(() => [{ value: "all" as const, label: "All statuses" }, ...statusOptions], [statusOptions]);
  const kinds = useMemo(() => [{ value: "all" as const, label: "All kinds" }, ...KIND_OPTIONS], []);
  const moscow = useMemo(() => categoryOptions<NonNullable<BacklogFilters["moscow"]>>(scales, "moscow", "All buckets"), [scales]);
  const kano = useMemo(() => categoryOptions<NonNullable<BacklogFilters["kano"]>>(scales, "kano", "All categories"), [scales]);
  return (
    <div className={styles.filterBar} role="group" aria-label="Filters">
      <SelectField label="Status" value={filters.status} options={statuses} onChange={(status) => onChange({ ...filters, status })} inline />
      <SelectField label="Kind" value={filters.kind} options={kinds} onChange={(kind) => onChange({ ...filters, kind })} inline />
      <SelectField
        label={frameworkLabel(scales, "moscow")}
        value={filters.moscow}
        options={moscow}
        onChange={(value) => onChange({ ...filters, moscow: value })}
        inline
      />
      <SelectField
        label={frameworkLabel(scales, "kano")}
        value={filters.kano}
        options={kano}
        onChange={(value) => onChange({ ...filters, kano: value })}
        inline
      />
      {hiddenCount > 0 ? (
        <>
          <span className={styles.hiddenCount}>
            {hiddenCount} {hiddenCount === 1 ? "item" : "items"} hidden by filters
          </span>
          <button type="button" className="button button-ghost" onClick={onClear}>
            Clear filters
          </button>
        </>
      ) : null}
    </div>
  );
}
