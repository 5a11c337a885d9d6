import { useCallback, useState } from "react";
import { useDeleteItem, type BacklogItem, type StatusOption } from "../../api";
import { ConfirmDialog } from "../../components/Dialogs";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { ItemEditor } from "./ItemEditor";

type ItemDialogState = { type: "edit"; item: BacklogItem } | { type: "delete"; item: BacklogItem } | null;

/** The editor and the delete confirmation for backlog items, shared by the Home and Backlog views. */
export function useItemDialogs(statusOptions: readonly StatusOption[], onDeleted?: (item: BacklogItem) => void) {
  const [dialog, setDialog] = useState<ItemDialogState>(null);
  const deleteItem = useDeleteItem();

  const openEditor = useCallback((item: BacklogItem) => setDialog({ type: "edit", item }), []);
  const confirmDelete = useCallback((item: BacklogItem) => setDialog({ type: "delete", item }), []);
  const close = useCallback(() => setDialog(null), []);

  const deleteConfirmed = (item: BacklogItem) => {
    setDialog(null);
    deleteItem.mutate(
      { item },
      {
        onSuccess: () => {
          announce(`${quoteTitle(item.title)} deleted. Press Ctrl+Z to undo.`);
          onDeleted?.(item);
        },
      },
    );
  };

  const dialogs = (
    <>
      {dialog?.type === "edit" ? (
        <ItemEditor key={dialog.item.id} item={dialog.item} statusOptions={statusOptions} onClose={close} />
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
        <p>The item leaves the backlog. You can undo this with Ctrl+Z.</p>
      </ConfirmDialog>
    </>
  );

  return { openEditor, confirmDelete, dialogs };
}
