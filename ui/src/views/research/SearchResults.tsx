//! As-you-type search results: each hit's kind, title and snippet with the matched words marked
//! (segments from Rust, never HTML). A note opens in the research view; an item in the backlog.
import type { SearchHit } from "../../api";
import { formatDay } from "../decisions/decisionForm";
import { MarkedText } from "./MarkedText";
import { noteTypeLabel } from "./noteTypes";
import styles from "./Research.module.css";

type Props = {
  hits: readonly SearchHit[];
  onOpen: (hit: SearchHit) => void;
};

export function SearchResults({ hits, onOpen }: Props) {
  return (
    <ol className={styles.hits} aria-label="Search results">
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`}>
          <button type="button" className={styles.hit} onClick={() => onOpen(hit)}>
            <span className={styles.hitMeta}>
              {hit.kind === "note" && hit.noteType ? noteTypeLabel(hit.noteType) : "Backlog item"}
              {hit.notedOn ? ` · ${formatDay(hit.notedOn)}` : ""}
            </span>
            <span className={styles.hitTitle}>
              <MarkedText segments={hit.title} />
            </span>
            <span className={styles.hitSnippet}>
              <MarkedText segments={hit.snippet} />
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
