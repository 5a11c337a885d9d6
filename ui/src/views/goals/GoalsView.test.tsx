import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { AppStatus, Goal } from "../../api";
import { Workspace } from "../../shell/Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openGoals() {
  window.history.replaceState(null, "", "#/products/p-demo/goals");
  return renderWithBackend(<Workspace status={status} />);
}

type Fake = ReturnType<typeof openGoals>["fake"];

function addGoal(fake: Fake, title: string): Goal {
  const saved = fake.handle("create_goal", { productId: "p-demo", fields: { title, description: "" } }) as { value: Goal };
  return saved.value;
}

describe("the Goals view", () => {
  it("is a view with its sidebar entry, and says what to do while it is empty", async () => {
    openGoals();
    await screen.findByRole("heading", { level: 1, name: "Goals" });
    expect(await screen.findByRole("heading", { name: "No goals yet" })).toBeInTheDocument();
    const entries = screen.getAllByRole("button", { name: "Goals" });
    expect(entries.some((entry) => entry.getAttribute("aria-current") === "page")).toBe(true);
  });

  it("adds a goal and a key result, and shows Rust's progress as a bar with its percentage", async () => {
    const user = userEvent.setup();
    openGoals();
    await user.click(await screen.findByRole("button", { name: "Add goal" }));
    const dialog = await screen.findByRole("dialog", { name: "Add goal" });
    await user.type(within(dialog).getByRole("textbox", { name: "Objective" }), "Get paid faster");
    await user.click(within(dialog).getByRole("button", { name: "Add goal" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(announcement()).toBe("Added the goal “Get paid faster”");
    expect(await screen.findByRole("heading", { name: "Get paid faster" })).toBeInTheDocument();
    expect(screen.getByText("No key results yet")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Add key result to “Get paid faster”" }));
    const krDialog = await screen.findByRole("dialog", { name: "Add a key result to “Get paid faster”" });
    await user.type(within(krDialog).getByRole("textbox", { name: "Metric" }), "Days to payment");
    await user.type(within(krDialog).getByRole("textbox", { name: "Unit" }), "days");
    await user.type(within(krDialog).getByRole("spinbutton", { name: "Baseline" }), "34");
    await user.type(within(krDialog).getByRole("spinbutton", { name: "Target" }), "24");
    await user.type(within(krDialog).getByRole("spinbutton", { name: "Current value" }), "29");
    await user.click(within(krDialog).getByRole("button", { name: "Add key result" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    // Churn-like: the target below the baseline, half way there.
    const bar = await screen.findByRole("progressbar", { name: "Progress of “Days to payment”" });
    expect(bar).toHaveAttribute("aria-valuenow", "50");
    expect(screen.getByRole("progressbar", { name: "Progress of “Get paid faster”" })).toHaveAttribute("aria-valuetext", "50 %");
    expect(screen.getByRole("list", { name: "Key results of Get paid faster" })).toHaveTextContent("34 days → 29 days → 24 days");
  });

  it("shows Rust's refusal beside the field it names, and keeps the dialog open", async () => {
    const user = userEvent.setup();
    const { fake } = openGoals();
    addGoal(fake, "Grow");
    await user.click(await screen.findByRole("button", { name: "Add key result to “Grow”" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a key result to “Grow”" });
    await user.type(within(dialog).getByRole("textbox", { name: "Metric" }), "Users");
    await user.type(within(dialog).getByRole("spinbutton", { name: "Baseline" }), "5");
    await user.type(within(dialog).getByRole("spinbutton", { name: "Target" }), "5");
    await user.click(within(dialog).getByRole("button", { name: "Add key result" }));
    const target = within(dialog).getByRole("spinbutton", { name: "Target" });
    await waitFor(() =>
      expect(target).toHaveAccessibleDescription(
        "The target must differ from the baseline (5): a key result measures a change. Where it should get to; it may be below the baseline.",
      ),
    );
    expect(target).toHaveAttribute("aria-invalid", "true");
  });

  it("lists the items linked to a goal and the themes with theirs; undo brings a deleted goal back", async () => {
    const user = userEvent.setup();
    const { fake } = openGoals();
    const goal = addGoal(fake, "Trust");
    fake.handle("set_item_plan_link", { itemId: "i-1", link: "goal", targetId: goal.id });
    fake.handle("create_theme", { productId: "p-demo", fields: { name: "Sync", description: "Banks." } });
    const card = (await screen.findByRole("heading", { name: "Trust" })).closest("li") as HTMLElement;
    await waitFor(() => expect(card).toHaveTextContent("1 item: Bank sync"));
    expect(within(screen.getByRole("list", { name: "Themes" })).getByText("Sync")).toBeInTheDocument();

    await user.click(within(card).getByRole("button", { name: "Delete goal “Trust”" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Trust" })).not.toBeInTheDocument());
    expect(announcement()).toBe("Deleted the goal “Trust”. Undo brings it back.");
    fake.handle("undo", {});
    expect(await screen.findByRole("heading", { name: "Trust" })).toBeInTheDocument();
  });
});
