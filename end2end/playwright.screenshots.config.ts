import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npx playwright test -c playwright.screenshots.config.ts` refreshes the pictures in docs/.
export default defineConfig({
  ...base,
  testDir: "./screenshots",
  projects: [{ name: "screenshots", use: { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } } }],
});
