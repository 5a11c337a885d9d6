import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { Product } from "../../api";
import { announce } from "../../feedback/announcer";
import { resetBacklogPrefsCache } from "./backlogPrefs";
import { BacklogView } from "./BacklogView";

afterEach(() => {
  window.localStorage.clear();
  resetBacklogPrefsCache();
});

const product: Product = {
  id: "p-demo",
  name: "Pocket Budget",
  vision: "",
  strategy: "",
  targetUsers: "",
  northStarMetric: "",
  iceMode: "product",
  createdAt: "2026-01-05T09:00:00Z",
  updatedAt: "2026-01-05T09:00:00Z",
};

function renderBacklog(options: Parameters<typeof renderWithBackend>[1] = {}) {
  return renderWithBackend(<BacklogView product={product} statusOptions={STATUS_OPTIONS} />, options);
}

const grid = () => screen.getByRole("grid", { name: "Ranked backlog" });
const rows = () => within(grid()).getAllByRole("row").filter((row) => row.hasAttribute("data-row-id"));
const rowNames = () => rows().map((row) => row.getAttribute("aria-label"));
const row = (name: RegExp | string) => within(grid()).getByRole("row", { name });

describe("BacklogView", () => {
  it("shows a grid of ranked rows named by position, title, kind and status, with one tab stop", async () => {
    renderBacklog();
    const first = await screen.findByRole("row", { name: "1. Bank sync, Feature, In progress" });
    expect(first).toHaveTextContent("Connect bank accounts so transactions import by themselves.");
    expect(rowNames()).toHaveLength(6);
    expect(rows().filter((candidate) => candidate.tabIndex === 0)).toEqual([first]);
    expect(within(grid()).getAllByRole("columnheader").map((header) => header.textContent)).toEqual([
      "#",
      "Title",
      "RICE",
      "MoSCoW",
      "Kind",
      "Status",
      "Actions",
    ]);
  });

  it("moves the focus with the arrows and keeps a single tab stop on the focused row", async () => {
    const user = userEvent.setup();
    renderBacklog();
    const first = await screen.findByRole("row", { name: /^1\. Bank sync/ });
    act(() => first.focus());
    await user.keyboard("{ArrowDown}");
    const second = row(/^2\. Spending insights/);
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute("tabindex", "0");
    expect(first).toHaveAttribute("tabindex", "-1");
    await user.keyboard("{End}");
    expect(row(/^6\. Export to CSV/)).toHaveFocus();
  });

  it("moves the focused row with Alt+ArrowDown, keeps focus on it and announces it once", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const moving = await screen.findByRole("row", { name: /^2\. Spending insights/ });
    act(() => moving.focus());
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");

    await waitFor(() => expect(announcement()).toBe("“Spending insights” moved to position 3 of 6"));
    expect(rowNames()[2]).toBe("3. Spending insights, Opportunity, Ready");
    expect(row(/Spending insights/)).toHaveFocus();
    expect(fake.calls.filter((call) => call.command === "move_item").map((call) => call.args)).toEqual([
      { id: "i-2", target: { to: "down" } },
    ]);
    expect(fake.titles()).toEqual(rowNames().map((name) => name?.replace(/^\d+\. /, "").split(",")[0]));
  });

  it("does not call the backend for a move past the top, and says why", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const first = await screen.findByRole("row", { name: /^1\. Bank sync/ });
    act(() => first.focus());
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(fake.calls.some((call) => call.command === "move_item")).toBe(false);
    expect(announcement()).toBe("“Bank sync” is already at the top");
  });

  it("row menu: moves are disabled at the ends, Move to top moves and the order is Rust's", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("row", { name: /^1\. Bank sync/ });
    await user.click(screen.getByRole("button", { name: "Actions for “Bank sync”" }));
    // Each item is named by what it shows: its label and its first shortcut.
    expect(await screen.findByRole("menuitem", { name: "Move up, Alt+↑" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("menuitem", { name: "Move to top, Alt+Shift+↑" })).toHaveAttribute("aria-disabled", "true");
    await user.keyboard("{Escape}");

    await user.click(screen.getByRole("button", { name: "Actions for “Receipt capture”" }));
    await user.click(await screen.findByRole("menuitem", { name: "Move to top, Alt+Shift+↑" }));
    await waitFor(() => expect(announcement()).toBe("“Receipt capture” moved to position 1 of 6"));
    expect(rowNames()[0]).toBe("1. Receipt capture, Feature, Idea");
    expect(fake.titles()[0]).toBe("Receipt capture");
  });

  it("rolls a failed move back to Rust's order and says why", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const moving = await screen.findByRole("row", { name: /^3\. Shared budgets/ });
    const message = "The order of this backlog is damaged, so the item was not moved. Run “northstar check” for details.";
    fake.failNext("move_item", { kind: "Conflict", detail: { message } });
    act(() => moving.focus());
    await user.keyboard("{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}");
    await waitFor(() => expect(announcement()).toBe(`“Shared budgets” was not moved: ${message}`));
    expect(rowNames()[2]).toBe("3. Shared budgets, Story, Discovery");
    expect(screen.getByRole("alert")).toHaveTextContent(message);
  });

  it("shows Rust's reason when adding an item with an empty title", async () => {
    const user = userEvent.setup();
    renderBacklog();
    await screen.findByRole("row", { name: /^1\. Bank sync/ });
    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Give the item a title.");
  });

  it("refetches when the backend reports a change made elsewhere", async () => {
    const { fake } = renderBacklog();
    await screen.findByRole("row", { name: /^1\. Bank sync/ });
    act(() => void fake.handle("move_item", { id: "i-6", target: { to: "top" } }));
    await waitFor(() => expect(rowNames()[0]).toBe("1. Export to CSV, Story, Idea"));
  });

  it("filters by status without reordering, and moves relative to the visible rows", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("row", { name: /^1\. Bank sync/ });
    await user.click(screen.getByRole("button", { name: /All statuses/ }));
    await user.click(await screen.findByRole("option", { name: "Idea" }));
    await waitFor(() => expect(rowNames()).toEqual(["4. Receipt capture, Feature, Idea", "6. Export to CSV, Story, Idea"]));

    await user.click(screen.getByRole("button", { name: "Actions for “Export to CSV”" }));
    await user.click(await screen.findByRole("menuitem", { name: "Move up, Alt+↑" }));
    await waitFor(() => expect(rowNames()).toEqual(["4. Export to CSV, Story, Idea", "5. Receipt capture, Feature, Idea"]));
    expect(fake.calls.find((call) => call.command === "move_item")?.args).toEqual({
      id: "i-6",
      target: { to: "before", itemId: "i-4" },
    });
  });

  it("shows a failed load in place with a retry, never as an empty backlog", async () => {
    const user = userEvent.setup();
    const message = "Northstar couldn’t read or save your data. Nothing was changed.";
    renderBacklog({ failFirst: { list_items: { kind: "Storage", detail: { message } } } });
    const failure = await screen.findByRole("alert");
    expect(failure).toHaveTextContent("The backlog couldn’t be loaded.");
    expect(failure).toHaveTextContent(message);
    expect(screen.queryByText("The backlog is empty")).toBeNull();
    expect(screen.queryByRole("textbox", { name: "New item title" })).toBeNull();
    await user.click(within(failure).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("row", { name: /^1\. Bank sync/ })).toBeInTheDocument();
  });

  it("asks before deleting, with Cancel focused, and keeps the keyboard on the next row", async () => {
    const user = userEvent.setup();
    renderBacklog();
    const doomed = await screen.findByRole("row", { name: /^2\. Spending insights/ });
    act(() => doomed.focus());
    await user.keyboard("{Delete}");
    const confirm = await screen.findByRole("alertdialog", { name: "Delete “Spending insights”?" });
    await waitFor(() => expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus());
    await user.click(within(confirm).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(rowNames()).toHaveLength(5));
    await waitFor(() => expect(row(/^2\. Shared budgets/)).toHaveFocus());
    expect(announcement()).toBe("“Spending insights” deleted. Press Ctrl+Z to undo.");
  });

  it("opens the editor on the full item, and asks before Escape throws edits away", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const first = await screen.findByRole("row", { name: /^1\. Bank sync/ });
    act(() => first.focus());
    await user.keyboard("{Enter}");
    const editor = await screen.findByRole("dialog", { name: "Edit item" });
    const description = await within(editor).findByRole("textbox", { name: "Description" });
    expect(description).toHaveValue("Connect **bank accounts** so transactions import by themselves.");
    expect(fake.calls.some((call) => call.command === "get_item")).toBe(true);

    // Nothing edited: Escape closes at once.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Edit item" })).toBeNull());

    act(() => row(/^1\. Bank sync/).focus());
    await user.keyboard("{Enter}");
    const title = await screen.findByRole("textbox", { name: "Title" });
    await user.type(title, " v2");
    await user.keyboard("{Escape}");
    const ask = await screen.findByRole("alertdialog", { name: "Discard your changes?" });
    await waitFor(() => expect(within(ask).getByRole("button", { name: "Keep editing" })).toHaveFocus());
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("Bank sync v2");

    await user.keyboard("{Escape}");
    await user.click(await screen.findByRole("button", { name: "Discard changes" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Edit item" })).toBeNull());
    expect(fake.calls.some((call) => call.command === "update_item")).toBe(false);
  });

  it("keeps the editor and its edits when the item can't be read again", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const first = await screen.findByRole("row", { name: /^1\. Bank sync/ });
    act(() => first.focus());
    await user.keyboard("{Enter}");
    const title = await screen.findByRole("textbox", { name: "Title" });
    await user.type(title, " v2");
    const gets = () => fake.calls.filter((call) => call.command === "get_item").length;
    const before = gets();
    fake.failNext("get_item", { kind: "Storage", detail: { message: "disk I/O error" } });
    // A change to the item elsewhere makes the editor read it again, and that read fails.
    act(() => void fake.handle("update_item", { id: "i-1", patch: { title: null, description: null, status: "ready", kind: null } }));
    await waitFor(() => expect(gets()).toBe(before + 1));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("Bank sync v2"));
    expect(screen.queryByText("“Bank sync” couldn’t be opened.")).toBeNull();
  });

  it("saves only the fields edited in the editor, not older values of fields changed meanwhile", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const first = await screen.findByRole("row", { name: /^1\. Bank sync/ });
    act(() => first.focus());
    await user.keyboard("{Enter}");
    const title = await screen.findByRole("textbox", { name: "Title" });
    await user.type(title, " v2");
    // The status changes elsewhere while the editor is open (an undo, another window).
    act(() => void fake.handle("update_item", { id: "i-1", patch: { title: null, description: null, status: "ready", kind: null } }));
    await waitFor(() => expect(fake.calls.filter((call) => call.command === "get_item")).toHaveLength(2));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Edit item" })).toBeNull());
    expect(fake.calls.filter((call) => call.command === "update_item").at(-1)?.args).toEqual({
      id: "i-1",
      patch: { title: "Bank sync v2", description: null, status: null, kind: null },
    });
  });

  it("selects rows with Ctrl and Shift clicks, sets their MoSCoW in one call, and Escape clears the selection", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("row", { name: /^1\. Bank sync/ });
    expect(grid()).toHaveAttribute("aria-multiselectable", "true");
    await user.click(row(/^1\. Bank sync/));
    expect(row(/^1\. Bank sync/)).toHaveAttribute("aria-selected", "false");
    await user.keyboard("{Control>}");
    await user.click(row(/^3\. Shared budgets/));
    await user.keyboard("{/Control}");
    await user.keyboard("{Shift>}");
    await user.click(row(/^4\. Receipt capture/));
    await user.keyboard("{/Shift}");
    expect(rows().filter((candidate) => candidate.getAttribute("aria-selected") === "true").map((candidate) => candidate.getAttribute("aria-label"))).toEqual([
      "3. Shared budgets, Story, Discovery",
      "4. Receipt capture, Feature, Idea",
    ]);

    const toolbar = screen.getByRole("toolbar", { name: "Selected items" });
    expect(toolbar).toHaveTextContent("2 items selected");
    await user.click(within(toolbar).getByRole("button", { name: "Set MoSCoW…" }));
    const dialog = await screen.findByRole("dialog", { name: "Set MoSCoW of 2 items" });
    await user.click(within(dialog).getByRole("radio", { name: "Must" }));
    await user.click(within(dialog).getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(within(row(/^3\. Shared budgets/)).getByText("Must")).toBeInTheDocument());
    expect(within(row(/^4\. Receipt capture/)).getByText("Must")).toBeInTheDocument();
    expect(fake.calls.filter((call) => call.command === "set_score_inputs").map((call) => call.args)).toEqual([
      { itemIds: ["i-3", "i-4"], changes: [{ input: "moscow", value: "must" }] },
    ]);
    expect(announcement()).toMatch(/^MoSCoW of 2 items set to Must\./);

    row(/^4\. Receipt capture/).focus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("toolbar", { name: "Selected items" })).toBeNull();
  });

  it("in a score order, keeps the rows from moving and says why", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("row", { name: /^1\. Bank sync/ });
    await user.click(screen.getByRole("button", { name: /Order$/ }));
    await user.click(await screen.findByRole("option", { name: "RICE score" }));
    expect(await screen.findByText("Sorted by RICE score. Items move in manual rank order only.")).toBeInTheDocument();
    row(/^2\. Spending insights/).focus();
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(announcement()).toBe("Sorted by RICE score. Items move in manual rank order only.");
    act(() => announce(""));
    await user.keyboard(" ");
    expect(announcement()).toBe("Sorted by RICE score. Items move in manual rank order only.");
    expect(fake.calls.some((call) => call.command === "move_item")).toBe(false);
    await user.click(screen.getByRole("button", { name: "Back to manual rank" }));
    expect(screen.queryByText(/Items move in manual rank order only/)).toBeNull();
  });
});
