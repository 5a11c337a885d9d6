import { useDeferredValue, useId, useMemo, useState, type FormEvent, type KeyboardEvent, type MouseEvent } from "react";
import { Button, Dialog, Modal, ModalOverlay } from "react-aria-components";
import { useUpdateItem, type BacklogItem, type ItemKind, type ItemPatch, type ItemStatus, type StatusOption } from "../../api";
import { KIND_OPTIONS } from "../../components/Badges";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { renderMarkdown } from "../../lib/markdown";
import { quoteTitle } from "../../lib/quote";

type ItemEditorProps = {
  item: BacklogItem;
  statusOptions: readonly StatusOption[];
  onClose: () => void;
};

/** Only the fields that changed; the others stay null ("leave unchanged"). */
export function itemPatch(item: BacklogItem, draft: Pick<BacklogItem, "title" | "status" | "kind" | "description">): ItemPatch | null {
  const patch: ItemPatch = {
    title: draft.title !== item.title ? draft.title : null,
    description: draft.description !== item.description ? draft.description : null,
    status: draft.status !== item.status ? draft.status : null,
    kind: draft.kind !== item.kind ? draft.kind : null,
  };
  return Object.values(patch).every((value) => value === null) ? null : patch;
}

/** The item editor: a modal dialog named "Edit item". Mount it with `key={item.id}`. */
export function ItemEditor({ item, statusOptions, onClose }: ItemEditorProps) {
  const [title, setTitle] = useState(item.title);
  const [status, setStatus] = useState<ItemStatus>(item.status);
  const [kind, setKind] = useState<ItemKind>(item.kind);
  const [description, setDescription] = useState(item.description);
  const update = useUpdateItem();
  const titleId = useId();
  const descriptionId = useId();

  const deferredDescription = useDeferredValue(description);
  const previewHtml = useMemo(() => renderMarkdown(deferredDescription), [deferredDescription]);

  const save = () => {
    const patch = itemPatch(item, { title, status, kind, description });
    if (patch === null) {
      onClose();
      return;
    }
    update.mutate(
      { item, patch },
      {
        onSuccess: (saved) => {
          announce(`Saved ${quoteTitle(saved.title)}`);
          onClose();
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const onDescriptionKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
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
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="modal-overlay"
    >
      <Modal className="modal modal-wide">
        <Dialog aria-label="Edit item" className="dialog">
          <form className="dialog-form" onSubmit={onSubmit}>
            <div className="dialog-header">
              <h2 className="dialog-title">Edit item</h2>
              <span className="dialog-meta">#{item.position} in the backlog</span>
            </div>

            <div className="field">
              <label htmlFor={titleId} className="field-label">
                Title
              </label>
              <input
                id={titleId}
                className="input input-large"
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                autoFocus
                autoComplete="off"
              />
            </div>

            <div className="field-row">
              <SelectField label="Status" value={status} options={statuses} onChange={setStatus} />
              <SelectField label="Kind" value={kind} options={KIND_OPTIONS} onChange={setKind} />
            </div>

            <div className="markdown-editor">
              <div className="field">
                <label htmlFor={descriptionId} className="field-label">
                  Description
                </label>
                <textarea
                  id={descriptionId}
                  className="input textarea markdown-source"
                  value={description}
                  onChange={(event) => setDescription(event.target.value)}
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
                  className="markdown-preview"
                  role="region"
                  aria-label="Description preview"
                  onClick={onPreviewClick}
                  // Sanitised by DOMPurify in renderMarkdown.
                  dangerouslySetInnerHTML={{ __html: previewHtml }}
                />
              </div>
            </div>

            <div className="dialog-actions">
              <span className="dialog-hint">Ctrl+Enter saves · Esc cancels</span>
              <Button className="button" onPress={onClose}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" isPending={update.isPending}>
                Save
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
