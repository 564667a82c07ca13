import { test, expect, Browser, TestInfo } from "@playwright/test";
import { hydrated, signUp, uniqueEmail, watchConsole, PASSWORD } from "./helpers";

// E-mail as members meet it: the test server sends to the local SMTP sink (maildev,
// scripts/mail-sink.sh), and these tests read what arrived through its API and follow
// the links — hydrated, and as plain server-rendered forms.

const js = (info: TestInfo) => info.project.name === "hydrated";
const SINK = process.env.HOURBANK_TEST_MAILDEV_URL ?? "http://127.0.0.1:1080";

type Mail = { subject: string; text: string; to: { address: string }[] };

/** Waits for a message to `address` whose subject contains `subject`. */
async function mailTo(address: string, subject: string): Promise<Mail> {
  for (let i = 0; i < 150; i++) {
    const all: Mail[] = await (await fetch(`${SINK}/email?to.address=${encodeURIComponent(address.toLowerCase())}`)).json();
    const found = all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()) && m.subject.includes(subject));
    if (found.length > 0) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no e-mail "${subject}" to ${address}`);
}

function linkIn(mail: Mail, path: string): string {
  const link = mail.text.split(/\s+/).find((w) => w.includes(path));
  if (!link) throw new Error(`no ${path} link in: ${mail.text}`);
  return link;
}

async function person(browser: Browser, name: string, info: TestInfo) {
  const context = await browser.newContext({ javaScriptEnabled: js(info) });
  const page = await context.newPage();
  const problems = watchConsole(page);
  const email = uniqueEmail(name.toLowerCase().replace(/\W/g, ""));
  await signUp(page, name, email, js(info));
  await expect(page.getByTestId("member-name")).toHaveText(name);
  return { page, email, problems };
}

test("a member confirms their address, and the provider follows the e-mailed link to the request", async ({ browser }, info) => {
  const provider = await person(browser, "Mia Mailer", info);
  const confirm = await mailTo(provider.email, "Please confirm your e-mail address");
  await provider.page.goto(linkIn(confirm, "/verify?token="));
  await hydrated(provider.page, js(info));
  await provider.page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(provider.page.getByTestId("verified")).toBeVisible();
  await provider.page.goto("/settings");
  await hydrated(provider.page, js(info));
  await expect(provider.page.getByTestId("email-address")).toContainText("verified");

  const title = `Mailed ${Date.now() % 1e7}`;
  await provider.page.goto("/my/services");
  await hydrated(provider.page, js(info));
  await provider.page.locator("#new-title").fill(title);
  await provider.page.locator("#new-category").fill("Repairs");
  await provider.page.getByRole("button", { name: "Offer service" }).click();
  await expect(provider.page.getByRole("link", { name: title })).toBeVisible();

  const requester = await person(browser, "Rob Reader", info);
  await requester.page.goto(`/services?q=${encodeURIComponent(title)}`);
  await hydrated(requester.page, js(info));
  await requester.page.getByRole("link", { name: title }).click();
  await hydrated(requester.page, js(info));
  await requester.page.getByRole("button", { name: "Send request" }).click();
  await expect(requester.page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);

  const asked = await mailTo(provider.email, "New request");
  expect(asked.text).toContain("Please answer by");
  const link = linkIn(asked, "/requests/");
  expect(link).toBe(requester.page.url());
  await provider.page.goto(link);
  await hydrated(provider.page, js(info));
  await expect(provider.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await provider.page.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(provider.page.getByTestId("state")).toHaveAttribute("data-state", "ACCEPTED");
  expect([...provider.problems, ...requester.problems]).toEqual([]);
});

test("a forgotten password is set again from the e-mailed link", async ({ browser }, info) => {
  const m = await person(browser, "Fay Forgetful", info);
  await m.page.getByRole("button", { name: "Log out" }).click();
  await expect(m.page.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
  await m.page.goto("/login");
  await hydrated(m.page, js(info));
  await m.page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(m.page).toHaveURL(/\/forgot$/);
  await hydrated(m.page, js(info));
  await m.page.getByLabel("E-mail").fill(m.email);
  await m.page.getByRole("button", { name: "Send me a link" }).click();
  await expect(m.page.getByTestId("reset-sent")).toContainText("If an account uses that address");

  const mail = await mailTo(m.email, "Set a new password");
  await m.page.goto(linkIn(mail, "/reset?token="));
  await hydrated(m.page, js(info));
  await m.page.getByLabel("New password").fill("a-fresh-new-password");
  await m.page.getByRole("button", { name: "Set the password and log in" }).click();
  await expect(m.page.getByTestId("member-name")).toHaveText("Fay Forgetful");

  // The old password is gone; the new one logs in; the link works once.
  await m.page.getByRole("button", { name: "Log out" }).click();
  await m.page.goto("/login");
  await hydrated(m.page, js(info));
  await m.page.getByLabel("E-mail").fill(m.email);
  await m.page.getByLabel("Password").fill(PASSWORD);
  await m.page.getByRole("button", { name: "Log in" }).click();
  await expect(m.page.getByText("Wrong password")).toBeVisible();
  await m.page.getByLabel("E-mail").fill(m.email);
  await m.page.getByLabel("Password").fill("a-fresh-new-password");
  await m.page.getByRole("button", { name: "Log in" }).click();
  await expect(m.page.getByTestId("member-name")).toHaveText("Fay Forgetful");
  await m.page.goto(linkIn(mail, "/reset?token="));
  await hydrated(m.page, js(info));
  await m.page.getByLabel("New password").fill("yet-another-password");
  await m.page.getByRole("button", { name: "Set the password and log in" }).click();
  await expect(m.page.getByText("This link has expired or was used already")).toBeVisible();
  // The wrong password and the spent link were refused with 400, as they should be.
  expect(m.problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
});
