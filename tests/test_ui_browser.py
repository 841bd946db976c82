"""The chat in a real headless Chromium: ask, read the cited answer, open its source; hostile documents stay text.

Screenshots go to artifacts/ (gitignored). Every request the page makes to an address other than
127.0.0.1 is blocked and recorded, and a test fails if there was any.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_ui_api import copy_shipped, start_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
XSS_DOC = """Zanzibar Widget Committee notes

The Zanzibar widget committee is chaired by Ms Quartz <img src=x onerror="document.title='pwned'"> of the Harbour Guild.
The committee meets in <script>window.__xss=1</script> Stone Town every spring.
Its motto is **bold claims** and [click here](javascript:window.__xss=2) for more.
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; CI installs it)"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


@pytest.fixture(scope="module")
def app_url(shipped, tmp_path_factory):
    """The app on a copy of the shipped corpus plus a document full of markup."""
    from ingest.pipeline import build_index

    settings = copy_shipped(shipped, tmp_path_factory.mktemp("ui_browser"))
    (settings.corpus / "xss.txt").write_text(XSS_DOC, encoding="utf-8")
    build_index(settings)  # incremental: only xss.txt is embedded
    blocks, url = start_app(settings)
    yield url
    blocks.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.blocked = []

    def local_only(route):
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    page.goto(app_url)
    page.wait_for_selector("#citeqa-question textarea")
    yield page
    assert page.blocked == [], "the page tried to reach other hosts"
    page.close()


def ask_in_page(page, question: str) -> None:
    """Type a question, press Enter, and wait until the whole streamed answer and its sources are shown."""
    box = page.locator("#citeqa-question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        """() => {
            const chat = document.querySelector('#citeqa-chat')?.innerText || '';
            const sources = document.querySelector('#citeqa-sources');
            if (!sources || !sources.querySelector('.citeqa-source')) return false;
            const labels = sources.querySelectorAll('sup.citeqa-label').length;
            return labels ? chat.includes(`[${labels}]`) : chat.includes('do not say');
        }""",
        timeout=60_000,
    )
    wait_until_the_chat_settles(page)


def wait_until_the_chat_settles(page) -> None:
    """The short answer streams first, its quotes after it: wait until the chat stops changing."""
    page.wait_for_function(
        """() => {
            const text = document.querySelector('#citeqa-chat')?.innerText || '';
            const now = Date.now();
            if (window.__citeqaLast !== text) { window.__citeqaLast = text; window.__citeqaSince = now; }
            return now - window.__citeqaSince > 700;
        }""",
        polling=100, timeout=60_000,
    )


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def test_answer_cites_and_opens_the_highlighted_source(page):
    ask_in_page(page, "Who coordinated the CSTO PA observer group in Kazakhstan?")
    chat = page.locator("#citeqa-chat").inner_text()
    assert "Markevich" in chat and "[1]" in chat
    first = page.locator("#citeqa-sources mark").first
    quote = first.inner_text()
    assert first.get_attribute("data-doc") == "kazakhstan-elections-international-observers.txt"
    assert quote.strip() and quote.strip() in chat
    screenshot(page, "ui-answer.png")

    first.click()
    target = page.locator("#citeqa-viewer #citeqa-target")
    target.wait_for()
    assert target.inner_text() == quote
    assert "International observers monitor elections in Kazakhstan" in page.locator("#citeqa-viewer").inner_text()
    page.wait_for_function(
        """() => {
            const mark = document.querySelector('#citeqa-target').getBoundingClientRect();
            const box = document.querySelector('#citeqa-viewer .citeqa-doc').getBoundingClientRect();
            return mark.top >= box.top && mark.bottom <= box.bottom;
        }""", timeout=5_000)  # scrolled into view inside the viewer
    screenshot(page, "ui-viewer.png")

    page.locator("#citeqa-clear").click()
    page.wait_for_function("() => !document.querySelector('#citeqa-chat').innerText.includes('Markevich')")
    assert page.locator("#citeqa-viewer #citeqa-target").count() == 0


def test_the_short_answer_is_said_first_in_bold_and_marked_in_its_source(page):
    ask_in_page(page, "Who is the chairman of the CSTO Parliamentary Assembly?")
    bold = page.locator("#citeqa-chat strong").first
    assert "Vyacheslav Volodin" in bold.inner_text()
    chat = page.locator("#citeqa-chat").inner_text()
    assert chat.index("Vyacheslav Volodin") < chat.index("“")  # before the quotes
    short = page.locator("#citeqa-sources mark span.citeqa-short").first
    assert "Vyacheslav Volodin" in short.inner_text()
    short.click()  # opens the quote in the viewer, the short answer marked inside it
    page.locator("#citeqa-viewer #citeqa-target span.citeqa-short").wait_for()
    assert "Vyacheslav Volodin" in page.locator("#citeqa-viewer #citeqa-target span.citeqa-short").inner_text()
    screenshot(page, "ui-short-answer.png")


def fonts_drawing(page, selector: str) -> list[str]:
    """The fonts Chromium drew the first element matching `selector` with (through the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"nothing matches {selector}"
    return [f["postScriptName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


def test_bold_text_is_drawn_in_one_typeface(page):
    """The short answer in bold (chat and sources) and the page's semi-bold buttons each come from one face of the
    page's font. Gradio's semi-bold file holds only a few letters, so "Aleksandr" had a thin "A" from it and the rest
    from a system font."""
    ask_in_page(page, "Who coordinated the CSTO PA observer group in Kazakhstan?")
    assert "Aleksandr Markevich" in page.locator("#citeqa-chat strong").first.inner_text()
    for selector in ("#citeqa-chat strong", "#citeqa-sources span.citeqa-short", "#citeqa-send"):
        fonts = fonts_drawing(page, selector)
        assert len(fonts) == 1 and "Bold" in fonts[0], (selector, fonts)


def test_a_follow_up_in_the_chat_is_read_with_the_conversation(page):
    """The chat sends its earlier turns: "What about the Mazhilis?" after the Senate's chairman is answered with the
    Mazhilis's chairman, in bold, in the second answer."""
    ask_in_page(page, "Who chairs the Senate of Kazakhstan?")
    assert "Maulen Ashimbayev" in page.locator("#citeqa-chat strong").last.inner_text()
    ask_in_page(page, "What about the Mazhilis?")
    page.wait_for_function("() => document.querySelectorAll('#citeqa-chat strong').length >= 2", timeout=60_000)
    assert "Erlan Koshanov" in page.locator("#citeqa-chat strong").last.inner_text()


def test_a_thanks_before_the_next_question_in_the_chat(page):
    """"Great, that helps. And who chairs the Senate of Kazakhstan?" after the Assembly's chairman is answered: the
    thanks is no part of the question, the Senate's chairman is in bold in the second answer."""
    ask_in_page(page, "Who is the chairman of the CSTO Parliamentary Assembly?")
    assert "Vyacheslav Volodin" in page.locator("#citeqa-chat strong").last.inner_text()
    ask_in_page(page, "Great, that helps. And who chairs the Senate of Kazakhstan?")
    page.wait_for_function("() => document.querySelectorAll('#citeqa-chat strong').length >= 2", timeout=60_000)
    assert "Maulen Ashimbayev" in page.locator("#citeqa-chat strong").last.inner_text()


def test_a_fragment_in_the_chat_asks_the_last_question_again(page):
    """"When?" after "Who met Aleksandr Lukashenko in Minsk?" is read with that question, says so in italics, and
    answers with the date in bold."""
    ask_in_page(page, "Who met Aleksandr Lukashenko in Minsk?")
    ask_in_page(page, "When?")
    page.wait_for_function("() => document.querySelectorAll('#citeqa-chat em').length >= 1", timeout=60_000)
    assert "Read as: When was Aleksandr Lukashenko met in Minsk?" in page.locator("#citeqa-chat em").last.inner_text()
    assert "20 December" in page.locator("#citeqa-chat strong").last.inner_text()


def test_a_misspelt_question_is_answered_and_says_how_it_was_read(page):
    """"Who is Vyacheslav Volodn?" was refused; the answer now opens, in italics, with the question as read."""
    ask_in_page(page, "Who is Vyacheslav Volodn?")
    assert "Read as: Who is Vyacheslav Volodin?" in page.locator("#citeqa-chat em").last.inner_text()
    assert "Chairman of the CSTO Parliamentary Assembly" in page.locator("#citeqa-chat").inner_text()


def test_example_question_is_answered_on_click(page):
    from ui.app import EXAMPLE_QUESTIONS

    page.get_by_text(EXAMPLE_QUESTIONS[1]).click()
    page.wait_for_function("() => document.querySelector('#citeqa-chat').innerText.includes('[1]')", timeout=60_000)
    wait_until_the_chat_settles(page)
    assert "61 international observers" in page.locator("#citeqa-chat").inner_text()


def test_the_summary_example_quotes_the_statements_lead(page):
    """The example "Summarize the CSTO PA Council statement" quotes the statement's title and first sentences."""
    from ui.app import EXAMPLE_QUESTIONS

    page.get_by_text(EXAMPLE_QUESTIONS[3]).click()
    page.wait_for_function("() => document.querySelector('#citeqa-chat').innerText.includes('[3]')", timeout=60_000)
    wait_until_the_chat_settles(page)
    chat = page.locator("#citeqa-chat").inner_text()
    assert "Statement by the CSTO PA Council on inadmissibility" in chat
    assert "demonstrate the maturity and sustainability of electoral systems" in chat


def test_unanswerable_question_offers_related_passages(page):
    ask_in_page(page, "What is the boiling point of water at sea level?")
    assert "The documents do not say." in page.locator("#citeqa-chat").inner_text()
    assert page.locator("#citeqa-sources .citeqa-related").count() > 0
    assert "Related passages" in page.locator("#citeqa-sources").inner_text()


def test_markup_in_a_document_is_shown_as_text_and_runs_nothing(page):
    title = page.title()
    ask_in_page(page, "Who chairs the Zanzibar widget committee?")
    chat = page.locator("#citeqa-chat").inner_text()
    assert """<img src=x onerror="document.title='pwned'">""" in chat

    page.locator('#citeqa-sources [data-doc="xss.txt"]').first.click()
    page.locator("#citeqa-viewer #citeqa-target").wait_for()
    viewer = page.locator("#citeqa-viewer").inner_text()
    for literal in ("<script>window.__xss=1</script>", "<img src=x onerror=", "**bold claims**",
                    "[click here](javascript:window.__xss=2)"):
        assert literal in viewer
    screenshot(page, "ui-xss.png")

    page.wait_for_timeout(300)  # give an injected handler the chance to run, if there were one
    assert page.evaluate("() => window.__xss") is None
    assert page.title() == title != "pwned"
    assert page.locator('img[src="x"]').count() == 0
    for panel in ("#citeqa-viewer", "#citeqa-sources"):
        assert page.locator(f"{panel} a, {panel} script, {panel} strong").count() == 0
    assert not re.search(r"<strong>bold claims", page.locator("#citeqa-chat").inner_html())


def test_the_viewer_reads_on_beyond_the_text_it_was_sent(page, monkeypatch):
    """A click sends the span and a window around it; the viewer's buttons fetch the text before or after."""
    import ui.render

    monkeypatch.setattr(ui.render, "VIEWER_WINDOW_CHARS", 800)  # the app runs in this process
    ask_in_page(page, "Who coordinated the CSTO PA observer group in Kazakhstan?")
    page.locator("#citeqa-sources mark").first.click()
    page.locator("#citeqa-viewer #citeqa-target").wait_for()
    viewer = page.locator("#citeqa-viewer")
    assert "showing" in viewer.inner_text() and len(viewer.inner_text()) < 1500
    more = viewer.locator("button.citeqa-more").last
    first, last = re.search(r"characters (\d+)–(\d+)", more.inner_text()).groups()
    more.click()
    page.wait_for_function(f"() => document.querySelector('#citeqa-viewer').innerText.includes('showing {first}–{last}')",
                           timeout=10_000)
    assert page.locator("#citeqa-viewer #citeqa-target").count() == 0
    screenshot(page, "ui-viewer-read-on.png")
