"""Times typed in the editor: the three spellings, clear sentences for anything else, and a lossless round trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.editing.time_text import format_time, parse_time
from app.core.errors import EditError


@pytest.mark.parametrize(("text", "seconds"), [
    ("1:02:03.456", 3723.456), ("62:03.4", 3723.4), ("3723.456", 3723.456), (" 0:05 ", 5.0), ("7", 7.0),
    ("1:00:00", 3600.0), ("0:01,5", 1.5), ("12:00:00.001", 43200.001),
])
def test_accepted_spellings(text: str, seconds: float) -> None:
    assert parse_time(text) == pytest.approx(seconds, abs=1e-9)


@pytest.mark.parametrize(("text", "reason"), [
    ("", "is not a time"), ("abc", "is not a time; write it as 1:02:03.456, 62:03.4 or 3723.456."),
    ("1:2:3:4", "is not a time"), ("-3", "negative"), ("1:75", "75 seconds"), ("1:60:00", "60 minutes"),
    ("1.2345", "more precise than a millisecond"), ("1:02:", "is not a time"),
])
def test_bad_times_are_one_sentence(text: str, reason: str) -> None:
    with pytest.raises(EditError, match=reason) as raised:
        parse_time(text)
    assert str(raised.value).endswith(".") and "\n" not in str(raised.value)


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00.000"), (5.5, "0:05.500"), (3723.456, "1:02:03.456"),
                                               (59.9996, "1:00.000")])
def test_format(seconds: float, text: str) -> None:
    assert format_time(seconds) == text


@given(st.integers(0, 100 * 3600 * 1000))
def test_format_then_parse_gives_the_same_millisecond(milliseconds: int) -> None:
    assert round(parse_time(format_time(milliseconds / 1000)) * 1000) == milliseconds
