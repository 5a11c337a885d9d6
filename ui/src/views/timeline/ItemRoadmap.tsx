//! An item panel's "Roadmap" section: its horizon (the Now / Next / Later board's lanes, with
//! Rust's labels; choosing one moves its card to the end of that lane, one undo step) and its
//! start and end days (saved together through `set_item_dates`, Rust's refusal beside the field).
import { useId, useState, type FormEvent } from "react";
import { describeError, toUiError, useBoard, useMoveCard, useReschedule, type ItemDetails } from "../../api";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { scheduleErrors } from "./ScheduleDialog";
import panel from "../backlog/ScorePanel.module.css";
import styles from "./Timeline.module.css";

type ItemRoadmapProps = { item: ItemDetails };

const UNSORTED = "unsorted";

export function ItemRoadmap({ item }: ItemRoadmapProps) {
  const board = useBoard(item.productId, "horizon");
  const moveCard = useMoveCard();
  const reschedule = useReschedule({ errorShownInPlace: true });
  const [startDate, setStartDate] = useState(item.startDate ?? "");
  const [endDate, setEndDate] = useState(item.endDate ?? "");
  const [errors, setErrors] = useState<ReturnType<typeof scheduleErrors>>({});
  const ids = { heading: useId(), start: useId(), end: useId() };
  const lanes = (board.data?.columns ?? []).map((column) => ({ value: column.column, label: column.label }));

  const chooseHorizon = (column: string) => {
    void moveCard({ productId: item.productId, board: "horizon", itemId: item.id, column, target: { to: "bottom" } }).then(
      (moved) => announce(`${quoteTitle(item.title)} moved to ${moved.columnLabel}`),
      (error: unknown) => announce(`${quoteTitle(item.title)} was not moved: ${describeError(toUiError(error))}`),
    );
  };
  const saveDates = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const change = { kind: "dates" as const, startDate: startDate || null, endDate: endDate || null };
    reschedule({ productId: item.productId, scale: "month", itemId: item.id, change }).then(
      ({ dates }) => announce(dates.startDate ? `${quoteTitle(item.title)} scheduled ${dates.words}` : `${quoteTitle(item.title)} has no dates now.`),
      (failure: unknown) => setErrors(scheduleErrors(toUiError(failure), describeError)),
    );
  };

  return (
    <section className={panel.section} aria-labelledby={ids.heading}>
      <div className={panel.sectionHeader}>
        <h3 id={ids.heading} className={panel.sectionTitle}>
          Roadmap
        </h3>
      </div>
      {lanes.length > 0 ? (
        <SelectField label="Horizon" value={item.horizon ?? UNSORTED} options={lanes} onChange={chooseHorizon} />
      ) : null}
      <form className={styles.dateFields} onSubmit={saveDates}>
        <div className="field">
          <label htmlFor={ids.start} className="field-label">
            Start
          </label>
          <input
            id={ids.start}
            type="date"
            className="input"
            value={startDate}
            onChange={(event) => setStartDate(event.target.value)}
            aria-invalid={errors.startDate ? true : undefined}
            aria-describedby={errors.startDate ? `${ids.start}-error` : undefined}
          />
          {errors.startDate ? (
            <p id={`${ids.start}-error`} className={styles.fieldError} role="alert">
              {errors.startDate}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.end} className="field-label">
            End
          </label>
          <input
            id={ids.end}
            type="date"
            className="input"
            value={endDate}
            onChange={(event) => setEndDate(event.target.value)}
            aria-invalid={errors.endDate ? true : undefined}
            aria-describedby={errors.endDate ? `${ids.end}-error` : undefined}
          />
          {errors.endDate ? (
            <p id={`${ids.end}-error`} className={styles.fieldError} role="alert">
              {errors.endDate}
            </p>
          ) : null}
        </div>
        <button type="submit" className={`button ${styles.saveDates}`}>
          Save dates
        </button>
      </form>
      {errors.other ? (
        <p className={styles.fieldError} role="alert">
          {errors.other}
        </p>
      ) : null}
    </section>
  );
}
