//! The Goals view: the product's objectives with their key results (metric, baseline → current
//! → target, Rust's progress as a bar with its percentage), the items linked to each goal, and
//! the product's themes. Adding, editing and deleting are one undo step each; refusals are Rust's.
import { useState } from "react";
import {
  useCreateGoal,
  useCreateKeyResult,
  useCreateTheme,
  useDeleteGoal,
  useDeleteKeyResult,
  useDeleteTheme,
  useGoals,
  useThemes,
  useUpdateGoal,
  useUpdateKeyResult,
  useUpdateTheme,
  type Goal,
  type KeyResult,
  type LinkedItem,
  type Product,
  type Theme,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { PlanFormDialog, type PlanField, type PlanValues } from "./PlanFormDialog";
import { ProgressBar } from "./ProgressBar";
import {
  GOAL_FIELDS,
  goalFields,
  goalValues,
  KEY_RESULT_FIELDS,
  keyResultFields,
  keyResultValues,
  THEME_FIELDS,
  themeFields,
  themeValues,
} from "./planFields";
import styles from "./Plan.module.css";

type OpenDialog = {
  title: string;
  submitLabel: string;
  fields: readonly PlanField[];
  initial: PlanValues;
  submit: (values: PlanValues) => Promise<unknown>;
};

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "6 %", "1,200 users", "34 days": a key result's number with its unit. */
export function withUnit(value: number, unit: string): string {
  return unit === "" ? NUMBER.format(value) : `${NUMBER.format(value)} ${unit}`;
}

export function LinkedItems({ items, what }: { items: readonly LinkedItem[]; what: string }) {
  if (items.length === 0) return <p className={styles.muted}>No items linked to this {what} yet (link them in an item’s panel).</p>;
  return (
    <p className={styles.linked}>
      <span className={styles.linkedCount}>
        {items.length === 1 ? "1 item" : `${items.length} items`}:
      </span>{" "}
      {items.map((item) => item.title).join(" · ")}
    </p>
  );
}

export function GoalsView({ product }: { product: Product }) {
  const goals = useGoals(product.id);
  const themes = useThemes(product.id);
  const goalsFailure = useLoadFailure(goals);
  const themesFailure = useLoadFailure(themes);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [opened, setOpened] = useState(0);
  const createGoal = useCreateGoal({ errorShownInPlace: true });
  const updateGoal = useUpdateGoal({ errorShownInPlace: true });
  const deleteGoal = useDeleteGoal();
  const createKeyResult = useCreateKeyResult({ errorShownInPlace: true });
  const updateKeyResult = useUpdateKeyResult({ errorShownInPlace: true });
  const deleteKeyResult = useDeleteKeyResult();
  const createTheme = useCreateTheme({ errorShownInPlace: true });
  const updateTheme = useUpdateTheme({ errorShownInPlace: true });
  const deleteTheme = useDeleteTheme();

  const open = (next: OpenDialog) => {
    setOpened((count) => count + 1);
    setDialog(next);
  };

  const addGoal = () =>
    open({
      title: "Add goal",
      submitLabel: "Add goal",
      fields: GOAL_FIELDS,
      initial: goalValues(),
      submit: async (values) => {
        const { value } = await createGoal.mutateAsync({ productId: product.id, fields: goalFields(values) });
        announce(`Added the goal ${quoteTitle(value.title)}`);
      },
    });
  const editGoal = (goal: Goal) =>
    open({
      title: "Edit goal",
      submitLabel: "Save",
      fields: GOAL_FIELDS,
      initial: goalValues(goal),
      submit: async (values) => {
        const { value } = await updateGoal.mutateAsync({ id: goal.id, fields: goalFields(values) });
        announce(`Saved the goal ${quoteTitle(value.title)}`);
      },
    });
  const removeGoal = (goal: Goal) =>
    deleteGoal.mutate({ id: goal.id }, { onSuccess: () => announce(`Deleted the goal ${quoteTitle(goal.title)}. Undo brings it back.`) });
  const addKeyResult = (goal: Goal) =>
    open({
      title: `Add a key result to ${quoteTitle(goal.title)}`,
      submitLabel: "Add key result",
      fields: KEY_RESULT_FIELDS,
      initial: keyResultValues(),
      submit: async (values) => {
        await createKeyResult.mutateAsync({ goalId: goal.id, fields: keyResultFields(values) });
        announce(`Added the key result ${quoteTitle(values.metric?.trim() ?? "")}`);
      },
    });
  const editKeyResult = (kr: KeyResult) =>
    open({
      title: "Edit key result",
      submitLabel: "Save",
      fields: KEY_RESULT_FIELDS,
      initial: keyResultValues(kr),
      submit: async (values) => {
        const { value } = await updateKeyResult.mutateAsync({ id: kr.id, fields: keyResultFields(values) });
        const saved = value.keyResults.find((candidate) => candidate.id === kr.id);
        announce(`Saved the key result ${quoteTitle(saved?.metric ?? kr.metric)}`);
      },
    });
  const removeKeyResult = (kr: KeyResult) =>
    deleteKeyResult.mutate({ id: kr.id }, { onSuccess: () => announce(`Deleted the key result ${quoteTitle(kr.metric)}`) });
  const addTheme = () =>
    open({
      title: "Add theme",
      submitLabel: "Add theme",
      fields: THEME_FIELDS,
      initial: themeValues(),
      submit: async (values) => {
        const { value } = await createTheme.mutateAsync({ productId: product.id, fields: themeFields(values) });
        announce(`Added the theme ${quoteTitle(value.name)}`);
      },
    });
  const editTheme = (theme: Theme) =>
    open({
      title: "Edit theme",
      submitLabel: "Save",
      fields: THEME_FIELDS,
      initial: themeValues(theme),
      submit: async (values) => {
        const { value } = await updateTheme.mutateAsync({ id: theme.id, fields: themeFields(values) });
        announce(`Saved the theme ${quoteTitle(value.name)}`);
      },
    });
  const removeTheme = (theme: Theme) =>
    deleteTheme.mutate({ id: theme.id }, { onSuccess: () => announce(`Deleted the theme ${quoteTitle(theme.name)}`) });

  return (
    <section className="view" aria-labelledby="goals-heading">
      <header className="view-header">
        <div>
          <p className="eyebrow">{product.name}</p>
          <h1 id="goals-heading" tabIndex={-1}>
            Goals
          </h1>
        </div>
        <div className="view-header-tools">
          <button type="button" className="button button-primary" onClick={addGoal}>
            Add goal
          </button>
        </div>
      </header>

      {goalsFailure ? <LoadError title="The goals couldn’t be loaded." failure={goalsFailure} /> : null}
      {goals.data && goals.data.length === 0 ? (
        <div className="empty-state">
          <h2>No goals yet</h2>
          <p>Add an objective, then the key results that show it is reached.</p>
        </div>
      ) : null}
      <ol className={styles.cards} aria-label="Goals">
        {(goals.data ?? []).map((goal) => (
          <li key={goal.id} className={styles.card} aria-labelledby={`goal-${goal.id}`}>
            <div className={styles.cardHeader}>
              <h2 id={`goal-${goal.id}`} className={styles.cardTitle}>
                {goal.title}
              </h2>
              <ProgressBar value={goal.progress} label={`Progress of ${quoteTitle(goal.title)}`} />
            </div>
            {goal.description ? <p className={styles.description}>{goal.description}</p> : null}
            {goal.keyResults.length > 0 ? (
              <ul className={styles.keyResults} aria-label={`Key results of ${goal.title}`}>
                {goal.keyResults.map((kr) => (
                  <li key={kr.id} className={styles.keyResult}>
                    <span className={styles.metric}>{kr.metric}</span>
                    <span className={styles.numbers}>
                      {withUnit(kr.baseline, kr.unit)} → <strong>{withUnit(kr.current, kr.unit)}</strong> → {withUnit(kr.target, kr.unit)}
                    </span>
                    <ProgressBar value={kr.progress} label={`Progress of ${quoteTitle(kr.metric)}`} compact />
                    <span className={styles.rowActions}>
                      <button type="button" className="button button-ghost" onClick={() => editKeyResult(kr)} aria-label={`Edit key result ${quoteTitle(kr.metric)}`}>
                        Edit
                      </button>
                      <button type="button" className="button button-ghost" onClick={() => removeKeyResult(kr)} aria-label={`Delete key result ${quoteTitle(kr.metric)}`}>
                        Delete
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <LinkedItems items={goal.items} what="goal" />
            <div className={styles.cardActions}>
              <button type="button" className="button" onClick={() => addKeyResult(goal)} aria-label={`Add key result to ${quoteTitle(goal.title)}`}>
                Add key result
              </button>
              <button type="button" className="button button-ghost" onClick={() => editGoal(goal)} aria-label={`Edit goal ${quoteTitle(goal.title)}`}>
                Edit
              </button>
              <button type="button" className="button button-ghost" onClick={() => removeGoal(goal)} aria-label={`Delete goal ${quoteTitle(goal.title)}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ol>

      <section className={styles.section} aria-labelledby="themes-heading">
        <div className={styles.sectionHeader}>
          <h2 id="themes-heading">Themes</h2>
          <button type="button" className="button" onClick={addTheme}>
            Add theme
          </button>
        </div>
        {themesFailure ? <LoadError title="The themes couldn’t be loaded." failure={themesFailure} /> : null}
        {themes.data && themes.data.length === 0 ? <p className={styles.muted}>No themes yet.</p> : null}
        <ul className={styles.themes} aria-label="Themes">
          {(themes.data ?? []).map((theme) => (
            <li key={theme.id} className={styles.theme}>
              <div className={styles.cardHeader}>
                <h3 className={styles.themeName}>{theme.name}</h3>
                <span className={styles.rowActions}>
                  <button type="button" className="button button-ghost" onClick={() => editTheme(theme)} aria-label={`Edit theme ${quoteTitle(theme.name)}`}>
                    Edit
                  </button>
                  <button type="button" className="button button-ghost" onClick={() => removeTheme(theme)} aria-label={`Delete theme ${quoteTitle(theme.name)}`}>
                    Delete
                  </button>
                </span>
              </div>
              {theme.description ? <p className={styles.description}>{theme.description}</p> : null}
              <LinkedItems items={theme.items} what="theme" />
            </li>
          ))}
        </ul>
      </section>

      {dialog ? (
        <PlanFormDialog
          key={opened}
          title={dialog.title}
          submitLabel={dialog.submitLabel}
          fields={dialog.fields}
          initial={dialog.initial}
          onSubmit={dialog.submit}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
