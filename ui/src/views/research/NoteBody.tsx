//! A note's Markdown body: the editor with autosave ("Saving…", "Saved"), or the preview
//! rendered by the app's one sanitising pipeline. Pending text is saved on blur, when the note
//! changes (unmount), before undo and before the window closes (`registerPendingSave`).
//! Its highlights (`useNoteHighlights`) are marked in the editor and listed under it.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { describeError, registerPendingSave, toUiError, useNoteBodySaver, openExternalLink, type ResearchNote } from "../../api";
import { showErrorMessage } from "../../feedback/toasts";
import { renderMarkdown } from "../../lib/markdown";
import { createAutosave, type Autosave, type SaveStatus } from "./autosave";
import { HighlightCards } from "./HighlightCards";
import { HighlightDialog } from "./HighlightDialog";
import { MarkdownEditor, type EditorControl } from "./MarkdownEditor";
import { formatShortcut } from "../../commands/shortcut";
import { HIGHLIGHT_SHORTCUT, useNoteHighlights } from "./useNoteHighlights";
import hl from "./Highlights.module.css";
import styles from "./Research.module.css";

/** How long typing pauses before the body is saved. */
export const AUTOSAVE_DELAY_MS = 600;

const STATUS_WORDS: Record<SaveStatus, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  failed: "Not saved yet: trying again with your next change",
};

/** Opens a link of the preview with the system; the window itself never navigates. */
export function onPreviewLinkClick(event: MouseEvent<HTMLElement>) {
  const anchor = event.target instanceof Element ? event.target.closest("a") : null;
  if (!anchor) return;
  event.preventDefault();
  const href = anchor.getAttribute("href");
  if (!href) return;
  openExternalLink(href).catch((error: unknown) => showErrorMessage(describeError(toUiError(error))));
}

type Props = {
  note: ResearchNote;
  /** A highlight to show: its passage selected in the editor (or, orphaned, its edit opened). */
  reveal?: string | null;
  onRevealed?: () => void;
};

export function NoteBody({ note, reveal = null, onRevealed }: Props) {
  const saveBody = useNoteBodySaver();
  const [mode, setMode] = useState<"edit" | "preview">("edit");
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [text, setText] = useState(note.body);
  const [replaceWith, setReplaceWith] = useState<{ text: string; version: number } | null>(null);
  const autosave = useRef<Autosave | null>(null);
  const saveRef = useRef(saveBody);
  useLayoutEffect(() => {
    saveRef.current = saveBody;
  });

  // One autosave per note (the page is keyed by the note): flushed when the note is left.
  useEffect(() => {
    const saver = createAutosave({
      initial: note.body,
      delayMs: AUTOSAVE_DELAY_MS,
      onStatus: setStatus,
      save: (body) => saveRef.current(note.id, body),
    });
    autosave.current = saver;
    const unregister = registerPendingSave(() => saver.flush());
    return () => {
      unregister();
      saver.dispose();
      void saver.flush();
    };
    // The note's id is the key of this component: the body is read once, at its start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [note.id]);

  // The store's body changed underneath (undo, redo): shown when nothing typed is waiting.
  useEffect(() => {
    const saver = autosave.current;
    if (!saver || note.body === saver.saved() || saver.status() !== "saved") return;
    saver.rebase(note.body);
    setText(note.body);
    setReplaceWith((previous) => ({ text: note.body, version: (previous?.version ?? 0) + 1 }));
  }, [note.body]);

  const control = useRef<EditorControl | null>(null);
  const highlights = useNoteHighlights({ note, control, autosave, status, reveal, onRevealed, showEditor: () => setMode("edit") });

  const previewHtml = useMemo(() => (mode === "preview" ? renderMarkdown(text) : ""), [mode, text]);

  return (
    <section className={styles.body} aria-label="Note body">
      <div className={styles.bodyBar}>
        <div role="group" aria-label="Show" className={styles.modeSwitch}>
          <button type="button" className="button button-ghost" aria-pressed={mode === "edit"} onClick={() => setMode("edit")}>
            Edit
          </button>
          <button
            type="button"
            className="button button-ghost"
            aria-pressed={mode === "preview"}
            onClick={() => {
              void autosave.current?.flush();
              setMode("preview");
            }}
          >
            Preview
          </button>
        </div>
        <button
          type="button"
          className="button"
          aria-disabled={!highlights.canHighlight}
          aria-label={highlights.canHighlight ? "Highlight the selected passage" : "Highlight (select a passage first)"}
          title={formatShortcut(HIGHLIGHT_SHORTCUT)}
          onClick={() => {
            if (highlights.canHighlight) highlights.highlightSelection();
          }}
        >
          Highlight
        </button>
        <span className={styles.saveStatus} role="status" data-status={status}>
          {STATUS_WORDS[status]}
        </span>
      </div>
      <div hidden={mode !== "edit"}>
        <MarkdownEditor
          initial={note.body}
          replaceWith={replaceWith}
          label={`Body of ${note.title}`}
          onChange={(next) => {
            setText(next);
            autosave.current?.edit(next);
          }}
          onBlur={() => void autosave.current?.flush()}
          highlights={highlights.marks}
          onSelectionChange={highlights.setHasSelection}
          onOpenHighlight={highlights.open}
          control={control}
        />
      </div>
      {mode === "preview" ? (
        <div
          className={styles.preview}
          role="region"
          aria-label="Preview"
          tabIndex={0}
          onClick={onPreviewLinkClick}
          // Sanitised by DOMPurify in renderMarkdown (the app's one Markdown pipeline).
          dangerouslySetInnerHTML={{ __html: previewHtml }}
        />
      ) : null}
      {highlights.listed.length > 0 ? (
        <section className={hl.section} aria-label="Highlights in this note">
          <h2 className={hl.sectionTitle}>Highlights</h2>
          <HighlightCards highlights={highlights.listed} showNote={false} onOpen={(highlight) => highlights.open(highlight.id)} label="Highlights in this note" />
        </section>
      ) : null}
      <HighlightDialog highlight={highlights.editing} onClose={highlights.close} />
    </section>
  );
}
