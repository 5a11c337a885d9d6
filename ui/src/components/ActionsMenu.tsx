import { memo, type ReactNode, type RefObject } from "react";
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from "react-aria-components";
import type { AppCommand } from "../commands/registry";
import { formatShortcut } from "../commands/shortcut";
import { MoreIcon } from "./icons";
import { cx } from "../lib/classNames";
import styles from "./ActionsMenu.module.css";
import menus from "./menus.module.css";

type ActionsMenuProps = {
  /** Accessible name of the trigger button, e.g. "Product actions for Lumen". */
  label: string;
  commands: readonly AppCommand[];
  className?: string;
};

/** A "⋯" button opening a menu of commands (react-aria: focus, arrows, typeahead, Escape). */
export const ActionsMenu = memo(function ActionsMenu({ label, commands, className }: ActionsMenuProps) {
  return (
    <MenuTrigger>
      <Button aria-label={label} className={cx("icon-button", className)}>
        <MoreIcon />
      </Button>
      <Popover placement="bottom end" offset={4} className={menus.popover}>
        <CommandMenu commands={commands} />
      </Popover>
    </MenuTrigger>
  );
});

type TextMenuProps = {
  /** The trigger's visible text, which is also its accessible name. */
  label: string;
  icon?: ReactNode;
  commands: readonly AppCommand[];
  className?: string;
};

/** A menu behind a text button ("Edit ▾"), e.g. in the toolbar. */
export function TextMenu({ label, icon, commands, className }: TextMenuProps) {
  return (
    <MenuTrigger>
      <Button className={className}>
        {icon}
        <span>{label}</span>
        <svg className={styles.chevron} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </Button>
      <Popover placement="bottom end" offset={4} className={menus.popover}>
        <CommandMenu commands={commands} />
      </Popover>
    </MenuTrigger>
  );
}

type AnchoredMenuProps = {
  /** The element the menu opens next to (it need not be a react-aria trigger). */
  anchorRef: RefObject<Element | null>;
  isOpen: boolean;
  onClose: () => void;
  label: string;
  commands: readonly AppCommand[];
};

/** A menu opened by code next to an element: one instance serves every row of a long list. */
export function AnchoredMenu({ anchorRef, isOpen, onClose, label, commands }: AnchoredMenuProps) {
  return (
    <Popover
      triggerRef={anchorRef}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      placement="bottom end"
      offset={4}
      className={menus.popover}
      // Opened by code, not by a trigger, the popover is a dialog of its own: it needs a name.
      aria-label={label}
    >
      <CommandMenu commands={commands} label={label} onAction={onClose} />
    </Popover>
  );
}

/**
 * One menu item per command, with its first shortcut on the right; a separator where the group
 * changes. Disabled commands stay listed (greyed), so the menu always has the same shape.
 */
function CommandMenu({ commands, label, onAction }: { commands: readonly AppCommand[]; label?: string; onAction?: () => void }) {
  const disabledKeys = commands.filter((command) => !command.isEnabled).map((command) => command.id);
  return (
    <Menu
      className={menus.menu}
      aria-label={label}
      disabledKeys={disabledKeys}
      onAction={(key) => {
        onAction?.();
        commands.find((command) => command.id === key)?.run();
      }}
    >
      {commands.flatMap((command, index) => {
        const shortcut = command.shortcuts?.[0] ? formatShortcut(command.shortcuts[0]) : null;
        // The item is named by everything it shows ("Undo, Ctrl+Z"), so the name a speech-input
        // user reads off the screen is the name it has (WCAG 2.5.3).
        const item = (
          <MenuItem
            key={command.id}
            id={command.id}
            textValue={command.label}
            aria-label={shortcut ? `${command.label}, ${shortcut}` : command.label}
            className={cx(menus.item, command.isDanger && menus.danger)}
          >
            <span className={menus.menuLabel}>{command.label}</span>{" "}
            {shortcut ? <kbd className={menus.shortcut}>{shortcut}</kbd> : null}
          </MenuItem>
        );
        const previous = commands[index - 1];
        const separated = (previous && previous.group !== command.group) || (command.isDanger && !previous?.isDanger && index > 0);
        return separated ? [<Separator key={`${command.id}-separator`} className={menus.separator} />, item] : [item];
      })}
    </Menu>
  );
}
