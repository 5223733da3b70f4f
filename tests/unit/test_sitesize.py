"""make publish's report: the site's size against the hosts' limits (bench/hosts.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from portal.commands.sitesize import (Host, Hosts, HostsFileError, Limit, main, measure, parse_size, read_hosts,
                                      report, warnings_for)

ROOT = Path(__file__).resolve().parent.parent.parent
MIB = 1024 ** 2


def site(root: Path, files: dict[str, int]) -> Path:
    for name, size in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    return root


def test_sizes_are_read_as_the_hosts_write_them():
    assert parse_size("1 GB") == 1_000_000_000
    assert parse_size("25 MiB") == 26_214_400
    assert parse_size("1.5 kB") == 1500
    for wrong in ("1 gigabyte", "GB", "-1 GB", "1GB2"):
        with pytest.raises(ValueError):
            parse_size(wrong)


def test_the_project_hosts_file_holds_the_known_limits():
    hosts = {host.name: {limit.kind: limit.value for limit in host.limits}
             for host in read_hosts(ROOT / "bench" / "hosts.yaml").hosts}
    assert hosts["GitHub Pages"] == {"site_size": 1_000_000_000, "file_size": 100_000_000}
    assert hosts["Cloudflare Pages (free plan)"] == {"files": 20_000, "file_size": 25 * MIB}
    assert hosts["Netlify"] == {"files_per_folder": 54_000}


def test_measure_counts_files_folders_the_largest_file_and_the_fullest_folder(tmp_path):
    measured = measure(site(tmp_path, {"index.html": 10, "cards/a.png": 300, "cards/b.png": 300,
                                       "cards/c.png": 5, "be/people/x/index.html": 40}))
    assert (measured.size, measured.files, measured.folders) == (655, 5, 4)
    assert measured.largest == (300, "cards/a.png")  # of two alike, the first by name
    assert measured.fullest_folder == (3, "cards")
    assert measured.by_folder == {"": (1, 10), "cards": (3, 605), "be": (1, 40)}


HOSTS = Hosts(0.8, (
    Host("Small Pages", (Limit("site_size", 1000, "1 kB"), Limit("file_size", 400, "400 B"))),
    Host("Few Files", (Limit("files", 6, "6"), Limit("files_per_folder", 3, "3"), Limit("entries", 100, "100"))),
))


def test_no_warning_below_the_threshold(tmp_path):
    measured = measure(site(tmp_path, {"a.html": 100, "b/c.html": 100}))
    assert warnings_for(measured, HOSTS) == []
    assert report(measured, HOSTS, "output").endswith(
        "Within the limits of Small Pages, Few Files (below 80% of each).\n")


def test_a_warning_before_a_limit_is_crossed_and_when_it_is(tmp_path):
    measured = measure(site(tmp_path, {"index.html": 10, "cards/a.png": 330, "cards/b.png": 300,
                                       "cards/c.png": 5, "be/people/x/index.html": 40}))
    assert warnings_for(measured, HOSTS) == [
        # 685 bytes in all: below 80% of 1 kB, no warning.
        "Warning: Small Pages allows no file over 400 B; the site has its largest file 330.00 B "
        "(cards/a.png): 82% of the limit.",
        "Warning: Few Files allows at most 6 files; the site has 5 files: 83% of the limit.",
        "Warning: Few Files allows at most 3 files in a folder; the site has 3 files in cards/: 100% of the limit.",
    ]
    measured = measure(site(tmp_path, {"cards/d.png": 500}))
    lines = warnings_for(measured, HOSTS)
    assert lines[0] == ("Warning: Small Pages allows a site of at most 1 kB; the site has 1.19 kB in all: "
                        "OVER the limit.")
    assert "the site has its largest file 500.00 B (cards/d.png): OVER the limit." in lines[1]
    assert "the site has 4 files in cards/: OVER the limit." in lines[3]


def test_the_report_names_size_files_and_the_largest_file(tmp_path):
    text = report(measure(site(tmp_path, {"index.html": MIB, "photos/p.jpg": 3 * MIB})), HOSTS, "output")
    assert text.splitlines()[:3] == [
        "The published site (output/): 4.0 MiB in 2 files and 1 folders.",
        "Its largest file: photos/p.jpg, 3.00 MiB; the fullest folder: (the root)/, 1 files.",
        "The largest folders: photos/ 3.0 MiB in 1 files; (the root)/ 1.0 MiB in 1 files.",
    ]


def test_the_command_warns_and_does_not_fail(tmp_path, capsys):
    site(tmp_path / "output", {"big.bin": 30 * MIB})
    assert main(["--output", str(tmp_path / "output"), "--hosts", str(ROOT / "bench" / "hosts.yaml")]) == 0
    out = capsys.readouterr().out
    assert ("Warning: Cloudflare Pages (free plan) allows no file over 25 MiB; the site has its largest file "
            "30.00 MiB (big.bin): OVER the limit.") in out


@pytest.mark.parametrize("text, message", [
    ("hosts: {}", 'field "hosts": missing, or not a list.'),
    ("warn_at: 2\nhosts: []", 'field "warn_at": 2 is not a fraction.'),
    ("hosts:\n  - source: x", "host 1: has no name."),
    ("hosts:\n  - name: A\n    site_size: 1 gigabyte", 'host "A", field "site_size": \'1 gigabyte\' is not a size.'),
    ("hosts:\n  - name: A\n    files: many", 'host "A", field "files": \'many\' is not a number of files.'),
    ("hosts:\n  - name: A\n    bandwidth: 100 GB", 'host "A", field "bandwidth": is not a kind of limit.'),
    ("hosts:\n  - name: A", 'host "A": has no limit.'),
    ("hosts: [", "cannot be read"),
])
def test_a_wrong_hosts_file_names_the_field_and_the_fix(tmp_path, text, message):
    path = tmp_path / "hosts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HostsFileError) as raised:
        read_hosts(path)
    assert str(raised.value).startswith(f"{path}")
    assert message in str(raised.value)
    assert "Traceback" not in str(raised.value)
