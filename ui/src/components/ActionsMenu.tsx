import { memo } from "react";
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
  const disabledKeys = actions.filter((action) => action.isDisabled).map((action) => action.id);
  return (
    <MenuTrigger>
      <Button aria-label={label} className={`icon-button ${className ?? ""}`}>
        <MoreIcon />
      </Button>
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
                <Text slot="label">{action.label}</Text>
                {action.shortcut ? <Keyboard className="menu-shortcut">{action.shortcut}</Keyboard> : null}
              </MenuItem>
            );
            return action.separated
              ? [<Separator key={`${action.id}-separator`} className="menu-separator" />, item]
              : [item];
          })}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
});
