"""After `make publish`: the published site's size, its files and its largest file, against
the limits of the hosts it may be deployed to (bench/hosts.yaml).

    python -m portal.commands.sitesize --output output [--hosts bench/hosts.yaml]

It warns, and does not fail, when the site reaches the file's `warn_at` of a host's limit or
is over it: a deploy to another host may still work, and the one who publishes decides.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

UNITS = {"B": 1, "kB": 1000, "MB": 1000 ** 2, "GB": 1000 ** 3, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}
# The kinds of limit: what each measures, in words.
KINDS = {
    "site_size": "a site of at most",
    "file_size": "no file over",
    "files": "at most",
    "entries": "at most",
    "files_per_folder": "at most",
}
SIZES = ("site_size", "file_size")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$")


@dataclass(frozen=True)
class Limit:
    kind: str  # one of KINDS
    value: int  # bytes, or a number of files
    written: str  # as the host writes it ("1 GB", "20000")


@dataclass(frozen=True)
class Host:
    name: str
    limits: tuple[Limit, ...]


@dataclass(frozen=True)
class Hosts:
    warn_at: float
    hosts: tuple[Host, ...]


class HostsFileError(SystemExit):
    """The hosts file is wrong: the message names the file, the field and the fix."""


def parse_size(text: str) -> int:
    """"1 GB" -> 1000000000, "25 MiB" -> 26214400; ValueError for anything else."""
    match = _SIZE.match(str(text))
    if not match or match.group(2) not in UNITS:
        raise ValueError(text)
    return int(float(match.group(1)) * UNITS[match.group(2)])


def read_hosts(path: Path) -> Hosts:
    """The hosts file, checked: each mistake stops the command with the field and its fix."""
    def wrong(where: str, what: str, fix: str) -> HostsFileError:
        return HostsFileError(f"{path}, {where}: {what}\n    Fix: {fix}")

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise HostsFileError(f"{path}: cannot be read: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("hosts"), list):
        raise wrong('field "hosts"', "missing, or not a list.", "write hosts: followed by a list of hosts.")
    warn_at = data.get("warn_at", 0.8)
    if isinstance(warn_at, bool) or not isinstance(warn_at, (int, float)) or not 0 < warn_at <= 1:
        raise wrong('field "warn_at"', f"{warn_at!r} is not a fraction.", "write a number above 0 and at most 1, as 0.8.")
    hosts = []
    for number, entry in enumerate(data["hosts"], 1):
        where = f"host {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise wrong(where, "has no name.", "write name: followed by the host's name.")
        where = f'host "{entry["name"]}"'
        limits = []
        for key, value in entry.items():
            if key in ("name", "source"):
                continue
            if key not in KINDS:
                raise wrong(where + f', field "{key}"', "is not a kind of limit.", f"use one of: {', '.join(KINDS)}.")
            if key in SIZES:
                try:
                    limits.append(Limit(key, parse_size(value), str(value)))
                except ValueError:
                    raise wrong(where + f', field "{key}"', f"{value!r} is not a size.",
                                f"write a number and a unit, one of {', '.join(UNITS)}, as 25 MiB.") from None
            elif isinstance(value, int) and not isinstance(value, bool) and value > 0:
                limits.append(Limit(key, value, f"{value:,}"))
            else:
                raise wrong(where + f', field "{key}"', f"{value!r} is not a number of files.",
                            "write a whole number above 0, as 20000.")
        if not limits:
            raise wrong(where, "has no limit.", f"write at least one of: {', '.join(KINDS)}.")
        hosts.append(Host(entry["name"].strip(), tuple(limits)))
    return Hosts(float(warn_at), tuple(hosts))


@dataclass
class SiteSize:
    size: int = 0  # bytes, all files
    files: int = 0
    folders: int = 0
    largest: tuple[int, str] = (0, "")  # bytes, path relative to the site
    fullest_folder: tuple[int, str] = (0, "")  # files directly in it, path ("" is the root)
    by_folder: dict[str, tuple[int, int]] = field(default_factory=dict)  # top folder -> (files, bytes)


def measure(root: Path) -> SiteSize:
    """Every file under root (symbolic links not followed; a hard link counts in full, as a host
    stores it)."""
    site = SiteSize()
    stack = [""]
    while stack:
        relative = stack.pop()
        files_here = 0
        with os.scandir(root / relative if relative else root) as entries:
            for entry in entries:
                name = f"{relative}/{entry.name}" if relative else entry.name
                if entry.is_dir(follow_symlinks=False):
                    site.folders += 1
                    stack.append(name)
                    continue
                size = entry.stat(follow_symlinks=False).st_size
                files_here += 1
                site.files += 1
                site.size += size
                if size > site.largest[0] or (size == site.largest[0] and name < site.largest[1]):
                    site.largest = (size, name)  # of two the same size, the first by name: the same in every run
                top = name.split("/", 1)[0] if "/" in name else ""
                files, total = site.by_folder.get(top, (0, 0))
                site.by_folder[top] = (files + 1, total + size)
        most, where = site.fullest_folder
        if files_here > most or (files_here == most and relative < where):
            site.fullest_folder = (files_here, relative)
    return site


def measured(site: SiteSize, kind: str) -> int:
    return {"site_size": site.size, "file_size": site.largest[0], "files": site.files,
            "entries": site.files + site.folders, "files_per_folder": site.fullest_folder[0]}[kind]


def in_unit(size: int, written: str) -> str:
    """A size in the unit a limit is written in ("1.37 GB" beside "1 GB")."""
    unit = _SIZE.match(written).group(2)
    return f"{size / UNITS[unit]:,.2f} {unit}"


def warnings_for(site: SiteSize, hosts: Hosts) -> list[str]:
    """One line per limit the site is over, or within warn_at of, in the file's order."""
    lines = []
    for host in hosts.hosts:
        for limit in host.limits:
            value = measured(site, limit.kind)
            if value < hosts.warn_at * limit.value:
                continue
            if limit.kind in SIZES:
                shown = in_unit(value, limit.written)
            else:
                shown = f"{value:,}"
            what = {"site_size": f"{shown} in all", "file_size": f"its largest file {shown} ({site.largest[1]})",
                    "files": f"{shown} files", "entries": f"{shown} files and folders",
                    "files_per_folder": f"{shown} files in {site.fullest_folder[1] or 'its root'}/"}[limit.kind]
            noun = {"files": " files", "entries": " files and folders",
                    "files_per_folder": " files in a folder"}.get(limit.kind, "")
            state = "OVER the limit" if value > limit.value else f"{value / limit.value:.0%} of the limit"
            lines.append(f"Warning: {host.name} allows {KINDS[limit.kind]} {limit.written}{noun}; "
                         f"the site has {what}: {state}.")
    return lines


def report(site: SiteSize, hosts: Hosts, folder: str) -> str:
    mib = 1024 ** 2
    lines = [f"The published site ({folder}/): {site.size / mib:,.1f} MiB in {site.files:,} files "
             f"and {site.folders:,} folders.",
             f"Its largest file: {site.largest[1]}, {site.largest[0] / mib:,.2f} MiB; the fullest folder: "
             f"{site.fullest_folder[1] or '(the root)'}/, {site.fullest_folder[0]:,} files."]
    biggest = sorted(site.by_folder.items(), key=lambda item: (-item[1][1], item[0]))[:5]
    lines.append("The largest folders: " + "; ".join(
        f"{name or '(the root)'}/ {total / mib:,.1f} MiB in {files:,} files" for name, (files, total) in biggest) + ".")
    warnings = warnings_for(site, hosts)
    lines += warnings or [f"Within the limits of {', '.join(host.name for host in hosts.hosts)} "
                          f"(below {hosts.warn_at:.0%} of each)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make publish", description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="output", help="the published folder")
    parser.add_argument("--hosts", default="bench/hosts.yaml", help="the hosts and their limits")
    args = parser.parse_args(argv)
    hosts = read_hosts(Path(args.hosts))
    if not Path(args.output).is_dir():
        print(f"{args.output}/ is not a folder: build the site first (make publish).", file=sys.stderr)
        return 1
    sys.stdout.write(report(measure(Path(args.output)), hosts, args.output.rstrip("/")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
