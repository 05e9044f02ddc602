#!/usr/bin/env node
// playground-several-ui.mjs — approves several tasks at once from the task list in the Teams emulator's web page, as a person does.
//
//   node tests/tools/playground-several-ui.mjs <emulator-url> <screenshot-folder> <request-number> <request-number> <request-number>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser) as its user, Alex Wilber,
// whom the demo bot links by himself. Types "tasks" and waits for the "Your tasks" card;
// screenshot 1-task-list.png. Opens "Decide several" at the card's foot and presses "Approve
// several": the card is replaced by the checklist "Approve: several tasks at once". Ticks the
// three tasks whose lines start with "#<request-number> " (e.g. 1002, 1003, 1004) by clicking their
// labels, writes a comment for all of them, and checks that exactly those three are ticked;
// screenshot 2-checklist.png, the boxes ticked. Presses "Approve the ticked tasks" and waits for
// the checklist to be replaced by the result, "All 3 done." with each task's outcome under it;
// screenshot 3-result.png.
// Every step waits for what a person would see, so a missing card fails with a timeout that names
// the step. On success it prints one line "seen: {json}" with what the cards said, for the test.
// Exit 0 when every step was seen, 1 otherwise, 2 when the arguments are wrong.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, ...requestNumbers] = process.argv.slice(2);
if (!url || !folder || requestNumbers.length !== 3 || !requestNumbers.every((number) => /^\d+$/.test(number))) {
    console.error("usage: node playground-several-ui.mjs <emulator-url> <screenshot-folder> <request-number> <request-number> <request-number>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const comment = "Approved in one go from Teams.";

const browser = await launchChromium();
let step = "opening the emulator";
let page;
try {
    // Tall enough for the whole list card (ten tasks) and the checklist to be in the screenshots.
    page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    // The page is offline: anything it asks of another host (fonts, telemetry) is refused at once.
    await keepOffline(page);
    const shot = (name) => page.screenshot({ path: path.join(folder, name) });
    // The machine is shared and slow: each step waits generously for what a person would see.
    const seen = (locator) => locator.waitFor({ timeout: 30000 });
    const gone = (locator) => locator.waitFor({ state: "detached", timeout: 30000 });
    const exactly = (text) => page.getByText(text, { exact: true });
    const card = (has) => page.locator(".ac-adaptiveCard", { has });
    const textsOf = async (locator) => (await locator.locator(".ac-textBlock").allInnerTexts()).map((text) => text.trim());
    const say = async (text) => {
        await page.locator('[data-lexical-editor="true"]').click();
        await page.keyboard.type(text);
        await page.keyboard.press("Enter");
    };

    const list = card(exactly("Your tasks"));
    // The checklist and the result that replaces it share their heading.
    const heading = "Approve: several tasks at once";
    const checklist = card(exactly(heading));
    // The emulator draws an expanded multi-select choice set with Fluent UI's checkboxes, not the
    // Adaptive Cards renderer's own: each choice is an <input type="checkbox"> (transparent, laid
    // over the drawn box) followed by a <label for=…> holding the choice's title. The input's
    // aria-labelledby names the set's label ("Tasks") before the choice, so a choice is found by
    // its own <label> and the input that label is for.
    const choiceLabels = checklist.locator('.ac-input-container input[type="checkbox"] ~ label');
    const labelOf = (number) => choiceLabels.filter({ hasText: new RegExp(`^#${number} `) });
    const boxOf = async (label) => checklist.locator(`input[type="checkbox"][id="${await label.getAttribute("for")}"]`);

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the welcome card";
    await seen(page.getByText("I'm the Integrify bot").first());

    step = "typing tasks";
    await say("tasks");
    step = "waiting for the task list card";
    await seen(list);
    await seen(list.getByText(/^\d+ open · showing 1–\d+, soonest due first$/));
    const listSummary = await list.getByText(/ open · showing /).innerText();
    await list.scrollIntoViewIfNeeded();
    await shot("1-task-list.png");

    step = "opening Decide several";
    await list.getByRole("button", { name: "Decide several", exact: true }).click();
    step = "pressing Approve several";
    const approveSeveral = list.getByRole("button", { name: "Approve several", exact: true });
    await seen(approveSeveral);
    await approveSeveral.click();
    step = "waiting for the checklist to replace the task list";
    await seen(checklist);
    await seen(choiceLabels.first());
    await gone(list);
    const choices = (await choiceLabels.allInnerTexts()).map((text) => text.trim());

    for (const number of requestNumbers) {
        step = `ticking request #${number}`;
        const label = labelOf(number);
        const labels = await label.count();
        if (labels !== 1) {
            throw new Error(`${labels} choices of the checklist start with #${number}`);
        }
        const box = await boxOf(label);
        if (await box.isChecked()) {
            throw new Error(`request #${number} was ticked before it was clicked`);
        }
        await label.click();
        if (!await box.isChecked()) {
            throw new Error(`the checkbox of request #${number} is not ticked after a click on its label`);
        }
    }

    step = "writing the comment";
    const commentBox = checklist.getByRole("textbox", { name: "Comment, sent with each (optional)" });
    await commentBox.click();
    await page.keyboard.type(comment);

    step = "reading which tasks are ticked";
    const ticked = [];
    for (const box of await checklist.getByRole("checkbox").all()) {
        if (await box.isChecked()) {
            ticked.push((await box.getAttribute("aria-label")) ?? "");
        }
    }
    if (ticked.length !== requestNumbers.length || !requestNumbers.every((number) => ticked.some((line) => line.startsWith(`#${number} `)))) {
        throw new Error(`ticked: ${JSON.stringify(ticked)}`);
    }
    await checklist.scrollIntoViewIfNeeded();
    await shot("2-checklist.png");

    step = "pressing Approve the ticked tasks";
    await checklist.getByRole("button", { name: "Approve the ticked tasks", exact: true }).click();
    step = "waiting for the result to replace the checklist";
    // While some are still with Integrify the card says "n of 3 done so far", and is updated when all are.
    const summary = exactly(`All ${requestNumbers.length} done.`);
    await seen(summary);
    const result = card(summary);
    await gone(checklist.getByRole("checkbox").first());
    if (await checklist.count() !== 1) {
        throw new Error(`${await checklist.count()} cards are headed "${heading}"; the checklist was not replaced`);
    }

    step = "reading the result";
    // Each task is a container of two lines: its name and request, then what became of it.
    const rows = [];
    for (const row of await result.locator(".ac-container:not(.ac-adaptiveCard)").all()) {
        rows.push(await textsOf(row));
    }
    const outcomes = result.getByText(/^You chose /);
    const seenResult = {
        heading: (await textsOf(result))[0],
        summary: await summary.innerText(),
        comment: await result.getByText(/^With the comment /).innerText(),
        tasks: rows.map((row) => row[0]),
        outcomes: rows.map((row) => row[1]),
        // Markdown bold is rendered: "You chose <strong>Approve</strong> at …" reads as plain text.
        bold: await outcomes.locator("strong").allInnerTexts(),
        buttons: await result.locator(".ac-actionSet").last().getByRole("button").allInnerTexts(),
    };
    step = "taking the screenshot of the result";
    await result.scrollIntoViewIfNeeded();
    await shot("3-result.png");
    console.log(`seen: ${JSON.stringify({ list: { summary: listSummary }, checklist: { choices, ticked }, result: seenResult })}`);
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    // What the page showed when it failed, for whoever reads the failure.
    await page?.screenshot({ path: path.join(folder, "failed.png") }).catch(() => {});
    process.exitCode = 1;
} finally {
    await browser.close();
}
