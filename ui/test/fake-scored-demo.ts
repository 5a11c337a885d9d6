//! A scored backlog for the fake to start with (`openApp({ scored: true })`): the product and its
//! items exactly as the recorded session listed them just before it asked for sensitivity, so
//! every score, position and sensitivity the browser tests see was answered by Rust. Inputs set
//! from there reach states the session also recorded only when the tests choose them so (the
//! fake throws, naming the session, otherwise).
import type { ItemSummary, Product } from "../src/api/client";
import session from "./contract/session.json";
import { NO_ROADMAP, NOW, type Data, type StoredItem, type StoredProduct } from "./fake-data";

type Step = { call: string; args: Record<string, unknown>; ok?: unknown };

export function recordedScoredData(): Data {
  const steps = session.steps as unknown as Step[];
  const at = steps.findIndex((step) => step.call === "get_sensitivity");
  return dataFromListing(steps, at, "its first sensitivity");
}

/**
 * The decision part's product (`openApp({ outscored: true })`): Alpha, Beta and Gamma scored
 * 100, 800 and 400 in RICE, as the session listed them just before it moved Gamma to the top and
 * asked what outscores it (the order after that move was recorded too).
 */
export function recordedOutscoredData(): Data {
  const steps = session.steps as unknown as Step[];
  const at = steps.findIndex((step, index) => step.call === "move_item" && steps[index + 1]?.call === "list_outscoring_items");
  return dataFromListing(steps, at, "the first move it asks about");
}

/** The product listed by the `list_items` step just before step `at`, as the fake's data. */
function dataFromListing(steps: Step[], at: number, what: string): Data {
  const listing = steps[at - 1];
  if (!listing || listing.call !== "list_items") throw new Error(`The session lists the product's items before ${what}`);
  const productId = String(listing.args.productId);
  const rows = listing.ok as ItemSummary[];
  let product: Product | null = null;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) {
      if ((value as Product).id === productId && "iceMode" in value) product = value as Product;
      Object.values(value).forEach(visit);
    }
  };
  // The last answer about the product before that listing is the product as it was then.
  steps.slice(0, at).forEach((step) => visit(step.ok));
  if (product === null) throw new Error(`The session never answered the product ${productId}`);
  const stored: StoredProduct = { ...(product as Product), createdAt: NOW, updatedAt: NOW, deleted: false };
  const items = rows.map(
    (row): StoredItem => ({
      id: row.id,
      productId: row.productId,
      title: row.title,
      description: row.excerpt,
      status: row.status,
      kind: row.kind,
      rank: row.rank,
      createdAt: NOW,
      updatedAt: NOW,
      deleted: false,
      inputs: { ...row.inputs },
      ...NO_ROADMAP,
    }),
  );
  return { products: [stored], items, openProductId: stored.id, cards: {}, decisions: [], decisionLinks: {}, kanoSurveys: [], kanoResponses: [] };
}
