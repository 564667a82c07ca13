import { test, expect, Page, Browser, TestInfo } from "@playwright/test";
import { ADMIN, hydrated, logIn, signUp, uniqueEmail } from "./helpers";

const js = (info: TestInfo) => info.project.name === "hydrated";

async function person(browser: Browser, name: string, info: TestInfo) {
  const page = await (await browser.newContext({ javaScriptEnabled: js(info) })).newPage();
  await signUp(page, name, uniqueEmail(name.toLowerCase().replace(/\W/g, "")), js(info));
  await expect(page.getByTestId("member-name")).toHaveText(name);
  return page;
}

async function admin(browser: Browser, info: TestInfo) {
  const page = await (await browser.newContext({ javaScriptEnabled: js(info) })).newPage();
  await logIn(page, ADMIN.email, ADMIN.password, js(info));
  await expect(page.getByTestId("member-name")).toHaveText("Admin");
  return page;
}

async function go(page: Page, url: string, info: TestInfo) {
  await page.goto(url);
  await hydrated(page, js(info));
}

async function state(page: Page, s: string) {
  await expect(page.getByTestId("state")).toHaveAttribute("data-state", s);
}

/** A provider with a service, a requester with 5 h, and a request accepted and disputed. */
async function disputed(browser: Browser, info: TestInfo, tag: string) {
  const provider = await person(browser, `Pia ${tag}`, info);
  const requester = await person(browser, `Rex ${tag}`, info);
  const title = `Dispute ${tag} ${Date.now() % 1e7}`;
  await go(provider, "/my/services", info);
  await provider.getByLabel("Title").first().fill(title);
  await provider.getByLabel("Category").first().fill("Repairs");
  await provider.getByRole("button", { name: "Offer service" }).click();
  await expect(provider.getByRole("link", { name: title })).toBeVisible();
  await go(requester, `/services?q=${encodeURIComponent(title)}`, info);
  await requester.getByRole("link", { name: title }).click();
  await hydrated(requester, js(info));
  await requester.getByLabel("How long (hours)").selectOption({ label: "2 h" });
  await requester.getByRole("button", { name: "Send request" }).click();
  await expect(requester).toHaveURL(/\/requests\//);
  const url = requester.url();
  await go(provider, url, info);
  await provider.getByRole("button", { name: "Accept", exact: true }).click();
  await state(provider, "ACCEPTED");
  await go(requester, url, info);
  await requester.getByLabel("What went wrong?").fill(`problem ${tag}`);
  await requester.getByRole("button", { name: "Raise a dispute" }).click();
  await state(requester, "DISPUTED");
  return { provider, requester, url, title };
}

async function balances(requester: Page, provider: Page, info: TestInfo) {
  await go(requester, "/balance", info);
  await go(provider, "/balance", info);
  return [await requester.getByTestId("available").textContent(), await provider.getByTestId("available").textContent()];
}

for (const [outcome, expectedState, requesterAfter, providerAfter] of [
  ["resume", "ACCEPTED", "3 h", "5 h"],
  ["pay", "PAID", "3 h", "7 h"],
  ["refund", "RESOLVED", "5 h", "5 h"],
  ["split", "RESOLVED", "4 h 30 min", "5 h 30 min"],
] as const) {
  test(`an admin resolves a dispute: ${outcome}`, async ({ browser }, info) => {
    const { provider, requester, url, title } = await disputed(browser, info, outcome);
    const a = await admin(browser, info);
    await go(a, "/admin/disputes", info);
    await expect(a.getByTestId("disputes")).toContainText(`problem ${outcome}`);
    await a.getByRole("link", { name: title }).click();
    await hydrated(a, js(info));
    await expect(a.getByTestId("history")).toContainText("dispute");
    await expect(a.getByTestId("state-graph")).toBeVisible();
    const forms = {
      resume: ["#resume-text", "Resume"],
      pay: ["#pay_provider-text", "Pay the provider"],
      refund: ["#refund-text", "Refund the requester"],
      split: ["#split-text", "Split"],
    } as const;
    const [note, button] = forms[outcome];
    if (outcome === "split") await a.locator("#split-minutes").fill("30");
    await a.locator(note).fill(`settled: ${outcome}`);
    await a.getByRole("button", { name: button, exact: true }).click();
    await state(a, expectedState);
    await go(a, "/admin/disputes", info);
    await expect(a.getByText(`problem ${outcome}`)).toHaveCount(0);
    // Both members were told, and their balances show the outcome.
    const [r, p] = await balances(requester, provider, info);
    expect([r, p]).toEqual([requesterAfter, providerAfter]);
    await go(requester, url, info);
    await expect(requester.getByTestId("history")).toContainText("an admin");
    await go(requester, "/notifications", info);
    await expect(requester.getByText(`settled: ${outcome}`).first()).toBeVisible();
  });
}

test("members and anonymous visitors can't reach admin pages", async ({ browser }, info) => {
  const member = await person(browser, "Mo Member", info);
  for (const path of ["/admin", "/admin/disputes", "/admin/members", `/admin/members/00000000-0000-4000-8000-000000000000`]) {
    const res = await member.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(member.getByRole("heading", { name: "Admins only" })).toBeVisible();
  }
  const anon = await (await browser.newContext({ javaScriptEnabled: js(info) })).newPage();
  await anon.goto("/admin");
  await expect(anon).toHaveURL(/\/login$/);
});

test("the admin pages fit a phone: a wide table scrolls inside itself, the page never sideways", async ({ browser }, info) => {
  const a = await admin(browser, info);
  await a.setViewportSize({ width: 390, height: 844 });
  await go(a, "/admin/members", info);
  const member = await a.locator("table.members tbody a").first().getAttribute("href");
  expect(member).toMatch(/^\/admin\/members\/[0-9a-f-]{36}$/);
  for (const path of ["/admin", "/admin/disputes", "/admin/members", "/admin/members?page=2", member!]) {
    await go(a, path, info);
    const wide = await a.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${path} is ${wide} px wide at 390`).toBeLessThanOrEqual(390);
  }
});

test("the dashboard's numbers follow a scenario", async ({ browser }, info) => {
  const a = await admin(browser, info);
  const count = async (s: string) => {
    const cell = a.locator(`[data-testid="by-state"] tr[data-state="${s}"] td.num`);
    return (await cell.count()) ? Number(await cell.textContent()) : 0;
  };
  const escrowMinutes = async () => {
    const t = (await a.getByTestId("in-escrow").textContent()) ?? "0 h";
    const h = /(\d+) h/.exec(t);
    const m = /(\d+) min/.exec(t);
    return (h ? Number(h[1]) * 60 : 0) + (m ? Number(m[1]) : 0);
  };
  await go(a, "/admin", info);
  await expect(a.getByTestId("conservation")).toContainText("Balanced");
  const before = { disputed: await count("DISPUTED"), escrow: await escrowMinutes() };
  await disputed(browser, info, "dashboard");
  await go(a, "/admin", info);
  await expect(a.getByTestId("conservation")).toContainText("Balanced");
  expect(await count("DISPUTED")).toBe(before.disputed + 1);
  expect(await escrowMinutes()).toBe(before.escrow + 120);
  await expect(a.getByTestId("per-day")).toContainText("1");
});

test("/metrics counts the transitions the suite made", async ({ request }) => {
  const text = await (await request.get("/metrics")).text();
  const accepted = /hourbank_transitions_total\{event="accept",outcome="ok"\} (\d+)/.exec(text);
  expect(accepted, text).not.toBeNull();
  expect(Number(accepted![1])).toBeGreaterThan(0);
  expect(text).toContain('hourbank_server_fn_duration_seconds_bucket{function="requests/act"');
  expect(text).toMatch(/hourbank_open_requests\{state="DISPUTED"\} [1-9]/);
});
