//! A highlight's edit: its quote, its tags (the product's research tags, or a new one) and the
//! backlog items it is evidence for (a search-as-you-type picker over Rust's search), and
//! Delete. Every change is sent at once, one undo step each; the dialog shows Rust's answer.
import { useId, useState, type FormEvent } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useCreateTag, useDeleteHighlight, useSearch, useTags, useUpdateHighlight, type Highlight } from "../../api";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { MarkedText } from "./MarkedText";
import styles from "./Highlights.module.css";

type Props = { highlight: Highlight | null; onClose: () => void };

export function HighlightDialog({ highlight, onClose }: Props) {
  return (
    <ModalOverlay
      isOpen={highlight !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-medium">
        <Dialog className="dialog">{highlight ? <HighlightEditor highlight={highlight} onClose={onClose} /> : null}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function HighlightEditor({ highlight, onClose }: { highlight: Highlight; onClose: () => void }) {
  const update = useUpdateHighlight();
  const remove = useDeleteHighlight();
  const ids = (refs: readonly { id: string }[]) => refs.map((ref) => ref.id);
  const setTags = (tagIds: string[]) => update.mutate({ id: highlight.id, patch: { tagIds, itemIds: null } });
  const setItems = (itemIds: string[]) => update.mutate({ id: highlight.id, patch: { tagIds: null, itemIds } });
  return (
    <div className="dialog-form">
      <Heading slot="title" className="dialog-title">
        Highlight in {quoteTitle(highlight.noteTitle)}
      </Heading>
      <blockquote className={styles.quote}>{highlight.exact}</blockquote>
      {highlight.orphaned ? <p className={styles.orphaned}>Passage deleted: the note no longer contains this text.</p> : null}
      <TagPicker highlight={highlight} onChange={setTags} selected={ids(highlight.tags)} />
      <ItemPicker highlight={highlight} onChange={setItems} selected={ids(highlight.items)} />
      <div className="dialog-actions">
        <Button
          className="button button-danger"
          onPress={() =>
            remove.mutate(
              { id: highlight.id },
              {
                onSuccess: () => {
                  announce("Highlight deleted");
                  onClose();
                },
              },
            )
          }
        >
          Delete highlight
        </Button>
        <Button className="button button-primary" onPress={onClose} autoFocus>
          Done
        </Button>
      </div>
    </div>
  );
}

function TagPicker({ highlight, selected, onChange }: { highlight: Highlight; selected: string[]; onChange: (ids: string[]) => void }) {
  const tags = useTags(highlight.productId);
  const create = useCreateTag();
  const [name, setName] = useState("");
  const nameId = useId();
  const addTag = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { productId: highlight.productId, name },
      {
        onSuccess: ({ value }) => {
          setName("");
          onChange([...selected, value.id]);
        },
      },
    );
  };
  return (
    <fieldset className={styles.group}>
      <legend className="field-label">Tags</legend>
      <div className={styles.choices}>
        {(tags.data ?? []).map((tag) => (
          <label key={tag.id} className={styles.choice}>
            <input
              type="checkbox"
              checked={selected.includes(tag.id)}
              onChange={(event) => onChange(event.target.checked ? [...selected, tag.id] : selected.filter((id) => id !== tag.id))}
            />
            {tag.name}
          </label>
        ))}
      </div>
      <form className={styles.inline} onSubmit={addTag}>
        <label htmlFor={nameId} className="visually-hidden">
          New tag
        </label>
        <input id={nameId} className="input" placeholder="New tag" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button">
          Add tag
        </button>
      </form>
    </fieldset>
  );
}

function ItemPicker({ highlight, selected, onChange }: { highlight: Highlight; selected: string[]; onChange: (ids: string[]) => void }) {
  const [text, setText] = useState("");
  const searchId = useId();
  const search = useSearch({
    text,
    productId: highlight.productId,
    kind: "item",
    noteType: null,
    tagId: null,
    participantId: null,
    from: null,
    to: null,
    limit: 8,
  });
  const hits = text.trim() === "" ? [] : (search.data ?? []).filter((hit) => !selected.includes(hit.id));
  return (
    <fieldset className={styles.group}>
      <legend className="field-label">Evidence for</legend>
      {highlight.items.length > 0 ? (
        <ul className={styles.linked}>
          {highlight.items.map((item) => (
            <li key={item.id}>
              <span>{item.name}</span>
              <button
                type="button"
                className="button button-ghost"
                aria-label={`Unlink ${quoteTitle(item.name)}`}
                onClick={() => onChange(selected.filter((id) => id !== item.id))}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.none}>No backlog item yet.</p>
      )}
      <label htmlFor={searchId} className="field-label">
        Link a backlog item
      </label>
      <input
        id={searchId}
        type="search"
        className="input"
        placeholder="Search the backlog…"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {hits.length > 0 ? (
        <ul className={styles.linked} aria-label="Backlog items found">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  setText("");
                  onChange([...selected, hit.id]);
                }}
              >
                Link <MarkedText segments={hit.title} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
