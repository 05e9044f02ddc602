#!/usr/bin/env node
// signin-page.mjs — signs in on the bot's sign-in page the way a person does, in a real browser.
//
//   node tests/tools/signin-page.mjs <sign-in-page-url> <screenshot-folder> <username> <password>
//
// Opens the page (the address of the link card's "Sign in with Integrify" button) in Debian's
// Chromium (never a downloaded browser), finds the fields by their labels as a screen reader
// would, fills them in and presses "Sign in", then waits for what Integrify's answer shows:
//   - accepted: the "Almost done" page; prints "code: NNNNNN" (the six-digit code to send in Teams);
//   - refused: the form again with Integrify's words; prints "refused: <the notice>",
//     "username: <what the username field holds>" and "password: empty" or "password: kept".
// A screenshot is taken after each step. The page must load its own style and script, ask
// nothing of another host and break none of its own Content-Security-Policy. Every step waits for what a person would see, so a
// missing page or field fails with a timeout that names the step.
// Exit 0 when an answer was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, userName, password] = process.argv.slice(2);
if (!url || !folder || !userName || password === undefined) {
    console.error("usage: node signin-page.mjs <sign-in-page-url> <screenshot-folder> <username> <password>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const browser = await launchChromium();
let step = "opening the sign-in page";
try {
    const page = await browser.newPage({ viewport: { width: 600, height: 720 } });
    // The machine is offline, and the page must not need another host anyway: a request elsewhere
    // is refused at once and fails the run.
    const outside = [];
    await keepOffline(page, (address) => outside.push(address));
    const problems = new Set();
    page.on("pageerror", (error) => problems.add(`script error: ${error.message}`));
    page.on("response", (response) => {
        // The page's own style and script: a person would see a bare page, and Teams' popup would
        // never hear back, if one of them did not load.
        if (response.request().resourceType() !== "document" && response.status() >= 400) {
            problems.add(`${response.url()} answered ${response.status()}`);
        }
    });
    page.on("requestfailed", (request) => {
        if (!outside.includes(request.url())) {
            problems.add(`${request.url()} did not load (${request.failure()?.errorText})`);
        }
    });
    page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
            problems.add(`blocked by the page's own policy: ${message.text()}`);
        }
    });
    const shot = (name) => page.screenshot({ path: path.join(folder, name), fullPage: true });
    const seen = (locator) => locator.waitFor({ timeout: 20000 });

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the sign-in form";
    await seen(page.getByRole("heading", { name: "Link your Integrify account" }));
    const userField = page.getByLabel("Username", { exact: true });
    const passwordField = page.getByLabel("Password", { exact: true });
    await seen(userField);
    await seen(passwordField);
    if (await passwordField.getAttribute("type") !== "password") {
        throw new Error("the field labelled Password does not hide what is typed");
    }
    await shot("1-form.png");

    step = "filling in the username and password";
    await userField.fill(userName);
    await passwordField.fill(password);
    await shot("2-filled.png");

    step = "pressing Sign in";
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    step = "waiting for Integrify's answer (the code, or the form with a notice)";
    const done = page.getByRole("heading", { name: "Almost done" });
    const notice = page.getByRole("alert");
    await seen(done.or(notice));

    if (await done.isVisible()) {
        step = "reading the code";
        const code = (await page.locator("p.code").innerText()).trim();
        if (!/^[0-9]{6}$/.test(code)) {
            throw new Error(`the page shows "${code}" where the six-digit code should be`);
        }
        await shot("3-code.png");
        console.log(`code: ${code}`);
    } else {
        step = "reading the notice";
        await shot("3-refused.png");
        console.log(`refused: ${(await notice.innerText()).trim()}`);
        console.log(`username: ${await page.getByLabel("Username", { exact: true }).inputValue()}`);
        console.log(`password: ${(await page.getByLabel("Password", { exact: true }).inputValue()) === "" ? "empty" : "kept"}`);
    }

    step = "checking what the page asked for";
    if (outside.length > 0) {
        throw new Error(`the page asked another host for ${outside.join(", ")}`);
    }
    if (problems.size > 0) {
        throw new Error([...problems].join("; "));
    }
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
