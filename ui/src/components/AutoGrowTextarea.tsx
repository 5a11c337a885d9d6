import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from "react";
import { cx } from "../lib/classNames";
import styles from "./AutoGrowTextarea.module.css";

type AutoGrowTextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string };

/**
 * A text area as tall as its text: it never cuts a line in half or scrolls for text that fits.
 * It starts at `rows` lines and stops at its CSS `max-height`, past which it scrolls. The height
 * is set through CSSOM (`style.height`), which the window's CSP allows.
 */
export function AutoGrowTextarea({ className, ...props }: AutoGrowTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const { value } = props;

  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    const fit = () => {
      area.style.height = "auto";
      // Not laid out (hidden, or a test DOM): leave the height to CSS.
      if (area.scrollHeight === 0) return;
      const borders = area.offsetHeight - area.clientHeight;
      const wanted = area.scrollHeight + borders;
      const max = Number.parseFloat(getComputedStyle(area).maxHeight);
      const limit = Number.isFinite(max) ? max : Infinity;
      area.style.height = `${Math.min(wanted, limit)}px`;
      area.style.overflowY = wanted > limit ? "auto" : "hidden";
    };
    fit();
    // A narrower window wraps the text onto more lines.
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [value]);

  return <textarea ref={ref} className={cx(className, styles.autoGrow)} {...props} />;
}
