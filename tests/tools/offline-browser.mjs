// offline-browser.mjs — what the browser scripts share: Debian's Chromium (never a downloaded
// browser), started headless, and pages that may talk to this machine only.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

export function launchChromium() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}

// The machine is offline: a request to another host (fonts, telemetry, a CDN) is refused at once
// instead of waiting for a time-out. onOutside, when given, hears each refused address.
export function keepOffline(page, onOutside) {
    return page.route("**/*", (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === "127.0.0.1" || host === "localhost") {
            return route.continue();
        }
        onOutside?.(route.request().url());
        return route.abort();
    });
}
