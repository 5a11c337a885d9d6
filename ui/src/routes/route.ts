//! Routes: where the person is, as a typed value and as the window's URL hash
//! (`#/products/<product id>/<view>`), so every view can be returned to with back and forward.

export type Route = {
  /**
   * The open product, or null when there is none: an empty workspace, or a view of the database
   * file itself (`DATABASE_VIEWS`: backups).
   */
  productId: string | null;
  /** A view id from the view table (`views/viewTable.tsx`). */
  view: string;
};

export function formatRoute(route: Route): string {
  if (route.productId === null) return `#/${encodeURIComponent(route.view)}`;
  return `#/products/${encodeURIComponent(route.productId)}/${encodeURIComponent(route.view)}`;
}

/** The route in a URL hash, or null when the hash is not one of ours. */
export function parseRoute(hash: string): Route | null {
  const withProduct = /^#\/products\/([^/]+)\/([^/]+)$/.exec(hash);
  const withoutProduct = /^#\/([^/]+)$/.exec(hash);
  try {
    if (withProduct?.[1] && withProduct[2]) {
      return { productId: decodeURIComponent(withProduct[1]), view: decodeURIComponent(withProduct[2]) };
    }
    if (withoutProduct?.[1] && withoutProduct[1] !== "products") {
      return { productId: null, view: decodeURIComponent(withoutProduct[1]) };
    }
  } catch {
    return null;
  }
  return null;
}

export function sameRoute(a: Route | null, b: Route | null): boolean {
  return a?.productId === b?.productId && a?.view === b?.view;
}
