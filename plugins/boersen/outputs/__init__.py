"""Files besides the pages: calendars, feeds, sitemap and robots.txt, open data.

One module per output; each has a ``write_*`` function the generator calls with the catalog,
the site facts (``Site``) and the build's output folder. Every date written comes from the
data (``bestaetigt_am``, ``gueltig_ab``, programme dates), never from the clock, so the same
input builds the same bytes.
"""
