"""Settings for publishing: the development settings, with the public address."""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The public address, e.g. https://politprisoners.example (no trailing slash); links stay
# relative so that mirrors and copies work, and the address is used where a full URL is
# required.
SITEURL = os.environ.get("SITEURL", "")
