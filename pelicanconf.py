"""Pelican settings for the demo site. City staff: the lines marked CHANGE are yours."""

import os
from pathlib import Path

HERE = Path(__file__).parent

SITENAME = "Börsen der Stadt Auenstadt"  # CHANGE: name shown in the header
SITEURL = ""  # empty for local preview; publishconf.py sets the real address
TOWN = "Auenstadt"  # CHANGE
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["artikel"]  # the site has no blog; Börse pages come from data/
STATIC_PATHS = []
THEME = "theme"
# Escape everything volunteers write; Pelican leaves autoescape off by default.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["boersen"]

# Börsen plugin
BOERSEN_DATA_PATH = str(HERE / "data")
BOERSEN_TODAY = None  # None: the system date, or BOERSEN_HEUTE=2027-03-01 in the environment
BOERSEN_SEARCH = True  # False skips the search index (only for measuring the build without it)
BOERSEN_PRECOMPRESS = False  # True writes .gz twins of the search files (publishconf.py does)
BOERSEN_SECURITY_CONTACT = None  # CHANGE: e.g. "mailto:it-sicherheit@auenstadt.de", named in /.well-known/security.txt
BOERSEN_IMAGE_CACHE = str(HERE / ".cache" / "bilder")  # encoded image variants kept between builds; None: encode every time
BOERSEN_PAGE_SIZE = 100  # offers per page of a listing without JavaScript (/<boerse>/seite/2/ …)
# CHANGE: the languages of the site. German is the source and comes first; each other language gets
# its own pages under /en/, /tr/, /ar/, /uk/ (interface translated, offers where they carry a translation).
# Possible: "de", "en", "tr", "ar", "uk". Unset, the site is German only.
BOERSEN_LANGUAGES = ["de", "en", "tr", "ar", "uk"]
# CHANGE: the address of the form-to-repo bridge (make bridge), e.g. "https://formular.auenstadt.de".
# Set, every Börse page links "Angebot eintragen" and every offer "Änderung vorschlagen" to its forms;
# unset, both lead to the page /mitmachen/.
BOERSEN_BRIDGE_URL = os.environ.get("BOERSEN_BRIDGE_URL", "").rstrip("/") or None
# CHANGE: the licence of the open data (/offene-daten/): a DCAT-AP.de licence id or its full address.
BOERSEN_OPEN_DATA_LICENCE = "dl-de/by-2-0"

# Pretty URLs: /impressum/ instead of /pages/impressum.html
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# No blog machinery: no feeds, archives, tags, authors or article index.
DIRECT_TEMPLATES = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARTICLE_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
# Reproducible output: no build timestamps anywhere.
DEFAULT_DATE = None
