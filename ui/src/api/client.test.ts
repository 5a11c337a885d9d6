import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { AppErrorException, backend, toUiError, unwrap, type CommandResult } from "./client";
import { describeError } from "./errors";

/** Tauri rejects a failed command with the serialised error value itself, not an `Error`. */
function rejectLikeTauri(value: unknown): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(value);
}

describe("unwrap", () => {
  it("returns the data of an ok result", async () => {
    await expect(unwrap(Promise.resolve({ status: "ok", data: [1, 2] } as CommandResult<number[]>))).resolves.toEqual([1, 2]);
  });

  it("throws an AppErrorException carrying the typed error", async () => {
    const error = { kind: "Invalid", detail: { field: "title", reason: "An item needs a title." } } as const;
    const thrown = await unwrap(Promise.resolve({ status: "error", error } as CommandResult<null>)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AppErrorException);
    expect((thrown as AppErrorException).error).toEqual(error);
    expect((thrown as AppErrorException).message).toBe("An item needs a title.");
  });

  it("turns a rejection that is not an AppError into an Unexpected error", async () => {
    const thrown = await unwrap(Promise.reject(new Error("no runtime"))).catch((e: unknown) => e);
    expect((thrown as AppErrorException).error).toEqual({ kind: "Unexpected", detail: { message: "no runtime" } });
  });
});

describe("backend (through Tauri's IPC)", () => {
  it("invokes the snake_case command with camelCase arguments and returns its data", async () => {
    const seen: { command: string; args: unknown }[] = [];
    mockIPC((command, args) => {
      seen.push({ command, args });
      return { id: "i-1", position: 1 };
    });
    await expect(backend.moveItem("i-1", { to: "top" })).resolves.toEqual({ id: "i-1", position: 1 });
    await backend.listItems("p-1");
    expect(seen).toEqual([
      { command: "move_item", args: { id: "i-1", target: { to: "top" } } },
      { command: "list_items", args: { productId: "p-1" } },
    ]);
  });

  it("throws the AppError a command rejects with", async () => {
    mockIPC(() => rejectLikeTauri({ kind: "DiskFull", detail: { message: "No space left on device" } }));
    const thrown = await backend.createProduct("Atlas").catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AppErrorException);
    expect(toUiError(thrown)).toEqual({ kind: "DiskFull", detail: { message: "No space left on device" } });
  });

  it("treats a plain string rejection (e.g. an unknown command) as Unexpected", async () => {
    mockIPC(() => rejectLikeTauri("command get_history not found"));
    const thrown = await backend.getHistory().catch((e: unknown) => e);
    expect(toUiError(thrown)).toEqual({ kind: "Unexpected", detail: { message: "command get_history not found" } });
  });
});

describe("describeError", () => {
  it("shows an Invalid reason exactly as Rust worded it", () => {
    expect(describeError({ kind: "Invalid", detail: { field: "title", reason: "A title can be at most 300 characters long." } })).toBe(
      "A title can be at most 300 characters long.",
    );
  });

  it("shows the messages Rust words for the person, as full sentences", () => {
    expect(describeError({ kind: "DiskFull", detail: { message: "Your disk is full, so nothing was saved. Free some space and try again." } })).toBe(
      "Your disk is full, so nothing was saved. Free some space and try again.",
    );
    expect(describeError({ kind: "NotFound", detail: { entity: "Item", id: "i-9" } })).toBe(
      "This item no longer exists — it may have been deleted or undone.",
    );
    expect(describeError({ kind: "Storage", detail: { message: "Northstar couldn’t read or save your data. Nothing was changed." } })).toBe(
      "Northstar couldn’t read or save your data. Nothing was changed.",
    );
    expect(describeError({ kind: "DatabaseUnavailable", detail: { message: "This file was moved" } })).toBe(
      "This file was moved.",
    );
    expect(describeError({ kind: "Conflict", detail: { message: "There is nothing to undo." } })).toBe(
      "There is nothing to undo.",
    );
    expect(describeError(toUiError("boom"))).toBe("Something unexpected went wrong. boom.");
  });
});
