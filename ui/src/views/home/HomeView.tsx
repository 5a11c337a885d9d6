import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import {
  registerPendingSave,
  useItems,
  useUpdateProduct,
  type Product,
  type ProductPatch,
  type StatusOption,
} from "../../api";
import { KindChip, StatusBadge } from "../../components/Badges";
import { AutoGrowTextarea } from "../../components/AutoGrowTextarea";
import { ArrowRightIcon } from "../../components/icons";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { useItemDialogs } from "../backlog/ItemDialogs";
import { ScoringSettings } from "./ScoringSettings";
import { EvidenceSettingsCard } from "../evidence/EvidenceSettingsCard";
import { clearDrafts, readDrafts, writeDrafts, type ProductDrafts, type ProductField } from "./productDrafts";
import { cx } from "../../lib/classNames";
import { HomeGoals } from "../goals/HomeGoals";
import { HomeRoadmap } from "./HomeRoadmap";
import styles from "./HomeView.module.css";

const FIELDS: readonly { field: ProductField; label: string; hint: string; multiline: boolean }[] = [
  { field: "name", label: "Product name", hint: "", multiline: false },
  { field: "vision", label: "Vision", hint: "The future you are building towards, in a sentence or two.", multiline: true },
  { field: "strategy", label: "Strategy", hint: "How you will get there: the bets and what you won't do.", multiline: true },
  { field: "targetUsers", label: "Target users", hint: "Who it is for, and the problem they have.", multiline: true },
  { field: "northStarMetric", label: "North-star metric", hint: "The one number that shows customers get value.", multiline: false },
];

const TOP_COUNT = 5;

type HomeViewProps = {
  product: Product;
  statusOptions: readonly StatusOption[];
  onOpenBacklog: () => void;
};

/** Mount with `key={product.id}`: drafts belong to one product. */
export function HomeView({ product, statusOptions, onOpenBacklog }: HomeViewProps) {
  return (
    <section className="view" aria-labelledby="home-heading">
      <header className="view-header">
        <div>
          <p className="eyebrow">Product</p>
          <h1 id="home-heading" tabIndex={-1}>
            {product.name}
          </h1>
        </div>
      </header>
      <div className={styles.grid}>
        <ProductForm product={product} />
        <div className={styles.sideColumn}>
          <HomeGoals product={product} />
          <HomeRoadmap product={product} />
          <TopOfBacklog product={product} statusOptions={statusOptions} onOpenBacklog={onOpenBacklog} />
          <ScoringSettings product={product} />
          <EvidenceSettingsCard product={product} />
        </div>
      </div>
    </section>
  );
}

/**
 * The product's fields, each saved when it loses focus (or with Enter in a one-line field), with
 * the state shown beside the heading: one save model, no Save button beside "All changes saved". Drafts are
 * kept outside the component until Rust has them: a draft whose save failed is still there when
 * the person comes back. Pending drafts are saved before an undo or redo runs, and when the view
 * is left.
 */
function ProductForm({ product }: { product: Product }) {
  // Only the fields the person edited; the others show the saved value (which undo may change).
  const [drafts, setDrafts] = useState<ProductDrafts>(() => readDrafts(product.id));
  // Values sent and not yet answered, so blur + Enter don't send the same edit twice.
  const inFlight = useRef<ProductDrafts>({});
  const pendingSaves = useRef(new Set<Promise<unknown>>());
  const update = useUpdateProduct();
  const formId = useId();

  useEffect(() => {
    writeDrafts(product.id, drafts);
  }, [product.id, drafts]);

  const save = (only?: ProductField): Promise<unknown> => {
    const fields = FIELDS.map(({ field }) => field).filter((field) => {
      if (only !== undefined && field !== only) return false;
      const draft = drafts[field];
      return draft !== undefined && draft !== product[field] && draft !== inFlight.current[field];
    });
    if (fields.length === 0) return Promise.resolve();
    const patch: ProductPatch = { name: null, vision: null, strategy: null, targetUsers: null, northStarMetric: null };
    const sent: ProductDrafts = {};
    for (const field of fields) {
      patch[field] = drafts[field] ?? null;
      sent[field] = drafts[field];
      inFlight.current[field] = drafts[field];
    }
    // mutateAsync, not mutate: per-call callbacks of an overlapping earlier save would be dropped.
    // A failure is already shown by the one toast path, and the draft stays.
    const saving = update
      .mutateAsync({ id: product.id, patch })
      .then(
        () => {
          clearDrafts(product.id, sent);
          setDrafts((current) => {
            const next = { ...current };
            for (const field of fields) if (next[field] === sent[field]) delete next[field];
            return next;
          });
        },
        () => undefined,
      )
      .finally(() => {
        for (const field of fields) if (inFlight.current[field] === sent[field]) delete inFlight.current[field];
        pendingSaves.current.delete(saving);
      });
    pendingSaves.current.add(saving);
    return saving;
  };

  // Undo and redo wait for these: the edits are saved (or already on their way) first.
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });
  useEffect(() => {
    const unregister = registerPendingSave(async () => {
      await latestSave.current();
      await Promise.all([...pendingSaves.current]);
    });
    return () => {
      unregister();
      // Leaving the view saves what was typed; a failed save keeps the draft for next time.
      void latestSave.current();
    };
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const hasUnsaved = FIELDS.some(({ field }) => drafts[field] !== undefined && drafts[field] !== product[field]);
  const saveState = update.isPending ? "Saving…" : hasUnsaved ? "Unsaved changes" : "All changes saved";

  return (
    <form className={cx(styles.card, styles.productForm)} aria-labelledby={`${formId}-heading`} onSubmit={onSubmit}>
      <div className={styles.formHeader}>
        <h2 id={`${formId}-heading`}>Product details</h2>
        <span className={styles.saveState} data-state={update.isPending ? "saving" : hasUnsaved ? "dirty" : "saved"}>
          {saveState}
        </span>
      </div>
      {FIELDS.map(({ field, label, hint, multiline }) => {
        const id = `${formId}-${field}`;
        const hintId = `${id}-hint`;
        const common = {
          id,
          className: multiline ? "input textarea" : "input",
          value: drafts[field] ?? product[field],
          "aria-describedby": hint ? hintId : undefined,
          onBlur: () => void save(field),
        };
        return (
          <div className="field" key={field}>
            <label htmlFor={id} className="field-label">
              {label}
            </label>
            {multiline ? (
              <AutoGrowTextarea
                {...common}
                rows={2}
                onChange={(event) => setDrafts((current) => ({ ...current, [field]: event.target.value }))}
              />
            ) : (
              <input
                {...common}
                autoComplete="off"
                onChange={(event) => setDrafts((current) => ({ ...current, [field]: event.target.value }))}
                onKeyDown={(event) => {
                  // A form with two one-line fields and no submit button is not submitted by Enter.
                  if (event.key === "Enter" && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
                    event.preventDefault();
                    void save(field);
                  }
                }}
              />
            )}
            {hint ? (
              <p className="field-hint" id={hintId}>
                {hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </form>
  );
}

function TopOfBacklog({
  product,
  statusOptions,
  onOpenBacklog,
}: {
  product: Product;
  statusOptions: readonly StatusOption[];
  onOpenBacklog: () => void;
}) {
  const items = useItems(product.id);
  const itemsFailure = useLoadFailure(items);
  const { openEditor, dialogs } = useItemDialogs(statusOptions);
  const top = (items.data ?? []).slice(0, TOP_COUNT);
  const labelOf = (status: string) => statusOptions.find((option) => option.value === status)?.label ?? status;
  let content;
  if (itemsFailure) {
    content = <LoadError title="The backlog couldn’t be loaded." failure={itemsFailure} />;
  } else if (items.data === undefined) {
    content = <div className="loading" aria-busy="true" />;
  } else if (items.data.length === 0) {
    content = <p className="muted">Nothing ranked yet. Add items in the backlog.</p>;
  } else {
    content = (
      <ol className={styles.topList} aria-label="Top of the backlog">
        {top.map((item) => (
          <li key={item.id}>
            {/* Named by what it shows ("1. Bank sync, Feature, In progress"): the punctuation
                is for screen readers only. */}
            <button type="button" className={styles.topItem} onClick={() => openEditor(item)}>
              <span className={styles.position}>
                {item.position}
                <span className="visually-hidden">.</span>
              </span>
              <span className={styles.topItemTitle}>
                {item.title}
                <span className="visually-hidden">,</span>
              </span>
              <span className={styles.topItemMeta}>
                <KindChip kind={item.kind} />
                <span className="visually-hidden">,</span>
                <StatusBadge status={item.status} label={labelOf(item.status)} />
              </span>
            </button>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <section className={styles.card} aria-labelledby="top-backlog-heading">
      <div className={styles.cardHeader}>
        <h2 id="top-backlog-heading">Top of the backlog</h2>
        <span className={styles.cardMeta}>{items.data ? `${items.data.length} in total` : ""}</span>
      </div>
      {content}
      <button type="button" className={cx("button button-ghost", styles.cardLink)} onClick={onOpenBacklog}>
        See all items
        <ArrowRightIcon />
      </button>
      {dialogs}
    </section>
  );
}
