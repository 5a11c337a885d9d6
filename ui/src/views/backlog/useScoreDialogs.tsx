import { useCallback, useState } from "react";
import {
  useScoringScales,
  useSetItemsStatus,
  useSetScoreInputs,
  type ItemSummary,
  type StatusOption,
} from "../../api";
import { PRESS_UNDO } from "../../commands/appCommands";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { ChoiceDialog } from "./ChoiceDialog";
import { choiceLabel, frameworkLabel, inputSpec } from "./scoreLabels";
import { ScorePanel } from "./ScorePanel";

/** The category inputs a row or a selection can be given in one step. */
export type CategoryInput = "moscow" | "kano";

type ScoreDialog =
  | { type: "category"; input: CategoryInput; items: readonly ItemSummary[] }
  | { type: "status"; items: readonly ItemSummary[] }
  | { type: "panel"; item: ItemSummary }
  | null;

function targetOf(items: readonly ItemSummary[]) {
  return items.length === 1 && items[0] ? quoteTitle(items[0].title) : `${items.length} items`;
}

/**
 * The backlog's score dialogs: an item's score panel; a MoSCoW bucket or Kano category for one
 * row or a selection, set through `set_score_inputs`; the status of a selection, through
 * `set_items_status` (each one undo step for all the items).
 */
export function useScoreDialogs(statusOptions: readonly StatusOption[]) {
  const [dialog, setDialog] = useState<ScoreDialog>(null);
  const scales = useScoringScales();
  const setInputs = useSetScoreInputs();
  const setStatus = useSetItemsStatus();
  const close = useCallback(() => setDialog(null), []);

  const openPanel = useCallback((item: ItemSummary) => setDialog({ type: "panel", item }), []);
  const chooseCategory = useCallback((input: CategoryInput, items: readonly ItemSummary[]) => {
    if (items.length > 0) setDialog({ type: "category", input, items });
  }, []);
  const chooseStatus = useCallback((items: readonly ItemSummary[]) => {
    if (items.length > 0) setDialog({ type: "status", items });
  }, []);

  let rendered = null;
  if (dialog?.type === "panel") {
    rendered = <ScorePanel key={dialog.item.id} summary={dialog.item} onClose={close} />;
  } else if (dialog?.type === "category") {
    const { input, items } = dialog;
    const spec = inputSpec(scales.data, input);
    const choices =
      spec?.scale.type === "choices" ? spec.scale.choices.map((choice) => ({ value: String(choice.value), label: choice.label })) : [];
    const label = input === "moscow" ? frameworkLabel(scales.data, "moscow") : (spec?.label ?? "Kano category");
    const target = targetOf(items);
    const shared = new Set(items.map((item) => item.inputs[input]));
    const [only] = shared;
    const apply = (value: string | null) => {
      setInputs.mutate(
        { itemIds: items.map((item) => item.id), changes: [{ input, value }] },
        {
          onSuccess: (saved) => {
            close();
            const chosen = choiceLabel(scales.data, input, value) ?? "not set";
            if (saved.change === null) announce(`${target}: ${label} was already ${chosen}`);
            else announce(`${label} of ${target} set to ${chosen}. ${PRESS_UNDO}`);
          },
        },
      );
    };
    rendered = (
      <ChoiceDialog
        title={`Set ${label} of ${target}`}
        label={label}
        choices={choices}
        initial={shared.size === 1 && only !== undefined && only !== null ? String(only) : null}
        canClear
        isPending={setInputs.isPending}
        onApply={apply}
        onCancel={close}
      />
    );
  }
  if (dialog?.type === "status") {
    const { items } = dialog;
    const target = targetOf(items);
    const shared = new Set(items.map((item) => item.status));
    const [only] = shared;
    const apply = (value: string | null) => {
      const status = statusOptions.find((option) => option.value === value);
      if (!status) return;
      setStatus.mutate(
        { itemIds: items.map((item) => item.id), status: status.value },
        {
          onSuccess: (saved) => {
            close();
            if (saved.change === null) announce(`${target}: the status was already ${status.label}`);
            else announce(`Status of ${target} set to ${status.label}. ${PRESS_UNDO}`);
          },
        },
      );
    };
    rendered = (
      <ChoiceDialog
        title={`Set the status of ${target}`}
        label="Status"
        choices={statusOptions}
        initial={shared.size === 1 && only !== undefined ? only : null}
        canClear={false}
        isPending={setStatus.isPending}
        onApply={apply}
        onCancel={close}
      />
    );
  }
  return { openPanel, chooseCategory, chooseStatus, dialogs: rendered };
}
