import type { KanoCategory, KanoItemResult } from "../../api";
import { cx } from "../../lib/classNames";
import { categoryClass } from "./categoryStyle";
import { quadrants, SCATTER, scatterPoints, TICKS, xOf, yOf } from "./scatterGeometry";
import styles from "./KanoSurveyView.module.css";

type BetterWorseScatterProps = {
  items: readonly KanoItemResult[];
  /** The categories' labels, from Rust's scales. */
  labelOf: (category: KanoCategory) => string;
};

/**
 * Each item with answers as a point: |Worse| to the right, Better upwards, in four labelled
 * quadrants. Hand-built SVG (chart libraries do not run under the window's frozen prototypes);
 * every point is a tab stop with its figures as its name.
 */
export function BetterWorseScatter({ items, labelOf }: BetterWorseScatterProps) {
  const points = scatterPoints(items);
  return (
    <figure className={styles.scatterFigure}>
      <svg
        className={styles.scatter}
        viewBox={`0 0 ${SCATTER.width} ${SCATTER.height}`}
        role="group"
        aria-labelledby="kano-scatter-caption"
      >
        {quadrants().map((quadrant) => (
          <g key={quadrant.category} aria-hidden="true">
            <rect
              className={cx(styles.quadrant, categoryClass(quadrant.category))}
              x={quadrant.x}
              y={quadrant.y}
              width={quadrant.width}
              height={quadrant.height}
            />
            <text className={styles.quadrantLabel} x={quadrant.labelX} y={quadrant.labelY} textAnchor="middle">
              {labelOf(quadrant.category)}
            </text>
          </g>
        ))}
        <g aria-hidden="true">
          {TICKS.map((tick) => (
            <g key={tick}>
              <text className={styles.tick} x={xOf(tick)} y={yOf(0) + 16} textAnchor="middle">
                {tick}
              </text>
              <text className={styles.tick} x={xOf(0) - 8} y={yOf(tick) + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          <text className={styles.axisLabel} x={xOf(0.5)} y={SCATTER.height - 8} textAnchor="middle">
            |Worse|: how much its absence dissatisfies
          </text>
          <text
            className={styles.axisLabel}
            x={14}
            y={yOf(0.5)}
            textAnchor="middle"
            transform={`rotate(-90 14 ${yOf(0.5)})`}
          >
            Better: how much it delights
          </text>
        </g>
        {points.map((point) => (
          <g key={point.itemId} className={styles.point} role="img" aria-label={point.name} tabIndex={0}>
            <title>{point.name}</title>
            <circle
              className={cx(styles.dot, categoryClass(point.mode))}
              cx={point.x}
              cy={point.y}
              r={6}
            />
            <text
              className={styles.pointLabel}
              x={point.labelX}
              y={point.labelY}
              textAnchor={point.labelAnchor}
              aria-hidden="true"
            >
              {point.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption id="kano-scatter-caption" className={styles.caption}>
        Better/Worse of each item with answers
      </figcaption>
    </figure>
  );
}
