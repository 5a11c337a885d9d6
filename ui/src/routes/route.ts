//! Routes: where the person is, as a typed value and as the window's URL hash
//! (`#/products/<product id>/<view>`), so every view can be returned to with back and forward.

export type Route = {
  /** The open product, or null when there is none (an empty workspace). */
  productId: string | null;
  /** A view id from the view table (`views/viewTable.tsx`). */
  view: string;
};

export function formatRoute(route: Route): string {
  if (route.productId === null) return "#/";
  return `#/products/${encodeURIComponent(route.productId)}/${encodeURIComponent(route.view)}`;
}

/** The route in a URL hash, or null when the hash is not one of ours. */
export function parseRoute(hash: string): Route | null {
  const match = /^#\/products\/([^/]+)\/([^/]+)$/.exec(hash);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { productId: decodeURIComponent(match[1]), view: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

export function sameRoute(a: Route | null, b: Route | null): boolean {
  return a?.productId === b?.productId && a?.view === b?.view;
}
