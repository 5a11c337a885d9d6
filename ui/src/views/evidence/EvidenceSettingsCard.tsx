//! The product home's evidence settings: a weight (0–10) per note type, which evidence strength
//! and the suggested Confidence follow, and a Reach multiplier per participant segment ("each
//! Enterprise participant stands for 200 customers"), which the suggested Reach follows. Each
//! change is saved at once as one undo step; Rust's refusal is shown beside the field, and Rust's
//! own sentence says what the settings change.
import { useState } from "react";
import {
  describeError,
  toUiError,
  useEvidenceSettings,
  useSetEvidenceWeight,
  useSetSegmentMultiplier,
  type NoteType,
  type Product,
  type SegmentSetting,
} from "../../api";
import { PRESS_UNDO } from "../../commands/appCommands";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { noteTypeLabel } from "../research/noteTypes";
import home from "../home/HomeView.module.css";
import panel from "../backlog/ScorePanel.module.css";
import styles from "./Evidence.module.css";

const WEIGHTS = Array.from({ length: 11 }, (_, weight) => String(weight));

export function EvidenceSettingsCard({ product }: { product: Product }) {
  const settings = useEvidenceSettings(product.id);
  const failure = useLoadFailure(settings);
  const setWeight = useSetEvidenceWeight();
  const changeWeight = (noteType: NoteType, weight: number) =>
    setWeight.mutate(
      { productId: product.id, noteType, weight },
      { onSuccess: (saved) => saved.change && announce(`${noteTypeLabel(noteType)} now weighs ${weight}. ${PRESS_UNDO}`) },
    );
  return (
    <section className={home.card} aria-labelledby="evidence-settings-heading">
      <div className={home.cardHeader}>
        <h2 id="evidence-settings-heading">Evidence</h2>
      </div>
      {failure ? <LoadError title="The evidence settings couldn’t be loaded." failure={failure} /> : null}
      {settings.data ? (
        <>
          <p className={styles.rules}>{settings.data.rules}</p>
          <h3 className={styles.subheading}>Weight of each note type</h3>
          <div className={styles.settingsGrid}>
            {settings.data.weights.map((entry) => (
              <SelectField
                key={entry.noteType}
                label={noteTypeLabel(entry.noteType)}
                value={String(entry.weight)}
                options={WEIGHTS.map((value) => ({
                  value,
                  label: Number(value) === entry.defaultWeight ? `${value} (default)` : value,
                }))}
                onChange={(value) => changeWeight(entry.noteType, Number(value))}
              />
            ))}
          </div>
          {setWeight.isError ? (
            <p className={panel.refusal} role="alert">
              {describeError(toUiError(setWeight.error))}
            </p>
          ) : null}
          <h3 className={styles.subheading}>Reach per participant, by segment</h3>
          {settings.data.segments.length === 0 ? (
            <p className={styles.rules}>No participant has a segment yet: give participants a segment in their notes.</p>
          ) : (
            settings.data.segments.map((segment) => (
              <SegmentField key={`${segment.segment}:${segment.multiplier}`} productId={product.id} segment={segment} />
            ))
          )}
        </>
      ) : null}
    </section>
  );
}

function SegmentField({ productId, segment }: { productId: string; segment: SegmentSetting }) {
  const [draft, setDraft] = useState(String(segment.multiplier));
  const save = useSetSegmentMultiplier();
  const inputId = `segment-multiplier-${segment.segment}`;
  const send = (multiplier: number | null) =>
    save.mutate(
      { productId, change: { segment: segment.segment, multiplier } },
      { onSuccess: (saved) => saved.change && announce(`${segment.segment}: each participant counts ×${multiplier ?? 1}. ${PRESS_UNDO}`) },
    );
  const commit = () => {
    if (draft.trim() === String(segment.multiplier)) return;
    const value = Number(draft);
    // JSON has no NaN: text that is no number is sent as 0, which Rust refuses in its own words.
    send(draft.trim() !== "" && Number.isFinite(value) ? value : 0);
  };
  return (
    <div className={styles.segmentRow}>
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          {`${segment.segment} (${segment.participantCount} ${segment.participantCount === 1 ? "participant" : "participants"}) ×`}
        </label>
        <input
          id={inputId}
          className="input"
          inputMode="decimal"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
          }}
        />
      </div>
      {segment.isSet ? (
        <button type="button" className="button button-ghost" onClick={() => send(null)}>
          {`Reset ${segment.segment} to ×1`}
        </button>
      ) : null}
      {save.isError ? (
        <p className={panel.refusal} role="alert">
          {describeError(toUiError(save.error))}
        </p>
      ) : null}
    </div>
  );
}
