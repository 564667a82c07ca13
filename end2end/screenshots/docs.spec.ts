import { test, expect } from "@playwright/test";
import { hydrated, signUp, uniqueEmail } from "../tests/helpers";

test("request page mid-negotiation and the provider inbox", async ({ browser }) => {
  const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const r = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signUp(p, "Grace Gardener", uniqueEmail("grace"));
  await expect(p.getByTestId("member-name")).toHaveText("Grace Gardener");
  await signUp(r, "Tom Tutor", uniqueEmail("tom"));
  await expect(r.getByTestId("member-name")).toHaveText("Tom Tutor");

  await p.goto("/my/services");
  await hydrated(p);
  await p.getByLabel("Title").first().fill("Vegetable garden help");
  await p.getByLabel("Category").first().fill("Garden");
  await p.getByLabel("Description").first().fill("Digging, weeding and planting beds.");
  await p.getByRole("button", { name: "Offer service" }).click();
  await expect(p.getByRole("link", { name: "Vegetable garden help" })).toBeVisible();

  await r.goto("/services?q=Vegetable");
  await hydrated(r);
  await r.getByRole("link", { name: "Vegetable garden help" }).click();
  await hydrated(r);
  await r.getByLabel("How long (hours)").selectOption({ label: "2 h" });
  await r.getByLabel("Message to the provider").fill("The back beds need weeding before spring.");
  await r.getByRole("button", { name: "Send request" }).click();
  await expect(r).toHaveURL(/\/requests\//);
  const url = r.url();

  await p.goto(url);
  await hydrated(p);
  await p.getByLabel("Hours", { exact: true }).selectOption({ label: "3 h" });
  await p.getByLabel("Message").fill("It's a three-hour job, I'm afraid.");
  await p.getByRole("button", { name: "Send counter-offer" }).click();
  await expect(p.getByTestId("state")).toHaveAttribute("data-state", "NEGOTIATING");

  await r.goto(url);
  await hydrated(r);
  await expect(r.getByTestId("state")).toHaveAttribute("data-state", "NEGOTIATING");
  await r.screenshot({ path: "../docs/request-page-negotiating.png", fullPage: true });

  await p.goto("/inbox");
  await hydrated(p);
  await expect(p.getByRole("link", { name: "Vegetable garden help" })).toBeVisible();
  await p.screenshot({ path: "../docs/provider-inbox.png", fullPage: true });
});

test("admin dashboard and dispute panel", async ({ browser }) => {
  const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const r = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const a = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signUp(p, "Sam Fixit", uniqueEmail("sam"));
  await expect(p.getByTestId("member-name")).toHaveText("Sam Fixit");
  await signUp(r, "Bea Baker", uniqueEmail("bea"));
  await expect(r.getByTestId("member-name")).toHaveText("Bea Baker");
  await p.goto("/my/services");
  await hydrated(p);
  await p.getByLabel("Title").first().fill("Bike repair");
  await p.getByLabel("Category").first().fill("Repairs");
  await p.getByRole("button", { name: "Offer service" }).click();
  await expect(p.getByRole("link", { name: "Bike repair" })).toBeVisible();
  await r.goto("/services?q=Bike%20repair");
  await hydrated(r);
  await r.getByRole("link", { name: "Bike repair" }).first().click();
  await hydrated(r);
  await r.getByRole("button", { name: "Send request" }).click();
  await expect(r).toHaveURL(/\/requests\//);
  const url = r.url();
  await p.goto(url);
  await hydrated(p);
  await p.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(p.getByTestId("state")).toHaveAttribute("data-state", "ACCEPTED");
  await r.goto(url);
  await hydrated(r);
  await r.getByLabel("What went wrong?").fill("The brakes still squeal after the repair.");
  await r.getByRole("button", { name: "Raise a dispute" }).click();
  await expect(r.getByTestId("state")).toHaveAttribute("data-state", "DISPUTED");

  await a.goto("/login");
  await hydrated(a);
  await a.getByLabel("E-mail").fill("admin@e2e.test");
  await a.getByLabel("Password").fill("e2e-admin-password");
  await a.getByRole("button", { name: "Log in" }).click();
  await expect(a.getByTestId("member-name")).toHaveText("Admin");
  await a.goto("/admin");
  await hydrated(a);
  await expect(a.getByTestId("conservation")).toBeVisible();
  await a.screenshot({ path: "../docs/admin-dashboard.png", fullPage: true });
  await a.goto("/admin/disputes");
  await hydrated(a);
  await expect(a.getByTestId("disputes")).toBeVisible();
  await a.screenshot({ path: "../docs/admin-disputes.png", fullPage: true });
});

test("one request in Catalan (Barcelona) and in English (New York)", async ({ browser }) => {
  const day = (tz: string, days: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
  const anna = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ca-ES", timezoneId: "Europe/Madrid" })).newPage();
  const bob = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "America/New_York" })).newPage();
  await anna.goto("/signup");
  await hydrated(anna);
  await anna.getByLabel("El teu nom").fill("Anna Puig");
  await anna.getByLabel("Correu electrònic").fill(uniqueEmail("anna"));
  await anna.getByLabel("Contrasenya").fill("a-long-enough-pw");
  await anna.getByRole("button", { name: "Registra't" }).click();
  await expect(anna.getByTestId("member-name")).toHaveText("Anna Puig");
  await expect(anna.locator("html")).toHaveAttribute("data-tz", "Europe/Madrid");
  await signUp(bob, "Bob Miller", uniqueEmail("bob"));
  await expect(bob.getByTestId("member-name")).toHaveText("Bob Miller");
  await expect(bob.locator("html")).toHaveAttribute("data-tz", "America/New_York");
  await bob.goto("/my/services");
  await hydrated(bob);
  await bob.getByLabel("Title").first().fill("Vegetable garden help");
  await bob.getByLabel("Category").first().fill("Garden");
  await bob.getByLabel("Description").first().fill("Digging, weeding and planting beds.");
  await bob.getByRole("button", { name: "Offer service" }).click();
  await expect(bob.getByRole("link", { name: "Vegetable garden help" })).toBeVisible();

  await anna.goto("/services?q=Vegetable");
  await hydrated(anna);
  await anna.getByRole("link", { name: "Vegetable garden help" }).click();
  await hydrated(anna);
  await anna.getByLabel("Inici (opcional)").fill(`${day("Europe/Madrid", 8)}T16:00`);
  await anna.getByLabel("Missatge per al proveïdor").fill("Els bancals del fons necessiten una bona neteja.");
  await anna.getByRole("button", { name: "Envia la sol·licitud" }).click();
  await expect(anna).toHaveURL(/\/requests\//);
  const url = anna.url();
  await bob.goto(url);
  await hydrated(bob);
  await bob.getByLabel("Start (optional)").fill(`${day("America/New_York", 8)}T11:00`);
  await bob.getByRole("button", { name: "Send counter-offer" }).click();
  await expect(bob.getByTestId("state")).toHaveAttribute("data-state", "NEGOTIATING");
  await anna.goto(url);
  await hydrated(anna);
  await anna.getByRole("button", { name: "Accepta", exact: true }).click();
  await expect(anna.getByTestId("state")).toHaveAttribute("data-state", "ACCEPTED");
  await anna.screenshot({ path: "../docs/request-ca.png", fullPage: true });
  await bob.goto(url);
  await hydrated(bob);
  await bob.screenshot({ path: "../docs/request-en.png", fullPage: true });
});
