//! The dry run of a feedback import as Rust answered it: the counts, how dates were read, why
//! the import is blocked, and the rows (with problems first, as Rust lists them) as the notes
//! they would become.
import type { FeedbackImportPreview } from "../../api";
import { formatCount } from "../../lib/format";
import { cx } from "../../lib/classNames";
import { noteTypeLabel } from "./noteTypes";
import styles from "./ImportFeedback.module.css";

export function FeedbackPreview({ preview }: { preview: FeedbackImportPreview }) {
  const { summary } = preview;
  const unit = preview.format === "csv" ? "row" : "file";
  const shownElsewhere = summary.rows - preview.rows.length;
  return (
    <div className={styles.preview}>
      <p className={styles.summary}>
        <span>{formatCount(summary.rows, unit)}</span>
        <span className={cx(summary.problems > 0 && styles.problemCount)}>
          {formatCount(summary.problems, `${unit} with a problem`, `${unit}s with problems`)}
        </span>
        <span>{formatCount(summary.notices, `${unit} with a notice`, `${unit}s with notices`)}</span>
        <span>
          Participants: {summary.newParticipants} new, {summary.reusedParticipants} reused
        </span>
        <span>
          Tags: {summary.newTags} new, {summary.reusedTags} reused
        </span>
      </p>
      {preview.dateReading === null ? null : <p className={styles.dates}>{preview.dateReading}</p>}
      {preview.rows.length === 0 ? null : (
        // Focusable so that keyboard users can scroll a long file's rows.
        <div className={styles.tableFrame} role="region" aria-label={`Rows of ${preview.source}`} tabIndex={0}>
          <table className={styles.table}>
            <caption className="visually-hidden">
              Notes of {preview.source}, {unit}s with problems first
            </caption>
            <thead>
              <tr>
                <th scope="col">{preview.format === "csv" ? "Line" : "File"}</th>
                <th scope="col">Title</th>
                <th scope="col">Day</th>
                <th scope="col">Type</th>
                <th scope="col">Participants and tags</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.place} className={cx(row.problems.length > 0 && styles.problemRow)}>
                  <th scope="row">{row.place}</th>
                  <td>
                    <span className={styles.title}>{row.title}</span>
                    <span className={styles.excerpt}>{row.excerpt}</span>
                  </td>
                  <td>{row.notedOn ?? "—"}</td>
                  <td>{noteTypeLabel(row.noteType)}</td>
                  <td>{[...row.participants, ...row.tags.map((tag) => `#${tag}`)].join(", ")}</td>
                  <td>
                    {row.problems.length === 0 && row.notices.length === 0 ? (
                      <span className={styles.ok}>None</span>
                    ) : (
                      <ul className={styles.problems}>
                        {row.problems.map((problem) => (
                          <li key={problem}>{problem}</li>
                        ))}
                        {row.notices.map((notice) => (
                          <li key={notice} className={styles.notice}>
                            {notice}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shownElsewhere > 0 ? <p className={styles.more}>{formatCount(shownElsewhere, `more ${unit} is`, `more ${unit}s are`)} not shown.</p> : null}
    </div>
  );
}
