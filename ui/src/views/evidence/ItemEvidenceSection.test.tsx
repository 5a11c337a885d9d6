import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { Decision, ItemDetails } from "../../api";
import { ItemEvidenceSection } from "./ItemEvidenceSection";

const BANK_SYNC = { id: "i-1", title: "Bank sync" };

describe("the item panel's Evidence section", () => {
  it("lists the quotes with their note and participants, and Rust's summary and suggestions", async () => {
    renderWithBackend(<ItemEvidenceSection item={BANK_SYNC} onLeave={vi.fn()} />, { evidence: true });
    const quotes = await screen.findByRole("list", { name: "Evidence for Bank sync" });
    expect(within(quotes).getByText("by hand every Friday")).toBeInTheDocument();
    expect(within(quotes).getByRole("button", { name: "Open in “Interview with Dana”" })).toBeInTheDocument();
    expect(within(quotes).getByText("Dana (Enterprise)")).toBeInTheDocument();
    expect(screen.getByText("Low: 2 of 10 points from 1 interview (×2)")).toBeInTheDocument();
    expect(screen.getByLabelText("Evidence summary")).toHaveTextContent(/^Participants2Segments2Notes1Most recentSun 1 Mar 2026$/);
    expect(
      screen.getByText("Reach 201 suggested: 2 participants in 2 segments (Enterprise 1 × 200 and Freelancers 1 × 1)"),
    ).toBeInTheDocument();
  });

  it("accepts a suggested Reach: the input is set, the decision recorded, and Accept is then unavailable with Rust's reason", async () => {
    const user = userEvent.setup();
    const { fake } = renderWithBackend(<ItemEvidenceSection item={BANK_SYNC} onLeave={vi.fn()} />, { evidence: true });
    const accept = await screen.findByRole("button", { name: "Accept Reach 201" });
    expect(accept).not.toHaveAttribute("aria-disabled", "true");
    await user.click(accept);
    await waitFor(() => expect(announcement()).toContain("Accepted suggested Reach 201 from evidence."));
    const details = fake.handle("get_item", { id: "i-1" }) as ItemDetails;
    expect(details.inputs.riceReach).toBe(201);
    const decisions = fake.handle("list_decisions", { productId: "p-demo", itemId: "i-1" }) as Decision[];
    expect(decisions.map((decision) => decision.decision)).toEqual(["Accepted suggested Reach 201 from evidence"]);
    await waitFor(() => expect(screen.getByRole("button", { name: "Accept Reach 201" })).toHaveAttribute("aria-disabled", "true"));
    expect(screen.getByRole("button", { name: "Accept Reach 201" })).toHaveAccessibleDescription(
      "Reach 201 suggested: 2 participants in 2 segments (Enterprise 1 × 200 and Freelancers 1 × 1) Reach is already 201, as the evidence suggests.",
    );
  });

  it("says why there is nothing to suggest for an item without evidence", async () => {
    renderWithBackend(<ItemEvidenceSection item={{ id: "i-2", title: "Spending insights" }} onLeave={vi.fn()} />, { evidence: true });
    const accept = await screen.findByRole("button", { name: "Accept Reach" });
    expect(accept).toHaveAttribute("aria-disabled", "true");
    expect(accept).toHaveAccessibleDescription(
      "Nothing to suggest: no evidence yet. Highlight passages of research notes and link them to this item.",
    );
    expect(screen.queryByRole("list", { name: "Evidence for Spending insights" })).not.toBeInTheDocument();
  });
});
