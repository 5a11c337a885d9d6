import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { announcement, renderWithBackend, withFakeBackend } from "../../../test/render-app";
import type { AppStatus, ReleaseDetail } from "../../api";
import { Workspace } from "../../shell/Workspace";
import { ItemPlanSection } from "./ItemPlanSection";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openReleases() {
  window.history.replaceState(null, "", "#/products/p-demo/releases");
  return renderWithBackend(<Workspace status={status} />);
}

type Fake = ReturnType<typeof openReleases>["fake"];

const release = (fake: Fake, name: string, capacity: number | null) =>
  (
    fake.handle("create_release", {
      productId: "p-demo",
      fields: { name, startsOn: "2026-04-01", endsOn: "2026-06-30", capacity, capacityUnit: capacity === null ? null : "person_months" },
    }) as { value: ReleaseDetail }
  ).value.release;

/** RICE effort and MoSCoW, the inputs a release's load reads (a state the contract recorded). */
const size = (fake: Fake, itemId: string, effort: number, moscow: string) =>
  fake.handle("set_score_inputs", {
    itemIds: [itemId],
    changes: [
      { input: "riceEffort", value: effort },
      { input: "moscow", value: moscow },
    ],
  });

describe("the Releases view", () => {
  it("adds a release through the dialog, with Rust's refusal beside the field it names", async () => {
    const user = userEvent.setup();
    openReleases();
    expect(await screen.findByRole("heading", { name: "No releases yet" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add release" }));
    const dialog = await screen.findByRole("dialog", { name: "Add release" });
    await user.type(within(dialog).getByRole("textbox", { name: "Name" }), "2.0");
    await user.type(within(dialog).getByLabelText("Starts on"), "2026-06-30");
    await user.type(within(dialog).getByLabelText("Ends on"), "2026-04-01");
    await user.click(within(dialog).getByRole("button", { name: "Add release" }));
    const ends = within(dialog).getByLabelText("Ends on");
    await waitFor(() => expect(ends).toHaveAccessibleDescription("The release cannot end (2026-04-01) before it starts (2026-06-30)."));

    await user.clear(ends);
    await user.type(ends, "2026-09-30");
    await user.type(within(dialog).getByRole("spinbutton", { name: "Capacity" }), "24");
    await user.click(within(dialog).getByRole("button", { name: "Add release" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(announcement()).toBe("Added the release “2.0”");
    expect(await screen.findByText("0 of 24 person-months (0 %)")).toBeInTheDocument();
  });

  it("shows the load against capacity, over capacity in words, the Musts warning and the unsized items", async () => {
    const { fake } = openReleases();
    const full = release(fake, "1.4", 4);
    size(fake, "i-1", 3, "must");
    size(fake, "i-2", 2, "should");
    for (const itemId of ["i-1", "i-2", "i-3"]) fake.handle("set_item_plan_link", { itemId, link: "release", targetId: full.id });

    const card = (await screen.findByRole("heading", { name: "1.4" })).closest("li") as HTMLElement;
    await waitFor(() => expect(card).toHaveTextContent("5 of 4 person-months (125 %): over capacity by 1 person-month"));
    expect(within(card).getByRole("meter", { name: "Load of “1.4”" })).toHaveAttribute("aria-valuenow", "100");
    expect(card).toHaveTextContent("Musts take 60 % of this release’s load (3 of 5 person-months).");
    expect(card).toHaveTextContent("1 item has no RICE effort and is not counted: “Shared budgets”.");
    const items = within(card).getByRole("list", { name: "Items of 1.4" });
    expect(within(items).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Bank sync3 person-months",
      "Spending insights2 person-months",
      "Shared budgetsno size",
    ]);
  });

  it("lists milestones by date with their release", async () => {
    const { fake } = openReleases();
    const beta = release(fake, "1.5", null);
    fake.handle("create_milestone", { productId: "p-demo", fields: { name: "Beta launch", fallsOn: "2026-05-15", releaseId: beta.id } });
    fake.handle("create_milestone", { productId: "p-demo", fields: { name: "Kick-off", fallsOn: "2026-03-02", releaseId: null } });
    const list = await screen.findByRole("list", { name: "Milestones" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(2));
    const [first, second] = within(list).getAllByRole("listitem");
    expect(first).toHaveTextContent("Kick-off");
    expect(second).toHaveTextContent("Beta launch1.5");
  });
});

describe("the item panel's goal, theme and release", () => {
  it("assigns the item to a release in one undo step and announces it", async () => {
    const user = userEvent.setup();
    const { fake, queryClient } = withFakeBackend();
    const created = release(fake, "2.0", 24);
    render(
      <QueryClientProvider client={queryClient}>
        <ItemPlanSection item={{ id: "i-1", productId: "p-demo", title: "Bank sync" }} />
        <div id="announcements" />
      </QueryClientProvider>,
    );
    const picker = await screen.findByRole("combobox", { name: "Release" });
    await waitFor(() => expect(within(picker).getByRole("option", { name: "2.0" })).toBeInTheDocument());
    await user.selectOptions(picker, "2.0");
    await waitFor(() => expect(picker).toHaveValue(created.id));
    expect(fake.handle("get_history", {})).toMatchObject({ undoLabel: "Assign “Bank sync” to release “2.0”" });
    expect(screen.getByRole("combobox", { name: "Goal" })).toHaveValue("");
  });
});
