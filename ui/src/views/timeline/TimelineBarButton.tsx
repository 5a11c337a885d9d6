//! One bar: a button named like "Offline mode, 3 Mar – 21 Apr 2027", placed by its offset and
//! length. Dragging its body moves it, dragging an edge moves that end (pointer capture, snapped
//! to whole days, one Rust call on release); its keys and menu are the bar commands.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { ScheduleChange, TimelineBar } from "../../api";
import { commandForKey } from "../../commands/registry";
import { declareBarCommands } from "./barCommands";
import { draggedSpan, spanBox, wholeDays, type DragMode } from "./timelineGeometry";
import styles from "./Timeline.module.css";

/** Roughly how wide a title is drawn (12 px text), with the bar's edges: a title that would be
 * cut goes beside the bar instead of inside it. */
const titleWidth = (title: string) => title.length * 6.6 + 20;

type Drag = { mode: DragMode; startX: number; pointerId: number; days: number };

type TimelineBarButtonProps = {
  /** Words the name gains (the baseline overlay's ", baseline 3 Mar – 21 Apr 2027, slipped 12 days"). */
  extraLabel?: string;
  bar: TimelineBar;
  dayWidth: number;
  describedBy: string;
  onChange: (bar: TimelineBar, change: ScheduleChange) => void;
  onOpenDates: (bar: TimelineBar) => void;
};

export function TimelineBarButton({ bar, extraLabel, dayWidth, describedBy, onChange, onOpenDates }: TimelineBarButtonProps) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragging = useRef<Drag | null>(null);
  const span = drag ? draggedSpan(bar, drag.mode, drag.days) : bar;
  const box = spanBox(span, dayWidth);
  const titleInside = box.width >= titleWidth(bar.title);

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    const edge = (event.target as HTMLElement).dataset.edge;
    const mode: DragMode = edge === "start" || edge === "end" ? edge : "move";
    event.currentTarget.setPointerCapture(event.pointerId);
    const next = { mode, startX: event.clientX, pointerId: event.pointerId, days: 0 };
    dragging.current = next;
    setDrag(next);
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const current = dragging.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const days = wholeDays(event.clientX - current.startX, dayWidth);
    if (days === current.days) return;
    const next = { ...current, days };
    dragging.current = next;
    setDrag(next);
  };
  const finish = (event: PointerEvent<HTMLButtonElement>, commit: boolean) => {
    const current = dragging.current;
    if (!current || current.pointerId !== event.pointerId) return;
    dragging.current = null;
    setDrag(null);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    if (!commit || current.days === 0) return;
    const kind = current.mode === "move" ? "shift" : current.mode;
    onChange(bar, { kind, days: current.days });
  };

  const commands = declareBarCommands({ change: (change) => onChange(bar, change), openDates: () => onOpenDates(bar) });
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const command = commandForKey(commands, event.nativeEvent);
    if (!command) return;
    event.preventDefault();
    command.run();
  };

  return (
    <>
      <button
        type="button"
        className={styles.bar}
        data-horizon={bar.horizon ?? "none"}
        data-dragging={drag ? "" : undefined}
        data-timeline-bar={bar.itemId}
        data-start={bar.startDate}
        data-end={bar.endDate}
        style={{ left: box.left, width: box.width }}
        aria-label={extraLabel ? `${bar.label}${extraLabel}` : bar.label}
        aria-describedby={describedBy}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(event) => finish(event, true)}
        onPointerCancel={(event) => finish(event, false)}
        onLostPointerCapture={(event) => finish(event, false)}
        onKeyDown={onKeyDown}
      >
        <span className={styles.edge} data-edge="start" aria-hidden="true" />
        {titleInside ? <span className={styles.barTitle}>{bar.title}</span> : null}
        <span className={styles.edge} data-edge="end" aria-hidden="true" />
      </button>
      {titleInside ? null : (
        <span className={styles.barTitleBeside} style={{ left: box.left + box.width + 6 }} aria-hidden="true">
          {bar.title}
        </span>
      )}
    </>
  );
}
