#!/usr/bin/env node
// validate-cards.mjs — does each Adaptive Card parse cleanly in Microsoft's own renderer?
//
//   node tests/tools/validate-cards.mjs <folder-or-json-files...> [--screenshots <folder>] [--strict]
//
// Teams renders Adaptive Cards up to schema 1.5 and silently drops whatever it does not
// understand, so a typo in an enum or an element from a newer schema shows up as a card
// that is quietly missing something. The JavaScript renderer (npm `adaptivecards`) is the
// reference implementation, so we let it judge: every card is parsed with a target version
// of 1.5 (anything newer is reported as unknown/unsupported), and we collect
//   - every parse event: unknown element/action types, invalid property values, properties
//     newer than 1.5, actions not allowed where they are used;
//   - every failure from validateProperties(): missing ids and urls, duplicate ids, empty
//     choice sets, too many actions (Teams allows 6), card versions above 1.5, ...
// Severity: the library has none, so hints, deprecations and "required inputs should have a
// label/error message" are warnings, as is an unknown type the card itself covers with
// `fallback` (that is a deliberate degradation, not a mistake). Everything else is an error.
// A card is ok when it has no errors (with --strict: no warnings either).
// Properties the renderer does not know are ignored by it and by Teams, so they are not
// reported; that is what keeps Teams extras such as `msteams` from being false positives.
//
// Parsing needs no DOM: the library's UMD bundle (dist/) loads in plain Node; its lib/ build
// is extensionless ESM that Node cannot import. Only --screenshots starts a browser: Debian's
// Chromium (apt-get install chromium) driven by playwright-core, with every network request
// refused, so cards that link to remote images render those as broken.
//
// Output: one JSON line per card {"file","ok","errors","warnings"}, then
// "N cards checked, M with problems". Exit 0 all ok, 1 any problem, 2 usage or I/O error.

import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const AC_BUNDLE = require.resolve("adaptivecards/dist/adaptivecards.js");
const AC = require(AC_BUNDLE);

const TARGET = AC.Versions.v1_5;

// Close to Teams' light theme; maxActions matters for validation too, the rest for screenshots.
const text = (d, s) => ({ default: d, subtle: s });
const colors = {
    default: text("#242424", "#616161"), dark: text("#242424", "#616161"),
    light: text("#ffffff", "#f3f2f1"), accent: text("#5b5fc7", "#8b8cc7"),
    good: text("#237b4b", "#5ea37d"), warning: text("#835b00", "#c19c00"),
    attention: text("#c4314b", "#d4768a"),
};
const style = (backgroundColor) => ({ backgroundColor, foregroundColors: colors });
const HOST_CONFIG = {
    fontTypes: {
        default: {
            fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', Selawik, 'Open Sans', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
            fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
            fontWeights: { lighter: 200, default: 400, bolder: 600 },
        },
        monospace: {
            fontFamily: "Consolas, 'Courier New', monospace",
            fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
            fontWeights: { lighter: 200, default: 400, bolder: 600 },
        },
    },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#e0e0e0" },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
        default: style("#ffffff"), emphasis: style("#f5f5f5"), accent: style("#e8ebfa"),
        good: style("#e7f2da"), attention: style("#fcf4f6"), warning: style("#fbf6d9"),
    },
    actions: {
        maxActions: 6, buttonSpacing: 8, actionsOrientation: "horizontal", actionAlignment: "left",
        showCard: { actionMode: "inline", inlineTopMargin: 16, style: "emphasis" },
    },
    adaptiveCard: { allowCustomStyle: true },
};

const WARNING_EVENTS = new Set([
    AC.ValidationEvent.Hint,
    AC.ValidationEvent.Deprecated,
    AC.ValidationEvent.RequiredInputsShouldHaveLabel,
    AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);

// The context remembers which JSON objects are being parsed, because the library reports an
// unknown type without saying where it was, and whether a fallback covers it depends on the
// element and its ancestors (an element without fallback makes its parent fall back).
class CheckingContext extends AC.SerializationContext {
    constructor() {
        super(TARGET);
        this.parsing = [];
        this.problems = [];
    }

    parseCardObject(parent, source, ...rest) {
        this.parsing.push(source);
        try {
            return super.parseCardObject(parent, source, ...rest);
        } finally {
            this.parsing.pop();
        }
    }

    logParseEvent(sender, event, message) {
        super.logParseEvent(sender, event, message);
        const unknown = event === AC.ValidationEvent.UnknownElementType ||
            event === AC.ValidationEvent.UnknownActionType;
        // Teams documents dynamic typeahead (`choices.data`) for 1.5 cards; the renderer dates
        // it 1.6. Not reporting it avoids a false positive on every typeahead card we send.
        if (event === AC.ValidationEvent.UnsupportedProperty && sender instanceof AC.ChoiceSetInput &&
            message.includes('"choices.data"')) return;
        // Events about a type name come without a sender; name the enclosing object instead.
        const where = sender ?? this.parsing.at(-2);
        if (unknown) {
            const covered = this.parsing.some(hasFallback);
            message = message.replace(/\. Fallback will be used if present\.$/, "");
            message = covered ? `fallback used: ${message}` : `${message} and no fallback covers it.`;
            this.problems.push({ warning: covered, message: describe(where, message) });
        } else {
            this.problems.push({ warning: WARNING_EVENTS.has(event), message: describe(where, message) });
        }
    }
}

function hasFallback(source) {
    const fallback = source?.fallback;
    return (fallback && typeof fallback === "object") || String(fallback).toLowerCase() === "drop";
}

// "TextBlock#title: ..." for a parsed object or its JSON source, so a message can be traced.
function describe(object, message) {
    const type = object?.getJsonTypeName?.() ?? object?.type ?? object?.constructor?.name;
    if (!type || type === "Object") return message;
    return `${type}${object.id ? `#${object.id}` : ""}: ${message}`;
}

function checkCard(json) {
    if (!json || typeof json !== "object" || Array.isArray(json)) {
        return { errors: ["not a JSON object"], warnings: [] };
    }
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(HOST_CONFIG);
    card.maxVersion = TARGET; // so a card declaring "version": "1.6" fails validation
    const context = new CheckingContext();
    card.parse(json, context);
    const problems = [...context.problems];
    for (const e of card.validateProperties().validationEvents) {
        problems.push({ warning: WARNING_EVENTS.has(e.event), message: describe(e.source, e.message) });
    }
    return {
        errors: problems.filter((p) => !p.warning).map((p) => p.message),
        warnings: problems.filter((p) => p.warning).map((p) => p.message),
    };
}

// One browser and one page for all cards; each card replaces the previous one in #host.
async function openRenderer() {
    const { chromium } = require("playwright-core");
    const browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = await browser.newPage({ viewport: { width: 520, height: 800 } });
    await page.route("**/*", (route) => route.abort()); // never reach out to any host
    await page.setContent(`<!doctype html><html><head><style>
        body { margin: 0; padding: 16px; background: #f5f5f5; }
        #host { width: 450px; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; overflow: hidden; }
        </style></head><body><div id="host"></div></body></html>`);
    await page.addStyleTag({ path: path.join(path.dirname(AC_BUNDLE), "adaptivecards.css") });
    await page.addScriptTag({ path: AC_BUNDLE });
    return {
        async screenshot(json, file) {
            const failure = await page.evaluate(({ json, hostConfig }) => {
                try {
                    const card = new AdaptiveCards.AdaptiveCard();
                    card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
                    card.maxVersion = AdaptiveCards.Versions.v1_5;
                    card.parse(json, new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5));
                    const host = document.getElementById("host");
                    host.replaceChildren();
                    card.render(host);
                    return host.childElementCount ? null : "render() produced nothing";
                } catch (e) {
                    return String(e?.stack ?? e);
                }
            }, { json, hostConfig: HOST_CONFIG });
            if (!failure) await page.locator("#host").screenshot({ path: file });
            return failure;
        },
        close: () => browser.close(),
    };
}

function usage(message) {
    if (message) console.error(message);
    console.error("usage: node validate-cards.mjs <folder-or-json-files...> [--screenshots <folder>] [--strict]");
    process.exit(2);
}

function parseArgs(argv) {
    const options = { inputs: [], screenshots: null, strict: false };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--screenshots") {
            options.screenshots = argv[++i] ?? usage("--screenshots needs a folder");
        } else if (argv[i] === "--strict") {
            options.strict = true;
        } else if (argv[i].startsWith("--")) {
            usage(`unknown option ${argv[i]}`);
        } else {
            options.inputs.push(argv[i]);
        }
    }
    if (options.inputs.length === 0) usage("no cards given");
    return options;
}

// Folders are searched recursively for *.json, in a stable order so runs can be compared.
function cardFiles(inputs) {
    const files = [];
    for (const input of inputs) {
        const stat = fs.statSync(input, { throwIfNoEntry: false }) ?? usage(`no such file or folder: ${input}`);
        if (stat.isDirectory()) {
            const found = fs.readdirSync(input, { recursive: true })
                .filter((name) => name.endsWith(".json")).sort()
                .map((name) => path.join(input, name));
            if (found.length === 0) usage(`no .json files in ${input}`);
            files.push(...found);
        } else {
            files.push(input);
        }
    }
    return files;
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const files = cardFiles(options.inputs);
    let renderer = null;
    if (options.screenshots) {
        fs.mkdirSync(options.screenshots, { recursive: true });
        renderer = await openRenderer();
    }
    let withProblems = 0;
    try {
        for (const file of files) {
            let json, result;
            const raw = fs.readFileSync(file, "utf8"); // an unreadable file is an I/O error: exit 2
            try {
                json = JSON.parse(raw.replace(/^\uFEFF/, ""));
                result = checkCard(json);
            } catch (e) {
                json = undefined;
                result = { errors: [e instanceof SyntaxError ? `invalid JSON: ${e.message}` : `parser threw: ${e.message}`], warnings: [] };
            }
            // Cards with problems are rendered too: the picture shows how they degrade.
            if (renderer && json && typeof json === "object" && !Array.isArray(json)) {
                const png = path.join(options.screenshots, `${path.basename(file, ".json")}.png`);
                const failure = await renderer.screenshot(json, png);
                if (failure) result.errors.push(`render failed: ${failure}`);
            }
            const ok = result.errors.length === 0 && (!options.strict || result.warnings.length === 0);
            if (!ok) withProblems++;
            console.log(JSON.stringify({ file, ok, errors: result.errors, warnings: result.warnings }));
        }
    } finally {
        await renderer?.close();
    }
    console.log(`${files.length} cards checked, ${withProblems} with problems`);
    return withProblems === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (e) => {
    console.error(e?.stack ?? String(e));
    process.exit(2);
});
