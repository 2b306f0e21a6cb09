import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { env } from "~/config/env.server";
import { resolveLocale, translate } from "~/i18n";

// Entry point outside the admin. Shopify opens /app directly; a shop parameter means an install or
// admin link, so forward it. The demo has no login and starts at /app.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (env().demo || url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  const locale = resolveLocale(request.headers.get("accept-language"));
  return {
    title: translate(locale, "landing.title"),
    body: translate(locale, "landing.body"),
    login: translate(locale, "login.title"),
  };
};

import { useLoaderData } from "@remix-run/react";

export default function Landing() {
  const { title, body, login } = useLoaderData<typeof loader>();
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 640,
        margin: "10vh auto",
        padding: 24,
        lineHeight: 1.5,
      }}
    >
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/auth/login">{login}</a>
      </p>
    </main>
  );
}
