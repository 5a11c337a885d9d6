//! A note's highlights in its body: Rust's anchors drawn as marks once what is on screen is
//! saved (the editor maps them through typing meanwhile), "Highlight" for the selection
//! (button, Ctrl+Shift+H, the palette: the typed text is saved first, so the positions Rust reads
//! are the ones on screen), the edit dialog, and a requested highlight revealed.
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import { useCreateHighlight, useHighlights, type Highlight, type HighlightFilter, type ResearchNote } from "../../api";
import { useContributedCommands, type AppCommand } from "../../commands/registry";
import type { Shortcut } from "../../commands/shortcut";
import { announce } from "../../feedback/announcer";
import type { Autosave, SaveStatus } from "./autosave";
import type { EditorHighlight } from "./highlightMarks";
import type { EditorControl } from "./MarkdownEditor";

/** "Highlight the selected passage": free in the app, CodeMirror's keymap and the browsers. */
export const HIGHLIGHT_SHORTCUT: Shortcut = { key: "h", ctrl: true, shift: true };

/** The words a mark's title shows: its tags and items. */
export function describeHighlight(highlight: Highlight): string {
  const parts = ["Highlight"];
  if (highlight.tags.length > 0) parts.push(`tags: ${highlight.tags.map((tag) => tag.name).join(", ")}`);
  if (highlight.items.length > 0) parts.push(`evidence for: ${highlight.items.map((item) => item.name).join(", ")}`);
  return `${parts.join(" · ")} (click to edit)`;
}

type Options = {
  note: ResearchNote;
  control: RefObject<EditorControl | null>;
  autosave: RefObject<Autosave | null>;
  status: SaveStatus;
  reveal: string | null;
  onRevealed?: () => void;
  showEditor: () => void;
};

export function useNoteHighlights({ note, control, autosave, status, reveal, onRevealed, showEditor }: Options) {
  const filter = useMemo<HighlightFilter>(() => ({ noteId: note.id, tagId: null, participantId: null }), [note.id]);
  const query = useHighlights(note.productId, filter);
  const current = query.data && !query.isPlaceholderData ? query.data : null;
  // `mutate` is stable, so the contributed command is declared again only when its state changes.
  const { mutate: createHighlight } = useCreateHighlight();
  const [hasSelection, setHasSelection] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const drawn = useMemo<EditorHighlight[] | null>(
    () =>
      current
        ?.filter((highlight) => !highlight.orphaned)
        .map((highlight) => ({ id: highlight.id, start: highlight.start, end: highlight.end, description: describeHighlight(highlight) })) ?? null,
    [current],
  );

  const highlightSelection = useCallback(() => {
    const range = control.current?.selection();
    if (!range) return;
    void (async () => {
      await autosave.current?.flush();
      // A save that failed is shown as such; the body Rust has is not the one on screen.
      if (autosave.current && autosave.current.status() !== "saved") return;
      createHighlight(
        { noteId: note.id, start: range.start, end: range.end, tagIds: [], itemIds: [] },
        {
          onSuccess: ({ value }) => {
            announce("Highlighted the passage: add tags and items");
            setEditingId(value.id);
          },
        },
      );
    })();
  }, [autosave, control, createHighlight, note.id]);

  const declare = useCallback(
    (): readonly AppCommand[] => [
      {
        id: "research.highlight",
        label: "Highlight the selected passage",
        group: "Edit",
        shortcuts: [HIGHLIGHT_SHORTCUT],
        worksWhileTyping: true,
        keywords: ["evidence", "quote", "tag"],
        isEnabled: hasSelection,
        run: highlightSelection,
      },
    ],
    [hasSelection, highlightSelection],
  );
  useContributedCommands("note-highlight", declare);

  // A requested highlight whose passage is deleted has nothing to select: its edit opens.
  const [revealed, setRevealed] = useState<string | null>(null);
  if (reveal === null && revealed !== null) setRevealed(null);
  if (reveal !== null && current && reveal !== revealed) {
    setRevealed(reveal);
    if (current.some((highlight) => highlight.id === reveal && highlight.orphaned)) setEditingId(reveal);
  }
  useEffect(() => {
    if (reveal === null || !current) return;
    const found = current.find((highlight) => highlight.id === reveal);
    if (found && !found.orphaned) {
      showEditor();
      control.current?.selectRange(found.start, found.end);
    }
    onRevealed?.();
  }, [reveal, current, control, onRevealed, showEditor]);

  return {
    // Rust's positions describe the saved body: shown once the text on screen is that body.
    marks: status === "saved" ? drawn : null,
    listed: current ?? [],
    canHighlight: hasSelection,
    setHasSelection,
    highlightSelection,
    editing: current?.find((highlight) => highlight.id === editingId) ?? null,
    open: setEditingId,
    close: () => setEditingId(null),
  };
}
