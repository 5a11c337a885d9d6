import { memo, type ReactNode } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import type { Product } from "../api";
import { ActionsMenu, type MenuAction } from "../components/ActionsMenu";
import { BacklogIcon, HomeIcon, LogoMark, MonitorIcon, MoonIcon, PlusIcon, SunIcon } from "../components/icons";
import { useThemePreference, type ThemePreference } from "../theme/theme";

export type View = "home" | "backlog";

const PRODUCT_ACTIONS: readonly MenuAction[] = [
  { id: "rename", label: "Rename…" },
  { id: "delete", label: "Delete", isDanger: true, separated: true },
];

type SidebarProps = {
  products: readonly Product[];
  openProductId: string | null;
  view: View;
  onOpenProduct: (id: string) => void;
  onNewProduct: () => void;
  onRenameProduct: (product: Product) => void;
  onDeleteProduct: (product: Product) => void;
  onView: (view: View) => void;
};

export function Sidebar(props: SidebarProps) {
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">Northstar</span>
      </div>

      <nav aria-label="Products" className="sidebar-section">
        <div className="sidebar-heading" aria-hidden="true">
          Products
        </div>
        <ul className="nav-list">
          {props.products.map((product) => (
            <ProductNavItem
              key={product.id}
              product={product}
              isOpen={product.id === props.openProductId}
              onOpen={props.onOpenProduct}
              onRename={props.onRenameProduct}
              onDelete={props.onDeleteProduct}
            />
          ))}
        </ul>
        <button type="button" className="nav-item nav-item-quiet" onClick={props.onNewProduct}>
          <PlusIcon className="nav-icon" />
          New product
        </button>
      </nav>

      <nav aria-label="Views" className="sidebar-section">
        <div className="sidebar-heading" aria-hidden="true">
          Views
        </div>
        <ul className="nav-list">
          <li>
            <ViewButton view="home" current={props.view} onView={props.onView} icon={<HomeIcon className="nav-icon" />}>
              Home
            </ViewButton>
          </li>
          <li>
            <ViewButton
              view="backlog"
              current={props.view}
              onView={props.onView}
              icon={<BacklogIcon className="nav-icon" />}
            >
              Backlog
            </ViewButton>
          </li>
        </ul>
      </nav>

      <div className="sidebar-footer">
        <ThemeControl />
      </div>
    </aside>
  );
}

const ProductNavItem = memo(function ProductNavItem({
  product,
  isOpen,
  onOpen,
  onRename,
  onDelete,
}: {
  product: Product;
  isOpen: boolean;
  onOpen: (id: string) => void;
  onRename: (product: Product) => void;
  onDelete: (product: Product) => void;
}) {
  return (
    <li className="nav-row">
      <button
        type="button"
        className="nav-item"
        aria-current={isOpen ? "true" : undefined}
        onClick={() => onOpen(product.id)}
      >
        <span className="product-avatar" aria-hidden="true">
          {initialOf(product.name)}
        </span>
        <span className="nav-label">{product.name}</span>
      </button>
      <ActionsMenu
        label={`Product actions for ${product.name}`}
        actions={PRODUCT_ACTIONS}
        className="nav-row-menu"
        onAction={(action) => (action === "rename" ? onRename(product) : onDelete(product))}
      />
    </li>
  );
});

function initialOf(name: string): string {
  const first = name.trim().codePointAt(0);
  return first === undefined ? "?" : String.fromCodePoint(first).toUpperCase();
}

function ViewButton({
  view,
  current,
  onView,
  icon,
  children,
}: {
  view: View;
  current: View;
  onView: (view: View) => void;
  icon: ReactNode;
  children: string;
}) {
  return (
    <button
      type="button"
      className="nav-item"
      aria-current={view === current ? "page" : undefined}
      onClick={() => onView(view)}
    >
      {icon}
      <span className="nav-label">{children}</span>
    </button>
  );
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
      className="theme-control"
      orientation="horizontal"
      value={preference}
      onChange={(value) => {
        const match = THEME_OPTIONS.find((option) => option.value === value);
        if (match) setPreference(match.value);
      }}
    >
      <Label className="sidebar-heading">Theme</Label>
      <div className="segmented">
        {THEME_OPTIONS.map((option) => (
          <Radio key={option.value} value={option.value} className="segment">
            {option.icon}
            <span>{option.label}</span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
