import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

type ConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** While what is confirmed is still being read, or cannot be done. */
  isConfirmDisabled?: boolean;
  /** "medium" for a confirmation that compares two things side by side. */
  size?: "small" | "medium";
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A destructive confirmation (`role="alertdialog"`). Deletes are undoable, so it stays short.
 * Cancel has the focus: Enter pressed out of habit must not delete.
 */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  isConfirmDisabled = false,
  size = "small",
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className={`modal modal-${size}`}>
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">
            <Button className="button" onPress={onCancel} autoFocus>
              Cancel
            </Button>
            <Button className="button button-danger" onPress={onConfirm} isDisabled={isConfirmDisabled}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

type NameDialogProps = {
  isOpen: boolean;
  title: string;
  description?: string;
  initialName: string;
  submitLabel: string;
  isSubmitting: boolean;
  /** Sends the name; the caller closes the dialog once the backend accepted it. */
  onSubmit: (name: string) => void;
  onCancel: () => void;
};

/** Asks for a name (new product, rename). Validation is the backend's: its reason shows as a toast. */
export function NameDialog(props: NameDialogProps) {
  return (
    <ModalOverlay
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) props.onCancel();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-small">
        <Dialog className="dialog">
          {/* Remounted on every opening, so the field starts from `initialName`. */}
          <NameForm {...props} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function NameForm({ title, description, initialName, submitLabel, isSubmitting, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(name);
  };
  return (
    <form onSubmit={submit} className="dialog-form">
      <Heading slot="title" className="dialog-title">
        {title}
      </Heading>
      {description ? <p className="dialog-description">{description}</p> : null}
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          Name
        </label>
        <input
          id={inputId}
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="dialog-actions">
        <Button className="button" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="button button-primary" isPending={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
