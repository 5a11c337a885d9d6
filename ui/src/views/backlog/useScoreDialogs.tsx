import { useCallback, useState } from "react";
import { useScoringScales, useSetScoreInputs, type ItemSummary } from "../../api";
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
  | { type: "panel"; item: ItemSummary }
  | null;

/**
 * The backlog's score dialogs: an item's score panel, and a MoSCoW bucket or Kano category for
 * one row or a selection, set through `set_score_inputs` (one undo step for all of them).
 */
export function useScoreDialogs() {
  const [dialog, setDialog] = useState<ScoreDialog>(null);
  const scales = useScoringScales();
  const setInputs = useSetScoreInputs();
  const close = useCallback(() => setDialog(null), []);

  const openPanel = useCallback((item: ItemSummary) => setDialog({ type: "panel", item }), []);
  const chooseCategory = useCallback((input: CategoryInput, items: readonly ItemSummary[]) => {
    if (items.length > 0) setDialog({ type: "category", input, items });
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
    const target = items.length === 1 && items[0] ? quoteTitle(items[0].title) : `${items.length} items`;
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
  return { openPanel, chooseCategory, dialogs: rendered };
}
