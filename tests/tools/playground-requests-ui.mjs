#!/usr/bin/env node
// playground-requests-ui.mjs — starts a request in the Teams emulator's web page, as a person does.
//
//   node tests/tools/playground-requests-ui.mjs <emulator-url> <screenshot-folder> <command> <process>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser) as its user, Alex Wilber,
// whom the demo bot links by himself. Types the command (e.g. "new request") and waits for the
// "Start a request" card with the process (e.g. "Time Off") on it; screenshot 1-processes.png.
// Clicks Start inside that process's own container and waits for the card asking for the name of
// the request, prefilled; screenshot 2-name.png. Clicks "Start request" and waits for the banner
// "Request #N “…” is started." to take the card's place, the name field gone with it; screenshot
// 3-started.png. Then types "my requests" and waits for the list with request #N on it;
// screenshot 4-my-requests.png.
// Every step waits for what a person would see, so a missing card fails with a timeout that names
// the step. On success it prints one line "seen: {json}" with what the cards said, for the test.
// Exit 0 when every step was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, command, processName] = process.argv.slice(2);
if (!url || !folder || !command || !processName) {
    console.error("usage: node playground-requests-ui.mjs <emulator-url> <screenshot-folder> <command> <process>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const browser = await launchChromium();
let step = "opening the emulator";
try {
    // Tall enough for the whole list of requests (ten at most) to be in the screenshots.
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
    // .ac-adaptiveCard); a process's container holds its name, its description and its Start button.
    const items = (card) => card.locator(".ac-container:not(.ac-adaptiveCard)");
    const firstLines = (containers) => containers.evaluateAll((elements) =>
        elements.map((element) => element.querySelector(".ac-textBlock")?.innerText.trim() ?? ""));
    // Open the request is an Action.OpenUrl, which the emulator draws as a button with the role of a link.
    const buttonsOf = (card) => card.locator(".ac-actionSet").last().locator('[role="button"], [role="link"]').allInnerTexts();

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the welcome card";
    await seen(page.getByText("I'm the Integrify bot").first());

    step = `typing ${command}`;
    await say(command);
    step = "waiting for the card of the processes to start";
    const processes = page.locator(".ac-adaptiveCard", { has: page.getByText("Start a request", { exact: true }) });
    await seen(processes);
    step = `waiting for ${processName} and its Start button`;
    const item = items(processes).filter({ has: page.getByText(processName, { exact: true }) });
    await seen(item);
    const start = item.getByRole("button", { name: "Start", exact: true });
    await seen(start);
    const listed = {
        processes: await firstLines(items(processes)),
        item: await item.innerText(),
    };
    await processes.scrollIntoViewIfNeeded();
    await shot("1-processes.png");

    step = `clicking Start on ${processName}`;
    await start.click();
    step = "waiting for the card asking for the name of the request";
    const nameField = page.getByRole("textbox", { name: "Name of the request" });
    await seen(nameField);
    const nameCard = page.locator(".ac-adaptiveCard", { has: nameField });
    await gone(processes);
    const named = {
        heading: await nameCard.getByRole("heading").innerText(),
        name: await nameField.inputValue(),
        buttons: await buttonsOf(nameCard),
    };
    await nameCard.scrollIntoViewIfNeeded();
    await shot("2-name.png");

    step = "clicking Start request";
    await nameCard.getByRole("button", { name: "Start request", exact: true }).click();
    step = "waiting for the banner saying the request is started";
    const banner = page.getByText(new RegExp(`^Request #\\d+ “${escapeRegExp(named.name)}” is started\\.$`));
    await seen(banner);
    await gone(nameField);
    const startedCard = page.locator(".ac-adaptiveCard", { has: banner });
    const bannerText = await banner.innerText();
    const started = {
        banner: bannerText,
        // The banner sits in a container of the "good" style: the emulator paints its background green.
        bannerBackground: await startedCard.locator(".ac-container:not(.ac-adaptiveCard)", { has: page.getByText(bannerText, { exact: true }) })
            .evaluate((element) => getComputedStyle(element).backgroundColor),
        text: (await startedCard.locator(".ac-textBlock").allInnerTexts()).map((text) => text.trim()),
        buttons: await buttonsOf(startedCard),
    };
    await startedCard.scrollIntoViewIfNeeded();
    await shot("3-started.png");

    step = "typing my requests";
    const number = bannerText.match(/^Request #(\d+) /)[1];
    await say("my requests");
    step = `waiting for the list of requests with request #${number} on it`;
    const list = page.locator(".ac-adaptiveCard", { has: page.getByText("Your requests", { exact: true }) });
    await seen(list);
    const mine = items(list).filter({ has: page.getByText(`#${number} · ${named.name}`, { exact: true }) });
    await seen(mine);
    const requests = {
        summary: await list.getByText(/ requests · showing /).innerText(),
        requests: await firstLines(items(list)),
        request: (await mine.locator(".ac-textBlock").allInnerTexts()).map((text) => text.trim()),
    };
    await list.scrollIntoViewIfNeeded();
    await shot("4-my-requests.png");
    console.log(`seen: ${JSON.stringify({ listed, named, started, requests })}`);
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
