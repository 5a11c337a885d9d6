//! The releases and milestones over the timeline: a strip under the axis with each release's
//! span and each milestone's flag, labelled with Rust's accessible names ("Milestone Beta
//! launch, 12 Mar 2027"), and the lines they draw down through the rows. Placed by style props
//! from Rust's offsets, like the bars.
import type { TimelineMilestone, TimelineRelease } from "../../api";
import styles from "./Timeline.module.css";

type MarkersProps = {
  releases: TimelineRelease[];
  milestones: TimelineMilestone[];
  dayWidth: number;
};

/** The strip under the axis: the markers' names, one list read in date order. */
export function TimelineMarkerStrip({ releases, milestones, dayWidth }: MarkersProps) {
  if (releases.length === 0 && milestones.length === 0) return null;
  return (
    <ul className={styles.markers} aria-label="Releases and milestones">
      {releases.map((release) => (
        <li
          key={release.id}
          className={styles.releaseMarker}
          style={{ left: release.offset * dayWidth, width: release.days * dayWidth }}
          data-release-marker={release.id}
        >
          <span role="img" aria-label={release.label} title={release.label} className={styles.markerName}>
            {release.name}
          </span>
        </li>
      ))}
      {milestones.map((milestone) => (
        <li
          key={milestone.id}
          className={styles.milestoneMarker}
          style={{ left: milestone.offset * dayWidth }}
          data-milestone-marker={milestone.date}
        >
          <span role="img" aria-label={milestone.label} title={milestone.label} className={styles.markerName}>
            {milestone.name}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The markers' lines through the rows: each release's span shaded, each milestone a line. */
export function TimelineMarkerLines({ releases, milestones, dayWidth }: MarkersProps) {
  return (
    <>
      {releases.map((release) => (
        <div
          key={release.id}
          className={styles.releaseSpan}
          style={{ left: release.offset * dayWidth, width: release.days * dayWidth }}
          aria-hidden="true"
        />
      ))}
      {milestones.map((milestone) => (
        <div key={milestone.id} className={styles.milestoneLine} style={{ left: milestone.offset * dayWidth }} aria-hidden="true" />
      ))}
    </>
  );
}
