import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../test/fake-backend";
import { renderWithBackend } from "../../test/render-app";
import type { AppStatus, DatabaseProblem } from "../api";
import { ProblemScreen } from "./ProblemScreen";

function statusWith(problem: DatabaseProblem): AppStatus {
  return {
    databasePath: "/home/po/.local/share/northstar/northstar.db",
    problem,
    openProductId: null,
    statusOptions: STATUS_OPTIONS,
    logFolder: "/home/po/.local/state/northstar/logs",
  };
}

const busy: DatabaseProblem = {
  kind: "busy",
  message: "This database is open in another Northstar window or process. Close it there, then try again.",
};
const corrupt: DatabaseProblem = { kind: "corrupt", message: "This Northstar database is damaged." };

describe("ProblemScreen", () => {
  it("offers only a retry for a file that is in use, and shows where the log is", async () => {
    const status = statusWith(busy);
    const { fake } = renderWithBackend(<ProblemScreen status={status} problem={busy} />, { problem: busy });
    expect(screen.getByRole("heading", { name: "This file is in use" })).toBeInTheDocument();
    expect(screen.getByText(/open in another Northstar window or process/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start a new database" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Open file" })).toBeNull();
    expect(screen.getByText("/home/po/.local/state/northstar/logs")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(fake.calls.map((call) => call.command)).toContain("retry_open_database"));
  });

  it("quits with Ctrl+Q, as the workspace does", async () => {
    const status = statusWith(corrupt);
    const { fake } = renderWithBackend(<ProblemScreen status={status} problem={corrupt} />, { problem: corrupt });
    await userEvent.keyboard("{Control>}q{/Control}");
    await waitFor(() => expect(fake.calls.map((call) => call.command)).toContain("quit_app"));
  });

  it("asks before starting a new database, and does nothing when cancelled", async () => {
    const status = statusWith(corrupt);
    const { fake } = renderWithBackend(<ProblemScreen status={status} problem={corrupt} />, { problem: corrupt });
    await userEvent.click(screen.getByRole("button", { name: "Start a new database" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("from now on instead of");
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(fake.calls.map((call) => call.command)).not.toContain("start_new_database");

    await userEvent.click(screen.getByRole("button", { name: "Start a new database" }));
    const dialogButton = within(await screen.findByRole("alertdialog")).getByRole("button", {
      name: "Start a new database",
    });
    await userEvent.click(dialogButton);
    await waitFor(() => expect(fake.calls.map((call) => call.command)).toContain("start_new_database"));
  });
});
