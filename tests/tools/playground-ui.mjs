#!/usr/bin/env node
// playground-ui.mjs — uses the bot the way a person does, in the Teams emulator's web page.
//
//   node tests/tools/playground-ui.mjs <emulator-url> <screenshot-folder>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser), waits for the welcome
// card, types "help", waits for the help card, clicks the welcome card's button and waits for
// the card to be replaced, taking a screenshot of the chat after each step. Every step waits for
// what a person would see, so a missing card fails with a timeout that names the step.
// Exit 0 when every step was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder] = process.argv.slice(2);
if (!url || !folder) {
    console.error("usage: node playground-ui.mjs <emulator-url> <screenshot-folder>");
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
    const seen = (text) => page.getByText(text).first().waitFor({ timeout: 20000 });

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the welcome card";
    await seen("I'm the Integrify bot");
    await shot("1-welcome.png");

    step = "typing help";
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type("help");
    await page.keyboard.press("Enter");
    step = "waiting for the help card";
    await seen("Here's what I can do");
    await shot("2-help.png");

    step = "clicking the welcome card's button";
    await page.getByRole("button", { name: "Show what you can do" }).click();
    step = "waiting for the welcome card to be replaced";
    await page.getByRole("button", { name: "Show what you can do" }).waitFor({ state: "detached", timeout: 20000 });
    await page.getByText("Here's what I can do").nth(1).waitFor({ timeout: 20000 });
    await shot("3-welcome-replaced-by-help.png");
    console.log("all steps seen");
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
