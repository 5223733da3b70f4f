"""The search index of the text pages: Pagefind, fed from their rendered content.

The statement, its appendices and the guides are prose, which Pagefind indexes well. People
are found by name from search/people-<lang>.json instead (publish/people_search.py): a
name's spellings across alphabets and a slip of one letter are not what a stemmer serves.
"""
from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, as the page is linked ("be/statement/")
    lang: str
    title: str
    text: str


_TAG = re.compile(r"<[^>]+>")


def search_records(text_pages: list) -> list[SearchRecord]:
    """Every text page in each of its languages."""
    return [page_record(item.title, item.content, item.lang, item.url)
            for page in text_pages for item in [page, *page.translations]]


def page_record(title: str, content_html: str, lang: str, url: str) -> SearchRecord:
    text = html.unescape(_TAG.sub(" ", content_html))
    return SearchRecord(url, lang, title, " ".join(text.split()))


class SearchIndexError(SystemExit):
    """Pagefind, or the scratch copy it reads, failed: the build stops with the whole story.

    A SystemExit, as content problems are, so that Pelican's command line prints the message
    as it is and exits with status 1, instead of a traceback that buries it."""


def write_index(records: list[SearchRecord], output_path: str, bundle: str, scratch_parent: str,
                url_of_index: str = "index.html") -> None:
    """Writes Pagefind's index and its search UI into output_path/bundle.

    Each record becomes a bare HTML document at its page's path in a scratch folder, which the
    Pagefind binary indexes (its Python API answers one record per tenth of a second). Pagefind
    takes the URL from the path, the language from <html lang>, and the title from the
    data-pagefind-meta attribute.

    Pagefind makes one index per language anyway: so each language is indexed by a run of its
    own into the same folder (Pagefind adds its files to what is there), and the languages of
    the runs' entry files are put into one. The result is byte for byte the one run's (the
    shared files are the same in every run), with a third of the memory.

    The scratch copy goes into a folder under `scratch_parent`, on disk (the build's cache):
    at 10,000 people a language's copy is some 10,000 folders and files, which in a memory
    folder such as /dev/shm (64 MB in many containers, and shared with every other program)
    can fill it. Pagefind's own temporary files go there too (TMPDIR).

    The index is made beside the last one and put in its place only when it is whole: if
    Pagefind fails, the output keeps the last index.
    """
    final = os.path.join(output_path, bundle)
    target = os.path.join(output_path, f".{bundle.strip('/')}.new")
    shutil.rmtree(target, ignore_errors=True)
    try:
        _write_index(records, target, scratch_parent, url_of_index)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    shutil.rmtree(final, ignore_errors=True)
    if os.path.isdir(target):
        os.rename(target, final)


def _write_index(records: list[SearchRecord], target: str, scratch_parent: str, url_of_index: str) -> None:
    if not records:
        return  # a site with no one and no text to find
    languages = {}
    by_language: dict[str, list[SearchRecord]] = {}
    for record in records:
        by_language.setdefault(record.lang, []).append(record)
    with _scratch(scratch_parent) as scratch:
        for lang, part in sorted(by_language.items()):
            site = os.path.join(scratch, lang)
            try:
                for record in part:
                    _write_document(site, record, url_of_index)
            except OSError as error:
                raise SearchIndexError(_no_scratch(scratch, error)) from None
            run_pagefind(["--site", site, "--output-path", target, "--silent"], scratch)
            shutil.rmtree(site)
            with open(os.path.join(target, "pagefind-entry.json"), encoding="utf-8") as stream:
                entry = json.load(stream)
            languages.update(entry["languages"])
    for lang, about in languages.items():
        if not os.path.isfile(os.path.join(target, f"pagefind.{about['hash']}.pf_meta")):
            raise RuntimeError(f"Pagefind removed the {lang} index when it indexed another language: "
                               "this version cannot be run once per language (see publish/search_index.py: write_index).")
    # In a fixed order: two builds of one commit must be identical.
    entry["languages"] = dict(sorted(languages.items()))
    with open(os.path.join(target, "pagefind-entry.json"), "w", encoding="utf-8") as stream:
        json.dump(entry, stream, ensure_ascii=False, separators=(",", ":"))


def _write_document(site: str, record: SearchRecord, url_of_index: str) -> None:
    path = os.path.join(site, *record.url.strip("/").split("/"))
    path = path if path.endswith(".html") else os.path.join(path, url_of_index)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(f'<!doctype html><html lang="{record.lang}"><head><meta charset="utf-8">'
                     f'<title>{escape(record.title)}</title></head><body>'
                     f'<h1 data-pagefind-meta="title">{escape(record.title)}</h1>'
                     f'<p>{escape(record.text)}</p></body></html>')


@contextlib.contextmanager
def _scratch(parent: str):
    try:
        os.makedirs(parent, exist_ok=True)
        folder = tempfile.TemporaryDirectory(prefix="search-", dir=parent)
    except OSError as error:
        raise SearchIndexError(_no_scratch(parent, error)) from None
    with folder as scratch:
        yield scratch


def _no_scratch(folder: str, error: OSError) -> str:
    return (f"The search index was not made: its scratch copy could not be written in {folder}: "
            f"{error.strerror or error}.\nFix: free space there, or set CACHE_PATH to a folder on a disk with room.")


# Of what Pagefind says, the end is kept: the error is there, and a looping tool cannot fill the build's memory.
OUTPUT_KEPT = 20_000  # characters of each of stdout and stderr


def run_pagefind(arguments: list[str], scratch: str) -> None:
    """Runs Pagefind (the binary of the pagefind_bin package, or PAGEFIND_BINARY_PATH's) with
    its temporary files in `scratch`; if it fails, SearchIndexError tells the whole of it: the
    command, the exit code or signal, and what it wrote."""
    command = [sys.executable, "-m", "pagefind", *arguments]
    environment = {**os.environ, "TMPDIR": scratch, "TMP": scratch, "TEMP": scratch}
    try:
        result = subprocess.run(command, capture_output=True, text=True, errors="replace", env=environment)
    except OSError as error:
        raise SearchIndexError(f"The search index was not made: {shlex.join(command)} could not start: {error}.") from None
    if result.returncode != 0:
        raise SearchIndexError(pagefind_failure(command, result.returncode, result.stdout, result.stderr))


def pagefind_failure(command: list[str], returncode: int, stdout: str, stderr: str) -> str:
    """The message of a failed Pagefind run, for the one who runs the build."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        how = f"was stopped by {name}" + (" (the system may have run out of memory)" if name == "SIGKILL" else "")
    else:
        how = f"exited with status {returncode}"
    lines = [f"The search index was not made: Pagefind {how}.",
             f"Command: {shlex.join(command)}"]
    for label, text in (("Its error output", stderr), ("Its output", stdout)):
        text = text.rstrip()
        if text:
            cut = len(text) > OUTPUT_KEPT
            shown = text[-OUTPUT_KEPT:].split("\n", 1)[-1] if cut else text  # whole lines only
            lines.append(f"{label}" + (f" (its last {len(shown):,} characters)" if cut else "") + ":")
            lines += ["    " + line for line in shown.split("\n")]
    if not stdout.strip() and not stderr.strip():
        lines.append("It wrote nothing.")
    lines.append("The output folder keeps the last search index. Fix what the message says and build again.")
    return "\n".join(lines)
