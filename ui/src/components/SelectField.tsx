import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";

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
      className={inline ? "select-field select-field-inline" : "field select-field"}
      value={value}
      onChange={(key) => {
        const match = options.find((option) => option.value === key);
        if (match) onChange(match.value);
      }}
    >
      <Label className="field-label">{label}</Label>
      <Button className="select-trigger">
        <SelectValue className="select-value" />
        <svg className="select-chevron" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </Button>
      <Popover className="popover" offset={4}>
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.value} textValue={option.label} className="listbox-item">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
