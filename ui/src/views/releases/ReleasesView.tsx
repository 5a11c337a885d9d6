//! The Releases view: the product's releases in date order, each with its dates, capacity and
//! Rust's load against it (a bar and Rust's sentence; over capacity in the danger colour and in
//! words), the Musts' share warning, the items without a size, and its items in backlog order;
//! then the milestones. Adding, editing and deleting are one undo step each.
import { useState } from "react";
import {
  useCreateMilestone,
  useCreateRelease,
  useDeleteMilestone,
  useDeleteRelease,
  useMilestones,
  useRelease,
  useReleases,
  useUpdateMilestone,
  useUpdateRelease,
  type Milestone,
  type Product,
  type Release,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { cx } from "../../lib/classNames";
import { quoteTitle } from "../../lib/quote";
import { formatDay } from "../decisions/decisionForm";
import { PlanFormDialog, type PlanField, type PlanValues } from "../goals/PlanFormDialog";
import { milestoneFields, milestoneFieldsFor, milestoneValues, RELEASE_FIELDS, releaseFields, releaseValues } from "../goals/planFields";
import styles from "../goals/Plan.module.css";

type OpenDialog = {
  title: string;
  submitLabel: string;
  fields: readonly PlanField[];
  initial: PlanValues;
  submit: (values: PlanValues) => Promise<unknown>;
};

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const UNIT_WORDS = { person_months: ["person-month", "person-months"], points: ["point", "points"] } as const;

/** "1 person-month", "3 points". */
function amount(value: number, unit: keyof typeof UNIT_WORDS): string {
  return `${NUMBER.format(value)} ${UNIT_WORDS[unit][value === 1 ? 0 : 1]}`;
}

/** Rust's load as a bar: its share of the capacity (full past 100 %) and Rust's sentence. */
export function LoadBar({ release }: { release: Release }) {
  const { load } = release;
  const shown = load.percent === null ? null : Math.min(100, Math.round(load.percent));
  return (
    <div className={styles.load}>
      {shown === null ? null : (
        <span
          className={cx(styles.track, styles.loadTrack)}
          role="meter"
          aria-label={`Load of ${quoteTitle(release.name)}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={shown}
          aria-valuetext={load.message}
        >
          <span className={cx(styles.fill, load.overCapacity && styles.fillOver)} style={{ width: `${shown}%` }} />
        </span>
      )}
      <p className={cx(styles.loadMessage, load.overCapacity && styles.over)}>
        {load.message}
      </p>
      {load.mustMessage ? (
        <p className={load.mustsOverLimit ? styles.warning : styles.note}>
          {load.mustsOverLimit ? "Warning: " : null}
          {load.mustMessage}
        </p>
      ) : null}
      {load.unsizedMessage ? <p className={styles.note}>{load.unsizedMessage}</p> : null}
    </div>
  );
}

function ReleaseItems({ release }: { release: Release }) {
  const detail = useRelease(release.id);
  const failure = useLoadFailure(detail);
  if (failure) return <LoadError title="Its items couldn’t be loaded." failure={failure} />;
  const items = detail.data?.items ?? [];
  if (detail.data && items.length === 0) {
    return <p className={styles.muted}>No items yet: assign items to it in an item’s panel (Goal, theme and release).</p>;
  }
  const { unit } = release.load;
  return (
    <ol className={styles.releaseItems} aria-label={`Items of ${release.name}`}>
      {items.map((item) => (
        <li key={item.id} className={styles.releaseItem}>
          <span>{item.title}</span>
          <span className={styles.size}>{item.size === null ? "no size" : amount(item.size, unit)}</span>
        </li>
      ))}
    </ol>
  );
}

function capacityText(release: Release): string {
  if (release.capacity === null || release.capacityUnit === null) return "No capacity set";
  return `Capacity ${amount(release.capacity, release.capacityUnit)}`;
}

export function ReleasesView({ product }: { product: Product }) {
  const releases = useReleases(product.id);
  const milestones = useMilestones(product.id);
  const releasesFailure = useLoadFailure(releases);
  const milestonesFailure = useLoadFailure(milestones);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [opened, setOpened] = useState(0);
  const createRelease = useCreateRelease({ errorShownInPlace: true });
  const updateRelease = useUpdateRelease({ errorShownInPlace: true });
  const deleteRelease = useDeleteRelease();
  const createMilestone = useCreateMilestone({ errorShownInPlace: true });
  const updateMilestone = useUpdateMilestone({ errorShownInPlace: true });
  const deleteMilestone = useDeleteMilestone();
  const releaseList = releases.data ?? [];

  const open = (next: OpenDialog) => {
    setOpened((count) => count + 1);
    setDialog(next);
  };
  const addRelease = () =>
    open({
      title: "Add release",
      submitLabel: "Add release",
      fields: RELEASE_FIELDS,
      initial: releaseValues(),
      submit: async (values) => {
        const { value } = await createRelease.mutateAsync({ productId: product.id, fields: releaseFields(values) });
        announce(`Added the release ${quoteTitle(value.release.name)}`);
      },
    });
  const editRelease = (release: Release) =>
    open({
      title: "Edit release",
      submitLabel: "Save",
      fields: RELEASE_FIELDS,
      initial: releaseValues(release),
      submit: async (values) => {
        const { value } = await updateRelease.mutateAsync({ id: release.id, fields: releaseFields(values) });
        announce(`Saved the release ${quoteTitle(value.release.name)}: ${value.release.load.message}`);
      },
    });
  const removeRelease = (release: Release) =>
    deleteRelease.mutate(
      { id: release.id },
      { onSuccess: () => announce(`Deleted the release ${quoteTitle(release.name)}. Undo brings it back with its items.`) },
    );
  const addMilestone = () =>
    open({
      title: "Add milestone",
      submitLabel: "Add milestone",
      fields: milestoneFieldsFor(releaseList),
      initial: milestoneValues(),
      submit: async (values) => {
        const { value } = await createMilestone.mutateAsync({ productId: product.id, fields: milestoneFields(values) });
        announce(`Added the milestone ${quoteTitle(value.name)}`);
      },
    });
  const editMilestone = (milestone: Milestone) =>
    open({
      title: "Edit milestone",
      submitLabel: "Save",
      fields: milestoneFieldsFor(releaseList),
      initial: milestoneValues(milestone),
      submit: async (values) => {
        const { value } = await updateMilestone.mutateAsync({ id: milestone.id, fields: milestoneFields(values) });
        announce(`Saved the milestone ${quoteTitle(value.name)}`);
      },
    });
  const removeMilestone = (milestone: Milestone) =>
    deleteMilestone.mutate({ id: milestone.id }, { onSuccess: () => announce(`Deleted the milestone ${quoteTitle(milestone.name)}`) });

  return (
    <section className="view" aria-labelledby="releases-heading">
      <header className="view-header">
        <div>
          <p className="eyebrow">{product.name}</p>
          <h1 id="releases-heading" tabIndex={-1}>
            Releases
          </h1>
        </div>
        <div className="view-header-tools">
          <button type="button" className="button button-primary" onClick={addRelease}>
            Add release
          </button>
        </div>
      </header>

      {releasesFailure ? <LoadError title="The releases couldn’t be loaded." failure={releasesFailure} /> : null}
      {releases.data && releaseList.length === 0 ? (
        <div className="empty-state">
          <h2>No releases yet</h2>
          <p>Add a release with its dates and capacity, then assign items to it from their panel.</p>
        </div>
      ) : null}
      <ol className={styles.cards} aria-label="Releases">
        {releaseList.map((release) => (
          <li key={release.id} className={styles.card} aria-labelledby={`release-${release.id}`}>
            <div className={styles.cardHeader}>
              <h2 id={`release-${release.id}`} className={styles.cardTitle}>
                {release.name}
              </h2>
              <span className={styles.cardMeta}>
                <time dateTime={release.startsOn}>{formatDay(release.startsOn)}</time> –{" "}
                <time dateTime={release.endsOn}>{formatDay(release.endsOn)}</time> · {capacityText(release)}
              </span>
            </div>
            <LoadBar release={release} />
            <ReleaseItems release={release} />
            <div className={styles.cardActions}>
              <button type="button" className="button button-ghost" onClick={() => editRelease(release)} aria-label={`Edit release ${quoteTitle(release.name)}`}>
                Edit
              </button>
              <button type="button" className="button button-ghost" onClick={() => removeRelease(release)} aria-label={`Delete release ${quoteTitle(release.name)}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ol>

      <section className={styles.section} aria-labelledby="milestones-heading">
        <div className={styles.sectionHeader}>
          <h2 id="milestones-heading">Milestones</h2>
          <button type="button" className="button" onClick={addMilestone}>
            Add milestone
          </button>
        </div>
        {milestonesFailure ? <LoadError title="The milestones couldn’t be loaded." failure={milestonesFailure} /> : null}
        {milestones.data && milestones.data.length === 0 ? <p className={styles.muted}>No milestones yet.</p> : null}
        <ul className={styles.milestones} aria-label="Milestones">
          {(milestones.data ?? []).map((milestone) => (
            <li key={milestone.id} className={styles.milestone}>
              <time className={styles.date} dateTime={milestone.fallsOn}>
                {formatDay(milestone.fallsOn)}
              </time>
              <span className={styles.milestoneName}>{milestone.name}</span>
              {milestone.release ? <span className={styles.cardMeta}>{milestone.release.name}</span> : null}
              <span className={styles.rowActions}>
                <button type="button" className="button button-ghost" onClick={() => editMilestone(milestone)} aria-label={`Edit milestone ${quoteTitle(milestone.name)}`}>
                  Edit
                </button>
                <button type="button" className="button button-ghost" onClick={() => removeMilestone(milestone)} aria-label={`Delete milestone ${quoteTitle(milestone.name)}`}>
                  Delete
                </button>
              </span>
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
