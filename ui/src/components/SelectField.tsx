import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";
import { cx } from "../lib/classNames";
import menus from "./menus.module.css";
import styles from "./SelectField.module.css";

type SelectFieldProps<T extends string> = {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  /** Label beside the button instead of above it (toolbars). */
  inline?: boolean;
};

/** A labelled single-choice select (react-aria: listbox popover, keyboard, typeahead). */
export function SelectField<T extends string>({ label, value, options, onChange, inline = false }: SelectFieldProps<T>) {
  return (
    <Select
      className={inline ? styles.inline : "field"}
      value={value}
      onChange={(key) => {
        const match = options.find((option) => option.value === key);
        if (match) onChange(match.value);
      }}
    >
      <Label className={cx("field-label", styles.label)}>{label}</Label>
      <Button className={styles.trigger}>
        <SelectValue />
        <svg className={styles.chevron} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </Button>
      <Popover className={menus.popover} offset={4}>
        <ListBox className={menus.listbox} items={options}>
          {(option) => (
            <ListBoxItem id={option.value} textValue={option.label} className={menus.item}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
