import { useId, useState, type ReactNode } from "react";
import { describeError, toUiError, useSetScoreInputs, type InputSpec, type InputValue } from "../../api";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import styles from "./ScorePanel.module.css";

const NOT_SET = "none";

type ScoreInputFieldProps = {
  itemId: string;
  spec: InputSpec;
  value: InputValue | null;
};

/**
 * One score input of one item, saved as soon as it is chosen (a choice) or committed (a number:
 * Enter or leaving the field): one undo step each. A refusal shows Rust's reason beside the field
 * and keeps what was typed.
 */
export function ScoreInputField({ itemId, spec, value }: ScoreInputFieldProps) {
  const setInputs = useSetScoreInputs({ errorShownInPlace: true });
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorId = useId();

  const save = (next: InputValue | null, onSaved?: () => void) => {
    setRefusal(null);
    setInputs.mutate(
      { itemIds: [itemId], changes: [{ input: spec.input, value: next }] },
      {
        onSuccess: (saved) => {
          onSaved?.();
          if (saved.change !== null) announce(`${spec.label} saved`);
        },
        onError: (error) => setRefusal(describeError(toUiError(error))),
      },
    );
  };

  const error = refusal ? (
    <p id={errorId} className={styles.refusal} role="alert">
      {refusal}
    </p>
  ) : null;

  if (spec.scale.type === "choices") {
    const choices = spec.scale.choices;
    const options = [{ value: NOT_SET, label: "Not set" }, ...choices.map((choice, index) => ({ value: String(index), label: choice.label }))];
    const selected = choices.findIndex((choice) => choice.value === value);
    return (
      <div className={styles.input}>
        <SelectField
          label={spec.shortLabel}
          value={selected < 0 ? NOT_SET : String(selected)}
          options={options}
          onChange={(key) => save(key === NOT_SET ? null : (choices[Number(key)]?.value ?? null))}
        />
        {error}
      </div>
    );
  }
  return <NumberInput spec={spec} value={value} errorId={errorId} error={error} isInvalid={refusal !== null} onCommit={save} />;
}

type NumberInputProps = {
  spec: InputSpec;
  value: InputValue | null;
  errorId: string;
  error: ReactNode;
  isInvalid: boolean;
  onCommit: (value: InputValue | null, onSaved: () => void) => void;
};

/** A number typed as text: Rust says whether it is one, and whether it is on the scale. */
function NumberInput({ spec, value, errorId, error, isInvalid, onCommit }: NumberInputProps) {
  const saved = value === null ? "" : String(value);
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const scale = spec.scale;
  const hint =
    scale.type === "whole"
      ? `${scale.min}–${scale.max}`
      : scale.type === "number" && scale.unit
        ? scale.unit
        : null;

  const commit = () => {
    if (draft === null || draft === saved) return;
    const text = draft.trim();
    const number = Number(text);
    // Sent as typed when it is not a number: Rust's refusal says what is expected.
    onCommit(text === "" ? null : Number.isFinite(number) ? number : text, () => setDraft(null));
  };

  return (
    <div className={styles.input}>
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          {spec.shortLabel}
        </label>
        <input
          id={inputId}
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={draft ?? saved}
          aria-invalid={isInvalid || undefined}
          aria-describedby={[hint ? hintId : null, isInvalid ? errorId : null].filter(Boolean).join(" ") || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            }
          }}
        />
        {hint ? (
          <span id={hintId} className="field-hint">
            {hint}
          </span>
        ) : null}
      </div>
      {error}
    </div>
  );
}
