#!/usr/bin/env node
// playground-link-ui.mjs — links an Integrify account in the Teams emulator's web page, as a person does.
//
//   node tests/tools/playground-link-ui.mjs <emulator-url> <screenshot-folder> <username> <password>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser) as its user, Alex Wilber,
// with a bot that does not link him by itself. Types "sign in" and waits for the link card; clicks
// "Sign in here" and fills the card's username and password fields (found by their labels); clicks
// the card's "Sign in" and waits for "You're linked" to take the card's place, the form gone with
// it; then types "status" and waits for the status card saying he is linked with his password.
// A screenshot of the chat is taken after each step. Every step waits for what a person would
// see, so a missing card fails with a timeout that names the step.
// Exit 0 when every step was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, userName, password] = process.argv.slice(2);
if (!url || !folder || !userName || !password) {
    console.error("usage: node playground-link-ui.mjs <emulator-url> <screenshot-folder> <username> <password>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const browser = await launchChromium();
let step = "opening the emulator";
try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The page is offline: anything it asks of another host (fonts, telemetry) is refused at once.
    await keepOffline(page);
    const shot = (name) => page.screenshot({ path: path.join(folder, name) });
    const seen = (locator) => locator.waitFor({ timeout: 20000 });
    const say = async (text) => {
        await page.locator('[data-lexical-editor="true"]').click();
        await page.keyboard.type(text);
        await page.keyboard.press("Enter");
    };
    const linkCardTitle = page.getByText("Link your Integrify account", { exact: true });

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the welcome card";
    await seen(page.getByText("I'm the Integrify bot").first());

    step = "typing sign in";
    await say("sign in");
    step = "waiting for the link card";
    await seen(linkCardTitle);
    await seen(page.getByRole("button", { name: "Sign in with Integrify" }));
    await shot("1-link-card.png");

    step = "clicking Sign in here";
    await page.getByRole("button", { name: "Sign in here" }).click();
    step = "waiting for the card's username and password fields";
    // The emulator renders each field with its label; the password field also has a
    // "Reveal password" button, so the field is asked for by its role as well as its name.
    const userField = page.getByRole("textbox", { name: "Integrify username", exact: true });
    const passwordField = page.getByRole("textbox", { name: "Password", exact: true });
    await seen(userField);
    await seen(passwordField);
    if (await passwordField.getAttribute("type") !== "password") {
        throw new Error("the card's password field shows what is typed");
    }

    step = "filling in the card's form";
    await userField.fill(userName);
    await passwordField.fill(password);
    const signIn = page.getByRole("button", { name: "Sign in", exact: true });
    await signIn.scrollIntoViewIfNeeded();
    await shot("2-form-filled.png");

    step = "clicking the card's Sign in";
    await signIn.click();
    step = "waiting for You're linked to replace the link card";
    await seen(page.getByText("You're linked", { exact: true }));
    await passwordField.waitFor({ state: "detached", timeout: 20000 });
    await linkCardTitle.waitFor({ state: "detached", timeout: 20000 });
    if (await page.getByText(password).count() > 0 || (await page.content()).includes(password)) {
        throw new Error("the password is still on the page");
    }
    await shot("3-linked.png");

    step = "typing status";
    await say("status");
    step = "waiting for the status card";
    const status = page.locator(".ac-adaptiveCard", { has: page.getByText("Your Integrify link", { exact: true }) });
    await seen(status);
    await seen(status.getByText("With your Integrify password", { exact: true }));
    await seen(status.getByText(userName, { exact: true }));
    await shot("4-status.png");
    console.log("all steps seen");
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
