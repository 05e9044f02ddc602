#!/usr/bin/env node
// playground-reports-ui.mjs — runs a report in the Teams emulator's web page, as a person does.
//
//   node tests/tools/playground-reports-ui.mjs <emulator-url> <screenshot-folder> <report> <choice-filter> <option>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser) as its user, Alex Wilber,
// whom the demo bot links by himself. Types "reports" and waits for the card of the reports he may
// run; screenshot 1-reports.png. Clicks Run inside the report's own container (e.g. "Open purchase
// requests") and waits for its filters; opens the drop-down of the choice filter (e.g. "Department"),
// picks the option (e.g. "Finance"); screenshot 2-filters.png. Clicks "Run report" and waits for
// the result table ("N rows · showing 1–10"); screenshot 3-result.png. When there are more rows
// than the first page, clicks Next and waits for "showing 11–…"; screenshot 4-next-page.png.
// Clicks "Export CSV" and waits for the card with "Download CSV"; screenshot 5-export.png. Then
// clicks "Download CSV": the browser opens the bot's link and downloads the file, which is read.
// Every step waits for what a person would see, so a missing card fails with a timeout that names
// the step. On success it prints one line "seen: {json}" with what the cards said and what the
// download held, for the test. Exit 0 when every step was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, report, filterLabel, option] = process.argv.slice(2);
if (!url || !folder || !report || !filterLabel || !option) {
    console.error("usage: node playground-reports-ui.mjs <emulator-url> <screenshot-folder> <report> <choice-filter> <option>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
    const records = [];
    let record = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const character = text[i];
        if (quoted) {
            if (character === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (character === '"') {
                quoted = false;
            } else {
                field += character;
            }
        } else if (character === '"') {
            quoted = true;
        } else if (character === ",") {
            record.push(field);
            field = "";
        } else if (character === "\n" || character === "\r") {
            if (character === "\r" && text[i + 1] === "\n") {
                i++;
            }
            record.push(field);
            records.push(record);
            record = [];
            field = "";
        } else {
            field += character;
        }
    }
    if (field.length > 0 || record.length > 0) {
        record.push(field);
        records.push(record);
    }
    return records;
}

const browser = await launchChromium();
let step = "opening the emulator";
try {
    // Tall enough for a whole page of the result table to be in the screenshots.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    // Offline, the tab the download opens too: anything asked of another host is refused at once.
    await keepOffline(context);
    const page = await context.newPage();
    const shot = (name) => page.screenshot({ path: path.join(folder, name) });
    const seen = (locator) => locator.waitFor({ timeout: 20000 });
    const gone = (locator) => locator.waitFor({ state: "detached", timeout: 20000 });
    const say = async (text) => {
        await page.locator('[data-lexical-editor="true"]').click();
        await page.keyboard.type(text);
        await page.keyboard.press("Enter");
    };
    const texts = async (locator) => (await locator.allInnerTexts()).map((text) => text.trim());
    // Download CSV is an Action.OpenUrl, which the emulator draws as a button with the role of a link.
    const buttonsOf = (card) => texts(card.locator(".ac-actionSet").last().locator('[role="button"], [role="link"]'));
    // The renderer draws an Adaptive Card Table with ARIA roles: its first row of column headers, then rows of cells.
    const tableOf = async (card) => ({
        header: await texts(card.getByRole("columnheader")),
        rows: await card.getByRole("row").filter({ has: page.getByRole("cell") })
            .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.innerText.trim()))),
    });

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = "waiting for the welcome card";
    await seen(page.getByText("I'm the Integrify bot").first());

    step = "typing reports";
    await say("reports");
    step = "waiting for the card of the reports";
    const catalog = page.locator(".ac-adaptiveCard", { has: page.getByText("Reports", { exact: true }) });
    await seen(catalog);
    step = `waiting for ${report} and its Run button`;
    // A report's container holds its name, its category and description, and its Run button.
    const reports = catalog.locator(".ac-container:not(.ac-adaptiveCard)");
    const item = reports.filter({ has: page.getByText(report, { exact: true }) });
    const run = item.getByRole("button", { name: "Run", exact: true });
    await seen(run);
    const listed = {
        summary: await catalog.getByText(/ reports that you may run · showing /).innerText(),
        reports: await reports.evaluateAll((elements) => elements.map((element) => element.querySelector(".ac-textBlock")?.innerText.trim() ?? "")),
    };
    await catalog.scrollIntoViewIfNeeded();
    await shot("1-reports.png");

    step = `clicking Run on ${report}`;
    await run.click();
    step = "waiting for the card of the report's filters";
    const form = page.locator(".ac-adaptiveCard", { has: page.getByText("Fill in what you want to narrow the report to; leave the rest empty.", { exact: true }) });
    await seen(form);
    // A compact choice set is drawn as a combo box (Fluent UI) named by its label; its options show in a list box.
    const choice = form.getByRole("combobox", { name: filterLabel });
    await seen(choice);
    step = `opening the drop-down of ${filterLabel}`;
    const placeholder = await choice.getAttribute("placeholder");
    await choice.click();
    const options = page.getByRole("listbox").getByRole("option");
    await seen(options.first());
    const offered = await texts(options);
    step = `picking ${option} in ${filterLabel}`;
    await page.getByRole("listbox").getByRole("option", { name: option, exact: true }).click();
    await gone(page.getByRole("listbox"));
    const filters = {
        heading: await form.getByRole("heading").innerText(),
        labels: await texts(form.locator("label")),
        placeholder,
        options: offered,
        chosen: await choice.inputValue(),
        buttons: await buttonsOf(form),
    };
    await form.scrollIntoViewIfNeeded();
    await shot("2-filters.png");

    step = "clicking Run report";
    await form.getByRole("button", { name: "Run report", exact: true }).click();
    step = "waiting for the result table";
    const firstPage = page.getByText(/^\d+ rows · showing 1–\d+$/);
    await seen(firstPage);
    const result = page.locator(".ac-adaptiveCard", { has: page.getByRole("table") });
    await seen(result);
    await gone(form);
    const summary = await firstPage.innerText();
    const total = Number(summary.match(/^(\d+) rows/)[1]);
    const shown = Number(summary.match(/–(\d+)$/)[1]);
    const first = {
        summary,
        described: (await texts(result.locator(".ac-textBlock"))).slice(0, 3),
        ...await tableOf(result),
        buttons: await buttonsOf(result),
    };
    await result.scrollIntoViewIfNeeded();
    await shot("3-result.png");

    let second = null;
    if (total > shown) {
        step = "clicking Next";
        await result.getByRole("button", { name: "Next", exact: true }).click();
        step = "waiting for the next page of the result";
        const nextPage = result.getByText(new RegExp(`^${total} rows · showing ${shown + 1}–\\d+$`));
        await seen(nextPage);
        second = {
            summary: await nextPage.innerText(),
            ...await tableOf(result),
            buttons: await buttonsOf(result),
        };
        await result.scrollIntoViewIfNeeded();
        await shot("4-next-page.png");
    }

    step = "clicking Export CSV";
    await result.getByRole("button", { name: "Export CSV", exact: true }).click();
    step = "waiting for the card with Download CSV";
    const download = page.getByRole("link", { name: "Download CSV", exact: true });
    await seen(download);
    await gone(page.getByRole("table"));
    const exportCard = page.locator(".ac-adaptiveCard", { has: download });
    // The emulator shows an Open URL button's address as its tooltip.
    const address = await download.getAttribute("title");
    const exported = {
        text: await texts(exportCard.locator(".ac-textBlock")),
        buttons: await buttonsOf(exportCard),
        address,
    };
    await exportCard.scrollIntoViewIfNeeded();
    await shot("5-export.png");

    step = "clicking Download CSV";
    // The click opens the link in a new tab, which closes as the file downloads (the bot answers with
    // an attachment); Chromium reports the download on the chat's page, which opened the tab.
    const file = page.waitForEvent("download", { timeout: 20000 });
    const answered = context.waitForEvent("response", { predicate: (response) => response.url() === address, timeout: 20000 });
    await download.click();
    const response = await answered;
    step = "waiting for the file to download";
    const saved = await file;
    const csv = fs.readFileSync(await saved.path(), "utf8");
    const records = parseCsv(csv);
    const downloaded = {
        status: response.status(),
        contentType: response.headers()["content-type"],
        fileName: saved.suggestedFilename(),
        header: records[0] ?? [],
        rows: records.slice(1),
    };
    console.log(`seen: ${JSON.stringify({ listed, filters, first, second, exported, downloaded })}`);
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    process.exitCode = 1;
} finally {
    await browser.close();
}
