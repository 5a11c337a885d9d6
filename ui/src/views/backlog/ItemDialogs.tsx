import { useCallback, useState } from "react";
import { useDeleteItem, type ItemSummary, type StatusOption } from "../../api";
import { CAN_UNDO, PRESS_UNDO } from "../../commands/appCommands";
import { ConfirmDialog } from "../../components/Dialogs";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { ItemEditor } from "./ItemEditor";

type ItemDialogState = { type: "edit"; item: ItemSummary } | { type: "delete"; item: ItemSummary } | null;

/**
 * The editor and the delete confirmation for backlog items, shared by the Home and Backlog views.
 * `onDeleted` runs once the item is gone from the list (e.g. to give the keyboard to the next row).
 */
export function useItemDialogs(statusOptions: readonly StatusOption[], onDeleted?: (item: ItemSummary) => void) {
  const [dialog, setDialog] = useState<ItemDialogState>(null);
  const deleteItem = useDeleteItem();

  const openEditor = useCallback((item: ItemSummary) => setDialog({ type: "edit", item }), []);
  const confirmDelete = useCallback((item: ItemSummary) => setDialog({ type: "delete", item }), []);
  const close = useCallback(() => setDialog(null), []);

  const deleteConfirmed = (item: ItemSummary) => {
    setDialog(null);
    deleteItem.mutate(
      { item },
      {
        onSuccess: () => {
          announce(`${quoteTitle(item.title)} deleted. ${PRESS_UNDO}`);
          onDeleted?.(item);
        },
      },
    );
  };

  const dialogs = (
    <>
      {dialog?.type === "edit" ? (
        <ItemEditor key={dialog.item.id} summary={dialog.item} statusOptions={statusOptions} onClose={close} />
      ) : null}
      <ConfirmDialog
        isOpen={dialog?.type === "delete"}
        title={dialog?.type === "delete" ? `Delete ${quoteTitle(dialog.item.title)}?` : "Delete item?"}
        confirmLabel="Delete"
        onCancel={close}
        onConfirm={() => {
          if (dialog?.type === "delete") deleteConfirmed(dialog.item);
        }}
      >
        <p>The item leaves the backlog. {CAN_UNDO}</p>
      </ConfirmDialog>
    </>
  );

  return { openEditor, confirmDelete, dialogs };
}
