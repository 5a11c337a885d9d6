import type { ItemStatus, ItemSummary } from "../../api";
import { KindChip, StatusBadge } from "../../components/Badges";
import type { RankedColumn } from "../../components/ranked-list/RankedList";
import { EvidenceBadge } from "../evidence/EvidenceBadge";
import styles from "./backlogColumns.module.css";

/** The backlog's columns after the position: title with its excerpt, kind, status. */
export function backlogColumns(statusLabels: ReadonlyMap<ItemStatus, string>): RankedColumn<ItemSummary>[] {
  return [
    {
      id: "title",
      header: "Title",
      width: "minmax(0, 1fr)",
      render: (item) => (
        <div className={styles.main}>
          <span className={styles.titleLine}>
            <span className={styles.title}>{item.title}</span>
            <EvidenceBadge count={item.evidenceCount} />
          </span>
          {item.excerpt !== "" ? <span className={styles.excerpt}>{item.excerpt}</span> : null}
        </div>
      ),
    },
    { id: "kind", header: "Kind", width: "7rem", render: (item) => <KindChip kind={item.kind} /> },
    {
      id: "status",
      header: "Status",
      width: "8rem",
      render: (item) => <StatusBadge status={item.status} label={statusLabels.get(item.status) ?? item.status} />,
    },
  ];
}
