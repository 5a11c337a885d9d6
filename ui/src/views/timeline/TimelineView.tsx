//! The roadmap timeline: items with dates as bars on a week, month or quarter axis, grouped by
//! horizon (Now, Next, Later, not on the roadmap), goal, theme or release (a switch; the groups
//! and their order are Rust's), with today's line, the releases and milestones, and the items without
//! dates beside it. Drag a bar to move it, drag an edge to move that end, or use its keys
//! (Alt+←/→ a day, Alt+Shift+←/→ a week, Ctrl+Alt+←/→ its end); drop an unscheduled item on a
//! day, or schedule it with dates. The layout and every date are Rust's (`list_timeline` and the
//! schedule commands): the view turns pixels into whole days and shows Rust's answer.
import { useCallback, useId, useRef, useState } from "react";
import {
  describeError,
  toUiError,
  useBaselines,
  useReschedule,
  useTimeline,
  useTimelineOverlay,
  type Product,
  type ScheduleChange,
  type TimelineBar,
  type TimelineGrouping,
  type TimelineScale,
  type UnscheduledItem,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { RoadmapExportMenu } from "../roadmap-export/RoadmapExportMenu";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { ScheduleDialog } from "./ScheduleDialog";
import { TimelineGrid, type TimelineGridHandle } from "./TimelineGrid";
import { UnscheduledList } from "./UnscheduledList";
import styles from "./Timeline.module.css";

type TimelineViewProps = { product: Product };

type DialogItem = { itemId: string; title: string; startDate: string | null; endDate: string | null };

/** The scales before Rust's labels arrive (the switch is drawn from Rust's once loaded). */
const FIRST_SCALE: TimelineScale = "month";

export function TimelineView({ product }: TimelineViewProps) {
  const [scale, setScale] = useState<TimelineScale>(FIRST_SCALE);
  const [grouping, setGrouping] = useState<TimelineGrouping>("horizon");
  const query = useTimeline(product.id, scale, grouping);
  const failure = useLoadFailure(query);
  // "Compare with": a baseline's bars as ghosts behind today's (not remembered: a look, not a mode).
  const [compareWith, setCompareWith] = useState<string>("none");
  const baselines = useBaselines(product.id).data ?? [];
  const baselineId = baselines.some((baseline) => baseline.id === compareWith) ? compareWith : null;
  const overlay = useTimelineOverlay(product.id, scale, grouping, baselineId);
  const overlayFailure = useLoadFailure(overlay);
  const ghosts = baselineId ? overlay.data?.bars : undefined;
  const view = query.data;
  const reschedule = useReschedule();
  const grid = useRef<TimelineGridHandle>(null);
  const hintId = useId();
  const [dialogItem, setDialogItem] = useState<DialogItem | null>(null);

  const change = useCallback(
    (itemId: string, title: string, scheduleChange: ScheduleChange) => {
      reschedule({ productId: product.id, scale, itemId, change: scheduleChange }).then(
        ({ dates, changed }) => {
          if (!changed) return;
          announce(dates.startDate ? `${quoteTitle(title)} now ${dates.words}` : `${quoteTitle(title)} has no dates now.`);
        },
        (error: unknown) => announce(`${quoteTitle(title)} was not rescheduled: ${describeError(toUiError(error))}`),
      );
    },
    [reschedule, product.id, scale],
  );
  const onBarChange = useCallback((bar: TimelineBar, scheduleChange: ScheduleChange) => change(bar.itemId, bar.title, scheduleChange), [change]);
  const onOpenDates = useCallback(
    (bar: TimelineBar) => setDialogItem({ itemId: bar.itemId, title: bar.title, startDate: bar.startDate, endDate: bar.endDate }),
    [],
  );
  const onDrop = useCallback(
    (item: UnscheduledItem, clientX: number, clientY: number) => {
      const day = grid.current?.dayAtPoint(clientX, clientY) ?? null;
      if (day === null || !view) return;
      change(item.itemId, item.title, { kind: "from", from: view.axis.start, offsetDays: day });
    },
    [change, view],
  );

  const barCount = view?.groups.reduce((total, group) => total + group.bars.length, 0) ?? 0;
  return (
    <section className={`view view-fill ${styles.view}`} aria-labelledby="timeline-heading">
      <header className="view-header">
        <div>
          <h1 id="timeline-heading" tabIndex={-1}>
            Timeline
          </h1>
          <p className="view-subtitle">
            {query.isPending
              ? "Loading…"
              : query.isError
                ? "Not loaded"
                : `${barCount} scheduled, ${view?.unscheduled.length ?? 0} without dates. Drag a bar or its edges to reschedule.`}
          </p>
        </div>
        {view ? (
          <div className={styles.switches}>
            <div className={styles.scales} role="group" aria-label="Group by">
              {view.groupings.map((option) => (
                <button
                  key={option.value}
                  type="button"
                  className={styles.scaleButton}
                  aria-pressed={option.value === grouping}
                  onClick={() => setGrouping(option.value)}
                >
                  {option.label}
                </button>
              ))}
            </div>
            {baselines.length > 0 ? (
              <div data-compare-with="">
                <SelectField
                  label="Compare with"
                  inline
                  value={baselineId ?? "none"}
                  options={[{ value: "none", label: "None" }, ...baselines.map((baseline) => ({ value: baseline.id, label: baseline.name }))]}
                  onChange={setCompareWith}
                />
              </div>
            ) : null}
            <div className={styles.scales} role="group" aria-label="Scale">
              {view.scales.map((option) => (
                <button
                  key={option.value}
                  type="button"
                  className={styles.scaleButton}
                  aria-pressed={option.value === scale}
                  onClick={() => setScale(option.value)}
                >
                  {option.label}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <RoadmapExportMenu product={product} />
      </header>
      {failure ? <LoadError title="The timeline couldn’t be loaded." failure={failure} /> : null}
      {overlayFailure ? <LoadError title="The baseline couldn’t be compared." failure={overlayFailure} /> : null}
      {ghosts ? (
        <p className="visually-hidden" role="status" data-overlay-status="">
          {ghosts.length === 1 ? "1 bar differs" : `${ghosts.length} bars differ`} from {quoteTitle(overlay.data?.baselineName ?? "")}.
        </p>
      ) : null}
      {query.isPending ? <div className="loading" aria-busy="true" /> : null}
      <p className="visually-hidden" id={hintId}>
        Drag the bar to move it, or its left or right edge to change its start or end. Alt+Left or Alt+Right moves it a day,
        Alt+Shift+Left or Right a week, Ctrl+Alt+Left or Right moves its end. Enter changes its dates.
      </p>
      {view ? (
        <div className={styles.layout}>
          <TimelineGrid ref={grid} view={view} ghosts={ghosts} describedBy={hintId} onChange={onBarChange} onOpenDates={onOpenDates} />
          <UnscheduledList
            items={view.unscheduled}
            onDrop={onDrop}
            onSchedule={(item) => setDialogItem({ itemId: item.itemId, title: item.title, startDate: null, endDate: null })}
          />
        </div>
      ) : null}
      {dialogItem ? (
        <ScheduleDialog key={dialogItem.itemId} productId={product.id} scale={scale} item={dialogItem} onClose={() => setDialogItem(null)} />
      ) : null}
    </section>
  );
}
