//! One form dialog for the plan's rows (goal, key result, theme, release, milestone): labelled
//! fields, and Rust's refusal shown beside the field it names (`Invalid.field`), anything else
//! under the form. The caller turns the text values into the command's fields; Rust validates.
import { useId, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { describeError, toUiError } from "../../api";
import { AutoGrowTextarea } from "../../components/AutoGrowTextarea";
import styles from "./Plan.module.css";

export type PlanField = {
  /** Rust's field name (`title`, `startsOn`…): where its refusal is shown. */
  name: string;
  label: string;
  kind: "text" | "textarea" | "date" | "number" | "select";
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
};

export type PlanValues = Record<string, string>;

type PlanFormDialogProps = {
  title: string;
  submitLabel: string;
  fields: readonly PlanField[];
  initial: PlanValues;
  /** Sends the values; rejects with Rust's error. */
  onSubmit: (values: PlanValues) => Promise<unknown>;
  onClose: () => void;
};

/** A number field's text as the command's number: empty is `null` (Rust says what is missing). */
export function numberOrNull(text: string | undefined): number | null {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Mount it with a `key` per opening, so each starts from `initial`. */
export function PlanFormDialog({ title, submitLabel, fields, initial, onSubmit, onClose }: PlanFormDialogProps) {
  const [values, setValues] = useState<PlanValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const formId = useId();
  const idOf = (name: string) => `${formId}-${name}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setErrors({});
    setPending(true);
    onSubmit(values).then(
      () => {
        setPending(false);
        onClose();
      },
      (failure: unknown) => {
        setPending(false);
        const error = toUiError(failure);
        const field = error.kind === "Invalid" ? fields.find((candidate) => candidate.name === error.detail.field) : undefined;
        setErrors(field && error.kind === "Invalid" ? { [field.name]: error.detail.reason } : { other: describeError(error) });
      },
    );
  };

  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));

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
              {title}
            </Heading>
            <div className={styles.formFields}>
              {fields.map((field, index) => {
                const id = idOf(field.name);
                const error = errors[field.name];
                const describedBy = [error ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
                const common = {
                  id,
                  "aria-invalid": error ? true : undefined,
                  "aria-describedby": describedBy,
                  value: values[field.name] ?? "",
                };
                return (
                  <div className="field" key={field.name}>
                    <label htmlFor={id} className="field-label">
                      {field.label}
                    </label>
                    {field.kind === "textarea" ? (
                      <AutoGrowTextarea
                        {...common}
                        className="input textarea"
                        rows={2}
                        placeholder={field.placeholder}
                        onChange={(event) => set(field.name, event.target.value)}
                      />
                    ) : field.kind === "select" ? (
                      <select {...common} className="input" onChange={(event) => set(field.name, event.target.value)}>
                        {(field.options ?? []).map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        {...common}
                        className="input"
                        type={field.kind}
                        step={field.kind === "number" ? "any" : undefined}
                        placeholder={field.placeholder}
                        autoComplete="off"
                        autoFocus={index === 0}
                        onChange={(event) => set(field.name, event.target.value)}
                      />
                    )}
                    {field.hint ? (
                      <p className="field-hint" id={`${id}-hint`}>
                        {field.hint}
                      </p>
                    ) : null}
                    {error ? (
                      <p id={`${id}-error`} className={styles.fieldError} role="alert">
                        {error}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
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
                {submitLabel}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
