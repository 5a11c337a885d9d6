import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { renderWithBackend } from "../../../test/render-app";
import type { AppStatus } from "../../api";
import { Workspace } from "../../shell/Workspace";

// A chosen file is one the contract session previewed (tests/commands/contract_import.rs):
// every row, problem, mapping and sentence below is what the real commands answered.
const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openResearch() {
  window.history.replaceState(null, "", "#/products/p-demo/research");
  return renderWithBackend(<Workspace status={status} />);
}

async function chooseFile(path: string) {
  const user = userEvent.setup();
  const rendered = openResearch();
  await screen.findByRole("heading", { level: 1, name: "Research" });
  rendered.fake.chooseFeedbackPath(path);
  await user.click(screen.getByRole("button", { name: "Import feedback…" }));
  const dialog = await screen.findByRole("dialog", { name: "Import feedback" });
  await user.click(within(dialog).getByRole("button", { name: "Choose a CSV file…" }));
  return { user, ...rendered };
}

const importButton = () => screen.getByRole("button", { name: /^Import \d+ notes?$/ });

describe("importing feedback into the research view", () => {
  it("previews a file with problems first and keeps Import unavailable with Rust's reason", async () => {
    const { user, fake } = await chooseFile("<questionnaires>/feedback problems.csv");
    const dialog = await screen.findByRole("dialog", { name: "Import feedback from feedback problems.csv" });
    const table = within(dialog).getByRole("table", { name: "Notes of feedback problems.csv, rows with problems first" });
    const places = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getByRole("rowheader").textContent);
    expect(places).toEqual(["line 3", "line 4", "line 5", "line 6", "line 2"]);
    expect(within(table).getByText("The body is empty: there is no feedback to import.")).toBeInTheDocument();
    expect(within(table).getByText("“chat” is not a note type: imported as a support ticket.")).toBeInTheDocument();
    expect(importButton()).toHaveAttribute("aria-disabled", "true");
    expect(importButton()).toHaveAccessibleDescription("3 rows have problems: fix them in the file, then preview it again.");
    await user.click(importButton());
    expect(fake.calls.some((call) => call.command === "import_feedback")).toBe(false);
  });

  it("lets the user map the body column, then imports in one undo step and opens the first note", async () => {
    const { user, fake } = await chooseFile("<questionnaires>/survey.csv");
    await screen.findByText("No column is mapped to the body: choose the column that holds the feedback text.");
    expect(importButton()).toHaveAttribute("aria-disabled", "true");
    // The mapping Rust detected is preselected: nothing.
    await user.click(screen.getByRole("button", { name: /^None Day$/ }));
    await user.click(await screen.findByRole("option", { name: "When" }));
    await screen.findByRole("button", { name: /^When Day$/ });
    await user.click(screen.getByRole("button", { name: /^None Body$/ }));
    await user.click(await screen.findByRole("option", { name: "Verbatim" }));
    await screen.findByRole("cell", { name: /Exporting takes minutes/ });
    expect(importButton()).toHaveAttribute("aria-disabled", "false");
    await user.click(importButton());
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByRole("textbox", { name: /^Title$/ })).toHaveValue("Exporting takes minutes");
    expect(fake.handle("get_history")).toMatchObject({ undoLabel: "Import 1 note from survey.csv" });
    // Two previews, an import and a reopened note: slow on a machine shared with a Rust build.
  }, 60_000);

  it("shows a refused file's reason in place", async () => {
    await chooseFile("<questionnaires>/latin1 feedback.csv");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The file is not UTF-8 text on line 2: save it from your spreadsheet as “CSV UTF-8”.",
    );
  });
});
