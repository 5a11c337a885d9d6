//! The note types in the order Rust offers them (`NoteType::ALL`), with the words the UI shows.
import type { NoteType } from "../../api";

export const NOTE_TYPES: readonly { value: NoteType; label: string }[] = [
  { value: "interview", label: "Interview" },
  { value: "usability_test", label: "Usability test" },
  { value: "survey", label: "Survey" },
  { value: "support_ticket", label: "Support ticket" },
  { value: "sales_call", label: "Sales call" },
  { value: "analytics", label: "Analytics finding" },
  { value: "competitor", label: "Competitor note" },
];

export function noteTypeLabel(type: NoteType): string {
  return NOTE_TYPES.find((entry) => entry.value === type)?.label ?? type;
}
