import { test, expect, Browser, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hydrated, uniqueEmail, watchConsole, PASSWORD } from "./helpers";
import { catalogue, words } from "./catalogue";

// A member in Barcelona (Europe/Madrid, reading Catalan) and one in New York (English)
// agree when the work happens through a counter-offer: each reads the same instant on
// their own clock and in their own language, on the request page and in their calendar.
// Runs hydrated and with JavaScript off.

const js = (info: TestInfo) => info.project.name === "hydrated";

/** "2026-12-12": the day `days` from now on the wall clock of `timeZone`. */
function dayIn(timeZone: string, days: number): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** The instant that `local` ("2026-12-12T16:00") is in `timeZone`. */
function instant(timeZone: string, local: string): Date {
  // Start from the wall time read as UTC, then correct by the zone's offset at that moment (twice, for a change in between).
  let t = Date.parse(local + ":00Z");
  for (let i = 0; i < 2; i++) {
    const seen = new Intl.DateTimeFormat("en-CA", {
      timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(new Date(t)).replace(", ", "T");
    t += Date.parse(local + ":00Z") - Date.parse(seen + ":00Z");
  }
  return new Date(t);
}

/** "5:00 PM" — the clock time as HourBank's English pages write it; "17:00" in Catalan. */
function clock(timeZone: string, at: Date, lang = "en"): string {
  if (lang !== "en") return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(at).replace(/\u202f/g, " ");
}

/** "20261212T170000" — the wall time as an .ics writes it. */
function icsLocal(timeZone: string, at: Date): string {
  const s = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).format(at);
  return s.replace(/[-:, ]/g, "").replace(/^(\d{8})(\d{4})$/, "$1T$2") + "00";
}

async function axe(page: Page, info: TestInfo) {
  if (!js(info)) return; // lifecycle.spec.ts checks the server-rendered pages without JavaScript
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`)).toEqual([]);
}

async function memberIn(browser: Browser, name: string, timeZone: string, lang: string, info: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: js(info), timezoneId: timeZone, locale: lang === "ca" ? "ca-ES" : "en-US" });
  const page = await context.newPage();
  const problems = watchConsole(page);
  const cat = catalogue(lang);
  const t = (key: string, args: Record<string, string | number> = {}) => words(cat, key, args);
  await page.goto("/signup");
  await hydrated(page, js(info));
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await page.getByLabel(t("pg-signup-name").split(" (")[0]).fill(name);
  await page.getByLabel(t("pg-email")).fill(uniqueEmail(name.toLowerCase().replace(/\W/g, "")));
  await page.getByLabel(t("pg-signup-password", { min: 10 }).split(" (")[0]).fill(PASSWORD);
  await page.getByRole("button", { name: t("pg-sign-up") }).click();
  await expect(page.getByTestId("member-name")).toHaveText(name);
  // Hydrated, the browser told the server its zone; the page, written for the bank's
  // zone, loads itself again in the member's.
  if (js(info)) await expect(page.locator("html")).toHaveAttribute("data-tz", timeZone);
  if (!js(info)) {
    // No browser to guess from: the member chooses their zone in Settings.
    await page.goto("/settings");
    await page.getByLabel(t("pg-settings-zone-label")).selectOption(timeZone);
    await page.getByRole("button", { name: t("pg-settings-zone-save") }).click();
    await expect(page.getByRole("status")).toHaveText(t("pg-saved"));
  }
  await page.goto("/settings");
  await hydrated(page, js(info));
  await expect(page.locator("html")).toHaveAttribute("data-tz", timeZone);
  await expect(page.getByLabel(t("pg-settings-zone-label"))).toHaveValue(timeZone);
  return { context, page, problems, t };
}

test("Barcelona and New York agree a start through a counter-offer, each on their own clock", async ({ browser }, info) => {
  const ann = await memberIn(browser, "Anna Barcelona", "Europe/Madrid", "ca", info);
  const bob = await memberIn(browser, "Bob New York", "America/New_York", "en", info);
  const title = `Garden help ${Date.now() % 1e7}`;

  await bob.page.goto("/my/services");
  await hydrated(bob.page, js(info));
  await bob.page.getByLabel("Title").first().fill(title);
  await bob.page.getByLabel("Category").first().fill("Garden");
  await bob.page.getByLabel("Description").first().fill("Weeding and planting");
  await bob.page.getByLabel("You answer requests within").fill("24");
  await bob.page.getByRole("button", { name: "Offer service" }).click();
  await expect(bob.page.getByRole("link", { name: title })).toBeVisible();

  // Anna asks for 16:00 on her clock, ten days ahead; a past time is refused first.
  await ann.page.goto(`/services?q=${encodeURIComponent(title)}`);
  await hydrated(ann.page, js(info));
  await ann.page.getByRole("link", { name: title }).click();
  await hydrated(ann.page, js(info));
  await axe(ann.page, info);
  await ann.page.getByLabel(ann.t("pg-service-duration")).selectOption({ label: "2 h" });
  await ann.page.getByLabel(ann.t("rq-start-optional")).fill(`${dayIn("Europe/Madrid", -1)}T16:00`);
  await ann.page.getByRole("button", { name: ann.t("pg-service-send") }).click();
  await expect(ann.page.getByText(ann.t("lc-terms-start-passed"))).toBeVisible();
  const annLocal = `${dayIn("Europe/Madrid", 10)}T16:00`;
  await ann.page.getByLabel(ann.t("rq-start-optional")).fill(annLocal);
  await ann.page.getByRole("button", { name: ann.t("pg-service-send") }).click();
  await expect(ann.page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const url = ann.page.url();
  const proposed = instant("Europe/Madrid", annLocal);
  await expect(ann.page.getByTestId("start")).toContainText(ann.t("rq-start-proposed", { time: "" }).trim());
  await expect(ann.page.getByTestId("start")).toContainText(clock("Europe/Madrid", proposed, "ca"));

  // Bob reads it on New York's clock, and counters with 11:00 his time that day.
  await bob.page.goto(url);
  await hydrated(bob.page, js(info));
  await expect(bob.page.getByTestId("start")).toContainText(clock("America/New_York", proposed));
  await expect(bob.page.getByLabel("Start (optional)")).toHaveValue(
    new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(proposed) +
      "T" + new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit" }).format(proposed),
  );
  const bobLocal = `${new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(proposed)}T11:00`;
  await bob.page.getByLabel("Start (optional)").fill(bobLocal);
  await bob.page.getByRole("button", { name: "Send counter-offer", exact: true }).click();
  await expect(bob.page.getByTestId("state")).toHaveAttribute("data-state", "NEGOTIATING");
  const agreed = instant("America/New_York", bobLocal);

  await ann.page.goto(url);
  await hydrated(ann.page, js(info));
  await ann.page.getByRole("button", { name: ann.t("lc-button-accept"), exact: true }).click();
  await expect(ann.page.getByTestId("state")).toHaveAttribute("data-state", "ACCEPTED");
  await expect(ann.page.getByTestId("start")).toContainText(ann.t("rq-start-agreed", { time: "" }).trim());
  await expect(ann.page.getByTestId("start")).toContainText(`${clock("Europe/Madrid", agreed, "ca")} CE`); // CET or CEST
  await axe(ann.page, info);
  await bob.page.goto(url);
  await hydrated(bob.page, js(info));
  await expect(bob.page.getByTestId("start")).toContainText(`${clock("America/New_York", agreed)} E`); // EST or EDT
  expect(clock("America/New_York", agreed)).toBe("11:00 AM");

  // Add to calendar, and the private feeds: the same instant, each with their zone.
  for (const [who, tz] of [[ann, "Europe/Madrid"], [bob, "America/New_York"]] as const) {
    const href = await who.page.getByTestId("ics").getAttribute("href");
    const ics = await who.page.request.get(href!);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain(`DTSTART;TZID=${tz}:${icsLocal(tz, agreed)}`);
    await who.page.goto("/settings");
    const feed = await who.page.getByTestId("feed-url").inputValue();
    const anonymous = await browser.newContext();
    const body = await (await anonymous.request.get(new URL(feed).pathname)).text();
    await anonymous.close();
    expect(body).toContain(`DTSTART;TZID=${tz}:${icsLocal(tz, agreed)}`);
    expect(body).toContain(`SUMMARY:${title}`);
  }

  // Anna's requests list shows it on her clock too, and the page fits a phone.
  await ann.page.setViewportSize({ width: 390, height: 844 });
  await ann.page.goto("/requests?show=all");
  await expect(ann.page.getByTestId("list-start").first()).toContainText(clock("Europe/Madrid", agreed, "ca"));
  // The past start was refused with 400, as it should be.
  expect(ann.problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
  expect(bob.problems).toEqual([]);
  await ann.context.close();
  await bob.context.close();
});
