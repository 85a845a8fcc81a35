"""No layout shift when the search arrives: measured in Chromium on a slow connection with a slow CPU.

On fast loopback the scripts run before the first paint and hide any shift, so the page is
loaded with 150 ms latency, 1.6 Mbit/s and the CPU slowed four times, and every layout shift
is summed from the first paint on (Cumulative Layout Shift, without shifts after input).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

OBSERVER = """
window.__layoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
PAGES = ["", "ferienboerse/", "sportwegweiser/", "familienkompass/", "kita-boerse/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (412, 915)], ids=["desktop", "phone"])
def test_cumulative_layout_shift_stays_below_0_05(browser, site, path, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions", {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750}
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(OBSERVER)
    page.goto(site.url(path))
    expect(page.get_by_label("Suchbegriff")).to_be_enabled(timeout=60_000)
    if path:  # a Börse page: wait until the search has shown its first results in place of the list
        expect(page.locator("section.search")).to_have_attribute("data-render-count", "1", timeout=60_000)
    assert page.evaluate("window.__layoutShift") < 0.05
    context.close()
