"""Börsen: a Pelican plugin that publishes directories of local offers from YAML files.

Enable it in pelicanconf.py with ``PLUGIN_PATHS = ["plugins"]`` and ``PLUGINS = ["boersen"]``.
"""

import logging

from pelican import signals


def _get_generators(pelican):
    from .generator import BoersenGenerator

    return BoersenGenerator


def _get_branding_generator(pelican):
    from .branding import BrandingGenerator

    return BrandingGenerator


def _add_template_filters(generator):
    """Formatting filters and gettext for every generator's templates, Pelican's pages included."""
    from .formatting import FILTERS
    from .i18n import jinja
    from .i18n.languages import DEFAULT, LanguageSettingError, configured
    from .richtext import external_links, render_markdown

    generator.env.filters.update(FILTERS)
    generator.env.filters["markdown"] = render_markdown
    generator.env.filters["external_links"] = external_links
    try:
        languages = configured(generator.settings.get("BOERSEN_LANGUAGES"))
    except LanguageSettingError:
        languages = DEFAULT  # the Börsen generator stops the build with the German message
    jinja.install(generator.env, languages)


def _hide_data_error_traceback(record: logging.LogRecord) -> bool:
    """Bad data is the user's to fix, not a crash: Pelican logs it without a traceback."""
    from .generator import DataError
    from .staging import BuildFailed

    if record.exc_info and isinstance(record.exc_info[1], DataError | BuildFailed):
        record.exc_info = None
        record.exc_text = None
    return True


def register():
    from . import staging

    # Build into a staging folder; publish it only when the whole build succeeded.
    signals.initialized.connect(staging.on_initialized)
    signals.get_generators.connect(staging.on_run_started)
    signals.finalized.connect(staging.on_finalized)
    signals.get_generators.connect(_get_generators)
    signals.get_generators.connect(_get_branding_generator)  # town colours, logo, _headers
    signals.generator_init.connect(_add_template_filters)
    logging.getLogger("pelican").addFilter(_hide_data_error_traceback)
