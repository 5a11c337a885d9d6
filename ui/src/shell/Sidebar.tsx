import { memo, useMemo, type ComponentType, type ReactNode } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import type { Product } from "../api";
import { declareProductCommands, type AppCommandHandlers } from "../commands/appCommands";
import { ActionsMenu } from "../components/ActionsMenu";
import { LogoMark, MonitorIcon, MoonIcon, PlusIcon, SunIcon } from "../components/icons";
import { useThemePreference, type ThemePreference } from "../theme/theme";
import { DATABASE_VIEWS, VIEWS } from "../views/viewTable";
import { cx } from "../lib/classNames";
import styles from "./Sidebar.module.css";

type SidebarProps = {
  products: readonly Product[];
  openProductId: string | null;
  /** The current view's id (a product's or the database's); its entry is `aria-current="page"`. */
  currentView: string | null;
  onOpenProduct: (id: string) => void;
  onNewProduct: () => void;
  productHandlers: Pick<AppCommandHandlers, "renameProduct" | "deleteProduct">;
  onView: (viewId: string) => void;
};

export function Sidebar(props: SidebarProps) {
  return (
    <aside className={styles.sidebar} aria-label="Sidebar">
      <div className={styles.brand}>
        <LogoMark />
        <span className={styles.brandName}>Northstar</span>
      </div>

      <nav aria-label="Products" className={styles.section}>
        <div className={styles.heading} aria-hidden="true">
          Products
        </div>
        <ul className={styles.navList}>
          {props.products.map((product) => (
            <ProductNavItem
              key={product.id}
              product={product}
              isOpen={product.id === props.openProductId}
              onOpen={props.onOpenProduct}
              handlers={props.productHandlers}
            />
          ))}
        </ul>
        <button type="button" className={cx(styles.navItem, styles.quiet)} onClick={props.onNewProduct}>
          <PlusIcon className={styles.navIcon} />
          New product
        </button>
      </nav>

      {props.openProductId !== null ? (
        <nav aria-label="Views" className={styles.section}>
          <div className={styles.heading} aria-hidden="true">
            Views
          </div>
          <ul className={styles.navList}>
            {VIEWS.map((view) => (
              <ViewNavItem key={view.id} view={view} currentView={props.currentView} onView={props.onView} />
            ))}
          </ul>
        </nav>
      ) : null}

      <nav aria-label="Database" className={styles.section}>
        <div className={styles.heading} aria-hidden="true">
          Database
        </div>
        <ul className={styles.navList}>
          {DATABASE_VIEWS.map((view) => (
            <ViewNavItem key={view.id} view={view} currentView={props.currentView} onView={props.onView} />
          ))}
        </ul>
      </nav>

      <div className={styles.footer}>
        <ThemeControl />
      </div>
    </aside>
  );
}

function ViewNavItem({
  view,
  currentView,
  onView,
}: {
  view: { id: string; label: string; icon: ComponentType<{ className?: string }> };
  currentView: string | null;
  onView: (viewId: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className={styles.navItem}
        aria-current={view.id === currentView ? "page" : undefined}
        onClick={() => onView(view.id)}
      >
        <view.icon className={styles.navIcon} />
        <span className={styles.navLabel}>{view.label}</span>
      </button>
    </li>
  );
}

const ProductNavItem = memo(function ProductNavItem({
  product,
  isOpen,
  onOpen,
  handlers,
}: {
  product: Product;
  isOpen: boolean;
  onOpen: (id: string) => void;
  handlers: SidebarProps["productHandlers"];
}) {
  const commands = useMemo(() => declareProductCommands(product, handlers), [product, handlers]);
  return (
    <li className={styles.navRow}>
      <button
        type="button"
        className={styles.navItem}
        aria-current={isOpen ? "true" : undefined}
        onClick={() => onOpen(product.id)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initialOf(product.name)}
        </span>
        <span className={styles.navLabel}>{product.name}</span>
      </button>
      <ActionsMenu label={`Product actions for ${product.name}`} commands={commands} className={styles.rowMenu} />
    </li>
  );
});

function initialOf(name: string): string {
  const first = name.trim().codePointAt(0);
  return first === undefined ? "?" : String.fromCodePoint(first).toUpperCase();
}

const THEME_OPTIONS: readonly { value: ThemePreference; label: string; icon: ReactNode }[] = [
  { value: "system", label: "System", icon: <MonitorIcon /> },
  { value: "light", label: "Light", icon: <SunIcon /> },
  { value: "dark", label: "Dark", icon: <MoonIcon /> },
];

function ThemeControl() {
  const [preference, setPreference] = useThemePreference();
  return (
    <RadioGroup
      className={styles.themeControl}
      orientation="horizontal"
      value={preference}
      onChange={(value) => {
        const match = THEME_OPTIONS.find((option) => option.value === value);
        if (match) setPreference(match.value);
      }}
    >
      <Label className={styles.heading}>Theme</Label>
      <div className={styles.segmented}>
        {THEME_OPTIONS.map((option) => (
          <Radio key={option.value} value={option.value} className={styles.segment}>
            {option.icon}
            <span>{option.label}</span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
