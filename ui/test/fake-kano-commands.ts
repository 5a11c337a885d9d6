//! The fake backend's Kano questionnaire commands, answering as `kano_survey::import` and
//! `kano_survey::results` do; the contract replay checks every answer.
//!
//! The fake cannot read files, so a file is what the recorded session says it holds: every
//! `preview_kano_import` is filed under its path and the imports live in the product then (from
//! the `get_kano_results` answered just before). An import stores the preview's rows as answers,
//! each with the category Rust gave it; a product's results are looked up per item by its
//! answers' distribution in the recorded `get_kano_results` answers. Nothing is classified,
//! counted into coefficients or worded here except the undo labels and the refusal of "Set Kano"
//! (mirrored like the rest of `fake-rules.ts`), so a test only reaches what Rust answered.
import type {
  AppError,
  ChangedTable,
  DataChanged,
  KanoCategory,
  KanoDistribution,
  KanoImportPreview,
  KanoItemResult,
  KanoResults,
  KanoSurvey,
  ScoringScales,
} from "../src/api/client";
import session from "./contract/session.json";
import { clone, NO_ROADMAP, type Data, type StoredItem, NOW } from "./fake-data";
import { fail, formatNumber, invalid, notFound } from "./fake-rules";
import { recordedScales } from "./fake-scores";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { call: string; args: Record<string, Json>; ok?: Json; error?: Json };
type Row = { table: ChangedTable; id: string };

const text = (value: Json | undefined): string => (typeof value === "string" ? value : "");

export type StoredSurvey = { id: string; productId: string; source: string; createdAt: string; deleted: boolean };
export type StoredResponse = {
  id: string;
  surveyId: string;
  productId: string;
  itemId: string;
  respondent: string;
  category: KanoCategory;
  deleted: boolean;
};

const CATEGORIES: readonly (keyof KanoDistribution)[] = [
  "mustBe",
  "performance",
  "attractive",
  "indifferent",
  "reverse",
  "questionable",
];
const DISTRIBUTION_KEY: Record<KanoCategory, keyof KanoDistribution> = {
  must_be: "mustBe",
  performance: "performance",
  attractive: "attractive",
  indifferent: "indifferent",
  reverse: "reverse",
  questionable: "questionable",
};

const distributionKey = (distribution: KanoDistribution) => JSON.stringify(CATEGORIES.map((key) => distribution[key]));
const previewKey = (path: string, sources: readonly string[]) => JSON.stringify([path, [...sources].sort()]);

type Outcome<T> = { ok: T } | { error: AppError };
type ItemFigures = Pick<KanoItemResult, "respondents" | "distribution" | "mode" | "better" | "worse">;

function buildBook(steps: readonly Step[]) {
  const previews = new Map<string, Outcome<KanoImportPreview>>();
  const importRefusals = new Map<string, AppError>();
  const figures = new Map<string, ItemFigures>();
  const sourcesOf = new Map<string, string[]>();
  let noAnswers: AppError | null = null;
  for (const step of steps) {
    const productId = text(step.args.productId);
    if (step.call === "get_kano_results" && step.ok) {
      const results = step.ok as unknown as KanoResults;
      sourcesOf.set(productId, results.surveys.map((survey) => survey.source));
      for (const item of results.items) {
        const { respondents, distribution, mode, better, worse } = item;
        figures.set(distributionKey(distribution), { respondents, distribution, mode, better, worse });
      }
    }
    const key = previewKey(text(step.args.path), sourcesOf.get(productId) ?? []);
    if (step.call === "preview_kano_import") {
      previews.set(key, step.error !== undefined ? { error: step.error as unknown as AppError } : { ok: step.ok as unknown as KanoImportPreview });
    }
    if (step.call === "import_kano_answers" && step.error !== undefined) importRefusals.set(key, step.error as unknown as AppError);
    if (step.call === "apply_kano_result" && step.error !== undefined) {
      const error = step.error as unknown as AppError;
      if (error.kind === "Invalid" && !error.detail.reason.startsWith("Its ")) noAnswers = error;
    }
  }
  return { previews, importRefusals, figures, noAnswers };
}

const book = buildBook((session as unknown as { steps: Step[] }).steps);

function notRecorded(what: string): never {
  throw new Error(`The contract never recorded ${what}: add it to tests/commands/contract_kano.rs and run cargo test.`);
}

function categoryLabel(scales: ScoringScales, category: KanoCategory): string {
  const scale = scales.inputs.find((input) => input.input === "kano")?.scale;
  const choice = scale?.type === "choices" ? scale.choices.find((candidate) => candidate.value === category) : undefined;
  return choice?.label ?? notRecorded(`the label of ${category}`);
}

/** What the Kano commands need of the fake backend. */
export type KanoCommandsHost = {
  data: () => Data;
  liveProduct: (id: string) => unknown;
  liveItem: (id: string) => StoredItem;
  ranked: (productId: string) => StoredItem[];
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  /** `set_score_inputs`, for "Set Kano to the mode". */
  setKano: (itemId: string, category: KanoCategory) => unknown;
  nextId: () => string;
};

export function createKanoCommands(host: KanoCommandsHost) {
  let chosenPath: string | null = null;

  const liveSurveys = (productId: string) =>
    host.data().kanoSurveys.filter((survey) => survey.productId === productId && !survey.deleted);
  const liveResponses = (surveyId: string) =>
    host.data().kanoResponses.filter((response) => response.surveyId === surveyId && !response.deleted);

  const publicSurvey = (survey: StoredSurvey): KanoSurvey => {
    const answers = liveResponses(survey.id);
    return {
      id: survey.id,
      productId: survey.productId,
      source: survey.source,
      answers: answers.length,
      respondents: new Set(answers.map((answer) => answer.respondent)).size,
      createdAt: survey.createdAt,
    };
  };

  const recordedPreview = (productId: string, path: string): Outcome<KanoImportPreview> => {
    const sources = liveSurveys(productId).map((survey) => survey.source);
    const found = book.previews.get(previewKey(path, sources));
    if (!found) notRecorded(`a preview of ${path} with the imports ${JSON.stringify(sources)}`);
    // The recorded rows name the recording's items: here they are the product's items of that title.
    if ("error" in found) return found;
    const preview = clone(found.ok);
    for (const row of preview.rows) {
      if (row.itemTitle === null) continue;
      const title = row.itemTitle;
      row.itemId = host.ranked(productId).find((item) => item.title === title)?.id ?? row.itemId;
    }
    return { ok: preview };
  };

  const preview = (productId: string, path: string): KanoImportPreview => {
    host.liveProduct(productId);
    const found = recordedPreview(productId, path);
    if ("error" in found) fail(clone(found.error));
    return found.ok;
  };

  const importAnswers = (productId: string, path: string) => {
    const previewed = preview(productId, path);
    if (previewed.summary.problems > 0) {
      const sources = liveSurveys(productId).map((survey) => survey.source);
      fail(clone(book.importRefusals.get(previewKey(path, sources)) ?? notRecorded(`the refused import of ${path}`)));
    }
    const surveyId = host.nextId();
    const responses: StoredResponse[] = previewed.rows.map((row, index) => ({
      id: `${index + 1}:${surveyId}`,
      surveyId,
      productId,
      itemId: row.itemId ?? "",
      respondent: row.respondent,
      category: row.category ?? "questionable",
      deleted: false,
    }));
    const rows: Row[] = [{ table: "kanoSurvey", id: surveyId }, ...responses.map((response): Row => ({ table: "kanoResponse", id: response.id }))];
    const count = previewed.summary.rows;
    const label = `Import Kano answers from ${previewed.source} (${formatNumber(count)} ${count === 1 ? "row" : "rows"})`;
    return host.write("Kano answers imported", label, rows, () => {
      const survey: StoredSurvey = { id: surveyId, productId, source: previewed.source, createdAt: NOW, deleted: false };
      host.data().kanoSurveys.push(survey);
      host.data().kanoResponses.push(...responses);
      return publicSurvey(survey);
    });
  };

  const results = (productId: string): KanoResults => {
    host.liveProduct(productId);
    const scales = recordedScales();
    const surveys = liveSurveys(productId);
    const live = new Set(surveys.map((survey) => survey.id));
    const items: KanoItemResult[] = [];
    for (const item of host.ranked(productId)) {
      const answers = host.data().kanoResponses.filter((response) => response.itemId === item.id && !response.deleted && live.has(response.surveyId));
      if (answers.length === 0) continue;
      const distribution = Object.fromEntries(CATEGORIES.map((key) => [key, 0])) as KanoDistribution;
      for (const answer of answers) distribution[DISTRIBUTION_KEY[answer.category]] += 1;
      const found = book.figures.get(distributionKey(distribution)) ?? notRecorded(`results for ${distributionKey(distribution)}`);
      const current = item.inputs.kano;
      const applyBlocked =
        found.mode === null
          ? "No answer counts for this item yet."
          : found.mode === current
            ? `Its Kano category is already ${categoryLabel(scales, found.mode)}.`
            : null;
      items.push({ itemId: item.id, title: item.title, ...clone(found), current, applyBlocked });
    }
    return { productId, surveys: surveys.map(publicSurvey), items };
  };

  const apply = (itemId: string) => {
    const item = host.liveItem(itemId);
    const row = results(item.productId).items.find((candidate) => candidate.itemId === itemId);
    if (!row) fail(clone(book.noAnswers ?? notRecorded("apply_kano_result on an item without answers")));
    if (row.applyBlocked !== null || row.mode === null) fail(invalid("itemId", row.applyBlocked ?? ""));
    return host.setKano(itemId, row.mode);
  };

  const remove = (surveyId: string) => {
    const survey = host.data().kanoSurveys.find((candidate) => candidate.id === surveyId && !candidate.deleted);
    if (!survey) fail(notFound("Kano import", surveyId));
    const answers = liveResponses(surveyId);
    const rows: Row[] = [...answers.map((answer): Row => ({ table: "kanoResponse", id: answer.id })), { table: "kanoSurvey", id: surveyId }];
    return host.write("Kano answers deleted", `Delete Kano answers from ${survey.source}`, rows, () => {
      for (const answer of host.data().kanoResponses) if (answer.surveyId === surveyId) answer.deleted = true;
      (host.data().kanoSurveys.find((candidate) => candidate.id === surveyId) as StoredSurvey).deleted = true;
      return null;
    });
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    // Not in the contract: its answer is the native dialog's (the path chosen, or null).
    choose_kano_file: () => chosenPath,
    preview_kano_import: ({ productId, path }) => preview(String(productId), String(path)),
    import_kano_answers: ({ productId, path }) => importAnswers(String(productId), String(path)),
    get_kano_results: ({ productId }) => results(String(productId)),
    apply_kano_result: ({ itemId }) => apply(String(itemId)),
    delete_kano_import: ({ surveyId }) => remove(String(surveyId)),
  };

  return {
    handlers,
    /** What the native "Import answers…" dialog answers next: a path, or null (cancelled). */
    chooseFile(path: string | null) {
      chosenPath = path;
    },
  };
}

/** The contract's questionnaire product before any import (`openApp({ kanoSurvey: true })`):
 * its items exactly as the session listed them, so every preview and result is Rust's. */
export function recordedSurveyProduct(): Data {
  const steps = (session as unknown as { steps: Step[] }).steps;
  const at = steps.findIndex((step) => step.call === "get_kano_results");
  const listing = steps[at - 1];
  if (!listing || listing.call !== "list_items") throw new Error("The session lists the product's items before its first Kano results");
  const productId = text(listing.args.productId);
  const rows = listing.ok as unknown as StoredItem[];
  const items = rows.map(
    (row): StoredItem => ({
      id: row.id,
      productId,
      title: row.title,
      description: "",
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
  const product = {
    id: productId,
    name: "Survey",
    vision: "",
    strategy: "",
    targetUsers: "",
    northStarMetric: "",
    iceMode: "product" as const,
    createdAt: NOW,
    updatedAt: NOW,
    deleted: false,
  };
  return { products: [product], items, openProductId: productId, cards: {}, decisions: [], decisionLinks: {}, kanoSurveys: [], kanoResponses: [] };
}
