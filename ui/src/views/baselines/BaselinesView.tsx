//! The Baselines view: save the roadmap under a name, the saved baselines (name, when, how many
//! items were on the roadmap), and a comparison of one with today, grouped by kind of change with
//! counts. Every comparison and sentence comes from Rust (`compare_baseline`); saving, renaming
//! and deleting are one undo step each.
import { useState } from "react";
import {
  useBaselineComparison,
  useBaselines,
  useDeleteBaseline,
  useRenameBaseline,
  useSaveBaseline,
  type Baseline,
  type BaselineComparison,
  type Product,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { PlanFormDialog, type PlanField, type PlanValues } from "../goals/PlanFormDialog";
import styles from "./Baselines.module.css";
import { RoadmapExportMenu } from "../roadmap-export/RoadmapExportMenu";

const NAME_FIELD: readonly PlanField[] = [{ name: "name", label: "Name", kind: "text", placeholder: "Q2 planning" }];

type OpenDialog = { title: string; submitLabel: string; initial: PlanValues; submit: (values: PlanValues) => Promise<unknown> };

const SAVED_ON = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" });

function itemsWords(count: number): string {
  return count === 1 ? "1 item on the roadmap" : `${count} items on the roadmap`;
}

function ComparisonReport({ comparison }: { comparison: BaselineComparison }) {
  return (
    <section className={styles.report} aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Compared with {quoteTitle(comparison.baseline.name)}</h2>
      <p role="status" className={styles.summary}>
        {comparison.summary}
      </p>
      {comparison.groups.map((group) => (
        <section key={group.kind} className={styles.group} aria-label={`${group.label}: ${group.changes.length}`}>
          <h3 className={styles.groupHeading}>
            {group.label} <span className={styles.count}>{group.changes.length}</span>
          </h3>
          {group.changes.length === 0 ? (
            <p className={styles.muted}>None.</p>
          ) : (
            <ul className={styles.changes}>
              {group.changes.map((change) => (
                <li key={change.subjectId} className={styles.change}>
                  <span className={styles.changeTitle}>{change.title}</span>
                  <span>{change.words}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

export function BaselinesView({ product }: { product: Product }) {
  const baselines = useBaselines(product.id);
  const failure = useLoadFailure(baselines);
  const [chosen, setChosen] = useState<string | null>(null);
  const comparison = useBaselineComparison(chosen);
  const comparisonFailure = useLoadFailure(comparison);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [opened, setOpened] = useState(0);
  const save = useSaveBaseline();
  const rename = useRenameBaseline();
  const remove = useDeleteBaseline();
  const list = baselines.data ?? [];
  const shownComparison = chosen !== null && list.some((baseline) => baseline.id === chosen) ? comparison.data : undefined;

  const open = (next: OpenDialog) => {
    setOpened((count) => count + 1);
    setDialog(next);
  };
  const saveBaseline = () =>
    open({
      title: "Save baseline",
      submitLabel: "Save baseline",
      initial: { name: "" },
      submit: async (values) => {
        const { value } = await save.mutateAsync({ productId: product.id, name: values.name ?? "" });
        announce(`Saved the baseline ${quoteTitle(value.name)} with ${itemsWords(value.itemCount)}`);
      },
    });
  const renameBaseline = (baseline: Baseline) =>
    open({
      title: "Rename baseline",
      submitLabel: "Rename",
      initial: { name: baseline.name },
      submit: async (values) => {
        const { value } = await rename.mutateAsync({ id: baseline.id, name: values.name ?? "" });
        announce(`Renamed the baseline to ${quoteTitle(value.name)}`);
      },
    });
  const deleteBaseline = (baseline: Baseline) =>
    remove.mutate({ id: baseline.id }, { onSuccess: () => announce(`Deleted the baseline ${quoteTitle(baseline.name)}. Undo brings it back.`) });

  return (
    <section className="view" aria-labelledby="baselines-heading">
      <header className="view-header">
        <div>
          <p className="eyebrow">{product.name}</p>
          <h1 id="baselines-heading" tabIndex={-1}>
            Baselines
          </h1>
        </div>
        <div className="view-header-tools">
          <RoadmapExportMenu product={product} />
          <button type="button" className="button button-primary" onClick={saveBaseline}>
            Save baseline…
          </button>
        </div>
      </header>

      {failure ? <LoadError title="The baselines couldn’t be loaded." failure={failure} /> : null}
      {baselines.data && list.length === 0 ? (
        <div className="empty-state">
          <h2>No baselines yet</h2>
          <p>Save a baseline to freeze today’s roadmap under a name, then compare the roadmap with it as plans change.</p>
        </div>
      ) : null}
      <ol className={styles.list} aria-label="Baselines">
        {list.map((baseline) => (
          <li key={baseline.id} className={styles.baseline} aria-current={baseline.id === chosen ? "true" : undefined}>
            <span className={styles.name}>{baseline.name}</span>
            <span className={styles.meta}>
              Saved <time dateTime={baseline.createdAt}>{SAVED_ON.format(new Date(baseline.createdAt))}</time> · {itemsWords(baseline.itemCount)}
            </span>
            <span className={styles.actions}>
              <button type="button" className="button" onClick={() => setChosen(baseline.id)} aria-label={`Compare with ${quoteTitle(baseline.name)}`}>
                Compare
              </button>
              <button type="button" className="button button-ghost" onClick={() => renameBaseline(baseline)} aria-label={`Rename baseline ${quoteTitle(baseline.name)}`}>
                Rename…
              </button>
              <button type="button" className="button button-ghost" onClick={() => deleteBaseline(baseline)} aria-label={`Delete baseline ${quoteTitle(baseline.name)}`}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ol>

      {comparisonFailure && chosen !== null ? <LoadError title="The comparison couldn’t be made." failure={comparisonFailure} /> : null}
      {shownComparison ? <ComparisonReport comparison={shownComparison} /> : null}

      {dialog ? (
        <PlanFormDialog
          key={opened}
          title={dialog.title}
          submitLabel={dialog.submitLabel}
          fields={NAME_FIELD}
          initial={dialog.initial}
          onSubmit={dialog.submit}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
