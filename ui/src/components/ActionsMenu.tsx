import { memo, type ReactNode } from "react";
import { Button, Keyboard, Menu, MenuItem, MenuTrigger, Popover, Separator, Text } from "react-aria-components";
import { MoreIcon } from "./icons";

export type MenuAction = {
  id: string;
  label: string;
  shortcut?: string;
  isDisabled?: boolean;
  isDanger?: boolean;
  /** Draw a separator above this item. */
  separated?: boolean;
};

type ActionsMenuProps = {
  /** Accessible name of the trigger button, e.g. "Actions for Bank sync". */
  label: string;
  actions: readonly MenuAction[];
  onAction: (id: string) => void;
  className?: string;
};

/** A "⋯" button opening a menu of actions (react-aria: focus, arrows, typeahead, Escape). */
export const ActionsMenu = memo(function ActionsMenu({ label, actions, onAction, className }: ActionsMenuProps) {
  return (
    <MenuTrigger>
      <Button aria-label={label} className={`icon-button ${className ?? ""}`}>
        <MoreIcon />
      </Button>
      <ActionsPopover actions={actions} onAction={onAction} />
    </MenuTrigger>
  );
});

type TextMenuProps = {
  /** The trigger's visible text, which is also its accessible name. */
  label: string;
  icon?: ReactNode;
  actions: readonly MenuAction[];
  onAction: (id: string) => void;
  className?: string;
};

/** A menu behind a text button ("Edit ▾"), e.g. in the toolbar. */
export function TextMenu({ label, icon, actions, onAction, className }: TextMenuProps) {
  return (
    <MenuTrigger>
      <Button className={`menu-button ${className ?? ""}`}>
        {icon}
        <span>{label}</span>
        <svg className="menu-button-chevron" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </Button>
      <ActionsPopover actions={actions} onAction={onAction} />
    </MenuTrigger>
  );
}

/** The popover menu both triggers open: one item per action, with its shortcut on the right. */
function ActionsPopover({ actions, onAction }: Pick<ActionsMenuProps, "actions" | "onAction">) {
  const disabledKeys = actions.filter((action) => action.isDisabled).map((action) => action.id);
  return (
    <Popover placement="bottom end" offset={4} className="popover">
      <Menu className="menu" disabledKeys={disabledKeys} onAction={(key) => onAction(String(key))}>
        {actions.flatMap((action) => {
          const item = (
            <MenuItem
              key={action.id}
              id={action.id}
              textValue={action.label}
              className={action.isDanger ? "menu-item menu-item-danger" : "menu-item"}
            >
              <Text slot="label" className="menu-label">
                {action.label}
              </Text>
              {action.shortcut ? <Keyboard className="menu-shortcut">{action.shortcut}</Keyboard> : null}
            </MenuItem>
          );
          return action.separated
            ? [<Separator key={`${action.id}-separator`} className="menu-separator" />, item]
            : [item];
        })}
      </Menu>
    </Popover>
  );
}
