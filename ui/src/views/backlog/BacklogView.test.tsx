import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithBackend } from "../../../test/render-app";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import type { Product } from "../../api";
import { BacklogView } from "./BacklogView";

const product: Product = {
  id: "p-demo",
  name: "Pocket Budget",
  vision: "",
  strategy: "",
  targetUsers: "",
  northStarMetric: "",
  createdAt: "2026-01-05T09:00:00Z",
  updatedAt: "2026-01-05T09:00:00Z",
};

function renderBacklog() {
  return renderWithBackend(<BacklogView product={product} statusOptions={STATUS_OPTIONS} />);
}

const rowLabels = () =>
  within(screen.getByRole("list", { name: "Ranked backlog" }))
    .getAllByRole("listitem")
    .map((row) => row.getAttribute("aria-label"));

describe("BacklogView", () => {
  it("renders the ranked rows with position, title, status and kind", async () => {
    renderBacklog();
    const first = await screen.findByRole("listitem", { name: "1. Bank sync" });
    expect(first).toHaveAttribute("data-item-id", "i-1");
    expect(first).toHaveAttribute("tabindex", "0");
    expect(first).toHaveTextContent("In progress");
    expect(first).toHaveTextContent("Feature");
    expect(rowLabels()).toHaveLength(6);
  });

  it("row menu Move to top calls moveItem with {to: 'top'} and shows the backend's order", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("listitem", { name: "1. Bank sync" });

    await user.click(screen.getByRole("button", { name: "Actions for Receipt capture" }));
    await user.click(await screen.findByRole("menuitem", { name: "Move to top" }));

    await waitFor(() => expect(rowLabels()[0]).toBe("1. Receipt capture"));
    expect(fake.calls.filter((call) => call.command === "move_item")).toEqual([
      { command: "move_item", args: { id: "i-4", target: { to: "top" } } },
    ]);
    expect(rowLabels()).toEqual(fake.titles().map((title, index) => `${index + 1}. ${title}`));
    expect(screen.getByRole("status")).toHaveTextContent("“Receipt capture” moved to position 1 of 6");
  });

  it("disables the upward moves on the first row and the downward ones on the last", async () => {
    const user = userEvent.setup();
    renderBacklog();
    await screen.findByRole("listitem", { name: "1. Bank sync" });

    await user.click(screen.getByRole("button", { name: "Actions for Bank sync" }));
    expect(await screen.findByRole("menuitem", { name: "Move up" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("menuitem", { name: "Move to top" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("menuitem", { name: "Move down" })).not.toHaveAttribute("aria-disabled");
    await user.keyboard("{Escape}");

    await user.click(screen.getByRole("button", { name: "Actions for Export to CSV" }));
    expect(await screen.findByRole("menuitem", { name: "Move down" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("menuitem", { name: "Move to bottom" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("menuitem", { name: "Move up" })).not.toHaveAttribute("aria-disabled");
  });

  it("moves the focused row with Alt+ArrowDown and keeps focus on it", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const row = await screen.findByRole("listitem", { name: "2. Spending insights" });
    act(() => row.focus());
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");

    await waitFor(() => expect(row).toHaveAttribute("aria-label", "3. Spending insights"));
    expect(row).toHaveFocus();
    expect(fake.calls.find((call) => call.command === "move_item")?.args).toEqual({ id: "i-2", target: { to: "down" } });
    expect(screen.getByRole("status")).toHaveTextContent("“Spending insights” moved to position 3 of 6");
  });

  it("does not call the backend for a move past the top, and says why", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    const row = await screen.findByRole("listitem", { name: "1. Bank sync" });
    act(() => row.focus());
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(fake.calls.some((call) => call.command === "move_item")).toBe(false);
    expect(screen.getByRole("status")).toHaveTextContent("“Bank sync” is already at the top");
  });

  it("does not quote again a title that already starts with a quote", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("listitem", { name: "1. Bank sync" });
    const title = "“Safe to spend” figure on the home screen";
    act(() => void fake.handle("create_item", { input: { productId: "p-demo", title, description: null, status: null, kind: null } }));
    await screen.findByRole("listitem", { name: `7. ${title}` });

    await user.click(screen.getByRole("button", { name: `Actions for ${title}` }));
    await user.click(await screen.findByRole("menuitem", { name: "Move to top" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(`${title} moved to position 1 of 7`));
    expect(screen.getByRole("status").textContent).toBe("“Safe to spend” figure on the home screen moved to position 1 of 7");
  });

  it("shows the backend's Invalid reason as an alert when adding an empty title", async () => {
    const user = userEvent.setup();
    renderBacklog();
    await screen.findByRole("listitem", { name: "1. Bank sync" });
    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("An item needs a title.");
  });

  it("refreshes when the backend reports a change (e.g. an undo from elsewhere)", async () => {
    const { fake } = renderBacklog();
    await screen.findByRole("listitem", { name: "1. Bank sync" });
    // A change the UI did not make: the fake emits `data-changed`, which the app listens to.
    act(() => void fake.handle("move_item", { id: "i-6", target: { to: "top" } }));
    await waitFor(() => expect(rowLabels()[0]).toBe("1. Export to CSV"));
  });

  it("filters by status without reordering, and moves relative to the visible rows", async () => {
    const user = userEvent.setup();
    const { fake } = renderBacklog();
    await screen.findByRole("listitem", { name: "1. Bank sync" });

    await user.click(screen.getByRole("button", { name: /Show/ }));
    await user.click(await screen.findByRole("option", { name: "Idea" }));
    await waitFor(() => expect(rowLabels()).toEqual(["4. Receipt capture", "6. Export to CSV"]));

    await user.click(screen.getByRole("button", { name: "Actions for Export to CSV" }));
    await user.click(await screen.findByRole("menuitem", { name: "Move up" }));
    await waitFor(() => expect(rowLabels()).toEqual(["4. Export to CSV", "5. Receipt capture"]));
    expect(fake.calls.find((call) => call.command === "move_item")?.args).toEqual({
      id: "i-6",
      target: { to: "before", itemId: "i-4" },
    });
  });
});
