//! The fake backend's evidence commands, answering as `queries::evidence` and
//! `queries::evidence_settings` do (the rules are `evidence/`'s: orphaned highlights listed but
//! not counted, each note's weight once, Reach = participants × their segment's multiplier):
//! the contract replay checks every answer, refusal, label and event. Scores are never computed
//! here: an accepted input's scores are the ones Rust recorded (`fake-scores.ts`).
import type {
  ChangedTable,
  DataChanged,
  Decision,
  EvidenceParticipant,
  EvidenceQuote,
  EvidenceSettings,
  EvidenceStrength,
  EvidenceSuggestion,
  EvidenceSummary,
  IceMode,
  ItemEvidence,
  ItemScores,
  NewDecision,
  NoteType,
  ScoreInput,
  ScoreInputs,
  SegmentMultiplierChange,
  SegmentReach,
} from "../src/api/client";
import type { Data, StoredItem } from "./fake-data";
import type { HighlightData } from "./fake-highlight-commands";
import { emptyResearch, type ResearchData } from "./fake-research-commands";
import { fail, formatNumber, invalid, quoted } from "./fake-rules";
import { recordedScores } from "./fake-scores";
import { FAKE_TODAY } from "./fake-timeline-commands";

type Row = { table: ChangedTable; id: string };

/** The settings the product owner set, by `productId:noteType` and `productId:segment`. */
export type EvidenceData = {
  weights: Record<string, { weight: number; deleted: boolean }>;
  multipliers: Record<string, { productId: string; segment: string; multiplier: number; deleted: boolean }>;
};

export type EvidenceCommandsHost = {
  data: () => Data & { research?: ResearchData; highlights?: HighlightData; evidence?: EvidenceData };
  liveItem: (id: string) => StoredItem;
  liveProduct: (id: string) => { iceMode: IceMode };
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  prepareDecision: (input: NewDecision) => { rows: Row[]; record: () => Decision };
};

const NOTE_TYPES: readonly NoteType[] = ["interview", "usability_test", "survey", "support_ticket", "sales_call", "analytics", "competitor"];
/** Rust's `default_weight`. */
const DEFAULT_WEIGHTS: Record<NoteType, number> = {
  interview: 2, usability_test: 3, survey: 1, support_ticket: 1, sales_call: 1, analytics: 3, competitor: 1,
};
/** Rust's `note_type_noun`: singular, plural. */
const NOUNS: Record<NoteType, [string, string]> = {
  interview: ["interview", "interviews"],
  usability_test: ["usability test", "usability tests"],
  survey: ["survey", "surveys"],
  support_ticket: ["support ticket", "support tickets"],
  sales_call: ["sales call", "sales calls"],
  analytics: ["analytics finding", "analytics findings"],
  competitor: ["competitor note", "competitor notes"],
};
const MAX_POINTS = 10;
const MEDIUM_FROM = 4;
const HIGH_FROM = 8;
const MAX_WEIGHT = 10;
const MAX_MULTIPLIER = 1_000_000;
const MAX_RATIONALE_CHARS = 2000;
const STRENGTH_LABELS: Record<EvidenceStrength, string> = { none: "No evidence", low: "Low", medium: "Medium", high: "High" };
const CONFIDENCE: Record<EvidenceStrength, number | null> = { none: null, low: 50, medium: 80, high: 100 };
const RULES =
  "Each note behind an item adds its type's weight once; the sum (at most 10) is Low evidence below 4 points, Medium " +
  "from 4, High from 8, suggesting a RICE Confidence of 50 %, 80 % or 100 %. Suggested Reach is the distinct " +
  "participants of each segment × its multiplier. Orphaned highlights are not counted.";
const NO_EVIDENCE = "Nothing to suggest: no evidence yet. Highlight passages of research notes and link them to this item.";

const noun = (type: NoteType, count: number) => NOUNS[type][count === 1 ? 0 : 1];
const plural = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${formatNumber(count)} ${many}`);
/** Rust's `join_words`. */
const joinWords = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

export function createEvidenceCommands(host: EvidenceCommandsHost) {
  const settings = (): EvidenceData => {
    const data = host.data();
    data.evidence ??= { weights: {}, multipliers: {} };
    return data.evidence;
  };
  const research = () => host.data().research ?? emptyResearch();
  const highlights = () => host.data().highlights ?? { highlights: [], tagLinks: {}, itemLinks: {} };

  const weightOf = (productId: string, type: NoteType) => {
    const row = settings().weights[`${productId}:${type}`];
    return row && !row.deleted ? row.weight : DEFAULT_WEIGHTS[type];
  };
  const multiplierOf = (productId: string, segment: string) => {
    const row = settings().multipliers[`${productId}:${segment}`];
    return row && !row.deleted ? row.multiplier : 1;
  };

  /** Rust's `quotes_of`. */
  const quotesOf = (itemId: string): EvidenceQuote[] => {
    const notes = new Map(research().notes.filter((note) => !note.deleted).map((note) => [note.id, note]));
    const participantsOf = (noteId: string): EvidenceParticipant[] =>
      research()
        .participants.filter((p) => !p.deleted && research().noteParticipants[`${noteId}:${p.id}`]?.deleted === false)
        .sort((a, b) => byCodeUnits(asciiLower(a.name), asciiLower(b.name)) || byCodeUnits(a.id, b.id))
        .map((p) => ({ id: p.id, name: p.name, segment: p.segment }));
    return highlights()
      .highlights.filter((h) => !h.deleted && notes.has(h.noteId) && highlights().itemLinks[`${h.id}:${itemId}`]?.deleted === false)
      .sort((a, b) => {
        const [left, right] = [notes.get(a.noteId), notes.get(b.noteId)];
        if (left && right && left.notedOn !== right.notedOn) return left.notedOn < right.notedOn ? 1 : -1;
        return byCodeUnits(a.noteId, b.noteId) || a.start - b.start || byCodeUnits(a.createdAt, b.createdAt) || byCodeUnits(a.id, b.id);
      })
      .map((h) => {
        const note = notes.get(h.noteId);
        return {
          highlightId: h.id,
          exact: h.exact,
          orphaned: h.orphaned,
          noteId: h.noteId,
          noteTitle: note?.title ?? "",
          noteType: note?.noteType ?? "interview",
          notedOn: note?.notedOn ?? "",
          participants: participantsOf(h.noteId),
        };
      });
  };

  /** Rust's `strength_of`. */
  const strengthOf = (types: NoteType[], productId: string): [EvidenceStrength, number, string] => {
    const total = types.reduce((sum, type) => sum + weightOf(productId, type), 0);
    const points = Math.min(total, MAX_POINTS);
    const strength: EvidenceStrength =
      types.length === 0 ? "none" : points >= HIGH_FROM ? "high" : points >= MEDIUM_FROM ? "medium" : "low";
    if (types.length === 0) return [strength, 0, "no note backs this item yet"];
    const parts = NOTE_TYPES.flatMap((type) => {
      const count = types.filter((known) => known === type).length;
      return count > 0 ? [`${count} ${noun(type, count)} (×${weightOf(productId, type)})`] : [];
    });
    const capped = total > MAX_POINTS ? ` (${total}, capped)` : "";
    return [strength, points, `${points} of ${MAX_POINTS} points${capped} from ${joinWords(parts)}`];
  };

  /** Rust's `summarize`. */
  const summarize = (quotes: EvidenceQuote[], productId: string): EvidenceSummary => {
    const counted = quotes.filter((quote) => !quote.orphaned);
    const notesSeen = new Set<string>();
    const types: NoteType[] = [];
    let latestOn: string | null = null;
    const participantsSeen = new Set<string>();
    const bySegment = new Map<string, number>();
    for (const quote of counted) {
      if (notesSeen.has(quote.noteId)) continue;
      notesSeen.add(quote.noteId);
      types.push(quote.noteType);
      if (latestOn === null || quote.notedOn > latestOn) latestOn = quote.notedOn;
      for (const participant of quote.participants) {
        if (participantsSeen.has(participant.id)) continue;
        participantsSeen.add(participant.id);
        const segment = participant.segment.trim();
        bySegment.set(segment, (bySegment.get(segment) ?? 0) + 1);
      }
    }
    const [strength, strengthPoints, sources] = strengthOf(types, productId);
    const segments: SegmentReach[] = [...bySegment.entries()]
      .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : byCodeUnits(a, b)))
      .map(([segment, participantCount]) => {
        const multiplier = segment === "" ? 1 : multiplierOf(productId, segment);
        return { segment, label: segment === "" ? "No segment" : segment, participantCount, multiplier, reach: participantCount * multiplier };
      });
    return {
      quoteCount: quotes.length,
      orphanedCount: quotes.length - counted.length,
      participantCount: participantsSeen.size,
      segmentCount: segments.filter((s) => s.segment !== "").length,
      noteCount: types.length,
      latestOn,
      strength,
      strengthPoints,
      strengthExplained: `${STRENGTH_LABELS[strength]}: ${sources}`,
      segments,
    };
  };

  const nothingCounts = (summary: EvidenceSummary): string | null => {
    if (summary.noteCount > 0) return null;
    if (summary.orphanedCount > 0) {
      const what = plural(summary.orphanedCount, "highlight is", "highlights are");
      return `Nothing to suggest: ${what} orphaned (the passage was edited out of its note), so nothing counts.`;
    }
    return NO_EVIDENCE;
  };

  const suggestion = (
    input: ScoreInput,
    label: string,
    value: number | null,
    current: number | null,
    provenance: string,
    show: (value: number) => string,
  ): EvidenceSuggestion => ({
    input,
    label,
    value,
    valueLabel: value === null ? null : show(value),
    current,
    currentLabel: current === null ? null : show(current),
    provenance,
    acceptBlocked: value === null ? provenance : current === value ? `${label} is already ${show(value)}, as the evidence suggests.` : null,
  });

  /** Rust's `suggestions`. */
  const suggestions = (summary: EvidenceSummary, inputs: ScoreInputs): EvidenceSuggestion[] => {
    const reach = summary.participantCount === 0 ? null : Math.round(summary.segments.reduce((sum, s) => sum + s.reach, 0));
    const nothing = nothingCounts(summary);
    const reachWhy =
      nothing ??
      (reach === null
        ? "Nothing to suggest: the notes behind this item have no participants. Add who each note is about (with their segment)."
        : `Reach ${formatNumber(reach)} suggested: ${plural(summary.participantCount, "participant", "participants")} in ${plural(
            summary.segmentCount,
            "segment",
            "segments",
          )} (${joinWords(summary.segments.map((s) => `${s.label} ${formatNumber(s.participantCount)} × ${formatNumber(s.multiplier)}`))})`);
    const confidence = CONFIDENCE[summary.strength];
    const sources = summary.strengthExplained.slice(summary.strengthExplained.indexOf(": ") + 2);
    const confidenceWhy =
      nothing ?? `Confidence ${formatNumber(confidence ?? 0)} % suggested: ${STRENGTH_LABELS[summary.strength]} evidence, ${sources}`;
    return [
      suggestion("riceReach", "Reach", reach, inputs.riceReach, reachWhy, formatNumber),
      suggestion("riceConfidence", "Confidence", confidence, inputs.riceConfidence, confidenceWhy, (v) => `${formatNumber(v)} %`),
    ];
  };

  const itemEvidence = (itemId: string): ItemEvidence => {
    const item = host.liveItem(itemId);
    const quotes = quotesOf(item.id);
    const summary = summarize(quotes, item.productId);
    return { itemId: item.id, productId: item.productId, quotes, summary, suggestions: suggestions(summary, item.inputs) };
  };

  /** Rust's `get_evidence_settings`. */
  const evidenceSettings = (productId: string): EvidenceSettings => {
    host.liveProduct(productId);
    const counts = new Map<string, number>();
    for (const p of research().participants) {
      if (p.deleted || p.productId !== productId || p.segment.trim() === "") continue;
      counts.set(p.segment.trim(), (counts.get(p.segment.trim()) ?? 0) + 1);
    }
    const set = Object.values(settings().multipliers).filter((row) => row.productId === productId && !row.deleted);
    for (const row of set) if (!counts.has(row.segment)) counts.set(row.segment, 0);
    return {
      productId,
      weights: NOTE_TYPES.map((noteType) => ({ noteType, weight: weightOf(productId, noteType), defaultWeight: DEFAULT_WEIGHTS[noteType] })),
      segments: [...counts.entries()]
        .sort(([a], [b]) => byCodeUnits(a, b))
        .map(([segment, participantCount]) => ({
          segment,
          multiplier: multiplierOf(productId, segment),
          isSet: set.some((row) => row.segment === segment),
          participantCount,
        })),
      rules: RULES,
    };
  };

  const setWeight = (productId: string, noteType: NoteType, weight: number) => {
    if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
      fail(invalid("weight", `A weight is a whole number from 0 to ${MAX_WEIGHT}.`));
    }
    host.liveProduct(productId);
    const id = `${productId}:${noteType}`;
    const row = settings().weights[id];
    const isSet = row !== undefined && !row.deleted;
    const toDefault = weight === DEFAULT_WEIGHTS[noteType];
    const changes = toDefault ? isSet : !(isSet && row.weight === weight);
    const rows: Row[] = changes ? [{ table: "evidenceWeight", id }] : [];
    return host.write("Evidence weight set", `Weigh ${noun(noteType, 2)} ${weight} in evidence`, rows, () => {
      if (changes) settings().weights[id] = toDefault ? { weight: row?.weight ?? weight, deleted: true } : { weight, deleted: false };
      return evidenceSettings(productId);
    });
  };

  const setMultiplier = (productId: string, change: SegmentMultiplierChange) => {
    const segment = change.segment.trim();
    if ([...segment].length === 0 || [...segment].length > 200) {
      fail(invalid("segment", "Name the segment (1–200 characters), as the participants have it."));
    }
    const multiplier = change.multiplier ?? null;
    if (multiplier !== null && !(Number.isFinite(multiplier) && multiplier > 0 && multiplier <= MAX_MULTIPLIER)) {
      fail(invalid("multiplier", `A multiplier is a number above 0 and at most ${formatNumber(MAX_MULTIPLIER)}.`));
    }
    host.liveProduct(productId);
    const id = `${productId}:${segment}`;
    const row = settings().multipliers[id];
    const isSet = row !== undefined && !row.deleted;
    const changes = multiplier === null ? isSet : !(isSet && row.multiplier === multiplier);
    const rows: Row[] = changes ? [{ table: "segmentMultiplier", id }] : [];
    const label = `Count ${quoted(segment)} participants ×${formatNumber(multiplier ?? 1)}`;
    return host.write("Segment multiplier set", label, rows, () => {
      if (changes) {
        settings().multipliers[id] =
          multiplier === null ? { productId, segment, multiplier: row?.multiplier ?? 1, deleted: true } : { productId, segment, multiplier, deleted: false };
      }
      return evidenceSettings(productId);
    });
  };

  /** Rust's `accept_evidence_suggestion`: the input and the decision, one step. */
  const accept = (itemId: string, input: ScoreInput) => {
    const evidence = itemEvidence(itemId);
    const found = evidence.suggestions.find((candidate) => candidate.input === input);
    if (!found) fail(invalid("input", "Only Reach and Confidence are suggested from evidence."));
    if (found.acceptBlocked !== null) fail(invalid("input", found.acceptBlocked));
    if (found.value === null || found.valueLabel === null) fail(invalid("input", found.provenance));
    const item = host.liveItem(itemId);
    const inputs: ScoreInputs = { ...item.inputs, [input]: found.value };
    const was = found.currentLabel === null ? "not set" : `was ${found.currentLabel}`;
    const rationale = `${found.provenance} (${was}).`;
    const { rows, record } = host.prepareDecision({
      productId: item.productId,
      decidedOn: FAKE_TODAY,
      decision: `Accepted suggested ${found.label} ${found.valueLabel} from evidence`,
      rationale: [...rationale].length <= MAX_RATIONALE_CHARS ? rationale : `${[...rationale].slice(0, MAX_RATIONALE_CHARS - 1).join("")}…`,
      itemIds: [item.id],
    });
    const label = `Accept suggested ${found.label} ${found.valueLabel} for ${quoted(item.title)}`;
    return host.write("Suggestion accepted", label, [{ table: "backlogItem", id: item.id }, ...rows], () => {
      Object.assign(host.liveItem(item.id), { inputs });
      const scores: ItemScores = {
        id: item.id,
        productId: item.productId,
        inputs: { ...inputs },
        scores: recordedScores(inputs, host.liveProduct(item.productId).iceMode),
      };
      return { scores, decision: record() };
    });
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    get_item_evidence: ({ itemId }) => itemEvidence(String(itemId)),
    accept_evidence_suggestion: ({ itemId, input }) => accept(String(itemId), input as ScoreInput),
    get_evidence_settings: ({ productId }) => evidenceSettings(String(productId)),
    set_evidence_weight: ({ productId, noteType, weight }) => setWeight(String(productId), noteType as NoteType, Number(weight)),
    set_segment_multiplier: ({ productId, change }) => setMultiplier(String(productId), change as SegmentMultiplierChange),
  };
  /** Rust's `evidence_counts` for one item: the quotes its evidence lists. */
  const evidenceCount = (itemId: string) => quotesOf(itemId).length;
  return { handlers, evidenceCount };
}

/**
 * Gives the demo's "Bank sync" (`i-1`) the evidence of the contract session: an interview with
 * Dana (Enterprise) and Lee (Freelancers) quoting "by hand every Friday", and Enterprise ×200,
 * so its suggested Reach is 201 and its Confidence 50 % (states whose scores Rust recorded).
 */
export function seedEvidence(run: (command: string, args: Record<string, unknown>) => unknown) {
  const note = run("create_note", {
    input: {
      productId: "p-demo",
      noteType: "interview",
      title: "Interview with Dana",
      notedOn: "2026-03-01",
      source: null,
      body: "I reconcile my bank by hand every Friday.",
    },
  }) as { value: { id: string } };
  for (const [name, segment] of [["Dana", "Enterprise"], ["Lee", "Freelancers"]]) {
    run("add_new_note_participant", { id: note.value.id, participant: { name, persona: null, segment, companySize: null } });
  }
  run("create_highlight", { input: { noteId: note.value.id, start: 20, end: 40, tagIds: [], itemIds: ["i-1"] } });
  run("set_segment_multiplier", { productId: "p-demo", change: { segment: "Enterprise", multiplier: 200 } });
}
