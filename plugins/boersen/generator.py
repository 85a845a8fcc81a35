"""The Pelican generator: data folder in, Börse pages out.

Like Pelican's own generators it works in two phases: ``generate_context`` loads and
validates the whole data folder into a Catalog (and stops the build with the validator's
messages if anything is wrong); ``generate_output`` renders every page with the theme.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from pelican.generators import Generator

from . import schema as schemas
from .catalog import Catalog, load_catalog
from .help_page import example_file, local_examples, shown_example
from .i18n import catalogues
from .i18n.languages import SOURCE, SUPPORTED, LanguageSettingError, configured
from .i18n.scripts import write_script_texts
from .images.variants import write_pictures
from .model import OfferText
from .outputs import calendar as calendars
from .outputs import feed as feeds
from .outputs import opendata, webapp
from .outputs import programmheft as programmes
from .outputs import sitemap as sitemaps
from .outputs.common import Site
from .paging import DEFAULT_PAGE_SIZE, paginate
from .problems import Problems, readable_lines
from .search.index import search_files, write_search_files
from .search.languages import search_language
from .structured_data import organisation_data, site_data, structured_data
from .today import TodayError, resolve_today
from .workers import Task

SEARCH_FOLDER = "suche"
DEFAULT_IMAGE_CACHE = ".cache/bilder"  # encoded image variants, kept between builds (git-ignored)


class DataError(Exception):
    """The data folder has errors; the messages were printed before this is raised."""

    exitcode = 1


class BoersenGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.filters["structured_data"] = structured_data
        self.site = Site.from_settings(self.settings)
        # Full addresses (canonical links, print) only when SITEURL is absolute; else paths from the root.
        self.address_base = self.site.url if self.site.absolute else ""
        self.env.globals["programme_path"] = lambda boerse: programmes.programme_path(boerse) if programmes.has_programme(boerse) else None
        self.env.globals["printed_address"] = lambda path: f"{self.address_base}/{path}"
        self.env.filters["organisation_data"] = organisation_data
        self.env.globals["site_data"] = site_data
        self.env.globals.update(iter_fields=schemas.iter_fields, SEARCH_FOLDER=SEARCH_FOLDER, search_targets=search_targets)
        self.env.globals["search_index_urls"] = search_index_urls
        self.env.globals["shown_example"] = shown_example
        self.env.tests["current_on"] = lambda offer, today: offer.is_current(today)
        self.env.globals["offer_calendar"] = lambda offer: calendars.offer_calendar_path(offer) if calendars.has_calendar(offer) else None
        self.env.globals["boerse_calendar"] = calendars.boerse_calendar_path
        self.env.globals["category_calendar"] = calendars.category_calendar_path
        self.env.globals["feed_path"] = feeds.feed_path
        self.env.globals["open_data_path"] = opendata.data_path
        self.catalog: Catalog | None = None
        self.languages: tuple[str, ...] = (SOURCE,)

    def generate_context(self) -> None:
        try:
            today = resolve_today(self.settings.get("BOERSEN_TODAY"))
            self.languages = configured(self.settings.get("BOERSEN_LANGUAGES"))
        except (TodayError, LanguageSettingError) as error:
            raise DataError(str(error)) from None
        data_dir = Path(self.settings.get("BOERSEN_DATA_PATH", "data"))
        # Pelican's pages were read before this generator runs: a Börse must not take their address.
        pages = {page.url.strip("/"): page.title for page in self.context.get("pages", []) + self.context.get("hidden_pages", [])}
        catalog, problems = load_catalog(data_dir, today, pages)
        # The catalog lives until the end of the build: keep the cyclic garbage collector
        # from walking its millions of objects again and again (it cost a third of the time).
        gc.freeze()
        report(problems)
        self.catalog = catalog
        self.context["catalog"] = catalog
        self.context["today"] = today
        self.context["BOERSEN_CANONICAL_BASE"] = self.address_base  # canonical links, Open Graph
        self.context["BOERSEN_OPEN_DATA"] = opendata.downloads(catalog)  # for the page "Offene Daten"

    def generate_output(self, writer) -> None:
        catalog = self.catalog
        search = None
        if self.settings.get("BOERSEN_SEARCH", True):
            search = SearchWriter(
                catalog, Path(self.output_path), precompress=self.settings.get("BOERSEN_PRECOMPRESS", False), languages=self.languages
            )
        if search:
            search.start()  # on the other core, while this one renders the pages
        # Calendars, feeds and open data (icalendar alone takes as long as the German pages),
        # and the pages of the later languages (tr, ar, uk of five), are written by workers
        # beside this process, which renders the first languages' pages.
        outputs = Task(
            lambda: self._write_outputs(catalog, writer),
            "boersen-outputs",
            "Kalender, Feeds und offene Daten konnten nicht geschrieben werden",
        )
        outputs.start()
        split = (len(self.languages) + 1) // 2
        pages = Task(
            lambda: self._write_languages(catalog, writer, self.languages[split:], collect=True),
            "boersen-pages",
            f"Die Seiten in {', '.join(self.languages[split:])} konnten nicht geschrieben werden",
        )
        if self.languages[split:]:
            pages.start()
        self._write_languages(catalog, writer, self.languages[:split])
        self._write_schemas(catalog)
        picture_problems = self._write_pictures(catalog)
        outputs.finish()
        pages.finish()
        if search:
            search.finish()
        report(picture_problems)  # an image file that changed after the check stops the build too
        sitemaps.write_sitemap(Path(self.output_path), catalog, self.site)  # lists the pages written

    def _write_languages(self, catalog: Catalog, writer, codes: tuple[str, ...], collect: bool = False) -> None:
        """The pages of each language in ``codes``, one after another: the labels (gettext,
        formatting.py) follow the active one. ``collect`` in a worker: rendering thousands of
        pages leaves cycles that a worker without the cyclic collector would keep till its end."""
        if collect:
            gc.enable()
        try:
            for code in codes:
                catalogues.activate(code)
                self._write_pages(catalog, writer, code)
        finally:
            catalogues.activate(SOURCE)

    def _write_pages(self, catalog: Catalog, writer, code: str) -> None:
        """Every page of one language: German at the root, the others below /<code>/."""
        write = self._writer(writer, code)
        german = code == SOURCE
        write("index.html", "home", page_name="index")
        size = self.settings.get("BOERSEN_PAGE_SIZE", DEFAULT_PAGE_SIZE)
        for boerse in catalog.boersen:
            offers = catalog.current_offers(boerse)
            by_category = {c.slug: [offer for offer in offers if c in offer.categories] for c in boerse.categories}
            counts = {slug: len(items) for slug, items in by_category.items()}
            listing = {"boerse": boerse, "category_counts": counts}
            self._write_listing(write, "boerse", offers, size, f"{boerse.slug}/", listing)
            for category in boerse.categories:
                base = f"{boerse.slug}/kategorie/{category.slug}/"
                self._write_listing(write, "category", by_category[category.slug], size, base, listing | {"category": category})
            for offer in boerse.offers:
                write(f"{offer.url}index.html", "offer", boerse=boerse, offer=offer, current=offer.is_current(catalog.today))
                if german and offer.easy_language:
                    easy = _easy_texts(offer)
                    name = f"{offer.url}{EASY_LANGUAGE_FOLDER}/index.html"
                    write(name, "offer", boerse=boerse, offer=offer, current=offer.is_current(catalog.today), easy=easy, page_alternates=())
            if german and programmes.has_programme(boerse):  # printed in German only
                path = f"{programmes.programme_path(boerse)}index.html"
                write(path, "programmheft", boerse=boerse, offers=offers, weeks=programmes.weeks(offers), page_alternates=())
        organisations = sorted(catalog.organisations.values(), key=lambda o: o.name.casefold())
        write("anbieter/index.html", "organisations", organisations=organisations)
        for organisation in organisations:
            write(f"{organisation.url}index.html", "organisation", organisation=organisation)
        if german:  # the help for providers explains the German data files
            write("hilfe/index.html", "help", schemas=_help_sections(catalog), page_alternates=())
        write("merkliste/index.html", "merkliste")
        if not german:
            write_script_texts(Path(self.output_path) / script_texts_path(code), code)
        # Served for any missing address, at any depth: its links start at the site root.
        write(sitemaps.NOT_FOUND_PAGE, "404", relative=False)

    @staticmethod
    def _write_listing(write, template: str, offers: list, size: int, base: str, context: dict) -> None:
        """A Börse or category listing: its pages and, when split, one print view with every offer."""
        pages = paginate(offers, size, base)
        for pager, shown in pages:
            write(f"{pager.path(pager.number)}index.html", template, offers=offers, shown=shown, pager=pager, **context)
        pager = pages[0][0]
        if pager.count > 1:
            write(f"{pager.print_path}index.html", "listing_print", offers=offers, pager=pager, listing=template, **context)

    def _writer(self, writer, code: str = SOURCE):
        """write(name, template, **context) for the pages of one language: ``name`` is the
        German path; other languages write it below /<code>/ and every page knows its versions."""
        prefix, language = _prefix(code), SUPPORTED[code]
        texts = None if code == SOURCE else script_texts_path(code)

        def write(name: str, template: str, relative: bool = True, **context):
            address = name.removesuffix("index.html")
            alternates = [{"lang": SUPPORTED[other], "path": f"{_prefix(other)}{address}"} for other in self.languages]
            page = {"page_lang": language, "LANG_PREFIX": prefix, "js_texts": texts, "site_languages": self.languages}
            page["page_alternates"] = alternates if len(alternates) > 1 else ()
            writer.write_file(
                f"{prefix}{name}",
                self.get_template(template),
                self.context,
                relative_urls=relative and self.settings.get("RELATIVE_URLS"),
                output_name=f"{prefix}{name}",
                **(page | context),
            )

        return write

    def _write_outputs(self, catalog: Catalog, writer) -> None:
        """Calendars, feeds, open data, web manifest (plugins/boersen/outputs/); German only."""
        output = Path(self.output_path)
        calendars.write_calendars(output, catalog, self.site)
        feeds.write_feeds(output, catalog, self.site)
        opendata.write_open_data(output, catalog, self.site)
        webapp.write_webapp(output, self.site, self.settings, self.context, catalog.today)

    def _write_pictures(self, catalog: Catalog) -> Problems:
        """Every offer's image and organisation's logo in a few widths (plugins/boersen/images/); problems
        of image files that changed since they were checked."""
        pictures = [offer.picture for boerse in catalog.boersen for offer in boerse.offers if offer.picture]
        pictures += [organisation.picture for organisation in catalog.organisations.values() if organisation.picture]
        cache = self.settings.get("BOERSEN_IMAGE_CACHE", DEFAULT_IMAGE_CACHE)
        problems = Problems()
        write_pictures(pictures, Path(self.output_path), Path(cache) if cache else None, problems)
        return problems

    def _write_schemas(self, catalog: Catalog) -> None:
        """The JSON Schemas, per type and per Börse, for editors and forms."""
        folder = Path(self.output_path) / "schema"
        schemas.write_schemas(folder, schemas.published_schemas(catalog.boersen))


class SearchWriter:
    """Builds and writes every Börse's search files, in a forked process where possible.

    Indexing and page rendering are independent, so on a machine with two cores they run
    side by side; the forked child sees the catalog without pickling it.
    """

    def __init__(self, catalog: Catalog, output: Path, *, precompress: bool, languages: tuple[str, ...] = (SOURCE,)):
        self.catalog, self.output, self.precompress = catalog, output, precompress
        self.languages = languages
        self.task = Task(self.run, "boersen-search", "Der Suchindex konnte nicht geschrieben werden")

    def run(self) -> None:
        for boerse in self.catalog.boersen:
            files = search_files(boerse, self.catalog.current_offers(boerse), self.catalog.synonyms)
            write_search_files(self.output / boerse.slug / SEARCH_FOLDER, files, precompress=self.precompress)
        # Each other language: an index of the offers translated into it below /<code>/ (search/languages.py).
        for code in self.languages[1:]:
            for boerse in self.catalog.boersen:
                files = search_files(boerse, self.catalog.current_offers(boerse), [], search_language(code))
                write_search_files(self.output / code / boerse.slug / SEARCH_FOLDER, files, precompress=self.precompress)

    def start(self) -> None:
        self.task.start()

    def finish(self) -> None:
        self.task.finish()


def search_targets(catalog: Catalog, site_url: str, prefix: str = "") -> list[dict]:
    """What the home page's search needs to know of each Börse; on another language's page
    (``prefix`` "en/") also both indexes, that language's and the German one."""
    targets = []
    for b in catalog.boersen:
        target = {"titel": b.title, "url": f"{prefix}{b.url}", "search": f"{site_url}/{prefix}{b.slug}/{SEARCH_FOLDER}/"}
        if prefix:
            target["indexe"] = search_index_urls(b, site_url, prefix.rstrip("/"))
        targets.append(target)
    return targets


def search_index_urls(boerse, site_url: str, code: str) -> list[str]:
    """The search indexes an L page queries, in order: L's own, then the German one."""
    return [f"{site_url}/{code}/{boerse.slug}/{SEARCH_FOLDER}/", f"{site_url}/{boerse.slug}/{SEARCH_FOLDER}/"]


def script_texts_path(code: str) -> str:
    """The JSON file with the scripts' texts of a language (i18n/scripts.py)."""
    return f"{code}/texte.json"


EASY_LANGUAGE_FOLDER = "leichte-sprache"


def _prefix(code: str) -> str:
    return "" if code == SOURCE else f"{code}/"


def _easy_texts(offer) -> OfferText:
    """The Leichte-Sprache texts, the German original where the version leaves a field out."""
    easy, german = offer.easy_language, offer.german
    return OfferText(easy.title or german.title, easy.summary or german.summary, easy.description or german.description)


def _help_sections(catalog: Catalog) -> list[dict]:
    """One section per Börse with its fields and a complete example file, one for organisations."""
    local = local_examples(catalog)
    sections = [
        {
            "title": boerse.title,
            "slug": boerse.slug,
            "file": f"data/{boerse.slug}/<name>.yaml",
            "schema": boerse.schema,
            "boerse": boerse,
            "example_file": example_file(boerse, local),
            "local": local,
        }
        for boerse in catalog.boersen
    ]
    organisations = {"title": "Anbieter", "slug": "anbieter", "file": "data/anbieter/<name>.yaml", "schema": schemas.organisation_schema()}
    settings = {
        "title": "Einstellungen einer Börse",
        "slug": "boerse",
        "file": "data/<börse>/_boerse.yaml",
        "schema": schemas.boerse_schema(),
    }
    sections += [organisations | {"local": local}, settings | {"local": {}}]
    return sections


def report(problems: Problems) -> None:
    """Print problems as the validator does, so build and validate read the same; errors stop the build."""
    for line in readable_lines(problems):
        print(line, file=sys.stderr)
    if problems.errors:
        raise DataError(f"{len(problems.errors)} Fehler in den Daten (siehe oben); die Seite wurde nicht gebaut.")
