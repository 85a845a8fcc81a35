# Börsen: build, serve and test the site. Every target sets up .venv by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
CONF := pelicanconf.py
PUBLISHCONF := publishconf.py
OUTPUT := output
PORT ?= 8000
BIND ?= 127.0.0.1

.PHONY: help html publish serve devserver clean validate test lint format bench schema vendor bridge issue-forms programmheft i18n

help:
	@echo "make serve      Demo-Seite bauen und auf http://localhost:$(PORT) zeigen"
	@echo "make html       Seite nach $(OUTPUT)/ bauen"
	@echo "make devserver  bauen, zeigen und bei Änderungen neu bauen"
	@echo "make publish    Seite mit publishconf.py für die Veröffentlichung bauen"
	@echo "make validate   alle Datendateien prüfen"
	@echo "make test       alle Tests ausführen"
	@echo "make bench      Geschwindigkeit messen (Bauzeit gegen Hugo, Suche gegen Pagefind, Markdown)"
	@echo "make programmheft  Programmheft der Ferienbörse als PDF (output/<börse>/programmheft.pdf)"
	@echo "make bridge     Formular-Brücke auf http://127.0.0.1:8001 starten (Einstellungen: bridge/.env.example)"
	@echo "make schema     JSON-Schemas in schema/ neu schreiben (nach Änderungen am Schema oder an einer _boerse.yaml)"
	@echo "make issue-forms  GitHub-Formulare in .github/ISSUE_TEMPLATE/ neu schreiben"
	@echo "make i18n       Texte der Oberfläche nach translations/ übernehmen (nach Änderungen an Vorlagen oder Skripten)"
	@echo "make clean      $(OUTPUT)/ löschen"

# The virtual environment, rebuilt when the pinned requirements change.
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

validate: $(VENV)/.installed
	$(BIN)/boersen validate data

# The build validates the data itself and stops with the same messages as `make validate`.
html: $(VENV)/.installed
	$(PELICAN) content -s $(CONF) -o $(OUTPUT)

publish: $(VENV)/.installed
	$(PELICAN) content -s $(PUBLISHCONF) -o $(OUTPUT)

serve: html
	$(PELICAN) --listen --bind $(BIND) --port $(PORT) -s $(CONF) -o $(OUTPUT)

# Serve, and rebuild whenever data, content, theme, plugin or settings change.
# A build with bad data prints the messages and keeps the last good site.
devserver: html
	@$(PELICAN) --listen --bind $(BIND) --port $(PORT) -s $(CONF) -o $(OUTPUT) & server=$$!; \
	trap 'kill $$server' EXIT INT TERM; \
	$(BIN)/watchfiles --target-type command "$(MAKE) --no-print-directory html" data content theme plugins $(CONF)

# The printed programme of each holiday Börse as PDF (output/<börse>/programmheft.pdf), printed by
# Debian's headless Chromium from the page /<börse>/programmheft/ of the built site.
programmheft: html
	$(BIN)/python -m boersen.outputs.programmheft $(OUTPUT)

# The form-to-repo bridge; settings come from BRIDGE_* environment variables (bridge/.env.example).
bridge: $(VENV)/.installed
	$(BIN)/python -m bridge --host 127.0.0.1 --port 8001

clean:
	rm -rf $(OUTPUT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the GitHub issue forms in .github/ISSUE_TEMPLATE/ after changing a Börse or the schema.
issue-forms: $(VENV)/.installed
	$(BIN)/python -m boersen.ci issue-forms data

# Regenerate the committed JSON Schemas in schema/ after changing plugins/boersen/schema.py.
schema: $(VENV)/.installed
	$(BIN)/boersen schema schema

# The UI catalogues (translations/): extract the German strings of templates, Python labels and
# schema labels (babel.cfg) and of the page scripts (babel-js.cfg), merge them into each language's
# .po (new strings arrive untranslated, changed ones fuzzy: tests/i18n/ fail until a person or the
# translator has filled them in) and compile .mo files for other gettext tools. The build itself
# reads the .po files (plugins/boersen/i18n/catalogues.py), so the .mo files are not committed.
I18N_LANGUAGES := en tr ar uk
I18N_EXTRACT := $(BIN)/pybabel extract --project=Börsen --sort-by-file --add-location=file --no-wrap --ignore-dirs=".* _* node_modules output bench bridge tests data import content schema" -c "Translators:"
i18n: $(VENV)/.installed
	$(I18N_EXTRACT) -F babel.cfg -o translations/messages.pot .
	$(I18N_EXTRACT) -F babel-js.cfg -k n_:1,2 -o translations/js.pot .
	for lang in $(I18N_LANGUAGES); do for domain in messages js; do \
	  if [ -f translations/$$lang/LC_MESSAGES/$$domain.po ]; then $(BIN)/pybabel update --no-wrap -D $$domain -i translations/$$domain.pot -d translations -l $$lang; \
	  else $(BIN)/pybabel init --no-wrap -D $$domain -i translations/$$domain.pot -d translations -l $$lang; fi; done; done
	$(BIN)/pybabel compile -D messages -d translations --statistics
	$(BIN)/pybabel compile -D js -d translations --statistics

# lunr.js and lunr-languages from npm, for the tests that compare the browser with Python.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# The browser tests drive Debian's Chromium (apt-get install chromium); .ci/run installs it.
test: $(VENV)/.installed node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# Refresh theme/static/vendor/ and bridge/static/vendor/ after changing the versions in package.json.
vendor: node_modules/.package-lock.json
	cp node_modules/lunr/lunr.min.js theme/static/vendor/lunr-$$(node -p 'require("lunr/package.json").version').min.js
	cp node_modules/lunr-languages/min/lunr.stemmer.support.min.js theme/static/vendor/lunr-languages-$$(node -p 'require("lunr-languages/package.json").version').stemmer.support.min.js
	cp node_modules/lunr-languages/min/lunr.de.min.js theme/static/vendor/lunr-languages-$$(node -p 'require("lunr-languages/package.json").version').de.min.js
	for lang in tr ar; do cp node_modules/lunr-languages/min/lunr.$$lang.min.js theme/static/vendor/lunr-languages-$$(node -p 'require("lunr-languages/package.json").version').$$lang.min.js; done
	cp node_modules/altcha/dist/external/altcha.umd.min.cjs bridge/static/vendor/altcha-$$(node -p 'require("altcha/package.json").version').min.js
	cp node_modules/altcha/dist/external/altcha.css bridge/static/vendor/altcha-$$(node -p 'require("altcha/package.json").version').css
	cp node_modules/altcha/dist/workers/sha.js bridge/static/vendor/altcha-$$(node -p 'require("altcha/package.json").version').sha-worker.js

# Build time against Hugo (Debian package hugo), search against Pagefind in Chromium, the worst
# Markdown render time against Python-Markdown and markdown-it-py, the bridge's throughput
# and delivery under forge failures and SIGKILL, and the build with 1,000 images (cold and warm
# cache) with the image bytes a phone loads.
bench: $(VENV)/.installed node_modules/.package-lock.json
	$(BIN)/python bench/build_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/markdown_bench.py
	$(BIN)/python bench/bridge_bench.py
	$(BIN)/python bench/image_bench.py
