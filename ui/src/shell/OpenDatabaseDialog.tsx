import { useId, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useOpenDatabase } from "../api";
import { announce } from "../feedback/announcer";

type OpenDatabaseDialogProps = {
  isOpen: boolean;
  currentPath: string;
  onClose: () => void;
};

/** Opens another database file by its path (Rust validates the path and says what is wrong). */
export function OpenDatabaseDialog({ isOpen, currentPath, onClose }: OpenDatabaseDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-small">
        <Dialog className="dialog">
          <OpenDatabaseForm currentPath={currentPath} onClose={onClose} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function OpenDatabaseForm({ currentPath, onClose }: Omit<OpenDatabaseDialogProps, "isOpen">) {
  const [path, setPath] = useState("");
  const openDatabase = useOpenDatabase();
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    openDatabase.mutate(
      { path: path.trim() },
      {
        onSuccess: (status) => {
          onClose();
          announce(`Opened ${status.databasePath}`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="dialog-form">
      <Heading slot="title" className="dialog-title">
        Open another database
      </Heading>
      <p className="dialog-description">
        Now open: <code>{currentPath}</code>. A file that does not exist yet is created with the demo product.
      </p>
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          Database file path
        </label>
        <input
          id={inputId}
          className="input"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/you/Documents/northstar.db"
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="dialog-actions">
        <Button className="button" onPress={onClose}>
          Cancel
        </Button>
        <Button type="submit" className="button button-primary" isPending={openDatabase.isPending}>
          Open file
        </Button>
      </div>
    </form>
  );
}
