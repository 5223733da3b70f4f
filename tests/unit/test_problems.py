"""Problems as a volunteer reads them: where, what, how to fix; all at once, in file order."""
from __future__ import annotations

from portal.content.problems import ContentError, Problem, format_report, github_annotation, shown_path

TYPO = Problem("content/people/b.md", 4, "status", '"custdy" is not a known status.', 'did you mean "custody"?')
NOT_A_RECORD = Problem("content/people/notes.txt", None, None, "this file is in the people folder but is not a person "
                       "record.", "person records end in .md.")
NO_NAME = Problem("content/people/a.md", 1, "name", "a public record has no name in any language.", "add the name.")


def test_a_problem_says_file_line_field_what_and_fix():
    assert str(TYPO) == ('content/people/b.md, line 4, field "status":\n'
                         '    "custdy" is not a known status.\n'
                         '    Fix: did you mean "custody"?')


def test_a_problem_without_line_or_field_says_the_file_only():
    assert str(NOT_A_RECORD).splitlines()[0] == "content/people/notes.txt:"


def test_the_report_counts_the_problems_and_lists_them_in_file_order():
    assert format_report([TYPO, NOT_A_RECORD, NO_NAME]) == (
        "The content has 3 problems; the site was not built. Fix each one below and build again.\n\n"
        f"{NO_NAME}\n\n{TYPO}\n\n{NOT_A_RECORD}\n")


def test_the_report_of_one_problem_and_its_own_words():
    assert format_report([TYPO], outcome="the site cannot be built", again="run make check again").splitlines()[0] == (
        "The content has 1 problem; the site cannot be built. Fix each one below and run make check again.")


def test_content_error_is_a_system_exit_that_carries_the_report():
    error = ContentError([TYPO, NO_NAME])
    assert isinstance(error, SystemExit)
    assert error.problems == [NO_NAME, TYPO]
    assert str(error) == error.code == format_report([NO_NAME, TYPO])


def test_shown_path_is_relative_to_the_working_folder_where_it_can_be(in_tmp):
    assert shown_path(in_tmp / "content" / "people" / "a.md") == "content/people/a.md"
    assert shown_path("/elsewhere/a.md") == "/elsewhere/a.md"


def test_a_problem_as_a_github_annotation_on_its_file_and_line():
    problem = Problem("content/people/ivan-ivanau.md", 4, "status", '"custdy" is not a known status.',
                      'did you mean "custody"? use one of: custody, released (50% of them: a, b).\nsee the list')
    assert github_annotation(problem) == (
        '::error file=content/people/ivan-ivanau.md,line=4,title=field status::"custdy" is not a known status. '
        'Fix: did you mean "custody"? use one of: custody, released (50%25 of them: a, b).%0Asee the list')
    assert github_annotation(Problem("content/x, y.md", None, None, "m", "f")) == (
        "::error file=content/x%2C y.md,title=content problem::m Fix: f")
