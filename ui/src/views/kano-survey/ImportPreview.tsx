import type { KanoCategory, KanoImportPreview, KanoPreviewRow } from "../../api";
import { cx } from "../../lib/classNames";
import styles from "./KanoSurveyView.module.css";

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** At most this many rows are drawn (a file may have 20,000); rows with problems come first. */
export const SHOWN_ROWS = 200;

/** The rows the table draws: every row with a problem first (up to the limit), then the rest. */
export function shownRows(rows: readonly KanoPreviewRow[]): KanoPreviewRow[] {
  const withProblems = rows.filter((row) => row.problems.length > 0);
  const clean = rows.filter((row) => row.problems.length === 0);
  return [...withProblems, ...clean].slice(0, SHOWN_ROWS);
}

type ImportPreviewProps = {
  preview: KanoImportPreview;
  labelOf: (category: KanoCategory) => string;
  isImporting: boolean;
  /** Rust's refusal of the import, if it refused. */
  importError: string | null;
  onImport: () => void;
  onCancel: () => void;
};

/**
 * The dry run of a questionnaire file: what it holds, every row with its problems (highlighted,
 * first), and Import, which stays unavailable with Rust's reason while any row has a problem.
 */
export function ImportPreview({ preview, labelOf, isImporting, importError, onImport, onCancel }: ImportPreviewProps) {
  const { summary } = preview;
  const blocked = preview.importBlocked;
  const rows = shownRows(preview.rows);
  const cannotImport = blocked !== null || isImporting;
  return (
    <section className={styles.preview} aria-labelledby="kano-preview-heading">
      <div className={styles.previewHeader}>
        <div>
          <h2 id="kano-preview-heading" className={styles.sectionTitle}>
            Preview of {preview.source}
          </h2>
          <p className={styles.summary}>
            <span>{counted(summary.rows, "row", "rows")}</span>
            <span>{counted(summary.respondents, "respondent", "respondents")}</span>
            <span>{counted(summary.items, "item", "items")}</span>
            <span className={cx(summary.problems > 0 && styles.problemCount)}>
              {summary.problems === 1 ? "1 row with a problem" : `${summary.problems} rows with problems`}
            </span>
          </p>
        </div>
        <div className={styles.previewActions}>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={cannotImport}
            aria-describedby={blocked === null ? undefined : "kano-import-blocked"}
            onClick={() => {
              if (!cannotImport) onImport();
            }}
          >
            {isImporting ? "Importing…" : `Import ${summary.rows} answers`}
          </button>
        </div>
      </div>
      {blocked === null ? null : (
        <p id="kano-import-blocked" className={styles.blocked} role="status">
          {blocked}
        </p>
      )}
      {importError === null ? null : (
        <p className={styles.blocked} role="alert">
          {importError}
        </p>
      )}
      <div className={cx(styles.tableFrame, styles.previewRows)}>
        <table className={styles.table}>
          <caption className="visually-hidden">Rows of {preview.source}, rows with problems first</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Respondent</th>
              <th scope="col">Item</th>
              <th scope="col">Answers (functional / dysfunctional)</th>
              <th scope="col">Category</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line} className={cx(row.problems.length > 0 && styles.problemRow)}>
                <th scope="row" className={styles.number}>
                  {row.line}
                </th>
                <td>{row.respondent}</td>
                <td>{row.itemTitle ?? row.item}</td>
                <td>
                  {row.functionalText} / {row.dysfunctionalText}
                </td>
                <td>{row.category === null ? "—" : labelOf(row.category)}</td>
                <td>
                  {row.problems.length === 0 ? (
                    <span className={styles.ok}>None</span>
                  ) : (
                    <ul className={styles.problems}>
                      {row.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.rows.length > rows.length ? (
        <p className={styles.more}>
          {preview.rows.length - rows.length} more rows are not shown
          {summary.problems > rows.length ? ", some of them with problems" : ""}.
        </p>
      ) : null}
    </section>
  );
}
