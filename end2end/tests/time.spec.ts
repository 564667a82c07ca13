import { test, expect, Browser, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hydrated, signUp, uniqueEmail, watchConsole } from "./helpers";

// A member in Barcelona (Europe/Madrid) and one in New York agree when the work happens
// through a counter-offer: each reads the same instant on their own clock, on the
// request page and in their calendar. Runs hydrated and with JavaScript off.

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

/** "5:00 PM" — the clock time as HourBank's English pages write it. */
function clock(timeZone: string, at: Date): string {
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

async function memberIn(browser: Browser, name: string, timeZone: string, info: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: js(info), timezoneId: timeZone });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signUp(page, name, uniqueEmail(name.toLowerCase().replace(/\W/g, "")), js(info));
  await expect(page.getByTestId("member-name")).toHaveText(name);
  // Hydrated, the browser told the server its zone; the page, written for the bank's
  // zone, loads itself again in the member's.
  if (js(info)) await expect(page.locator("html")).toHaveAttribute("data-tz", timeZone);
  if (!js(info)) {
    // No browser to guess from: the member chooses their zone in Settings.
    await page.goto("/settings");
    await page.getByLabel("Every time is shown to you in").selectOption(timeZone);
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
  }
  await page.goto("/settings");
  await hydrated(page, js(info));
  await expect(page.locator("html")).toHaveAttribute("data-tz", timeZone);
  await expect(page.getByLabel("Every time is shown to you in")).toHaveValue(timeZone);
  return { context, page, problems };
}

test("Barcelona and New York agree a start through a counter-offer, each on their own clock", async ({ browser }, info) => {
  const ann = await memberIn(browser, "Anna Barcelona", "Europe/Madrid", info);
  const bob = await memberIn(browser, "Bob New York", "America/New_York", info);
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
  await ann.page.getByLabel("How long (hours)").selectOption({ label: "2 h" });
  await ann.page.getByLabel("Start (optional)").fill(`${dayIn("Europe/Madrid", -1)}T16:00`);
  await ann.page.getByRole("button", { name: "Send request" }).click();
  await expect(ann.page.getByText("The start time has passed: choose a later one.")).toBeVisible();
  const annLocal = `${dayIn("Europe/Madrid", 10)}T16:00`;
  await ann.page.getByLabel("Start (optional)").fill(annLocal);
  await ann.page.getByRole("button", { name: "Send request" }).click();
  await expect(ann.page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const url = ann.page.url();
  const proposed = instant("Europe/Madrid", annLocal);
  await expect(ann.page.getByTestId("start")).toContainText(`Proposed start:`);
  await expect(ann.page.getByTestId("start")).toContainText(clock("Europe/Madrid", proposed));

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
  await ann.page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(ann.page.getByTestId("state")).toHaveAttribute("data-state", "ACCEPTED");
  await expect(ann.page.getByTestId("start")).toContainText(`Agreed start:`);
  await expect(ann.page.getByTestId("start")).toContainText(`${clock("Europe/Madrid", agreed)} CE`); // CET or CEST
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
  await expect(ann.page.getByTestId("list-start").first()).toContainText(clock("Europe/Madrid", agreed));
  // The past start was refused with 400, as it should be.
  expect(ann.problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
  expect(bob.problems).toEqual([]);
  await ann.context.close();
  await bob.context.close();
});
