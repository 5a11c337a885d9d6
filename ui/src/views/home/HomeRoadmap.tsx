//! The product home's roadmap snapshot, under the goals: Now, Next and Later with their counts
//! and first three cards, then the next release and milestone with their days, each a way to
//! its view. Everything shown is Rust's (`get_home_roadmap`): the counts, the board's order, which
//! release and milestone come next, and their dates in words.
import { useHomeRoadmap, type HomeDate, type Product } from "../../api";
import { useCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import styles from "./HomeView.module.css";

function cardsWord(count: number) {
  return count === 1 ? "1 card" : `${count} cards`;
}

function DateLink({ what, date, empty, onOpen }: { what: string; date: HomeDate | null; empty: string; onOpen: () => void }) {
  return (
    <div className={styles.snapshotDate}>
      <dt>{what}</dt>
      <dd>
        {date ? (
          <button type="button" className={styles.snapshotLink} onClick={onOpen}>
            {date.name}
            <span className="visually-hidden">,</span> <span className={styles.snapshotWhen}>{date.when}</span>
          </button>
        ) : (
          <span className="muted">{empty}</span>
        )}
      </dd>
    </div>
  );
}

export function HomeRoadmap({ product }: { product: Product }) {
  const query = useHomeRoadmap(product.id);
  const failure = useLoadFailure(query);
  const goToBoard = useCommand("go.roadmap");
  const goToReleases = useCommand("go.releases");
  const goToTimeline = useCommand("go.timeline");
  const snapshot = query.data;
  return (
    <section className={styles.card} aria-labelledby="home-roadmap-heading">
      <div className={styles.cardHeader}>
        <h2 id="home-roadmap-heading">Roadmap</h2>
      </div>
      {failure ? <LoadError title="The roadmap couldn’t be loaded." failure={failure} /> : null}
      {query.isPending ? <div className="loading" aria-busy="true" /> : null}
      {snapshot ? (
        <>
          <ul className={styles.snapshotLanes} aria-label="Now, Next and Later">
            {snapshot.lanes.map((lane) => (
              <li key={lane.column} className={styles.snapshotLane}>
                <button type="button" className={styles.snapshotLink} onClick={() => goToBoard?.run()}>
                  {lane.label}
                  <span className="visually-hidden">:</span> <span className={styles.snapshotCount}>{cardsWord(lane.count)}</span>
                </button>
                {lane.top.length > 0 ? (
                  <ol className={styles.snapshotTitles} aria-label={`First in ${lane.label}`}>
                    {lane.top.map((item) => (
                      <li key={item.id}>{item.title}</li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
          <dl className={styles.snapshotDates}>
            <DateLink what="Next release" date={snapshot.nextRelease} empty="None planned" onOpen={() => goToReleases?.run()} />
            <DateLink what="Next milestone" date={snapshot.nextMilestone} empty="None planned" onOpen={() => goToTimeline?.run()} />
          </dl>
        </>
      ) : null}
    </section>
  );
}
