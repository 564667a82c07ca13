import { test, expect, Page, Browser, BrowserContext, TestInfo, APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hydrated, logIn, signUp, uniqueEmail, watchConsole, ADMIN } from "./helpers";

// Each test runs in the "hydrated" project and again with JavaScript off ("nojs"):
// every action is a server-rendered form either way.

const js = (info: TestInfo) => info.project.name === "hydrated";

/** No accessibility violations on the page as it stands. axe runs as a script in the
 * page, so with JavaScript off it checks the same server-rendered page in a twin tab
 * (same cookies) whose own scripts are blocked, so it is not hydrated either. */
async function axe(page: Page, info: TestInfo) {
  let target = page;
  let twin: BrowserContext | undefined;
  if (!js(info)) {
    twin = await page.context().browser()!.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
    target = await twin.newPage();
    await target.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    await target.goto(page.url());
  }
  const results = await new AxeBuilder({ page: target }).analyze();
  await twin?.close();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`)).toEqual([]);
}

async function member(browser: Browser, name: string, info: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: js(info) });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signUp(page, name, uniqueEmail(name.toLowerCase().replace(/\W/g, "")), js(info));
  await expect(page.getByTestId("member-name")).toHaveText(name);
  return { context, page, problems };
}

async function offer(page: Page, title: string, info: TestInfo, windowHours = 24) {
  await page.goto("/my/services");
  await hydrated(page, js(info));
  await page.getByLabel("Title").first().fill(title);
  await page.getByLabel("Category").first().fill("Garden");
  await page.getByLabel("Description").first().fill("Weeding and planting");
  await page.getByLabel("You answer requests within").fill(String(windowHours));
  await page.getByRole("button", { name: "Offer service" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
}

/** Requests the service titled `title`; returns the request page's URL. */
async function request(page: Page, title: string, duration: string, info: TestInfo): Promise<string> {
  await page.goto(`/services?q=${encodeURIComponent(title)}`);
  await hydrated(page, js(info));
  await page.getByRole("link", { name: title }).click();
  await hydrated(page, js(info));
  await page.getByLabel("How long (hours)").selectOption({ label: duration });
  await page.getByLabel("Message to the provider").fill("Could you help on Saturday?");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  return page.url();
}

async function open(page: Page, url: string, info: TestInfo) {
  await page.goto(url);
  await hydrated(page, js(info));
}

async function state(page: Page, expected: string) {
  await expect(page.getByTestId("state")).toHaveAttribute("data-state", expected);
}

async function act(page: Page, button: string, expected: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await state(page, expected);
}

async function advanceClock(request: APIRequestContext, hours: number) {
  const res = await request.post(`/test/clock?hours=${hours}`);
  expect(res.ok()).toBeTruthy();
}

function uniqueTitle(prefix: string) {
  return `${prefix} ${Date.now() % 1e7}-${Math.floor(Math.random() * 1e4)}`;
}

test("happy path: request, accept, start, complete, pay, rate", async ({ browser }, info) => {
  // The whole lifecycle in two browsers with seven accessibility scans; without JavaScript
  // each scan opens a second, scripted context (axe needs one). On two shared cores that
  // took 22.7 s hydrated and ran past the default 30 s without JavaScript (2026-12-03),
  // with every step passing: a time budget, not a speed goal.
  test.setTimeout(90_000);
  const provider = await member(browser, "Paula Provider", info);
  const requester = await member(browser, "Rita Requester", info);
  const title = uniqueTitle("Garden help");
  await offer(provider.page, title, info);
  await axe(provider.page, info);

  // The provider watches the inbox; the request appears without a reload when hydrated.
  await open(provider.page, "/inbox", info);
  const url = await request(requester.page, title, "1 h", info);
  await state(requester.page, "AWAITING_RESPONSE");
  await expect(requester.page.getByTestId("balance")).toHaveText("4 h (1 h held)");
  await axe(requester.page, info);
  if (!js(info)) await provider.page.reload();
  await expect(provider.page.getByRole("link", { name: title })).toBeVisible();
  await expect(provider.page.getByText("your turn")).toBeVisible();
  await axe(provider.page, info);

  await provider.page.getByRole("link", { name: title }).click();
  await hydrated(provider.page, js(info));
  await state(provider.page, "AWAITING_RESPONSE");
  await expect(provider.page.getByTestId("state-graph")).toBeVisible();
  await axe(provider.page, info);
  await act(provider.page, "Accept", "ACCEPTED");
  await act(provider.page, "Mark started", "PENDING_START_CONFIRMATION");

  await open(requester.page, url, info);
  await act(requester.page, "Confirm start", "IN_PROGRESS");
  // Hydrated, the provider's page follows live; without JavaScript they reload.
  if (!js(info)) await provider.page.reload();
  await act(provider.page, "Mark completed", "PENDING_COMPLETION_CONFIRMATION");
  if (!js(info)) await requester.page.reload();
  await act(requester.page, "Confirm completion", "PAID");
  await expect(requester.page.getByTestId("hold")).toHaveText("1 h was paid to the provider.");
  await expect(requester.page.getByTestId("balance")).toHaveText("4 h");
  await expect(requester.page.getByTestId("history")).toContainText("confirm completion");

  await requester.page.getByLabel("Stars").selectOption("5");
  await requester.page.getByLabel("Comment (optional)").fill("Lovely work");
  await requester.page.getByRole("button", { name: "Rate" }).click();
  await expect(requester.page.getByText("Rita Requester: 5 of 5 — “Lovely work”")).toBeVisible();
  await expect(requester.page.getByRole("button", { name: "Rate" })).toHaveCount(0);

  await open(provider.page, "/balance", info);
  await expect(provider.page.getByTestId("available")).toHaveText("6 h");
  await axe(provider.page, info);
  await open(provider.page, "/notifications", info);
  await expect(provider.page.getByText("You were rated 5 of 5.")).toBeVisible();
  await axe(provider.page, info);

  await open(requester.page, `/services?q=${encodeURIComponent(title)}`, info);
  await requester.page.getByRole("link", { name: "Paula Provider" }).first().click();
  await expect(requester.page.getByTestId("rating")).toHaveText("5.00 ★ (1)");
  await axe(requester.page, info);
  expect([...provider.problems, ...requester.problems]).toEqual([]);
});

test("decline returns the hours", async ({ browser }, info) => {
  const provider = await member(browser, "Dan Decliner", info);
  const requester = await member(browser, "Rob Requester", info);
  const title = uniqueTitle("Bike repair");
  await offer(provider.page, title, info);
  const url = await request(requester.page, title, "2 h", info);
  await open(provider.page, url, info);
  await provider.page.getByLabel("Reason (optional)").first().fill("Away that week");
  await act(provider.page, "Decline", "REJECTED");
  await open(requester.page, url, info);
  await expect(requester.page.getByTestId("end-reason")).toHaveText("Declined: Away that week");
  await expect(requester.page.getByTestId("balance")).toHaveText("5 h");
});

test("a counter-offer is accepted after two rounds", async ({ browser }, info) => {
  const provider = await member(browser, "Nina Negotiator", info);
  const requester = await member(browser, "Ned Needs", info);
  const title = uniqueTitle("Tutoring");
  await offer(provider.page, title, info);
  const url = await request(requester.page, title, "1 h", info);

  await open(provider.page, url, info);
  await provider.page.getByLabel("Hours", { exact: true }).selectOption({ label: "2 h" });
  await act(provider.page, "Send counter-offer", "NEGOTIATING");
  await expect(provider.page.getByTestId("waiting-for")).toContainText("Ned Needs (the requester) to answer");

  await open(requester.page, url, info);
  await axe(requester.page, info);
  await requester.page.getByLabel("Hours", { exact: true }).selectOption({ label: "1 h 30 min" });
  await requester.page.getByLabel("Message").fill("Meet in the middle?");
  await act(requester.page, "Send counter-offer", "NEGOTIATING");
  await expect(requester.page.getByTestId("hold")).toHaveText("1 h 30 min is held in escrow.");

  await open(provider.page, url, info);
  await act(provider.page, "Accept", "ACCEPTED");
  await expect(provider.page.getByText("Round 1, Nina Negotiator: 2 h at rate 1.00")).toBeVisible();
  await expect(provider.page.getByText("Round 2, Ned Needs: 1 h 30 min at rate 1.00")).toBeVisible();
  await open(requester.page, url, info);
  await expect(requester.page.getByTestId("balance")).toHaveText("3 h 30 min (1 h 30 min held)");
});

test("the requester withdraws", async ({ browser }, info) => {
  const provider = await member(browser, "Wendy Waits", info);
  const requester = await member(browser, "Walt Withdraws", info);
  const title = uniqueTitle("Baking");
  await offer(provider.page, title, info);
  const url = await request(requester.page, title, "1 h", info);
  await act(requester.page, "Withdraw request", "CANCELLED");
  await expect(requester.page.getByTestId("balance")).toHaveText("5 h");
  await open(provider.page, url, info);
  await state(provider.page, "CANCELLED");
  await expect(provider.page.getByText("Nothing right now.")).toBeVisible();
});

test("expiry and both auto-confirms, by moving the server's clock", async ({ browser, request: api }, info) => {
  const provider = await member(browser, "Tina Timer", info);
  const requester = await member(browser, "Tom Tardy", info);
  const title = uniqueTitle("Quick answers");
  await offer(provider.page, title, info, 2);
  const expiring = await request(requester.page, title, "1 h", info);
  await advanceClock(api, 3);
  await open(requester.page, expiring, info);
  await state(requester.page, "EXPIRED");
  await expect(requester.page.getByTestId("balance")).toHaveText("5 h");

  const url = await request(requester.page, title, "1 h", info);
  await open(provider.page, url, info);
  await act(provider.page, "Accept", "ACCEPTED");
  await act(provider.page, "Mark started", "PENDING_START_CONFIRMATION");
  await expect(provider.page.getByTestId("deadline")).toContainText("the start is confirmed automatically");
  await advanceClock(api, 49);
  await open(provider.page, url, info);
  await state(provider.page, "IN_PROGRESS");
  await expect(provider.page.getByText("The start was confirmed automatically.")).toBeVisible();
  await act(provider.page, "Mark completed", "PENDING_COMPLETION_CONFIRMATION");
  await advanceClock(api, 49);
  await open(provider.page, url, info);
  await state(provider.page, "PAID");
  await expect(provider.page.getByTestId("history")).toContainText("auto-confirmed");
  await expect(provider.page.getByTestId("balance")).toHaveText("6 h");
});

test("a dispute pauses the request for an admin", async ({ browser }, info) => {
  const provider = await member(browser, "Dora Disputed", info);
  const requester = await member(browser, "Doug Disputes", info);
  const title = uniqueTitle("Painting");
  await offer(provider.page, title, info);
  const url = await request(requester.page, title, "1 h", info);
  await open(provider.page, url, info);
  await act(provider.page, "Accept", "ACCEPTED");
  await open(requester.page, url, info);
  // A dispute needs a reason; the form says so (hydrated: the browser's required check).
  await requester.page.getByLabel("What went wrong?").fill("They never came");
  await act(requester.page, "Raise a dispute", "DISPUTED");
  await expect(requester.page.getByTestId("waiting-for")).toContainText("an admin to resolve the dispute");
  await expect(requester.page.getByTestId("hold")).toHaveText("1 h is held in escrow.");
  // The admin sees the resolution forms.
  const adminCtx = await browser.newContext({ javaScriptEnabled: js(info) });
  const admin = await adminCtx.newPage();
  await logIn(admin, ADMIN.email, ADMIN.password, js(info));
  await expect(admin.getByTestId("member-name")).toHaveText("Admin");
  await open(admin, url, info);
  await expect(admin.getByRole("button", { name: "Refund the requester" })).toBeVisible();
  await axe(admin, info);
});

test("a request the requester can't afford is refused with its reason", async ({ browser }, info) => {
  const provider = await member(browser, "Ivy Idle", info);
  const requester = await member(browser, "Ian Insufficient", info);
  const title = uniqueTitle("Long job");
  await offer(provider.page, title, info);
  await request(requester.page, title, "8 h", info);
  await state(requester.page, "REJECTED");
  await expect(requester.page.getByTestId("end-reason")).toHaveText(
    "Not sent: You don't have enough hours: this request costs 8 h and you have 5 h available.",
  );
  await expect(requester.page.getByTestId("balance")).toHaveText("5 h");
});

test("a stranger can't open someone else's request", async ({ browser }, info) => {
  const provider = await member(browser, "Pat Private", info);
  const requester = await member(browser, "Rae Private", info);
  const stranger = await member(browser, "Sam Stranger", info);
  const title = uniqueTitle("Private");
  await offer(provider.page, title, info);
  const url = await request(requester.page, title, "1 h", info);
  await open(stranger.page, url, info);
  await expect(stranger.page.getByRole("alert")).toContainText("No such request.");
  await expect(stranger.page.getByTestId("state")).toHaveCount(0);
});
