import pytest

from monitor.extract.numbers import NUMBER, quantity, word_value


@pytest.mark.parametrize("text,value", [
    ("25", 25), ("1,200", 1200), ("twenty-five", 25), ("Twenty five", 25), ("ten", 10),
    ("two dozen", 24), ("a dozen", 12), ("1.2 million", 1_200_000), ("three hundred", 300),
])
def test_word_value(text, value):
    assert word_value(text) == value


@pytest.mark.parametrize("text,value,lower,upper,qual", [
    ("at least 25", 25, 25, None, "at least"),
    ("more than 50", 50, 51, None, "more than"),
    ("up to 10", 10, None, 10, "up to"),
    ("30-plus", None, 30, None, "at least"),
    ("between 10 and 20", None, 10, 20, "between"),
    ("dozens", None, 24, None, "dozens"),
    ("51", 51, 51, 51, "exact"),
])
def test_quantity(text, value, lower, upper, qual):
    q = quantity(NUMBER.fullmatch(text))
    assert (q.value, q.lower, q.upper, q.qualifier) == (value, lower, upper, qual)
