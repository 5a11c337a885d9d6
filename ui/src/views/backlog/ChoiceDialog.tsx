import { useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup } from "react-aria-components";
import styles from "./ChoiceDialog.module.css";

/** The "Not set" choice's key (a category is cleared with it). */
export const NOT_SET = "__not_set__";

export type Choice = { value: string; label: string };

type ChoiceDialogProps = {
  /** "Set MoSCoW of 3 items", "Set Kano category of “Bank sync”". */
  title: string;
  /** The radio group's name: "MoSCoW". */
  label: string;
  choices: readonly Choice[];
  /** The value the selection has now when all share it, else null. */
  initial: string | null;
  /** Whether "Not set" is offered (it clears the input). */
  canClear: boolean;
  isPending: boolean;
  /** With the chosen value, or null for "Not set". */
  onApply: (value: string | null) => void;
  onCancel: () => void;
};

/**
 * One choice for one item or a selection (MoSCoW, Kano, status), from the values Rust offers;
 * applied as one change (one undo step). Mount it only while open, so it starts from `initial`.
 */
export function ChoiceDialog({ title, label, choices, initial, canClear, isPending, onApply, onCancel }: ChoiceDialogProps) {
  const [value, setValue] = useState<string>(initial ?? (canClear ? NOT_SET : (choices[0]?.value ?? "")));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(value === NOT_SET ? null : value);
  };
  const options = canClear ? [...choices, { value: NOT_SET, label: "Not set" }] : choices;
  return (
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-small">
        <Dialog className="dialog">
          <form className="dialog-form" onSubmit={submit}>
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
            <RadioGroup value={value} onChange={setValue} className={styles.group}>
              <Label className="field-label">{label}</Label>
              {options.map((option) => (
                <Radio key={option.value} value={option.value} className={styles.radio} autoFocus={option.value === value}>
                  {option.label}
                </Radio>
              ))}
            </RadioGroup>
            <div className="dialog-actions">
              <Button className="button" onPress={onCancel}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" isPending={isPending}>
                Apply
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
