#!/usr/bin/env node
// The app's HTTP server (`npm start`, the demo, e2e tests): the built Remix app on Express.
// Plain JavaScript so production runs it with node alone. Expected start-up problems (invalid
// environment, port in use) print one line saying what to do, not a stack trace.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fail = (message) => {
  console.error(`pulse: ${message}`);
  process.exit(1);
};

const serverBuild = path.join(root, "build", "server", "index.js");
if (!existsSync(serverBuild)) fail("the app is not built yet: run `npm run build` first.");

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT must be a number from 1 to 65535; it is "${process.env.PORT}".`);

let build;
try {
  build = await import(pathToFileURL(serverBuild).href);
} catch (error) {
  if (error?.name === "EnvError") fail(error.message.replace(/\n/g, "\n       "));
  throw error;
}

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Vite fingerprints everything under /assets, so it can be cached forever.
app.use(
  "/assets",
  express.static(path.join(root, "build", "client", "assets"), { immutable: true, maxAge: "1y" }),
);
app.use(express.static(path.join(root, "build", "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`pulse: serving on http://localhost:${port}`);
});
server.on("error", (error) => {
  if (error.code === "EADDRINUSE")
    fail(`port ${port} is already in use. Stop the other program or set PORT to a free port.`);
  fail(`the server could not start: ${error.message}`);
});

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
