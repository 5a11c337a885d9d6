//! The fake backend's stored rows and the data it starts with.
import type { BacklogItem, Horizon, Product, ScoreInputs } from "../src/api/client";
import { KINDS } from "./fake-rules";
import { EMPTY_INPUTS } from "./item-rows";
import { recordedOutscoredData, recordedScoredData } from "./fake-scored-demo";
import type { StoredDecision, StoredLink } from "./fake-decision-commands";
import { recordedSurveyProduct, type StoredResponse, type StoredSurvey } from "./fake-kano-commands";
import type { PlanData } from "./fake-plan-commands";
import type { HighlightData } from "./fake-highlight-commands";
import type { ResearchData } from "./fake-research-commands";

export type StoredProduct = Product & { deleted: boolean };
/** Items of every product, each product's in rank order, with their score inputs. */
export type StoredItem = Omit<BacklogItem, "horizon" | "startDate" | "endDate"> & {
  deleted: boolean;
  inputs: ScoreInputs;
  // The roadmap: the item's horizon and its bar's days (Rust's `horizon`, `start_date`, `end_date`).
  horizon: Horizon | null;
  startDate: string | null;
  endDate: string | null;
};

/** An item not on the roadmap and without dates, as every new item is. */
export const NO_ROADMAP = { horizon: null, startDate: null, endDate: null } as const;
/** A card placed on a board (Rust's `board_rank` row): its column and its key there. */
export type StoredCard = { bucket: string; key: number };
export type Data = {
  products: StoredProduct[];
  items: StoredItem[];
  openProductId: string | null;
  /** Placed cards by `board:itemId`, as Rust's `board_rank.id`. */
  cards: Record<string, StoredCard>;
  /** The decision log of every product, and the decisions' links by `decisionId:itemId`. */
  decisions: StoredDecision[];
  decisionLinks: Record<string, StoredLink>;
  /** Kano questionnaire imports and their answers (Rust's `kano_survey`, `kano_response`). */
  kanoSurveys: StoredSurvey[];
  kanoResponses: StoredResponse[];
  /** The roadmap plan (goals, themes, releases, milestones, items' links); absent = empty. */
  plan?: PlanData;
  /** Research notes, participants, tags and their links (made on first use). */
  research?: ResearchData;
  /** Highlights of research notes and their links (made on first use). */
  highlights?: HighlightData;
};

export const DEMO_TITLES = [
  "Bank sync",
  "Spending insights",
  "Shared budgets",
  "Receipt capture",
  "Savings goals",
  "Export to CSV",
  "Bill reminders",
  "Multi-currency",
];

export const NOW = "2026-01-05T09:00:00.000Z";
/** The schema version of a database this Northstar writes (`migrations::latest_version`). */
export const SCHEMA_VERSION = 12;

/** Rank keys that sort like the list order (the fake never needs to insert between two). */
export function rankAt(index: number): string {
  return `r${String(index).padStart(8, "0")}`;
}

/** The data a fake starts with: nothing, or a demo product with `itemCount` unscored items. */
export function demoData(options: {
  empty?: boolean;
  itemCount?: number;
  scored?: boolean;
  outscored?: boolean;
  kanoSurvey?: boolean;
  roadmap?: boolean;
}): Data {
  if (options.empty) return { products: [], items: [], openProductId: null, cards: {}, decisions: [], decisionLinks: {}, kanoSurveys: [], kanoResponses: [] };
  if (options.scored) return recordedScoredData();
  if (options.outscored) return recordedOutscoredData();
  if (options.kanoSurvey) return recordedSurveyProduct();
  const product: StoredProduct = {
    id: "p-demo",
    name: "Pocket Budget",
    vision: "Everyone knows where their money goes, without spreadsheets.",
    strategy: "",
    targetUsers: "",
    northStarMetric: "Weekly active budgeters",
    iceMode: "product",
    createdAt: NOW,
    updatedAt: NOW,
    deleted: false,
  };
  const statuses = ["in_progress", "ready", "discovery", "idea", "shipped", "idea", "archived", "idea"] as const;
  const count = options.itemCount ?? 6;
  const items = Array.from(
    { length: count },
    (_, index): StoredItem => ({
      id: `i-${index + 1}`,
      productId: product.id,
      title: DEMO_TITLES[index] ?? `Item ${index + 1}`,
      description: index === 0 ? "Connect **bank accounts** so transactions import by themselves." : "",
      status: statuses[index % statuses.length] ?? "idea",
      kind: KINDS[index % KINDS.length] ?? "feature",
      rank: rankAt(index + 1),
      createdAt: NOW,
      updatedAt: NOW,
      deleted: false,
      inputs: { ...EMPTY_INPUTS },
      ...NO_ROADMAP,
    }),
  );
  if (options.roadmap) {
    for (const [index, plan] of ROADMAP_PLANS.entries()) {
      const item = items[index];
      if (item) Object.assign(item, plan);
    }
  }
  return { products: [product], items, openProductId: product.id, cards: {}, decisions: [], decisionLinks: {}, kanoSurveys: [], kanoResponses: [] };
}

/** The `roadmap` start: the first three demo items on the roadmap with dates, the fourth in Now
 * without dates (the fake's today is 2027-03-10). */
const ROADMAP_PLANS = [
  { horizon: "now", startDate: "2027-03-01", endDate: "2027-03-28" },
  { horizon: "next", startDate: "2027-04-05", endDate: "2027-05-16" },
  { horizon: "later", startDate: "2027-06-01", endDate: "2027-06-30" },
  { horizon: "now", startDate: null, endDate: null },
] as const;

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
