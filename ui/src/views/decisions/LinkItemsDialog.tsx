//! Links items to a decision and unlinks them: the decision's items become the ones chosen, in
//! one undo step ("Link “…” to decision “…”").
import { useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { describeError, toUiError, useSetDecisionItems, type Decision, type ItemSummary } from "../../api";
import { announce } from "../../feedback/announcer";
import { ItemPicker } from "./ItemPicker";
import styles from "./DecisionLog.module.css";
import { quoteTitle } from "../../lib/quote";

type LinkItemsDialogProps = {
  decision: Decision;
  items: readonly Pick<ItemSummary, "id" | "title">[];
  onClose: () => void;
};

export function LinkItemsDialog({ decision, items, onClose }: LinkItemsDialogProps) {
  const [chosen, setChosen] = useState<string[]>(decision.items.map((item) => item.id));
  const [error, setError] = useState<string | null>(null);
  const save = useSetDecisionItems({ errorShownInPlace: true });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(
      { id: decision.id, itemIds: chosen },
      {
        onSuccess: ({ value, change }) => {
          onClose();
          announce(change ? `The decision ${quoteTitle(value.decision)} is about ${value.items.length} ${value.items.length === 1 ? "item" : "items"} now` : "Nothing changed");
        },
        onError: (failure) => setError(describeError(toUiError(failure))),
      },
    );
  };
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
              Items of “{decision.decision}”
            </Heading>
            <ItemPicker items={items} chosen={chosen} onChange={setChosen} error={error} />
            <div className={styles.dialogActions}>
              <Button className="button" onPress={onClose}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
                Save items
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
