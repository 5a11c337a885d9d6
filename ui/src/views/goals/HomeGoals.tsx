//! The product home's goals: each objective with Rust's progress, compact, and a way to the
//! Goals view (the roadmap snapshot under it is `home/HomeRoadmap`).
import { useGoals, type Product } from "../../api";
import { useCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { quoteTitle } from "../../lib/quote";
import { ProgressBar } from "./ProgressBar";
import styles from "./Plan.module.css";
import home from "../home/HomeView.module.css";

export function HomeGoals({ product }: { product: Product }) {
  const goals = useGoals(product.id);
  const goToGoals = useCommand("go.goals");
  const failure = useLoadFailure(goals);
  const list = goals.data ?? [];
  return (
    <section className={home.card} aria-labelledby="home-goals-heading">
      <div className={home.cardHeader}>
        <h2 id="home-goals-heading">Goals</h2>
        <span className={home.cardMeta}>{goals.data ? (list.length === 1 ? "1 goal" : `${list.length} goals`) : null}</span>
      </div>
      {failure ? <LoadError title="The goals couldn’t be loaded." failure={failure} /> : null}
      {goals.data && list.length === 0 ? <p className={styles.muted}>No goals yet.</p> : null}
      <ul className={styles.homeGoals} aria-label="Goals with their progress">
        {list.map((goal) => (
          <li key={goal.id} className={styles.homeGoal}>
            <span>{goal.title}</span>
            <ProgressBar value={goal.progress} label={`Progress of ${quoteTitle(goal.title)}`} compact />
          </li>
        ))}
      </ul>
      <button type="button" className={`button button-ghost ${home.cardLink}`} onClick={() => goToGoals?.run()} disabled={goToGoals === undefined}>
        {list.length === 0 ? "Add goals" : "Open goals"}
      </button>
    </section>
  );
}
