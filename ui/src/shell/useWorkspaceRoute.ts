import { useEffect, useMemo, useRef } from "react";
import { useSetOpenProduct, type AppStatus, type Product } from "../api";
import { useNavigation } from "../routes/navigation";
import type { Route } from "../routes/route";
import { DEFAULT_VIEW_ID, viewById } from "../views/viewTable";

/**
 * The route to show, from the URL: its product when it exists, else the product remembered by
 * the backend, else the first one (when the open product disappears: deleted, or its creation
 * undone); its view when it is one, else Home. A URL that says otherwise is replaced (not a new
 * history entry). The product shown is remembered through `setOpenProduct`.
 */
export function useWorkspaceRoute(status: AppStatus, products: readonly Product[] | undefined) {
  const navigation = useNavigation();
  const wanted = navigation.route;
  const product =
    products?.find((candidate) => candidate.id === wanted?.productId) ??
    products?.find((candidate) => candidate.id === status.openProductId) ??
    products?.[0] ??
    null;
  const view = viewById(wanted?.view ?? "") ?? viewById(DEFAULT_VIEW_ID);
  const resolvedProductId = product?.id ?? null;
  const resolvedView = view?.id;
  const resolved: Route | null = useMemo(
    () => (products === undefined || resolvedView === undefined ? null : { productId: resolvedProductId, view: resolvedView }),
    [products, resolvedProductId, resolvedView],
  );

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

  return { navigation, product, view, resolved };
}
