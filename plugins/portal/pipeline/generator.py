"""The Pelican generator of the portal.

Pelican calls every generator's generate_context() before any generate_output(): the
portal reads and checks all content there (stopping the build on any problem before
anything is written), so the text pages Pelican writes can show the totals; it writes in
generate_output(). The steps themselves, with their inputs and outputs, are pipeline/steps.py's.
"""
from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from .steps import PortalBuild


class PortalGenerator(Generator):
    def generate_context(self):
        self.build = PortalBuild(self.settings, Path(self.path), self.output_path, self.context)
        self.build.read()

    def generate_output(self, writer):
        self.build.write(writer, self.env)
