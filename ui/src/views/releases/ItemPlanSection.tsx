//! An item panel's "Goal, theme and release" section: one picker each, listing the product's
//! goals, themes and releases (and "None"). Each choice is one undo step in Rust ("Assign “…”
//! to release “2.0”"), announced; a refusal goes to the toast like every failed action.
import { useId } from "react";
import {
  useGoals,
  useItemPlan,
  useReleases,
  useSetItemPlanLink,
  useThemes,
  type ItemSummary,
  type PlanLink,
  type PlanRef,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import styles from "../goals/Plan.module.css";
import panel from "../backlog/ScorePanel.module.css";

const NONE = "";
const LABELS: Record<PlanLink, string> = { goal: "Goal", theme: "Theme", release: "Release" };

type PickerProps = {
  link: PlanLink;
  current: PlanRef | null;
  options: readonly PlanRef[];
  onChoose: (link: PlanLink, target: PlanRef | null) => void;
};

function Picker({ link, current, options, onChoose }: PickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {LABELS[link]}
      </label>
      <select
        id={id}
        className="input"
        value={current?.id ?? NONE}
        onChange={(event) => onChoose(link, options.find((option) => option.id === event.target.value) ?? null)}
      >
        <option value={NONE}>None</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ItemPlanSection({ item }: { item: Pick<ItemSummary, "id" | "productId" | "title"> }) {
  const plan = useItemPlan(item.id);
  const goals = useGoals(item.productId);
  const themes = useThemes(item.productId);
  const releases = useReleases(item.productId);
  const failure = useLoadFailure(plan);
  const setLink = useSetItemPlanLink();

  const choose = (link: PlanLink, target: PlanRef | null) => {
    setLink.mutate(
      { itemId: item.id, link, targetId: target?.id ?? null },
      {
        onSuccess: ({ change }) => {
          if (!change) return;
          announce(
            target
              ? `${quoteTitle(item.title)}: ${LABELS[link].toLowerCase()} ${quoteTitle(target.name)}`
              : `${quoteTitle(item.title)}: no ${LABELS[link].toLowerCase()}`,
          );
        },
      },
    );
  };

  return (
    <section className={panel.section} aria-labelledby="score-section-plan">
      <div className={panel.sectionHeader}>
        <h3 id="score-section-plan" className={panel.sectionTitle}>
          Goal, theme and release
        </h3>
      </div>
      {failure ? <LoadError title="Its goal, theme and release couldn’t be loaded." failure={failure} /> : null}
      {plan.data ? (
        <div className={styles.pickers}>
          <Picker link="goal" current={plan.data.goal} options={(goals.data ?? []).map((goal) => ({ id: goal.id, name: goal.title }))} onChoose={choose} />
          <Picker link="theme" current={plan.data.theme} options={(themes.data ?? []).map((theme) => ({ id: theme.id, name: theme.name }))} onChoose={choose} />
          <Picker
            link="release"
            current={plan.data.release}
            options={(releases.data ?? []).map((release) => ({ id: release.id, name: release.name }))}
            onChoose={choose}
          />
        </div>
      ) : null}
    </section>
  );
}
