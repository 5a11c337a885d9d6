//! The palette's recently chosen entries, most recent first (kept in localStorage: a UI
//! preference, not data).

const STORAGE_KEY = "northstar.palette.recent";
const KEPT = 8;

export function readRecent(): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string").slice(0, KEPT) : [];
  } catch {
    return [];
  }
}

export function rememberRecent(id: string) {
  const next = [id, ...readRecent().filter((known) => known !== id)].slice(0, KEPT);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage can be unavailable: the palette then just doesn't remember.
  }
}
