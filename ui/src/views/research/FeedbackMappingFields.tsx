//! The CSV file's mapping: for each field of a note, the column Rust detected (or the one the
//! user chose instead), or none. A change asks Rust for a new preview.
import { SelectField } from "../../components/SelectField";
import type { FeedbackMapping } from "../../api";
import styles from "./ImportFeedback.module.css";

const FIELDS: readonly { field: keyof FeedbackMapping; label: string }[] = [
  { field: "title", label: "Title" },
  { field: "body", label: "Body" },
  { field: "notedOn", label: "Day" },
  { field: "source", label: "Source" },
  { field: "noteType", label: "Note type" },
  { field: "participant", label: "Participant" },
  { field: "segment", label: "Segment" },
  { field: "companySize", label: "Company size" },
  { field: "tags", label: "Tags" },
];

const NONE = "none";

type Props = {
  columns: readonly string[];
  mapping: FeedbackMapping;
  onChange: (mapping: FeedbackMapping) => void;
};

export function FeedbackMappingFields({ columns, mapping, onChange }: Props) {
  const options = [{ value: NONE, label: "None" }, ...columns.map((name, index) => ({ value: String(index), label: name || `Column ${index + 1}` }))];
  return (
    <fieldset className={styles.mapping}>
      <legend className="field-label">Columns</legend>
      {FIELDS.map(({ field, label }) => (
        <SelectField
          key={field}
          label={label}
          value={mapping[field] === null ? NONE : String(mapping[field])}
          options={options}
          onChange={(value) => onChange({ ...mapping, [field]: value === NONE ? null : Number(value) })}
        />
      ))}
    </fieldset>
  );
}
