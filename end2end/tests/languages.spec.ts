import { test, expect, Browser, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hydrated, uniqueEmail, watchConsole, PASSWORD } from "./helpers";
import { catalogue, englishPhrases, found, words } from "./catalogue";

// A whole happy path and a dispute in Spanish, for browsers that ask for Spanish: every
// page visited is checked against the English catalogue (no English phrase may show),
// and by axe. Runs hydrated and with JavaScript off.

const js = (info: TestInfo) => info.project.name === "hydrated";
const es = catalogue("es");
const t = (key: string, args: Record<string, string | number> = {}) => words(es, key, args);
const english = englishPhrases("es");

/** Everything a reader meets on the page: its text, title, labels and hints. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll("[aria-label],[title],[placeholder]")].flatMap((e) =>
      ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""),
    );
    const options = [...document.querySelectorAll("option")].map((o) => o.textContent ?? "");
    return [document.title, document.body.innerText, ...attrs, ...options].join("\n");
  });
}

const visited: string[] = [];

/** The page speaks Spanish only, and axe finds nothing (hydrated: on the live page). */
async function spanishOnly(page: Page, info: TestInfo) {
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  expect(found(await readable(page), english), `English on ${page.url()}`).toEqual([]);
  visited.push(new URL(page.url()).pathname);
  if (js(info)) {
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`)).toEqual([]);
  }
}

async function vecino(browser: Browser, name: string, info: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: js(info), locale: "es-ES", timezoneId: "Europe/Madrid" });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/signup");
  await hydrated(page, js(info));
  await spanishOnly(page, info);
  await page.getByLabel(t("pg-signup-name").split(" (")[0]).fill(name);
  await page.getByLabel(t("pg-email")).fill(uniqueEmail(name.toLowerCase().replace(/\W/g, "")));
  await page.getByLabel(t("pg-signup-password", { min: 10 }).split(" (")[0]).fill(PASSWORD);
  await page.getByRole("button", { name: t("pg-sign-up") }).click();
  await expect(page.getByTestId("member-name")).toHaveText(name);
  // Hydrated, the page loads itself again in the zone the browser told the server.
  if (js(info)) await expect(page.locator("html")).toHaveAttribute("data-tz", "Europe/Madrid");
  return { context, page, problems };
}

async function open(page: Page, url: string, info: TestInfo) {
  await page.goto(url);
  await hydrated(page, js(info));
}

async function act(page: Page, key: string, expected: string, info: TestInfo) {
  await page.getByRole("button", { name: t(key), exact: true }).click();
  await expect(page.getByTestId("state")).toHaveAttribute("data-state", expected);
  await spanishOnly(page, info);
}

async function pedir(page: Page, title: string, info: TestInfo): Promise<string> {
  await open(page, `/services?q=${encodeURIComponent(title)}`, info);
  await spanishOnly(page, info);
  await page.getByRole("link", { name: title }).click();
  await hydrated(page, js(info));
  await spanishOnly(page, info);
  await page.getByLabel(t("pg-service-duration")).selectOption({ label: "1 h" });
  await page.getByLabel(t("pg-service-message")).fill("¿Podrías venir el sábado por la mañana?");
  await page.getByRole("button", { name: t("pg-service-send") }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await spanishOnly(page, info);
  return page.url();
}

test("en español: una solicitud de principio a fin y una disputa, sin una palabra en inglés", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const paula = await vecino(browser, "Paula Huertas", info);
  const rita = await vecino(browser, "Rita Solana", info);
  const title = `Huerto ${Date.now() % 1e7}`;

  await open(paula.page, "/my/services", info);
  await spanishOnly(paula.page, info);
  await paula.page.getByLabel(t("pg-my-services-title-label"), { exact: true }).first().fill(title);
  await paula.page.getByLabel(t("pg-my-services-category")).first().fill("Jardín");
  await paula.page.getByLabel(t("pg-my-services-description")).first().fill("Cavar, quitar malas hierbas y plantar.");
  await paula.page.getByRole("button", { name: t("pg-my-services-offer") }).click();
  await expect(paula.page.getByRole("link", { name: title })).toBeVisible();
  await spanishOnly(paula.page, info);

  // The happy path: request, accept, start, complete, pay, rate.
  const url = await pedir(rita.page, title, info);
  await open(paula.page, "/inbox", info);
  await spanishOnly(paula.page, info);
  await open(paula.page, url, info);
  await spanishOnly(paula.page, info);
  await act(paula.page, "lc-button-accept", "ACCEPTED", info);
  await act(paula.page, "lc-button-mark-started", "PENDING_START_CONFIRMATION", info);
  await open(rita.page, url, info);
  await act(rita.page, "lc-button-confirm-start", "IN_PROGRESS", info);
  await open(paula.page, url, info);
  await act(paula.page, "lc-button-mark-completed", "PENDING_COMPLETION_CONFIRMATION", info);
  await open(rita.page, url, info);
  await act(rita.page, "lc-button-confirm-completion", "PAID", info);
  await rita.page.getByLabel(t("rq-stars")).selectOption("5");
  await rita.page.getByLabel(t("rq-rate-comment")).fill("¡Un trabajo precioso!");
  await rita.page.getByRole("button", { name: t("rq-rate"), exact: true }).click();
  await expect(rita.page.getByRole("button", { name: t("rq-rate"), exact: true })).toHaveCount(0);
  await spanishOnly(rita.page, info);
  for (const path of ["/requests?show=all", "/balance", "/notifications", "/settings", "/my/services"]) {
    await open(rita.page, path, info);
    await spanishOnly(rita.page, info);
  }
  await open(paula.page, "/notifications", info);
  await spanishOnly(paula.page, info);
  await paula.page.getByRole("link", { name: "Paula Huertas" }).count(); // (the header shows the name as text)
  await open(rita.page, `/services?q=${encodeURIComponent(title)}`, info);
  await rita.page.getByRole("link", { name: "Paula Huertas" }).first().click();
  await hydrated(rita.page, js(info));
  await spanishOnly(rita.page, info);

  // A dispute: the request waits for an admin, in Spanish too.
  const second = await pedir(rita.page, title, info);
  await open(paula.page, second, info);
  await act(paula.page, "lc-button-accept", "ACCEPTED", info);
  await open(rita.page, second, info);
  await rita.page.getByLabel(t("lc-label-dispute")).fill("No vino nadie");
  await act(rita.page, "lc-button-dispute", "DISPUTED", info);
  await open(paula.page, second, info);
  await spanishOnly(paula.page, info);

  expect(visited.length).toBeGreaterThan(20);
  expect([...paula.problems, ...rita.problems]).toEqual([]);
});

test("the header's switcher changes the language, with or without JavaScript, and remembers it", async ({ browser }, info) => {
  const context = await browser.newContext({ javaScriptEnabled: js(info), locale: "en-US" });
  const page = await context.newPage();
  await open(page, "/login", info);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const ca = catalogue("ca");
  await page.getByLabel("Language").selectOption("ca");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ca");
  await expect(page.getByRole("link", { name: words(ca, "hd-log-in") })).toBeVisible();
  expect(found(await readable(page), englishPhrases("ca"))).toEqual([]);
  // A member who signs up keeps it, and it follows them to a new browser.
  const email = uniqueEmail("marta");
  await open(page, "/signup", info);
  await page.getByLabel(words(ca, "pg-signup-name").split(" (")[0]).fill("Marta Vila");
  await page.getByLabel(words(ca, "pg-email")).fill(email);
  await page.getByLabel(words(ca, "pg-signup-password", { min: 10 }).split(" (")[0]).fill(PASSWORD);
  await page.getByRole("button", { name: words(ca, "pg-sign-up") }).click();
  await expect(page.getByTestId("member-name")).toHaveText("Marta Vila");
  await page.getByLabel(words(ca, "hd-language")).selectOption("ca");
  await page.getByRole("button", { name: words(ca, "hd-language-change") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ca");
  const elsewhere = await (await browser.newContext({ javaScriptEnabled: js(info), locale: "es-ES" })).newPage();
  await open(elsewhere, "/login", info);
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "es");
  await elsewhere.getByLabel(t("pg-email")).fill(email);
  await elsewhere.getByLabel(t("pg-password"), { exact: true }).fill(PASSWORD);
  await elsewhere.getByRole("button", { name: t("pg-log-in") }).click();
  await expect(elsewhere.getByTestId("member-name")).toHaveText("Marta Vila");
  await open(elsewhere, "/requests", info);
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "ca");
  await context.close();
});
