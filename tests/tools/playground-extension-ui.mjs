#!/usr/bin/env node
// playground-extension-ui.mjs — uses the bot's message extension in the Teams emulator's group chat, as a person does.
//
//   node tests/tools/playground-extension-ui.mjs <emulator-url> <screenshot-folder> <group-chat-name> <group-chat-id> <request-link> <request-title>
//
// Opens the emulator in Debian's Chromium (never a downloaded browser) as its user, Alex Wilber,
// whom the demo bot links by himself, and goes to the group chat (e.g. "Group Chat"). The page opens
// a chat when it is clicked only once it has finished loading; the emulator installing the bot in
// the group chat (the page's call for <group-chat-id>) is what shows the chat is open.
// 1. The compose box's "+" → Search Command, command id myTasks, searched for "Time off 12": the
//    results; screenshot 1-search-results.png. Picks the result of request #1002: the card goes into
//    the compose box; 2-card-in-compose.png. Sends it: the posted card "Integrify task" with Show;
//    3-posted.png (the emulator's answer to the send gives the posted message's id).
// 2. Show on the posted card: Alex's own view, "Assigned to you" with the approval's buttons;
//    4-alexs-view.png. Approve: "You chose Approve on the task on request #1002 at …"; 5-approved.png.
// 3. "+" → Link Unfurling with <request-link>: the dialog shows the unfurled card; 6-unfurl.png. Sends
//    it to the conversation and presses its Show: Alex's view of <request-title>; 7-unfurled-shown.png.
// 4. "+" → Action Command, its command id left blank as a newcomer leaves it (the bot opens its one
//    dialog): the "Start a request" dialog; 8-start-request.png;
//    its list of processes opened; 9-process-list.png.
// The emulator asks for the command id and the name of the search parameter, which Teams takes from
// the app's manifest; they are typed as the manifest declares them (myTasks, search).
// Every step waits for what a person would see, so a missing card fails with a timeout that names
// the step. On success it prints one line "seen: {json}" with what the page showed, for the test.
// Exit 0 when every step was seen, 1 otherwise.

import path from "node:path";
import fs from "node:fs";
import { launchChromium, keepOffline } from "./offline-browser.mjs";

const [url, folder, groupChat, groupChatId, requestLink, requestTitle] = process.argv.slice(2);
if (!url || !folder || !groupChat || !groupChatId || !requestLink || !requestTitle) {
    console.error("usage: node playground-extension-ui.mjs <emulator-url> <screenshot-folder> <group-chat-name> <group-chat-id> <request-link> <request-title>");
    process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const browser = await launchChromium();
let step = "opening the emulator";
let page;
try {
    page = await browser.newPage({ viewport: { width: 1280, height: 1300 } });
    // The page is offline: anything it asks of another host (fonts, telemetry) is refused at once.
    await keepOffline(page);
    const shot = (name) => page.screenshot({ path: path.join(folder, name) });
    // The machine is shared and slow: each step waits generously for what a person would see.
    const seen = (locator) => locator.waitFor({ timeout: 30000 });
    const gone = (locator) => locator.waitFor({ state: "detached", timeout: 30000 });
    const exactly = (text) => page.getByText(text, { exact: true });
    const card = (has) => page.locator(".ac-adaptiveCard", { has });
    const textsOf = async (locator) => (await locator.locator(".ac-textBlock").allInnerTexts()).map((text) => text.trim());
    // Action.OpenUrl is drawn as a button with the role of a link.
    const buttonsOf = (locator) => locator.locator(".ac-actionSet").last().locator('[role="button"], [role="link"]').allInnerTexts();
    const compose = page.locator('[data-lexical-editor="true"]');
    const extensionMenu = async (item) => {
        await page.getByRole("button", { name: "Trigger Message Extension App" }).click();
        await page.getByRole("menuitem", { name: item }).click();
    };

    await page.goto(url, { waitUntil: "domcontentloaded" });
    step = `opening the group chat ${groupChat}`;
    const chat = page.getByRole("treeitem", { name: groupChat });
    await seen(chat);
    const installation = `/_debug/conversation/${encodeURIComponent(groupChatId)}/installation`;
    let open = false;
    const opened = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === installation, { timeout: 60000 })
        .then(() => { open = true; });
    for (let tries = 0; !open && tries < 30; tries++) {
        await chat.click();
        await Promise.race([opened, page.waitForTimeout(2000)]);
    }
    await opened;
    step = "waiting for the bot's welcome in the group chat";
    await seen(page.getByText("I'm the Integrify bot").first());

    // 1. Search my tasks, pick #1002, send it.
    step = "opening Search Command";
    await extensionMenu("Search Command");
    const popover = page.locator(".fui-PopoverSurface");
    await seen(popover.getByPlaceholder("Enter a search term"));
    await popover.getByRole("button", { name: "Specify Command ID or Parameter" }).click();
    await popover.getByPlaceholder("Command ID").fill("myTasks");
    await popover.getByPlaceholder("Parameter name").fill("search");
    await popover.getByPlaceholder("Enter a search term").fill("Time off 12");
    step = "waiting for the search result of request #1002";
    const result = popover.getByText(/^#1002 · Time off 12–16 Jan/);
    await seen(result);
    // Each result shows its preview: the title as a heading, then its line of text.
    const searched = {
        titles: await popover.getByRole("heading", { level: 1 }).allInnerTexts(),
        texts: await popover.getByText(/^#\d+ · /).allInnerTexts(),
    };
    await shot("1-search-results.png");

    step = "picking the result";
    await result.click();
    await seen(compose.getByText("Integrify task", { exact: true }));
    await shot("2-card-in-compose.png");

    step = "sending the card";
    const sending = page.waitForResponse((response) => response.request().method() === "POST" && /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(response.url()), { timeout: 30000 });
    await compose.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    const sent = await sending;
    const { messageId } = await sent.json();
    const postedContent = sent.request().postDataJSON().attachments[0].content;
    step = "waiting for the posted card";
    await gone(compose.getByText("Integrify task", { exact: true }));
    const posted = card(exactly("Integrify task"));
    await seen(posted);
    const conversationId = decodeURIComponent(/\/conversations\/([^/]+)\/messages$/.exec(sent.url())[1]);
    const postedSeen = { messageId, conversationId, refresh: postedContent.refresh?.action ?? null, texts: await textsOf(posted), buttons: await buttonsOf(posted) };
    await posted.scrollIntoViewIfNeeded().catch(() => {}); // only for the screenshot: the card may be redrawn meanwhile
    await shot("3-posted.png");

    // 2. Alex's own view, and Approve.
    step = "pressing Show on the posted card";
    await posted.getByRole("button", { name: "Show", exact: true }).click();
    step = "waiting for Alex's view of the task";
    const alexs = card(exactly("Assigned to you"));
    await seen(alexs);
    await gone(exactly("Integrify task"));
    const alexsView = { texts: await textsOf(alexs), buttons: await buttonsOf(alexs) };
    await alexs.scrollIntoViewIfNeeded().catch(() => {}); // only for the screenshot: the card may be redrawn meanwhile
    await shot("4-alexs-view.png");

    step = "pressing Approve";
    await alexs.getByRole("button", { name: "Approve", exact: true }).click();
    step = "waiting for the card saying what Alex chose";
    // Markdown bold is rendered: "You chose <strong>Approve</strong> on …" reads as plain text.
    const notice = page.getByText(/^You chose Approve on the task on request #1002 at .+\.$/);
    await seen(notice);
    const approved = card(notice);
    const approvedSeen = {
        notice: await notice.innerText(),
        bold: await notice.locator("strong").allInnerTexts(),
        texts: await textsOf(approved),
        buttons: await buttonsOf(approved),
    };
    await approved.scrollIntoViewIfNeeded().catch(() => {}); // only for the screenshot: the card may be redrawn meanwhile
    await shot("5-approved.png");

    // 3. A pasted link to a request.
    step = "opening Link Unfurling";
    await extensionMenu("Link Unfurling");
    const unfurlDialog = page.getByRole("dialog", { name: "Link Unfurling" });
    await unfurlDialog.getByRole("textbox", { name: "Enter an URL" }).fill(requestLink);
    step = "waiting for the unfurled card in the dialog";
    const unfurledCard = unfurlDialog.locator(".ac-adaptiveCard", { has: page.getByText("Integrify request", { exact: true }) });
    await seen(unfurledCard);
    const unfurled = { texts: await textsOf(unfurledCard), buttons: await buttonsOf(unfurledCard) };
    await shot("6-unfurl.png");

    step = "sending the unfurled card and pressing its Show";
    await unfurlDialog.getByRole("button", { name: "Send to Conversation" }).click();
    await gone(unfurlDialog);
    const unfurledPosted = card(exactly("Integrify request"));
    await seen(unfurledPosted);
    await unfurledPosted.getByRole("button", { name: "Show", exact: true }).click();
    step = `waiting for Alex's view of ${requestTitle}`;
    const requestView = card(exactly(requestTitle));
    await seen(requestView);
    const unfurledView = { texts: await textsOf(requestView), buttons: await buttonsOf(requestView) };
    await requestView.scrollIntoViewIfNeeded().catch(() => {}); // only for the screenshot: the card may be redrawn meanwhile
    await shot("7-unfurled-shown.png");

    // 4. The Start a request dialog.
    step = "opening Action Command with no command id";
    await extensionMenu("Action Command");
    await page.getByPlaceholder("Input command id or leave blanks").fill("");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    step = "waiting for the Start a request dialog";
    const dialog = page.getByRole("dialog").filter({ has: page.getByText("Start a request", { exact: true }) });
    const processField = dialog.getByRole("combobox", { name: "Process" });
    await seen(processField);
    await shot("8-start-request.png");
    step = "opening the list of processes";
    await processField.click();
    const options = page.getByRole("option");
    await seen(options.first());
    const started = {
        labels: (await dialog.locator(".ac-input-container label, label").allInnerTexts()).map((text) => text.replace(/\s*\*\s*$/, "").trim()).filter((text) => text.length > 0),
        processes: (await options.allInnerTexts()).map((text) => text.trim()),
        buttons: await dialog.locator(".ac-actionSet").last().getByRole("button").allInnerTexts(),
    };
    await shot("9-process-list.png");
    await page.keyboard.press("Escape");

    console.log(`seen: ${JSON.stringify({ searched, posted: postedSeen, alexsView, approved: approvedSeen, unfurled, unfurledView, started })}`);
} catch (error) {
    console.error(`failed while ${step}: ${error.message}`);
    // What the page showed when it failed, for whoever reads the failure.
    await page?.screenshot({ path: path.join(folder, "failed.png") }).catch(() => {});
    process.exitCode = 1;
} finally {
    await browser.close();
}
