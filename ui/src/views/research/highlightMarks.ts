//! Highlights drawn in the note's editor: CodeMirror mark decorations placed at Rust's anchors
//! and mapped through every change, so a mark moves with the typing around it until the next
//! save brings Rust's re-anchored positions. A click on a mark (with no selection made) opens it.
import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";

/** A passage to mark: UTF-16 positions (CodeMirror's own) and the words its title shows. */
export type EditorHighlight = { id: string; start: number; end: number; description: string };

/** Puts Rust's highlights in place of the marks the editor has been mapping. */
export const setHighlights = StateEffect.define<readonly EditorHighlight[]>();

/** The attribute naming a mark's highlight (read back by the click handler and by tests). */
export const HIGHLIGHT_ID_ATTRIBUTE = "data-highlight-id";

export function highlightDecorations(highlights: readonly EditorHighlight[], length: number, className: string): DecorationSet {
  const ranges = highlights
    .filter((highlight) => highlight.start < highlight.end && highlight.end <= length)
    .map((highlight) =>
      Decoration.mark({
        class: className,
        attributes: { title: highlight.description, [HIGHLIGHT_ID_ATTRIBUTE]: highlight.id },
      }).range(highlight.start, highlight.end),
    );
  return Decoration.set(ranges, true);
}

/** The marks' field, their click handler and their drawing. */
export function highlightMarks(className: string, onOpen: (id: string) => void): Extension {
  const field = StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(marks, transaction) {
      let next = marks.map(transaction.changes);
      for (const effect of transaction.effects) {
        if (effect.is(setHighlights)) next = highlightDecorations(effect.value, transaction.state.doc.length, className);
      }
      return next;
    },
    provide: (self) => EditorView.decorations.from(self),
  });
  const clicks = EditorView.domEventHandlers({
    click(event, view) {
      const target = event.target instanceof Element ? event.target.closest(`[${HIGHLIGHT_ID_ATTRIBUTE}]`) : null;
      const id = target?.getAttribute(HIGHLIGHT_ID_ATTRIBUTE);
      // A click that made a selection is the start of another highlight, not a request to open one.
      if (!id || !view.state.selection.main.empty) return false;
      onOpen(id);
      return true;
    },
  });
  return [field, clicks];
}
