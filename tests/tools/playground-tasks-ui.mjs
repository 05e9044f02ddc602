#!/usr/bin/env node
// playground-tasks-ui.mjs — approves a task from the task list in the Teams emulator's web page, as a person does.
//
//   node tests/tools/playground-tasks-ui.mjs <emulator-url> <screenshot-folder> <request-number> <choice>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser) as its user, Alex Wilber,
// whom the demo bot links by itself. Types "tasks" and waits for the "Your tasks" card with the
// task of the request (e.g. 1001) on it; screenshot 1-task-list.png. Clicks the choice (e.g.
// "Approve") inside that task's own container, not the first such button of the card, and waits
// for the card to be replaced by the list again: the green notice "You chose <choice> on …
// (request #N)" at its top, and the request gone from the list; screenshot 2-approved.png.
// Every step waits for what a person would see, so a missing card fails with a timeout that names
// the step. On success it prints one line "seen: {json}" with what the cards said, for the test.
// Exit 0 when every step was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, requestNumber, choice] = process.argv.slice(2);
if (!url || !folder || !/^\d+$/.test(requestNumber ?? "") || !choice) {
    console.error("usage: node playground-tasks-ui.mjs <emulator-url> <screenshot-folder> <request-number> <choice>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const browser = await launchChromium();
let step = "opening the emulator";
try {
    // Tall enough for the whole list card (ten tasks) to be in the screenshots.
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    // The page is offline: anything it asks of another host (fonts, telemetry) is refused at once.
    await keepOffline(page);
    const shot = (name) => page.screenshot({ path: path.join(folder, name) });
    const seen = (locator) => locator.waitFor({ timeout: 20000 });
    const gone = (locator) => locator.waitFor({ state: "detached", timeout: 20000 });
    const say = async (text) => {
        await page.locator('[data-lexical-editor="true"]').click();
        await page.keyboard.type(text);
        await page.keyboard.press("Enter");
    };

    // The renderer draws each Container as a div.ac-container (the card itself is one too, with
    // .ac-adaptiveCard) holding its TextBlocks and, for a task, a div.ac-actionSet of buttons.
    // A task's container is the one holding its "#1001 · Laptop …" line.
    const card = page.locator(".ac-adaptiveCard", { has: page.getByText("Your tasks", { exact: true }) });
    const requestLine = new RegExp(`^#${requestNumber} · `);
    const task = card.locator(".ac-container:not(.ac-adaptiveCard)", { has: page.getByText(requestLine) });
    // Markdown bold is rendered: "You chose <strong>Approve</strong> on …" reads as plain text.
    const noticeText = page.getByText(new RegExp(`^You chose ${escapeRegExp(choice)} on the task on request #${requestNumber} at .+\\.$`));
    const notice = card.locator(noticeText);

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the welcome card";
    await seen(page.getByText("I'm the Integrify bot").first());

    step = "typing tasks";
    await say("tasks");
    step = "waiting for the task list card";
    await seen(card);
    await seen(card.getByText(/^\d+ open · showing 1–\d+, soonest due first$/));
    step = `waiting for the task of request #${requestNumber} and its ${choice} button`;
    await seen(task);
    const taskCount = await task.count();
    if (taskCount !== 1) {
        throw new Error(`${taskCount} task containers hold request #${requestNumber}`);
    }
    const button = task.getByRole("button", { name: choice, exact: true });
    await seen(button);
    const before = {
        summary: await card.getByText(/ open · showing /).innerText(),
        task: await task.innerText(),
        buttons: await task.getByRole("button").allInnerTexts(),
    };
    await card.scrollIntoViewIfNeeded();
    await shot("1-task-list.png");

    step = `clicking ${choice} on request #${requestNumber}`;
    await button.click();
    step = "waiting for the notice to take the list's top";
    await seen(notice);
    step = `waiting for request #${requestNumber} to leave the list`;
    await gone(task);
    if (await card.count() !== 1) {
        throw new Error(`${await card.count()} task list cards are on the page; the clicked one was not replaced`);
    }
    step = "reading the notice's colour";
    // The notice sits in a container of the "good" style: the emulator paints its background green.
    // (A locator inside "has" is relative to the container, so it is the page's, not the card's.)
    const noticeBox = card.locator(".ac-container:not(.ac-adaptiveCard)", { has: noticeText });
    const background = await noticeBox.evaluate((element) => getComputedStyle(element).backgroundColor);
    const after = {
        notice: await notice.innerText(),
        noticeBackground: background,
        summary: await card.getByText(/ open · showing /).innerText(),
        tasks: await card.getByText(/^#\d+ · /).allInnerTexts(),
    };
    step = "taking the screenshot of the approved card";
    await card.scrollIntoViewIfNeeded();
    await shot("2-approved.png");
    console.log(`seen: ${JSON.stringify({ before, after })}`);
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
