import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ADMIN, PASSWORD, hydrated, logIn, signUp, uniqueEmail, watchConsole } from "./helpers";

async function noAxeViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe("accounts, hydrated", () => {
  test("sign up shows the header with name and balance; log out; log in", async ({ page }) => {
    const problems = watchConsole(page);
    const email = uniqueEmail("ann");
    await signUp(page, "Ann Example", email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("member-name")).toHaveText("Ann Example");
    // The e2e server grants 300 minutes of starting credit.
    await expect(page.getByTestId("balance")).toHaveText("5 h");
    await expect(page.getByRole("heading", { name: "Welcome, Ann Example" })).toBeVisible();

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Log in" })).toBeVisible();
    await expect(page.getByTestId("member-name")).toHaveCount(0);

    await logIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("member-name")).toHaveText("Ann Example");
    expect(problems).toEqual([]);
  });

  test("a wrong password and an unknown e-mail get clear messages", async ({ page }) => {
    const problems = watchConsole(page);
    const email = uniqueEmail("bob");
    await signUp(page, "Bob", email);
    await expect(page.getByTestId("member-name")).toHaveText("Bob");
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Log in" })).toBeVisible();

    await logIn(page, email, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("Wrong password for that e-mail address.");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("member-name")).toHaveCount(0);

    await logIn(page, uniqueEmail("nobody"), PASSWORD);
    await expect(page.getByRole("alert")).toContainText("No account uses that e-mail address");
    // Server answers 4xx for the refused logins; those are expected, not page errors.
    expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
  });

  test("a weak password and a duplicate e-mail are refused on the form", async ({ page }) => {
    const email = uniqueEmail("cy");
    await signUp(page, "Cy", email, true, "short");
    await expect(page.getByRole("alert")).toContainText("at least 10 characters");
    await signUp(page, "Cy", email);
    await expect(page.getByTestId("member-name")).toHaveText("Cy");
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Log in" })).toBeVisible();
    await signUp(page, "Cy again", email.toUpperCase());
    await expect(page.getByRole("alert")).toContainText("already exists");
  });

  test("a deactivated member is logged out and cannot log in", async ({ browser }) => {
    const memberCtx = await browser.newContext();
    const adminCtx = await browser.newContext();
    const member = await memberCtx.newPage();
    const admin = await adminCtx.newPage();
    const email = uniqueEmail("dee");

    await signUp(member, "Dee Deactivated", email);
    await expect(member.getByTestId("member-name")).toHaveText("Dee Deactivated");

    await logIn(admin, ADMIN.email, ADMIN.password);
    await expect(admin.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
    await admin.goto(`/admin/members?q=${encodeURIComponent(email)}`);
    await hydrated(admin);
    const row = admin.locator(`tr[data-email="${email}"]`);
    await expect(row).toContainText("active");
    await row.getByRole("button", { name: "Deactivate Dee Deactivated" }).click();
    await expect(row).toContainText("deactivated");

    await member.reload();
    await expect(member.getByRole("navigation").getByRole("link", { name: "Log in" })).toBeVisible();
    await expect(member.getByTestId("member-name")).toHaveCount(0);
    await logIn(member, email, PASSWORD);
    await expect(member.getByRole("alert")).toHaveText("This account has been deactivated. Please contact an admin.");

    await memberCtx.close();
    await adminCtx.close();
  });

  test("unknown pages get a readable 404", async ({ page }) => {
    const res = await page.goto("/no/such/page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await noAxeViolations(page);
  });

  test("the start, sign-up and login pages pass axe and work from the keyboard alone", async ({ page }) => {
    for (const path of ["/", "/signup", "/login", "/services"]) {
      await page.goto(path);
      await hydrated(page);
      await noAxeViolations(page);
    }
    const email = uniqueEmail("kay");
    await page.goto("/signup");
    await hydrated(page);
    await page.getByLabel("Your name").focus();
    await page.keyboard.type("Kay Keyboard");
    await page.keyboard.press("Tab");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("member-name")).toHaveText("Kay Keyboard");
    await noAxeViolations(page);
  });
});

test.describe("accounts without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign up, log out, wrong password and log in all work as plain form posts", async ({ page }) => {
    const email = uniqueEmail("nojs");
    await signUp(page, "No Script", email, false);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("member-name")).toHaveText("No Script");
    await expect(page.getByTestId("balance")).toHaveText("5 h");

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Log in" })).toBeVisible();

    await logIn(page, email, "not-the-password", false);
    await expect(page.getByRole("alert")).toHaveText("Wrong password for that e-mail address.");

    await logIn(page, email, PASSWORD, false);
    await expect(page.getByTestId("member-name")).toHaveText("No Script");
  });
});
