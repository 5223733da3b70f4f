"""`make devserver`: builds the site again after every change and serves it on
http://HOST:PORT/.

    python -m portal.commands.devserver [--settings pelicanconf.py] [--content content]
        [--output output] [--cache-path cache] [--host 127.0.0.1] [--port 8000]

Each build runs in a process of its own (`python -m pelican …`): a bad edit ends in its
report, never in the server, and the next change builds again; an edit to the plugin's code is
built with the new code. Between builds the output folder is served as it is, and a build that
fails leaves it as it was. Watched: the content folder, the settings file, the theme, the UI
catalogs and the plugin.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..content.problems import shown_path

PLUGIN = Path(__file__).resolve().parent.parent


def snapshot(places: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file below the places, with its modification time and size."""
    found = {}
    for place in places:
        if place.is_file():
            status = place.stat()
            found[str(place)] = (status.st_mtime_ns, status.st_size)
            continue
        for root, dirs, names in os.walk(place):
            dirs[:] = [name for name in dirs if name != "__pycache__" and not name.startswith(".")]
            for name in names:
                try:
                    status = os.stat(os.path.join(root, name))
                except OSError:  # gone between the listing and the look
                    continue
                found[os.path.join(root, name)] = (status.st_mtime_ns, status.st_size)
    return found


def changed_files(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def build(args) -> bool:
    command = [sys.executable, "-m", "pelican", str(args.content), "-o", str(args.output), "-s", str(args.settings)]
    if args.cache_path:
        command += ["--cache-path", str(args.cache_path)]
    started = time.monotonic()
    result = subprocess.run(command)
    if result.returncode == 0:
        print(f"Built in {time.monotonic() - started:.1f} s: http://{args.host}:{args.port}/", flush=True)
    else:
        print("The build stopped: the site is served as it was. Fix what the report says and save: "
              "the site is built again.", flush=True)
    return result.returncode == 0


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(output: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    output.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(_QuietHandler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make devserver", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--cache-path", type=Path, default=None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between two looks for changes")
    args = parser.parse_args(argv)
    try:
        server = serve(args.output, args.host, args.port)
    except OSError as error:
        print(f"Cannot serve on {args.host}:{args.port} ({error.strerror}): give another PORT=….", file=sys.stderr)
        return 2
    args.port = server.server_address[1]
    watched = [args.content, args.settings, PLUGIN, PLUGIN.parent.parent / "theme",
               PLUGIN.parent.parent / "translations"]
    print(f"Serving {args.output} on http://{args.host}:{args.port}/ and building again on every change "
          "(Ctrl-C to stop).", flush=True)
    try:
        last = snapshot(watched)
        build(args)
        while True:
            time.sleep(args.interval)
            current = snapshot(watched)
            if current != last:
                names = changed_files(last, current)
                shown = ", ".join(shown_path(name) for name in names[:5]) + (" …" if len(names) > 5 else "")
                print(f"Changed: {shown}", flush=True)
                last = current
                build(args)
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
