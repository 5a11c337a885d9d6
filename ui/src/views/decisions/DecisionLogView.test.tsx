import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { AppStatus, Decision } from "../../api";
import { Workspace } from "../../shell/Workspace";
import { setDecisionFilter } from "./decisionFilter";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openLog() {
  window.history.replaceState(null, "", "#/products/p-demo/decisions");
  return renderWithBackend(<Workspace status={status} />);
}

const log = () => screen.getByRole("list", { name: "Decisions" });
const rows = () => within(log()).getAllByRole("article");
const record = (fake: ReturnType<typeof openLog>["fake"], decision: string, itemIds: string[], day = "2026-01-02") =>
  fake.handle("create_decision", {
    input: { productId: "p-demo", decidedOn: day, decision, rationale: `Because of ${decision}.`, itemIds },
  });

describe("the decision log", () => {
  beforeEach(() => setDecisionFilter("p-demo", null));

  it("is a view with its sidebar entry, and says what it is for while it is empty", async () => {
    openLog();
    await screen.findByRole("heading", { level: 1, name: "Decision log" });
    expect(await screen.findByRole("heading", { name: "No decisions yet" })).toBeInTheDocument();
    expect(screen.getByText(/keeps why the backlog is in its order/)).toBeInTheDocument();
    const entries = screen.getAllByRole("button", { name: "Decision log" });
    expect(entries.some((entry) => entry.getAttribute("aria-current") === "page")).toBe(true);
  });

  it("records a decision with the dialog: today by default, items found by typing", async () => {
    const user = userEvent.setup();
    const { fake } = openLog();
    await user.click(await screen.findByRole("button", { name: "Record decision…" }));
    const dialog = await screen.findByRole("dialog", { name: "Record decision" });
    await user.type(within(dialog).getByRole("textbox", { name: "Decision" }), "Ship bank sync first");
    await user.type(within(dialog).getByRole("textbox", { name: "Rationale" }), "Half the churn interviews named it.");
    const today = new Date();
    const pad = (value: number) => String(value).padStart(2, "0");
    expect(within(dialog).getByLabelText("Decided on")).toHaveValue(`${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`);
    await user.type(within(dialog).getByRole("searchbox", { name: "Find items" }), "sync");
    const options = within(dialog).getByRole("list", { name: "Matching items" });
    expect(within(options).getAllByRole("checkbox").map((box) => box.closest("label")?.textContent)).toEqual(["Bank sync"]);
    await user.click(within(options).getByRole("checkbox", { name: "Bank sync" }));
    await user.click(within(dialog).getByRole("button", { name: "Record decision" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(announcement()).toBe("Recorded the decision “Ship bank sync first”");
    const [row] = rows();
    expect(row).toHaveAccessibleName("Ship bank sync first");
    expect(row).toHaveTextContent("Half the churn interviews named it.");
    expect(within(row as HTMLElement).getByRole("list", { name: "Items it is about" })).toHaveTextContent("Bank sync");
    const stored = fake.handle("list_decisions", { productId: "p-demo", itemId: "i-1" }) as Decision[];
    expect(stored.map((decision) => decision.decision)).toEqual(["Ship bank sync first"]);
  });

  it("shows Rust's refusal beside the field it names, and keeps the dialog open", async () => {
    const user = userEvent.setup();
    openLog();
    await user.click(await screen.findByRole("button", { name: "Record decision…" }));
    const dialog = await screen.findByRole("dialog", { name: "Record decision" });
    await user.type(within(dialog).getByRole("textbox", { name: "Decision" }), "Ship it");
    await user.click(within(dialog).getByRole("button", { name: "Record decision" }));
    const rationale = within(dialog).getByRole("textbox", { name: "Rationale" });
    await waitFor(() => expect(rationale).toHaveAccessibleDescription("Give the decision a rationale: why was it taken?"));
    expect(rationale).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("dialog", { name: "Record decision" })).toBeInTheDocument();
  });

  it("edits, links and unlinks items, and deletes, each from the row's menu or keys", async () => {
    const user = userEvent.setup();
    const { fake } = openLog();
    record(fake, "Ship bank sync first", ["i-1"]);
    await screen.findByRole("article", { name: "Ship bank sync first" });
    const row = () => screen.getByRole("article", { name: /bank sync/i });

    row().focus();
    await user.keyboard("{Enter}");
    const edit = await screen.findByRole("dialog", { name: "Edit decision" });
    const text = within(edit).getByRole("textbox", { name: "Decision" });
    await user.clear(text);
    await user.type(text, "Ship bank sync before insights");
    await user.click(within(edit).getByRole("button", { name: "Save" }));
    await screen.findByRole("article", { name: "Ship bank sync before insights" });
    expect((fake.handle("get_history", {}) as { undoLabel: string }).undoLabel).toBe("Edit decision “Ship bank sync before insights”");

    await user.click(within(row()).getByRole("button", { name: "Actions for the decision “Ship bank sync before insights”" }));
    await user.click(await screen.findByRole("menuitem", { name: /Link items/ }));
    const linking = await screen.findByRole("dialog", { name: /Items of/ });
    await user.click(within(linking).getByRole("checkbox", { name: "Spending insights" }));
    await user.click(within(linking).getByRole("button", { name: "Save items" }));
    await waitFor(() => expect(within(row()).getByRole("list", { name: "Items it is about" })).toHaveTextContent("Spending insights"));
    expect((fake.handle("get_history", {}) as { undoLabel: string }).undoLabel).toBe(
      "Link “Spending insights” to decision “Ship bank sync before insights”",
    );

    await user.click(within(row()).getByRole("button", { name: "Unlink “Bank sync”" }));
    await waitFor(() => expect(within(row()).getByRole("list", { name: "Items it is about" })).not.toHaveTextContent("Bank sync"));

    row().focus();
    await user.keyboard("{Delete}");
    const confirm = await screen.findByRole("alertdialog", { name: "Delete the decision “Ship bank sync before insights”?" });
    await user.click(within(confirm).getByRole("button", { name: "Delete decision" }));
    await screen.findByRole("heading", { name: "No decisions yet" });
    expect(announcement()).toBe("Deleted the decision “Ship bank sync before insights”. Press Ctrl+Z to undo.");
  });

  it("filters by item, newest first, and says so", async () => {
    const user = userEvent.setup();
    const { fake } = openLog();
    record(fake, "Older", ["i-1"], "2026-01-01");
    record(fake, "About insights", ["i-2"], "2026-01-03");
    record(fake, "Newest", ["i-1", "i-2"], "2026-01-04");
    await screen.findByRole("article", { name: "Older" });
    expect(rows().map((row) => row.getAttribute("aria-labelledby") && within(row).getByRole("heading").textContent)).toEqual([
      "Newest",
      "About insights",
      "Older",
    ]);
    await user.click(screen.getByRole("button", { name: /About$/ }));
    // Only the items a decision is about are offered (not every item of the backlog).
    expect((await screen.findAllByRole("option")).map((option) => option.textContent)).toHaveLength(3);
    await user.click(await screen.findByRole("option", { name: "Bank sync" }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText("2 decisions, newest first, about “Bank sync”")).toBeInTheDocument();
  });
});
