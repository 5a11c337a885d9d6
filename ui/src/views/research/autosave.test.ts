import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosave, type SaveStatus } from "./autosave";

function setup(save: (text: string) => Promise<unknown> = () => Promise.resolve()) {
  const statuses: SaveStatus[] = [];
  const saves: string[] = [];
  const autosave = createAutosave({
    initial: "",
    delayMs: 500,
    onStatus: (status) => statuses.push(status),
    save: (text) => {
      saves.push(text);
      return save(text);
    },
  });
  return { autosave, statuses, saves };
}

describe("autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once typing pauses, the newest text only", async () => {
    const { autosave, statuses, saves } = setup();
    autosave.edit("H");
    autosave.edit("He");
    autosave.edit("Hey");
    expect(autosave.status()).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(499);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual(["Hey"]);
    expect(autosave.status()).toBe("saved");
    expect(statuses).toEqual(["unsaved", "saving", "saved"]);
  });

  it("flush saves at once and waits for the save", async () => {
    const { autosave, saves } = setup();
    autosave.edit("typed just before closing");
    await autosave.flush();
    expect(saves).toEqual(["typed just before closing"]);
    expect(autosave.saved()).toBe("typed just before closing");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(1);
  });

  it("keystrokes typed while a save is on its way are saved next, none lost", async () => {
    let release: () => void = () => undefined;
    const { autosave, saves } = setup(
      (text) => (text === "a" ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    );
    autosave.edit("a");
    const first = autosave.flush();
    autosave.edit("ab");
    const second = autosave.flush();
    expect(autosave.status()).toBe("saving");
    release();
    await first;
    await second;
    expect(saves).toEqual(["a", "ab"]);
    expect(autosave.saved()).toBe("ab");
    expect(autosave.status()).toBe("saved");
  });

  it("a failed save leaves the text unsaved until the next edit saves it", async () => {
    let fail = true;
    const { autosave, saves } = setup(() => (fail ? Promise.reject(new Error("disk full")) : Promise.resolve()));
    autosave.edit("x");
    await autosave.flush();
    expect(autosave.status()).toBe("failed");
    expect(autosave.saved()).toBe("");
    fail = false;
    autosave.edit("xy");
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toEqual(["x", "xy"]);
    expect(autosave.status()).toBe("saved");
  });

  it("typing back to the saved text needs no save", async () => {
    const { autosave, saves } = setup();
    autosave.edit("a");
    autosave.edit("");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([]);
    expect(autosave.status()).toBe("saved");
  });
});
