import { defineConfig } from "@playwright/test";

// Debian's Chromium (no browser download here); the flags keep it off the network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumArgs },
    trace: "retain-on-failure",
  },
  // Every lifecycle test runs twice: hydrated, and as plain server-rendered forms.
  projects: [
    { name: "hydrated", use: { javaScriptEnabled: true } },
    // Not without JavaScript: the CSP test is about scripts; accounts.spec.ts has its own no-JS test.
    { name: "nojs", use: { javaScriptEnabled: false }, testIgnore: /(accounts|security)\.spec\.ts/ },
  ],
  // The release server on a fresh SQLite database, started by the project's own script.
  webServer: {
    command: "bash ../scripts/e2e-server.sh",
    url: `${baseURL}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
