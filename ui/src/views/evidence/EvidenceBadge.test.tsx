import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EvidenceBadge } from "./EvidenceBadge";

describe("the evidence badge", () => {
  it("names the count, in the singular for one", () => {
    render(
      <>
        <EvidenceBadge count={3} />
        <EvidenceBadge count={1} />
      </>,
    );
    expect(screen.getByRole("img", { name: "3 pieces of evidence" })).toHaveTextContent("3");
    expect(screen.getByRole("img", { name: "1 piece of evidence" })).toBeInTheDocument();
  });

  it("is not shown without evidence", () => {
    const { container } = render(<EvidenceBadge count={0} />);
    expect(container).toBeEmptyDOMElement();
  });
});
