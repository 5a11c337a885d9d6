//! "Schedule…" / "Change dates…": an item's start and end day. Rust validates both (a real day,
//! both or neither, the end not before the start); its refusal is shown beside the field it
//! names, anything else under the form. Saving is one undo step ("Schedule “X” 3 Mar – 21 Apr
//! 2027"); "Clear dates" takes the item off the timeline.
import { useId, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { describeError, toUiError, useReschedule, type TimelineScale, type UiError } from "../../api";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import styles from "./Timeline.module.css";

type Errors = Partial<Record<"startDate" | "endDate" | "other", string>>;

/** Rust's refusal, filed under the field it names; anything else under the form. */
export function scheduleErrors(error: UiError, describe: (error: UiError) => string): Errors {
  if (error.kind === "Invalid" && (error.detail.field === "startDate" || error.detail.field === "endDate")) {
    return { [error.detail.field]: error.detail.reason };
  }
  return { other: describe(error) };
}

type ScheduleDialogProps = {
  productId: string;
  scale: TimelineScale;
  item: { itemId: string; title: string; startDate: string | null; endDate: string | null };
  onClose: () => void;
};

/** Mount it with a `key` per opening, so each starts from the item's dates. */
export function ScheduleDialog({ productId, scale, item, onClose }: ScheduleDialogProps) {
  const [startDate, setStartDate] = useState(item.startDate ?? "");
  const [endDate, setEndDate] = useState(item.endDate ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const reschedule = useReschedule({ errorShownInPlace: true });
  const ids = { start: useId(), end: useId() };
  const scheduled = item.startDate !== null;

  const save = (start: string | null, end: string | null) => {
    if (pending) return;
    setPending(true);
    setErrors({});
    reschedule({ productId, scale, itemId: item.itemId, change: { kind: "dates", startDate: start, endDate: end } }).then(
      ({ dates }) => {
        onClose();
        announce(dates.startDate ? `${quoteTitle(item.title)} scheduled ${dates.words}` : `${quoteTitle(item.title)} has no dates now.`);
      },
      (failure: unknown) => {
        setPending(false);
        setErrors(scheduleErrors(toUiError(failure), describeError));
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(startDate, endDate);
  };

  const errorOf = (field: keyof Errors, id: string) =>
    errors[field] ? (
      <p id={`${id}-error`} className={styles.fieldError} role="alert">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: keyof Errors, id: string) => (errors[field] ? `${id}-error` : undefined);

  return (
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-small">
        <Dialog className="dialog">
          <form className="dialog-form" onSubmit={submit}>
            <Heading slot="title" className="dialog-title">
              {scheduled ? "Change dates" : "Schedule"} {quoteTitle(item.title)}
            </Heading>
            <div className={styles.dateFields}>
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
                  aria-describedby={describedBy("startDate", ids.start)}
                  autoFocus
                />
                {errorOf("startDate", ids.start)}
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
                  aria-describedby={describedBy("endDate", ids.end)}
                />
                {errorOf("endDate", ids.end)}
              </div>
            </div>
            {errors.other ? (
              <p className={styles.fieldError} role="alert">
                {errors.other}
              </p>
            ) : null}
            <div className="dialog-actions">
              {scheduled ? (
                <Button className="button button-ghost" onPress={() => save(null, null)}>
                  Clear dates
                </Button>
              ) : null}
              <Button className="button" onPress={onClose}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
                Save dates
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
