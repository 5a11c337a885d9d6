import { useScoringScales, useUpdateProduct, type IceMode, type Product } from "../../api";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { PRESS_UNDO } from "../../commands/appCommands";
import styles from "./HomeView.module.css";

/**
 * The product's scoring settings: how ICE combines its inputs (the product or the average), with
 * the choices and their wording from Rust. A change is saved at once, as one undo step, and every
 * ICE score of the product follows.
 */
export function ScoringSettings({ product }: { product: Product }) {
  const scales = useScoringScales();
  const update = useUpdateProduct();
  const options = scales.data?.iceModes ?? [];
  if (options.length === 0) return null;
  const change = (iceMode: IceMode) => {
    if (iceMode === product.iceMode) return;
    update.mutate(
      {
        id: product.id,
        patch: { name: null, vision: null, strategy: null, targetUsers: null, northStarMetric: null, iceMode },
      },
      {
        onSuccess: () => announce(`ICE scores now use ${options.find((option) => option.value === iceMode)?.label ?? iceMode}. ${PRESS_UNDO}`),
      },
    );
  };
  return (
    <section className={styles.card} aria-labelledby="scoring-settings-heading">
      <div className={styles.cardHeader}>
        <h2 id="scoring-settings-heading">Scoring</h2>
      </div>
      <SelectField label="ICE combines impact, confidence and ease as" value={product.iceMode} options={options} onChange={change} />
    </section>
  );
}
