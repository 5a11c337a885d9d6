//! Quoting a user's title in the UI's own sentences ("“Bank sync” moved to position 1 of 25").

/** A title that already starts or ends with a double quote: quoting it again would double them. */
const ALREADY_QUOTED = /^\s*["“]|["”]\s*$/;

/**
 * The title in curly quotes, or as it is when it already starts or ends with a double quote
 * (`“Safe to spend” figure…` must not become `““Safe to spend” figure…”`). Every place the UI
 * quotes a title (announcements, dialog titles) goes through here.
 */
export function quoteTitle(title: string): string {
  return ALREADY_QUOTED.test(title) ? title : `“${title}”`;
}
