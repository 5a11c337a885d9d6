import type { KanoCategory, KanoItemResult } from "../../api";
import { DistributionBar } from "./DistributionBar";
import { formatCoefficient } from "./scatterGeometry";
import styles from "./KanoSurveyView.module.css";

type ResultsTableProps = {
  items: readonly KanoItemResult[];
  labelOf: (category: KanoCategory) => string;
  /** The item whose "Set Kano" is on its way. */
  applyingItemId: string | null;
  onApply: (item: KanoItemResult) => void;
};

/** Per item with answers, in backlog order: respondents, the distribution, the mode, Better,
 * Worse, the item's Kano category now, and "Set Kano to <mode>" (unavailable, with Rust's
 * reason, when it would change nothing). */
export function ResultsTable({ items, labelOf, applyingItemId, onApply }: ResultsTableProps) {
  return (
    <div className={styles.tableFrame}>
      <table className={styles.table}>
        <caption className="visually-hidden">Kano results per item, in backlog order</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className={styles.number}>
              Respondents
            </th>
            <th scope="col">Distribution</th>
            <th scope="col">Mode</th>
            <th scope="col" className={styles.number}>
              Better
            </th>
            <th scope="col" className={styles.number}>
              Worse
            </th>
            <th scope="col">Kano now</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const reasonId = `kano-blocked-${item.itemId}`;
            const blocked = item.applyBlocked !== null;
            const isApplying = applyingItemId === item.itemId;
            return (
              <tr key={item.itemId}>
                <th scope="row" className={styles.itemTitle}>
                  {item.title}
                </th>
                <td className={styles.number}>{item.respondents}</td>
                <td>
                  <DistributionBar distribution={item.distribution} labelOf={labelOf} />
                </td>
                <td className={styles.mode}>{item.mode === null ? "—" : labelOf(item.mode)}</td>
                <td className={styles.number}>{item.better === null ? "—" : formatCoefficient(item.better)}</td>
                <td className={styles.number}>{item.worse === null ? "—" : formatCoefficient(item.worse)}</td>
                <td>{item.current === null ? "Not set" : labelOf(item.current)}</td>
                <td className={styles.actions}>
                  {item.mode === null ? null : (
                    <button
                      type="button"
                      className="button"
                      aria-label={`Set Kano to ${labelOf(item.mode)} for ${item.title}`}
                      aria-disabled={blocked || isApplying}
                      aria-describedby={blocked ? reasonId : undefined}
                      onClick={() => {
                        if (!blocked && !isApplying) onApply(item);
                      }}
                    >
                      Set Kano to {labelOf(item.mode)}
                    </button>
                  )}
                  {blocked ? (
                    <span id={reasonId} className={styles.reason}>
                      {item.applyBlocked}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
