import { expect, Page, BrowserContext } from "@playwright/test";

export const PASSWORD = "a-long-enough-pw";
export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
}

/** Fails the test on any console error or uncaught page error (hydration problems show up here). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Waits until the WASM app has hydrated the page (skipped when JavaScript is off). */
export async function hydrated(page: Page, js = true) {
  if (js) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

export async function signUp(page: Page, name: string, email: string, js = true, password = PASSWORD) {
  await page.goto("/signup");
  await hydrated(page, js);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

export async function logIn(page: Page, email: string, password: string, js = true) {
  await page.goto("/login");
  await hydrated(page, js);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function newPage(context: BrowserContext): Promise<Page> {
  return context.newPage();
}
