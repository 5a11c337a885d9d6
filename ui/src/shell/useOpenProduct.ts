import { useCallback, useEffect, useRef, useState } from "react";
import { useSetOpenProduct, type AppStatus, type Product } from "../api";

/**
 * Which product is open: the one the person picked, else the one remembered by the backend, else
 * the first one (when the open product disappears: deleted, or its creation undone). Whatever is
 * shown is remembered through `setOpenProduct`.
 */
export function useOpenProduct(status: AppStatus, products: readonly Product[] | undefined) {
  const [pickedId, setPickedId] = useState<string | null>(null);
  const preferredId = pickedId ?? status.openProductId;
  const openProduct = products?.find((product) => product.id === preferredId) ?? products?.[0] ?? null;
  const openId = openProduct?.id ?? null;

  const { mutate: rememberOpenProduct } = useSetOpenProduct();
  const lastRequested = useRef<string | null>(null);
  useEffect(() => {
    if (openId === null || openId === status.openProductId || lastRequested.current === openId) return;
    lastRequested.current = openId;
    rememberOpenProduct({ id: openId });
  }, [openId, status.openProductId, rememberOpenProduct]);

  const open = useCallback((id: string) => setPickedId(id), []);
  return { openProduct, open };
}
