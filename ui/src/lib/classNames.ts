/** Joins the class names that apply (CSS Module classes may be undefined in a type's eyes). */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
