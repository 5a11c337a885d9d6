import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { highlightMarks, setHighlights } from "./highlightMarks";

/** The marked passages of an editor state, as text. */
function marked(state: EditorState): string[] {
  const found: string[] = [];
  for (const source of state.facet(EditorView.decorations)) {
    const set = typeof source === "function" ? null : source;
    set?.between(0, state.doc.length, (from, to) => {
      found.push(state.sliceDoc(from, to));
    });
  }
  return found;
}

describe("highlight marks", () => {
  const start = () =>
    EditorState.create({ doc: "Dana: PDF takes forever.", extensions: [highlightMarks("mark", () => undefined)] }).update({
      effects: setHighlights.of([{ id: "h-1", start: 10, end: 23, description: "Highlight" }]),
    }).state;

  it("marks Rust's anchors", () => {
    expect(marked(start())).toEqual(["takes forever"]);
  });

  it("moves a mark with text typed before it until Rust's next anchors arrive", () => {
    const typed = start().update({ changes: { from: 0, insert: "Call 2. " } }).state;
    expect(marked(typed)).toEqual(["takes forever"]);
  });

  it("drops a mark whose passage was deleted, and skips anchors past the end", () => {
    const deleted = start().update({ changes: { from: 10, to: 23, insert: "" } }).state;
    expect(marked(deleted)).toEqual([]);
    const stale = deleted.update({ effects: setHighlights.of([{ id: "h-1", start: 10, end: 99, description: "" }]) }).state;
    expect(marked(stale)).toEqual([]);
  });
});
