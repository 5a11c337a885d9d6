//! The note body's editor: CodeMirror 6 with Markdown (headings, lists, quotes, links and
//! emphasis highlighted), line wrapping, spellcheck, and its own undo for typing. It draws only
//! the viewport, so long notes stay fast. Its injected styles carry the page's nonce (the CSP
//! allows no other `<style>`). The document is the editor's own: `initial` is read once per
//! mount (the owner remounts it per note) or when `replaceWith` changes (an undo from outside).
//! Highlights are mark decorations (`highlightMarks.ts`); `control` lets the owner read the
//! selection and select a passage.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";
import { styleNonce } from "../../lib/cspNonce";
import { highlightMarks, setHighlights, type EditorHighlight } from "./highlightMarks";
import highlightStyles from "./Highlights.module.css";
import styles from "./Research.module.css";

/** What the owner can ask of the editor. */
export type EditorControl = {
  /** The main selection, in UTF-16 positions. */
  selection: () => { start: number; end: number };
  /** Selects a passage, scrolls it into the middle of the view and focuses the editor. */
  selectRange: (start: number, end: number) => void;
};

const highlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: "700", fontSize: "1.3em" },
  { tag: tags.heading2, fontWeight: "700", fontSize: "1.15em" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "700" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.quote, color: "var(--color-text-muted)", fontStyle: "italic" },
  { tag: [tags.link, tags.url], color: "var(--color-accent-text, var(--color-accent))", textDecoration: "underline" },
  { tag: tags.list, color: "var(--color-accent-text, var(--color-accent))" },
  { tag: tags.monospace, fontFamily: "var(--font-mono, monospace)" },
  { tag: tags.processingInstruction, color: "var(--color-text-muted)" },
]);

type Props = {
  initial: string;
  /** A text to put in place of the editor's (changes only when the store changed underneath). */
  replaceWith: { text: string; version: number } | null;
  label: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  /** Rust's highlights for the text on screen, or null while typed text waits to be saved (the marks are mapped meanwhile). */
  highlights?: readonly EditorHighlight[] | null;
  onSelectionChange?: (hasSelection: boolean) => void;
  onOpenHighlight?: (id: string) => void;
  control?: Ref<EditorControl>;
};

export function MarkdownEditor({ initial, replaceWith, label, onChange, onBlur, highlights = null, onSelectionChange, onOpenHighlight, control }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onChange, onBlur, onSelectionChange, onOpenHighlight });
  useLayoutEffect(() => {
    handlers.current = { onChange, onBlur, onSelectionChange, onOpenHighlight };
  });

  useEffect(() => {
    if (!host.current) return;
    const nonce = styleNonce();
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(highlight),
          EditorView.lineWrapping,
          placeholder("Write or paste the note. Markdown works: # headings, - lists, > quotes, [links](https://…)."),
          EditorView.contentAttributes.of({ spellcheck: "true", "aria-label": label, "aria-multiline": "true" }),
          highlightMarks(highlightStyles.highlightMark ?? "", (id) => handlers.current.onOpenHighlight?.(id)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
            if (update.selectionSet || update.docChanged) handlers.current.onSelectionChange?.(!update.state.selection.main.empty);
            if (update.focusChanged && !update.view.hasFocus) handlers.current.onBlur();
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once per mount: its document is its own from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || replaceWith === null) return;
    if (editor.state.doc.toString() === replaceWith.text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: replaceWith.text } });
  }, [replaceWith]);

  useImperativeHandle(
    control,
    () => ({
      selection: () => {
        const main = view.current?.state.selection.main;
        return { start: main?.from ?? 0, end: main?.to ?? 0 };
      },
      selectRange: (start, end) => {
        const editor = view.current;
        if (!editor) return;
        const length = editor.state.doc.length;
        const [from, to] = [Math.min(start, length), Math.min(end, length)];
        editor.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
        editor.focus();
      },
    }),
    [],
  );

  useEffect(() => {
    const editor = view.current;
    if (!editor || highlights === null) return;
    editor.dispatch({ effects: setHighlights.of(highlights) });
  }, [highlights, replaceWith]);

  return <div ref={host} className={styles.editor} data-testid="note-editor" />;
}
