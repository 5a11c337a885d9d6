import { useEffect, useMemo, useRef } from "react";
import { useSetOpenProduct, type AppStatus, type Product } from "../api";
import { useNavigation } from "../routes/navigation";
import type { Route } from "../routes/route";
import { databaseViewById, DEFAULT_VIEW_ID, viewById } from "../views/viewTable";

/**
 * The route to show, from the URL: its product when it exists, else the product remembered by
 * the backend, else the first one (when the open product disappears: deleted, or its creation
 * undone); its view when it is one, else Home. A URL that says otherwise is replaced (not a new
 * history entry). The product shown is remembered through `setOpenProduct`.
 *
 * A view of the database file (`databaseView`: backups) has no product in its route; `product`
 * is then the one whose views the sidebar lists, and `view` is undefined.
 */
export function useWorkspaceRoute(status: AppStatus, products: readonly Product[] | undefined) {
  const navigation = useNavigation();
  const wanted = navigation.route;
  const product =
    products?.find((candidate) => candidate.id === wanted?.productId) ??
    products?.find((candidate) => candidate.id === status.openProductId) ??
    products?.[0] ??
    null;
  const databaseView = databaseViewById(wanted?.view ?? "");
  const view = databaseView ? undefined : (viewById(wanted?.view ?? "") ?? viewById(DEFAULT_VIEW_ID));
  const resolvedProductId = databaseView ? null : (product?.id ?? null);
  const resolvedView = databaseView?.id ?? view?.id;
  const isDatabaseView = databaseView !== undefined;
  const productsLoaded = products !== undefined;
  const resolved: Route | null = useMemo(() => {
    if (resolvedView === undefined || (!productsLoaded && !isDatabaseView)) return null;
    return { productId: resolvedProductId, view: resolvedView };
  }, [productsLoaded, isDatabaseView, resolvedProductId, resolvedView]);

  const { navigate } = navigation;
  useEffect(() => {
    if (resolved !== null && (resolved.productId !== wanted?.productId || resolved.view !== wanted.view)) {
      navigate(resolved, { replace: true });
    }
  }, [resolved, wanted, navigate]);

  const { mutate: rememberOpenProduct } = useSetOpenProduct();
  const lastRemembered = useRef<string | null>(null);
  const openId = product?.id ?? null;
  useEffect(() => {
    if (openId === null || openId === status.openProductId || lastRemembered.current === openId) return;
    lastRemembered.current = openId;
    rememberOpenProduct({ id: openId });
  }, [openId, status.openProductId, rememberOpenProduct]);

  return { navigation, product, view, databaseView, resolved };
}
