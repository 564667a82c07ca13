import { test, expect, TestInfo } from "@playwright/test";
import { hydrated, signUp, uniqueEmail, watchConsole } from "./helpers";

// Member-written markup stays text in the browser too: served without JavaScript, and
// after the WASM app hydrates the page and takes it over (server/tests/rendering.rs
// checks the served HTML of every page with an HTML5 parser; this checks the live DOM).

const js = (info: TestInfo) => info.project.name === "hydrated";

const TITLE = "</title><meta http-equiv=refresh content='0;url=https://evil.example'>";
const DESCRIPTION = "</textarea><img src=x onerror=alert(1)>";
const NAME = "\"' onfocus=alert(1) autofocus x=\"";

test("hostile text in a name, a title and a description is only ever text", async ({ page }, info) => {
  const problems = watchConsole(page);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signUp(page, NAME, uniqueEmail("hostile"), js(info));
  await expect(page.getByTestId("member-name")).toHaveText(NAME);

  await page.goto("/my/services");
  await hydrated(page, js(info));
  await page.locator("#new-title").fill(TITLE);
  await page.locator("#new-category").fill("<b>Garden</b>");
  await page.locator("#new-description").fill(DESCRIPTION);
  await page.getByRole("button", { name: "Offer service" }).click();
  const link = page.getByRole("link", { name: TITLE });
  await expect(link).toBeVisible();
  // The edit form holds the description as the textarea's text, not as markup after it.
  await page.goto("/my/services");
  await hydrated(page, js(info));
  await expect(page.locator("textarea[name=description]").last()).toHaveValue(DESCRIPTION);
  expect(await page.locator("img").count()).toBe(0);
  const href = await page.getByRole("link", { name: TITLE }).getAttribute("href");

  await page.goto(href!);
  await hydrated(page, js(info));
  const url = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(`${TITLE} — HourBank`);
  await expect(page.getByRole("link", { name: NAME })).toBeVisible();
  // Long enough for a meta refresh of 0 s to have fired.
  await page.waitForTimeout(1500);
  expect(page.url()).toBe(url);
  const dom = async () =>
    page.evaluate(() => ({
      metaRefresh: document.querySelectorAll("meta[http-equiv]").length,
      handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
      autofocus: document.querySelectorAll("[autofocus]").length,
      headTags: [...document.head.children].map((e) => e.tagName.toLowerCase()),
      images: document.querySelectorAll("img").length,
    }));
  const seen = await dom();
  expect(seen.metaRefresh).toBe(0);
  expect(seen.handlers).toBe(0);
  expect(seen.autofocus).toBe(0);
  expect(seen.images).toBe(0);
  expect(seen.headTags.filter((t) => t === "title")).toHaveLength(1);
  expect(seen.headTags.filter((t) => t === "meta")).toHaveLength(2);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});
