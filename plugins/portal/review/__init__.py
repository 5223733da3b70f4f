"""What a change to the content does, for the volunteer who reviews it (`make review`).

Two versions of the content (`content.model.Content`) are compared person by person
(changes.py): each record's fields in words (records.py), what needs a human (flags.py), added
names looked up among the existing ones across alphabets (duplicates.py), changed stories
searched for phone numbers, e-mail and street addresses (personal_data.py). BASE's content
comes from git (revision.py); summary.py writes it all as Markdown. Nothing here imports
Pelican: the command (commands/review.py) reads the settings.
"""
