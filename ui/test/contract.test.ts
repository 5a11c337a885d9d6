//! The fake backend answers what the real commands answer.
//!
//! `contract/session.json` is written by the Rust command tests (tests/commands/contract.rs):
//! a scripted session through the real commands, with every result, error and `data-changed`
//! event. This test replays the same calls against `fake-backend.ts` and compares every answer,
//! normalised the same way (ids as aliases in order of first appearance, no timestamps, ranks or
//! paths). A difference means the fake drifted from Rust: fix the fake, never the fixture.
import { describe, expect, it } from "vitest";
import type { DataChanged } from "../src/api/client";
import session from "./contract/session.json";
import { createFakeBackend, type FakeBackupSeed } from "./fake-backend";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Step = {
  note: string;
  call: string;
  args: Json;
  ok?: Json;
  error?: Json;
  events: Json[];
};

const ID_KEYS = new Set(["id", "fileName"]);
const TIMESTAMP_KEYS = new Set(["createdAt", "updatedAt", "lastChangeAt"]);
const PATH_KEYS = new Set(["databasePath", "path", "folder", "safetyBackup"]);

/**
 * The backups in the recorded file's folder before the session (`seed_backups` in contract.rs),
 * and the automatic one the app made at start, newest first.
 */
const CONTRACT_BACKUPS: FakeBackupSeed[] = [
  { reason: "automatic", daysAgo: 0 },
  { reason: "beforeRepair", daysAgo: 2 },
  { reason: "atExit", daysAgo: 3 },
  { reason: "beforeMigration", daysAgo: 4 },
  { reason: "manual", daysAgo: 5, unreadable: true },
];

class Aliases {
  private readonly byId = new Map<string, string>();

  /** Learns the ids in an answer, in document order (as the Rust side does). */
  learn(value: unknown) {
    if (Array.isArray(value)) {
      for (const entry of value) this.learn(entry);
    } else if (typeof value === "object" && value !== null) {
      // Rust's serde_json orders object keys alphabetically: learn in the same order.
      for (const key of Object.keys(value).sort()) {
        const entry = (value as Record<string, unknown>)[key];
        if (ID_KEYS.has(key) && typeof entry === "string" && !this.byId.has(entry)) {
          this.byId.set(entry, `id-${this.byId.size + 1}`);
        }
        this.learn(entry);
      }
    }
  }

  normalise(value: unknown): Json {
    if (Array.isArray(value)) return value.map((entry) => this.normalise(entry));
    if (typeof value === "object" && value !== null) {
      const out: Record<string, Json> = {};
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        if (TIMESTAMP_KEYS.has(key) && typeof entry === "string") out[key] = "<timestamp>";
        else if (key === "rank" && typeof entry === "string") out[key] = "<rank>";
        else if (PATH_KEYS.has(key) && typeof entry === "string") out[key] = "<path>";
        else if (key === "sizeBytes" && typeof entry === "number") out[key] = "<size>";
        else if (key === "logFolder" && typeof entry === "string") out[key] = "<log folder>";
        else out[key] = this.normalise(entry);
      }
      return out;
    }
    if (typeof value === "string") return this.byId.get(value) ?? this.scoped(value) ?? value;
    return value as Json;
  }

  /** A board row's id (`moscow:<item id>`) with its item id aliased, and a decision's link
   * (`<decision id>:<item id>`) with both, as Rust writes them. */
  private scoped(value: string): string | undefined {
    const colon = value.indexOf(":");
    if (colon <= 0) return undefined;
    const [scope, id] = [value.slice(0, colon), value.slice(colon + 1)];
    const [scopeAlias, idAlias] = [this.byId.get(scope), this.byId.get(id)];
    // A setting's row (`<product id>:interview`) has only its scope aliased.
    if (scopeAlias === undefined && idAlias === undefined) return undefined;
    return `${scopeAlias ?? scope}:${idAlias ?? id}`;
  }

  /** Arguments written with aliases, with the fake's ids put back. */
  resolve(value: Json): Json {
    if (Array.isArray(value)) return value.map((entry) => this.resolve(entry));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, this.resolve(entry)]));
    }
    if (typeof value === "string" && value.startsWith("id-")) {
      for (const [id, alias] of this.byId) if (alias === value) return id;
      throw new Error(`no id is known as ${value}`);
    }
    return value;
  }
}

const steps = (session as unknown as { steps: Step[] }).steps;

describe("the fake backend against the contract recorded from the real commands", () => {
  it("has a recorded session to replay", () => {
    expect(steps.length).toBeGreaterThan(50);
  });

  it("answers every call of the session as Rust did", () => {
    const fake = createFakeBackend({ empty: true, backups: CONTRACT_BACKUPS });
    const aliases = new Aliases();
    let events: DataChanged[] = [];
    fake.onChange((change) => events.push(change));

    steps.forEach((step, index) => {
      events = [];
      const where = `step ${index + 1}: ${step.call} ${JSON.stringify(step.args)}${step.note ? ` (${step.note})` : ""}`;
      const args = aliases.resolve(step.args) as Record<string, unknown>;
      let answer: { ok: Json } | { error: Json };
      try {
        const value = fake.handle(step.call, args);
        aliases.learn(value);
        answer = { ok: aliases.normalise(value) };
      } catch (error) {
        answer = { error: aliases.normalise(error) };
      }
      const expected = step.error !== undefined ? { error: step.error } : { ok: step.ok ?? null };
      expect(answer, where).toEqual(expected);
      expect(aliases.normalise(events), `${where}: data-changed events`).toEqual(step.events);
    });
  });
});
