//! Recording or editing a decision: what was decided, why, the day (today unless changed) and,
//! when recording, the items it is about. Rust validates every field; its refusal is shown
//! beside the field it names (`Invalid.field`), anything else under the form.
import { useId, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import {
  describeError,
  toUiError,
  useCreateDecision,
  useUpdateDecision,
  type Decision,
  type ItemSummary,
} from "../../api";
import { AutoGrowTextarea } from "../../components/AutoGrowTextarea";
import { announce } from "../../feedback/announcer";
import { ItemPicker } from "./ItemPicker";
import { fieldErrors, localToday, type FieldErrors } from "./decisionForm";
import styles from "./DecisionLog.module.css";
import { quoteTitle } from "../../lib/quote";

export type DecisionDialogMode =
  | { type: "record"; itemIds: readonly string[] }
  | { type: "edit"; decision: Decision };

type DecisionDialogProps = {
  productId: string;
  items: readonly Pick<ItemSummary, "id" | "title">[];
  mode: DecisionDialogMode;
  onClose: () => void;
};

/** Mount it with a `key` per opening, so each starts from its mode. */
export function DecisionDialog({ productId, items, mode, onClose }: DecisionDialogProps) {
  const editing = mode.type === "edit" ? mode.decision : null;
  const [decision, setDecision] = useState(editing?.decision ?? "");
  const [rationale, setRationale] = useState(editing?.rationale ?? "");
  const [decidedOn, setDecidedOn] = useState(editing?.decidedOn ?? localToday());
  const [itemIds, setItemIds] = useState<string[]>(mode.type === "record" ? [...mode.itemIds] : []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateDecision({ errorShownInPlace: true });
  const update = useUpdateDecision({ errorShownInPlace: true });
  const ids = { decision: useId(), rationale: useId(), date: useId() };
  const pending = create.isPending || update.isPending;

  const failed = (failure: unknown) => setErrors(fieldErrors(toUiError(failure), describeError));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setErrors({});
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          patch: {
            decision: decision === editing.decision ? null : decision,
            rationale: rationale === editing.rationale ? null : rationale,
            decidedOn: decidedOn === editing.decidedOn ? null : decidedOn,
          },
        },
        {
          onSuccess: ({ value }) => {
            onClose();
            announce(`Saved the decision ${quoteTitle(value.decision)}`);
          },
          onError: failed,
        },
      );
    } else {
      create.mutate(
        { productId, decidedOn, decision, rationale, itemIds },
        {
          onSuccess: ({ value }) => {
            onClose();
            announce(`Recorded the decision ${quoteTitle(value.decision)}`);
          },
          onError: failed,
        },
      );
    }
  };

  const errorOf = (field: keyof FieldErrors, id: string) =>
    errors[field] ? (
      <p id={`${id}-error`} className={styles.fieldError} role="alert">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: keyof FieldErrors, id: string) => (errors[field] ? `${id}-error` : undefined);

  return (
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-medium">
        <Dialog className="dialog">
          <form className="dialog-form" onSubmit={submit}>
            <Heading slot="title" className="dialog-title">
              {editing ? "Edit decision" : "Record decision"}
            </Heading>
            <div className="field">
              <label htmlFor={ids.decision} className="field-label">
                Decision
              </label>
              <input
                id={ids.decision}
                className="input"
                value={decision}
                onChange={(event) => setDecision(event.target.value)}
                placeholder="What was decided, in one line"
                aria-invalid={errors.decision ? true : undefined}
                aria-describedby={describedBy("decision", ids.decision)}
                autoComplete="off"
                autoFocus
              />
              {errorOf("decision", ids.decision)}
            </div>
            <div className="field">
              <label htmlFor={ids.rationale} className="field-label">
                Rationale
              </label>
              <AutoGrowTextarea
                id={ids.rationale}
                className={`input textarea ${styles.rationaleField}`}
                value={rationale}
                onChange={(event) => setRationale(event.target.value)}
                placeholder="Why: the evidence, the trade-off, who agreed"
                rows={3}
                aria-invalid={errors.rationale ? true : undefined}
                aria-describedby={describedBy("rationale", ids.rationale)}
              />
              {errorOf("rationale", ids.rationale)}
            </div>
            <div className="field">
              <label htmlFor={ids.date} className="field-label">
                Decided on
              </label>
              <input
                id={ids.date}
                type="date"
                className={`input ${styles.dateField}`}
                value={decidedOn}
                onChange={(event) => setDecidedOn(event.target.value)}
                aria-invalid={errors.decidedOn ? true : undefined}
                aria-describedby={describedBy("decidedOn", ids.date)}
              />
              {errorOf("decidedOn", ids.date)}
            </div>
            {editing ? null : <ItemPicker items={items} chosen={itemIds} onChange={setItemIds} error={errors.itemIds ?? null} />}
            {errors.other ? (
              <p className={styles.fieldError} role="alert">
                {errors.other}
              </p>
            ) : null}
            <div className="dialog-actions">
              <Button className="button" onPress={onClose}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
                {editing ? "Save" : "Record decision"}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
