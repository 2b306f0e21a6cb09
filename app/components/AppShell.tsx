import { NavMenu, useAppBridge } from "@shopify/app-bridge-react";
import { Frame, Navigation, Toast } from "@shopify/polaris";
import {
  ChartVerticalIcon,
  CheckCircleIcon,
  DatabaseIcon,
  EmailIcon,
  HashtagIcon,
  HomeIcon,
  SettingsIcon,
} from "@shopify/polaris-icons";
import { Link, useLocation } from "@remix-run/react";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { translate, type MessageKey, type SupportedLocale } from "~/i18n";

/**
 * One module for everything that differs between running inside the Shopify admin (App Bridge:
 * toasts, nav menu) and standalone (`npm run demo`: Polaris Frame, Navigation, Toast).
 * Outside the admin `useAppBridge()` throws, so only the embedded branch ever calls it.
 */

interface ShellApi {
  embedded: boolean;
  locale: SupportedLocale;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  showToast: (message: string, options?: { error?: boolean }) => void;
}

const ShellContext = createContext<ShellApi | null>(null);

/** The shell of the current page: translation, toasts, and whether App Bridge is present. */
export function useShell(): ShellApi {
  const api = useContext(ShellContext);
  if (!api) throw new Error("useShell() must be used inside <AppShell>");
  return api;
}

export interface NavLinkSpec {
  to: string;
  label: MessageKey;
}

const navLinks: NavLinkSpec[] = [
  { to: "/app", label: "nav.home" },
  { to: "/app/signals", label: "nav.signals" },
  { to: "/app/recommendations", label: "nav.recommendations" },
  { to: "/app/sources", label: "nav.sources" },
  { to: "/app/keywords", label: "nav.keywords" },
  { to: "/app/digest", label: "nav.digest" },
  { to: "/app/settings", label: "nav.settings" },
];

const navIcons: Record<string, typeof HomeIcon> = {
  "/app": HomeIcon,
  "/app/signals": ChartVerticalIcon,
  "/app/recommendations": CheckCircleIcon,
  "/app/sources": DatabaseIcon,
  "/app/keywords": HashtagIcon,
  "/app/digest": EmailIcon,
  "/app/settings": SettingsIcon,
};

interface AppShellProps {
  embedded: boolean;
  locale: SupportedLocale;
  children: ReactNode;
}

export function AppShell({ embedded, locale, children }: AppShellProps) {
  return embedded ? (
    <EmbeddedShell locale={locale}>{children}</EmbeddedShell>
  ) : (
    <StandaloneShell locale={locale}>{children}</StandaloneShell>
  );
}

function useTranslator(locale: SupportedLocale) {
  return useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars),
    [locale],
  );
}

function EmbeddedShell({ locale, children }: { locale: SupportedLocale; children: ReactNode }) {
  const shopify = useAppBridge();
  const t = useTranslator(locale);
  const api = useMemo<ShellApi>(
    () => ({
      embedded: true,
      locale,
      t,
      showToast: (message, options) => shopify.toast.show(message, { isError: options?.error ?? false }),
    }),
    [locale, shopify, t],
  );
  return (
    <ShellContext.Provider value={api}>
      <NavMenu>
        {navLinks.map((link, index) => (
          <Link key={link.to} to={link.to} rel={index === 0 ? "home" : undefined}>
            {t(link.label)}
          </Link>
        ))}
      </NavMenu>
      {children}
    </ShellContext.Provider>
  );
}

function StandaloneShell({ locale, children }: { locale: SupportedLocale; children: ReactNode }) {
  const t = useTranslator(locale);
  const location = useLocation();
  const [toast, setToast] = useState<{ message: string; error: boolean } | null>(null);
  const api = useMemo<ShellApi>(
    () => ({
      embedded: false,
      locale,
      t,
      showToast: (message, options) => setToast({ message, error: options?.error ?? false }),
    }),
    [locale, t],
  );
  const navigation = (
    <Navigation location={location.pathname}>
      <Navigation.Section
        title={t("app.name")}
        items={navLinks.map((link) => ({
          url: link.to,
          label: t(link.label),
          icon: navIcons[link.to] ?? HomeIcon,
          exactMatch: link.to === "/app",
        }))}
      />
    </Navigation>
  );
  return (
    <ShellContext.Provider value={api}>
      <Frame navigation={navigation}>
        {children}
        {toast ? (
          <Toast content={toast.message} error={toast.error} onDismiss={() => setToast(null)} />
        ) : null}
      </Frame>
    </ShellContext.Provider>
  );
}
