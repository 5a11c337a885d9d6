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
    case "DiskFull":
      return "Your disk is full — nothing was saved. Free some space and try again.";
    case "Storage":
      return sentence(`Your change couldn’t be saved. ${error.detail.message}`);
    case "DatabaseUnavailable":
      return sentence(`The database file can’t be reached right now. ${error.detail.message}`);
    case "Conflict":
      return sentence(`This changed in the meantime. ${error.detail.message}`);
    case "Unexpected":
      return sentence(`Something unexpected went wrong. ${error.detail.message}`);
  }
}
