"""Settings for publishing: the live address on top of pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("BOERSEN_SITEURL", "https://boersen.auenstadt.example")  # CHANGE
RELATIVE_URLS = False
BOERSEN_PRECOMPRESS = True  # search files also as .gz, for servers with gzip_static
DELETE_OUTPUT_DIRECTORY = True
