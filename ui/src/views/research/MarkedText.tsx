//! A title or snippet from Rust's search: plain text segments, the matched ones in `<mark>`.
//! Text only (React escapes it): nothing from a note is ever rendered as HTML here.
import type { Segment } from "../../api";

export function MarkedText({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.matched ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
