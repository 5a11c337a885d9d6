import { Command } from "cmdk";
import { useEffect, useMemo, useState } from "react";
import { Dialog, Modal, ModalOverlay } from "react-aria-components";
import { useItems, type ItemSummary, type SearchHit, type StatusOption } from "../../api";
import { MarkedText } from "../../views/research/MarkedText";
import { announce } from "../../feedback/announcer";
import type { AppCommand } from "../registry";
import { formatShortcut } from "../shortcut";
import { searchPalette, type PaletteEntry } from "./paletteSearch";
import { readRecent, rememberRecent } from "./recent";
import { useTextSearch } from "./useTextSearch";
import { cx } from "../../lib/classNames";
import styles from "./CommandPalette.module.css";

type CommandPaletteProps = {
  isOpen: boolean;
  onClose: () => void;
  commands: readonly AppCommand[];
  /** The open product, whose items can be searched by title. */
  productId: string | null;
  statusOptions: readonly StatusOption[];
  onOpenItem: (item: ItemSummary) => void;
  /** Opens a research note found by the full-text search. */
  onOpenNote: (noteId: string) => void;
};

/**
 * The command palette (Ctrl+K): cmdk's `Command` (combobox + listbox, arrow keys, Enter) inside
 * the app's own react-aria dialog (focus trap, Escape, the rest of the page hidden from AT).
 */
export function CommandPalette({ isOpen, onClose, ...body }: CommandPaletteProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className={cx("modal", styles.modal)}>
        <Dialog aria-label="Command palette" className="dialog">
          {/* Mounted on every opening: the search starts empty. */}
          <PaletteBody {...body} onClose={onClose} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function PaletteBody({ commands, productId, statusOptions, onOpenItem, onOpenNote, onClose }: Omit<CommandPaletteProps, "isOpen">) {
  const [query, setQuery] = useState("");
  const [recent] = useState(readRecent);
  const items = useItems(productId);
  const hits = useTextSearch(query, productId);

  const entries = useMemo((): PaletteEntry[] => {
    const statusLabel = (status: string) => statusOptions.find((option) => option.value === status)?.label ?? status;
    const fromCommands = commands
      .filter((command) => command.isEnabled && !command.hiddenFromPalette)
      .map(
        (command): PaletteEntry => ({
          id: command.id,
          kind: "command",
          label: command.label,
          detail: command.group,
          keywords: command.keywords ?? [],
          shortcut: command.shortcuts?.[0] ? formatShortcut(command.shortcuts[0]) : undefined,
          run: command.run,
        }),
      );
    const fromItems = (items.data ?? []).map(
      (item): PaletteEntry => ({
        id: `item:${item.id}`,
        kind: "item",
        label: item.title,
        detail: `#${item.position} · ${statusLabel(item.status)}`,
        keywords: [],
        run: () => onOpenItem(item),
      }),
    );
    return [...fromCommands, ...fromItems];
  }, [commands, items.data, statusOptions, onOpenItem]);

  const results = useMemo(() => searchPalette(query, entries, recent), [query, entries, recent]);

  // Screen readers hear the active option through the combobox; the count is said once typing
  // pauses.
  useEffect(() => {
    if (query === "") return;
    const timer = setTimeout(() => {
      const count = results.length + hits.length;
      announce(count === 0 ? "No results" : `${count} ${count === 1 ? "result" : "results"}`);
    }, 400);
    return () => clearTimeout(timer);
  }, [query, results.length, hits.length]);

  const choose = (entry: PaletteEntry) => {
    rememberRecent(entry.id);
    onClose();
    entry.run();
  };

  const openHit = (hit: SearchHit) => {
    onClose();
    if (hit.kind === "note") {
      onOpenNote(hit.id);
      return;
    }
    const item = items.data?.find((candidate) => candidate.id === hit.id);
    if (item) onOpenItem(item);
  };

  return (
    <Command label="Command palette" shouldFilter={false} loop className={styles.command}>
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder="Type a command, a product, or search notes and items…"
        className={styles.input}
        autoFocus
      />
      <Command.List className={styles.list} aria-label="Results">
        <Command.Empty className={styles.empty}>Nothing matches “{query}”.</Command.Empty>
        {results.map((entry) => (
          <Command.Item key={entry.id} value={entry.id} onSelect={() => choose(entry)} className={styles.item}>
            <span className={styles.label}>{entry.label}</span>
            <span className={styles.detail}>{entry.detail}</span>
            {entry.shortcut ? <kbd className="kbd">{entry.shortcut}</kbd> : null}
          </Command.Item>
        ))}
        {hits.length > 0 ? (
          <Command.Group heading="Found in notes and items" className={styles.group}>
            {hits.map((hit) => (
              <Command.Item key={`${hit.kind}:${hit.id}`} value={`hit:${hit.kind}:${hit.id}`} onSelect={() => openHit(hit)} className={styles.item}>
                <span className={styles.hit}>
                  <span className={styles.label}>
                    <MarkedText segments={hit.title} />
                  </span>
                  <span className={styles.snippet}>
                    <MarkedText segments={hit.snippet} />
                  </span>
                </span>
                <span className={styles.detail}>{hit.kind === "note" ? "Note" : "Item"}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
      </Command.List>
    </Command>
  );
}
