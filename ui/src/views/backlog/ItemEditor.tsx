import { useDeferredValue, useId, useMemo, useState, type FormEvent, type KeyboardEvent, type MouseEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import {
  useItem,
  useUpdateItem,
  type BacklogItem,
  type ItemKind,
  type ItemPatch,
  type ItemStatus,
  type ItemSummary,
  type StatusOption,
} from "../../api";
import { formatShortcut, matchesShortcut, type Shortcut } from "../../commands/shortcut";
import { AutoGrowTextarea } from "../../components/AutoGrowTextarea";
import { KIND_OPTIONS } from "../../components/Badges";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { renderMarkdown } from "../../lib/markdown";
import { quoteTitle } from "../../lib/quote";
import { cx } from "../../lib/classNames";
import styles from "./ItemEditor.module.css";

const SAVE: Shortcut = { key: "Enter", ctrl: true };
const CLOSE: Shortcut = { key: "Escape" };

/** The editor's keys, for the shortcuts sheet. */
export const EDITOR_SHORTCUTS: readonly { label: string; shortcuts: readonly Shortcut[] }[] = [
  { label: "Save", shortcuts: [SAVE] },
  { label: "Close (asks first when there are unsaved edits)", shortcuts: [CLOSE] },
];

type Draft = Pick<BacklogItem, "title" | "status" | "kind" | "description">;

/** Only the fields that changed; the others stay null ("leave unchanged"). */
export function itemPatch(item: Draft, draft: Draft): ItemPatch | null {
  const patch: ItemPatch = {
    title: draft.title !== item.title ? draft.title : null,
    description: draft.description !== item.description ? draft.description : null,
    status: draft.status !== item.status ? draft.status : null,
    kind: draft.kind !== item.kind ? draft.kind : null,
  };
  return Object.values(patch).every((value) => value === null) ? null : patch;
}

type ItemEditorProps = {
  /** The row it was opened from; the full item (description included) is fetched. */
  summary: ItemSummary;
  statusOptions: readonly StatusOption[];
  onClose: () => void;
};

/** The item editor: a modal dialog named "Edit item". Mount it with `key={summary.id}`. */
export function ItemEditor({ summary, statusOptions, onClose }: ItemEditorProps) {
  const item = useItem(summary.id);
  const itemFailure = useLoadFailure(item);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [isDirty, setDirty] = useState(false);

  // Escape, the Cancel button: close at once, or ask first when edits would be lost.
  const requestClose = () => {
    if (isDirty) setConfirmingDiscard(true);
    else onClose();
  };

  return (
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) requestClose();
      }}
      className="modal-overlay"
    >
      <Modal className="modal modal-wide">
        <Dialog aria-label="Edit item" className="dialog">
          {/* Once loaded, the form stays (with the person's edits) even if a later refetch fails. */}
          {item.data === undefined && itemFailure ? (
            <div className="dialog-form">
              <h2 className="dialog-title">Edit item</h2>
              <LoadError title={`${quoteTitle(summary.title)} couldn’t be opened.`} failure={itemFailure} />
              <div className="dialog-actions">
                <Button className="button" onPress={onClose}>
                  Close
                </Button>
              </div>
            </div>
          ) : item.data === undefined ? (
            <div className="dialog-form loading" aria-busy="true" aria-label="Loading the item" />
          ) : (
            <EditorForm
              item={item.data}
              position={summary.position}
              statusOptions={statusOptions}
              onDirtyChange={setDirty}
              onCancel={requestClose}
              onSaved={onClose}
            />
          )}
          <DiscardDialog
            isOpen={confirmingDiscard}
            title={summary.title}
            onKeepEditing={() => setConfirmingDiscard(false)}
            onDiscard={onClose}
          />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

type EditorFormProps = {
  item: BacklogItem;
  position: number;
  statusOptions: readonly StatusOption[];
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: () => void;
};

function EditorForm({ item, position, statusOptions, onDirtyChange, onCancel, onSaved }: EditorFormProps) {
  // The item as the draft started from it: the patch holds what the person changed from that,
  // never an older value of a field that changed elsewhere while the editor was open.
  const [base] = useState<Draft>(() => ({
    title: item.title,
    status: item.status,
    kind: item.kind,
    description: item.description,
  }));
  const [draft, setDraft] = useState<Draft>(base);
  const update = useUpdateItem();
  const titleId = useId();
  const descriptionId = useId();

  const deferredDescription = useDeferredValue(draft.description);
  const previewHtml = useMemo(() => renderMarkdown(deferredDescription), [deferredDescription]);

  const edit = (changes: Partial<Draft>) => {
    const next = { ...draft, ...changes };
    setDraft(next);
    onDirtyChange(itemPatch(base, next) !== null);
  };

  const save = () => {
    const patch = itemPatch(base, draft);
    if (patch === null) {
      onSaved();
      return;
    }
    update.mutate(
      { item, patch },
      {
        onSuccess: (saved) => {
          announce(`Saved ${quoteTitle(saved.value.title)}`);
          onSaved();
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const onDescriptionKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matchesShortcut(event, SAVE)) {
      event.preventDefault();
      save();
    }
  };

  // The preview is not a browser: a link in it must never navigate the app's window away.
  const onPreviewClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest("a")) event.preventDefault();
  };

  // Pick the whole list when the backend offers no status options (it always should).
  const statuses = statusOptions.length > 0 ? statusOptions : [{ value: item.status, label: item.status }];

  return (
    <form className="dialog-form" onSubmit={onSubmit}>
      <div className="dialog-header">
        <h2 className="dialog-title">Edit item</h2>
        <span className="dialog-meta">#{position} in the backlog</span>
      </div>

      <div className="field">
        <label htmlFor={titleId} className="field-label">
          Title
        </label>
        <input
          id={titleId}
          className="input input-large"
          value={draft.title}
          onChange={(event) => edit({ title: event.target.value })}
          autoFocus
          autoComplete="off"
        />
      </div>

      <div className="field-row">
        <SelectField label="Status" value={draft.status} options={statuses} onChange={(status: ItemStatus) => edit({ status })} />
        <SelectField label="Kind" value={draft.kind} options={KIND_OPTIONS} onChange={(kind: ItemKind) => edit({ kind })} />
      </div>

      <div className={styles.markdownEditor}>
        <div className="field">
          <label htmlFor={descriptionId} className="field-label">
            Description
          </label>
          <AutoGrowTextarea
            id={descriptionId}
            className={cx("input textarea", styles.markdownSource)}
            value={draft.description}
            onChange={(event) => edit({ description: event.target.value })}
            onKeyDown={onDescriptionKeyDown}
            placeholder="Describe the problem, the outcome and how you'll know it worked. Markdown works."
            spellCheck
          />
        </div>
        <div className="field">
          <span className="field-label" aria-hidden="true">
            Preview
          </span>
          <div
            className={styles.markdownPreview}
            role="region"
            aria-label="Description preview"
            // It scrolls: the keyboard must be able to reach it.
            tabIndex={0}
            onClick={onPreviewClick}
            // Sanitised by DOMPurify in renderMarkdown.
            dangerouslySetInnerHTML={{ __html: previewHtml }}
          />
        </div>
      </div>

      <div className="dialog-actions">
        <span className="dialog-hint">{formatShortcut(SAVE)} saves · {formatShortcut(CLOSE)} closes</span>
        <Button className="button" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="button button-primary" isPending={update.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}

type DiscardDialogProps = {
  isOpen: boolean;
  title: string;
  onKeepEditing: () => void;
  onDiscard: () => void;
};

/** "Discard your changes?", over the editor; Keep editing has the focus (and Escape). */
function DiscardDialog({ isOpen, title, onKeepEditing, onDiscard }: DiscardDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onKeepEditing();
      }}
      className="modal-overlay"
    >
      <Modal className="modal modal-small">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog-title">
            Discard your changes?
          </Heading>
          <div className="dialog-body">
            <p>Your edits to {quoteTitle(title)} have not been saved.</p>
          </div>
          <div className="dialog-actions">
            <Button className="button" onPress={onKeepEditing} autoFocus>
              Keep editing
            </Button>
            <Button className="button button-danger" onPress={onDiscard}>
              Discard changes
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
