import { test, expect, Browser, Page, Response } from "@playwright/test";
import { hydrated, signUp, uniqueEmail, watchConsole } from "./helpers";

// What a member's browser downloads: only the islands' code, never an admin page's, and
// each file compressed and named by its content (kept for a year).

type Fetched = { url: string; encoding: string | undefined; cache: string | undefined; body: Buffer };

/** A provider offers a service; returns its title. */
async function offered(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const title = `Bundle garden ${Date.now()}`;
  await signUp(page, "Pat Provider", uniqueEmail("pat"));
  await expect(page.getByTestId("member-name")).toHaveText("Pat Provider");
  await page.goto("/my/services");
  await hydrated(page);
  await page.getByLabel("Title").first().fill(title);
  await page.getByLabel("Category").first().fill("Garden");
  await page.getByLabel("Description").first().fill("Weeding and planting");
  await page.getByRole("button", { name: "Offer service" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await context.close();
  return title;
}

async function openService(page: Page, title: string) {
  await page.goto(`/services?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title }).click();
  await hydrated(page);
}

function recordBundle(page: Page): Fetched[] {
  const got: Fetched[] = [];
  page.on("response", async (r: Response) => {
    if (!new URL(r.url()).pathname.startsWith("/pkg/")) return;
    const h = r.headers();
    got.push({ url: r.url(), encoding: h["content-encoding"], cache: h["cache-control"], body: await r.body() });
  });
  return got;
}

test("a member's pages fetch the one small bundle, with no admin code in it", async ({ browser }, info) => {
  test.skip(info.project.name !== "hydrated", "without JavaScript the browser fetches no bundle at all");
  const title = await offered(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  const fetched = recordBundle(page);
  await signUp(page, "Mo Member", uniqueEmail("mo"));
  await expect(page.getByTestId("member-name")).toHaveText("Mo Member");
  for (const path of ["/", "/services", "/requests", "/inbox", "/balance", "/notifications", "/settings", "/my/services"]) {
    await page.goto(path);
    await hydrated(page);
  }
  await openService(page, title);
  await page.waitForLoadState("networkidle");

  const files = [...new Set(fetched.map((f) => new URL(f.url).pathname))];
  // The script, the module and the style sheet: content-hashed names, nothing else.
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const f of files) expect(f).toMatch(/^\/pkg\/hourbank\.[0-9A-Za-z_-]{8,}\.(js|wasm|css)$/);
  expect(files.some((f) => f.endsWith(".wasm"))).toBe(true);
  for (const f of fetched) {
    expect(f.url).not.toMatch(/admin/i);
    expect(f.cache).toBe("public, max-age=31536000, immutable");
    expect(["br", "gzip"]).toContain(f.encoding);
  }
  // The module holds the islands (their exported hydrate functions) and no admin server
  // function: in the fully hydrated app every admin page's calls were in it.
  const code = Buffer.concat(fetched.filter((f) => /\.(js|wasm)$/.test(f.url)).map((f) => f.body)).toString("latin1");
  expect(code).toContain("LiveUpdates");
  expect(code).toContain("CostPreview");
  expect(code).not.toContain("/api/admin/");
  expect(code).not.toContain("admin/dashboard");
  expect(problems).toEqual([]);
  await context.close();
});

test("the request form's cost follows the chosen duration and rate", async ({ browser }, info) => {
  test.skip(info.project.name !== "hydrated", "without JavaScript the cost line stays as the page was sent");
  const title = await offered(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signUp(page, "Cy Cost", uniqueEmail("cy"));
  await expect(page.getByTestId("member-name")).toHaveText("Cy Cost");
  await openService(page, title);
  const cost = page.getByTestId("cost-preview");
  await expect(cost).toContainText("holds 1 h of your hours");
  await expect(cost).toContainText("you would have 4 h available after");
  await page.getByLabel("How long (hours)").selectOption("90");
  await expect(cost).toContainText("holds 1 h 30 min of your hours");
  await page.getByLabel(/^Rate/).fill("2");
  await expect(cost).toContainText("holds 3 h of your hours");
  await expect(cost).toContainText("you would have 2 h available after");
  expect(problems).toEqual([]);
  await context.close();
});
