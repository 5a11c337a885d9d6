import type { UiError } from "./client";

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  return /[.!?…”’)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A product-owner-friendly sentence for any error the backend can return. */
export function describeError(error: UiError): string {
  switch (error.kind) {
    case "Invalid":
      // Rust words the reason for the person: show it as given.
      return error.detail.reason;
    case "NotFound":
      return `This ${error.detail.entity.toLowerCase() || "record"} no longer exists — it may have been deleted or undone.`;
    // Rust words these messages for the person too (the raw cause stays in its log).
    case "DiskFull":
    case "Storage":
    case "DatabaseUnavailable":
    case "DatabaseBusy":
    case "Conflict":
    case "NothingToUndo":
      return sentence(error.detail.message);
    case "Unexpected":
      return sentence(`Something unexpected went wrong. ${error.detail.message}`);
  }
}
