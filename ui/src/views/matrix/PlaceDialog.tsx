//! "Set value/effort…": the non-drag way to place a card, with the values the scales offer
//! (`get_scoring_scales`), applied as one change (one undo step).
import { useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import type { InputSpec, ItemSummary, ScoringScales } from "../../api";
import { SelectField } from "../../components/SelectField";
import { quoteTitle } from "../../lib/quote";
import type { CellRef } from "./matrixGeometry";

type PlaceDialogProps = {
  item: ItemSummary;
  scales: ScoringScales;
  /** Where the card starts: its cell, or the middle for a card not placed. */
  initial: CellRef;
  onApply: (cell: CellRef) => void;
  onCancel: () => void;
};

/** The whole numbers of an input's scale, as choices. */
function choicesOf(spec: InputSpec | undefined): { value: string; label: string }[] {
  if (!spec || spec.scale.type !== "whole") return [];
  const choices = [];
  for (let number = spec.scale.min; number <= spec.scale.max; number += 1) choices.push({ value: String(number), label: String(number) });
  return choices;
}

export function PlaceDialog({ item, scales, initial, onApply, onCancel }: PlaceDialogProps) {
  const valueSpec = scales.inputs.find((spec) => spec.input === "value");
  const effortSpec = scales.inputs.find((spec) => spec.input === "effort");
  const [value, setValue] = useState(String(initial.value));
  const [effort, setEffort] = useState(String(initial.effort));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ value: Number(value), effort: Number(effort) });
  };
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
              Set value and effort of {quoteTitle(item.title)}
            </Heading>
            <SelectField label={valueSpec?.shortLabel ?? "Value"} value={value} options={choicesOf(valueSpec)} onChange={setValue} />
            <SelectField label={effortSpec?.shortLabel ?? "Effort"} value={effort} options={choicesOf(effortSpec)} onChange={setEffort} />
            <div className="dialog-actions">
              <Button className="button" onPress={onCancel}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" autoFocus>
                Set
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
