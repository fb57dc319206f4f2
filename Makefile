# The two commands: `make run` starts the app, `make test` runs the tests.
# Each sets up what it needs first, idempotently.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-accuracy lint lock system-deps-run system-deps-test translations update-translations \
	package check-package icons

run: system-deps-run $(STAMP) translations
	$(PY) -m app

test: system-deps-test $(STAMP) translations
	$(PY) -m ruff check app tests benchmarks scripts
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(MAKE) --no-print-directory check-package

bench: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# Error rates of the local engine and of bare faster-whisper on ../shared/audio (several minutes).
bench-accuracy: $(STAMP)
	nice -n 10 $(PY) -m benchmarks.accuracy

lint: $(STAMP)
	$(PY) -m ruff check app tests benchmarks scripts

system-deps-run:
	@scripts/install-system-deps.sh run

system-deps-test:
	@scripts/install-system-deps.sh test

# A changed lock rebuilds the environment from scratch, so it holds exactly what the lock says.
$(STAMP): requirements/lock.txt requirements/no-deps-lock.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/lock.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/no-deps-lock.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Regenerate the hash-pinned lock after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --extra test --extra package \
		--strip-extras --no-emit-index-url --no-emit-find-links -o requirements/lock.txt pyproject.toml

# Compiled translations (.qm) are built from the Qt Linguist sources (.ts) in translations/ into the
# package (app/translations/), where the app finds them through importlib.resources, installed or not.
# The .ts goes beside its .qm: switching the language while the window is open reads it (app/ui/interface_language.py).
# The gettext catalogs (.po) of app/core and app/engines' texts are compiled by Babel into
# app/translations/LANGUAGE/LC_MESSAGES/earshot.mo (app/core/text_translation.py).
translations: $(STAMP)
	@mkdir -p app/translations
	@for ts in translations/*.ts; do $(VENV)/bin/pyside6-lrelease -silent $$ts -qm app/translations/$$(basename $${ts%.ts}).qm; \
		cp $$ts app/translations/; done
	@for po in translations/*.po; do language=$$(basename $${po%.po}); language=$${language#earshot_}; \
		mkdir -p app/translations/$$language/LC_MESSAGES; \
		$(VENV)/bin/pybabel -q compile -i $$po -o app/translations/$$language/LC_MESSAGES/earshot.mo; done

# After adding user-visible strings: extract them, then fill in the Chinese (the Qt layer's in
# scripts/translations_zh_CN.py; core and engines' in translations/earshot_zh_CN.po, where new texts come empty).
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find app -name '*.py' | sort) -ts translations/earshot_zh_CN.ts
	$(PY) scripts/translations_zh_CN.py translations/earshot_zh_CN.ts
	@mkdir -p build
	$(VENV)/bin/pybabel -q extract --no-default-keywords -k translated -k translatable --no-location --no-wrap \
		--sort-output --project Earshot -o build/earshot.pot app/core app/engines app/cli
	$(VENV)/bin/pybabel -q update --no-fuzzy-matching --ignore-obsolete --no-wrap -i build/earshot.pot \
		-o translations/earshot_zh_CN.po -l zh_CN

# The one-folder app in dist/earshot/ and, on Linux, a tarball with install.sh (PyInstaller comes from the
# lock: the `package` extra). check-package, the last step of `test`, builds the folder and runs the built
# binary (about two minutes on 2 cores).
package: $(STAMP) translations
	scripts/build-package.sh $(PY)

check-package: system-deps-test $(STAMP) translations
	scripts/check-package.sh $(PY)

# The PNG icons, rendered from the SVG after changing it (rsvg-convert: apt-get install librsvg2-bin;
# ImageMagick makes the Windows .ico).
icons:
	for size in 16 24 32 48 64 128 256 512; do \
		rsvg-convert -w $$size -h $$size app/resources/icons/earshot.svg -o app/resources/icons/earshot-$$size.png; \
	done
	convert $$(for size in 16 24 32 48 64 128 256; do echo app/resources/icons/earshot-$$size.png; done) packaging/earshot.ico
