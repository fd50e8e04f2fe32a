"""Documents that only look like questions (set 14's negatives, issue 14): each must import as
no questions. Each test failed before this round.

- A course's exam-logistics page: its title names the exam ('Exam Logistics'), its '##' sections
  are where and how to sit it, bullets of arrangements, none asking. A title that names an exam's
  arrangements names no collection of questions, so its sections stay sections.
- A project's README: two of its sections ask ('## What is Tern?', '## What can Tern do for my mods?') among
  '## Install', '## Configuration', '## Support', '## Credits': the project introducing itself.
  A FAQ whose question headings stand alone still imports.
"""

from __future__ import annotations

from qabook.importer import plan_import

LOGISTICS = """---
title: Exam Logistics
---

# Exam Logistics

The midterm is on **Tuesday, March 5, 7–9pm**. Fill out the form by Friday if you need an alternate time.

The exam is closed-book. You may bring one cheat sheet of your own design.

## In-Person Logistics

- We will email you a room a day before the exam.
- Please arrive early so that we can start on time.

## Remote Logistics

- Before the exam:
    - We will email you a video-call link.
- During the exam:
    - Share your entire screen and keep your camera on.
    - If you have clarification questions, message a proctor.

## Academic Integrity

- Any collaboration during the exam is cheating.
- Do not discuss the exam until solutions are released.
"""

README = """<p align="center"><b>Tern</b> - a small mod manager</p>

## What is Tern?

Tern is a launcher and mod manager for a game, written in Electron.

## Install

Download the latest release and run the installer.

## What can Tern do for my mods?

- Update the game and its mods
- Launch the game with your settings
- Browse and install mods from the catalogue

## Configuration

The settings live in a JSON file in your home folder.

## Support

Open an issue on the tracker if something breaks.

## Credits

Thanks to everyone who tested the early versions.
"""

FAQ = """# Tern FAQ

## What is Tern?

Tern is a launcher and mod manager for a game.

## Where are the settings kept?

In a JSON file in your home folder.

## Can I use it offline?

Yes, once the mods are downloaded.
"""


def test_an_exam_logistics_page_is_no_questions() -> None:
    assert plan_import(LOGISTICS, "exam.md", chapter="c").question_count == 0


def test_question_headings_among_a_readmes_sections_are_no_questions() -> None:
    assert plan_import(README, "README.md", chapter="c").question_count == 0


def test_a_faq_of_question_headings_still_imports() -> None:
    assert plan_import(FAQ, "faq.md", chapter="c").question_count == 3
